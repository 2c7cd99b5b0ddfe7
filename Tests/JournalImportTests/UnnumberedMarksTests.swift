import Foundation
import JournalImport
import JournalModel
import Testing
@testable import JournalStore

/// A marks export that gives each mark's date but not its lesson number, on days when the class
/// has two lessons of the subject. Before `UnnumberedMarks` every such row was rejected («несколько
/// уроков (№ 3, 4), а номер урока в строке не указан») and the rules then missed the marks.
///
/// The lessons (written below, read by hand): 7б Алгебра
/// - 03.09.2025 № 3, 10:30–11:15, Смирнова (as scheduled), «урок»;
/// - 03.09.2025 № 4, 11:35–12:20, scheduled Смирнова, taught by Орлов (a substitution), «контрольная работа»;
/// - 10.09.2025 № 3 and № 4 at the same times, both Смирнова, «урок».
///
/// Each mark row below says which step of `UnnumberedMarks` places it, and so where it must go.
@Suite struct UnnumberedMarksTests {
    static let header = ["учреждение.csv", "периоды.csv", "звонки.csv", "календарь.csv"].map(DoubleLessonTests.fixture)

    static let lessons = """
        Группа;Подгруппа;Предмет;Дата;Урок №;Начало;Окончание;Учитель по расписанию;Провёл;Тема;Вид занятия
        7б;;Алгебра;03.09.2025;3;10:30;11:15;Смирнова Ольга Петровна;Смирнова Ольга Петровна;Выражения с переменными;урок
        7б;;Алгебра;03.09.2025;4;11:35;12:20;Смирнова Ольга Петровна;Орлов Виктор Викторович;Контрольная работа № 1;контрольная работа
        7б;;Алгебра;10.09.2025;3;10:30;11:15;Смирнова Ольга Петровна;Смирнова Ольга Петровна;Тождества;урок
        7б;;Алгебра;10.09.2025;4;11:35;12:20;Смирнова Ольга Петровна;Смирнова Ольга Петровна;Тождества: практикум;урок

        """

    /// No «Урок №» column at all. Line numbers are the file's (the header is line 1).
    static let marks = """
        Группа;Предмет;Дата урока;Обучающийся;Значение;Вид работы;Внесено;Внёс
        7б;Алгебра;03.09.2025;Абрамов Артём;5;устный ответ;03.09.2025 10:50;Смирнова Ольга Петровна
        7б;Алгебра;03.09.2025;Абрамов Артём;4;контрольная работа;03.09.2025 12:10;Орлов Виктор Викторович
        7б;Алгебра;03.09.2025;Белова Вера;3;контрольная работа;04.09.2025 09:00;Орлов Виктор Викторович
        7б;Алгебра;03.09.2025;Волков Глеб;н;;03.09.2025 11:40;Смирнова Ольга Петровна
        7б;Алгебра;03.09.2025;Галкина Дарья;5;контрольная работа;05.09.2025 08:00;Иванова Анна Сергеевна
        7б;Алгебра;03.09.2025;Дёмин Егор;4;устный ответ;05.09.2025 08:05;Иванова Анна Сергеевна
        7б;Алгебра;10.09.2025;Ершова Жанна;н;;10.09.2025 10:31;Смирнова Ольга Петровна
        7б;Алгебра;10.09.2025;Ершова Жанна;н;;10.09.2025 11:36;Смирнова Ольга Петровна
        7б;Алгебра;10.09.2025;Ершова Жанна;5;устный ответ;10.09.2025 12:30;Смирнова Ольга Петровна
        7б;Алгебра;03.09.2025;Жуков Игорь;5;контрольная работа;03.09.2025 11:20;Иванова Анна Сергеевна

        """

    /// Where each row must go, by the rules in `UnnumberedMarks`' order:
    static let expected = [
        // line 2: № 4 began at 11:35, after the mark (10:50) — only № 3 is left.
        "03.09.2025|3|Абрамов Артём|5",
        // line 3: his second row takes the other lesson; Орлов, its author, taught № 4 as well.
        "03.09.2025|4|Абрамов Артём|4",
        // line 4: entered the next day (no time rule); Орлов, its author, taught only № 4.
        "03.09.2025|4|Белова Вера|3",
        // line 5: both lessons had begun by 11:40; Смирнова taught only № 3 (№ 4 was Орлов's).
        "03.09.2025|3|Волков Глеб|н",
        // line 6: another day, an author who taught neither; «контрольная работа» is № 4's kind.
        "03.09.2025|4|Галкина Дарья|5",
        // line 7: nothing tells the lessons apart: the earliest.
        "03.09.2025|3|Дёмин Егор|4",
        // line 8: entered at 10:31, before № 4 began: № 3.
        "10.09.2025|3|Ершова Жанна|н",
        // line 9: the lesson left to her.
        "10.09.2025|4|Ершова Жанна|н",
        // line 10: a third row of hers for two lessons, the file's last: rejected.
        // line 11: entered at 11:20, before № 4 began (11:35): № 3, though its work type is № 4's kind.
        "03.09.2025|3|Жуков Игорь|5",
    ]

    func cells(_ db: String) throws -> [String] {
        let j = try JournalStore(path: db).load()
        return j.cells.map { c in
            let l = j.lesson(c.lesson)
            return "\(l.date)|\(l.number.map(String.init) ?? "-")|\(j.student(c.student).name)|\(c.value.raw)"
        }.sorted()
    }

    @Test func marksWithoutANumberGoToTheLessonTheirTimeAuthorAndKindName() throws {
        let t = TempDir()
        let db = t.path("j.sqlite")
        let s = try importFiles(Self.header + [try t.write("занятия.csv", Self.lessons), try t.write("отметки.csv", Self.marks)], db: db)
        #expect(try cells(db) == Self.expected.sorted())
        #expect(s.outcome?.disagreements.map(\.message) == [])
        let rejections = s.files.flatMap(\.rejections)
        #expect(rejections.map { "\(($0.location.file as NSString).lastPathComponent):\($0.location.line) \($0.column ?? "")" }
                == ["отметки.csv:10 Урок №"])
        #expect(rejections.first?.reason == "в группе «7б» по предмету «Алгебра» 10.09.2025 2 урока, номер урока в строке не указан, "
                + "а у обучающегося в этом файле уже по строке на каждый урок дня")
        #expect(s.outcome?.pairing.marksPlaced == 9)
    }

    @Test func theJournalInMemoryPlacesThemTheSameWay() throws {
        let t = TempDir()
        let files = Self.header + [try t.write("занятия.csv", Self.lessons), try t.write("отметки.csv", Self.marks)]
        let store = try JournalStore.inMemory()
        let s = try ImportSession(importer: FileImporter(profiles: [])).run(files.map { .init(path: $0, displayName: $0) }, into: store)
        #expect(s.rejected == 1)
        let j = try store.load()
        let got = j.cells.map { c in
            let l = j.lesson(c.lesson)
            return "\(l.date)|\(l.number.map(String.init) ?? "-")|\(j.student(c.student).name)|\(c.value.raw)"
        }.sorted()
        #expect(got == Self.expected.sorted())
    }

    /// A weekly re-export repeats every row, here in another order (a student's two rows of the
    /// day swapped): its rows take the same lessons, so nothing disagrees and no mark doubles.
    @Test func aReExportAndAnotherRowOrderPlaceTheSameMarks() throws {
        let t = TempDir()
        let db = t.path("j.sqlite")
        let rows = Self.marks.split(separator: "\n").map(String.init)
        // Абрамов's two rows and Ершова's first two swapped; her third (12:30) still last.
        let week2 = ([rows[0]] + [rows[6], rows[3], rows[2], rows[5], rows[1], rows[4], rows[8], rows[7], rows[10], rows[9]]).joined(separator: "\n") + "\n"
        let s = try importFiles(Self.header + [try t.write("занятия.csv", Self.lessons), try t.write("отметки.csv", Self.marks),
                                               try t.write("отметки-неделя-2.csv", week2)], db: db)
        #expect(try cells(db) == Self.expected.sorted())
        #expect(s.outcome?.disagreements.map(\.message) == [])
        #expect(s.rejected == 2)
    }

    /// A teacher gives the same «4» for both lessons of the pair in one minute: the two rows are
    /// alike word for word, and they are two marks (taken for one repeated row, the second was
    /// rejected and a generated school got a false «мало отметок за период»).
    @Test func twoAlikeRowsOfADoubleLessonAreTwoMarks() throws {
        let t = TempDir()
        let db = t.path("j.sqlite")
        let row = "7б;Алгебра;10.09.2025;Ершова Жанна;4;самостоятельная работа;10.09.2025 12:30;Смирнова Ольга Петровна"
        let marks = "Группа;Предмет;Дата урока;Обучающийся;Значение;Вид работы;Внесено;Внёс\n\(row)\n\(row)\n"
        let s = try importFiles(Self.header + [try t.write("занятия.csv", Self.lessons), try t.write("отметки.csv", marks)], db: db)
        #expect(try cells(db) == ["10.09.2025|3|Ершова Жанна|4", "10.09.2025|4|Ершова Жанна|4"])
        #expect(s.rejected == 0)
    }

    /// A work type names a lesson kind when their first words differ only in the ending.
    @Test func workTypesAndLessonKinds() {
        for (work, kind) in [("контрольная работа", "Контрольная работа"), ("практическая работа", "практическое занятие"),
                             ("Лабораторная работа", "лабораторное занятие"), ("самостоятельная работа", "самостоятельная")] {
            #expect(UnnumberedMarks.sameKind(work, kind), "\(work) — \(kind)")
        }
        for (work, kind) in [("устный ответ", "урок"), ("контрольная работа", "практическое занятие"), ("работа на уроке", "урок"),
                             ("практическая работа", "практикум"), ("", "урок")] {
            #expect(!UnnumberedMarks.sameKind(work, kind), "\(work) — \(kind)")
        }
    }

    /// On a day of one lesson a row without a number takes it, as before, and is not counted.
    @Test func aDayOfOneLessonIsNotAPlacement() throws {
        let t = TempDir()
        let db = t.path("j.sqlite")
        let one = "Группа;Предмет;Дата урока;Обучающийся;Значение\n7б;Алгебра;01.09.2025;Абрамов Артём;5\n"
        let s = try importFiles(Self.header + [DoubleLessonTests.fixture("занятия.csv"), try t.write("отметки.csv", one)], db: db)
        #expect(try cells(db) == ["01.09.2025|2|Абрамов Артём|5"])
        #expect(s.outcome?.pairing.marksPlaced == 0)
    }
}
