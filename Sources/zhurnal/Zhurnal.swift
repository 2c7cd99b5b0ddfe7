import ArgumentParser

/// `zhurnal`: checks an electronic school journal against the institution's regulation. The
/// entry point is `Main` (Entry.swift), which renders help and usage errors in Russian.
struct Zhurnal: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zhurnal",
        abstract: "Проверка электронного журнала на соответствие положению образовательной организации.",
        version: "0.1.0",
        subcommands: [
            ImportCommand.self,
            CheckCommand.self,
            MemoCommand.self,
            InspectionCommand.self,
            RulesCommand.self,
            GenerateCommand.self,
        ]
    )
}
