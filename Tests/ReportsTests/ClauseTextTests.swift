import Testing
import Reports

/// A clause citation keeps «п.» and its number together: a printed memo or a narrow XLSX column
/// must not end a line with «п.» and start the next with «3.2.4.2».
@Suite struct ClauseTextTests {
    @Test(arguments: [
        ("3.2.4.2", "п.\u{00A0}3.2.4.2"),
        ("  4.3 ", "п.\u{00A0}4.3"),
        ("п. 4.3", "п.\u{00A0}4.3"),
        ("п.4.3", "п.\u{00A0}4.3"),
        ("п.\u{00A0}4.3", "п.\u{00A0}4.3"),
        ("П.  5", "П.\u{00A0}5"),
        ("пп. 3.2.4.2, 3.2.4.5", "пп.\u{00A0}3.2.4.2, 3.2.4.5"),
        ("раздел 5", "раздел 5"),
        ("п. а", "п. а"),
        ("", "—"),
    ])
    func citesWithANoBreakSpace(raw: String, cited: String) {
        #expect(ClauseText.cited(raw) == cited)
    }
}
