import Foundation
import JournalImport
import JournalStore

/// The Russian accounting table and disagreements summary `zhurnal import` prints.
public enum ImportReportText {
    public static let maxListed = 50

    static func pad(_ s: String, _ n: Int, right: Bool = false) -> String {
        let c = s.count
        if c >= n { return s }
        let fill = String(repeating: " ", count: n - c)
        return right ? fill + s : s + fill
    }

    /// `verbose`: disagreement lines name the student and the values (personal data); by
    /// default they give the lesson, the files and the line, which is enough to find the cell.
    public static func render(_ s: ImportSession.Summary, database: String, verbose: Bool = false) -> String {
        var out = ""
        if let b = s.outcome?.batch { out += "Импорт в базу \(database), пакет № \(b)\n\n" } else {
            out += "База \(database): все файлы уже были импортированы, изменений нет\n\n"
        }
        let shown = ShownPaths(s.files.map(\.path))
        let nameWidth = min(48, max(4, s.files.map { shown[$0.path].count }.max() ?? 4))
        let profWidth = max(7, s.files.map { $0.profile.count }.max() ?? 7)
        out += pad("Файл", nameWidth) + "  " + pad("Профиль", profWidth) + "  " + pad("Кодировка", 12)
            + pad("Прочитано", 10, right: true) + pad("Принято", 9, right: true) + pad("Отклонено", 11, right: true) + "\n"
        for f in s.files {
            let name = shown[f.path]
            if let b = f.alreadyImportedInBatch {
                let earlier = f.earlierRejections.isEmpty ? "" : " (отклонено строк при той загрузке: \(f.earlierRejections.count))"
                out += pad(name, nameWidth) + "  уже импортирован в пакете № \(b) — без изменений\(earlier)\n"
                continue
            }
            let enc = f.sheet != nil ? "XLSX" : (f.encoding?.rawValue ?? "") + (f.delimiter.isEmpty ? "" : " «\(f.delimiter)»")
            out += pad(name, nameWidth) + "  " + pad(f.profile, profWidth) + "  " + pad(enc, 12)
                + pad("\(f.read)", 10, right: true) + pad("\(f.accepted)", 9, right: true) + pad("\(f.rejected)", 11, right: true) + "\n"
        }
        out += pad("Итого", nameWidth + profWidth + 16) + pad("\(s.read)", 10, right: true)
            + pad("\(s.accepted)", 9, right: true) + pad("\(s.rejected)", 11, right: true) + "\n"

        if let note = decimalMarks(s.files, shown: shown) { out += "\n" + note + "\n" }
        let rejections = s.files.flatMap(\.rejections)
        if !rejections.isEmpty {
            out += "\nОтклонённые строки (\(s.rejected)):\n"
            for r in rejections.prefix(maxListed) { out += "  \(r.location): \(r.reason)\n" }
            if s.rejected > maxListed { out += "  … и ещё \(s.rejected - maxListed) (полный список — в файле --rejects)\n" }
        }
        if let o = s.outcome {
            if o.disagreements.isEmpty {
                out += "\nРасхождений между файлами нет.\n"
            } else {
                out += "\nРасхождения между файлами (\(o.disagreements.count)):\n"
                var counts: [Disagreement.Kind: Int] = [:]
                for d in o.disagreements { counts[d.kind, default: 0] += 1 }
                for k in Disagreement.Kind.allCases where counts[k] != nil { out += "  \(k.rawValue): \(counts[k]!)\n" }
                out += "\n"
                for d in o.disagreements.prefix(maxListed) {
                    let text = verbose ? d.message : (d.brief ?? d.message)
                    out += "  \(shown[d.file])\(d.line.map { ":\($0)" } ?? ""): \(text)\n"
                }
                if !verbose, o.disagreements.prefix(maxListed).contains(where: { $0.brief != nil }) {
                    out += "  (фамилии и отметки не печатаются — они в базе; показать их: --verbose)\n"
                }
                if o.disagreements.count > maxListed {
                    out += "  … и ещё \(o.disagreements.count - maxListed) (все расхождения сохранены в базе)\n"
                }
            }
            if o.changes > 0 { out += "\nЗаписано в историю изменений: \(o.changes)\n" }
            let unlinked = o.unlinkedPeriods.filter { !$0.calendarIsEmpty }
            if !unlinked.isEmpty {
                out += "\nИтоговые отметки за периоды, которых нет в календаре (\(unlinked.reduce(0) { $0 + $1.count })):\n"
                for u in unlinked { out += "  \(shown[u.file]):\(u.line): \(u.message)\n" }
            } else if !o.unlinkedPeriods.isEmpty {
                out += "\nПримечание: \(UnlinkedPeriod.emptyCalendarNote(count: o.unlinkedPeriods.reduce(0) { $0 + $1.count }))\n"
            }
            out += pairing(o.pairing, shown: shown)
            for n in o.sources {
                var made: [String] = []
                if n.groups > 0 { made.append("группы (\(n.groups))") }
                if n.students > 0 { made.append("обучающиеся (\(n.students))") }
                if n.lessons > 0 { made.append("уроки (\(n.lessons))") }
                let list = made.count > 1 ? made.dropLast().joined(separator: ", ") + " и " + made[made.count - 1] : made.joined()
                out += "\nИз файла \(shown[n.file]) взяты \(list): в журнале нет \(missingSources(n)).\n"
            }
        }
        return out
    }
}

extension ImportReportText {
    /// How lessons named by date only (grid columns, topic rows) were joined to numbered ones.
    static func pairing(_ p: LessonPairing, shown: ShownPaths) -> String {
        var out = ""
        let days = p.singleDays + p.doubleDays
        if days > 0 {
            out += "\nУроки без номера (столбцы сетки, строки тем) сопоставлены с уроками того же дня из файлов с номерами: "
                + "\(plural(days, "день", "дня", "дней")).\n"
        }
        if p.doubleDays > 0 {
            out += "Сдвоенные уроки — \(plural(p.doubleDays, "день", "дня", "дней")): в такой день k-й урок без номера "
                + "(по порядку столбцов сетки или строк файла) сопоставлен с k-м по номеру уроком, например:\n"
            for e in p.examples.prefix(5) {
                let list = e.numbers.enumerated().map { "\($0.offset + 1)-й → № \($0.element)" }.joined(separator: ", ")
                out += "  \(e.group), \(e.subject), \(e.date): \(list) (\(shown[e.file]))\n"
            }
        }
        if p.ambiguousDays > 0 {
            out += "Не сопоставлены — \(plural(p.ambiguousDays, "день", "дня", "дней")): число уроков в файлах различается (см. расхождения).\n"
        }
        if p.byBell > 0 {
            out += "Номер урока определён по времени начала и расписанию звонков: \(plural(p.byBell, "строка", "строки", "строк")).\n"
        }
        if p.marksPlaced > 0 {
            out += "Отметки без номера урока в дни, когда уроков по предмету несколько (сдвоенные уроки): "
                + "\(plural(p.marksPlaced, "строка", "строки", "строк")) отнесены к одному из уроков дня: у каждой отметки ученика "
                + "свой урок, не начавшийся позже ввода отметки; урок того, кто её внёс; урок того же вида, что работа; иначе — "
                + "по порядку строк файла. Выводы о периоде и о дне урока от выбора не зависят; выводы о самом уроке (номер, тема, "
                + "учитель, какой урок пары позже) могут назвать соседний урок пары — для точности выгрузите отметки с номером урока.\n"
        }
        return out
    }

    /// Marks written as decimals («5.0») and read as marks, with the files that hold them; nil if none.
    static func decimalMarks(_ files: [FileReport], shown: ShownPaths? = nil) -> String? {
        let shown = shown ?? ShownPaths(files.map(\.path))
        let with = files.filter { $0.decimalMarks > 0 }
        guard !with.isEmpty else { return nil }
        let n = with.reduce(0) { $0 + $1.decimalMarks }
        return "Отметки, записанные десятичной дробью («5.0», «4,00» — так их сохраняет электронная таблица или скрипт), "
            + "прочитаны как отметки («5», «4»): \(plural(n, "строка", "строки", "строк")) ("
            + with.map { "\(shown[$0.path]) — \($0.decimalMarks)" }.joined(separator: ", ") + ")."
    }

    /// «1 день», «2 дня», «5 дней».
    public static func plural(_ n: Int, _ one: String, _ few: String, _ many: String) -> String {
        let (m10, m100) = (n % 10, n % 100)
        let word = m10 == 1 && m100 != 11 ? one : (2...4).contains(m10) && !(12...14).contains(m100) ? few : many
        return "\(n) \(word)"
    }

    public static func missingSources(_ n: SourceNote) -> String {
        var what: [String] = []
        if n.groups > 0 { what.append("списка групп") }
        if n.students > 0 { what.append("списка обучающихся") }
        if n.lessons > 0 { what.append("файла с уроками") }
        return what.count > 1 ? what.dropLast().joined(separator: ", ") + " и " + what[what.count - 1] : what.joined()
    }
}
