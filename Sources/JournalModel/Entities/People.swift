/// A class (school) or study group (college).
public struct Group: Hashable, Sendable {
    public var name: String
    /// Grade (класс/курс) parsed from the name ("7б" → 7) or given explicitly.
    public var grade: Int?
    public var curator: String?

    public init(name: String, grade: Int? = nil, curator: String? = nil) {
        self.name = name
        self.grade = grade ?? Group.grade(fromName: name)
        self.curator = curator
    }

    /// The leading number of a class name: "7б" → 7, "11А" → 11, "ИС-21" → nil.
    public static func grade(fromName name: String) -> Int? {
        let digits = name.prefix(while: { $0.isASCII && $0.isNumber })
        guard !digits.isEmpty, let v = Int(digits), (1...11).contains(v) else { return nil }
        return v
    }
}

/// A student (обучающийся) of one group.
public struct Student: Hashable, Sendable {
    public var name: String
    /// The institution's own student code, where the export has one.
    public var code: String?
    public var group: GroupID
    public var subgroup: String?
    public var enrolled: LocalDate?
    public var left: LocalDate?

    public init(name: String, code: String? = nil, group: GroupID, subgroup: String? = nil,
                enrolled: LocalDate? = nil, left: LocalDate? = nil) {
        self.name = name
        self.code = code
        self.group = group
        self.subgroup = subgroup
        self.enrolled = enrolled
        self.left = left
    }

    /// True when the student was in the group on `date`.
    public func isEnrolled(on date: LocalDate) -> Bool {
        if let e = enrolled, date < e { return false }
        if let l = left, date > l { return false }
        return true
    }
}

/// A teacher (учитель, преподаватель, мастер п/о).
public struct Teacher: Hashable, Sendable {
    public var name: String
    public var position: String?

    public init(name: String, position: String? = nil) {
        self.name = name
        self.position = position
    }
}

/// A subject (предмет, дисциплина, МДК).
public struct Subject: Hashable, Sendable {
    public var name: String
    public init(name: String) { self.name = name }
}
