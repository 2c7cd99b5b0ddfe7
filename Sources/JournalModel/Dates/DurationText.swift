/// Renders a delay in seconds as Russian text a teacher reads in a memo.
///
///     DurationText.russian(seconds: 93_600)   // "1 сут. 2 ч"
///     DurationText.russian(seconds: 5_400)    // "1 ч 30 мин"
public enum DurationText {
    public static func russian(seconds: Int64) -> String {
        let negative = seconds < 0
        var s = negative ? -seconds : seconds
        let days = s / 86400; s %= 86400
        let hours = s / 3600; s %= 3600
        let minutes = s / 60
        var parts: [String] = []
        if days > 0 { parts.append("\(days) сут.") }
        if hours > 0 { parts.append("\(hours) ч") }
        if minutes > 0 && days == 0 { parts.append("\(minutes) мин") }
        if parts.isEmpty { parts.append(seconds == 0 ? "0 мин" : "менее минуты") }
        return (negative ? "−" : "") + parts.joined(separator: " ")
    }

    /// "3 дня", "1 день", "5 дней": the Russian plural of a day count.
    public static func days(_ n: Int) -> String { "\(n) \(plural(n, "день", "дня", "дней"))" }

    /// Chooses the Russian plural form for `n` (1 день, 2 дня, 5 дней).
    public static func plural(_ n: Int, _ one: String, _ few: String, _ many: String) -> String {
        let n10 = abs(n) % 10, n100 = abs(n) % 100
        if n10 == 1 && n100 != 11 { return one }
        if (2...4).contains(n10) && !(12...14).contains(n100) { return few }
        return many
    }
}
