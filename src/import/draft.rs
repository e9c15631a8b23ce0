//! A Word draft read as it shows: paragraphs with their bold and italic runs, tables with their
//! cells, in document order, with what is not text (text boxes, subscript initials) kept apart.

use std::collections::HashMap;
use std::path::Path;

use crate::document::{Script, Span};
use crate::error::Result;
use crate::legacy::{self, Legacy};
use crate::wordml::{number, toggled, Attrs, Item, Package, Styles, RUN_PROPERTIES};

/// Millimetres in one twentieth of a point.
const MM_PER_TWIP: f32 = 25.4 / 1440.0;

/// A paragraph of the draft.
#[derive(Debug, Clone, Default)]
pub struct Para {
    /// Its place among the draft's paragraphs, from 1, in document order (table cells included).
    pub number: usize,
    /// Its runs as shown (capitals applied, hidden text left out), line breaks as `\n`, tabs as `\t`;
    /// raised and lowered runs among them (`m³`, a drafter's initials after the Lưu line).
    pub spans: Vec<Span>,
    /// Centred.
    pub centred: bool,
    /// The mark Word's list numbering prints before it, if it is a list item.
    pub list: Option<ListMark>,
    /// Pictures in it (a formula pasted as an image, a logo, a figure), which vanban does not keep.
    pub pictures: usize,
    /// Footnote marks in it; the footnotes' text is not kept.
    pub footnotes: usize,
}

impl Para {
    /// Its text on the line: raised and lowered runs left out.
    pub fn text(&self) -> String {
        self.spans
            .iter()
            .filter(|s| s.script == Script::Baseline)
            .map(|s| s.text.as_str())
            .collect()
    }

    /// Its whole text in one string, for a table's cell: raised and lowered digits as their Unicode
    /// forms (`CO₂`, `m³`), other raised or lowered characters in line.
    pub fn text_in_cell(&self) -> String {
        self.spans
            .iter()
            .map(|s| match s.script {
                Script::Baseline => s.text.clone(),
                Script::Super => s.text.chars().map(superscript).collect(),
                Script::Sub => s.text.chars().map(subscript).collect(),
            })
            .collect()
    }

    /// Its raised and lowered runs' text.
    pub fn script(&self) -> String {
        self.spans
            .iter()
            .filter(|s| s.script != Script::Baseline)
            .map(|s| s.text.as_str())
            .collect()
    }

    /// Whether most of its letters are bold.
    pub fn bold(&self) -> bool {
        let (mut bold, mut all) = (0, 0);
        for span in &self.spans {
            let letters = span.text.chars().filter(|c| c.is_alphanumeric()).count();
            all += letters;
            if span.bold {
                bold += letters;
            }
        }
        all > 0 && bold * 3 > all * 2
    }
}

/// What Word's list numbering prints before an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListMark {
    /// A bullet or dash.
    Bullet,
    /// `1.`
    Decimal,
    /// `a)`
    Letter,
    /// `I.`
    Roman,
}

/// A cell of a table.
#[derive(Debug, Clone, Default)]
pub struct Cell {
    /// Its first grid column, from 0.
    pub column: usize,
    /// The grid columns it covers.
    pub span: usize,
    /// Whether it continues the cell above (`w:vMerge` without `restart`).
    pub merged: bool,
    /// Its paragraphs (a table nested in it read into them).
    pub paragraphs: Vec<Para>,
}

/// A table of the draft.
#[derive(Debug, Clone, Default)]
pub struct Grid {
    /// Its grid columns' widths in millimetres.
    pub widths: Vec<f32>,
    /// Its rows.
    pub rows: Vec<Vec<Cell>>,
}

impl Grid {
    /// Its cells, row by row.
    pub fn cells(&self) -> impl Iterator<Item = &Cell> {
        self.rows.iter().flatten()
    }
}

/// A top-level piece of the draft.
#[derive(Debug, Clone)]
pub enum Piece {
    /// A paragraph.
    Paragraph(Para),
    /// A table.
    Table(Grid),
}

/// The draft as read.
#[derive(Debug, Default)]
pub struct Draft {
    /// Its paragraphs and tables in order.
    pub pieces: Vec<Piece>,
    /// The text of its text boxes (a `DỰ THẢO` mark), with the paragraph they are anchored in.
    pub text_boxes: Vec<(usize, String)>,
    /// The lines of the footer shown on page 1.
    pub footer: Vec<String>,
    /// The year the file was last saved, from its properties.
    pub year_saved: Option<u16>,
    /// The legacy encoding its text was typed in, now converted.
    pub legacy: Option<Legacy>,
}

impl Draft {
    /// The text of every paragraph, table cells' included, in document order.
    pub fn texts(&self) -> Vec<String> {
        let mut texts = Vec::new();
        for piece in &self.pieces {
            match piece {
                Piece::Paragraph(p) => texts.push(p.text()),
                Piece::Table(grid) => texts.extend(
                    grid.cells()
                        .flat_map(|c| c.paragraphs.iter().map(Para::text)),
                ),
            }
        }
        texts
    }
}

/// Reads the DOCX at `path`.
pub fn read(path: &Path) -> Result<Draft> {
    let mut package = Package::open(path)?;
    let document = package.document()?;
    let styles = Styles::read(&package.part("word/styles.xml")?.unwrap_or_default());
    let numbering = Numbering::read(&package.part("word/numbering.xml")?.unwrap_or_default());
    let mut draft = Reader::new(&styles, &numbering).read(&document);
    for name in package.names() {
        if name.starts_with("word/footer") {
            let part = package.part(&name)?.unwrap_or_default();
            let footer = Reader::new(&styles, &numbering).read(&part);
            draft.footer.extend(
                footer
                    .pieces
                    .iter()
                    .filter_map(|p| match p {
                        Piece::Paragraph(p) => Some(p.text().trim().to_string()),
                        Piece::Table(_) => None,
                    })
                    .filter(|t| !t.is_empty()),
            );
        }
    }
    draft.year_saved = saved_year(&package.part("docProps/core.xml")?.unwrap_or_default());
    draft.legacy = convert_legacy(&mut draft);
    Ok(draft)
}

/// The year of `dcterms:modified` (or `created`) in the core properties.
fn saved_year(core: &[Item]) -> Option<u16> {
    let mut current = None;
    let mut years = HashMap::new();
    for item in core {
        match item {
            Item::Open(name, _) => current = Some(name.clone()),
            Item::Text(text) => {
                if let (Some(name), Some(year)) = (&current, text.get(..4)) {
                    if let Ok(year) = year.parse::<u16>() {
                        years.insert(name.clone(), year);
                    }
                }
            }
            Item::Close(_) => current = None,
        }
    }
    years
        .get("modified")
        .or_else(|| years.get("created"))
        .copied()
}

/// Converts text typed in a legacy encoding (TCVN3, VNI) to Unicode, and says which it was.
fn convert_legacy(draft: &mut Draft) -> Option<Legacy> {
    let texts = draft.texts();
    let found = legacy::detect(texts.iter().map(String::as_str))?;
    // Only a paragraph that can be in the old encoding is converted: one typed in Unicode stays.
    let convert = |p: &mut Para| {
        let text: String = p.spans.iter().map(|s| s.text.as_str()).collect();
        if legacy::is_candidate(&text) {
            for span in &mut p.spans {
                span.text = legacy::decode(&span.text, found);
            }
        }
    };
    for piece in &mut draft.pieces {
        match piece {
            Piece::Paragraph(p) => convert(p),
            Piece::Table(grid) => grid
                .rows
                .iter_mut()
                .flatten()
                .flat_map(|c| c.paragraphs.iter_mut())
                .for_each(convert),
        }
    }
    Some(found)
}

/// A digit raised (`³`), where the fonts hold its raised form; any other character as it is.
fn superscript(c: char) -> char {
    match c {
        '1' => '¹',
        '2' => '²',
        '3' => '³',
        '4'..='9' => char::from_u32(0x2074 + (c as u32 - '4' as u32)).unwrap_or(c),
        _ => c,
    }
}

/// A digit lowered (`₂`); any other character as it is.
fn subscript(c: char) -> char {
    match c {
        '0'..='9' => char::from_u32(0x2080 + (c as u32 - '0' as u32)).unwrap_or(c),
        _ => c,
    }
}

/// The sign of a radical of `degree`: `√`, or its degree raised before it (`³√`; the cube-root sign
/// is in few fonts).
fn radical(degree: &str) -> String {
    match degree {
        "" | "2" => "√".into(),
        other => format!("{}√", other.chars().map(superscript).collect::<String>()),
    }
}

/// Word's list definitions: each list's format at each level.
#[derive(Default)]
struct Numbering {
    /// `w:num` id → abstract list id.
    lists: HashMap<String, String>,
    /// (abstract list id, level) → `w:numFmt`.
    formats: HashMap<(String, String), String>,
}

impl Numbering {
    fn read(items: &[Item]) -> Numbering {
        let mut numbering = Numbering::default();
        let (mut abstract_id, mut level, mut num) =
            (None::<String>, None::<String>, None::<String>);
        for item in items {
            match item {
                Item::Open(name, attrs) if name == "abstractNum" => {
                    abstract_id = attrs.get("abstractNumId").cloned()
                }
                Item::Close(name) if name == "abstractNum" => abstract_id = None,
                Item::Open(name, attrs) if name == "lvl" => level = attrs.get("ilvl").cloned(),
                Item::Open(name, attrs) if name == "numFmt" => {
                    if let (Some(a), Some(l), Some(v)) = (&abstract_id, &level, attrs.get("val")) {
                        numbering.formats.insert((a.clone(), l.clone()), v.clone());
                    }
                }
                Item::Open(name, attrs) if name == "num" => num = attrs.get("numId").cloned(),
                Item::Open(name, attrs) if name == "abstractNumId" => {
                    if let (Some(n), Some(v)) = (&num, attrs.get("val")) {
                        numbering.lists.insert(n.clone(), v.clone());
                    }
                }
                _ => {}
            }
        }
        numbering
    }

    /// The mark list `id` prints at `level`.
    fn mark(&self, id: &str, level: &str) -> Option<ListMark> {
        let abstract_id = self.lists.get(id)?;
        let format = self
            .formats
            .get(&(abstract_id.clone(), level.to_string()))?;
        Some(match format.as_str() {
            "bullet" => ListMark::Bullet,
            "decimal" | "decimalZero" => ListMark::Decimal,
            "lowerLetter" => ListMark::Letter,
            "upperRoman" => ListMark::Roman,
            _ => return None,
        })
    }
}

/// The walk over a part's items.
struct Reader<'a> {
    styles: &'a Styles,
    numbering: &'a Numbering,
    draft: Draft,
    /// Paragraphs counted so far.
    count: usize,
    /// Open tables: the outermost is the top-level table being read.
    tables: Vec<Grid>,
    /// Depth inside text boxes and inside the fallback of alternate content (read once, as its choice).
    boxed: usize,
    fallback: usize,
    box_text: String,
    /// The degree of an equation's radical being read (`3` of `∛Q`), while inside it.
    degree: Option<String>,
    /// Inside an equation's subscript or superscript (`r_c`): where its runs stand.
    math_script: Script,
}

/// What is being gathered of the paragraph open now.
#[derive(Default)]
struct Open {
    para: Para,
    style: Option<String>,
    own_centred: Option<bool>,
    list: (Option<String>, Option<String>),
    in_props: bool,
}

/// What is being gathered of the run open now.
#[derive(Default)]
struct Run {
    style: Option<String>,
    properties: HashMap<String, Attrs>,
    text: String,
}

impl<'a> Reader<'a> {
    fn new(styles: &'a Styles, numbering: &'a Numbering) -> Reader<'a> {
        Reader {
            styles,
            numbering,
            draft: Draft::default(),
            count: 0,
            tables: Vec::new(),
            boxed: 0,
            fallback: 0,
            box_text: String::new(),
            degree: None,
            math_script: Script::Baseline,
        }
    }

    fn read(mut self, items: &[Item]) -> Draft {
        let mut paragraphs: Vec<Open> = Vec::new();
        let mut run: Option<Run> = None;
        let mut in_text = false;
        for item in items {
            match item {
                Item::Open(name, _) if name == "t" => in_text = true,
                Item::Close(name) if name == "t" => in_text = false,
                Item::Open(name, _) if name == "Fallback" => self.fallback += 1,
                Item::Close(name) if name == "Fallback" => {
                    self.fallback = self.fallback.saturating_sub(1)
                }
                _ if self.fallback > 0 => {}
                Item::Open(name, _) if name == "txbxContent" => self.boxed += 1,
                Item::Close(name) if name == "txbxContent" => {
                    self.boxed = self.boxed.saturating_sub(1);
                    if self.boxed == 0 {
                        let text = std::mem::take(&mut self.box_text);
                        if !text.trim().is_empty() {
                            let at = paragraphs.last().map_or(self.count + 1, |p| p.para.number);
                            self.draft.text_boxes.push((at, text.trim().to_string()));
                        }
                    }
                }
                // A text box's text is kept apart; nothing else in it is read.
                Item::Text(text) if self.boxed > 0 && in_text => {
                    self.box_text.push_str(&crate::text::clean(text))
                }
                Item::Close(name) if self.boxed > 0 && name == "p" => self.box_text.push(' '),
                _ if self.boxed > 0 => {}
                Item::Open(name, _) if name == "blip" || name == "imagedata" => {
                    if let Some(p) = paragraphs.last_mut() {
                        p.para.pictures += 1;
                    }
                }
                Item::Open(name, _)
                    if name == "footnoteReference" || name == "endnoteReference" =>
                {
                    if let Some(p) = paragraphs.last_mut() {
                        p.para.footnotes += 1;
                    }
                }
                Item::Open(name, _) if name == "tbl" => self.tables.push(Grid::default()),
                Item::Close(name) if name == "tbl" => self.close_table(),
                Item::Open(name, attrs) if name == "gridCol" && self.tables.len() == 1 => {
                    if let Some(grid) = self.tables.last_mut() {
                        grid.widths
                            .push(number(attrs, "w").unwrap_or(0.0) * MM_PER_TWIP);
                    }
                }
                Item::Open(name, _) if name == "tr" && self.tables.len() == 1 => {
                    if let Some(grid) = self.tables.last_mut() {
                        grid.rows.push(Vec::new());
                    }
                }
                Item::Open(name, _) if name == "tc" && self.tables.len() == 1 => {
                    if let Some(row) = self.tables.last_mut().and_then(|g| g.rows.last_mut()) {
                        let column = row.last().map_or(0, |c| c.column + c.span);
                        row.push(Cell {
                            column,
                            span: 1,
                            ..Cell::default()
                        });
                    }
                }
                Item::Open(name, attrs) if name == "gridSpan" && self.tables.len() == 1 => {
                    if let Some(cell) = self.cell() {
                        cell.span = number(attrs, "val").map_or(1, |n| n.max(1.0) as usize);
                    }
                }
                Item::Open(name, attrs) if name == "vMerge" && self.tables.len() == 1 => {
                    if let Some(cell) = self.cell() {
                        cell.merged = attrs.get("val").is_none_or(|v| v != "restart");
                    }
                }
                Item::Open(name, _) if name == "p" => {
                    self.count += 1;
                    paragraphs.push(Open {
                        para: Para {
                            number: self.count,
                            ..Para::default()
                        },
                        ..Open::default()
                    });
                }
                Item::Close(name) if name == "p" => {
                    if let Some(open) = paragraphs.pop() {
                        let para = self.finish(open);
                        self.place(para);
                    }
                }
                Item::Open(name, _) if name == "pPr" => {
                    if let Some(p) = paragraphs.last_mut() {
                        p.in_props = true;
                    }
                }
                Item::Close(name) if name == "pPr" => {
                    if let Some(p) = paragraphs.last_mut() {
                        p.in_props = false;
                    }
                }
                Item::Open(name, attrs) if name == "pStyle" => {
                    if let Some(p) = paragraphs.last_mut() {
                        p.style = attrs.get("val").cloned();
                    }
                }
                Item::Open(name, attrs) if name == "jc" && run.is_none() => {
                    if let Some(p) = paragraphs.last_mut().filter(|p| p.in_props) {
                        p.own_centred = attrs.get("val").map(|v| v == "center");
                    }
                }
                Item::Open(name, attrs) if name == "numId" => {
                    if let Some(p) = paragraphs.last_mut().filter(|p| p.in_props) {
                        p.list.0 = attrs.get("val").cloned();
                    }
                }
                Item::Open(name, attrs) if name == "ilvl" => {
                    if let Some(p) = paragraphs.last_mut().filter(|p| p.in_props) {
                        p.list.1 = attrs.get("val").cloned();
                    }
                }
                Item::Open(name, _) if name == "r" => run = Some(Run::default()),
                Item::Open(name, attrs) if name == "rStyle" => {
                    if let Some(r) = run.as_mut() {
                        r.style = attrs.get("val").cloned();
                    }
                }
                Item::Open(name, attrs) if RUN_PROPERTIES.contains(&name.as_str()) => {
                    if let Some(r) = run.as_mut() {
                        r.properties.insert(name.clone(), attrs.clone());
                    }
                }
                Item::Open(name, _) if name == "tab" => {
                    if let Some(r) = run.as_mut() {
                        r.text.push('\t');
                    }
                }
                Item::Open(name, attrs) if name == "br" => {
                    // A page or column break is no line of text.
                    if let Some(r) = run.as_mut().filter(|_| !attrs.contains_key("type")) {
                        r.text.push('\n');
                    }
                }
                Item::Text(text) if in_text => {
                    if let Some(r) = run.as_mut() {
                        r.text.push_str(&text.replace('\u{a0}', " "));
                    }
                }
                // An equation's subscript and superscript.
                Item::Open(name, _) if name == "sub" => self.math_script = Script::Sub,
                Item::Open(name, _) if name == "sup" => self.math_script = Script::Super,
                Item::Close(name) if name == "sub" || name == "sup" => {
                    self.math_script = Script::Baseline
                }
                // An equation's radical: its degree read apart, then written as its sign (`∛`).
                Item::Open(name, _) if name == "deg" => self.degree = Some(String::new()),
                Item::Close(name) if name == "deg" => {
                    if let (Some(degree), Some(p)) = (self.degree.take(), paragraphs.last_mut()) {
                        let sign = Run {
                            text: radical(degree.trim()),
                            ..Run::default()
                        };
                        self.add_run(sign, p);
                    }
                }
                Item::Close(name) if name == "r" => {
                    match (run.take(), paragraphs.last_mut(), self.degree.as_mut()) {
                        (Some(r), _, Some(degree)) => degree.push_str(&r.text),
                        (Some(r), Some(p), None) => self.add_run(r, p),
                        _ => {}
                    }
                }
                _ => {}
            }
        }
        self.draft
    }

    /// The cell open now in the top-level table.
    fn cell(&mut self) -> Option<&mut Cell> {
        self.tables.last_mut()?.rows.last_mut()?.last_mut()
    }

    /// Closes a table; a table nested in a cell leaves its paragraphs in that cell.
    fn close_table(&mut self) {
        if let Some(grid) = self.tables.pop().filter(|_| self.tables.is_empty()) {
            self.draft.pieces.push(Piece::Table(grid));
        }
    }

    /// Adds a paragraph where it stands: at the top level, or in the open cell.
    fn place(&mut self, para: Para) {
        if self.tables.is_empty() {
            self.draft.pieces.push(Piece::Paragraph(para));
        } else if let Some(grid) = self.tables.first_mut() {
            if let Some(cell) = grid.rows.last_mut().and_then(|r| r.last_mut()) {
                cell.paragraphs.push(para);
            }
        }
    }

    fn add_run(&self, run: Run, open: &mut Open) {
        if run.text.is_empty() {
            return;
        }
        let resolve = |element: &str, read: &dyn Fn(&Attrs) -> Option<String>| {
            self.styles.run_property(
                &run.properties,
                (run.style.as_deref(), open.style.as_deref()),
                element,
                read,
            )
        };
        let on = |attrs: &Attrs| Some(toggled(attrs).to_string());
        let is_on = |element: &str| resolve(element, &on).is_some_and(|v| v == "true");
        if is_on("vanish") {
            return;
        }
        let script = match resolve("vertAlign", &|a: &Attrs| a.get("val").cloned()).as_deref() {
            Some("superscript") => Script::Super,
            Some("subscript") => Script::Sub,
            _ => self.math_script,
        };
        let text = if is_on("caps") {
            run.text.to_uppercase()
        } else {
            run.text
        };
        let (bold, italic) = (is_on("b"), is_on("i"));
        match open.para.spans.last_mut() {
            Some(last) if last.bold == bold && last.italic == italic && last.script == script => {
                last.text.push_str(&text)
            }
            _ => open.para.spans.push(Span {
                script,
                ..Span::styled(text, bold, italic)
            }),
        }
    }

    fn finish(&self, open: Open) -> Para {
        let mut para = open.para;
        for span in &mut para.spans {
            span.text = crate::text::clean(&span.text);
        }
        let style = open
            .style
            .as_deref()
            .or(self.styles.default_paragraph.as_deref());
        let read = |attrs: &Attrs| attrs.get("val").cloned();
        para.centred = open.own_centred.unwrap_or_else(|| {
            self.styles
                .lookup_paragraph(style, "jc", &read)
                .or_else(|| self.styles.paragraph_defaults.get("jc").and_then(read))
                .is_some_and(|v| v == "center")
        });
        if let (Some(id), level) = &open.list {
            if id != "0" {
                para.list = self.numbering.mark(id, level.as_deref().unwrap_or("0"));
            }
        }
        para
    }
}
