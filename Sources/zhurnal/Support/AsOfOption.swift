import ArgumentParser

/// `--as-of`, shared by the commands that judge a journal.
struct AsOfOption: ParsableArguments {
    @Option(name: .customLong("as-of"),
            help: "Момент, на который проверяется журнал (ДД.ММ.ГГГГ ЧЧ:ММ или дата); по умолчанию — последняя запись в данных. Записи после него не видны.")
    var asOf: String?
}
