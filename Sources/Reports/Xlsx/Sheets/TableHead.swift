/// A table's head: an optional row saying what each column counts (small italic), then the
/// header row; both as tall as their text needs at the columns' widths.
///
///     let next = try TableHead.write(s, ctx, row: 4, columns: [("Уроков", "уроки за проверяемые даты", 9)])
enum TableHead {
    struct Column {
        var title: String
        var note: String?
        var width: Double
        init(_ title: String, _ note: String? = nil, _ width: Double) {
            self.title = title
            self.note = note
            self.width = width
        }
    }

    /// Writes the note row (when any column has a note) and the header row from `row`; returns
    /// the row after the header.
    @discardableResult
    static func write(_ s: XlsxSheet, _ ctx: XlsxContext, row start: Int, columns: [Column], from col: Int = 0) throws -> Int {
        var row = start
        if columns.contains(where: { $0.note != nil }) {
            try s.rowHeight(row, RowHeight.points(for: columns.map { ($0.note, $0.width) }, size: 9) + 2)
            for (i, c) in columns.enumerated() { try s.text(row, col + i, c.note, ctx.formats.columnNote) }
            row += 1
        }
        try s.rowHeight(row, headerHeight(columns))
        try s.header(row, columns.map(\.title), ctx.formats.header, from: col)
        return row + 1
    }

    static func headerHeight(_ columns: [Column]) -> Double {
        RowHeight.points(for: columns.map { ($0.title, $0.width) }, bold: true) + 2
    }

    /// Height of the head as `write` makes it.
    static func height(_ columns: [Column]) -> Double {
        let notes = columns.contains { $0.note != nil }
            ? RowHeight.points(for: columns.map { ($0.note, $0.width) }, size: 9) + 2 : 0
        return notes + headerHeight(columns)
    }
}
