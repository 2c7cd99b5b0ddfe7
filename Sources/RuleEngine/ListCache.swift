import RuleLanguage

/// The last value of each list-valued field read on this evaluation thread, with the record it
/// was read for. A rule often names one list several times for the same record
/// (`sum(marks, mark) / mark_count(marks)`, `count(lessons)` in the scope and the message):
/// the list is built once. Getters are pure functions of the record and the journal, so a
/// remembered list is the list a new call would build.
final class ListCache {
    /// A small number for each list-valued field of the registry.
    static let ids: [FieldKey: Int] = {
        var keys: [FieldKey] = []
        for (entity, fields) in FieldRegistry.fields {
            for f in fields {
                if case .list = f.type { keys.append(FieldKey(entity, f.name)) }
            }
        }
        var m: [FieldKey: Int] = [:]
        for (i, k) in keys.sorted().enumerated() { m[k] = i }
        return m
    }()

    /// A raw buffer, as `Env.slots`: a look-up per field read costs no exclusivity check.
    private let slots: UnsafeMutablePointer<(ref: Ref, value: Value)?>
    private let count = ListCache.ids.count

    init() {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    /// The field's value for `r`: the remembered one when it was last read for `r`.
    func value(_ id: Int, _ r: Ref, _ make: () -> Value) -> Value {
        if let s = slots[id], s.ref == r { return s.value }
        let v = make()
        slots[id] = (r, v)
        return v
    }
}
