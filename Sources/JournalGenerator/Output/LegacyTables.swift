import Foundation
import JournalModel

/// The legacy shapes of `shared/samples/legacy/` (with `--legacy`), in a `legacy/` subfolder:
/// one marks log and one lesson log for the institution, a topics table with its header block
/// and a per-class grid (`LegacyGrid`, Windows-1251, repeated day columns for double lessons)
/// per group and subject. Subgroup lessons of a split subject are written once (the legacy
/// shapes have no subgroup column) and get no grid.
final class LegacyTables {
    private let folder: String
    private let marks: TableWriter
    private let lessons: TableWriter
    private var topics: TableWriter?
    private var topicFiles = 0
    private var grid: LegacyGrid?
    private(set) var grids = 0

    init(folder: String) throws {
        self.folder = folder + "/legacy"
        try FileManager.default.createDirectory(atPath: self.folder, withIntermediateDirectories: true)
        marks = try TableWriter(path: self.folder + "/marks_log.csv", header: [
            "Класс", "Предмет", "Дата урока", "Урок №", "Ученик", "Отметка", "Вид работы", "Дата и время выставления", "Выставил"])
        lessons = try TableWriter(path: self.folder + "/lessons_log.csv", header: [
            "Дата", "Урок №", "Начало", "Окончание", "Класс", "Предмет", "Учитель по расписанию", "Провёл",
            "Замена отмечена", "Тема внесена", "ДЗ внесено"], delimiter: ",")
    }

    /// Starts the topics table of one group and subject.
    func beginTopics(group: String, subject: String, teacher: String) throws {
        try topics?.close()
        topicFiles += 1
        let name = String(format: "topics_%04d.csv", topicFiles)
        topics = try TableWriter(path: folder + "/" + name, header: ["Дата", "Тема урока", "Домашнее задание к следующему уроку"],
                                 preamble: ["Класс: \(group) (\(group)) 2025/2026 учебный год", "Предмет: \(subject)",
                                            "ФИО педагога: \(teacher)", ""], bom: true)
    }

    /// Starts the grid of one group and subject (the previous one is written).
    func beginGrid(group: String, subject: String, teacher: String, year: String, dates: [LocalDate], students: [String]) throws {
        try grid?.write()
        grids += 1
        grid = LegacyGrid(path: folder + "/" + String(format: "grid_%04d.cp1251.csv", grids), group: group, subject: subject,
                          teacher: teacher, year: year, dates: dates, students: students)
    }

    /// Ends the current grid without starting another (a split subject has none).
    func endGrid() throws {
        try grid?.write()
        grid = nil
    }

    func gridCell(lesson: Int, student: Int, value: String) { grid?.set(lesson: lesson, student: student, value: value) }

    func lesson(group: String, subject: String, date: String, lesson: ScheduledLesson, scheduled: String, taught: String,
                substitution: String, topicAt: String, homeworkAt: String, topic: String, homework: String, text: TextCache) {
        lessons.row([date, "\(lesson.number)", text.time(minute: lesson.start), text.time(minute: lesson.end), group, subject,
                     scheduled, taught, substitution, topicAt, homeworkAt])
        topics?.row([date, topic, homework])
    }

    func mark(group: String, subject: String, date: String, number: String, student: String, value: String,
              workType: String, entered: String, teacher: String) {
        marks.row([group, subject, date, number, student, value, workType, entered, teacher])
    }

    func close() throws {
        try grid?.write()
        try topics?.close()
        try marks.close()
        try lessons.close()
    }
}
