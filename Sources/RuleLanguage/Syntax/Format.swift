import JournalModel

/// Russian rendering of values for messages and listings.
public enum Format {
    /// `3`, `2,5`.
    public static func number(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        let r = (v * 10).rounded() / 10
        return String(r).replacingOccurrences(of: ".", with: ",")
    }

    /// `12,5 %`.
    public static func percent(_ v: Double) -> String { number((v * 10).rounded() / 10) + " %" }

    /// A duration literal as written in rules: `1ч30м`, `2ч`, `45м`.
    public static func duration(_ seconds: Int64) -> String {
        let h = seconds / 3600, m = seconds % 3600 / 60
        if h > 0 && m > 0 { return "\(h)ч\(m)м" }
        if h > 0 { return "\(h)ч" }
        return "\(m)м"
    }

    /// A delay for a teacher: `2 ч 15 мин`, `1 сут. 3 ч`.
    public static func delay(_ seconds: Int64) -> String { DurationText.russian(seconds: seconds) }
}
