import Foundation
import Testing
import JournalModel
@testable import Reports

@Suite struct MemoSettingsTests {
    @Test func settingsOverrideJournalRequisites() throws {
        let s = try MemoSettings.parse("""
            # реквизиты
            Номер записки: СЗ-{группа}/7
            Адресат записки (кому): Петровой-Водкиной А.А.
            Должность автора записки: Классный руководитель группы {группа}
            Автор записки: Зайцева Ирина Павловна
            Дата: 16.09.2025
            """, file: "реквизиты.txt")
        let m = try #require(ServiceMemo.build(report: MemoFixture.report, journal: MemoFixture.journal,
                                               group: "ИС-21", week: MemoFixture.week, settings: s, sequence: 2))
        #expect(m.number == "СЗ-ИС-21/9")
        #expect(m.recipient.inflectedName == "Петровой-Водкиной А.А.")
        #expect(m.author.position == "Классный руководитель группы ИС-21")
        #expect(m.author.inflectedName == "Зайцевой И.П.")
        #expect(m.author.signatureName == "И.П. Зайцева")
        #expect(m.date == MemoFixture.date(16))
    }

    @Test func unknownKeyAndBadDateAreDiagnosed() {
        let error = #expect(throws: MemoError.self) {
            try MemoSettings.parse("Номер запсики: 5\nДата: 31.02.2025\nпросто текст\n", file: "р.txt")
        }
        #expect(error?.description == """
            р.txt:1:1: ошибка: неизвестный параметр «Номер запсики»
              Номер запсики: 5
              ^
            подсказка: возможно, «Номер записки»?
            р.txt:2:7: ошибка: дата «31.02.2025» не распознана
              Дата: 31.02.2025
                    ^
            подсказка: пишите дату как 15.09.2025
            р.txt:3:1: ошибка: строка не похожа на «Параметр: значение» — нет двоеточия
              просто текст
              ^
            подсказка: строки-комментарии начинайте с «#»
            """)
    }

    @Test func shippedSettingsFileParsesAndFixesNothing() throws {
        let path = try #require(MemoFixture.templates.defaultSettingsPath)
        let s = try MemoSettings.parse(try String(contentsOfFile: path, encoding: .utf8), file: path)
        #expect(s == MemoSettings())
    }

    @Test func namesTakeTheFormsADocumentNeeds() {
        #expect(RussianName("Иванова Мария Сергеевна").dative.surnameFirst == "Ивановой М.С.")
        #expect(RussianName("Петров Игорь Викторович").dative.surnameFirst == "Петрову И.В.")
        #expect(RussianName("Петров Игорь Викторович").genitive.surnameFirst == "Петрова И.В.")
        #expect(RussianName("Вишневский Олег Ильич").dative.surnameFirst == "Вишневскому О.И.")
        #expect(RussianName("Ковальская Ева Олеговна").genitive.surnameFirst == "Ковальской Е.О.")
        // Irregular or foreign surnames stay as written rather than being declined wrongly.
        #expect(RussianName("Черных Анна Ивановна").dative.surnameFirst == "Черных А.И.")
        #expect(RussianName("Шевченко Олег Петрович").dative.surnameFirst == "Шевченко О.П.")
        #expect(RussianName("Ковальчук Олег Петрович").dative.surnameFirst == "Ковальчук О.П.")
        #expect(RussianName("Смирнова О. П.").initialsFirst == "О.П. Смирнова")
    }
}
