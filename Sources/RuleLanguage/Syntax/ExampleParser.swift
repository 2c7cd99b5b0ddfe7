import JournalModel

extension Parser {
    /// Fixture line kinds and the keys each accepts (rules/README.md, section 7).
    public static let fixtureKeys: [String: [String]] = [
        "calendar": ["week", "holiday"],
        "period": ["name", "kind", "start", "end"],
        "bell": ["n", "start", "end"],
        "group": ["name", "grade", "curator"],
        "teacher": ["name", "position"],
        "load": ["group", "subject", "teacher", "hours", "subgroup", "year"],
        "student": ["name", "group", "enrolled", "left", "subgroup", "code"],
        "lesson": ["group", "subject", "date", "n", "start", "end", "teacher", "scheduled", "topic", "kind",
                   "homework", "recorded", "topic_entered", "homework_entered", "substitution_entered", "subgroup", "by"],
        "cell": ["student", "value", "work", "entered", "by"],
        "period_mark": ["student", "group", "subject", "period", "value", "entered"],
        "plan": ["group", "subject", "n", "topic", "hours", "kind", "date"],
        "change": ["target", "student", "old", "new", "placed", "changed", "by", "reason"],
        "as_of": ["at"],
        // `param имя=значение`: the example runs with the pack's parameter set so (any name).
        "param": [],
    ]

    /// Where an example sets each kind of data a rule may need (by `FieldInfo.requires`), for
    /// the hint of an example that checked nothing.
    public static let fixtureForData: [String: String] = [
        "номера уроков": "`lesson n=…`",
        "время начала и окончания уроков или расписание звонков": "`lesson start=… end=…` или строки `bell n=… start=… end=…`",
        "учитель, проводивший урок": "`lesson teacher=…`",
        "учитель по расписанию": "`lesson scheduled=…`",
        "время отметки о замене": "`lesson substitution_entered=…`",
        "темы уроков": "`lesson topic=…`",
        "виды занятий": "`lesson kind=…`",
        "домашние задания": "`lesson homework=…`",
        "время создания записи урока": "`lesson recorded=…`",
        "время внесения темы": "`lesson topic_entered=…`",
        "время внесения домашнего задания": "`lesson homework_entered=…`",
        "учебные периоды": "строка `period name=… start=… end=…`",
        "КТП": "строка `plan n=… topic=…`",
        "подгруппы уроков": "`lesson subgroup=…`",
        "кто внёс запись урока": "`lesson by=…`",
        "распределение нагрузки": "строка `load teacher=… hours=…`",
        "расписание звонков": "строки `bell n=… start=… end=…`",
        "учитель урока": "`lesson teacher=…`",
        "виды работ у отметок": "`cell work=…`",
        "время выставления отметок": "`cell entered=…`",
        "кто выставил отметку": "`cell by=…`",
        "время выставления отметок за период": "`period_mark entered=…`",
        "виды занятий в КТП": "`plan kind=…`",
        "плановые даты КТП": "`plan date=…`",
        "время выставления исходных значений в истории изменений": "`change placed=…`",
        "время изменений в истории изменений": "`change changed=…`",
        "автор изменений": "`change by=…`",
        "причины исправлений": "`change reason=…`",
        "учебная нагрузка (часов в неделю)": "строка `load hours=…`",
        "часы в год по учебному плану": "`load year=…`",
        "номера классов": "`group name=… grade=…`",
        "классные руководители": "`group name=… curator=…`",
        "коды обучающихся": "`student code=…`",
        "даты зачисления": "`student enrolled=…`",
        "даты выбытия": "`student left=…`",
        "должности учителей": "`teacher name=… position=…`",
        "отметки за период": "строка `period_mark value=…`",
        "каникулы в календаре": "`calendar holiday=ДАТА..ДАТА`",
    ]

    /// `example triggers [N] ["name"] { lines }` (the `example` word is consumed).
    mutating func parseExample(at start: Token) -> Example? {
        var triggers: Int?
        if tok.isWord("triggers") {
            _ = next()
            triggers = 0
            if case .number(let n) = tok.kind, !atExprEnd {
                let t = next()
                guard n >= 1, n <= 1_000_000, n == n.rounded() else {
                    error(.badExample, t, "число замечаний в примере — целое от 1 до 1 000 000, а здесь «\(t.raw.prefix(20))»")
                    skipBlock()
                    return nil
                }
                triggers = Int(n)
            }
        } else if tok.isWord("passes") {
            _ = next()
        } else {
            error(.syntax, tok, "после example ожидалось `triggers` или `passes`, а найдено \(tok.shown)",
                  hint: tok.identText.flatMap { RuleDiagnostics.didYouMean($0, among: ["triggers", "passes"]) })
            skipBlock()
            return nil
        }
        var name: String?
        if case .string(let s) = tok.kind, !atExprEnd { _ = next(); name = s }
        guard tok.isPunct("{"), !atExprEnd else {
            error(.syntax, tok, "ожидалась `{` и строки примера, а найдено \(tok.shown)")
            skipBlock()
            return nil
        }
        _ = next()
        var lines: [FixtureLine] = []
        while !tok.isEOF && !tok.isPunct("}") {
            if let l = parseFixtureLine() { lines.append(l) }
        }
        if tok.isPunct("}") { _ = next() } else { error(.syntax, tok, "пример не закрыт скобкой `}`") }
        return Example(triggers: triggers, name: name, lines: lines, loc: loc(start))
    }

    mutating func parseFixtureLine() -> FixtureLine? {
        let kt = tok
        guard let kind = kt.identText, kt.startsLine, let allowed = Parser.fixtureKeys[kind] else {
            let hint = kt.identText.flatMap { RuleDiagnostics.didYouMean($0, among: Parser.fixtureKeys.keys.sorted()) }
            error(.badExample, kt, "неизвестная строка примера \(kt.shown)", hint: hint ?? "строки примера: "
                  + Parser.fixtureKeys.keys.sorted().joined(separator: ", "))
            skipLine()
            return nil
        }
        _ = next()
        var line = FixtureLine(kind: kind, values: [:], keyLocations: [:], loc: loc(kt))
        // A line that starts with `key=` continues the previous fixture line.
        while !tok.isEOF && !tok.isPunct("}") && (!tok.startsLine || (tok.identText != nil && peek().isPunct("="))) {
            let keyTok = tok
            guard let key = keyTok.identText, peek().isPunct("=") else {
                error(.badExample, keyTok, "в строке примера ожидалось `ключ=значение`, а найдено \(keyTok.shown)")
                while !tok.isEOF && !tok.startsLine { _ = next() }
                return nil
            }
            _ = next(); _ = next()
            if kind != "param", !allowed.contains(key) {
                error(.unknownKey, keyTok, "неизвестный ключ `\(key)` в строке `\(kind)`",
                      hint: RuleDiagnostics.didYouMean(key, among: allowed) ?? "ключи: " + allowed.joined(separator: ", "))
            }
            guard let v = fixtureValue() else {
                while !tok.isEOF && !tok.startsLine { _ = next() }
                return nil
            }
            line.values[key] = v
            line.keyLocations[key] = loc(keyTok)
        }
        return line
    }

    mutating func fixtureValue() -> FixtureValue? {
        let t = next()
        let value: FixtureValue
        switch t.kind {
        case .string(let s): value = .text(s)
        case .number(let v): value = .number(v)
        case .numWord(let s), .ident(let s): value = .text(s)
        case .dateTime(let d): value = .dateTime(d)
        case .time(let d): value = .time(d)
        case .date(let d):
            if tok.isPunct(".."), !tok.spaceBefore {
                _ = next()
                guard case .date(let e) = tok.kind else {
                    error(.badExample, tok, "после `..` ожидалась дата конца промежутка")
                    return nil
                }
                _ = next()
                value = .range(d, e)
            } else {
                value = .date(d)
            }
        default:
            error(.badExample, t, "непонятное значение \(t.shown)", hint: "значения с пробелами и знаками пишите в кавычках")
            return nil
        }
        if !tok.isEOF, !tok.startsLine, !tok.spaceBefore, !tok.isPunct("}") {
            error(.badExample, tok, "значение продолжается без пробела: \(tok.shown)",
                  hint: "значения со знаками (например, \"н/а\", \"4-\") пишите в кавычках")
            return nil
        }
        return value
    }
}
