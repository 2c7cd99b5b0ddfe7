import Foundation
import JournalModel

/// Sizes of a generated study year.
public enum JournalSize: String, CaseIterable, Sendable {
    /// One school: 30 classes (grades 2–11, three parallels), about 800 students.
    case small
    /// One college: 120 groups (6 specialties × 4 courses × 5), about 3,000 students, subgroups.
    case college
    /// 50 schools of 10–30 classes, each in its own folder `school-NN/`.
    case district
}

/// The study periods of a generated school (a college always has semesters).
public enum PeriodScheme: String, CaseIterable, Sendable {
    case quarters = "четверти"
    case trimesters = "триместры"
    case halves = "полугодия"
}

/// What `zhurnal generate` asks for.
public struct GeneratorOptions: Sendable {
    public var size: JournalSize
    public var seed: UInt64
    public var outputFolder: String
    /// Probability per entity and applicable kind (0 gives a clean journal), at most 0.1.
    public var injectRate: Double
    /// Also write the legacy shapes into `legacy/`.
    public var legacy: Bool
    /// A reduced institution for fast tests: `small` — this many classes (1…30, spread over
    /// grades 2–11 from the lowest); `college` — this many groups (1…120, spread over courses and
    /// specialties); nil gives the full size.
    public var classes: Int?
    /// The study periods of a school (`small`); nil — quarters.
    public var periods: PeriodScheme?
    /// Marks, period marks and the change history spell names as a second system would
    /// (`Spellings`): «2А», «Семенов  Петр», a Latin letter in a Cyrillic name.
    public var spellings = false
    /// The marks table gives each mark's date without its lesson number, as some systems export
    /// it; on a day of a double lesson the import places the mark (`UnnumberedMarks`).
    public var unnumberedMarks = false
    /// Marks and period marks that are numbers are written as decimals («5.0»), as a spreadsheet
    /// or a script saves a column of numbers; the import reads them as the marks (`DecimalMark`).
    public var decimalMarks = false
    /// Moments and times in other forms: a mark's entry and a topic's entry as a date and a time
    /// in two columns («Дата выставления», «Время выставления»), lesson times with a dot («9.25»).
    public var otherFormats = false

    public init(size: JournalSize, seed: UInt64, outputFolder: String, injectRate: Double = 0.01, legacy: Bool = false,
                classes: Int? = nil, periods: PeriodScheme? = nil) {
        self.periods = periods
        self.size = size
        self.seed = seed
        self.outputFolder = outputFolder
        self.injectRate = injectRate
        self.legacy = legacy
        self.classes = classes
    }
}

/// What was written.
public struct GenerationSummary: Sendable {
    /// Institution folders (the output folder itself for one institution).
    public var folders: [String] = []
    public var groups = 0
    public var students = 0
    public var lessons = 0
    public var cells = 0
    public var periodMarks = 0
    public var changes = 0
    /// Weekly re-exports of `изменения.csv` written (each repeats the earlier weeks' rows).
    public var changeReexports = 0
    /// Days on which a group has two lessons of one subject (series × date).
    public var doubleLessonDays = 0
    /// Per-class grids written with `--legacy`.
    public var legacyGrids = 0
    public var bytes = 0
    /// Ground-truth rows per kind, in `ViolationKind.allCases` order.
    public var injected: [(kind: ViolationKind, count: Int)] = ViolationKind.allCases.map { ($0, 0) }
}

/// Generates synthetic journals with ground truth: deterministic for a seed, streamed group
/// by group (memory does not grow with the number of groups or schools).
///
///     let summary = try SyntheticJournal.generate(GeneratorOptions(size: .small, seed: 1, outputFolder: "out/small"))
public enum SyntheticJournal {
    public static func generate(_ options: GeneratorOptions, progress: ((String) -> Void)? = nil) throws -> GenerationSummary {
        guard options.injectRate >= 0, options.injectRate <= 0.1 else { throw GeneratorError.badRate(options.injectRate) }
        if let n = options.classes {
            let limit = options.size == .college ? 120 : 30
            if options.size == .district || !(1...limit).contains(n) { throw GeneratorError.badClasses(n) }
        }
        if options.periods != nil && options.size != .small { throw GeneratorError.badPeriods }
        try FileManager.default.createDirectory(atPath: options.outputFolder, withIntermediateDirectories: true)
        var summary = GenerationSummary()
        switch options.size {
        case .small:
            var planner = InstitutionPlanner(rng: .derived(from: options.seed, 0))
            let n = options.classes ?? 30
            let perGrade = (0..<10).map { g in n / 10 + (g < n % 10 ? 1 : 0) }
            let plan = planner.school(number: 14, classesPerGrade: perGrade, studentsPerClass: 27,
                                      studyWeekDays: 5, timeZone: "Europe/Moscow", periods: options.periods ?? .quarters)
            try write(plan, index: 0, folder: options.outputFolder, options: options, summary: &summary)
        case .college:
            var planner = InstitutionPlanner(rng: .derived(from: options.seed, 0))
            let plan = planner.college(groupsPerCourse: 5, studentsPerGroup: 25, timeZone: "Asia/Yekaterinburg")
                .reduced(to: options.classes)
            try write(plan, index: 0, folder: options.outputFolder, options: options, summary: &summary)
        case .district:
            for i in 0..<50 {
                var planner = InstitutionPlanner(rng: .derived(from: options.seed, 1000 + UInt64(i)))
                let perGrade = (0..<10).map { _ in planner.rng.int(in: 1...3) }
                let pupils = planner.rng.int(in: 20...28)
                let plan = planner.school(number: i + 1, classesPerGrade: perGrade, studentsPerClass: pupils,
                                          studyWeekDays: i % 5 == 4 ? 6 : 5, timeZone: "Asia/Yekaterinburg")
                let folder = options.outputFolder + "/" + String(format: "school-%02d", i + 1)
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                try write(plan, index: i, folder: folder, options: options, summary: &summary)
                progress?("школа \(i + 1) из 50")
            }
        }
        return summary
    }

    static func write(_ plan: InstitutionPlan, index: Int, folder: String, options: GeneratorOptions,
                              summary: inout GenerationSummary) throws {
        let text = TextCache(from: plan.year.year.start.adding(days: -40), to: plan.year.year.end.adding(days: 60))
        let header = try CanonicalTables.writeHeaderTables(folder: folder, plan: plan, text: text)
        let tables = try CanonicalTables(folder: folder, spellings: options.spellings, unnumberedMarks: options.unnumberedMarks,
                                         decimalMarks: options.decimalMarks, otherFormats: options.otherFormats)
        let legacy = options.legacy ? try LegacyTables(folder: folder) : nil
        let reexports = ChangeReexports(header: CanonicalTables.changesHeader)
        let writer = GroupWriter(plan: plan, text: text, tables: tables, injector: Injector(rate: options.injectRate),
                                 studyDays: plan.year.studyDays, legacy: legacy,
                                 times: EntryTimes(text: text, timeZone: plan.timeZone), reexports: reexports)
        for g in plan.groups.indices {
            try writer.write(groupIndex: g, seed: options.seed, institutionIndex: index)
        }
        try tables.close()
        try legacy?.close()
        let weekly = try reexports.write(folder: folder, yearStart: plan.year.year.start, text: text)
        // The ground truth and the legacy copy are not journal tables: `zhurnal import DIR` skips them.
        try "# Не таблицы журнала: zhurnal import пропускает их.\n\(GroundTruth.fileName)\nlegacy/\n"
            .write(toFile: folder + "/.zhurnal-ignore", atomically: true, encoding: .utf8)
        summary.folders.append(folder)
        summary.groups += tables.groups.rows
        summary.students += tables.students.rows
        summary.lessons += tables.lessons.rows
        summary.cells += tables.marks.rows
        summary.periodMarks += tables.periodMarks.rows
        summary.changes += tables.changes.rows
        summary.changeReexports += weekly.count
        summary.doubleLessonDays += tables.doubleLessonDays
        summary.legacyGrids += legacy?.grids ?? 0
        summary.bytes += (header + tables.all + weekly).reduce(0) { $0 + $1.bytes }
        for (i, c) in tables.truth.counts.enumerated() { summary.injected[i].count += c }
    }
}
