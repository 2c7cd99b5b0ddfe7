import JournalModel
import Testing

/// `NameKey`: names a reader sees as one have one key; names a reader tells apart do not.
@Suite struct NameKeyTests {
    @Test(arguments: [
        ("Семёнов Пётр", "Семенов Петр"),           // «ё» and «е»
        ("Семёнов Пётр", "СЕМЁНОВ ПЁТР"),           // case
        ("Иванов  Иван", " Иванов Иван\u{00A0}"),    // two spaces; a non-breaking space at the end
        ("7А", "7а"),
        ("7А", "7A"),                                // a Latin A
        ("7а", "7a"),                                // a Latin a
        ("ИС-11", "ИC-11"),                          // a Latin C among Cyrillic letters
        ("Иванов Иван", "Ивaнoв Ивaн"),              // Latin a and o inside Cyrillic words
        ("Русский язык", "русский  язык"),
        ("Петров-Водкин", "Петров–Водкин"),          // an en dash for the hyphen
        ("Chemistry", "CHEMISTRY"),                  // a Latin word stays Latin, in either case
    ])
    func oneNameSpeltTwoWaysHasOneKey(_ a: String, _ b: String) {
        #expect(NameKey.of(a) == NameKey.of(b), "«\(a)» «\(b)»")
    }

    @Test(arguments: [
        ("7а", "7б"),
        ("7а", "8а"),
        ("Иванов Иван", "Иванова Ивана"),
        ("Иванов Иван", "ИвановИван"),                // words apart are not words together
        ("Семенов Петр", "Семенова Петра"),
        ("Chemistry", "Сhemistry-2"),
        ("МБОУ СОШ № 7", "МБОУ СОШ № 8"),
    ])
    func namesAReaderTellsApartKeepTheirKeys(_ a: String, _ b: String) {
        #expect(NameKey.of(a) != NameKey.of(b), "«\(a)» «\(b)»")
    }

    @Test func theKeyIsTheNameAReaderSees() {
        // Worked by hand: Latin «A» read as Cyrillic «А», then lower case.
        #expect(NameKey.of("10A") == "10а")
        #expect(NameKey.of("  Семёнов   Пётр ") == "семенов петр")
        #expect(NameKey.tidy("  Семёнов \u{00A0} Пётр ") == "Семёнов Пётр")
    }
}

/// The second keys: a class without spaces and dashes, a person without the patronymic, a
/// person by surname and initials.
@Suite struct NameKeyAliasTests {
    @Test func classesWithSpacesOrDashesAreOne() {
        for (a, b) in [("7а", "7 А"), ("7а", "7-а"), ("ИС-11", "ИС 11"), ("ИС-11", "ис11")] {
            #expect(NameKey.group(a) == NameKey.group(b), "«\(a)» «\(b)»")
        }
        for (a, b) in [("7а", "7б"), ("10-1", "10-2"), ("ИС-11", "ИС-12"), ("1а", "11а")] {
            #expect(NameKey.group(a) != NameKey.group(b), "«\(a)» «\(b)»")
        }
    }

    @Test func aPatronymicIsLeftOut() {
        #expect(NameKey.twoWords("Андреев Кирилл Сергеевич") == "андреев кирилл")
        #expect(NameKey.twoWords("Андреев  Кирилл") == NameKey.of("Андреев Кирилл"))
        #expect(NameKey.twoWords("Семёнов Пётр") == "семенов петр")
        #expect(NameKey.twoWords("Андреев") == nil)
    }

    @Test func initialsAndFullNamesMeet() {
        for name in ["Смирнова Ольга Петровна", "Смирнова О. П.", "Смирнова О.П.", "СМИРНОВА  о. п."] {
            #expect(NameKey.initials(name) == "смирнова о п", "«\(name)»")
        }
        // One key for two teachers: the import then matches neither by initials (`NameTables.Aliases`).
        #expect(NameKey.initials("Смирнова Оксана Павловна") == NameKey.initials("Смирнова Ольга Петровна"))
        #expect(NameKey.initials("Смирнова Ольга Ивановна") != NameKey.initials("Смирнова Ольга Петровна"))
        #expect(NameKey.initials("Смирнова") == nil)
    }
}
