import ArgumentParser

/// `--profile` and `--profiles` of `import`, `check`, `memo` and `inspection`.
struct ProfileOptions: ParsableArguments {
    @Option(help: "Профиль импорта для всех файлов: название, имя файла профиля без .profile, имя таблицы или путь к файлу .profile.")
    var profile: String?

    @Option(name: .customLong("profiles"),
            help: "Папка со своими профилями импорта: они ищутся раньше поставляемых (как и папки из ZHURNAL_PROFILES).")
    var profilesDirectory: String?
}
