import RuleLanguage

/// An expression that reads nothing but one field of one bound cell — its text or its work type —
/// and constants (`value matches "[1-5]"`, `lower(value) = "н"`, `m.value matches
/// "^[1-5][-+!]?$"`, `work_type = "контрольная работа"`) is a function of that field alone. A
/// journal has a few dozen distinct texts and work types in hundreds of thousands of cells, so
/// such an expression is evaluated once per distinct field (`JournalIndex.cellTextID`,
/// `cellWorkTypeID`) and remembered by its compiled closure (closures are compiled per rule and
/// worker: one thread uses each).
enum ValueMemo {
    /// The cell fields remembered by.
    enum Field: String {
        case value
        case workType = "work_type"
    }

    /// Functions whose result depends on their arguments only (and on the journal, which is
    /// fixed for a closure).
    static let pureFunctions: Set<String> = ["lower", "length", "mostly_cyrillic", "similarity", "coalesce", "abs"]

    /// The one field, and the depth of the one cell, that `e` reads, when it reads nothing else
    /// and is more than the bare field; nil otherwise.
    static func cellField(_ e: TExpr) -> (depth: Int, field: Field)? {
        if case .member = e { return nil }
        var read: (depth: Int, field: Field)?
        guard readsOneField(e, &read), let read else { return nil }
        return read
    }

    private static func readsOneField(_ e: TExpr, _ read: inout (depth: Int, field: Field)?) -> Bool {
        switch e {
        case .literal:
            return true
        case .member(.item(let d), .cell, let name):
            guard let f = Field(rawValue: name) else { return false }
            if let known = read, known.depth != d || known.field != f { return false }
            read = (d, f)
            return true
        case .call(let name, let args, _):
            return pureFunctions.contains(name) && args.allSatisfy { readsOneField($0, &read) }
        case .unary(_, let x, _):
            return readsOneField(x, &read)
        case .binary(_, let l, let r, _, _):
            return readsOneField(l, &read) && readsOneField(r, &read)
        case .ifThen(let c, let a, let b):
            return readsOneField(c, &read) && readsOneField(a, &read) && readsOneField(b, &read)
        default:
            return false
        }
    }

    /// `f` evaluated once per distinct `field` of the cell bound at `depth`.
    static func wrap(_ f: @escaping Fn, depth: Int, field: Field) -> Fn {
        let results = Results()
        switch field {
        case .value:
            return { env in
                let ix = env.ix
                return results.value(Int(ix.cellTextID[Int(env.slots[depth].i)]), of: ix, distinct: ix.distinctCellTexts) { f(env) }
            }
        case .workType:
            return { env in
                let ix = env.ix
                return results.value(Int(ix.cellWorkTypeID[Int(env.slots[depth].i)]), of: ix, distinct: ix.distinctWorkTypes) { f(env) }
            }
        }
    }

    /// The results by number, for one index (asked again for another, it starts over: a closure
    /// runs with its worker's one index; this is a safeguard, not a path taken).
    final class Results {
        @exclusivity(unchecked) private var index: ObjectIdentifier?
        @exclusivity(unchecked) private var byText: [Value?] = []

        func value(_ id: Int, of ix: JournalIndex, distinct: Int, _ make: () -> Value) -> Value {
            if index != ObjectIdentifier(ix) {
                index = ObjectIdentifier(ix)
                byText = [Value?](repeating: nil, count: distinct)
            }
            if let v = byText[id] { return v }
            let v = make()
            byText[id] = v
            return v
        }
    }
}
