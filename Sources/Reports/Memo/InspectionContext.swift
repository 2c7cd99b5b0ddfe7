import JournalModel
import Findings

/// The values an inspection-report template sees, and their schema.
enum InspectionContext {
    /// «95,2 %» (with a no-break space); «—» when there is nothing to divide by.
    static func percent(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "—" }
        let tenths = (part * 1000 + whole / 2) / whole
        return "\(tenths / 10),\(tenths % 10)\u{00A0}%"
    }

    static func build(_ d: InspectionDocument) -> [String: Any] {
        var c = MemoContext.common(institution: d.institution, date: d.date, number: d.number,
                                   recipient: d.recipient, author: d.author, regulation: d.regulation)
        c["month"] = d.monthTitle
        c["month_start"] = d.monthStart.description
        c["month_end"] = d.monthEnd.description
        c["pack"] = d.packTitle
        c["group_count"] = d.groups.count
        c["teacher_count"] = d.teachers.count
        c["lesson_count"] = d.lessonCount
        c["rules_checked"] = d.rulesChecked
        c["finding_count"] = d.findingCount
        c["finding_count_text"] = MemoWording.count(d.findingCount, .other)
        c["has_findings"] = d.findingCount > 0
        c["has_violations"] = !d.violations.isEmpty
        c["has_unchecked"] = !d.unchecked.isEmpty
        c["groups"] = d.groups.enumerated().map { n, g -> [String: Any] in
            ["n": n + 1, "name": g.group, "curator": g.curator.map { RussianName($0).surnameFirst } ?? "—",
             "lessons": g.lessons, "late_lessons": g.lateLessons,
             "timeliness": g.hasEntryTimes ? percent(g.lessons - g.lateLessons, of: g.lessons) : "нет данных",
             "students": g.students, "without_marks": g.studentsWithoutMarks,
             "without_marks_percent": percent(g.studentsWithoutMarks, of: g.students),
             "one_mark": g.studentsWithOneMark, "one_mark_percent": percent(g.studentsWithOneMark, of: g.students),
             "topics_percent": percent(g.lessonsWithTopic, of: g.lessons),
             "homework_percent": percent(g.lessonsWithHomework, of: g.lessons),
             "substitutions": g.substitutions, "substitution_findings": g.substitutionFindings,
             "accumulation_findings": g.accumulationFindings, "findings": g.findings]
        }
        c["teachers"] = d.teachers.enumerated().map { n, t -> [String: Any] in
            ["n": n + 1, "name": t.teacher, "short_name": RussianName(t.teacher).surnameFirst,
             "groups": t.groups.joined(separator: ", "), "lessons": t.lessons, "late": t.lateFindings,
             "topics_homework": t.topicHomeworkFindings, "substitutions": t.substitutionFindings,
             "findings": t.findings]
        }
        c["violations"] = d.violations.enumerated().map { n, v -> [String: Any] in
            ["n": n + 1, "title": v.title, "clause": v.clause, "severity": v.severity.rawValue, "count": v.count,
             "groups": v.groups.joined(separator: ", "),
             "teachers": v.teachers.map { RussianName($0).surnameFirst }.joined(separator: ", ")]
        }
        c["unchecked"] = d.unchecked.enumerated().map { n, u -> [String: Any] in
            ["n": n + 1, "title": u.title, "clause": u.clause, "reason": u.reason]
        }
        return c
    }

    static let schema: TemplateSchema = {
        var f = MemoContext.commonSchema
        for k in ["month", "month_start", "month_end", "pack", "group_count", "teacher_count", "lesson_count",
                  "rules_checked", "finding_count", "finding_count_text", "has_findings", "has_violations",
                  "has_unchecked"] { f[k] = .leaf }
        f["groups"] = .leaves(["n", "name", "curator", "lessons", "late_lessons", "timeliness", "students",
                               "without_marks", "without_marks_percent", "one_mark", "one_mark_percent",
                               "topics_percent", "homework_percent", "substitutions", "substitution_findings",
                               "accumulation_findings", "findings"])
        f["teachers"] = .leaves(["n", "name", "short_name", "groups", "lessons", "late", "topics_homework",
                                 "substitutions", "findings"])
        f["violations"] = .leaves(["n", "title", "clause", "severity", "count", "groups", "teachers"])
        f["unchecked"] = .leaves(["n", "title", "clause", "reason"])
        return TemplateSchema(f)
    }()
}
