import Foundation
import JournalModel

/// A parameter after `extends`, `set` and command-line overrides.
public struct ResolvedParam: Sendable {
    public var name: String
    public var value: Literal
    public var description: String?
    /// The file that declared it and, if overridden, the file or "--param" that set the value.
    public var declaredIn: String
    public var setIn: String?
}

/// A loaded, checked pack: what the engine runs and what `rules explain/diff` show.
public struct Pack: Sendable {
    public var id: String
    public var title: String
    public var document: String
    /// The pack file and the files it extends, the pack file first.
    public var files: [String]
    public var params: [ResolvedParam]
    public var rules: [CheckedRule]
}

/// Every diagnostic of every file a pack consists of.
public struct PackError: Error, Sendable {
    public var diagnostics: [Diagnostic]
    public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}

public enum PackLoader {
    /// Loads `path` with what it extends, applies `set` and `overrides` (`name=value`), checks every rule.
    public static func load(path: String, overrides: [String: String] = [:]) throws -> Pack {
        var chain: [(PackFile, DiagnosticSink)] = []
        var diags: [Diagnostic] = []
        var current: String? = path
        var via: SourceLocation?
        var seen: Set<String> = []
        while let p = current {
            let std = URL(fileURLWithPath: p).standardized.path
            guard seen.insert(std).inserted else {
                diags.append(Diagnostic(id: RuleDiagnosticID.extends.rawValue, location: via,
                                        message: "пакеты расширяют друг друга по кругу (\(p))"))
                break
            }
            guard let data = FileManager.default.contents(atPath: p), let text = String(data: data, encoding: .utf8) else {
                diags.append(Diagnostic(id: RuleDiagnosticID.extends.rawValue, location: via,
                                        message: "не удалось прочитать файл правил «\(p)» (нет файла или он не в UTF-8)"))
                break
            }
            let sink = DiagnosticSink(file: p, text: text)
            var parser = Parser(text: text, sink: sink)
            let file = parser.parseFile()
            chain.append((file, sink))
            current = file.extends.map { URL(fileURLWithPath: $0, relativeTo: URL(fileURLWithPath: p).deletingLastPathComponent()).path }
            via = file.extendsLoc
        }
        guard diags.isEmpty else { throw PackError(diagnostics: diags + chain.flatMap { $0.1.sorted }) }
        return try resolve(chain: chain, overrides: overrides)
    }

    /// Parses and checks a single text (lint of files without `extends`, tests).
    public static func load(text: String, file: String) throws -> Pack {
        let sink = DiagnosticSink(file: file, text: text)
        var parser = Parser(text: text, sink: sink)
        let pf = parser.parseFile()
        if pf.extends != nil, let l = pf.extendsLoc {
            sink.add(.extends, at: l, "`extends` поддерживается только для файлов на диске")
        }
        return try resolve(chain: [(pf, sink)], overrides: [:])
    }

    static func resolve(chain: [(PackFile, DiagnosticSink)], overrides: [String: String]) throws -> Pack {
        var params: [String: ResolvedParam] = [:]
        var order: [String] = []
        var rules: [(RuleDecl, DiagnosticSink)] = []
        var document: String?
        var title: String?
        for (file, sink) in chain.reversed() {   // base first
            document = file.document ?? document
            title = file.title ?? title
            for p in file.params {
                if p.isOverride {
                    guard var old = params[p.name] else {
                        sink.add(.unknownParameter, at: p.loc, "`set` для необъявленного параметра `\(p.name)`",
                                 hint: RuleDiagnostics.didYouMean(p.name, among: order))
                        continue
                    }
                    guard sameKind(old.value, p.value) else {
                        sink.add(.typeMismatch, at: p.loc, "параметр `\(p.name)` — «\(old.value.type)», а задано «\(p.value.type)»")
                        continue
                    }
                    old.value = p.value
                    old.setIn = file.path
                    params[p.name] = old
                } else {
                    if params[p.name] != nil { sink.add(.duplicateKey, at: p.loc, "параметр `\(p.name)` уже объявлен; чтобы изменить значение, пишите `set`") }
                    params[p.name] = ResolvedParam(name: p.name, value: p.value, description: p.description, declaredIn: file.path)
                    order.append(p.name)
                }
            }
            for r in file.rules {
                if let i = rules.firstIndex(where: { $0.0.id == r.id }) { rules[i] = (r, sink) } else { rules.append((r, sink)) }
            }
        }
        let top = chain[0]
        if top.0.id == nil { top.1.add(.missingKey, at: top.0.loc, "в пакете нет строки `pack ID`") }
        if title == nil { top.1.add(.missingKey, at: top.0.loc, "в пакете нет строки `title \"…\"`") }
        var cli: [Diagnostic] = []
        for (name, text) in overrides.sorted(by: { $0.key < $1.key }) {
            guard var old = params[name] else {
                cli.append(Diagnostic(id: RuleDiagnosticID.unknownParameter.rawValue, location: nil,
                                      message: "--param: неизвестный параметр `\(name)`",
                                      hint: RuleDiagnostics.didYouMean(name, among: order)))
                continue
            }
            let sink = DiagnosticSink(file: "--param", text: text)
            var parser = Parser(text: text, sink: sink)
            guard let v = parser.parseLiteral(), sink.items.isEmpty, sameKind(old.value, v) else {
                cli.append(Diagnostic(id: RuleDiagnosticID.typeMismatch.rawValue, location: nil,
                                      message: "--param \(name)=\(text): ожидалось значение вида «\(old.value)»"))
                continue
            }
            old.value = v
            old.setIn = "--param"
            params[name] = old
        }
        let values = params.mapValues(\.value)
        var checked: [CheckedRule] = []
        for (r, sink) in rules {
            if let c = RuleChecker.check(r, sink: sink, params: values, packDocument: document) { checked.append(c) }
        }
        let all = chain.flatMap { $0.1.sorted } + cli
        guard all.isEmpty else { throw PackError(diagnostics: all) }
        return Pack(id: top.0.id ?? "", title: title ?? "", document: document ?? "", files: chain.map { $0.0.path },
                    params: order.compactMap { params[$0] }, rules: checked)
    }

    static func sameKind(_ a: Literal, _ b: Literal) -> Bool {
        a.type == b.type || (a.type.isNumeric && b.type.isNumeric)
    }
}
