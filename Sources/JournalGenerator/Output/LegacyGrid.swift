import FileAccess
import Foundation
import JournalModel

/// The per-class grid of a paper-style journal (the shape of `shared/samples/legacy/
/// journal_7b_algebra.cp1251.csv`), Windows-1251, one file per group and subject: a header
/// block (class, year, subject, teacher), a month row, a day-of-month row, then a row per
/// student with the cells by lesson. A day with two lessons of the subject (a double lesson, two
/// «пары») has its day column twice, in lesson order. Grids carry no entry times and no
/// subgroups: split subjects get none.
final class LegacyGrid {
    private let path: String
    private let header: [String]
    private let dates: [LocalDate]
    private let students: [String]
    private var values: [[String]]

    init(path: String, group: String, subject: String, teacher: String, year: String, dates: [LocalDate], students: [String]) {
        self.path = path
        header = ["Класс: \(group) (\(group))", "Год: \(year)", "Наименование предмета: \(subject)",
                  "Фамилия, имя, отчество педагога: \(teacher)"]
        self.dates = dates
        self.students = students
        values = Array(repeating: Array(repeating: "", count: dates.count), count: students.count)
    }

    func set(lesson: Int, student: Int, value: String) {
        guard student < values.count, lesson < dates.count else { return }
        values[student][lesson] = value
    }

    static let months = ["Январь", "Февраль", "Март", "Апрель", "Май", "Июнь", "Июль", "Август", "Сентябрь", "Октябрь", "Ноябрь", "Декабрь"]

    func write() throws {
        let width = dates.count + 2
        func line(_ cells: [String]) -> String { (cells + Array(repeating: "", count: max(0, width - cells.count))).joined(separator: ";") }
        var lines = header.map { line([$0]) }
        lines.append(line([]))
        var monthRow = ["№ п/п", "Месяц"], dayRow = ["", "Число"]
        var lastMonth = 0
        for d in dates {
            let (_, m, day) = d.components
            monthRow.append(m == lastMonth ? "" : Self.months[m - 1])
            lastMonth = m
            dayRow.append("\(day)")
        }
        lines += [line(monthRow), line(dayRow), line(["", "Фамилия и имя ученика"])]
        for (i, name) in students.enumerated() { lines.append(line(["\(i + 1)", name] + values[i])) }
        let bytes = Self.cp1251(lines.joined(separator: "\r\n") + "\r\n")
        guard let fd = try? PrivateFile.create(path) else { throw GeneratorError.cannotWrite(path) }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        do { try handle.write(contentsOf: Data(bytes)); try handle.close() } catch { throw GeneratorError.cannotWrite(path) }
    }

    /// Windows-1251 of Cyrillic, ASCII, «», №; anything else becomes «?».
    static func cp1251(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for u in text.unicodeScalars {
            switch u.value {
            case 0..<0x80: out.append(UInt8(u.value))
            case 0x0410...0x044F: out.append(UInt8(u.value - 0x0410 + 0xC0))
            case 0x0401: out.append(0xA8)
            case 0x0451: out.append(0xB8)
            case 0x2116: out.append(0xB9)
            case 0x00AB: out.append(0xAB)
            case 0x00BB: out.append(0xBB)
            default: out.append(0x3F)
            }
        }
        return out
    }
}
