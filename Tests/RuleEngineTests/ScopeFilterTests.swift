import Testing
import JournalModel
import RuleLanguage
@testable import RuleEngine

/// Issue 17: a rule's scope filter stops at its first top-level conjunct that is not true
/// (`Compiler.scopeFilter`). Only `true` puts a record in scope, so the filter must put exactly
/// the records in scope that the three-valued `and` does — and nothing under `not` or `or` may
/// stop early (there an unknown and a false conjunct give different answers).
@Suite struct ScopeFilterTests {
    /// true, false and unknown («нет данных»: a special that is not set reads as unknown).
    static let values: [(TExpr, Bool?)] = [
        (.literal(.bool(true)), true), (.literal(.bool(false)), false), (.special("нет такого"), nil),
    ]

    static func and(_ a: TExpr, _ b: TExpr) -> TExpr { .binary("and", a, b, .bool, .bool) }
    static func or(_ a: TExpr, _ b: TExpr) -> TExpr { .binary("or", a, b, .bool, .bool) }
    static func not(_ a: TExpr) -> TExpr { .unary("not", a, .bool) }

    /// Kleene's three-valued logic, written out by hand: the reference the filter is held to.
    static func k3and(_ a: Bool?, _ b: Bool?) -> Bool? { a == false || b == false ? false : (a == true && b == true ? true : nil) }
    static func k3or(_ a: Bool?, _ b: Bool?) -> Bool? { a == true || b == true ? true : (a == false && b == false ? false : nil) }
    static func k3not(_ a: Bool?) -> Bool? { a.map { !$0 } }

    /// An evaluation context: the expressions here read no record, any journal serves.
    static func env() -> Env {
        let j = Journal(institution: Institution(name: "Школа"))
        return Env(journal: j, ix: JournalIndex(journal: j, asOf: RulePiecesTests.asOf))
    }

    static func inScope(_ e: TExpr, _ env: Env) -> Bool {
        if case .bool(true) = Compiler.scopeFilter(e, shared: nil)(env) { return true }
        return false
    }

    @Test func everyCombinationOfThreeConjunctsIsInScopeExactlyWhenAllAreTrue() {
        let env = Self.env()
        var checked = 0
        for (a, x) in Self.values {
            for (b, y) in Self.values {
                for (c, z) in Self.values {
                    // Both groupings, and the truth table of «A and B and C» by hand.
                    let want = Self.k3and(Self.k3and(x, y), z) == true
                    #expect(Self.inScope(Self.and(Self.and(a, b), c), env) == want, "(\(x as Any) и \(y as Any)) и \(z as Any)")
                    #expect(Self.inScope(Self.and(a, Self.and(b, c)), env) == want, "\(x as Any) и (\(y as Any) и \(z as Any))")
                    checked += 2
                }
            }
        }
        #expect(checked == 54)
    }

    @Test func aConjunctionUnderNotOrOrKeepsThreeValuedLogic() {
        let env = Self.env()
        for (a, x) in Self.values {
            for (b, y) in Self.values {
                // not (unknown and true) is unknown — out of scope; a conjunction that stopped at
                // the unknown (false) would make it true and put the record in scope.
                #expect(Self.inScope(Self.not(Self.and(a, b)), env) == (Self.k3not(Self.k3and(x, y)) == true), "не (\(x as Any) и \(y as Any))")
                for (c, z) in Self.values {
                    // «(A and B) or C» stays three-valued under `or`; the outer «and true» is
                    // a top-level conjunction that stops early.
                    let want = Self.k3and(Self.k3or(Self.k3and(x, y), z), true) == true
                    #expect(Self.inScope(Self.and(Self.or(Self.and(a, b), c), .literal(.bool(true))), env) == want,
                            "((\(x as Any) и \(y as Any)) или \(z as Any)) и истина")
                }
            }
        }
        // Read off the table: not (unknown and true) — unknown; not (unknown and false) — true.
        #expect(!Self.inScope(Self.not(Self.and(.special("нет такого"), .literal(.bool(true)))), env))
        #expect(Self.inScope(Self.not(Self.and(.special("нет такого"), .literal(.bool(false)))), env))
    }

    /// Every rule of every pack: the same outcome and findings with the filter stopping early and
    /// with the plain three-valued filter, on a journal with marks, «н», «б» and «н5».
    @Test(arguments: ["oosh14", "btotis", "hexlet", "peresvet5", "sosh30"])
    func stoppingEarlyChangesNoResult(_ name: String) throws {
        let judged = try PlainAgainstShortcut.expectSameResults(pack: name) { CompiledRule($0, filterStopsEarly: false) }
        #expect(judged > 0, "\(name): no rule judged a record")
    }
}
