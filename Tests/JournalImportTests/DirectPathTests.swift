import Foundation
import JournalGenerator
import JournalImport
import JournalModel
import Testing
@testable import JournalStore

/// The direct path for cells (one cell file, empty journal) must leave exactly the database the
/// staged path leaves: every table compared row by row, and the same accounting.
@Suite struct DirectPathTests {
    /// Every row of every journal table, in key order (the batch's clock time left out).
    func dump(_ db: String) throws -> [String] { try dump(try JournalStore(path: db)) }

    func dump(_ store: JournalStore) throws -> [String] {
        var out: [String] = []
        let tables = try names(store, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        for t in tables {
            let cols = try names(store, "SELECT name FROM pragma_table_info('\(t)') WHERE name <> 'imported_at' ORDER BY cid")
            let s = try store.db.prepare("SELECT \(cols.map { "quote(\($0))" }.joined(separator: " || '|' || ")) FROM \(t) ORDER BY 1")
            var rows: [String] = []
            while try s.step() { rows.append(t + ": " + s.text(0)) }
            out += rows.sorted()
        }
        return out
    }

    func names(_ store: JournalStore, _ sql: String) throws -> [String] {
        let s = try store.db.prepare(sql)
        var out: [String] = []
        while try s.step() { out.append(s.text(0)) }
        return out
    }

    func run(_ paths: [String], db: String, direct: Bool) throws -> ImportSession.Summary {
        var session = ImportSession(importer: FileImporter(profiles: try Repo.profiles()))
        session.directCells = direct
        return try session.run(paths.map { .init(path: $0, displayName: URL(fileURLWithPath: $0).lastPathComponent) },
                               into: try JournalStore(path: db))
    }

    /// Imports `paths` both ways into fresh databases; returns the two summaries after checking
    /// that the databases and the accounting are the same.
    @discardableResult
    func compare(_ paths: [String], expectDirect: Bool, in t: TempDir = TempDir()) throws -> (ImportSession.Summary, ImportSession.Summary) {
        let a = try run(paths, db: t.path("staged.sqlite"), direct: false)
        let b = try run(paths, db: t.path("direct.sqlite"), direct: true)
        #expect(!a.cellsWrittenDirectly)
        #expect(b.cellsWrittenDirectly == expectDirect)
        let (da, db) = (try dump(t.path("staged.sqlite")), try dump(t.path("direct.sqlite")))
        #expect(da.count == db.count)
        for (x, y) in zip(da, db) where x != y {
            Issue.record("staged \(x) ≠ direct \(y)")
            break
        }
        #expect(a.files.map { [$0.read, $0.accepted, $0.rejected] } == b.files.map { [$0.read, $0.accepted, $0.rejected] })
        #expect(a.files.flatMap { $0.rejections.map { "\($0.location):\($0.reason)" } }
                == b.files.flatMap { $0.rejections.map { "\($0.location):\($0.reason)" } })
        #expect(a.outcome?.disagreements.map(\.message) == b.outcome?.disagreements.map(\.message))
        #expect(a.outcome?.disagreements.map(\.line) == b.outcome?.disagreements.map(\.line))
        return (a, b)
    }

    @Test func marksLogAloneGoesDirectAndMatches() throws {
        let (_, b) = try compare([Repo.sample("marks_log_7b_algebra.csv")], expectDirect: true)
        #expect(b.accepted > 100 && b.rejected == 0)
    }

    @Test func marksWithLessonsMatchIncludingDisagreements() throws {
        let t = TempDir()
        // The lessons log without its 15.10.2025 lesson (and no topics file): the marks of that day have no lesson.
        let lessons = try String(contentsOfFile: Repo.sample("lessons_log_7b_algebra.csv"), encoding: .utf8)
            .components(separatedBy: "\n").filter { !$0.hasPrefix("15.10.2025,") }
        let lessonsPath = try t.write("lessons_log_7b_algebra.csv", lessons.joined(separator: "\n"))
        let files = ["marks_log_7b_algebra.csv",
                     "группы.csv", "периоды.csv", "учреждение.csv", "календарь.csv", "звонки.csv", "нагрузка.csv"]
        let (a, b) = try compare(files.map(Repo.sample) + [lessonsPath], expectDirect: true)
        // The marks of 15.10.2025 (lines 161–166 of the marks log: lesson № 4) have no lesson in
        // the lessons log: rejected, not given a lesson of their own.
        for s in [a, b] {
            let marks = try #require(s.files.first { $0.path == "marks_log_7b_algebra.csv" })
            #expect(marks.rejections.map(\.location.line) == Array(161...166))
            #expect(marks.rejections.first?.reason == "в группе «7б» по предмету «Алгебра» 15.10.2025, урок № 4: "
                    + "урока нет ни в одном файле с уроками (занятия, темы, сетка)")
            #expect(s.outcome?.disagreements.isEmpty == true)
        }
    }

    @Test func wholeExampleWithTwoCellFilesStaysStaged() throws {
        let all = try FileManager.default.contentsOfDirectory(atPath: Repo.example.path).sorted().map(Repo.sample)
        try compare(all, expectDirect: false)
    }

    @Test func repeatedCellFallsBackToStagedWithTheSameRejection() throws {
        let t = TempDir()
        var lines = try String(contentsOfFile: Repo.sample("marks_log_7b_algebra.csv"), encoding: .utf8).components(separatedBy: "\n")
        var changed = lines[1].components(separatedBy: ";")
        changed[5] = changed[5] == "5" ? "4" : "5"
        lines.append(changed.joined(separator: ";"))   // the same cell again, another value
        lines.append(lines[2])                         // an exact repeat
        let p = try t.write("marks.csv", lines.filter { !$0.isEmpty }.joined(separator: "\n") + "\n")
        let (a, b) = try compare([p], expectDirect: false)
        #expect(a.rejected == 2 && b.rejected == 2)
    }

    @Test func unnumberedLessonFallsBackToStaged() throws {
        let t = TempDir()
        var lines = try String(contentsOfFile: Repo.sample("marks_log_7b_algebra.csv"), encoding: .utf8).components(separatedBy: "\n")
        var row = lines[1].components(separatedBy: ";")
        row[3] = ""
        row[4] = "Новый Ученик"
        lines.append(row.joined(separator: ";"))
        let p = try t.write("marks.csv", lines.filter { !$0.isEmpty }.joined(separator: "\n") + "\n")
        try compare([p], expectDirect: false)
    }

    /// A generated school — double lessons, grids and topics files without lesson numbers that
    /// pairing joins to numbered lessons, the change history re-exported weekly — imported
    /// staged and with the shortcuts (direct cells; a first import's lessons added with their
    /// attributes, `ImportBatch.describesNewLessons`): every table the same, row by row.
    @Test func aGeneratedSchoolGivesTheSameDatabaseBothWays() throws {
        let t = TempDir()
        let folder = t.path("csv")
        let generated = try SyntheticJournal.generate(GeneratorOptions(size: .small, seed: 20_251, outputFolder: folder, injectRate: 0.1,
                                                                       legacy: true, classes: 2))
        #expect(generated.doubleLessonDays > 0 && generated.legacyGrids > 0 && generated.changeReexports > 1)
        let all = (FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? []).sorted()
        let canonical = all.filter { $0.hasSuffix(".csv") && $0 != "ground_truth.csv" && !$0.hasPrefix("legacy/") }
        let legacy = try FileManager.default.contentsOfDirectory(atPath: folder + "/legacy").sorted().map { "legacy/" + $0 }
        let logs = canonical.filter { $0 != "занятия.csv" && $0 != "отметки.csv" } + legacy
        #expect(canonical.contains("занятия.csv") && legacy.contains { $0.contains("grid_") })
        let (_, tables) = try compare(canonical.map { folder + "/" + $0 }, expectDirect: true, in: TempDir())
        #expect(tables.accepted > 10_000 && tables.rejected == 0)
        let (_, grids) = try compare(logs.map { folder + "/" + $0 }, expectDirect: false, in: TempDir())
        #expect((grids.outcome?.pairing.singleDays ?? 0) + (grids.outcome?.pairing.doubleDays ?? 0) > 0)
        // The marks table with a row repeated at its end: the direct path meets the repeat after
        // the lessons table's lessons were added, undoes the marks file to its savepoint (the
        // lessons stay, the lesson cache is forgotten and lessons are looked up again) and
        // stages it.
        let marks = try String(contentsOfFile: folder + "/отметки.csv", encoding: .utf8)
        let lines = marks.split(separator: "\n")
        let repeated = t.path("отметки-повтор.csv")
        try (marks + lines[lines.count / 2] + "\n").write(toFile: repeated, atomically: true, encoding: .utf8)
        let (_, again) = try compare(canonical.map { $0 == "отметки.csv" ? repeated : folder + "/" + $0 }, expectDirect: false, in: TempDir())
        #expect(again.rejected == 1)
    }

    @Test func secondImportIntoAJournalWithCellsIsStaged() throws {
        let t = TempDir()
        let db = t.path("j.sqlite")
        let first = try run([Repo.sample("marks_log_7b_algebra.csv")], db: db, direct: true)
        #expect(first.cellsWrittenDirectly)
        let second = try run([Repo.sample("lessons_log_7b_algebra.csv"), try t.copy("marks_log_7b_algebra.csv", as: "copy.csv")],
                             db: db, direct: true)
        #expect(!second.cellsWrittenDirectly)
    }
}

/// Loading parses each distinct cell value and period name once (`TextInterner`): the values
/// must be exactly what parsing every row gives.
@Suite struct LoadInterningTests {
    @Test func internedValuesEqualParsedValues() throws {
        let t = TempDir()
        let db = t.path("j.sqlite")
        let all = try FileManager.default.contentsOfDirectory(atPath: Repo.example.path).sorted().map(Repo.sample)
        _ = try importFiles(all, db: db)
        let j = try JournalStore(path: db).load()
        #expect(j.cells.count > 300)
        #expect(Set(j.cells.map(\.value.kind)).count >= 3, "the sample has marks, absences and more")
        for c in j.cells { #expect(c.value == CellValue(parsing: c.value.raw)) }
        for p in j.periodMarks {
            #expect(p.value == CellValue(parsing: p.value.raw))
            #expect(p.period == PeriodNames.match(p.periodName, in: j.calendar.periods))
        }
    }
}
