import ArgumentParser

/// Options shared by the commands that write documents from templates (`memo`, `inspection`).
struct DocumentOptions: ParsableArguments {
    @Option(help: "Файл реквизитов (по умолчанию templates/memo/реквизиты.txt).")
    var settings: String?

    @Option(help: "Папка шаблонов (по умолчанию ./templates или рядом с программой).")
    var templates: String?

    /// `--profile`, `--profiles`: how a folder of exports is read.
    @OptionGroup var profileOptions: ProfileOptions
}
