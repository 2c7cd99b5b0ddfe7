import Testing
import JournalModel
@testable import RuleLanguage

@Suite struct ParserTests {
    func literal(_ text: String) -> Literal? {
        let sink = DiagnosticSink(file: "t", text: text)
        var p = Parser(text: text, sink: sink)
        let v = p.parseLiteral()
        return sink.items.isEmpty ? v : nil
    }

    @Test func durationsAndDaysParseToTheirKinds() {
        #expect(literal("3 дня") == .days(3, working: false))
        #expect(literal("1 день") == .days(1, working: false))
        #expect(literal("3 рабочих дня") == .days(3, working: true))
        #expect(literal("5 рабочих дней") == .days(5, working: true))
        #expect(literal("1ч30м") == .duration(5400))
        #expect(literal("90 мин") == .duration(5400))
        #expect(literal("2 часа") == .duration(7200))
        #expect(literal("25%") == .percent(25))
        #expect(literal("2025-09-01T10:25") == .dateTime(LocalDateTime(date: LocalDate(year: 2025, month: 9, day: 1)!, time: TimeOfDay(hour: 10, minute: 25)!)))
        #expect(literal("{\"а\", \"б\"}") == .set(["а", "б"]))
        #expect(literal("1ч3") == nil)
    }

    /// Durations as regulations write them; values worked out by hand (1 day = 86 400 s).
    @Test func durationsInTheFormsRegulationsWriteThem() {
        #expect(literal("2 недели") == .days(14, working: false))
        #expect(literal("1 неделю") == .days(7, working: false))
        #expect(literal("2 нед.") == .days(14, working: false))
        #expect(literal("3 дн.") == .days(3, working: false))
        #expect(literal("3 дн") == .days(3, working: false))
        #expect(literal("2 суток") == .days(2, working: false))
        #expect(literal("3 раб. дня") == .days(3, working: true))
        #expect(literal("1 ч 30 мин") == .duration(5400))
        #expect(literal("1 час 30 минут") == .duration(5400))
        #expect(literal("1,5 часа") == .duration(5400))
        #expect(literal("1.5 часа") == .duration(5400))
        #expect(literal("90 мин.") == .duration(5400))
        #expect(literal("2 недели 3 дня") == .days(17, working: false))
        #expect(literal("1 день 2 ч") == .duration(93_600))
        #expect(literal("2нед") == .days(14, working: false))
        #expect(literal("3дня") == .days(3, working: false))
    }

    /// Numbers that would overflow date arithmetic, fractional days, mixed working days and
    /// unknown units are Russian errors, never a crash.
    @Test func impossibleDurationsAreErrors() {
        for bad in ["3000000000 дней", "99999999999999999999999 часов", "40000 дней", "6000 недель", "1,5 дня",
                    "3 рабочих дня 2 ч", "3 фунта", "3 рабочих недели", "2 дня 99999999999 мин"] {
            let sink = DiagnosticSink(file: "t", text: bad)
            var p = Parser(text: bad, sink: sink)
            _ = p.parseLiteral()
            #expect(sink.items.count == 1, "\(bad): \(sink.items.map(\.message))")
            #expect(sink.items.first?.id == RuleDiagnosticID.badDuration.rawValue, "\(bad)")
        }
        #expect(literal("36600 дней") == .days(36_600, working: false))
    }

    @Test func aQuoteInsideAPlaceholderBelongsToTheExpression() {
        let text = "message \"Тема: {coalesce(topic, \"—\")}, ДЗ: {homework}\" "
        let sink = DiagnosticSink(file: "t", text: text)
        var p = Parser(text: text, sink: sink)
        _ = p.next()
        let t = p.parseTemplate()
        #expect(sink.items.isEmpty, "\(sink.items.map(\.message))")
        #expect(t?.pieces.count == 4)
        if case .expr(let e)? = t?.pieces[1], case .call("coalesce", let args) = e.node, case .literal(.text("—"))? = args.last?.node {
        } else {
            Issue.record("the placeholder is not coalesce(topic, \"—\")")
        }
    }

    @Test func templatesDefinesAndRuleParametersParse() {
        let text = """
            pack P
            title "t"
            document "d"
            param term "без значения"
            define lesson.entry_time = coalesce(topic_entered_at, recorded_at) "описание"
            define mark_count(list) = count(list)
            template T {
              scope marks
            }
            rule P-1 from T {
              set term = 3 дня
            }
            """
        let sink = DiagnosticSink(file: "t", text: text)
        var p = Parser(text: text, sink: sink)
        let f = p.parseFile()
        #expect(sink.items.isEmpty, "\(sink.items.map(\.message))")
        #expect(f.params.first?.value == nil && f.params.first?.description == "без значения")
        #expect(f.defines.map(\.name) == ["entry_time", "mark_count"])
        #expect(f.defines.first?.entity == "lesson" && f.defines.last?.parameters == ["list"])
        #expect(f.templates.map(\.id) == ["T"])
        #expect(f.rules.first?.template == "T" && f.rules.first?.localParams.first?.value == .days(3, working: false))
    }

    @Test func ruleIdsMayContainDashesAndDots() {
        let text = "pack P\ntitle \"t\"\ndocument \"d\"\nrule OOSH14-3.2.4 {\n  title \"x\"\n}\n"
        let sink = DiagnosticSink(file: "t", text: text)
        var p = Parser(text: text, sink: sink)
        let f = p.parseFile()
        #expect(f.rules.map(\.id) == ["OOSH14-3.2.4"])
        #expect(f.id == "P")
    }

    @Test func operatorPrecedenceBindsComparisonTighterThanAnd() {
        let text = "require a + 1 <= b and not c or d"
        let sink = DiagnosticSink(file: "t", text: text)
        var p = Parser(text: text, sink: sink)
        _ = p.next()
        guard let e = p.parseExpr(), case .binary("or", let l, _) = e.node, case .binary("and", let cmp, let n) = l.node,
              case .binary("<=", let sum, _) = cmp.node, case .binary("+", _, _) = sum.node, case .unary("not", _) = n.node else {
            Issue.record("unexpected tree")
            return
        }
        #expect(sink.items.isEmpty)
    }

    @Test func templatesSplitTextAndPlaceholders() {
        let text = "message \"Ученик {student.name}: {{скобки}} {delay}\""
        let sink = DiagnosticSink(file: "t", text: text)
        var p = Parser(text: text, sink: sink)
        _ = p.next()
        let t = p.parseTemplate()
        #expect(t?.pieces.count == 4)
        if case .text(let s)? = t?.pieces[2] { #expect(s == ": {скобки} ") } else { Issue.record("no text piece") }
    }

    @Test func fixtureLinesContinueOnIndentedKeyLines() throws {
        let text = """
        pack P
        title "t"
        document "d"
        rule R {
          title "x"
          clause "п. 1"
          severity замечание
          tags дз
          scope lessons
          require has(homework)
          message "m"
          example triggers {
            lesson date=2025-09-01 n=1
              homework="№ 5"
          }
          example passes {
            lesson date=2025-09-01 homework="№ 5"
          }
        }
        """
        let pack = try PackLoader.load(text: text, file: "t")
        let line = try #require(pack.rules.first?.examples.first?.lines.first)
        #expect(line.values["homework"] == .text("№ 5"))
        #expect(line.values["n"] == .number(1))
    }

    @Test func setOverridesMustNameADeclaredParameterOfTheSameKind() {
        let text = "pack P\ntitle \"t\"\ndocument \"d\"\nparam d = 3 дня\nset d = 25%\n"
        #expect(throws: PackError.self) { try PackLoader.load(text: text, file: "t") }
        let ok = "pack P\ntitle \"t\"\ndocument \"d\"\nparam d = 3 дня\nset d = 3 рабочих дня\n"
        #expect((try? PackLoader.load(text: ok, file: "t"))?.params.first?.value == .days(3, working: true))
    }
}
