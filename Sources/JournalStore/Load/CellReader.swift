import Foundation
import JournalModel

/// The cell table read in one pass, in its stored order — by (lesson id, student id), so each
/// lesson's cells come as one run — with each cell kept as a few integers (its value an index
/// of the distinct values, each parsed once). It needs nothing of the lessons: the runs keep
/// the stored lesson ids, and `cells` puts them in the journal's order once the lessons are
/// loaded. So it can run on a second connection while the lessons load (`ParallelLoad`).
struct CellReader: Sendable {
    /// A cell as read: student and teacher already the journal's ids, texts as indices.
    struct Raw: Sendable {
        var student: StudentID, value: Int32, workType: Int32, enteredBy: TeacherID
        /// `StoredTime`'s value, or `none`.
        var enteredAt: Int64
        static let none = Int64.min
    }

    /// One lesson's cells: `raw[start..<start + count]`.
    struct Run: Sendable { var lesson: Int64, start: Int32, count: Int32 }

    private(set) var raw: [Raw] = []
    private(set) var runs: [Run] = []
    private(set) var values: [CellValue] = []
    private(set) var workTypes: [String?] = []
    /// Room for the journal's cells, its memory already touched: the page faults of a large
    /// new array (the kernel clearing each page) are paid where the cells are read — on the
    /// second connection's thread, while the lessons load — not where they are made.
    private var room: [Cell] = []

    /// Reads the cells of the students `students` maps (stored id → journal id, -1: not
    /// loaded); `teachers` maps who entered each. `all`: every student is loaded (the cell
    /// count then reserves the arrays).
    init(db: Database, students: [Int32], teachers: [Int32], all: Bool) throws {
        workTypes = try Self.storedWorkTypes(db)
        var parsed: [CellValue] = []
        var interner = TextInterner { text -> Int32 in
            parsed.append(CellValue(parsing: text))
            return Int32(parsed.count - 1)
        }
        if all, let n = try db.scalar("SELECT COUNT(*) FROM cell") { raw.reserveCapacity(Int(n)) }
        func map(_ a: [Int32], _ id: Int64?) -> Int32 {
            guard let id, id >= 0, id < a.count else { return -1 }
            return a[Int(id)]
        }
        // The primary key's order: the table's own, no sorting.
        let s = try db.prepare("SELECT lesson_id, student_id, value, work_type_id, entered_at, entered_by FROM cell ORDER BY lesson_id, student_id")
        while try s.step() {
            let st = map(students, s.int(1))
            guard st >= 0 else { continue }
            append(Raw(student: st, value: interner.value(s, 2), workType: workType(s.optInt(3)), enteredBy: map(teachers, s.optInt(5)),
                       enteredAt: s.optInt(4) ?? Raw.none), lesson: s.int(0))
        }
        values = parsed
        touchRoom()
    }

    /// The same from the cells a database in memory keeps out of its table (`MemoryCells`): the
    /// rows are in the table's order already, and each distinct text is parsed once. The work
    /// types are the database's (`storedWorkTypes`, read on its connection beforehand): this
    /// touches no connection, so it runs on a thread of its own while the lessons load.
    init(memory: MemoryCells, workTypes: [String?], students: [Int32], teachers: [Int32], all: Bool) {
        self.workTypes = workTypes
        if all { raw.reserveCapacity(memory.rows.count) }
        var valueIndex = [Int32](repeating: -1, count: memory.texts.count)
        func map(_ a: [Int32], _ id: Int32) -> Int32 { id >= 0 && Int(id) < a.count ? a[Int(id)] : -1 }
        for r in memory.rows {
            let st = map(students, r.student)
            guard st >= 0 else { continue }
            var value = valueIndex[Int(r.value)]
            if value < 0 {
                values.append(CellValue(parsing: memory.texts[Int(r.value)]))
                value = Int32(values.count - 1)
                valueIndex[Int(r.value)] = value
            }
            append(Raw(student: st, value: value, workType: workType(r.workType >= 0 ? Int64(r.workType) : nil),
                       enteredBy: map(teachers, r.enteredBy), enteredAt: r.enteredAt), lesson: Int64(r.lesson))
        }
        touchRoom()
    }

    /// Adds a cell of stored lesson `lesson`: a new run when the lesson changes (the cells come
    /// in the table's order, each lesson's together).
    private mutating func append(_ cell: Raw, lesson: Int64) {
        if runs.last?.lesson != lesson { runs.append(Run(lesson: lesson, start: Int32(raw.count), count: 0)) }
        runs[runs.count - 1].count += 1
        raw.append(cell)
    }

    /// A stored work type id as kept (-1: none, or not in the table).
    private func workType(_ id: Int64?) -> Int32 {
        guard let id, id >= 0, id < workTypes.count, workTypes[Int(id)] != nil else { return -1 }
        return Int32(id)
    }

    /// The work types by stored id (nil: no such id).
    static func storedWorkTypes(_ db: Database) throws -> [String?] {
        var workTypes: [String?] = []
        let w = try db.prepare("SELECT id, name FROM work_type")
        while try w.step() {
            let id = Int(w.int(0))
            guard id >= 0 else { continue }
            if id >= workTypes.count { workTypes += Array(repeating: nil, count: id + 1 - workTypes.count) }
            workTypes[id] = w.text(1)
        }
        return workTypes
    }

    private mutating func touchRoom() {
        room = [Cell](unsafeUninitializedCapacity: raw.count) { buffer, count in
            if let base = buffer.baseAddress { memset(base, 0, buffer.count * MemoryLayout<Cell>.stride) }
            count = 0
        }
    }

    /// The journal's cells: runs in the order of their lessons' `rank` (stored lesson id →
    /// place in the cells' order, -1: not loaded), each run in its stored student order;
    /// `index` gives each lesson's journal id.
    mutating func cells(rank: [Int32], index: [Int32]) -> [Cell] {
        func at(_ a: [Int32], _ id: Int64) -> Int32 { id >= 0 && id < a.count ? a[Int(id)] : -1 }
        // Runs by rank (a lesson has one run: the table is ordered by lesson id).
        var byRank = [Int32](repeating: -1, count: rank.lazy.filter { $0 >= 0 }.count)
        var total = 0
        for (k, r) in runs.enumerated() {
            let place = at(rank, r.lesson)
            guard place >= 0, at(index, r.lesson) >= 0 else { continue }
            byRank[Int(place)] = Int32(k)
            total += Int(r.count)
        }
        var out = room
        room = []
        out.reserveCapacity(total)
        raw.withUnsafeBufferPointer { raw in
            for k in byRank where k >= 0 {
                let run = runs[Int(k)], lesson = index[Int(run.lesson)], from = Int(run.start)
                for c in raw[from..<from + Int(run.count)] {
                    out.append(Cell(lesson: lesson, student: c.student, value: values[Int(c.value)],
                                    workType: c.workType >= 0 ? workTypes[Int(c.workType)] : nil,
                                    enteredAt: c.enteredAt == Raw.none ? nil : StoredTime.decode(c.enteredAt),
                                    enteredBy: c.enteredBy >= 0 ? c.enteredBy : nil))
                }
            }
        }
        return out
    }
}
