import JournalModel

/// Period marks of an import whose period name matches no period of the institution's calendar
/// (`PeriodNames`): they are kept, but rules about period marks cannot see them, so the import
/// lists them — never leaves them unlinked in silence.
public struct UnlinkedPeriod: Sendable, Hashable {
    /// The period as the file names it.
    public var name: String
    /// How many period marks name it.
    public var count: Int
    /// The first of them: file and line.
    public var file: String
    public var line: Int
    /// The calendar's periods (empty: the calendar has none).
    public var calendar: [String]

    /// The calendar has no periods at all (yet): a later import of its periods links the marks.
    public var calendarIsEmpty: Bool { calendar.isEmpty }

    /// The note for marks of an import whose calendar has no periods.
    public static func emptyCalendarNote(count: Int) -> String {
        "итоговые отметки (\(count)) пока не связаны с периодами: в календаре учреждения нет периодов (периоды.csv); "
            + "загрузите его — связь появится"
    }

    /// Russian, complete: which marks, why, what to do.
    public var message: String {
        let why = calendar.isEmpty
            ? "в календаре учреждения нет периодов (периоды.csv)"
            : "такого периода нет в календаре учреждения (" + calendar.map { "«\($0)»" }.joined(separator: ", ") + ")"
        return "итоговых отметок за период «\(name)»: \(count) — \(why); они сохранены, но правила об итоговых отметках их не проверяют. "
            + "Добавьте период в периоды.csv или словарь [словарь: Период] в профиль выгрузки"
    }
}

extension ImportBatch {
    /// The period names of this import's period marks that name no calendar period, with the
    /// calendar as it will be after the import.
    func unlinkedPeriods() throws -> [UnlinkedPeriod] {
        var periods: [StudyPeriod] = []
        let p = try db.prepare("SELECT name, kind, start_day, end_day FROM period ORDER BY kind = 'год', start_day, name")
        while try p.step() {
            periods.append(StudyPeriod(name: p.text(0), kind: StudyPeriod.Kind(rawValue: p.text(1)) ?? .year,
                                       start: LocalDate(dayNumber: Int32(p.int(2))), end: LocalDate(dayNumber: Int32(p.int(3)))))
        }
        // Every staged row names a calendar period (the usual case): nothing to list, and the
        // staging table is not scanned (the query below reads it once per period name, 0.04 s of
        // a school's check).
        if staged.periodNames.allSatisfy({ PeriodNames.match($0.string, in: periods) != nil }) { return [] }
        if let m = memoryPeriodMarks { return m.unlinked(calendar: periods, files: files) }
        var out: [UnlinkedPeriod] = []
        let q = try db.prepare("""
            SELECT period, COUNT(*), (SELECT file_id FROM s_pmark f WHERE f.period = s.period ORDER BY file_id, line LIMIT 1),
                   (SELECT line FROM s_pmark f WHERE f.period = s.period ORDER BY file_id, line LIMIT 1)
            FROM s_pmark s GROUP BY period ORDER BY period
            """)
        while try q.step() {
            let name = q.text(0)
            guard PeriodNames.match(name, in: periods) == nil else { continue }
            let file = Int(q.int(2))
            out.append(UnlinkedPeriod(name: name, count: Int(q.int(1)), file: file < files.count ? files[file] : "",
                                      line: Int(q.int(3)), calendar: periods.map(\.name)))
        }
        return out
    }
}
