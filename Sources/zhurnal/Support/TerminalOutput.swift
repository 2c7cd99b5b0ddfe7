import JournalModel

/// Standard output of every `zhurnal` command. Text from a journal, a rule file or a template
/// may hold control characters (an ESC sequence in a student's name, a BEL in a topic); here
/// they are shown as their Unicode pictures (`VisibleText`), so a file cannot recolour, clear
/// or retitle the user's terminal. Declared in this module, it is what every unqualified
/// `print(…)` of the commands calls (it shadows `Swift.print`); standard error goes through
/// `StandardError`, which does the same.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    let text = items.map { "\($0)" }.joined(separator: separator) + terminator
    Swift.print(VisibleText.of(text), terminator: "")
}
