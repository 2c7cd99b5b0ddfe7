import JournalImport
import JournalModel

/// One import is one institution's journal. A folder of schools given whole (a district's,
/// each school in a subfolder, as `zhurnal generate --size district` writes it) brings one
/// institution table per school; read as one journal, the schools' classes «7а», their
/// students, lessons and marks would merge into one, under the name read last, and every
/// finding would be judged on that mix. The import stops at the second institution's name,
/// before any class is read (institution tables are read first: `ImportSession.ordered`).
///
/// Names are compared as `comparable` words them (their `NameKey`, letters and digits only):
/// «МБОУ "СОШ №7"» and «мбоу «сош № 7»» are one institution spelt twice. A table that names two institutions itself is taken as it always
/// was (its last row wins); only a second file naming another stops the import.
///
/// A database is one institution's journal too: an import whose institution table names another
/// institution than the one an earlier import into the same database named stops the same way
/// (a second school's folder imported into the first school's `--db`), and the database is left
/// as it was.
struct OneInstitution {
    private var first: (name: String, key: String, location: SourceLocation)?
    /// The institution an earlier import into this database named, and the database's path.
    private let stored: (name: String, key: String, database: String)?

    init(storedName: String? = nil, database: String = "") {
        stored = storedName.map { ($0, Self.comparable($0), database) }.flatMap { $0.1.isEmpty ? nil : $0 }
    }

    /// Whether an institution table's row names the institution.
    static func isName(_ key: String) -> Bool { key.trimmingSpaces().lowercased() == "наименование" }

    /// Takes one row of an institution table; throws when it names an institution other than
    /// the one an earlier file of this import, or an earlier import into this database, named.
    mutating func note(_ r: InstitutionRecord) throws {
        guard Self.isName(r.key) else { return }
        let name = r.value.trimmingSpaces(), key = Self.comparable(name)
        guard !key.isEmpty else { return }
        func refuse(_ other: String, _ after: String, hint: String) -> ImportFailure {
            ImportFailure(Diagnostic(id: "import.institutions", location: r.location,
                                     message: "другое учреждение: «\(name)», а \(other) — журналы двух учреждений слились бы в один: "
                                         + "классы с одинаковыми названиями, их ученики, уроки и отметки" + after,
                                     sourceLine: r.sourceLine, hint: hint))
        }
        if let s = stored, s.key != key {
            throw refuse("в базе «\(s.database)» — журнал учреждения «\(s.name)»", "; база не изменена",
                         hint: "у каждого учреждения своя база: zhurnal import ПАПКА --db другой-файл.sqlite; если это то же учреждение "
                             + "под новым наименованием, впишите в учреждение.csv прежнее «\(s.name)»")
        }
        guard let f = first else {
            first = (name, key, r.location)
            return
        }
        guard f.key != key, f.location.file != r.location.file else { return }
        throw refuse("в этой же загрузке уже «\(f.name)» (\(f.location.file), строка \(f.location.line))", "",
                     hint: "одна загрузка и одна проверка — одно учреждение: укажите папку или файлы одного учреждения, "
                         + "а остальные проверьте по очереди, каждое своей командой")
    }

    /// The name's `NameKey` without spaces, quotes and punctuation: letters and digits only.
    static func comparable(_ name: String) -> String {
        String(String.UnicodeScalarView(NameKey.of(name).unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }))
    }
}
