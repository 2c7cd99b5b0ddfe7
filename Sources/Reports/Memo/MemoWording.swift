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

    /// «отметки внесены с опозданием», «темы уроков не внесены», «недостаточная накопляемость отметок».
    static func what(_ area: FindingArea, _ problem: EntryProblem, requirement: String? = nil) -> String {
        if problem == .wrong, let r = requirement { return "не выполнено требование «\(r)»" }
        return switch area {
        case .accumulation: "недостаточная накопляемость отметок"
        case .corrections: "исправления отметок с нарушением требований"
        case .other: problem == .late ? "записи внесены с опозданием" : "прочие нарушения"
        default: "\(area.russianTitle) \(problem.rawValue)"
        }
    }

    /// «за уроки 08.09.2025, 10.09.2025», «за урок 12.09.2025», «на 24.10.2025».
    static func dates(_ ds: [LocalDate], _ area: FindingArea) -> String {
        let list = Parties.dates(ds)
        if ds.isEmpty { return "" }
        switch area {
        case .periodMarks, .accumulation: return "на \(list)"
        default: return (Set(ds).count == 1 ? "за урок " : "за уроки ") + list
        }
    }

    /// «до 2 сут. 3 ч»; nil without a positive delay.
    static func delay(_ seconds: Int64?) -> String? {
        guard let s = seconds, s > 0 else { return nil }
        return DurationText.russian(seconds: s)
    }

    /// One item of a teacher's paragraph:
    /// «отметки внесены с опозданием за уроки 08.09.2025, 10.09.2025 — 12 отметок, задержка до 1 сут. 2 ч (п. 4.3)».
    static func item(_ i: MemoItem, withSubject: Bool) -> String {
        var s = withSubject ? "\(i.subject ?? "предмет не указан"): " : ""
        s += what(i.area, i.problem, requirement: i.requirement)
        let d = dates(i.dates, i.area)
        if !d.isEmpty { s += " " + d }
        s += " — " + count(i.count, i.area)
        if let delay = delay(i.maxDelaySeconds) { s += ", задержка до \(delay)" }
        s += " (\(i.clause))"
        return s
    }

    /// A teacher's items joined with «; »; with several subjects, each subject is named once,
    /// before its first item: «Алгебра: отметки …; темы …; Геометрия: отметки …».
    static func summary(_ items: [MemoItem], severalSubjects: Bool) -> String {
        var previous: String??
        return items.map { i in
            defer { previous = .some(i.subject) }
            return item(i, withSubject: severalSubjects && previous != .some(i.subject))
        }.joined(separator: "; ")
    }

    /// «Смирнова Ольга Петровна, учитель математики (Алгебра)».
    static func teacherTitle(_ t: MemoTeacher) -> String {
        var s = t.name
        if let p = t.position, !p.isEmpty { s += ", \(p)" }
        if !t.subjects.isEmpty { s += " (\(t.subjects.joined(separator: ", ")))" }
        return s
    }

    /// «Отметки: внесены с опозданием» for the table's «Нарушение» column.
    static func rowWhat(_ r: MemoRow) -> String {
        let w = what(r.area, r.problem, requirement: r.requirement)
        return w.prefix(1).uppercased() + w.dropFirst()
    }

    static func capitalized(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }
}
