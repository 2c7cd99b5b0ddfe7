import Foundation
import JournalImport
import JournalModel
import Testing
@testable import JournalStore

/// Imports into one database are serialised: the same export imported twice at once is
/// recorded once, two first imports into a new path both succeed, and an import that cannot get
/// the database in time says so in Russian and changes nothing.
@Suite struct ConcurrentImportTests {
    static let changes = """
        Группа;Предмет;Дата урока;Урок №;Обучающийся;Что;Было;Стало;Изменено
        9а;Физика;04.09.2025;3;Антонов Пётр;отметка;4;5;05.09.2025 18:00
        9а;Физика;04.09.2025;3;Борисова Анна;отметка;3;4;06.09.2025 09:00

        """
    static let marks = """
        Группа;Предмет;Дата урока;Урок №;Обучающийся;Значение
        9а;Физика;04.09.2025;3;Антонов Пётр;5
        9а;Физика;04.09.2025;3;Борисова Анна;4

        """

    /// Runs `body` on `n` threads at once; returns each result (or error).
    func concurrently<T: Sendable>(_ n: Int, _ body: @escaping @Sendable (Int) throws -> T) -> [Result<T, Error>] {
        let results = Results<T>(n)
        let group = DispatchGroup()
        for i in 0..<n {
            group.enter()
            Thread {
                results.set(i, Result { try body(i) })
                group.leave()
            }.start()
        }
        group.wait()
        return results.all
    }

    @Test func theSameExportTwiceAtOnceIntoANewDatabaseIsRecordedOnce() throws {
        let t = TempDir()
        let db = t.path("new.sqlite")   // does not exist yet: both create and migrate it
        let files = [try t.write("отметки.csv", Self.marks), try t.write("изменения.csv", Self.changes)]
        let profiles = try Repo.profiles()
        let results = concurrently(2) { _ in
            let session = ImportSession(importer: FileImporter(profiles: profiles))
            return try session.run(files.map { .init(path: $0, displayName: $0) }, into: try JournalStore(path: db))
        }
        let summaries = try results.map { try $0.get() }
        // One of them imported the files; the other found them imported by then.
        #expect(summaries.filter { $0.outcome?.batch == 1 }.count == 1)
        #expect(summaries.filter { s in s.outcome == nil && s.files.allSatisfy { $0.alreadyImportedInBatch == 1 } }.count == 1)
        let counts = try JournalStore(path: db).counts()
        #expect(counts["batch"] == 1 && counts["change"] == 2 && counts["cell"] == 2 && counts["source_file"] == 2)
    }

    @Test func anImportThatCannotGetTheDatabaseSaysSoAndChangesNothing() throws {
        let t = TempDir()
        let db = t.path("j.sqlite")
        _ = try importFiles([try t.write("отметки.csv", Self.marks)], db: db)
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        // Another import holds the write lock.
        let other = try JournalStore(path: db)
        try other.db.execute("BEGIN IMMEDIATE")
        defer { try? other.db.execute("ROLLBACK") }
        let store = try JournalStore(path: db, wait: 0.5)
        let session = ImportSession(importer: FileImporter(profiles: try Repo.profiles()))
        let failure = expectFailure {
            _ = try session.run([.init(path: try t.write("изменения.csv", Self.changes), displayName: "изменения.csv")], into: store)
        }
        #expect(failure?.diagnostic.message == "база данных «\(db)» занята другим импортом: ждали 1 с, он ещё не закончился; "
                + "база не изменена — повторите загрузку, когда тот импорт завершится")
        try other.db.execute("ROLLBACK")
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
    }
}

/// Results written by several threads.
final class Results<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Result<T, Error>?]
    init(_ n: Int) { values = Array(repeating: nil, count: n) }
    func set(_ i: Int, _ r: Result<T, Error>) { lock.lock(); values[i] = r; lock.unlock() }
    var all: [Result<T, Error>] { lock.lock(); defer { lock.unlock() }; return values.map { $0! } }
}
