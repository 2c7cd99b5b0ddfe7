import Testing
import JournalModel
import RuleLanguage
@testable import RuleEngine

/// Issue 17: the mark fields of a cell (`mark`, `second_mark`, `has_mark`) read one-byte copies
/// kept by the index (`JournalIndex.cellFirstMark`, `cellSecondMark`). They must give what the
/// cell holds for every shape of cell an export writes.
@Suite struct MarkBytesTests {
    /// Each cell's text, and its first and second mark read off the text by hand.
    static let cells: [(text: String, first: Double?, second: Double?)] = [
        ("5", 5, nil), ("4-", 4, nil), ("5+", 5, nil), ("5!", 5, nil), ("1", 1, nil),
        ("5/4", 5, 4), ("2/3", 2, 3),
        ("н", nil, nil), ("Н", nil, nil), ("б", nil, nil), ("осв", nil, nil), ("зач", nil, nil), ("", nil, nil),
        ("н5", 5, nil), ("5н", 5, nil), ("н 3", 3, nil), ("н5/4", 5, 4),
    ]

    static func journal() -> Journal {
        var b = JournalBuilder(institution: Institution(name: "Школа"))
        let g = b.group("7б"), s = b.subject("Алгебра"), te = b.teacher("Смирнова О. П.")
        let lesson = b.addLesson(Lesson(group: g, subject: s, date: LocalDate(year: 2025, month: 10, day: 6)!, number: 2,
                                        teacher: te, scheduledTeacher: te))
        for (k, c) in cells.enumerated() {
            let st = b.student("Ученик \(k)", group: g)
            b.addCell(Cell(lesson: lesson, student: st, value: CellValue(parsing: c.text)))
        }
        return b.journal
    }

    static func number(_ v: Value) -> Double? { if case .num(let x) = v { x } else { nil } }

    @Test func everyCellsMarksReadAsTheCellHoldsThem() {
        let j = Self.journal()
        let env = Env(journal: j, ix: JournalIndex(journal: j, asOf: LocalDateTime(seconds: 0)))
        let get = { (name: String, i: Int) in FieldGetters.all[FieldKey(.cell, name)]!.get(Ref(kind: .cell, i: Int32(i)), env) }
        #expect(j.cells.count == Self.cells.count)
        for i in j.cells.indices {
            // The cell of «Ученик k» was written from `cells[k]`.
            let k = Int(j.students[Int(j.cells[i].student)].name.dropFirst("Ученик ".count))!
            let c = Self.cells[k]
            let first = get("mark", i), second = get("second_mark", i), has = get("has_mark", i)
            #expect(Self.number(first) == c.first, "«\(c.text)»: первая отметка")
            #expect(c.first != nil || first.isNull, "«\(c.text)»: нет первой отметки — нет данных")
            #expect(Self.number(second) == c.second, "«\(c.text)»: вторая отметка")
            #expect(c.second != nil || second.isNull, "«\(c.text)»: нет второй отметки — нет данных")
            if case .bool(let b) = has { #expect(b == (c.first != nil), "«\(c.text)»: есть отметка") } else { Issue.record("has_mark не логическое") }
        }
    }
}
