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

    /// «12,3» (one decimal, comma); «—» for nil.
    static func rate(_ v: Double?) -> String {
        guard let v else { return "—" }
        let tenths = Int((v * 10).rounded())
        return "\(tenths / 10),\(tenths % 10)"
    }

    static func build(_ d: InspectionDocument) -> [String: Any] {
        var c = MemoContext.common(institution: d.institution, date: d.date, number: d.number,
                                   recipient: d.recipient, author: d.author, regulation: d.regulation)
        c["words"] = d.words.context
        c["month"] = d.monthTitle
        c["month_start"] = d.monthStart.description
        c["month_end"] = d.monthEnd.description
        c["pack"] = RussianQuotes.inner(RussianQuotes.unwrapped(d.packTitle))
        c["group_count"] = d.groups.count
        c["teacher_count"] = d.teachers.count
        c["lesson_count"] = d.lessonCount
        c["rules_checked"] = d.rulesChecked
        c["finding_count"] = d.findingCount
        c["finding_count_text"] = MemoWording.count(d.findingCount, .other)
        c["has_findings"] = d.findingCount > 0
        c["has_violations"] = !d.violations.isEmpty
        c["has_unchecked"] = !d.unchecked.isEmpty
        c["has_top"] = !d.topTeachers.isEmpty || !d.topGroups.isEmpty
        c["groups"] = d.groups.enumerated().map { n, g in group(g, n) }
        c["teachers"] = d.teachers.enumerated().map { n, t in teacher(t, n) }
        c["top_teachers"] = d.topTeachers.enumerated().map { n, t in teacher(t, n) }
        c["top_groups"] = d.topGroups.enumerated().map { n, g in group(g, n) }
        c["violations"] = d.violations.enumerated().map { n, v -> [String: Any] in
            ["n": n + 1, "title": v.title, "clause": v.clause, "severity": v.severity.rawValue, "count": v.count,
             "group_count": v.groups.count, "teacher_count": v.teachers.count,
             "groups": v.groups.joined(separator: ", "),
             "teachers": v.teachers.map { RussianName($0).surnameFirst }.joined(separator: ", ")]
        }
        c["unchecked"] = d.unchecked.enumerated().map { n, u -> [String: Any] in
            ["n": n + 1, "title": u.title, "clause": u.clause, "reason": u.reason]
        }
        c["conclusions"] = InspectionConclusions.conclusions(d).map { ["text": $0] }
        c["recommendations"] = InspectionConclusions.recommendations(d).enumerated().map { ["n": $0 + 1, "text": $1] }
        return c
    }

    static func group(_ g: InspectionDocument.GroupFigures, _ n: Int) -> [String: Any] {
        ["n": n + 1, "name": g.group, "curator": g.curator.map { RussianName($0).surnameFirst } ?? "—",
         "lessons": g.lessons, "late_lessons": g.lateLessons,
         "timeliness": g.hasEntryTimes ? percent(g.lessons - g.lateLessons, of: g.lessons) : "нет данных",
         "students": g.students, "without_marks": g.studentsWithoutMarks,
         "without_marks_percent": percent(g.studentsWithoutMarks, of: g.students),
         "one_mark": g.studentsWithOneMark, "one_mark_percent": percent(g.studentsWithOneMark, of: g.students),
         "topics_percent": percent(g.lessonsWithTopic, of: g.lessons),
         "homework_percent": percent(g.lessonsWithHomework, of: g.lessons),
         "substitutions": g.substitutions, "substitution_findings": g.substitutionFindings,
         "accumulation_findings": g.accumulationFindings, "findings": g.findings,
         "violations": g.violations, "rate": rate(g.violationsPer100)]
    }

    static func teacher(_ t: InspectionDocument.TeacherFigures, _ n: Int) -> [String: Any] {
        ["n": n + 1, "name": t.teacher, "short_name": RussianName(t.teacher).surnameFirst,
         "groups": t.groups.count > 5 ? "\(t.groups.count)" : t.groups.joined(separator: ", "), "lessons": t.lessons, "late": t.lateFindings,
         "topics_homework": t.topicHomeworkFindings, "substitutions": t.substitutionFindings,
         "findings": t.findings, "violations": t.violations, "rate": rate(t.violationsPer100),
         "main_violation": t.mainViolation ?? "—"]
    }

    static let groupKeys = ["n", "name", "curator", "lessons", "late_lessons", "timeliness", "students",
                            "without_marks", "without_marks_percent", "one_mark", "one_mark_percent",
                            "topics_percent", "homework_percent", "substitutions", "substitution_findings",
                            "accumulation_findings", "findings", "violations", "rate"]
    static let teacherKeys = ["n", "name", "short_name", "groups", "lessons", "late", "topics_homework",
                              "substitutions", "findings", "violations", "rate", "main_violation"]

    static let schema: TemplateSchema = {
        var f = MemoContext.commonSchema
        for k in ["month", "month_start", "month_end", "pack", "group_count", "teacher_count", "lesson_count",
                  "rules_checked", "finding_count", "finding_count_text", "has_findings", "has_violations",
                  "has_unchecked", "has_top"] { f[k] = .leaf }
        f["groups"] = .leaves(groupKeys)
        f["top_groups"] = .leaves(groupKeys)
        f["teachers"] = .leaves(teacherKeys)
        f["top_teachers"] = .leaves(teacherKeys)
        f["violations"] = .leaves(["n", "title", "clause", "severity", "count", "group_count", "teacher_count",
                                   "groups", "teachers"])
        f["unchecked"] = .leaves(["n", "title", "clause", "reason"])
        f["conclusions"] = .leaves(["text"])
        f["recommendations"] = .leaves(["n", "text"])
        return TemplateSchema(f)
    }()
}
