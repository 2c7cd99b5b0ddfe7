import JournalModel
import RuleLanguage

/// A reference to one record: an entity index, or a synthetic grouping (student × subject × span,
/// group × subject × month) described by its components.
struct Ref: Sendable, Hashable {
    var kind: Entity
    /// Lesson/cell/… index; the student for a span; the group for a month.
    var i: Int32
    /// The subject for groupings.
    var a: Int32 = 0
    /// Day numbers of a grouping's span (inclusive).
    var from: Int32 = 0
    var to: Int32 = 0
    /// The study period of a span, or -1.
    var p: Int32 = -1
    /// The subgroup of a plan-and-fact or teaching record (`NeighbourIndex.lessonSub`), or -1.
    var sub: Int32 = -1
}

/// A runtime value. `.null` is "no data" (unknown in conditions).
enum Value: Sendable {
    case null
    case bool(Bool)
    case num(Double)
    case text(String)
    case date(Int32)
    case time(Int64)
    /// A moment known only to lie in `lo...hi` (an entry time known to the day: 00:00…23:59:59),
    /// or arithmetic on one. Comparisons are decided when the whole range lies on one side,
    /// otherwise unknown (the record is skipped, not judged).
    case timeIn(Int64, Int64)
    case dur(Int64)
    /// A duration known only to lie in `lo...hi` (the difference of uncertain moments).
    case durIn(Int64, Int64)
    case days(Int32, working: Bool)
    /// Lower-cased members.
    case set([String])
    case ref(Ref)
    case list([Ref])

    var isNull: Bool { if case .null = self { true } else { false } }

    init(_ l: Literal) {
        switch l {
        case .number(let v), .percent(let v): self = .num(v)
        case .text(let s): self = .text(s)
        case .bool(let b): self = .bool(b)
        case .date(let d): self = .date(d.dayNumber)
        case .dateTime(let t): self = .time(t.seconds)
        case .duration(let s): self = .dur(s)
        case .days(let n, let w): self = .days(Int32(n), working: w)
        case .set(let xs): self = .set(xs.map { $0.lowercased() })
        }
    }

    static func opt<T>(_ v: T?, _ f: (T) -> Value) -> Value { v.map(f) ?? .null }

    /// An entry time: exact, or the whole day when the export gave the date only — after its
    /// 00:00 (which belongs to the day before: «ровно в 24:00 — вовремя»), up to 23:59:59.
    static func moment(_ t: LocalDateTime?) -> Value {
        guard let t else { return .null }
        return t.isDayOnly ? .timeIn(t.seconds + 1, t.seconds + 86399) : .time(t.seconds)
    }

    /// True for the range `moment` makes of a day-only entry.
    static func isWholeDay(_ lo: Int64, _ hi: Int64) -> Bool { lo % 86400 == 1 && hi - lo == 86398 }

    /// The range of a moment or a duration (exact values: a range of one point).
    var range: (lo: Int64, hi: Int64)? {
        switch self {
        case .time(let x), .dur(let x): (x, x)
        case .timeIn(let a, let b), .durIn(let a, let b): (a, b)
        case .days(let n, _): (Int64(n) * 86400, Int64(n) * 86400)
        default: nil
        }
    }

    var isUncertain: Bool {
        switch self {
        case .timeIn, .durIn: true
        default: false
        }
    }
    static func text(_ s: String?) -> Value {
        guard let s, !s.isEmpty else { return .null }
        return .text(s)
    }
}

/// Evaluation state: the journal, its index, and the stack of bound records.
final class Env {
    /// Nesting limit of aggregates inside aggregates.
    static let maxDepth = 64

    let journal: Journal
    let ix: JournalIndex
    /// The index's neighbour lookups, fetched once per evaluation thread (`JournalIndex.nb`
    /// takes a lock; a getter reading it per record would pay it per record).
    lazy var nb: NeighbourIndex = ix.nb
    /// Bound records by depth (0 — the rule's record). A raw buffer: reading a slot costs no
    /// exclusivity check, and depths are fixed at compile time, so nothing is pushed or popped.
    let slots: UnsafeMutablePointer<Ref>
    var specials: [String: String] = [:]
    /// Lesson streams by group × subject × subgroup (`FieldGetters.stream`), built on first use
    /// by this evaluation thread: the neighbour fields of every lesson of a stream share one.
    var streams: [StreamKey: [Int32]] = [:]
    /// The last list each list-valued field gave, and for which record (`ListCache`).
    let lists = ListCache()
    /// The record being judged, counted over every record of every rule this thread judges
    /// (`RuleRunner` bumps it as it binds slot 0), and the rule's shared aggregates' values for
    /// it (`SharedAggregates`).
    /// An `Env` belongs to one evaluation thread, and no access to `record` overlaps another
    /// (each is a read or a single increment): the run-time exclusivity check would find
    /// nothing, and it was paid for every record of every rule.
    @exclusivity(unchecked) var record = 0
    let memo = RecordMemo()
    /// Fields with optional data the whole journal lacks, found on first use (`has` reads it).
    private var absentCache: [FieldKey: Bool] = [:]

    /// True when no record of the journal carries this optional field: `has(x)` is then unknown
    /// (the export lacks the column), except where it guards a fallback (`has(x) and …x…`).
    func isAbsent(_ k: FieldKey) -> Bool {
        if let v = absentCache[k] { return v }
        let v = FieldRegistry.field(k.entity, k.name)?.requires != nil && !Presence.has(k, journal)
        absentCache[k] = v
        return v
    }

    init(journal: Journal, ix: JournalIndex) {
        self.journal = journal
        self.ix = ix
        slots = .allocate(capacity: Env.maxDepth)
        slots.initialize(repeating: Ref(kind: .cell, i: 0), count: Env.maxDepth)
    }

    deinit {
        slots.deinitialize(count: Env.maxDepth)
        slots.deallocate()
    }
}

typealias Fn = (Env) -> Value
typealias Getter = @Sendable (Ref, Env) -> Value

/// A group × subject (`JournalIndex.key`) and a subgroup (`NeighbourIndex.lessonSub`, -1: the whole group).
struct StreamKey: Hashable {
    var gs: Int64
    var sub: Int32
}
