import Foundation
import JournalModel
import JournalStore
import Testing
@testable import JournalImport

/// Files of one journal that disagree, and later exports of the same journal.
@Suite struct MergeTests {
    /// Copies of the four samples with known edits:
    /// grid line 10 (Абрамов Артём) 05.09.2025 «4» → «5»; marks log line 4 (Морозова Алиса,
    /// 01.09.2025, «3») removed; topics: a topic on 02.09.2025 (no lesson that day) appended;
    /// lessons log: the 15.10.2025 lesson removed.
    func editedSamples(_ t: TempDir) throws -> [String] {
        let gridText = String(data: try Data(contentsOf: URL(fileURLWithPath: Repo.sample("journal_7b_algebra.cp1251.csv"))), encoding: .windowsCP1251)!
        var gridLines = gridText.components(separatedBy: "\r\n")
        var abramov = gridLines[9].components(separatedBy: ";")
        #expect(abramov[1] == "Абрамов Артём" && abramov[4] == "4")
        abramov[4] = "5"
        gridLines[9] = abramov.joined(separator: ";")
        let grid = try t.write("journal_7b_algebra.cp1251.csv", bytes: cp1251(gridLines.joined(separator: "\r\n")))

        var marks = try String(contentsOfFile: Repo.sample("marks_log_7b_algebra.csv"), encoding: .utf8).components(separatedBy: "\n")
        #expect(marks[3].contains("Морозова Алиса;3"))
        marks.remove(at: 3)
        let marksPath = try t.write("marks_log_7b_algebra.csv", marks.joined(separator: "\n"))

        let topics = try t.copy("topics_7b_algebra.csv")
        let h = try FileHandle(forWritingTo: URL(fileURLWithPath: topics))
        h.seekToEndOfFile()
        h.write(Data("02.09.2025;Лишняя тема;§0\r\n".utf8))
        try h.close()

        let lessons = try String(contentsOfFile: Repo.sample("lessons_log_7b_algebra.csv"), encoding: .utf8)
            .components(separatedBy: "\n").filter { !$0.hasPrefix("15.10.2025,") }
        let lessonsPath = try t.write("lessons_log_7b_algebra.csv", lessons.joined(separator: "\n"))
        return [grid, marksPath, topics, lessonsPath]
    }

    @Test func disagreementsAreReportedStoredAndNotSilentlyResolved() throws {
        let t = TempDir()
        let db = t.path("j.sqlite")
        let s = try importFiles(try editedSamples(t), db: db)
        let d = try #require(s.outcome?.disagreements)
        let byKind = Dictionary(grouping: d, by: \.kind)
        #expect(d.count == 5)
        let contradiction = try #require(byKind[.cellContradiction]?.first)
        // The lesson is named by its number (the grid's column was paired with lesson № 2 of the logs).
        #expect(contradiction.message == "Абрамов Артём, урок 05.09.2025 № 2: в файле journal_7b_algebra.cp1251.csv «5», в файле marks_log_7b_algebra.csv «4»; в журнал записано «4»")
        #expect(contradiction.line == 10)
        let missing = try #require(byKind[.cellMissing]?.first)
        #expect(missing.message == "Морозова Алиса, урок 01.09.2025 № 2: «3» есть в файле journal_7b_algebra.cp1251.csv, но нет в файле marks_log_7b_algebra.csv на этом уроке; в журнал записано «3»")
        let topics = try #require(byKind[.topicWithoutLesson])
        #expect(topics.count == 2)
        #expect(topics.contains { $0.message == "тема «Лишняя тема» (урок 02.09.2025 без номера, файл topics_7b_algebra.csv), а этого урока нет в файлах: journal_7b_algebra.cp1251.csv, lessons_log_7b_algebra.csv" && $0.line == 53 })
        // 15.10.2025 is lesson № 4 in the marks log: the grid's column and the topic joined it.
        #expect(topics.contains { $0.message == "тема «Тема 20: обзор источников» (урок 15.10.2025 № 4, файл topics_7b_algebra.csv), а этого урока нет в файлах: lessons_log_7b_algebra.csv" })
        #expect(byKind[.lessonMissing]?.map(\.message) == ["урок 15.10.2025 № 4 есть в файле journal_7b_algebra.cp1251.csv, но нет в файлах: lessons_log_7b_algebra.csv"])
        // Stored with the batch, and the journal holds the kept values.
        let store = try JournalStore(path: db)
        #expect(try store.findings().map(\.message) == d.map(\.message))
        let j = try store.load()
        let cell = j.cells.first { j.student($0.student).name == "Абрамов Артём" && j.lesson($0.lesson).date == date("05.09.2025") }
        #expect(cell?.value.raw == "4")
        #expect(j.lessons.count == 48)   // 47 + the topic's 02.09.2025
    }

    @Test func reimportChangesNothingAndALaterExportBecomesChangeHistory() throws {
        let t = TempDir()
        let db = t.path("j.sqlite")
        let originals = ["journal_7b_algebra.cp1251.csv", "marks_log_7b_algebra.csv", "topics_7b_algebra.csv", "lessons_log_7b_algebra.csv"].map(Repo.sample)
        _ = try importFiles(originals, db: db)
        let before = try JournalStore(path: db).counts()
        let again = try importFiles(originals, db: db)
        #expect(again.outcome == nil && again.files.allSatisfy { $0.alreadyImportedInBatch == 1 })
        #expect(try JournalStore(path: db).counts() == before)

        // The later export: Васильев Никита 01.09 «4» → «5» (line 2), Дмитриев Михаил 01.09 «н»
        // removed (line 3), a new «5» for Абрамов Артём on 01.09.
        var rows = try String(contentsOfFile: Repo.sample("marks_log_7b_algebra.csv"), encoding: .utf8).components(separatedBy: "\n")
        #expect(rows[1].hasPrefix("7б;Алгебра;01.09.2025;2;Васильев Никита;4;"))
        rows[1] = "7б;Алгебра;01.09.2025;2;Васильев Никита;5;устный ответ;03.09.2025 18:00;Смирнова Ольга Петровна"
        #expect(rows[2].contains("Дмитриев Михаил;н"))
        rows.remove(at: 2)
        rows.insert("7б;Алгебра;01.09.2025;2;Абрамов Артём;5;устный ответ;02.09.2025 09:00;Смирнова Ольга Петровна", at: 1)
        let later = try t.write("marks_log_later.csv", rows.joined(separator: "\n"))
        let s = try importFiles([later], db: db)
        #expect(s.outcome?.batch == 2 && s.outcome?.changes == 3)

        let j = try JournalStore(path: db).load()
        let changes = j.changes.map { ("\(j.student($0.student!).name)", $0.oldValue, $0.newValue, $0.batch) }
        #expect(changes.count == 3)
        #expect(changes.contains { $0 == ("Васильев Никита", "4", "5", 2) })
        #expect(changes.contains { $0 == ("Дмитриев Михаил", "н", nil, 2) })
        #expect(changes.contains { $0 == ("Абрамов Артём", nil, "5", 2) })
        let v = try #require(j.changes.first { $0.oldValue == "4" })
        #expect(v.placedAt?.description == "01.09.2025 13:31" && v.changedAt?.description == "03.09.2025 18:00")
        #expect(j.cells.count == 390)   // one removed, one added
        // Importing the later export again: nothing new.
        let third = try importFiles([later], db: db)
        #expect(third.outcome == nil)
        #expect(try JournalStore(path: db).load().changes.count == 3)
    }

    @Test func lessonAttributesThatDifferAreReportedWithTheKeptValue() throws {
        let t = TempDir()
        let topics = try t.copy("topics_7b_algebra.csv")
        let lessons = try t.write("занятия.csv", """
            Группа;Предмет;Дата;Урок №;Тема;Учитель по расписанию
            7б;Алгебра;01.09.2025;2;Тема 1: обзор источников;Смирнова Ольга Петровна
            7б;Алгебра;03.09.2025;4;Тема 2: практикум по картам;Смирнова Ольга Петровна

            """)
        let s = try importFiles([topics, lessons], db: t.path("j.sqlite"))
        let d = try #require(s.outcome?.disagreements.filter { $0.kind == .lessonAttribute })
        // Only 03.09 differs («карте» / «картам»); the topics file's teacher is the same.
        #expect(d.map(\.message) == ["урок 03.09.2025 № 4: тема в файлах различается («Тема 2: практикум по карте» / «Тема 2: практикум по картам»); в журнал записано «Тема 2: практикум по карте»"])
        let j = try JournalStore(path: t.path("j.sqlite")).load()
        #expect(j.lessons.first { $0.date == date("03.09.2025") }?.topic == "Тема 2: практикум по карте")   // the value the message names
    }

    @Test func aGridImportedEarlierJoinsTheLogsImportedLater() throws {
        let t = TempDir()
        let db = t.path("j.sqlite")
        _ = try importFiles([Repo.sample("journal_7b_algebra.cp1251.csv"), Repo.sample("topics_7b_algebra.csv")], db: db)
        let s = try importFiles([Repo.sample("marks_log_7b_algebra.csv"), Repo.sample("lessons_log_7b_algebra.csv")], db: db)
        #expect(s.outcome?.batch == 2)
        let j = try JournalStore(path: db).load()
        // One lesson per date, numbered, with the earlier topics and the later times.
        #expect(j.lessons.count == 47)
        #expect(j.lessons.allSatisfy { $0.number != nil && $0.start != nil })
        #expect(j.lessons.filter { $0.topic != nil }.count == 46)
        #expect(j.cells.count == 390 && j.cells.allSatisfy { $0.enteredAt != nil })
        // The same values in both snapshots: nothing to record as changed.
        #expect(j.changes.isEmpty)
    }
}
