extension StoreError {
    /// The failure as a user reads it: in Russian, naming the database and what to do, never
    /// SQLite's English («attempt to write a readonly database»).
    ///
    ///     e.userMessage(database: "out/7b.sqlite")
    ///     // база данных «out/7b.sqlite» доступна только для чтения: …
    public func userMessage(database path: String?) -> String {
        let db = path.map { "«\($0)»" } ?? ""
        switch code & 0xff {
        case 5, 6:
            // Already Russian (`JournalStore.init`, `ImportBatch`): the database is busy.
            return message
        case 8:
            return "база данных \(db) доступна только для чтения: нет права записи в файл базы или в его папку "
                + "(рядом с базой создаются служебные файлы -wal и -shm); укажите другой файл в --db или измените права"
        case 14:
            if message.hasPrefix("«") { return message }
            return "не удалось открыть базу данных \(db): нет такой папки или нет права на файл базы или его папку"
        case 26:
            return "\(db) — не база данных zhurnal: это файл другого формата или повреждённая база"
        case 11:
            return "база данных \(db) повреждена: возьмите её резервную копию или загрузите выгрузки заново в новую базу"
        case 13:
            return "нет места на диске для базы данных \(db): освободите место и повторите — база не изменена"
        case 10:
            return "ошибка чтения или записи базы данных \(db) (диск, сетевая папка или права доступа)"
        case 3, 23:
            return "нет доступа к базе данных \(db)"
        default:
            return "ошибка базы данных \(db): \(message) (код SQLite \(code))"
        }
    }
}
