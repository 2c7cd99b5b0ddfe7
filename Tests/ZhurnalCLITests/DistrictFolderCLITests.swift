import Foundation
import Testing

/// A district's folder holds one folder per school (`zhurnal generate --size district` writes it
/// so). Given whole, the schools must not become one journal: their classes «2а» would merge,
/// with their students, lessons and marks, under the name read last. Each school's own
/// `.zhurnal-ignore` keeps its ground truth out, as it does when the school's folder is given.
@Suite struct DistrictFolderCLITests {
    /// Two one-class schools, `school-a` and `school-b`, in `dir/district`; school-b renamed
    /// «МБОУ «Гимназия № 2»» (row 2 of its institution table, written here). Returns the
    /// district folder and school-a's name as its file gives it.
    private func district(in dir: URL) throws -> (folder: String, nameA: String) {
        let folder = dir.appendingPathComponent("district").path
        for (school, seed) in [("school-a", "5"), ("school-b", "6")] {
            let gen = try CLIRunner.run(["generate", "--size", "small", "--classes", "1", "--seed", seed,
                                         "--out", folder + "/" + school, "--inject", "0", "--legacy"])
            #expect(gen.status == 0, "\(gen.stderr)")
        }
        let b = folder + "/school-b/учреждение.csv"
        var lines = try String(contentsOfFile: b, encoding: .utf8).components(separatedBy: "\n")
        #expect(lines[1].hasPrefix("Наименование;"))
        lines[1] = "Наименование;МБОУ «Гимназия № 2»"
        try lines.joined(separator: "\n").write(toFile: b, atomically: true, encoding: .utf8)
        let a = try String(contentsOfFile: folder + "/school-a/учреждение.csv", encoding: .utf8).components(separatedBy: "\n")[1]
        return (folder, String(a.dropFirst("Наименование;".count)))
    }

    @Test func aFolderOfTwoSchoolsIsRefusedNamingBoth() throws {
        let dir = try CLIRunner.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (folder, nameA) = try district(in: dir)
        let json = dir.appendingPathComponent("out/findings.json").path
        let r = try CLIRunner.run(["check", folder, "--rules", "oosh14", "--json", json])
        #expect(r.status == 2, "\(r.stdout)\n\(r.stderr)")
        // «Наименование;» is 13 characters: the value begins at column 14.
        #expect(r.stderr.contains("\(folder)/school-b/учреждение.csv:2:14: ошибка: другое учреждение: «МБОУ «Гимназия № 2»», "
                                  + "а в этой же загрузке уже «\(nameA)» (\(folder)/school-a/учреждение.csv, строка 2)"), "\(r.stderr)")
        #expect(r.stderr.contains("  Наименование;МБОУ «Гимназия № 2»\n               ^"), "\(r.stderr)")
        #expect(r.stderr.contains("подсказка: одна загрузка и одна проверка — одно учреждение"))
        #expect(!FileManager.default.fileExists(atPath: json))
        #expect(!r.stdout.contains("Нарушени"))
        // Each school's own ignore file keeps its ground truth and legacy copy out.
        for school in ["school-a", "school-b"] {
            #expect(r.stderr.contains("пропущено по .zhurnal-ignore: \(folder)/\(school)/ground_truth.csv"), "\(r.stderr)")
            #expect(r.stderr.contains("пропущено по .zhurnal-ignore: \(folder)/\(school)/legacy/"), "\(r.stderr)")
        }
        let imported = try CLIRunner.run(["import", folder, "--db", dir.appendingPathComponent("j.sqlite").path])
        #expect(imported.status == 2)
        #expect(imported.stderr.contains("school-b/учреждение.csv:2:14: ошибка: другое учреждение"))
        // Each school alone is checked under its own name (clean journals: no нарушение or
        // замечание; the monthly shares of a one-class school may still exceed their thresholds).
        for (school, name) in [("school-a", nameA), ("school-b", "МБОУ «Гимназия № 2»")] {
            let one = try CLIRunner.run(["check", folder + "/" + school, "--rules", "oosh14"])
            #expect(one.status != 2, "\(one.stdout)\n\(one.stderr)")
            #expect(one.stdout.contains("найдено нарушений 0, замечаний 0,"), "\(one.stdout)")
            #expect(one.stdout.contains("Проверка: \(name) — "), "\(one.stdout)")
        }
    }

    /// A database holds one institution's journal: a second school imported into the first's
    /// database is refused at its name, and the database keeps the first school's journal.
    @Test func anotherSchoolIntoTheSameDatabaseIsRefused() throws {
        let dir = try CLIRunner.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (folder, nameA) = try district(in: dir)
        let db = dir.appendingPathComponent("school-a.sqlite").path
        #expect(try CLIRunner.run(["import", folder + "/school-a", "--db", db]).status == 0)
        let before = try CLIRunner.run(["check", db, "--rules", "oosh14"])
        let r = try CLIRunner.run(["import", folder + "/school-b", "--db", db])
        #expect(r.status == 2, "\(r.stdout)\n\(r.stderr)")
        #expect(r.stderr.contains("\(folder)/school-b/учреждение.csv:2:14: ошибка: другое учреждение: «МБОУ «Гимназия № 2»», "
                                  + "а в базе «\(db)» — журнал учреждения «\(nameA)»"), "\(r.stderr)")
        #expect(r.stderr.contains("база не изменена") && r.stderr.contains("подсказка: у каждого учреждения своя база"))
        let after = try CLIRunner.run(["check", db, "--rules", "oosh14"])
        #expect(after.stdout == before.stdout && after.stdout.contains("Проверка: \(nameA) — "))
        // The same school again, its name spelt otherwise (case, spaces), is the same institution.
        let a = folder + "/school-a/учреждение.csv"
        let text = try String(contentsOfFile: a, encoding: .utf8)
        try text.replacingOccurrences(of: "Наименование;" + nameA, with: "Наименование;" + nameA.uppercased().replacingOccurrences(of: " ", with: "  "))
            .write(toFile: a, atomically: true, encoding: .utf8)
        let again = try CLIRunner.run(["import", folder + "/school-a", "--db", db])
        #expect(again.status == 0, "\(again.stderr)")
    }

    @Test func theDistrictsOwnIgnoreFileCanLeaveASchoolOut() throws {
        let dir = try CLIRunner.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (folder, nameA) = try district(in: dir)
        try "school-b/\n".write(toFile: folder + "/.zhurnal-ignore", atomically: true, encoding: .utf8)
        let r = try CLIRunner.run(["check", folder, "--rules", "oosh14"])
        #expect(r.status != 2, "\(r.stdout)\n\(r.stderr)")
        #expect(r.stdout.contains("Проверка: \(nameA) — "))
        #expect(r.stdout.contains("найдено нарушений 0, замечаний 0,"), "\(r.stdout)")
        #expect(r.stderr.contains("пропущено по .zhurnal-ignore: \(folder)/school-b/"))
        #expect(r.stderr.contains("пропущено по .zhurnal-ignore: \(folder)/school-a/ground_truth.csv"))
    }

    @Test func aSchoolsPatternsAreRelativeToItsOwnFolder() throws {
        let dir = try CLIRunner.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (folder, _) = try district(in: dir)
        try "school-b/\n".write(toFile: folder + "/.zhurnal-ignore", atomically: true, encoding: .utf8)
        // school-a's «ground_truth.csv» names its own file, not one a folder deeper.
        let extra = folder + "/school-a/extra"
        try FileManager.default.createDirectory(atPath: extra, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: folder + "/school-a/ground_truth.csv", toPath: extra + "/ground_truth.csv")
        let r = try CLIRunner.run(["check", folder, "--rules", "oosh14"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("\(extra)/ground_truth.csv:1:1: ошибка"), "\(r.stderr)")
    }

    @Test func oneInstitutionSpeltTwiceIsOne() throws {
        let dir = try CLIRunner.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (folder, nameA) = try district(in: dir)
        let school = folder + "/school-a"
        // The same letters and digits: other case, quotes and spaces, «ё» for «е».
        let respelt = nameA.lowercased().replacingOccurrences(of: "«", with: "\"").replacingOccurrences(of: "»", with: "\"")
            .replacingOccurrences(of: "№ ", with: "№").replacingOccurrences(of: "общеобразовательная", with: "общеобразовательная  ")
            .replacingOccurrences(of: "е", with: "ё")
        #expect(respelt != nameA)
        try FileManager.default.createDirectory(atPath: school + "/прошлый", withIntermediateDirectories: true)
        let quoted = "\"" + respelt.replacingOccurrences(of: "\"", with: "\"\"") + "\""   // CSV quoting
        try "Параметр;Значение\nНаименование;\(quoted)\n".write(toFile: school + "/прошлый/учреждение.csv", atomically: true, encoding: .utf8)
        let r = try CLIRunner.run(["import", school, "--db", dir.appendingPathComponent("j.sqlite").path])
        #expect(r.status == 0, "\(r.stdout)\n\(r.stderr)")
        // Both institution tables read (the report names files without their folder).
        #expect(r.stdout.components(separatedBy: "учреждение.csv ").count - 1 == 2, "\(r.stdout)")
        #expect(r.stdout.contains("Расхождений между файлами нет."))
    }
}
