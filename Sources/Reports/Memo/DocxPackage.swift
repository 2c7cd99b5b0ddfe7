import JournalModel

/// A Word document ready to be written: its body and the properties Word shows.
public struct DocxPackage: Sendable {
    public var title: String
    public var author: String
    public var date: LocalDate
    /// `word/document.xml`.
    public var documentXML: String

    public init(title: String, author: String, date: LocalDate, documentXML: String) {
        self.title = title
        self.author = author
        self.date = date
        self.documentXML = documentXML
    }

    /// Every part of the package, by path inside the ZIP, in writing order.
    public var parts: [(path: String, xml: String)] {
        [("[Content_Types].xml", DocxParts.contentTypes), ("_rels/.rels", DocxParts.packageRels),
         ("docProps/core.xml", DocxParts.core(title: title, author: author, date: date)),
         ("docProps/app.xml", DocxParts.app),
         ("word/document.xml", documentXML), ("word/_rels/document.xml.rels", DocxParts.documentRels),
         ("word/styles.xml", DocxParts.styles), ("word/settings.xml", DocxParts.settings),
         ("word/header1.xml", DocxXML.header),
         ("word/fontTable.xml", DocxParts.fontTable)]
    }
}

/// The fixed parts of the package (OPC relationships, styles, settings, properties).
enum DocxParts {
    static let head = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let pkgRel = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let w = DocxXML.wNamespace

    static let contentTypes = head + """
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
    <Default Extension="xml" ContentType="application/xml"/>\
    <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
    <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
    <Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>\
    <Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>\
    <Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>\
    <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
    <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>\
    </Types>
    """

    static let packageRels = head + """
    <Relationships xmlns="\(pkgRel)">\
    <Relationship Id="rId1" Type="\(rel)/officeDocument" Target="word/document.xml"/>\
    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
    <Relationship Id="rId3" Type="\(rel)/extended-properties" Target="docProps/app.xml"/>\
    </Relationships>
    """

    static let documentRels = head + """
    <Relationships xmlns="\(pkgRel)">\
    <Relationship Id="rId1" Type="\(rel)/styles" Target="styles.xml"/>\
    <Relationship Id="rId2" Type="\(rel)/settings" Target="settings.xml"/>\
    <Relationship Id="rId3" Type="\(rel)/fontTable" Target="fontTable.xml"/>\
    <Relationship Id="rId4" Type="\(rel)/header" Target="header1.xml"/>\
    </Relationships>
    """

    static let font = "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"Times New Roman\" w:cs=\"Times New Roman\"/>"

    static let styles = head + """
    <w:styles xmlns:w="\(w)"><w:docDefaults><w:rPrDefault><w:rPr>\(font)\
    <w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="ru-RU" w:eastAsia="ru-RU" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>\
    <w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>\
    <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>\
    <w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr>\
    <w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>\
    <w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>\
    </w:styles>
    """

    static let settings = head + """
    <w:settings xmlns:w="\(w)"><w:zoom w:percent="100"/><w:defaultTabStop w:val="709"/>\
    <w:characterSpacingControl w:val="doNotCompress"/><w:compat>\
    <w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>\
    </w:compat><w:themeFontLang w:val="ru-RU"/></w:settings>
    """

    static let fontTable = head + """
    <w:fonts xmlns:w="\(w)"><w:font w:name="Times New Roman"><w:charset w:val="CC"/><w:family w:val="roman"/>\
    <w:pitch w:val="variable"/></w:font></w:fonts>
    """

    static func core(title: String, author: String, date: LocalDate) -> String {
        let stamp = "\(date.iso)T00:00:00Z"
        return head + """
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
        xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
        <dc:title>\(DocxXML.escape(title))</dc:title><dc:creator>\(DocxXML.escape(author))</dc:creator>\
        <cp:lastModifiedBy>\(DocxXML.escape(author))</cp:lastModifiedBy><dc:language>ru-RU</dc:language>\
        <dcterms:created xsi:type="dcterms:W3CDTF">\(stamp)</dcterms:created>\
        <dcterms:modified xsi:type="dcterms:W3CDTF">\(stamp)</dcterms:modified></cp:coreProperties>
        """
    }

    static let app = head + """
    <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">\
    <Application>zhurnal</Application><DocSecurity>0</DocSecurity></Properties>
    """
}
