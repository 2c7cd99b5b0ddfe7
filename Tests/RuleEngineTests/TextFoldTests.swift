import Testing
@testable import RuleEngine

/// Case-insensitive comparisons of journal texts (work types, cell kinds, topics).
@Suite struct TextFoldTests {
    @Test func russianAndLatinCaseIsIgnored() {
        #expect(TextFold.equal("Контрольная работа", "контрольная РАБОТА"))
        #expect(TextFold.equal("ЁЛКА", "ёлка"))
        #expect(TextFold.equal("К/Р", "к/р"))
        #expect(!TextFold.equal("контрольная работа", "контрольная работа."))
        #expect(!TextFold.equal("н", "нн"))
        #expect(TextFold.equal("", ""))
    }

    @Test func otherAlphabetsFallBackToFullLowercasing() {
        #expect(TextFold.equal("ÄRGER", "ärger"))
        #expect(!TextFold.equal("Ä", "a"))
    }

    @Test func capitalsAreDetectedInBothAlphabets() {
        #expect(TextFold.hasNoCapitals("устный ответ, № 5 «к/р»"))
        #expect(!TextFold.hasNoCapitals("Устный"))
        #expect(!TextFold.hasNoCapitals("ёЁ"))
        #expect(!TextFold.hasNoCapitals("x Y"))
        #expect(!TextFold.hasNoCapitals("ä"))
    }

    @Test func requiredLiteralPrefiltersOnlyWhatEveryMatchContains() {
        #expect(RegexBox.requiredLiteral("^\\s*Контрольная работа\\s*№") == "Контрольная работа")
        #expect(RegexBox.requiredLiteral("^ПЗ\\s*№\\s*\\d+") == "ПЗ")
        #expect(RegexBox.requiredLiteral("^ab?c") == nil)
        #expect(RegexBox.requiredLiteral("^abc?d") == "ab")
        #expect(RegexBox.requiredLiteral("урок|занятие") == nil)
        #expect(TextFold.containsBytes("Тема: Контрольная работа № 2", Array("Контрольная работа".utf8)))
        #expect(!TextFold.containsBytes("контрольная работа", Array("Контрольная работа".utf8)))
    }
}
