import Foundation
import JournalImport
import JournalModel
import JournalStore
import Testing

/// Monthly exports glued into one file (`cat сентябрь.csv октябрь.csv`) repeat the header row:
/// it is rejected as the header again, not as a row whose «Дата урока» is no date, and the rows
/// on both sides of it are read.
@Suite struct GluedExportTests {
    @Test func aRepeatedHeaderIsNamedAsOne() throws {
        let t = TempDir()
        let students = try t.write("обучающиеся.csv", "Группа;Обучающийся;Код;Подгруппа;Зачислен;Выбыл\n7а;Орлова Анна;;;;\n")
        let header = "Группа;Предмет;Дата урока;Урок №;Обучающийся;Значение;Вид работы;Внесено;Внёс;Подгруппа"
        let marks = try t.write("отметки.csv", """
            \(header)
            7а;Алгебра;02.09.2025;1;Орлова Анна;5;;02.09.2025 09:00;;
            \(header)
            7а;Алгебра;01.10.2025;1;Орлова Анна;4;;01.10.2025 09:00;;

            """)
        let store = try JournalStore.inMemory()
        let s = try MemoryCellsTests.session().run(MemoryCellsTests.files([students, marks]), into: store)
        let rejections = s.files.flatMap(\.rejections)
        #expect(s.accepted == 3 && s.rejected == 1)
        #expect(rejections.map { "\($0.location.line):\($0.location.column)" } == ["3:1"])
        #expect(rejections.first?.reason.hasPrefix("повторная строка заголовка: файл, вероятно, склеен из нескольких выгрузок") == true)
        #expect(try store.load().cells.map(\.value.raw).sorted() == ["4", "5"])
    }
}
