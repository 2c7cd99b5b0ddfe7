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
