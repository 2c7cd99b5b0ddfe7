import Foundation
import JournalModel
import JournalStore
import Testing
@testable import JournalImport

/// Broken files: each gets its Russian message with a location; a failing file leaves the
/// database exactly as it was, even when other files of the same import were fine.
@Suite struct BadInputTests {
    static let header = "Группа;Предмет;Дата урока;Урок №;Обучающийся;Значение;Вид работы;Внесено;Внёс\n"
    static let good = "7б;Алгебра;01.09.2025;2;Иванов Иван;5;устный ответ;01.09.2025 10:00;Смирнова Ольга Петровна\n"

    /// A database with the example in it, and its counts.
    func seeded(_ t: TempDir) throws -> (String, [String: Int]) {
        let db = t.path("j.sqlite")
        _ = try importFiles([Repo.sample("marks_log_7b_algebra.csv")], db: db)
        return (db, try JournalStore(path: db).counts())
    }

    func failure(_ t: TempDir, _ files: [String], forced: Profile? = nil) throws -> ImportFailure? {
        let (db, before) = try seeded(t)
        let f = expectFailure { _ = try importFiles(files, db: db, forced: forced) }
        #expect(try JournalStore(path: db).counts() == before, "database changed")
        return f
    }

    @Test func brokenQuotes() throws {
        let t = TempDir()
        let ok = try t.write("ok.csv", Self.header + Self.good)
        let p = try t.write("q.csv", Self.header + Self.good + "7б;Алгебра;03.09.2025;4;\"Петров;5;;;\n7б;Алгебра\n")
        let f = try #require(try failure(t, [ok, p]))
        #expect(f.diagnostic.id == "import.quotes")
        #expect(f.diagnostic.location == SourceLocation(file: p, line: 3, column: 1))
        #expect(f.diagnostic.rendered.hasPrefix("\(p):3:1: ошибка: нарушены кавычки"))
    }

    @Test func wrongEncoding() throws {
        let t = TempDir()
        let utf16 = try t.write("u16.csv", bytes: [0xFF, 0xFE] + Array("Г;П".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(try failure(t, [utf16])?.diagnostic.message == "файл в кодировке UTF-16; сохраните его в UTF-8 или Windows-1251")
        // A Windows-1251 file read as UTF-8 (the profile says so): the first bad byte's place.
        let t2 = TempDir()
        let w = try t2.write("w.csv", bytes: cp1251(Self.header + Self.good))
        var forced = Profile.canonical(.marks)
        forced.encoding = .utf8
        let f = try #require(try failure(t2, [w], forced: forced))
        #expect(f.diagnostic.id == "import.encoding")
        #expect(f.diagnostic.location?.line == 1)
    }

    @Test func missingRequiredColumn() throws {
        let t = TempDir()
        let p = try t.write("m.csv", "Группа;Предмет;Дата урока;Урок №;Обучающийся;Вид работы\n7б;Алгебра;01.09.2025;2;Иванов Иван;устный ответ\n")
        let f = try #require(try failure(t, [p]))
        #expect(f.diagnostic.id == "import.missing-column")
        #expect(f.diagnostic.message == "нет обязательного столбца «Значение» (таблица «отметки», канонический формат)")
        #expect(f.diagnostic.location?.file == p)
    }

    @Test func emptyFile() throws {
        let t = TempDir()
        let p = try t.write("e.csv", "")
        let f = try #require(try failure(t, [p]))
        #expect(f.diagnostic.rendered == "\(p):1:1: ошибка: файл пуст")
    }

    @Test func impossibleDateIsARejectedRowWithItsColumn() throws {
        let t = TempDir()
        let p = try t.write("d.csv", Self.header + Self.good + "7б;Алгебра;31.02.2025;2;Петров Пётр;4;;;\n")
        let s = try importFiles([p], db: t.path("j.sqlite"))
        let f = try #require(s.files.first)
        #expect((f.read, f.accepted, f.rejected) == (2, 1, 1))
        let r = try #require(f.rejections.first)
        #expect(r.location == SourceLocation(file: p, line: 3, column: 12))   // «7б;Алгебра;» is 11 characters
        #expect(r.reason == "дата «31.02.2025» невозможна: такого дня или времени нет в календаре")
        #expect(try JournalStore(path: t.path("j.sqlite")).load().cells.count == 1)
    }

    @Test func duplicatedRowsAreRejectedWithTheFirstLine() throws {
        let t = TempDir()
        let other = "7б;Алгебра;01.09.2025;2;Иванов Иван;3;;;\n"
        let p = try t.write("dup.csv", Self.header + Self.good + Self.good + other)
        let s = try importFiles([p], db: t.path("j.sqlite"))
        let f = try #require(s.files.first)
        #expect((f.read, f.accepted, f.rejected) == (3, 1, 2))
        #expect(f.rejections.map(\.location.line) == [3, 4])
        // Found by the merge after the file was read; pointed at the value like a rejection found
        // while reading («7б;Алгебра;01.09.2025;2;Иванов Иван;» is 36 characters).
        #expect(f.rejections.map(\.location.column) == [37, 37])
        #expect(f.rejections[1].sourceLine == "7б;Алгебра;01.09.2025;2;Иванов Иван;3;;;")
        #expect(f.rejections[0].reason == "строка повторяет строку 2 (та же клетка: тот же обучающийся на том же уроке)")
        #expect(f.rejections[1].reason == "клетка уже заполнена в строке 2 значением «5», здесь «3»: строка не принята")
        #expect(try JournalStore(path: t.path("j.sqlite")).load().cells.map(\.value.raw) == ["5"])
    }

    @Test func tenMegabyteFieldIsRejectedNotSwallowed() throws {
        let t = TempDir()
        let huge = String(repeating: "5", count: 10 << 20)
        let p = try t.write("h.csv", Self.header + "7б;Алгебра;01.09.2025;2;Петров Пётр;\(huge);;;\n" + Self.good)
        let s = try importFiles([p], db: t.path("j.sqlite"))
        let f = try #require(s.files.first)
        #expect((f.read, f.accepted, f.rejected) == (2, 1, 1))
        // 10 << 20 = 10 485 760 characters against the stated limit of 32 767 (an Excel cell).
        #expect(f.rejections.first?.reason == "значение длиннее 32 767 знаков (в нём 10 485 760): столько не вмещает и клетка Excel — "
                + "сократите запись или проверьте, не поглотило ли значение соседние строки (незакрытая кавычка)")
        #expect(f.rejections.first?.location.line == 2)
    }

    @Test func unknownLayoutSaysWhereProfilesAre() throws {
        let t = TempDir()
        let p = try t.write("x.csv", "a;b;c\n1;2;3\n")
        let f = try #require(try failure(t, [p]))
        #expect(f.diagnostic.id == "import.no-header")
        #expect(f.diagnostic.hint?.contains("templates/import/profiles") == true)
    }
}
