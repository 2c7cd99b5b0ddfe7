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
struct OneInstitution {
    private var first: (name: String, key: String, location: SourceLocation)?

    /// Takes one row of an institution table; throws when it names an institution other than
    /// the one an earlier file of this import named.
    mutating func note(_ r: InstitutionRecord) throws {
        guard r.key.trimmingSpaces().lowercased() == "наименование" else { return }
        let name = r.value.trimmingSpaces(), key = Self.comparable(name)
        guard !key.isEmpty else { return }
        guard let f = first else {
            first = (name, key, r.location)
            return
        }
        guard f.key != key, f.location.file != r.location.file else { return }
        throw ImportFailure(Diagnostic(
            id: "import.institutions", location: r.location,
            message: "другое учреждение: «\(name)», а в этой же загрузке уже «\(f.name)» (\(f.location.file), строка \(f.location.line)) — "
                + "журналы двух учреждений слились бы в один: классы с одинаковыми названиями, их ученики, уроки и отметки",
            sourceLine: r.sourceLine,
            hint: "одна загрузка и одна проверка — одно учреждение: укажите папку или файлы одного учреждения, "
                + "а остальные проверьте по очереди, каждое своей командой"))
    }

    /// The name's `NameKey` without spaces, quotes and punctuation: letters and digits only.
    static func comparable(_ name: String) -> String {
        String(String.UnicodeScalarView(NameKey.of(name).unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }))
    }
}
