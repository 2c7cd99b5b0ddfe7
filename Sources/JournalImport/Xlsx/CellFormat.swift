import JournalModel

/// How a numeric cell is shown, from its style's number format: as a plain number, a date, a
/// time, both, or the parts of a date a partial format shows (a month name, a day of month).
///
///     CellFormat(code: "DD.MM.YYYY")   // .date
///     CellFormat(code: "[$-419]MMMM")  // .monthName(year: false)
///     CellFormat(builtIn: 20)          // .time (h:mm)
enum CellFormat: Equatable {
    case general
    /// Digits padded with zeros to this width (format «000»).
    case zeroPadded(Int)
    case date
    case time
    case dateTime
    /// A month's name, with the year when the format shows it («Сентябрь 2025»).
    case monthName(year: Bool)
    /// The day of month alone.
    case dayOfMonth

    /// The built-in formats (ECMA-376 §18.8.30); 27–36 and 50–58 are East Asian dates.
    init(builtIn id: Int) {
        switch id {
        case 14, 15, 27...36, 50...58: self = .date
        case 16: self = .dayOfMonth
        case 17: self = .monthName(year: true)
        case 18...21, 45...47: self = .time
        case 22: self = .dateTime
        default: self = .general
        }
    }

    /// A custom format code. Only its first section counts; quoted text, escapes and
    /// bracketed locale or colour tags are not format letters.
    init(code: String) {
        var letters = ""
        var inQuote = false
        var escape = false
        var bracket = ""
        var inBracket = false
        for ch in code.lowercased() {
            if escape { escape = false; continue }
            if inQuote { if ch == "\"" { inQuote = false }; continue }
            if inBracket {
                if ch == "]" {
                    inBracket = false
                    if ["h", "hh", "m", "mm", "s", "ss"].contains(bracket) { letters += bracket }   // elapsed time
                } else { bracket.append(ch) }
                continue
            }
            switch ch {
            case "\"": inQuote = true
            case "\\", "_", "*": escape = true
            case "[": inBracket = true; bracket = ""
            case ";": break
            default: letters.append(ch)
            }
            if ch == ";" { break }
        }
        for word in ["general", "am/pm", "a/p"] { letters = letters.replacingOccurrences(of: word, with: "") }
        let hasY = letters.contains("y")
        let hasD = letters.contains("d")
        let hasH = letters.contains("h")
        let hasS = letters.contains("s")
        let hasM = letters.contains("m")
        if (hasY || hasD) && (hasH || hasS) { self = .dateTime }
        else if hasD && (hasM || hasY) { self = .date }
        else if hasY && hasM { self = letters.contains("mmm") ? .monthName(year: true) : .date }
        else if hasD { self = .dayOfMonth }
        else if hasH || hasS { self = .time }
        else if hasM, letters.contains("mmm") { self = .monthName(year: false) }
        else if hasY { self = .date }
        else if !letters.isEmpty, letters.allSatisfy({ $0 == "0" }) { self = .zeroPadded(letters.count) }
        else { self = .general }
    }

    var isDateOrTime: Bool {
        switch self { case .general, .zeroPadded: false; default: true }
    }
}

/// Excel's serial day numbers as dates: the 1900 system (day 1 is 1 January 1900, and day 60
/// is the 29 February 1900 that never was — a Lotus bug Excel keeps) or the 1904 system.
enum ExcelSerial {
    /// The date of serial day `day`; nil for day 60 of the 1900 system and for days before 1.
    static func date(day: Int, date1904: Bool) -> LocalDate? {
        if date1904 { return day >= 0 ? LocalDate(dayNumber: Int32(day - 24107)) : nil }
        if day >= 61 { return LocalDate(dayNumber: Int32(day - 25569)) }
        if day >= 1 && day <= 59 { return LocalDate(dayNumber: Int32(day - 25568)) }
        return nil
    }

    static let monthNames = ["Январь", "Февраль", "Март", "Апрель", "Май", "Июнь", "Июль", "Август",
                             "Сентябрь", "Октябрь", "Ноябрь", "Декабрь"]

    /// The text a journal import reads for `value` shown in `format`: `дд.мм.гггг`,
    /// `ЧЧ:ММ[:СС]`, `дд.мм.гггг ЧЧ:ММ[:СС]`, a month's name, a day number, or the number.
    /// nil when the number is no date of the calendar (the caller keeps the number's text).
    static func text(_ value: Double, format: CellFormat, date1904: Bool) -> String? {
        guard value.isFinite, value >= 0, value < 3_000_000 else { return nil }
        // Round to the second: serials carry binary fractions (0.354166… is 08:30).
        let totalSeconds = Int((value * 86400).rounded())
        let day = totalSeconds / 86400
        let seconds = totalSeconds % 86400
        let time = TimeOfDay(secondsSinceMidnight: Int32(seconds))
        func clock() -> String {
            func pad(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
            let hm = "\(pad(time.hour)):\(pad(time.minute))"
            return time.second == 0 ? hm : hm + ":\(pad(time.second))"
        }
        switch format {
        case .time where day == 0, .dateTime where day == 0:
            return clock()
        case .time:
            // Elapsed time over a day ([h]:mm): not a time of day.
            return nil
        case .date, .dateTime, .monthName, .dayOfMonth:
            guard let d = date(day: day, date1904: date1904) else {
                return day == 60 && !date1904 ? "29.02.1900" : nil
            }
            switch format {
            case .date: return seconds == 0 ? d.description : "\(d) \(clock())"
            case .monthName(let year): return monthNames[d.month - 1] + (year ? " \(d.year)" : "")
            case .dayOfMonth: return "\(d.day)"
            default: return "\(d) \(clock())"
            }
        case .general, .zeroPadded:
            return nil
        }
    }
}
