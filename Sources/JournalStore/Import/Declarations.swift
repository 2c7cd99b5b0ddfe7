import JournalImport
import JournalModel

/// Which groups and students the journal declares, so that cells, period marks and changes
/// never create a group or a student that no roster lists (a mistyped «99я», an unknown
/// student). Kept in `grp.declared` and `grp.roster` across imports:
///
/// - a group is *listed* by a groups or students table (level 2), *named* by a lessons table,
///   a load or plan table or a grid (level 1), or only *met* in cells (level 0). Once the
///   journal has a list of groups (any level 2), a cell may name only a listed or named group;
///   without a list, the file of cells is the source of groups, and the import says so.
/// - a group's students are listed by a students table (roster 2) or a grid's rows (roster 1).
///   A file may add students to a group only when nothing more authoritative lists them.
/// Properties read for every cell are `@exclusivity(unchecked)`: see `RecordPipe`.
final class Declarations {
    struct Level { var declared: Int; var roster: Int }

    private let db: Database
    @exclusivity(unchecked) private var levels: [Int64: Level] = [:]
    @exclusivity(unchecked) private(set) var groupListExists: Bool
    @exclusivity(unchecked) private var lastAccepted: Int64 = -1
    private let find, raise: Statement

    /// What a file of cells was the only source of (the import says so).
    struct Made { var groups = 0; var students = 0; var lessons = 0 }
    @exclusivity(unchecked) var made: [Int64: Made] = [:]

    init(db: Database) throws {
        self.db = db
        find = try db.prepare("SELECT declared, roster FROM grp WHERE id = ?")
        raise = try db.prepare("UPDATE grp SET declared = MAX(declared, ?), roster = MAX(roster, ?) WHERE id = ?")
        groupListExists = try db.scalar("SELECT EXISTS (SELECT 1 FROM grp WHERE declared = 2)") == 1
    }

    func level(_ group: Int64) throws -> Level {
        if let l = levels[group] { return l }
        try find.bind([.int(group)])
        let l = try find.step() ? Level(declared: Int(find.int(0)), roster: Int(find.int(1))) : Level(declared: 0, roster: 0)
        find.reset()
        levels[group] = l
        return l
    }

    /// Raises what is known of a group (a table or grid named it, listed it or its students).
    func declare(_ group: Int64, level declared: Int, roster: RosterSource? = nil) throws {
        let old = try level(group)
        let new = Level(declared: max(old.declared, declared), roster: max(old.roster, roster?.rawValue ?? 0))
        if declared == 2 { groupListExists = true }
        guard new.declared != old.declared || new.roster != old.roster else { return }
        levels[group] = new
        try raise.run([.int(Int64(new.declared)), .int(Int64(new.roster)), .int(group)])
    }

    /// Whether a row of cells, period marks or changes may use this existing group.
    func accepts(_ group: Int64) throws -> Bool {
        if group == lastAccepted { return true }
        guard try level(group).declared >= 1 || !groupListExists else { return false }
        lastAccepted = group
        return true
    }

    /// Whether a file with this kind of roster may add a student to the group.
    func mayAddStudent(to group: Int64, from source: RosterSource) throws -> Bool {
        try level(group).roster <= source.rawValue
    }

    /// Forgets cached levels (after a savepoint was rolled back).
    func forgetAll() {
        levels.removeAll()
        lastAccepted = -1
        groupListExists = (try? db.scalar("SELECT EXISTS (SELECT 1 FROM grp WHERE declared = 2)") == 1) ?? groupListExists
    }
}
