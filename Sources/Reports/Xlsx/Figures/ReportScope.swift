import Findings
import JournalModel

/// The part of the journal a report describes: the checked dates (and group), with the
/// journal's cells grouped by lesson once so every figure reads them cheaply.
struct ReportScope {
    let journal: Journal
    /// First and last checked date; nil when neither the report nor the journal has a date.
    let from: LocalDate?
    let to: LocalDate?
    /// Lessons inside the dates (and the group, when the check was for one group).
    let lessons: [LessonID]
    /// Cells of every lesson, indexed by `LessonID`.
    let cellsByLesson: [[Int]]

    init(report: CheckReport, journal: Journal) {
        self.journal = journal
        var cells = Array(repeating: [Int](), count: journal.lessons.count)
        for (i, c) in journal.cells.enumerated() where Int(c.lesson) < cells.count {
            cells[Int(c.lesson)].append(i)
        }
        cellsByLesson = cells
        let dates = journal.lessons.map(\.date)
        let f = report.from ?? dates.min()
        let t = report.to ?? dates.max()
        from = f
        to = t
        let groupName = report.group
        lessons = journal.lessons.indices.compactMap { i in
            let l = journal.lessons[i]
            if let f, l.date < f { return nil }
            if let t, l.date > t { return nil }
            if let g = groupName, journal.group(l.group).name != g { return nil }
            return LessonID(i)
        }
    }

    func contains(_ date: LocalDate) -> Bool {
        if let f = from, date < f { return false }
        if let t = to, date > t { return false }
        return true
    }

    /// «01.09.2025 – 31.12.2025», or what is known of it.
    var periodText: String {
        switch (from, to) {
        case let (f?, t?): "\(f) – \(t)"
        case let (f?, nil): "с \(f)"
        case let (nil, t?): "по \(t)"
        default: "весь журнал"
        }
    }
}

/// Whether a journal entry was made by the end of its lesson day (24:00 local time).
enum EntryTiming {
    /// nil when the entry has no timestamp (not counted either way).
    static func onTime(_ entered: LocalDateTime?, lessonDate: LocalDate) -> Bool? {
        guard let e = entered else { return nil }
        return e <= lessonDate.endOfDay
    }

    static func hasText(_ s: String?) -> Bool { !(s ?? "").trimmingSpaces().isEmpty }
}

/// A count of timestamped entries and how many were on time.
struct OnTimeCount: Equatable {
    var total = 0
    var onTime = 0
    var share: Double? { total > 0 ? Double(onTime) / Double(total) : nil }
    mutating func add(_ onTime: Bool?) {
        guard let o = onTime else { return }
        total += 1
        if o { self.onTime += 1 }
    }
    static func + (a: OnTimeCount, b: OnTimeCount) -> OnTimeCount {
        OnTimeCount(total: a.total + b.total, onTime: a.onTime + b.onTime)
    }
}
