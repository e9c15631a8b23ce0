//! The WordprocessingML vanban writes in a document's body (and its contact footer): paragraphs,
//! runs, tables and section properties, each written straight into the part's XML with its
//! properties in the order the Open XML schema requires.

use std::borrow::Cow;
use std::fmt::Write;

/// The start of the main document part, up to its body.
pub const DOCUMENT_START: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w10="urn:schemas-microsoft-com:office:word" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" mc:Ignorable="w14 wp14"><w:body>"#;

/// The start of a footer part, up to its first paragraph.
const FOOTER_START: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w10="urn:schemas-microsoft-com:office:word" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14 wp14">"#;

/// The end of the main document part.
pub const DOCUMENT_END: &str = "</w:body></w:document>";

/// A footer part holding `paragraphs`.
pub fn footer(paragraphs: &[Paragraph]) -> String {
    let mut xml = String::from(FOOTER_START);
    for paragraph in paragraphs {
        paragraph.write(&mut xml);
    }
    xml.push_str("</w:ftr>");
    xml
}

/// `text` as XML character data (and attribute values): the five markup characters escaped, a line
/// break as a character reference, carriage returns left out.
fn escape(text: &str, xml: &mut String) {
    for ch in text.chars() {
        match ch {
            '&' => xml.push_str("&amp;"),
            '<' => xml.push_str("&lt;"),
            '>' => xml.push_str("&gt;"),
            '"' => xml.push_str("&quot;"),
            '\'' => xml.push_str("&apos;"),
            '\n' => xml.push_str("&#xA;"),
            '\r' => {}
            _ => xml.push(ch),
        }
    }
}

/// A line drawn along one side of a paragraph.
#[derive(Debug, Clone, Copy)]
pub struct Border {
    /// Width in eighths of a point.
    pub size: usize,
    /// Distance from the text, in points.
    pub space: usize,
}

/// Which sides of a paragraph have a border.
#[derive(Debug, Clone, Copy)]
pub enum Borders {
    /// A rule under the paragraph.
    Bottom(Border),
    /// A box around it.
    Box(Border),
}

/// A paragraph's spacing: before it, and its line height (`line` 240ths of a line, auto).
#[derive(Debug, Clone, Copy)]
pub struct Spacing {
    /// Twips above the paragraph.
    pub before: u32,
    /// Line height in 240ths of single spacing.
    pub line: i32,
}

/// A paragraph's indents, in twips.
#[derive(Debug, Clone, Copy, Default)]
pub struct Indent {
    /// From the left edge of the text.
    pub left: i32,
    /// From the right edge.
    pub right: i32,
    /// The first line's, when set on the paragraph.
    pub first_line: Option<i32>,
}

/// How a run is raised or lowered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerticalAlign {
    /// Superscript.
    Super,
    /// Subscript.
    Sub,
}

/// A run of text with the properties it sets itself (the rest come from its paragraph's style).
#[derive(Debug, Clone, Default)]
pub struct Run<'a> {
    /// Its text; a run without one only carries its properties (an empty rule paragraph's).
    pub text: Option<Cow<'a, str>>,
    /// Bold on (`Some(true)`) or off (`Some(false)`) against the style.
    pub bold: Option<bool>,
    /// Italic on or off against the style.
    pub italic: Option<bool>,
    /// Size in half-points.
    pub size: Option<usize>,
    /// Raised or lowered.
    pub vertical: Option<VerticalAlign>,
}

impl Run<'_> {
    fn write(&self, xml: &mut String) {
        xml.push_str("<w:r>");
        properties(xml, "w:rPr", |xml| {
            switch(xml, "b", self.bold);
            switch(xml, "bCs", self.bold);
            switch(xml, "i", self.italic);
            switch(xml, "iCs", self.italic);
            if let Some(size) = self.size {
                size_xml(xml, size);
            }
            match self.vertical {
                Some(VerticalAlign::Super) => {
                    xml.push_str(r#"<w:vertAlign w:val="superscript" />"#)
                }
                Some(VerticalAlign::Sub) => xml.push_str(r#"<w:vertAlign w:val="subscript" />"#),
                None => {}
            }
        });
        if let Some(text) = &self.text {
            xml.push_str(r#"<w:t xml:space="preserve">"#);
            escape(text, xml);
            xml.push_str("</w:t>");
        }
        xml.push_str("</w:r>");
    }
}

/// The properties `write` puts in `xml`, inside the container `name`; nothing when it puts none.
fn properties(xml: &mut String, name: &str, write: impl FnOnce(&mut String)) {
    let start = xml.len();
    let _ = write!(xml, "<{name}>");
    let open = xml.len();
    write(xml);
    if xml.len() == open {
        xml.truncate(start);
    } else {
        let _ = write!(xml, "</{name}>");
    }
}

/// A toggle property (`w:b`, `w:i`…) on or off, when set.
fn switch(xml: &mut String, name: &str, on: Option<bool>) {
    match on {
        Some(true) => {
            let _ = write!(xml, "<w:{name} />");
        }
        Some(false) => {
            let _ = write!(xml, r#"<w:{name} w:val="false" />"#);
        }
        None => {}
    }
}

/// A font size and its complex-script twin, in half-points.
fn size_xml(xml: &mut String, size: usize) {
    let _ = write!(xml, r#"<w:sz w:val="{size}" /><w:szCs w:val="{size}" />"#);
}

/// A paragraph: its style, the properties it sets itself, and its runs.
#[derive(Debug, Clone, Default)]
pub struct Paragraph<'a> {
    /// The id of its paragraph style.
    pub style: Option<Cow<'a, str>>,
    /// A rule under it or a box around it.
    pub borders: Option<Borders>,
    /// Space before and line height.
    pub spacing: Option<Spacing>,
    /// Indents.
    pub indent: Option<Indent>,
    /// `left`, `center`, `right` or `both`, when not the style's.
    pub align: Option<&'static str>,
    /// The size of its paragraph mark, in half-points.
    pub mark_size: Option<usize>,
    /// Its runs.
    pub runs: Vec<Run<'a>>,
}

impl Paragraph<'_> {
    /// The paragraph as XML, appended to `xml`.
    pub fn write(&self, xml: &mut String) {
        xml.push_str("<w:p>");
        properties(xml, "w:pPr", |xml| {
            if let Some(style) = &self.style {
                let _ = write!(xml, r#"<w:pStyle w:val="{style}" />"#);
            }
            if let Some(borders) = self.borders {
                xml.push_str("<w:pBdr>");
                let side = |xml: &mut String, name: &str, b: Border| {
                    let _ = write!(
                        xml,
                        r#"<w:{name} w:val="single" w:space="{}" w:sz="{}" w:color="auto" />"#,
                        b.space, b.size
                    );
                };
                match borders {
                    Borders::Bottom(b) => side(xml, "bottom", b),
                    Borders::Box(b) => {
                        for name in ["top", "left", "bottom", "right"] {
                            side(xml, name, b);
                        }
                    }
                }
                xml.push_str("</w:pBdr>");
            }
            if let Some(s) = self.spacing {
                let _ = write!(
                    xml,
                    r#"<w:spacing w:before="{}" w:after="0" w:line="{}" w:lineRule="auto" />"#,
                    s.before, s.line
                );
            }
            if let Some(i) = self.indent {
                let _ = write!(xml, r#"<w:ind w:left="{}" w:right="{}""#, i.left, i.right);
                if let Some(first) = i.first_line {
                    let _ = write!(xml, r#" w:firstLine="{first}""#);
                }
                xml.push_str(" />");
            }
            if let Some(align) = self.align {
                let _ = write!(xml, r#"<w:jc w:val="{align}" />"#);
            }
            if let Some(size) = self.mark_size {
                properties(xml, "w:rPr", |xml| size_xml(xml, size));
            }
        });
        for run in &self.runs {
            run.write(xml);
        }
        xml.push_str("</w:p>");
    }
}

/// A table cell.
#[derive(Debug, Clone, Default)]
pub struct Cell<'a> {
    /// Width in twips.
    pub width: usize,
    /// Grid columns it spans.
    pub span: usize,
    /// `Some(true)` where a vertical merge starts, `Some(false)` where it goes on.
    pub merge: Option<bool>,
    /// Centred vertically.
    pub centred: bool,
    /// Its paragraphs (an empty one when none: a cell needs one).
    pub paragraphs: Vec<Paragraph<'a>>,
}

/// A table row.
#[derive(Debug, Clone, Default)]
pub struct Row<'a> {
    /// Kept whole on one page.
    pub cant_split: bool,
    /// Repeated at the top of every page the table runs onto.
    pub header: bool,
    /// Its cells.
    pub cells: Vec<Cell<'a>>,
}

/// A table with a fixed grid.
#[derive(Debug, Clone, Default)]
pub struct Table<'a> {
    /// Column widths in twips.
    pub grid: Vec<usize>,
    /// The width, in eighths of a point, of the single line around and between every cell; none for a
    /// borderless table.
    pub ruled: Option<usize>,
    /// Cell padding on every side, in twips.
    pub padding: usize,
    /// Its rows.
    pub rows: Vec<Row<'a>>,
}

impl Table<'_> {
    /// The table as XML, appended to `xml`.
    pub fn write(&self, xml: &mut String) {
        let width: usize = self.grid.iter().sum();
        let _ = write!(
            xml,
            r#"<w:tbl><w:tblPr><w:tblW w:w="{width}" w:type="dxa" /><w:jc w:val="left" />"#
        );
        match self.ruled {
            Some(size) => {
                xml.push_str("<w:tblBorders>");
                for name in ["top", "left", "bottom", "right", "insideH", "insideV"] {
                    let _ = write!(
                        xml,
                        r#"<w:{name} w:val="single" w:sz="{size}" w:space="0" w:color="000000" />"#
                    );
                }
                xml.push_str("</w:tblBorders>");
            }
            None => xml.push_str("<w:tblBorders />"),
        }
        xml.push_str(r#"<w:tblLayout w:type="fixed" /><w:tblCellMar>"#);
        for name in ["top", "left", "bottom", "right"] {
            let _ = write!(xml, r#"<w:{name} w:w="{}" w:type="dxa" />"#, self.padding);
        }
        xml.push_str("</w:tblCellMar></w:tblPr><w:tblGrid>");
        for column in &self.grid {
            let _ = write!(xml, r#"<w:gridCol w:w="{column}"/>"#);
        }
        xml.push_str("</w:tblGrid>");
        for row in &self.rows {
            xml.push_str("<w:tr>");
            match (row.cant_split, row.header) {
                (false, false) => xml.push_str("<w:trPr />"),
                (cant_split, header) => {
                    xml.push_str("<w:trPr>");
                    if cant_split {
                        xml.push_str("<w:cantSplit />");
                    }
                    if header {
                        xml.push_str("<w:tblHeader/>");
                    }
                    xml.push_str("</w:trPr>");
                }
            }
            for cell in &row.cells {
                let _ = write!(
                    xml,
                    r#"<w:tc><w:tcPr><w:tcW w:w="{}" w:type="dxa" />"#,
                    cell.width
                );
                if cell.span > 1 {
                    let _ = write!(xml, r#"<w:gridSpan w:val="{}" />"#, cell.span);
                }
                match cell.merge {
                    Some(true) => xml.push_str(r#"<w:vMerge w:val="restart" />"#),
                    Some(false) => xml.push_str(r#"<w:vMerge w:val="continue" />"#),
                    None => {}
                }
                if cell.centred {
                    xml.push_str(r#"<w:vAlign w:val="center" />"#);
                }
                xml.push_str("</w:tcPr>");
                if cell.paragraphs.is_empty() {
                    xml.push_str("<w:p></w:p>");
                }
                for paragraph in &cell.paragraphs {
                    paragraph.write(xml);
                }
                xml.push_str("</w:tc>");
            }
            xml.push_str("</w:tr>");
        }
        xml.push_str("</w:tbl>");
    }
}

/// A section's page: its size and margins in twips, its header, its first page's footer.
#[derive(Debug, Clone, Copy)]
pub struct Section {
    /// Page width and height.
    pub size: (u32, u32),
    /// Landscape.
    pub landscape: bool,
    /// Top, right, bottom, left margins.
    pub margins: [i32; 4],
    /// Distance of the header and footer from the page's edge.
    pub header: i32,
    /// The number of the header part its pages show (from 1).
    pub header_part: usize,
    /// Its first page shows the first-page footer.
    pub first_footer: bool,
    /// Its pages are numbered from 1.
    pub restart: bool,
}

impl Section {
    /// The section's properties as XML, appended to `xml`.
    pub fn write(&self, xml: &mut String) {
        let _ = write!(
            xml,
            r#"<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader{}" />"#,
            self.header_part
        );
        if self.first_footer {
            xml.push_str(r#"<w:footerReference w:type="first" r:id="rIdFooterFirst" />"#);
        }
        let [top, right, bottom, left] = self.margins;
        let _ = write!(
            xml,
            r#"<w:pgSz w:w="{}" w:h="{}" w:orient="{}" /><w:pgMar w:top="{top}" w:right="{right}" w:bottom="{bottom}" w:left="{left}" w:header="{h}" w:footer="{h}" w:gutter="0" />"#,
            self.size.0,
            self.size.1,
            if self.landscape {
                "landscape"
            } else {
                "portrait"
            },
            h = self.header,
        );
        if self.restart {
            xml.push_str(r#"<w:pgNumType w:start="1" />"#);
        }
        xml.push_str(r#"<w:cols w:space="425" w:num="1" /><w:titlePg /></w:sectPr>"#);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A run that turns its style's bold off says so, its text escaped; a paragraph's properties
    /// come in schema order whatever order they were set in.
    #[test]
    fn runs_and_paragraphs_are_written_in_schema_order() {
        let paragraph = Paragraph {
            mark_size: Some(2),
            align: Some("center"),
            indent: Some(Indent {
                left: 0,
                right: 0,
                first_line: Some(0),
            }),
            style: Some("NoiDung".into()),
            runs: vec![Run {
                text: Some("a < b & \"c\"".into()),
                bold: Some(false),
                italic: Some(true),
                vertical: Some(VerticalAlign::Super),
                ..Run::default()
            }],
            ..Paragraph::default()
        };
        let mut xml = String::new();
        paragraph.write(&mut xml);
        assert_eq!(
            xml,
            r#"<w:p><w:pPr><w:pStyle w:val="NoiDung" /><w:ind w:left="0" w:right="0" w:firstLine="0" /><w:jc w:val="center" /><w:rPr><w:sz w:val="2" /><w:szCs w:val="2" /></w:rPr></w:pPr><w:r><w:rPr><w:b w:val="false" /><w:bCs w:val="false" /><w:i /><w:iCs /><w:vertAlign w:val="superscript" /></w:rPr><w:t xml:space="preserve">a &lt; b &amp; &quot;c&quot;</w:t></w:r></w:p>"#
        );
    }
}
