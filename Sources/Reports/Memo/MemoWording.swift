import JournalModel
import Findings

/// The Russian phrases a memo is made of, built from findings so templates stay simple.
enum MemoWording {
    /// «12 отметок», «1 тема урока», «3 домашних задания».
    static func count(_ n: Int, _ area: FindingArea) -> String {
        let forms: (String, String, String) = switch area {
        case .marks: ("отметка", "отметки", "отметок")
        case .topics: ("тема урока", "темы уроков", "тем уроков")
        case .homework: ("домашнее задание", "домашних задания", "домашних заданий")
        case .absences: ("отметка о пропуске", "отметки о пропусках", "отметок о пропусках")
        case .substitutions: ("замена", "замены", "замен")
        case .periodMarks: ("отметка за период", "отметки за период", "отметок за период")
        case .accumulation: ("случай", "случая", "случаев")
        case .corrections: ("исправление", "исправления", "исправлений")
        case .other: ("нарушение", "нарушения", "нарушений")
        }
        return "\(n) \(DurationText.plural(n, forms.0, forms.1, forms.2))"
    }

    /// «за уроки 08.09.2025, 10.09.2025», «за урок 12.09.2025» (a college: «за занятие»),
    /// «на 24.10.2025» for period marks and accumulation; "" without dates.
    static func lessons(_ ds: [LocalDate], _ area: FindingArea, _ words: InstitutionWords) -> String {
        let list = Parties.dates(ds)
        if ds.isEmpty { return "" }
        switch area {
        case .periodMarks, .accumulation: return "на \(list)"
        default:
            let one = Set(ds).count == 1
            let noun = words.kind == .college ? (one ? "занятие" : "занятия") : (one ? "урок" : "уроки")
            return "за \(noun) \(list)"
        }
    }

    /// The phrase for `count` cases on `dates`, placeholders filled:
    /// «не указаны темы уроков 08.09.2025, 10.09.2025», «отметка внесена с опозданием за урок 09.10.2025».
    static func phrase(_ p: MemoPhrases.Phrase, count: Int, dates: [LocalDate], area: FindingArea,
                       words: InstitutionWords) -> String {
        var s = count == 1 ? p.one : p.many
        let lessonText = lessons(dates, area, words)
        let dateText = Parties.dates(dates)
        if s.contains("{уроки}") || s.contains("{даты}") {
            s = s.replacingOccurrences(of: "{уроки}", with: lessonText).replacingOccurrences(of: "{даты}", with: dateText)
        } else if !lessonText.isEmpty {
            s += " " + lessonText
        }
        // A placeholder with no dates leaves a double or trailing space.
        while s.contains("  ") { s = s.replacingOccurrences(of: "  ", with: " ") }
        return s.replacingOccurrences(of: " (уроки )", with: "").replacingOccurrences(of: " ,", with: ",").trimmingSpaces()
    }

    /// «задержка 1 сут. 2 ч» for one case, «наибольшая задержка 1 сут. 2 ч» for several; nil without a delay.
    static func delay(_ seconds: Int64?, count: Int) -> String? {
        guard let s = seconds, s > 0 else { return nil }
        return (count == 1 ? "задержка " : "наибольшая задержка ") + DurationText.russian(seconds: s)
    }

    /// «1 сут. 2 ч»; nil without a positive delay (the table's column).
    static func delay(_ seconds: Int64?) -> String? {
        guard let s = seconds, s > 0 else { return nil }
        return DurationText.russian(seconds: s)
    }

    /// One item of a teacher's paragraph:
    /// «отметки внесены с опозданием за уроки 08.09.2025, 10.09.2025 — 12 отметок, наибольшая задержка 1 сут. 2 ч (п. 4.3)»,
    /// «не указана тема урока 03.09.2025 (п. 3.2.4.8)».
    static func item(_ i: MemoItem, withSubject: Bool, words: InstitutionWords) -> String {
        var s = withSubject ? "\(i.subject ?? "предмет не указан"): " : ""
        s += phrase(i.phrase, count: i.count, dates: i.dates, area: i.area, words: words)
        // The count adds something only when some lesson has several cases.
        var tail: [String] = []
        if i.count > Set(i.dates).count { tail.append(count(i.count, i.area)) }
        if let d = delay(i.maxDelaySeconds, count: i.count) { tail.append(d) }
        if !tail.isEmpty { s += (tail.count == 2 || i.count > Set(i.dates).count ? " — " : ", ") + tail.joined(separator: ", ") }
        s += " (\(i.clause))"
        return s
    }

    /// A teacher's items joined with «; »; with several subjects, each subject is named once,
    /// before its first item: «Алгебра: отметки …; темы …; Геометрия: отметки …».
    static func summary(_ items: [MemoItem], severalSubjects: Bool, words: InstitutionWords) -> String {
        var previous: String??
        return items.map { i in
            defer { previous = .some(i.subject) }
            return item(i, withSubject: severalSubjects && previous != .some(i.subject), words: words)
        }.joined(separator: "; ")
    }

    /// «Смирнова Ольга Петровна, учитель математики (Алгебра)».
    static func teacherTitle(_ t: MemoTeacher) -> String {
        var s = t.name
        if let p = t.position, !p.isEmpty { s += ", \(p)" }
        if !t.subjects.isEmpty { s += " (\(t.subjects.joined(separator: ", ")))" }
        return s
    }

    /// «Отметка внесена с опозданием» for the table's «Нарушение» column (the date is its own column).
    static func rowWhat(_ r: MemoRow, words: InstitutionWords) -> String {
        capitalized(phrase(r.phrase, count: r.count, dates: [], area: r.area, words: words))
    }

    static func capitalized(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }
}
