import Foundation
import Testing
import JournalModel
import Findings
import RuleLanguage
@testable import RuleEngine

/// Packs on disk: `extends` with `set`, rule replacement, the coverage table.
@Suite struct PackTests {
    static let base = """
    pack BASE
    title "Базовый пакет"
    document "Положение"
    param deadline = 3 дня "Срок"
    rule B-1 {
      title "Контрольная вовремя"
      clause "п. 1"
      severity нарушение
      tags отметки
      scope marks
      require entered_at <= end_of_day(date + deadline)
      message "Поздно: {entered_at}"
      example triggers {
        lesson date=2025-09-01
        cell student="А" value=5 entered=2025-09-08T10:00
      }
      example passes {
        lesson date=2025-09-01
        cell student="А" value=5 entered=2025-09-02T10:00
      }
    }
    """

    func folder(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("zh-pack-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("base"), withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return dir
    }

    @Test func anExtendingPackOverridesParametersRelativeToItsFile() throws {
        let dir = try folder(["base/base.rules": Self.base,
                              "school.rules": "pack SCHOOL\ntitle \"Школа\"\nextends \"base/base.rules\"\nset deadline = 3 рабочих дня\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let pack = try PackLoader.load(path: dir.appendingPathComponent("school.rules").path)
        #expect(pack.id == "SCHOOL" && pack.document == "Положение")
        #expect(pack.rules.map(\.id) == ["B-1"])
        let p = try #require(pack.params.first)
        #expect(p.value == .days(3, working: true))
        #expect(p.setIn?.hasSuffix("school.rules") == true)
    }

    @Test func aMissingBaseIsAnExtendsDiagnostic() throws {
        let dir = try folder(["school.rules": "pack S\ntitle \"Ш\"\nextends \"nope.rules\"\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        do {
            _ = try PackLoader.load(path: dir.appendingPathComponent("school.rules").path)
            Issue.record("expected an error")
        } catch let e as PackError {
            #expect(e.diagnostics.first?.id == "rules.extends")
            #expect(e.diagnostics.first?.location?.line == 3)
        }
    }

    @Test func theCoverageTableIsReadAndUnknownRuleIdsAreFlagged() throws {
        let csv = """
        Пункт;Содержание;Статус;Правила;Причина
        п. 1;"Отметки за контрольную; в течение 3 дней";проверяется;B-1, B-9;
        п. 2;Хранение журнала;не проверяется по данным журнала;;в выгрузке нет данных о хранении
        """
        let dir = try folder(["base/base.rules": Self.base, "base/base.coverage.csv": csv])
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("base/base.rules").path
        let entries = try #require(try CoverageTable.read(path: CoverageTable.path(forPack: path)))
        #expect(entries.count == 2)
        #expect(entries[0].summary == "Отметки за контрольную; в течение 3 дней")
        #expect(entries[0].ruleIds == ["B-1", "B-9"] && entries[0].status == .encoded)
        #expect(entries[1].status == .notCheckable && entries[1].reason == "в выгрузке нет данных о хранении")
        let pack = try PackLoader.load(path: path)
        let (text, unknown) = PackText.coverage(entries, pack: pack)
        #expect(unknown == ["B-9"])
        #expect(text.contains("ошибка: правила `B-9` нет в пакете — возможно, `B-1`?"))
        var b = JournalBuilder(institution: Institution(name: "Ш"))
        _ = b.group("7а")
        let report = try Checker.check(packPath: path, journal: b.journal, options: CheckOptions())
        #expect(report.coverage.count == 2)
    }

    @Test func aBadCoverageStatusIsADiagnosticWithASuggestion() throws {
        let dir = try folder(["base/base.rules": Self.base,
                              "base/base.coverage.csv": "Пункт;Содержание;Статус;Правила;Причина\nп. 1;x;проверяеться;B-1;\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        do {
            _ = try CoverageTable.read(path: dir.appendingPathComponent("base/base.coverage.csv").path)
            Issue.record("expected an error")
        } catch let e as PackError {
            #expect(e.diagnostics.first?.location?.line == 2)
            #expect(e.diagnostics.first?.hint == "возможно, «проверяется»?")
        }
    }

    @Test func diffNamesChangedRulesAndParameters() throws {
        let a = try PackLoader.load(text: Self.base, file: "a")
        let b = try PackLoader.load(text: Self.base.replacingOccurrences(of: "severity нарушение", with: "severity замечание")
            .replacingOccurrences(of: "param deadline = 3 дня", with: "param deadline = 5 дней"), file: "b")
        let text = PackText.diff(a, b)
        #expect(text == "Сравнение: BASE → BASE\n~ правило B-1: степень: нарушение → замечание\n~ параметр deadline: 3 дня → 5 дней\n")
    }
}
