import RuleLanguage

/// The reference tables of rules/README.md (sections 3 and 4.2), rendered from the registry.
/// `zhurnal rules fields` prints them; a test compares them with the README.
public enum ReferenceText {
    static let main: [Entity] = [.lesson, .cell, .periodMark, .planItem, .change, .span, .groupMonth, .planFact,
                                 .teaching, .teacherMonth, .load, .group]
    static let reference: [Entity] = [.student, .teacher, .subject, .period, .holiday]

    public static func fields() -> String {
        var out = "| сущность в scope | что это |\n|---|---|\n"
        for s in FieldRegistry.scopes { out += "| `\(s.name)` | \(s.description) |\n" }
        out += "\nПоля каждой сущности перечислены ниже; эта таблица проверяется тестом по реестру полей\n"
        out += "движка — `zhurnal rules fields` печатает то же самое.\n"
        for e in main { out += "\n" + table(e) }
        out += "\nСправочные сущности (доступны только через поля):\n"
        for e in reference { out += "\n" + table(e) }
        out += "\nГлобальные имена (доступны в любом условии):\n\n| имя | тип | описание |\n|---|---|---|\n"
        for g in FieldRegistry.globals { out += "| `\(g.name)` | \(g.type) | \(g.description) |\n" }
        return out
    }

    static func table(_ e: Entity) -> String {
        var out = "**\(e.rawValue)** — \(e.title)\n\n| поле | тип | описание |\n|---|---|---|\n"
        for f in FieldRegistry.fields[e] ?? [] { out += "| `\(f.name)` | \(f.type) | \(f.description) |\n" }
        return out
    }

    public static func functions() -> String {
        var out = "| функция | результат | описание |\n|---|---|---|\n"
        for f in FieldRegistry.functions { out += "| `\(f.signature)` | \(f.result) | \(f.description) |\n" }
        return out
    }
}
