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
         "recipient": party(recipient), "author": party(author), "regulation": unquoted(regulation),
         "regulation_quoted": RussianQuotes.quoted(regulation)]
    }

    /// «Положение об электронном журнале МАОУ „ООШ № 14“» without the outer quotes a template
    /// adds itself, its own quotes made the inner „лапки“.
    static func unquoted(_ s: String) -> String { RussianQuotes.inner(RussianQuotes.unwrapped(s)) }

    static let commonSchema: [String: TemplateSchema] = [
        "institution": .leaf, "date": .leaf, "number": .leaf, "has_number": .leaf,
        "recipient": partySchema, "author": partySchema, "regulation": .leaf, "regulation_quoted": .leaf,
        "words": .leaves(InstitutionWords.contextKeys),
    ]

    static func memo(_ m: MemoDocument) -> [String: Any] {
        var c = common(institution: m.institution, date: m.date, number: m.number, recipient: m.recipient,
                       author: m.author, regulation: m.regulation)
        c["words"] = m.words.context
        c["group"] = m.group
        c["group_of"] = m.words.ofGroup(m.group)
        c["heading"] = m.title
        c["violations_kind"] = m.violationsKind
        c["fill_manner"] = m.fillManner
        c["has_late"] = m.hasLate
        c["has_wrong"] = m.hasWrong
        c["week_start"] = m.weekStart.description
        c["week_end"] = m.weekEnd.description
        c["finding_count"] = m.findingCount
        c["finding_count_text"] = MemoWording.count(m.findingCount, .other)
        c["teacher_count"] = m.teachers.count
        c["teachers"] = m.teachers.enumerated().map { n, t -> [String: Any] in
            let several = Set(t.items.map { $0.subject ?? "" }).count > 1
            let items = t.items.map { i -> [String: Any] in
                ["text": MemoWording.item(i, withSubject: several, words: m.words),
                 "what": MemoWording.phrase(i.phrase, count: i.count, dates: i.dates, area: i.area, words: m.words),
                 "dates": Parties.dates(i.dates), "count": MemoWording.count(i.count, i.area),
                 "delay": MemoWording.delay(i.maxDelaySeconds) ?? "", "has_delay": i.maxDelaySeconds != nil,
                 "clause": i.clause, "subject": i.subject ?? ""]
            }
            return ["n": n + 1, "name": t.name, "short_name": shortName(t.name),
                    "position": t.position ?? "", "subjects": t.subjects.joined(separator: ", "),
                    "title": MemoWording.teacherTitle(t),
                    "summary": MemoWording.summary(t.items, severalSubjects: several, words: m.words),
                    "finding_count": t.findingCount, "items": items]
        }
        c["rows"] = m.rows.enumerated().map { n, r -> [String: Any] in
            ["n": n + 1, "date": r.date?.description ?? "—", "teacher": r.teacher,
             "teacher_short": shortName(r.teacher), "subject": r.subject ?? "—",
             "teacher_subject": shortName(r.teacher) + (r.subject.map { ", \($0)" } ?? ""),
             "what": MemoWording.rowWhat(r, words: m.words), "count": r.count,
             "delay": MemoWording.delay(r.maxDelaySeconds) ?? "—", "clause": r.clause, "expected": r.expected ?? "—"]
        }
        return c
    }

    static let memoSchema: TemplateSchema = {
        var f = commonSchema
        for k in ["group", "group_of", "heading", "violations_kind", "fill_manner", "has_late", "has_wrong", "week_start", "week_end",
                  "finding_count", "finding_count_text", "teacher_count"] { f[k] = .leaf }
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
