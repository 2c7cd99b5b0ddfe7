import JournalModel

/// Renders memos and inspection reports through the institution's templates.
///
///     let templates = try MemoTemplates.locate(explicit: nil)
///     print(try MemoRenderer.markdown(memo, templates: templates))
///     try DocxWriter.write(try MemoRenderer.docx(memo, templates: templates), to: "записка.docx")
public enum MemoRenderer {
    public static func markdown(_ memo: MemoDocument, templates: MemoTemplates) throws(MemoError) -> String {
        tidy(try templates.render(.memo, .markdown, context: MemoContext.memo(memo), schema: MemoContext.memoSchema))
    }

    public static func docx(_ memo: MemoDocument, templates: MemoTemplates) throws(MemoError) -> DocxPackage {
        let text = try templates.render(.memo, .docx, context: MemoContext.memo(memo), schema: MemoContext.memoSchema)
        return DocxPackage(title: "Служебная записка: группа \(memo.group), \(memo.weekStart)–\(memo.weekEnd)",
                           author: memo.author.fullName ?? "", date: memo.date,
                           documentXML: DocxXML.document(DocxMarkup.parse(text)))
    }

    public static func markdown(_ report: InspectionDocument, templates: MemoTemplates) throws(MemoError) -> String {
        tidy(try templates.render(.inspection, .markdown, context: InspectionContext.build(report),
                                  schema: InspectionContext.schema))
    }

    public static func docx(_ report: InspectionDocument, templates: MemoTemplates) throws(MemoError) -> DocxPackage {
        let text = try templates.render(.inspection, .docx, context: InspectionContext.build(report),
                                        schema: InspectionContext.schema)
        return DocxPackage(title: "Справка о результатах проверки электронного журнала за \(report.monthTitle)",
                           author: report.author.fullName ?? "", date: report.date,
                           documentXML: DocxXML.document(DocxMarkup.parse(text)))
    }

    /// No runs of blank lines, exactly one newline at the end.
    static func tidy(_ s: String) -> String {
        var out: [Substring] = []
        for line in s.split(separator: "\n", omittingEmptySubsequences: false) {
            let blank = line.allSatisfy { $0 == " " }
            if blank && (out.last.map { $0.isEmpty } ?? true) { continue }
            out.append(blank ? "" : line)
        }
        while out.last?.isEmpty == true { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }
}
