import Testing
import JournalModel

@Suite("Cell values are parsed into what they mean, keeping the teacher's text")
struct CellValueTests {
    @Test(arguments: [
        ("5", CellValue.Kind.mark, [5]),
        (" 2 ", .mark, [2]),
        ("4-", .markWithModifier, [4]),
        ("5+", .markWithModifier, [5]),
        ("5!", .markWithModifier, [5]),
        ("3−", .markWithModifier, [3]),
        ("5/4", .doubleMark, [5, 4]),
        ("н", .absence, []),
        ("Н", .absence, []),
        ("н5", .absenceWithMark, [5]),
        ("5н", .absenceWithMark, [5]),
        ("осв", .exempt, []),
        ("н/а", .notAttested, []),
        ("зач", .pass, []),
        ("незач", .fail, []),
        ("безотм", .ungraded, []),
        ("б", .unrecognized, []),
        ("6", .unrecognized, []),
        ("5//4", .unrecognized, []),
    ])
    func parses(text: String, kind: CellValue.Kind, marks: [Int]) {
        let v = CellValue(parsing: text)
        #expect(v.kind == kind)
        #expect(v.marks.map { Int($0.value) } == marks)
        #expect(v.raw == text.trimmingSpaces())
    }

    @Test func modifierIsKept() {
        let v = CellValue(parsing: "4-")
        #expect(v.first == Mark(value: 4, modifier: -1))
        #expect(v.first?.description == "4-")
        // Issue 12: «4-» and «5+» are not silently read as 4 and 5 — their own kind, sign kept.
        #expect(v.kind.ruleName == "отметка_со_знаком" && v.modifier == "-" && v.hasMark)
        #expect(CellValue(parsing: "5+").modifier == "+" && CellValue(parsing: "5!").modifier == "!")
        #expect(CellValue(parsing: "5").modifier == nil && CellValue(parsing: "5/4+").modifier == "+")
    }

    @Test func absenceFlags() {
        #expect(CellValue(parsing: "н5").isAbsence)
        #expect(CellValue(parsing: "н5").hasMark)
        #expect(!CellValue(parsing: "5").isAbsence)
    }
}
