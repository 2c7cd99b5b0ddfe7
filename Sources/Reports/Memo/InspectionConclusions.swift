import JournalModel
import Findings

/// The «Выводы» and «Рекомендации» of the inspection report, naming the teachers and classes
/// (groups) with the most violations per 100 lessons and the requirements broken most often.
///
///     InspectionConclusions.conclusions(doc)
///     // ["За сентябрь 2025 г. выявлено 12 нарушений и 3 замечания.", "Больше всего нарушений …"]
enum InspectionConclusions {
    static func conclusions(_ d: InspectionDocument) -> [String] {
        guard d.findingCount > 0 else {
            return ["Электронный журнал за \(d.monthTitle) ведётся в соответствии с установленными требованиями: "
                    + "нарушений не выявлено."]
        }
        var out: [String] = []
        let violations = d.violations.filter { $0.severity == .violation }.reduce(0) { $0 + $1.count }
        let remarks = d.violations.filter { $0.severity == .remark }.reduce(0) { $0 + $1.count }
        let recommendations = d.violations.filter { $0.severity == .recommendation }.reduce(0) { $0 + $1.count }
        var found = [plural(violations, "нарушение", "нарушения", "нарушений")]
        if remarks > 0 { found.append(plural(remarks, "замечание", "замечания", "замечаний")) }
        if recommendations > 0 { found.append(plural(recommendations, "рекомендация", "рекомендации", "рекомендаций")) }
        out.append("За \(d.monthTitle) выявлено \(list(found)) по ведению электронного журнала.")
        if !d.topTeachers.isEmpty {
            let names = d.topTeachers.map { "\(RussianName($0.teacher).genitive.surnameFirst) (\(InspectionContext.rate($0.violationsPer100)))" }
            out.append("Больше всего нарушений на 100 \(d.words.lessonsGenitive) — у \(d.words.teachersGenitive) "
                       + "\(names.joined(separator: ", ")).")
        }
        if !d.topGroups.isEmpty {
            let names = d.topGroups.map { "\($0.group) (\(InspectionContext.rate($0.violationsPer100)))" }
            let inGroups = d.topGroups.count == 1 ? d.words.inGroup : "в \(d.words.groupsPrepositional)"
            out.append("Среди \(d.words.groupsGenitive) больше всего нарушений на 100 \(d.words.lessonsGenitive) — "
                       + "\(inGroups) \(names.joined(separator: ", ")).")
        }
        let main = d.violations.prefix(3).map { "\(RussianQuotes.quoted($0.title)) (\($0.clause)) — \($0.count)" }
        if !main.isEmpty {
            out.append("Чаще всего нарушались требования: \(main.joined(separator: "; ")).")
        }
        if !d.unchecked.isEmpty {
            out.append("Часть требований проверить по выгрузке не удалось (см. перечень выше): отсутствие нарушений "
                       + "по ним не означает, что они выполнены.")
        }
        return out
    }

    static func recommendations(_ d: InspectionDocument) -> [String] {
        var out: [String] = []
        let w = d.words
        if !d.topTeachers.isEmpty {
            let names = d.topTeachers.map { RussianName($0.teacher).dative.surnameFirst }
            let one = names.count == 1
            let who = w.kind == .school ? (one ? "Учителю" : "Учителям") : (one ? "Преподавателю" : "Преподавателям")
            out.append("\(who) \(names.joined(separator: ", ")) устранить выявленные нарушения и в дальнейшем заполнять "
                       + "электронный журнал в установленные сроки.")
        }
        let named = Set(d.topTeachers.map(\.teacher))
        if d.teachers.contains(where: { $0.findings > 0 && !named.contains($0.teacher) }) {
            let who = named.isEmpty ? "Педагогическим работникам, допустившим нарушения," : "Остальным педагогическим работникам, допустившим нарушения,"
            out.append("\(who) устранить их до начала следующего месяца.")
        }
        let curators = w.curatorsDative.prefix(1).uppercased() + w.curatorsDative.dropFirst()
        if !d.topGroups.isEmpty {
            let groups = d.topGroups.map(\.group).joined(separator: ", ")
            let one = d.topGroups.count == 1
            let addressee = switch (w.kind, one) {
            case (.school, true): "Классному руководителю \(groups) класса"
            case (.school, false): "\(curators) \(groups) классов"
            case (.college, true): "Куратору группы \(groups)"
            case (.college, false): "\(curators) \(groups)"
            }
            out.append("\(addressee) усилить еженедельный контроль заполнения электронного журнала; остальным — продолжить его.")
        } else {
            out.append("\(curators) продолжить еженедельный контроль заполнения электронного журнала.")
        }
        out.append("Повторную проверку провести в следующем месяце.")
        return out
    }

    static func plural(_ n: Int, _ one: String, _ few: String, _ many: String) -> String {
        "\(n) \(DurationText.plural(n, one, few, many))"
    }

    static func list(_ items: [String]) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " и " + last
    }
}
