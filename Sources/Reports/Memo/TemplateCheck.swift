import JournalModel

/// Checks a template's tags against its schema before Mustache sees it: unknown or misspelt
/// placeholders, non-Latin names, unclosed tags and sections, mismatched section ends. Each
/// problem is a Russian diagnostic at the tag's line and column.
enum TemplateCheck {
    struct Tag {
        var sigil: Character?
        var name: String
        var line: Int
        var column: Int
        var lineText: String
    }

    static let nameChars = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ._-")

    /// Sections open at once (the shipped templates nest three deep); Mustache renders nested
    /// sections recursively, so thousands of them would exhaust the stack.
    static let maxSectionDepth = 50
    /// Problems reported for one template; the rest are counted in one closing line.
    static let maxProblems = 50

    static func check(_ text: String, file: String, schema: TemplateSchema) -> [Diagnostic] {
        var unreported = 0
        return check(text, file: file, schema: schema, unreported: &unreported)
    }

    /// `unreported`: problems found past `maxProblems`, counted but not made into diagnostics (a
    /// template of 20,000 misspelt tags must not cost 20,000 suggestions and line copies).
    static func check(_ text: String, file: String, schema: TemplateSchema, unreported: inout Int) -> [Diagnostic] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var problems: [Diagnostic] = []
        var scopes: [TemplateSchema] = [schema]
        var open: [Tag] = []
        var skipped = 0
        defer { unreported = skipped }

        func diag(_ id: String, _ tag: Tag, _ message: @autoclosure () -> String, hint: @autoclosure () -> String? = nil) {
            guard problems.count < maxProblems else { skipped += 1; return }
            problems.append(Diagnostic(id: id, location: SourceLocation(file: file, line: tag.line, column: tag.column),
                                       message: message(), sourceLine: tag.lineText, hint: hint()))
        }

        for tag in tags(lines: lines, file: file, problems: &problems) {
            switch tag.sigil {
            case "!", "%":
                continue
            case ">", "<", "$", "=":
                diag("memo.template.unsupported-tag", tag, "тег «{{\(tag.sigil.map(String.init) ?? "")…}}» в шаблонах zhurnal не поддерживается",
                     hint: "используйте подстановки {{имя}} и разделы {{#имя}}…{{/имя}}")
                continue
            default:
                break
            }
            if let bad = tag.name.first(where: { !nameChars.contains($0) }) {
                diag("memo.template.bad-name", tag, "недопустимый символ «\(bad)» в имени подстановки «\(tag.name)»",
                     hint: "имена подстановок пишутся латиницей, как в templates/memo/README.md")
                continue
            }
            if tag.name.isEmpty {
                diag("memo.template.empty-name", tag, "пустое имя подстановки")
                continue
            }
            if tag.sigil == "/" {
                guard let last = open.last else {
                    diag("memo.template.stray-close", tag, "закрывающий тег {{/\(tag.name)}} без открывающего {{#\(tag.name)}}")
                    continue
                }
                if last.name != tag.name {
                    diag("memo.template.close-mismatch", tag,
                         "раздел {{\(last.sigil.map(String.init) ?? "#")\(last.name)}} из строки \(last.line) закрыт тегом {{/\(tag.name)}}",
                         hint: "закройте его тегом {{/\(last.name)}}")
                }
                open.removeLast()
                scopes.removeLast()
                continue
            }
            let resolved = TemplateSchema.resolve(tag.name, in: scopes)
            // `{{.}}` prints the current item: inside a list of texts that is one text, but where
            // the item is a whole record (or the top of the memo) it would print all of it —
            // every name and figure, as many times as the tag is written.
            if tag.name == ".", tag.sigil == nil || tag.sigil == "&", let r = resolved, !r.fields.isEmpty {
                diag("memo.template.dot-object", tag, "«{{.}}» здесь — целая запись, а не одно значение",
                     hint: "подставляйте поля записи по именам: " + r.fields.keys.sorted().prefix(8).map { "{{\($0)}}" }.joined(separator: ", "))
                continue
            }
            if resolved == nil {
                diag("memo.template.unknown-name", tag, "неизвестная подстановка «\(tag.name)»",
                     hint: suggestion(for: tag.name, among: TemplateSchema.visibleNames(scopes)).map { "возможно, «\($0)»?" }
                        ?? "список подстановок — в templates/memo/README.md")
            }
            if tag.sigil == "#" || tag.sigil == "^" {
                if open.count >= maxSectionDepth {
                    diag("memo.template.too-deep", tag, "разделы вложены слишком глубоко: больше \(maxSectionDepth) разделов {{#…}} друг в друге",
                         hint: "в шаблонах записок разделы вкладываются на два-три уровня — проверьте, закрыт ли каждый раздел")
                    return problems
                }
                // A list inside itself (`{{#rows}}…{{#rows}}`) repeats it for each of its own
                // items: ten levels of a 10-row list is 10¹⁰ renderings.
                if tag.sigil == "#", let outer = open.first(where: { $0.sigil == "#" && $0.name == tag.name }) {
                    diag("memo.template.recursive-section", tag,
                         "раздел {{#\(tag.name)}} внутри раздела {{#\(tag.name)}} из строки \(outer.line): список повторялся бы для каждого своего элемента",
                         hint: "закройте внешний раздел {{/\(tag.name)}} раньше")
                }
                open.append(tag)
                scopes.append(resolved ?? .leaf)
            }
        }
        for tag in open.reversed() {
            diag("memo.template.unclosed-section", tag, "раздел {{\(tag.sigil.map(String.init) ?? "#")\(tag.name)}} не закрыт",
                 hint: "добавьте {{/\(tag.name)}} там, где раздел кончается")
        }
        return problems
    }

    /// At most `maxProblems`, and a closing note with how many more there are.
    static func capped(_ problems: [Diagnostic], file: String, unreported: Int = 0) -> [Diagnostic] {
        let more = problems.count - maxProblems + unreported
        guard more > 0 else { return problems }
        return Array(problems.prefix(maxProblems)) + [Diagnostic(
            id: "memo.template.more", level: .note, location: nil,
            message: "\(file): и ещё \(more) ошибок в шаблоне (показаны первые \(maxProblems))")]
    }

    /// The nearest known name; a swap of two letters («titel») counts as one typo.
    static func suggestion(for name: String, among names: [String]) -> String? {
        guard name.count <= Suggestions.maxNameLength else { return nil }
        let sorted = Array(Set(names)).sorted()
        if let near = Suggestions.closest(to: name, among: sorted) { return near }
        let limit = max(2, name.count / 3)
        return sorted.filter { abs($0.count - name.count) <= limit }.map { ($0, Suggestions.distance(name, $0)) }.filter { $0.1 <= limit }
            .min { $0.1 < $1.1 }?.0
    }

    /// The `{{…}}` tags of the text in order; an unterminated tag becomes a problem.
    static func tags(lines: [String], file: String, problems: inout [Diagnostic]) -> [Tag] {
        var out: [Tag] = []
        var inComment: Tag?
        for (i, line) in lines.enumerated() {
            let chars = Array(line)
            var j = 0
            if inComment != nil {
                guard let end = find(chars, "}}", from: 0) else { continue }
                inComment = nil
                j = end + 2
            }
            while let start = find(chars, "{{", from: j) {
                let triple = start + 2 < chars.count && chars[start + 2] == "{"
                var k = start + (triple ? 3 : 2)
                let sigil: Character? = k < chars.count && "#^/&!%><$=".contains(chars[k]) ? chars[k] : nil
                if sigil != nil { k += 1 }
                let tag = Tag(sigil: sigil, name: "", line: i + 1, column: start + 1, lineText: line)
                guard let end = find(chars, triple ? "}}}" : "}}", from: k) else {
                    if sigil == "!" { inComment = tag; break }
                    problems.append(Diagnostic(
                        id: "memo.template.unclosed-tag", location: SourceLocation(file: file, line: i + 1, column: start + 1),
                        message: "тег не закрыт: после «{{» нет «\(triple ? "}}}" : "}}")» в этой строке",
                        sourceLine: line))
                    break
                }
                var named = tag
                named.name = String(chars[k..<end]).trimmingSpaces()
                out.append(named)
                j = end + (triple ? 3 : 2)
            }
        }
        return out
    }

    static func find(_ chars: [Character], _ pattern: String, from: Int) -> Int? {
        let p = Array(pattern)
        guard chars.count >= p.count, from <= chars.count - p.count else { return nil }
        for i in from...(chars.count - p.count) where chars[i] == p[0] {
            if Array(chars[i..<(i + p.count)]) == p { return i }
        }
        return nil
    }
}
