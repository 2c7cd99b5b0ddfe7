/// Dates encode as ISO text (`2025-09-01`, `2025-09-01T10:25:00`) in JSON.
extension LocalDate: Codable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let d = DateParsing.date(s) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a date: \(s)")
        }
        self = d
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso)
    }
}

extension LocalDateTime: Codable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        if let d = DateParsing.date(s) {   // a day-only entry encodes as its date
            self = .dayOnly(d)
            return
        }
        guard let t = DateParsing.timestamp(s), t.offsetSeconds == nil else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a local timestamp: \(s)")
        }
        self = t.local
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso)
    }
}
