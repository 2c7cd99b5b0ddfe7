import RuleLanguage

/// Whether the journal lacks an optional field (`Env.isAbsent`), remembered by one compiled
/// `has(…)`: asked once per evaluation environment instead of a dictionary look-up per record.
final class AbsentFlag {
    let key: FieldKey
    private var env: ObjectIdentifier?
    private var absent = false

    init(_ key: FieldKey) { self.key = key }

    /// Asked again for another environment (a closure runs with one, the worker's: this is a
    /// safeguard, not a path taken).
    func get(_ e: Env) -> Bool {
        let id = ObjectIdentifier(e)
        if env != id {
            absent = e.isAbsent(key)
            env = id
        }
        return absent
    }
}
