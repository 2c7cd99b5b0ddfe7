import JournalModel
import Findings

/// The values a memo template sees, and the schema that lists them (documented, name by
/// name, in `templates/memo/README.md`).
enum MemoContext {
    static func party(_ p: DocumentParty) -> [String: Any] {
        ["position": p.position, "name": p.inflectedName, "full_name": p.fullName ?? DocumentParty.blank,
         "signature": p.signatureName]
    }

    /// «Смирнова О.П.»; the «преподаватель не указан» placeholder stays as it is.
    static func shortName(_ name: String) -> String {
        name == ServiceMemo.noTeacher ? name : RussianName(name).surnameFirst
    }

    static let partySchema = TemplateSchema.leaves(["position", "name", "full_name", "signature"])

    static func common(institution: String, date: LocalDate, number: String?, recipient: DocumentParty,
                       author: DocumentParty, regulation: String) -> [String: Any] {
        ["institution": institution, "date": date.description,
         "number": number ?? DocumentParty.blank, "has_number": number != nil,
         "recipient": party(recipient), "author": party(author), "regulation": unquoted(regulation)]
    }

    /// «Положение об электронном журнале» without the outer quotes a template adds itself.
    static func unquoted(_ s: String) -> String {
        var t = s.trimmingSpaces()
        if t.first == "«" && t.last == "»" && t.count >= 2 { t = String(t.dropFirst().dropLast()) }
        if t.first == "\"" && t.last == "\"" && t.count >= 2 { t = String(t.dropFirst().dropLast()) }
        return t
    }

    static let commonSchema: [String: TemplateSchema] = [
        "institution": .leaf, "date": .leaf, "number": .leaf, "has_number": .leaf,
        "recipient": partySchema, "author": partySchema, "regulation": .leaf,
    ]

    static func memo(_ m: MemoDocument) -> [String: Any] {
        var c = common(institution: m.institution, date: m.date, number: m.number, recipient: m.recipient,
                       author: m.author, regulation: m.regulation)
        c["group"] = m.group
        c["week_start"] = m.weekStart.description
        c["week_end"] = m.weekEnd.description
        c["finding_count"] = m.findingCount
        c["finding_count_text"] = MemoWording.count(m.findingCount, .other)
        c["teacher_count"] = m.teachers.count
        c["teachers"] = m.teachers.enumerated().map { n, t -> [String: Any] in
            let several = Set(t.items.map { $0.subject ?? "" }).count > 1
            let items = t.items.map { i -> [String: Any] in
                ["text": MemoWording.item(i, withSubject: several), "what": MemoWording.what(i.area, i.problem, requirement: i.requirement),
                 "dates": Parties.dates(i.dates), "count": MemoWording.count(i.count, i.area),
                 "delay": MemoWording.delay(i.maxDelaySeconds) ?? "", "has_delay": i.maxDelaySeconds != nil,
                 "clause": i.clause, "subject": i.subject ?? ""]
            }
            return ["n": n + 1, "name": t.name, "short_name": shortName(t.name),
                    "position": t.position ?? "", "subjects": t.subjects.joined(separator: ", "),
                    "title": MemoWording.teacherTitle(t),
                    "summary": MemoWording.summary(t.items, severalSubjects: several),
                    "finding_count": t.findingCount, "items": items]
        }
        c["rows"] = m.rows.enumerated().map { n, r -> [String: Any] in
            ["n": n + 1, "date": r.date?.description ?? "—", "teacher": r.teacher,
             "teacher_short": shortName(r.teacher), "subject": r.subject ?? "—",
             "teacher_subject": shortName(r.teacher) + (r.subject.map { ", \($0)" } ?? ""),
             "what": MemoWording.rowWhat(r), "count": r.count,
             "delay": MemoWording.delay(r.maxDelaySeconds) ?? "—", "clause": r.clause, "expected": r.expected ?? "—"]
        }
        return c
    }

    static let memoSchema: TemplateSchema = {
        var f = commonSchema
        for k in ["group", "week_start", "week_end", "finding_count", "finding_count_text", "teacher_count"] { f[k] = .leaf }
        f["teachers"] = TemplateSchema([
            "n": .leaf, "name": .leaf, "short_name": .leaf, "position": .leaf, "subjects": .leaf, "title": .leaf,
            "summary": .leaf, "finding_count": .leaf,
            "items": .leaves(["text", "what", "dates", "count", "delay", "has_delay", "clause", "subject"]),
        ])
        f["rows"] = .leaves(["n", "date", "teacher", "teacher_short", "subject", "teacher_subject", "what", "count", "delay", "clause",
                             "expected"])
        return TemplateSchema(f)
    }()
}
