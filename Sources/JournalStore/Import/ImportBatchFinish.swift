import Foundation
import JournalImport
import JournalModel

/// The end of an import: the merge, then the files' accounting, their rejected rows and the commit.
extension ImportBatch {
    /// Merges the staged records into the journal (not yet committed). Adjusts `reports` for
    /// rows found only now to be repeats or to have nothing to attach to, and returns the
    /// disagreements between files and how lessons without numbers were paired.
    public func merge(reports: inout [FileReport]) throws -> MergeOutcome {
        precondition(open, "import batch already finished")
        do {
            try placeHeldMarks()   // the last file's (see `UnnumberedMarks`)
            if lessonRowsUnread { staged.dropHeldLessons() } else { try staged.releaseLessons() }
            try staged.flush()
            if !(lessonsStayInMemory && direct != nil && !directAbandoned) { try writeMemoryLessons() }
            var merge = Merge(db: db, batch: id, files: files,
                              severalFiles: journalFiles.count > 1, severalCellFiles: cellFiles.count > 1, directCells: direct,
                              userOrder: userOrder)
            merge.rejectedGridLines = storeRejections.filter { gridFiles.contains($0.file) }.map { ($0.file, Int64($0.line)) }
            merge.provisionalLessons = provisionalLessons
            merge.memoryPeriodMarks = memoryPeriodMarks
            merge.lessonsAsStaged = describesNewLessons && undescribedLessonRows == 0
            var outcome = try merge.run()
            outcome.unlinkedPeriods = try unlinkedPeriods()
            memoryPeriodMarks?.dropStaged()
            for r in storeRejections {
                reports[Int(r.file)].rejectAccepted(Rejection(location: SourceLocation(file: files[Int(r.file)], line: r.line, column: 1),
                                                              reason: r.reason, column: r.column))
            }
            for d in outcome.duplicates where rejectedLines.insert(Int64(d.file) << 40 | Int64(d.line)).inserted {
                reports[d.file].rejectAccepted(Rejection(location: SourceLocation(file: files[d.file], line: d.line, column: 1),
                                                         reason: d.reason, column: d.column))
            }
            outcome.pairing.byBell = unnumbered.byBell
            outcome.pairing.marksPlaced = attended.unnumberedMarks.count
            for (file, made) in declarations.made.sorted(by: { $0.key < $1.key }) where made.groups + made.students + made.lessons > 0 {
                outcome.sources.append(.init(file: files[Int(file)], groups: made.groups, students: made.students, lessons: made.lessons))
            }
            return outcome
        } catch {
            rollback()
            throw error
        }
    }

    /// Records the files' accounting and their rejected rows (so that `--rejects` can write
    /// them again later), then commits.
    public func commit(reports: [FileReport]) throws {
        precondition(open, "import batch already finished")
        do {
            let addFile = try db.prepare("""
                INSERT INTO source_file(batch_id, path, sha256, profile, table_name, rows_read, accepted, rejected)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let addRejection = try db.prepare("INSERT INTO rejection(file_id, line, col, reason, source_line) VALUES (?, ?, ?, ?, ?)")
            for r in reports where r.alreadyImportedInBatch == nil {
                try addFile.run([.int(id), .text(r.path), .text(r.sha256), .text(r.profile), .text(r.table),
                                 .int(Int64(r.read)), .int(Int64(r.accepted)), .int(Int64(r.rejected))])
                let file = db.lastInsertRowID
                for j in r.rejections {
                    try addRejection.run([.int(file), .int(Int64(j.location.line)), .int(Int64(j.location.column)),
                                          .text(j.reason), .opt(j.sourceLine)])
                }
            }
            // The staging tables are left to the connection's end (dropping them page by page
            // costs more than the temporary file's removal); a next import drops them first.
            var timer = PhaseTimer()
            if keysAtEnd {
                try KeysAtEnd.check(db, memoryLessons: names.memoryLessons)
                timer.mark("проверка внешних ключей")
            }
            try db.execute("COMMIT")
            timer.mark("COMMIT")
            open = false
            if rollbackJournal { Self.useWAL(db) }
            if keysAtEnd { KeysAtEnd.resume(db) }
            publishKept?(KeptInMemory(plan: memoryPlan, lessons: names.memoryLessons, cells: direct?.kept, periodMarks: memoryPeriodMarks))
        } catch {
            rollback()
            throw error
        }
    }

    /// The batch that already imported a file with this SHA-256 (read inside the import's
    /// transaction: a concurrent import of the same file has committed or not started).
    public func batchContaining(sha256: String) throws -> Int? {
        try db.scalar("SELECT batch_id FROM source_file WHERE sha256 = ? ORDER BY batch_id LIMIT 1", [.text(sha256)]).map { Int($0) }
    }

    /// The institution's time zone as the journal knows it so far (`учреждение.csv`).
    public func institutionTimeZone() throws -> InstitutionTimeZone? {
        let s = try db.prepare("SELECT key, value FROM setting")
        while try s.step() {
            if s.text(0).lowercased().trimmingSpaces() == "часовой пояс" { return InstitutionTimeZone(identifier: s.text(1).trimmingSpaces()) }
        }
        return nil
    }
}
