import ArgumentParser
import Foundation
import JournalModel
import RuleLanguage
import RuleEngine
import Findings

/// `zhurnal rules lint|test|explain|fields|coverage|diff`: work with rule files.
struct RulesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Файлы правил: проверка, примеры, справка по полям, покрытие положения.",
        subcommands: [Lint.self, Test.self, Explain.self, Fields.self, Coverage.self, Diff.self, Bench.self])

    /// Loads a pack, printing its diagnostics; nil on errors.
    static func load(_ path: String) -> Pack? {
        do { return try PackLoader.load(path: path) } catch let e as PackError {
            for d in e.diagnostics { printError(d.rendered) }
            return nil
        } catch {
            printError("ошибка: \(error)")
            return nil
        }
    }

    /// `.rules` files named directly or found under the named folders, sorted.
    static func ruleFiles(_ paths: [String]) -> [String] {
        var out: [String] = []
        for p in paths {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: p, isDirectory: &isDir), isDir.boolValue {
                // A symlinked folder is listed through its target (the enumerator does not follow it).
                let target = URL(fileURLWithPath: p).resolvingSymlinksInPath().path
                let items = (FileManager.default.enumerator(atPath: target)?.allObjects as? [String]) ?? []
                out += items.filter { $0.hasSuffix(".rules") }.sorted().map { (p as NSString).appendingPathComponent($0) }
            } else {
                out.append(p)
            }
        }
        return out
    }

    struct Lint: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Проверить файлы правил: синтаксис, имена полей, типы.")
        @Argument(help: "Файлы .rules") var files: [String]

        func run() async throws {
            var bad = false
            for f in files {
                if let p = RulesCommand.load(f) { print("\(f): правил \(p.rules.count), ошибок нет") } else { bad = true }
            }
            if bad { throw ExitCodes.badInput }
        }
    }

    struct Test: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Выполнить примеры каждого правила.")
        @Argument(help: "Файлы .rules или папки с ними") var paths: [String]
        @Flag(name: .shortAndLong, help: "Показывать замечания, которые дали примеры") var verbose = false

        func run() async throws {
            let files = RulesCommand.ruleFiles(paths)
            guard !files.isEmpty else { throw UserFacingError.fail("не найдено ни одного файла .rules") }
            var failed = 0, total = 0, broken = false
            for f in files {
                guard let pack = RulesCommand.load(f) else { broken = true; continue }
                print("\(f):")
                for rule in pack.rules {
                    let results = ExampleRunner.run(rule) { overrides in
                        (try? PackLoader.load(path: f, overrides: overrides))?.rules.first { $0.id == rule.id }
                    }
                    total += results.count
                    let bad = results.filter { !$0.passed }
                    failed += bad.count
                    print("  \(bad.isEmpty ? "ок    " : "ОШИБКА") \(rule.id) — примеров: \(results.count)")
                    for r in results where !r.passed || verbose {
                        print("      \(r.location): \(r.example): \(r.detail)")
                        if verbose { for fi in r.findings { print("        → \(fi.message)") } }
                    }
                }
            }
            print("Примеров: \(total), не прошли: \(failed)")
            if broken { throw ExitCodes.badInput }
            if failed > 0 { throw ExitCodes.violations }
        }
    }

    struct Explain: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Показать правило: пункт, параметры, нужные данные.")
        @Argument(help: "Id правила") var id: String
        @Option(name: .customLong("rules"), help: "Пакет правил: имя (oosh14) или файл .rules") var rulesFile: String

        func run() async throws {
            guard let pack = RulesCommand.load(try PackPath.resolve(rulesFile)) else { throw ExitCodes.badInput }
            guard let r = pack.rules.first(where: { $0.id == id }) else {
                let ids = pack.rules.map(\.id)
                let byPrefix = ids.filter { $0.hasPrefix(id) }
                let near = byPrefix.count == 1 ? byPrefix.first : Suggestions.closest(to: id, among: ids)
                let hint = near.map { " — возможно, `\($0)`?" } ?? ""
                throw UserFacingError.fail("в пакете \(rulesFile) нет правила `\(id)`\(hint)")
            }
            print(PackText.explain(r, in: pack), terminator: "")
        }
    }

    struct Fields: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Сущности, поля и функции, доступные в правилах.")
        func run() async throws {
            print(ReferenceText.fields())
            print("Функции:\n")
            print(ReferenceText.functions(), terminator: "")
        }
    }

    struct Coverage: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Таблица покрытия пунктов положения (<пакет>.coverage.csv).")
        @Argument(help: "Пакет правил: имя (oosh14) или файл .rules") var pack: String

        func run() async throws {
            let file = try PackPath.resolve(pack)
            guard let p = RulesCommand.load(file) else { throw ExitCodes.badInput }
            let path = CoverageTable.path(forPack: file)
            let entries: [CoverageEntry]
            do {
                guard let e = try CoverageTable.read(path: path) else { throw UserFacingError.fail("нет таблицы покрытия \(path)") }
                entries = e
            } catch let e as PackError { throw UserFacingError.fail(e.diagnostics) }
            let (text, unknown) = PackText.coverage(entries, pack: p)
            print(text, terminator: "")
            if !unknown.isEmpty { throw ExitCodes.violations }
        }
    }

    struct Diff: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Чем различаются два пакета правил.")
        @Argument(help: "Старый пакет") var old: String
        @Argument(help: "Новый пакет") var new: String

        func run() async throws {
            guard let a = RulesCommand.load(old), let b = RulesCommand.load(new) else { throw ExitCodes.badInput }
            print(PackText.diff(a, b), terminator: "")
        }
    }

    /// Hidden: evaluation time and peak memory on a generated journal (see the README dev note).
    struct Bench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Замер скорости движка на сгенерированном журнале.",
                                                        shouldDisplay: false)
        @Option(help: "Сколько клеток журнала сгенерировать") var cells = 1_000_000
        @Option(name: .customLong("rules"), help: "Пакет правил") var rulesFile = "rules/tests/required.rules"
        @Flag(help: "Замерить каждое правило отдельно") var perRule = false

        func run() async throws {
            guard let pack = RulesCommand.load(rulesFile) else { throw ExitCodes.badInput }
            let clock = ContinuousClock()
            var journal: Journal?
            let build = clock.measure { journal = SyntheticJournal.make(cells: cells) }
            guard let j = journal else { return }
            print("журнал: уроков \(j.lessons.count), клеток \(j.cells.count), отметок за период \(j.periodMarks.count), изменений \(j.changes.count); построен за \(build)")
            var result: (outcomes: [RuleOutcome], findings: [Finding])?
            print("память после построения журнала: \(RulesCommand.memory("VmHWM:"))")
            let cpu0 = RulesCommand.threadCPUSeconds()
            let eval = clock.measure { result = Engine.evaluate(pack.rules, journal: j, options: CheckOptions()) }
            let cpu = RulesCommand.threadCPUSeconds() - cpu0
            let index = perRule ? clock.measure { _ = Engine.evaluate([], journal: j, options: CheckOptions()) } : .zero
            if perRule { print("  индексы: \(index)") }
            for (r, o) in zip(pack.rules, result?.outcomes ?? []) {
                let t = perRule ? "; ≈\(clock.measure { _ = Engine.evaluate([r], journal: j, options: CheckOptions()) } - index)" : ""
                print("  \(o.ruleId): \(o.status.rawValue), проверено \(o.checked), нарушений \(o.violations), пропущено \(o.skipped)\(t)")
            }
            print("правил: \(pack.rules.count), замечаний: \(result?.findings.count ?? 0)")
            print("оценка (индексы + все правила): \(eval), процессорное время потока: \(String(format: "%.3f", cpu)) s")
            print("пиковая память: \(RulesCommand.memory("VmHWM:"))")
        }
    }

    /// CPU time of the calling thread: less disturbed than wall time on a shared machine.
    static func threadCPUSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// A line of /proc/self/status (Linux), e.g. "VmHWM:" — the peak resident memory, or "—".
    static func memory(_ key: String) -> String {
        guard let s = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = s.split(separator: "\n").first(where: { $0.hasPrefix(key) }) else { return "—" }
        return line.dropFirst(key.count).trimmingCharacters(in: .whitespaces)
    }
}
