import JournalModel

/// Generates one group's year and appends it to the institution's tables: students, load,
/// КТП, lessons, cells, changes, period marks and the ground truth of what was injected.
struct GroupWriter {
    let plan: InstitutionPlan
    let text: TextCache
    let tables: CanonicalTables
    let injector: Injector
    let studyDays: [LocalDate]
    let legacy: LegacyTables?
    /// How entry times are written (seconds, offsets, UTC, day-only: `EntryTimes`).
    let times: EntryTimes
    /// Weekly re-exports of the change history (`ChangeReexports`).
    let reexports: ChangeReexports

    func write(groupIndex: Int, seed: UInt64, institutionIndex: Int) throws {
        var rng = SplitMix64.derived(from: seed, UInt64(institutionIndex), UInt64(groupIndex))
        let g = plan.groups[groupIndex]
        let split = g.series.contains { !$0.subgroup.isEmpty }
        let students = Roster.make(group: g, groupNumber: groupIndex + 1, year: plan.year, split: split, rng: &rng)
        tables.groups.row([g.name, "\(g.grade)", g.curator])
        for s in students {
            tables.students.row([g.name, s.name, s.code, s.subgroup, text.date(s.enrolled), s.left.map(text.date) ?? ""])
        }
        let timetable = Timetable(group: g, studyWeekDays: plan.year.calendar.studyWeekDays,
                                  maxPerDay: plan.year.calendar.bells.count, rng: &rng)
        let lessonsBySeries = SeriesLessons.make(group: g, timetable: timetable, year: plan.year, studyDays: studyDays,
                                                 college: plan.kind == .college)
        let days = studyDays.count
        var absent = [Bool](repeating: false, count: students.count * days)
        for s in students.indices {
            for d in 0..<days where rng.chance(students[s].absence) { absent[s * days + d] = true }
        }
        for (si, series) in g.series.enumerated() {
            var seriesRng = SplitMix64.derived(from: seed, UInt64(institutionIndex), UInt64(groupIndex), UInt64(si) + 1)
            try SeriesWriter(group: g, series: series, seriesIndex: si, lessons: lessonsBySeries[si], students: students,
                         absent: { absent[$0 * days + $1] }, context: self).write(rng: &seriesRng)
        }
    }
}
