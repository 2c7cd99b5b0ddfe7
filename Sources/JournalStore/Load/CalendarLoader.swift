import JournalModel

extension JournalLoader {
    /// The institution from the «учреждение» table (defaults where a key is missing).
    func institution() throws -> Institution {
        var settings: [String: String] = [:]
        let s = try db.prepare("SELECT key, value FROM setting")
        while try s.step() { settings[s.text(0).lowercased()] = s.text(1) }
        func value(_ k: String) -> String? { settings[k].flatMap { $0.trimmingSpaces().isEmpty ? nil : $0.trimmingSpaces() } }
        var inst = Institution(name: value("наименование") ?? "")
        if let k = value("тип").flatMap({ Institution.Kind(rawValue: $0.lowercased()) }) { inst.kind = k }
        if let z = value("часовой пояс").flatMap({ InstitutionTimeZone(identifier: $0) }) { inst.timeZone = z }
        if let w = value("учебная неделя").flatMap({ Int($0) }), w == 5 || w == 6 { inst.studyWeekDays = w }
        inst.director = value("директор")
        inst.deputyDirector = value("заместитель директора")
        return inst
    }

    /// Periods, holidays, bells, and the institution's own public holidays / moved working days.
    func calendar() throws -> SchoolCalendar {
        var cal = SchoolCalendar()
        let p = try db.prepare("SELECT name, kind, start_day, end_day FROM period ORDER BY start_day, end_day DESC")
        while try p.step() {
            cal.periods.append(StudyPeriod(name: p.text(0), kind: StudyPeriod.Kind(rawValue: p.text(1)) ?? .quarter,
                                           start: LocalDate(dayNumber: Int32(p.int(2))), end: LocalDate(dayNumber: Int32(p.int(3)))))
        }
        let h = try db.prepare("SELECT kind, start_day, end_day, name FROM holiday ORDER BY start_day")
        while try h.step() {
            let start = LocalDate(dayNumber: Int32(h.int(1))), end = LocalDate(dayNumber: Int32(h.int(2)))
            switch h.text(0) {
            case "каникулы": cal.holidays.append(DateSpan(name: h.text(3), start: start, end: end))
            case "рабочий":
                var d = start
                while d <= end { cal.production.extraWorking.insert(d); d = d.adding(days: 1) }
            default:
                var d = start
                while d <= end { cal.production.nonWorking.insert(d); d = d.adding(days: 1) }
            }
        }
        let b = try db.prepare("SELECT number, start_sec, end_sec FROM bell ORDER BY number")
        while try b.step() {
            cal.bells.append(BellSlot(number: Int(b.int(0)), start: TimeOfDay(secondsSinceMidnight: Int32(b.int(1))),
                                      end: TimeOfDay(secondsSinceMidnight: Int32(b.int(2)))))
        }
        return cal
    }
}
