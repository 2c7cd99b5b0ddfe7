import Foundation
import FileAccess
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
            let text: String
            do { text = try InputFile.text(p) } catch {
                diags.append(Diagnostic(id: RuleDiagnosticID.extends.rawValue, location: via,
                                        message: "не удалось прочитать файл правил \(error.message)"))
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
        // Declared without a default (`param x "…"`) and not set yet: name → description.
        var unset: [String: String?] = [:]
        var rules: [(RuleDecl, DiagnosticSink)] = []
        var templates: [String: RuleDecl] = [:]
        let defs = Definitions()
        var document: String?
        var title: String?
        for (file, sink) in chain.reversed() {   // base first
            document = file.document ?? document
            title = file.title ?? title
            defs.broken.formUnion(file.brokenNames)
            for p in file.params {
                if p.isOverride {
                    guard let value = p.value else { continue }
                    if let desc = unset[p.name] {
                        params[p.name] = ResolvedParam(name: p.name, value: value, description: desc, declaredIn: "", setIn: file.path)
                        unset[p.name] = nil
                        order.append(p.name)
                        continue
                    }
                    guard var old = params[p.name] else {
                        sink.add(.unknownParameter, at: p.loc, "`set` для необъявленного параметра `\(p.name)`",
                                 hint: RuleDiagnostics.didYouMean(p.name, among: order))
                        continue
                    }
                    guard sameKind(old.value, value) else {
                        sink.add(.typeMismatch, at: p.loc, "параметр `\(p.name)` — «\(old.value.type)», а задано «\(value.type)»")
                        continue
                    }
                    old.value = value
                    old.setIn = file.path
                    params[p.name] = old
                } else {
                    // A parameter the base declared without a default may be declared again with
                    // the value and the reason of this pack's document.
                    if let value = p.value, unset.keys.contains(p.name) {
                        params[p.name] = ResolvedParam(name: p.name, value: value, description: p.description ?? unset[p.name] ?? nil,
                                                       declaredIn: file.path)
                        unset[p.name] = nil
                        order.append(p.name)
                        continue
                    }
                    if params[p.name] != nil || unset.keys.contains(p.name) {
                        sink.add(.duplicateKey, at: p.loc, "параметр `\(p.name)` уже объявлен; чтобы изменить значение, пишите `set`")
                    }
                    if let value = p.value {
                        params[p.name] = ResolvedParam(name: p.name, value: value, description: p.description, declaredIn: file.path)
                        order.append(p.name)
                    } else {
                        unset[p.name] = p.description
                    }
                }
            }
            for d in file.defines { defs.add(d, sink: sink) }
            for t in file.templates {
                if !t.examples.isEmpty {
                    sink.add(.badExample, at: t.examples[0].loc, "примеры пишутся в правиле, а не в шаблоне",
                             hint: "у каждого правила по шаблону свои параметры, и примеры проверяют именно его")
                }
                templates[t.id] = t
            }
            for r in file.rules {
                if let i = rules.firstIndex(where: { $0.0.id == r.id }) { rules[i] = (r, sink) } else { rules.append((r, sink)) }
            }
        }
        for (_, sink) in chain {
            for (_, other) in chain where other.file != sink.file { sink.otherFiles[other.file] = other.lines }
        }
        // Rules written from templates take the template's items they do not write themselves.
        var unknownTemplate = Set<String>()
        for i in rules.indices {
            guard let name = rules[i].0.template else { continue }
            guard let t = templates[name] else {
                let r = rules[i].0
                rules[i].1.add(.unknownTemplate, at: r.templateLoc ?? r.loc, "нет шаблона `\(name)`",
                               hint: RuleDiagnostics.didYouMean(name, among: templates.keys.sorted())
                                   ?? (templates.isEmpty ? "шаблоны объявляются строкой `template ИМЯ {` в пакете или в пакете из `extends`"
                                                         : "шаблоны: " + templates.keys.sorted().joined(separator: ", ")))
                unknownTemplate.insert(r.id)   // its other items are not judged without the template
                continue
            }
            rules[i].0 = merge(rules[i].0, template: t)
        }
        rules.removeAll { unknownTemplate.contains($0.0.id) }
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
                // The value's own mistake (a term over 100 years, an unknown unit) when it has one.
                let why = sink.items.first.map { $0.message + "; " } ?? ""
                cli.append(Diagnostic(id: (sink.items.first?.id).flatMap { $0.isEmpty ? nil : $0 } ?? RuleDiagnosticID.typeMismatch.rawValue,
                                      location: nil,
                                      message: "--param \(name)=\(text): \(why)ожидалось значение вида «\(old.value)»"))
                continue
            }
            old.value = v
            old.setIn = "--param"
            params[name] = old
        }
        let values = params.mapValues(\.value)
        let unsetNames = Set(unset.keys)
        // Derived fields are checked once here too, so a mistake in one no rule uses is reported.
        for (key, entry) in defs.fields.sorted(by: { $0.key < $1.key }) {
            var ec = ExprChecker(sink: entry.sink, params: values, root: key.entity, defs: defs)
            ec.unsetParams = unsetNames
            ec.expanding = ["\(key.entity.rawValue).\(key.name)"]
            _ = ec.check(entry.decl.body)
        }
        var checked: [CheckedRule] = []
        for (r, sink) in rules {
            if let c = RuleChecker.check(r, sink: sink, params: values, unset: unsetNames, defs: defs, packDocument: document) {
                checked.append(c)
            }
        }
        let all = chain.flatMap { $0.1.sorted } + cli
        guard all.isEmpty else { throw PackError(diagnostics: all) }
        return Pack(id: top.0.id ?? "", title: title ?? "", document: document ?? "", files: chain.map { $0.0.path },
                    params: order.compactMap { params[$0] }, rules: checked)
    }

    /// A rule written `from` a template: the rule's own items, and the template's for the rest.
    static func merge(_ r: RuleDecl, template t: RuleDecl) -> RuleDecl {
        var m = r
        let has = { (k: String) in r.seenKeys.contains(k) }
        if !has("title") { m.title = t.title }
        if !has("document") { m.document = t.document }
        if !has("clause") { m.clause = t.clause }
        if !has("severity") { m.severity = t.severity; m.severityLoc = t.severityLoc }
        if !has("tags") { m.tags = t.tags; m.tagsLoc = t.tagsLoc }
        if !has("valid") { m.validFrom = t.validFrom; m.validTo = t.validTo }
        if !has("scope") { m.scope = t.scope; m.scopeLoc = t.scopeLoc; m.filter = t.filter }
        if !has("require") && !has("forbid") && !has("measure") {
            m.condition = t.condition
            m.conditionIsForbid = t.conditionIsForbid
            m.measure = t.measure
        }
        if !has("warn") { m.warn = t.warn }
        if !has("fail") { m.fail = t.fail }
        if !has("message") { m.message = t.message }
        if !has("expected") { m.expected = t.expected }
        if !has("found") { m.found = t.found }
        if !has("due") { m.due = t.due }
        // `skip when` lines: the rule's own when it writes any, else the template's.
        if r.skips.isEmpty { m.skips = t.skips }
        m.localParams = t.localParams.filter { p in !r.localParams.contains { $0.name == p.name } } + r.localParams
        m.seenKeys.formUnion(t.seenKeys)
        return m
    }

    static func sameKind(_ a: Literal, _ b: Literal) -> Bool {
        a.type == b.type || (a.type.isNumeric && b.type.isNumeric)
    }
}
