import Foundation
import JournalImport
import JournalModel
import Testing
@testable import JournalStore

/// Entry times: every profile and canonical table takes `дд.мм.гггг ЧЧ:ММ[:СС]` and ISO 8601
/// with `T`, seconds, `Z` and offsets (converted to the institution's zone); a time known to
/// the day only is stored and loaded as such, never as 00:00.
@Suite struct EntryTimeTests {
    /// Yekaterinburg is UTC+5: 08:31:15Z, 11:31:15+03:00 and 13:31:15+05:00 are all 13:31:15 there.
    static let institution = "Параметр;Значение\nЧасовой пояс;Asia/Yekaterinburg\n"
    static let stamps = ["01.09.2025 13:31:15", "2025-09-01T13:31:15", "2025-09-01T08:31:15Z", "2025-09-01T11:31:15+03:00",
                         "2025-09-01 13:31:15+0500", "02.09.2025", "2025-09-02"]
    static let students = ["Абрамов Артём", "Белова Вера", "Волков Глеб", "Громова Дарья", "Дятлов Егор", "Ершова Жанна", "Жуков Игорь"]

    func entered(_ db: String) throws -> [String: LocalDateTime] {
        let j = try JournalStore(path: db).load()
        var out: [String: LocalDateTime] = [:]
        for c in j.cells { out[j.student(c.student).name] = c.enteredAt }
        return out
    }

    func check(_ times: [String: LocalDateTime]) {
        for name in Self.students.prefix(5) {
            #expect(times[name]?.description == "01.09.2025 13:31:15" && times[name]?.isDayOnly == false, "\(name)")
        }
        for name in Self.students.suffix(2) {
            #expect(times[name]?.isDayOnly == true && times[name]?.description == "02.09.2025", "\(name): a day, not midnight")
        }
    }

    @Test func theLegacyMarksLogProfileTakesSecondsIsoOffsetsAndDates() throws {
        // The profile says `формат времени = дд.мм.гггг чч:ми`; the other forms are unambiguous too.
        let t = TempDir()
        var log = "Класс;Предмет;Дата урока;Урок №;Ученик;Отметка;Вид работы;Дата и время выставления;Выставил\n"
        for (name, stamp) in zip(Self.students, Self.stamps) {
            log += "7б;Алгебра;01.09.2025;2;\(name);5;устный ответ;\(stamp);Смирнова Ольга Петровна\n"
        }
        let db = t.path("j.sqlite")
        // The institution named after the log: its zone still converts the log's offsets.
        let s = try importFiles([try t.write("marks_log.csv", log), try t.write("учреждение.csv", Self.institution)], db: db)
        #expect(s.rejected == 0)
        #expect(s.files.first?.profile == "журнал отметок (лог выставления)")
        check(try entered(db))
    }

    @Test func theCanonicalTableTakesTheSameForms() throws {
        let t = TempDir()
        var marks = "Группа;Предмет;Дата урока;Урок №;Обучающийся;Значение;Внесено\n"
        for (name, stamp) in zip(Self.students, Self.stamps) { marks += "7б;Алгебра;01.09.2025;2;\(name);5;\(stamp)\n" }
        let db = t.path("j.sqlite")
        let s = try importFiles([try t.write("учреждение.csv", Self.institution), try t.write("отметки.csv", marks)], db: db)
        #expect(s.rejected == 0)
        check(try entered(db))
    }

    @Test func aSlashedDateOutsideTheProfilesFormIsStillRejected() throws {
        // 02/09/2025 reads both ways: only the profile's own form may take it.
        let t = TempDir()
        let log = "Класс;Предмет;Дата урока;Урок №;Ученик;Отметка;Вид работы;Дата и время выставления;Выставил\n"
            + "7б;Алгебра;01.09.2025;2;Абрамов Артём;5;;02/09/2025 10:00;Смирнова Ольга Петровна\n"
        let s = try importFiles([try t.write("marks_log.csv", log)], db: t.path("j.sqlite"))
        #expect(s.files[0].rejections.map(\.reason) == ["«02/09/2025 10:00» — дата не в формате профиля (дд.мм.гггг чч:ми) "
                                                         + "и не в формате дд.мм.гггг ЧЧ:ММ или ISO 8601"])
    }

    @Test func aDatabaseOfTheFirstSchemaOpensAndLoads() throws {
        // A version-1 database, as the previous program wrote it: a lesson from a lessons table
        // (it has a topic) with a cell entered at 00:00, and a bare lesson a marks log made.
        let t = TempDir()
        let path = t.path("old.sqlite")
        do {
            let db = try Database(path: path)
            try db.execute(Migrations.steps[0] + """
                PRAGMA user_version = 1;
                INSERT INTO batch(imported_at) VALUES ('2025-09-10T10:00:00');
                INSERT INTO grp(name) VALUES ('7б');
                INSERT INTO subject(name) VALUES ('Алгебра');
                INSERT INTO student(group_id, name) VALUES (1, 'Абрамов Артём');
                INSERT INTO subject(name) VALUES ('Физика');
                INSERT INTO lesson(group_id, subgroup, subject_id, day, number, topic, first_batch) VALUES (1, '', 1, 20332, 2, 'Дроби', 1);
                INSERT INTO lesson(group_id, subgroup, subject_id, day, number, first_batch) VALUES (1, '', 2, 20333, 1, 1);
                INSERT INTO cell(lesson_id, student_id, value, entered_at, first_batch) VALUES (1, 1, '5', 1756771200, 1);
                """)
        }
        let store = try JournalStore(path: path)
        let j = try store.load()
        #expect(j.lessons.map { "\($0.date) \($0.number ?? 0)" } == ["01.09.2025 2", "02.09.2025 1"])
        // Seconds stay seconds: 1756771200 is 02.09.2025 00:00, a time (version 1 had no day-only entries).
        #expect(j.cells.map { "\($0.enteredAt?.description ?? "") \($0.enteredAt?.isDayOnly == true)" } == ["02.09.2025 00:00 false"])
        // The lesson with a topic counts as declared: a mark at a lesson number it lacks is
        // rejected. Физика's lessons came from marks alone: a later marks log still makes its lessons.
        let marks = "Группа;Предмет;Дата урока;Урок №;Обучающийся;Значение\n7б;Алгебра;01.09.2025;3;Абрамов Артём;4\n"
            + "7б;Физика;03.09.2025;1;Абрамов Артём;5\n"
        let s = try importFiles([try t.write("отметки.csv", marks)], db: path)
        #expect(s.files[0].rejections.map(\.location.line) == [2])
        #expect(try store.counts()["lesson"] == 3)
    }
}
