extension Journal {
    /// The parts in which `other` differs from this journal, each with both counts and the
    /// first differing position («lessons: 120 vs 121, first difference at 57»); empty when they
    /// are the same. Two ways of building one journal (a folder read in memory, a database; one
    /// connection or two) are held equal by it.
    public func differences(from other: Journal) -> [String] {
        var out: [String] = []
        func same<T: Equatable>(_ name: String, _ x: [T], _ y: [T]) {
            guard x != y else { return }
            let i = (0..<min(x.count, y.count)).first { x[$0] != y[$0] } ?? min(x.count, y.count)
            out.append("\(name): \(x.count) vs \(y.count), first difference at \(i)")
        }
        if institution != other.institution { out.append("institution") }
        if calendar != other.calendar { out.append("calendar") }
        same("groups", groups, other.groups)
        same("students", students, other.students)
        same("teachers", teachers, other.teachers)
        same("subjects", subjects, other.subjects)
        same("load", load, other.load)
        same("plan", plan, other.plan)
        same("lessons", lessons, other.lessons)
        same("cells", cells, other.cells)
        same("period marks", periodMarks, other.periodMarks)
        same("changes", changes, other.changes)
        return out
    }
}
