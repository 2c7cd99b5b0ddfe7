import JournalModel
import Testing

/// Period names as exports print them, against calendars of each kind (the issue's «1 тр»,
/// «I четв.», «2 полуг.», «1 сем.», «1 полуг.»).
@Suite struct PeriodNamesTests {
    func d(_ s: String) -> LocalDate { DateParsing.date(s)! }

    func calendar(_ kind: StudyPeriod.Kind, _ names: [String], year: String = "2025/2026") -> [StudyPeriod] {
        let starts = ["01.09.2025", "01.12.2025", "01.03.2026", "01.05.2026"]
        var out = names.enumerated().map { i, n in
            StudyPeriod(name: n, kind: kind, start: d(starts[i]), end: d(starts[i]).adding(days: 60))
        }
        out.append(StudyPeriod(name: year, kind: .year, start: d("01.09.2025"), end: d("31.05.2026")))
        return out
    }

    func names(_ exported: [String], _ periods: [StudyPeriod]) -> [String] {
        exported.map { PeriodNames.match($0, in: periods).map { periods[Int($0)].name } ?? "—" }
    }

    @Test func quarters() {
        let q = calendar(.quarter, ["1 четверть", "2 четверть", "3 четверть", "4 четверть"])
        #expect(names(["1 четв", "I четв.", "II четверть", "четверть 3", "IV ч.", "4-я четверть", "первая четверть", "Четвёртая четверть",
                       "Год", "годовая", "2025/2026", "5 четв", "Итог", "1"], q)
                == ["1 четверть", "1 четверть", "2 четверть", "3 четверть", "4 четверть", "4 четверть", "1 четверть", "4 четверть",
                    "2025/2026", "2025/2026", "2025/2026", "—", "—", "1 четверть"])
    }

    @Test func trimestersHalvesAndSemesters() {
        let t = calendar(.trimester, ["1 триместр", "2 триместр", "3 триместр"])
        #expect(names(["1 тр", "I тр.", "2 трим.", "третий триместр", "1 четв"], t) == ["1 триместр", "1 триместр", "2 триместр", "3 триместр", "—"])
        let h = calendar(.halfYear, ["I полугодие", "II полугодие"])
        #expect(names(["1 полуг.", "2 полуг.", "1 п/г", "второе полугодие", "2 пол."], h) == ["I полугодие", "II полугодие", "I полугодие", "II полугодие", "II полугодие"])
        let s = calendar(.semester, ["1 семестр", "2 семестр"])
        #expect(names(["1 сем.", "II сем", "Семестр 2", "3 сем."], s) == ["1 семестр", "2 семестр", "2 семестр", "—"])
    }

    /// A calendar whose names carry no ordinals: the N-th period of the kind by its start.
    @Test func namesWithoutOrdinals() {
        let t = calendar(.trimester, ["Осенний триместр", "Зимний триместр", "Весенний триместр"])
        #expect(names(["1 тр", "3 тр.", "4 тр"], t) == ["Осенний триместр", "Весенний триместр", "—"])
    }

    /// Two years in one calendar: the school year in the name decides; «Год» alone does not.
    @Test func twoYears() {
        var p = calendar(.quarter, ["1 четверть"])
        p.append(StudyPeriod(name: "2026/2027", kind: .year, start: d("01.09.2026"), end: d("31.05.2027")))
        #expect(names(["Год", "год 2026/2027", "2025/2026"], p) == ["—", "2026/2027", "2025/2026"])
    }
}
