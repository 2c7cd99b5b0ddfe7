import JournalModel

/// Opens what the user named on the command line: a database written by `zhurnal import`, or
/// CSV files/folders (imported into a temporary database first, or into `keepDatabase`).
///
/// CONTRACT (owned by the import/store work): `check`, `memo` and `inspection` call only this.
enum JournalSource {
    struct Options {
        var from: LocalDate?
        var to: LocalDate?
        var group: String?
        var profile: String?
        var keepDatabase: String?
    }

    /// Throws `JournalSourceError` with Russian diagnostics on bad input.
    static func load(paths: [String], options: Options) throws -> Journal {
        throw JournalSourceError(diagnostics: [Diagnostic(location: nil, message: "загрузка журнала ещё не готова")])
    }
}

struct JournalSourceError: Error {
    var diagnostics: [Diagnostic]
}
