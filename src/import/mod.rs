//! `vanban import`: a clerk's Word draft read into a job and a body template, the same words in
//! vanban's model, whatever layout the office gave them.
//!
//! [`draft`] reads the DOCX as it shows (paragraphs, runs, tables); [`header`] and [`closing`] read
//! the lines of the header and of the closing into fields; this module walks the draft from top to
//! bottom (header, title and trích yếu, authority and legal bases, Kính gửi, body, closing) and
//! notes, paragraph by paragraph, what each became; [`write`] writes the job and its body template.

mod closing;
mod draft;
mod header;
mod word97;
mod write;

use std::path::{Path, PathBuf};

use crate::document::{Block, Span, Table};
use crate::error::{Error, Result};
use crate::nd30::{self, Kind, KINDS};
use draft::{Draft, Grid, Para, Piece};
use header::{Line, Side};

pub use write::Written;

/// A note of the report: what became of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// The paragraph, from 1 in document order (table cells included); `None` for the whole file.
    pub paragraph: Option<usize>,
    /// An excerpt of its text.
    pub text: String,
    /// What it became.
    pub what: String,
}

/// The notes gathered while a draft is read.
#[derive(Debug, Default)]
pub struct Noted(Vec<Note>);

impl Noted {
    /// Notes that paragraph `paragraph`, reading `text`, became `what`.
    pub fn add(&mut self, paragraph: usize, text: &str, what: &str) {
        self.0.push(Note {
            paragraph: Some(paragraph),
            text: excerpt(text),
            what: what.to_string(),
        });
    }

    /// Notes something of the whole file.
    fn file(&mut self, what: String) {
        self.0.push(Note {
            paragraph: None,
            text: String::new(),
            what,
        });
    }
}

/// The first words of a text, for a report line.
fn excerpt(text: &str) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= 60 {
        flat
    } else {
        format!("{}…", flat.chars().take(59).collect::<String>())
    }
}

/// A draft read into vanban's fields.
#[derive(Debug, Default)]
pub struct Fields {
    /// The kind.
    pub kind: Option<Kind>,
    /// Parent authority lines.
    pub parent: Vec<String>,
    /// The agency's name lines.
    pub agency: Vec<String>,
    /// The agency's code in the ký hiệu.
    pub code: String,
    /// The drafting unit's code in the ký hiệu.
    pub unit: Option<String>,
    /// The number; `None` when left blank.
    pub number: Option<u32>,
    /// The place.
    pub place: String,
    /// The year, month and day (month and day `None` when left blank).
    pub date: (Option<u16>, Option<u8>, Option<u8>),
    /// The trích yếu.
    pub subject: String,
    /// Kính gửi.
    pub recipients: Vec<String>,
    /// A decision's authority line.
    pub authority: Option<String>,
    /// Legal bases.
    pub bases: Vec<String>,
    /// The body.
    pub body: Vec<Block>,
    /// Position lines of the signature.
    pub positions: Vec<String>,
    /// The signer's name.
    pub name: String,
    /// A second signature on the left (a biên bản's secretary): position lines and name.
    pub second: Option<(Vec<String>, String)>,
    /// Nơi nhận's items.
    pub distribution: Vec<String>,
    /// The Lưu line's text.
    pub archive: Option<String>,
    /// Contact lines of page 1's foot.
    pub footer: Vec<String>,
    /// The decision the document is issued with (a quy chế's `(Ban hành kèm theo Quyết định …)`).
    pub issued_with: Option<header::Reference>,
    /// The annexes after the signature.
    pub annexes: Vec<AnnexDraft>,
    /// A title that names none of the Decree's 29 kinds (`PHIẾU TRÌNH`).
    pub unknown_title: Option<String>,
}

/// A draft imported: its fields and what became of each paragraph.
#[derive(Debug)]
pub struct Imported {
    /// The draft's path.
    pub path: PathBuf,
    /// The fields read.
    pub fields: Fields,
    /// What became of each paragraph.
    pub notes: Vec<Note>,
}

impl Imported {
    /// The report's lines: `DRAFT.docx: paragraph 14 "Trân trọng./." kept in the body`.
    pub fn report(&self) -> Vec<String> {
        let file = self.path.display();
        let mut notes: Vec<&Note> = self.notes.iter().collect();
        notes.sort_by_key(|n| n.paragraph);
        notes
            .into_iter()
            .map(|n| match n.paragraph {
                Some(p) => format!("{file}: paragraph {p} {:?} {}", n.text, n.what),
                None => format!("{file}: {}", n.what),
            })
            .collect()
    }
}

/// Reads the Word draft at `path`. A `.doc` file, or a file that is not a DOCX package, is an error
/// naming it.
pub fn import(path: &Path) -> Result<Imported> {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if extension != "docx" && extension != "doc" {
        return Err(Error::Input(format!(
            "{}: vanban import reads Word documents (.docx, or .doc with LibreOffice installed)",
            path.display()
        )));
    }
    let mut notes = Noted::default();
    let dir = temporary_folder()?;
    let docx = as_docx(path, dir.path())?;
    if extension == "doc" {
        notes.file("a Word 97–2003 document, converted to DOCX with LibreOffice".into());
    }
    // What Decree 30 does not govern (a Party document, a legal normative one, a company's paper, a
    // template of blanks) is not made into one of its documents.
    let scope = crate::check::check_file(&docx)?;
    if let (false, Some(reason)) = (scope.judged, &scope.reason) {
        return Err(Error::Input(format!(
            "{}: not imported: {reason}",
            path.display()
        )));
    }
    // A draft this reading cannot follow is told as such, never as a crash.
    let internal = || {
        Error::Input(format!(
            "{}: could not be read (internal error in the import reader)",
            path.display()
        ))
    };
    let draft = crate::contain::contain(|| draft::read(&docx)).map_err(|_| internal())??;
    if let Some(legacy) = draft.legacy {
        notes.file(format!(
            "warning: text typed in the {} encoding, converted to Unicode",
            legacy.name()
        ));
    }
    for (paragraph, text) in &draft.text_boxes {
        notes.add(
            *paragraph,
            text,
            "left out: a text box (a mark vanban does not keep)",
        );
    }
    let fields =
        crate::contain::contain(|| recognise(&draft, &mut notes)).map_err(|_| internal())?;
    Ok(Imported {
        path: path.to_path_buf(),
        fields,
        notes: notes.0,
    })
}

/// A folder of its own under the system's temporary folder, removed when dropped.
pub fn temporary_folder() -> Result<tempfile::TempDir> {
    tempfile::tempdir().map_err(|source| Error::Io {
        path: std::env::temp_dir(),
        source,
    })
}

/// The draft at `path` as a DOCX that `check` reads: itself, or a `.doc` converted into `dir`.
pub fn as_docx(path: &Path, dir: &Path) -> Result<PathBuf> {
    let is_doc = path
        .extension()
        .is_some_and(|e| e.to_string_lossy().eq_ignore_ascii_case("doc"));
    if is_doc {
        word97::convert(path, dir)
    } else {
        Ok(path.to_path_buf())
    }
}

/// Where the walk over the draft is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Stage {
    Header,
    Title,
    Preamble,
    Body,
    Closing,
    After,
}

/// The draft's pieces read into fields, top to bottom.
fn recognise(draft: &Draft, notes: &mut Noted) -> Fields {
    let mut fields = Fields::default();
    let mut header_lines: Vec<Line> = Vec::new();
    let mut closing_lines: Vec<Line> = Vec::new();
    let mut recipient_lines: Vec<Line> = Vec::new();
    let mut title_kind: Option<Kind> = None;
    let mut subject: Vec<String> = Vec::new();
    let mut stage = Stage::Header;
    let mut closed_by_table = false;
    let pieces = &draft.pieces;
    let mut i = 0;
    while i < pieces.len() {
        let piece = &pieces[i];
        i += 1;
        match piece {
            Piece::Table(grid) => {
                let lines = header::table_lines(grid);
                if lines.iter().all(|l| nd30::is_header_mark(&l.text)) {
                    // A mark set in a box of its own (`Dự thảo`).
                    for line in &lines {
                        notes.add(
                            line.paragraph,
                            &line.text,
                            "left out: a mark vanban does not keep",
                        );
                    }
                } else if stage == Stage::Header && is_header(&lines) {
                    header_lines.extend(lines);
                } else if stage < Stage::Closing && starts_recipients(grid) {
                    recipient_lines.extend(lines);
                    stage = stage.max(Stage::Preamble);
                } else if stage < Stage::Closing && closing::is_closing(grid) {
                    closing_lines.extend(closing::table_lines(grid));
                    for p in grid.cells().flat_map(|c| &c.paragraphs) {
                        if !p.script().trim().is_empty() {
                            notes.add(
                                p.number,
                                &p.script(),
                                "left out: sub- or superscript text (a drafter's initials)",
                            );
                        }
                    }
                    stage = Stage::Closing;
                    closed_by_table = true;
                } else if stage == Stage::Closing || stage == Stage::After {
                    stage = Stage::After;
                    match fields.annexes.last_mut().filter(|a| a.table.is_none()) {
                        Some(annex) => {
                            note_table(grid, notes, "the annex's table");
                            annex.table = Some(grid_table(grid));
                        }
                        None => {
                            for p in grid.cells().flat_map(|c| &c.paragraphs) {
                                note_left_out(p, notes);
                            }
                        }
                    }
                } else {
                    stage = Stage::Body;
                    note_table(grid, notes, "kept in the body");
                    fields.body.push(Block::Table {
                        table: grid_table(grid),
                    });
                }
            }
            Piece::Paragraph(para) => {
                let text = para.text();
                let flat = text.trim();
                note_unkept(para, notes);
                if flat.is_empty() {
                    continue;
                }
                match stage {
                    Stage::Header => {
                        if ends_header(&header_lines, flat) {
                            stage = Stage::Title;
                            i -= 1;
                        } else {
                            header_lines.extend(header::paragraph_lines(para));
                        }
                    }
                    Stage::Title => {
                        if let Some(kind) = nd30::title_kind(&flat.to_uppercase()).copied() {
                            if title_kind.is_none() {
                                notes.add(para.number, flat, &format!("title: {}", kind.name));
                                title_kind = Some(kind);
                                continue;
                            }
                        }
                        // A letter has its V/v in the header; any other document opens with its title.
                        let letter = header_lines
                            .iter()
                            .any(|l| header::subject_of(&l.text).is_some());
                        let unnamed = title_kind.is_none()
                            && fields.unknown_title.is_none()
                            && !letter
                            && para.centred
                            && in_capitals(flat);
                        if unnamed {
                            notes.add(para.number, flat, "title of no Decree-30 kind");
                            fields.unknown_title = Some(collapse(flat));
                            continue;
                        }
                        if let Some(reference) = header::reference_of(flat) {
                            notes.add(
                                para.number,
                                flat,
                                &format!(
                                    "issued with {} {}",
                                    reference.kind.name, reference.number.symbol
                                ),
                            );
                            fields.issued_with = Some(reference);
                            continue;
                        }
                        let subject_line = title_kind.is_some()
                            && para.centred
                            && nd30::structure::parse(flat).is_none()
                            && !nd30::is_basis(flat)
                            && !flat.starts_with("Kính gửi")
                            && (!in_capitals(flat) || subject.is_empty());
                        if subject_line {
                            notes.add(para.number, flat, "trích yếu");
                            subject.push(collapse(flat));
                        } else {
                            stage = Stage::Preamble;
                            i -= 1;
                        }
                    }
                    Stage::Preamble => {
                        let kind = title_kind.as_ref();
                        // Legal bases open a decision's enacting word; elsewhere a `Căn cứ …`
                        // paragraph is the body's first (and one ending with `:` leads into it).
                        let enacts = kind.is_some_and(|k| k.enacting.is_some());
                        if enacts && nd30::is_basis(flat) && !flat.ends_with(':') {
                            notes.add(para.number, flat, "legal basis");
                            fields.bases.push(bare_item(flat));
                        } else if nd30::is_enacting(flat)
                            || nd30::enacting_without_colon(flat).is_some()
                        {
                            notes.add(para.number, flat, "enacting word (vanban writes it)");
                            stage = Stage::Body;
                        } else if kind.is_some_and(|k| k.enacting.is_some())
                            && para.centred
                            && in_capitals(flat)
                            && fields.authority.is_none()
                            && fields.bases.is_empty()
                        {
                            notes.add(para.number, flat, "authority");
                            fields.authority = Some(collapse(flat));
                        } else if flat.starts_with("Kính gửi") {
                            recipient_lines.push(Line {
                                text: flat.to_string(),
                                paragraph: para.number,
                                bold: para.bold(),
                                side: Side::Left,
                            });
                            while let Some(Piece::Paragraph(next)) = pieces.get(i) {
                                let next_text = next.text();
                                let t = next_text.trim();
                                if t.is_empty() {
                                    i += 1;
                                    continue;
                                }
                                if !t.starts_with(['-', '–', '+', '•']) {
                                    break;
                                }
                                recipient_lines.push(Line {
                                    text: t.to_string(),
                                    paragraph: next.number,
                                    bold: next.bold(),
                                    side: Side::Left,
                                });
                                i += 1;
                            }
                            stage = Stage::Body;
                        } else {
                            stage = Stage::Body;
                            i -= 1;
                        }
                    }
                    Stage::Body => {
                        if closing::opens_distribution(flat) {
                            stage = Stage::Closing;
                            i -= 1;
                        } else {
                            body_paragraph(para, pieces.get(i), &mut fields.body, notes, &mut i);
                        }
                    }
                    Stage::Closing => {
                        // A closing set without a table: paragraphs until an annex.
                        if closed_by_table || annex_label(flat).is_some() {
                            stage = Stage::After;
                            i -= 1;
                        } else {
                            closing_lines.extend(closing::paragraph_lines(
                                &text,
                                para.number,
                                para.bold(),
                            ));
                        }
                    }
                    Stage::After => after_signature(para, &mut fields.annexes, notes),
                }
            }
        }
    }
    let header = header::read(&header_lines, notes);
    fields.parent = header.parent;
    fields.agency = match running_text_form(&header.agency, draft) {
        Some(written) => written,
        None if header.agency.is_empty() => header.agency,
        None => {
            let guess = header::running_text_guess(&header.agency);
            notes.file(format!(
                "the agency's name is written in running text as \"{}\" (the draft never writes it out): the header prints it in capitals, a (Kèm theo …) line as written; check it in the job",
                guess.join(" ")
            ));
            guess
        }
    };
    recipient_lines.extend(header.recipients);
    fields.recipients = recipients(&recipient_lines, notes);
    let closing = closing::read(&closing_lines, notes);
    fields.distribution = closing.distribution;
    fields.archive = closing.archive;
    fields.positions = closing.positions;
    fields.name = closing.name.unwrap_or_default();
    fields.second = closing.second;
    if let Some(date) = header.date {
        fields.place = date.place;
        fields.date = (date.year, date.month, date.day);
    }
    if let (None, Some(reference)) = (fields.date.0, &fields.issued_with) {
        // A document issued with a decision prints no date of its own: it takes the decision's.
        let d = &reference.date;
        fields.date = (d.year, d.month, d.day);
    }
    if fields.date.0.is_none() {
        if let Some(year) = draft.year_saved {
            notes.file(format!(
                "the year is left blank: {year}, the year the file was saved, is written"
            ));
            fields.date.0 = Some(year);
        }
    }
    fields.subject = header
        .subject
        .map(|s| collapse(&s))
        .unwrap_or_else(|| subject.join(" "));
    if let (Some(_), Some(rest)) = (title_kind, header::subject_of(&fields.subject)) {
        // `V/v` opens a công văn's trích yếu; under a title the Decree writes it out.
        notes.file(format!(
            "the trích yếu \"{}\" opens with V/v, which only a công văn's does: written out as \"Về việc\"",
            excerpt(&fields.subject)
        ));
        fields.subject = format!("Về việc {rest}");
    }
    if fields.distribution.is_empty() && fields.archive.is_none() && fields.issued_with.is_none() {
        notes.file(format!(
            "no Nơi nhận in the draft: \"- {} {}.\" written, as the Decree requires",
            nd30::ARCHIVE_LABEL,
            nd30::REGISTRY_CODE
        ));
    }
    let symbol = header
        .number
        .as_ref()
        .or(fields.issued_with.as_ref().map(|r| &r.number))
        .map(|n| n.symbol.clone());
    fields.number = header.number.as_ref().and_then(|n| n.number);
    fields.kind = title_kind.or_else(|| {
        symbol
            .as_deref()
            .and_then(|s| kind_of_symbol(s, !fields.subject.is_empty()))
    });
    let symbol_kind = match &fields.issued_with {
        Some(reference) if header.number.is_none() => Some(reference.kind),
        _ => fields.kind,
    };
    if let (Some(kind), Some(symbol)) = (symbol_kind, symbol.as_deref()) {
        let (code, unit) = agency_and_unit(kind, symbol);
        fields.code = code;
        fields.unit = unit;
    }
    fields.footer = draft
        .footer
        .iter()
        .filter(|l| nd30::is_contact_line(l))
        .cloned()
        .collect();
    fields
}

/// The agency's name as the draft writes it in running text (`Ủy ban nhân dân huyện Cẩm Xuyên` for
/// the header's `ỦY BAN NHÂN DÂN` / `HUYỆN CẨM XUYÊN`), split into the header's lines: vanban
/// prints it in capitals in the header and as written in a `(Kèm theo …)` line. `None` when the draft
/// never writes it out.
fn running_text_form(lines: &[String], draft: &Draft) -> Option<Vec<String>> {
    let words: Vec<String> = lines
        .iter()
        .flat_map(|l| l.split_whitespace())
        .map(str::to_string)
        .collect();
    if words.is_empty() {
        return None;
    }
    let wanted: Vec<String> = words.iter().map(|w| w.to_uppercase()).collect();
    let texts = draft.texts();
    for text in &texts {
        let found: Vec<&str> = text
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .collect();
        for window in found.windows(wanted.len()) {
            let same = window
                .iter()
                .zip(&wanted)
                .all(|(w, u)| w.to_uppercase() == *u);
            // Written in capitals it is the header itself, or a title: not running text.
            if same && window.iter().any(|w| w.chars().any(char::is_lowercase)) {
                let mut at = 0;
                return Some(
                    lines
                        .iter()
                        .map(|line| {
                            let n = line.split_whitespace().count();
                            let part = window[at..at + n].join(" ");
                            at += n;
                            part
                        })
                        .collect(),
                );
            }
        }
    }
    None
}

/// Whether a paragraph ends a header set without a table (or after one): a title, a Kính gửi, a
/// legal basis, or, once the Quốc hiệu is read, a line that is no header line.
fn ends_header(lines: &[Line], text: &str) -> bool {
    if nd30::title_kind(&text.to_uppercase()).is_some()
        || text.starts_with("Kính gửi")
        || nd30::is_basis(text)
    {
        return true;
    }
    let started = lines.iter().any(|l| nd30::is_national_name(&l.text));
    let complete = started
        && lines
            .iter()
            .any(|l| header::number_of(&l.text).is_some() || header::date_of(&l.text).is_some());
    let header_line = nd30::is_national_name(text)
        || nd30::is_motto(text)
        || nd30::is_header_mark(text)
        || header::number_of(text).is_some()
        || header::date_of(text).is_some()
        || header::subject_of(text).is_some()
        || text.contains('\t')
        // Before the Số or date line, a short line in capitals is the agency's; after, a title.
        || (!complete && in_capitals(text) && text.chars().count() < 80);
    // The lines that follow a V/v continue it, up to the first blank line.
    let in_subject = lines
        .last()
        .is_some_and(|l| header::subject_of(&l.text).is_some() && !text.starts_with(['-', '+']));
    started && !header_line && !in_subject
}

/// Whether a table is the header: it holds the Quốc hiệu, a Số line or a date line.
fn is_header(lines: &[Line]) -> bool {
    lines.iter().any(|l| {
        nd30::is_national_name(&l.text)
            || header::number_of(&l.text).is_some()
            || header::date_of(&l.text).is_some()
    })
}

/// Whether a table sets the Kính gửi (its first cell opens with it).
fn starts_recipients(grid: &Grid) -> bool {
    grid.cells()
        .flat_map(|c| &c.paragraphs)
        .find(|p| !p.text().trim().is_empty())
        .is_some_and(|p| p.text().trim().starts_with("Kính gửi"))
}

/// The addressees of the Kính gửi lines: after the label, one per line or item.
fn recipients(lines: &[Line], notes: &mut Noted) -> Vec<String> {
    let mut out = Vec::new();
    for line in lines {
        let mut text = line.text.trim();
        if let Some(rest) = text.strip_prefix("Kính gửi") {
            notes.add(line.paragraph, text, "Kính gửi");
            text = rest.trim_start_matches(':').trim();
        } else {
            notes.add(line.paragraph, text, "addressee");
        }
        let item = bare_item(text);
        if !item.is_empty() {
            out.push(item);
        }
    }
    out
}

/// A list item's or basis's text without its list mark and end punctuation, spaces collapsed.
fn bare_item(text: &str) -> String {
    collapse(
        text.trim()
            .trim_start_matches(['-', '–', '+', '•'])
            .trim()
            .trim_end_matches([';', ',', '.'])
            .trim(),
    )
}

/// Runs of spaces, tabs and line breaks as one space.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether a text is in capitals, counting letters only.
fn in_capitals(text: &str) -> bool {
    let mut letters = text.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some() && letters.all(|c| !c.is_lowercase())
}

/// The kind a ký hiệu names by its first part; a letter's when it names none and the draft has a
/// V/v (`with_subject`).
fn kind_of_symbol(symbol: &str, with_subject: bool) -> Option<Kind> {
    let first = symbol.split('-').next()?;
    KINDS
        .iter()
        .find(|k| k.code == Some(first))
        .or_else(|| {
            KINDS
                .iter()
                .find(|k| k.slug == "cong-van")
                .filter(|_| with_subject)
        })
        .copied()
}

/// The agency's code and the unit's in a ký hiệu, the kind's code left out: `QĐ-UBND` → `UBND`;
/// `UBND-NC` → `UBND`, `NC`; `QĐ-UBND-NC` → `UBND`, `NC`.
fn agency_and_unit(kind: Kind, symbol: &str) -> (String, Option<String>) {
    let mut parts: Vec<&str> = symbol.split('-').filter(|p| !p.is_empty()).collect();
    if kind.code.is_some() && parts.len() > 1 && parts.first() == kind.code.as_ref() {
        parts.remove(0);
    }
    let code = parts.first().map_or_else(String::new, |c| c.to_string());
    let unit = (parts.len() > 1).then(|| parts[1..].join(""));
    (code, unit)
}

/// Notes what of a paragraph vanban does not keep: its pictures and its footnotes.
fn note_unkept(para: &Para, notes: &mut Noted) {
    let text = para.text();
    if para.pictures > 0 {
        let what = match para.pictures {
            1 => "left out: a picture in it (a formula or figure pasted as an image)".to_string(),
            n => format!("left out: {n} pictures in it (formulas or figures pasted as images)"),
        };
        notes.add(para.number, &text, &what);
    }
    if para.footnotes > 0 {
        let what = match para.footnotes {
            1 => "left out: its footnote (vanban's documents have no footnotes)".to_string(),
            n => format!("left out: its {n} footnotes (vanban's documents have no footnotes)"),
        };
        notes.add(para.number, &text, &what);
    }
}

/// Notes a paragraph after the closing as left out.
fn note_left_out(para: &Para, notes: &mut Noted) {
    let text = para.text();
    if !text.trim().is_empty() {
        notes.add(
            para.number,
            &text,
            "left out: after the signature, and not an annex's heading or table",
        );
    }
}

/// An annex read after the signature: its title and its table.
#[derive(Debug, Default)]
pub struct AnnexDraft {
    /// The paragraph of its label (`PHỤ LỤC I`).
    pub paragraph: usize,
    /// Its title's lines.
    pub title: Vec<String>,
    /// Its table.
    pub table: Option<Table>,
    /// Whether its `(Kèm theo …)` line runs on into the next paragraph.
    in_reference: bool,
}

/// The title on an annex label's line, if `text` is one: `PHỤ LỤC`, `Phụ lục II`, `PHỤ LỤC 01`,
/// perhaps followed by its title after `:` or `-`.
fn annex_label(text: &str) -> Option<String> {
    let upper = text.trim().to_uppercase();
    let rest = upper.strip_prefix("PHỤ LỤC")?;
    let original = text
        .trim()
        .chars()
        .skip("PHỤ LỤC".chars().count())
        .collect::<String>();
    let (number, title) = match rest.trim_start().split_once([':', '-', '–']) {
        Some((number, _)) => {
            let at = original
                .find([':', '-', '–'])
                .map_or(original.len(), |i| i + 1);
            (number.trim().to_string(), original[at..].trim().to_string())
        }
        None => (rest.trim().to_string(), String::new()),
    };
    let numbered = number.is_empty()
        || number.chars().all(|c| c.is_ascii_digit())
        || nd30::structure::is_roman(&number);
    numbered.then_some(title)
}

/// A paragraph after the signature: an annex's label, title or reference line, or left out.
fn after_signature(para: &Para, annexes: &mut Vec<AnnexDraft>, notes: &mut Noted) {
    let text = para.text();
    let flat = collapse(&text);
    if let Some(title) = annex_label(&flat) {
        notes.add(para.number, &flat, "annex");
        annexes.push(AnnexDraft {
            paragraph: para.number,
            title: (!title.is_empty()).then_some(title).into_iter().collect(),
            table: None,
            in_reference: false,
        });
        return;
    }
    match annexes.last_mut().filter(|a| a.table.is_none()) {
        Some(annex) if flat.starts_with('(') && flat.to_lowercase().contains("kèm theo") => {
            notes.add(
                para.number,
                &flat,
                "the annex's (Kèm theo …) line (vanban writes it)",
            );
            annex.in_reference = !flat.ends_with(')');
        }
        Some(annex) if annex.in_reference => {
            notes.add(
                para.number,
                &flat,
                "the annex's (Kèm theo …) line, continued",
            );
            annex.in_reference = !flat.ends_with(')');
        }
        Some(annex) if para.centred => {
            notes.add(para.number, &flat, "the annex's title");
            annex.title.push(flat);
        }
        _ => note_left_out(para, notes),
    }
}

/// Notes a table, and what became of it.
fn note_table(grid: &Grid, notes: &mut Noted, what: &str) {
    let first = grid
        .cells()
        .flat_map(|c| &c.paragraphs)
        .find(|p| !p.text().trim().is_empty());
    if let Some(first) = first {
        notes.add(
            first.number,
            &first.text(),
            &format!("a table of {} rows, {what}", grid.rows.len()),
        );
    }
}

/// A table of the draft: its first row the header, each cell's paragraphs joined, columns as wide
/// as the draft's grid.
fn grid_table(grid: &Grid) -> Table {
    let columns = grid.widths.len().max(
        grid.rows
            .iter()
            .map(|r| r.last().map_or(0, |c| c.column + c.span))
            .max()
            .unwrap_or(0),
    );
    let rows: Vec<Vec<String>> = grid
        .rows
        .iter()
        .map(|row| {
            let mut cells = vec![String::new(); columns];
            for cell in row.iter().filter(|c| !c.merged) {
                if let Some(slot) = cells.get_mut(cell.column) {
                    *slot = collapse(
                        &cell
                            .paragraphs
                            .iter()
                            .map(Para::text_in_cell)
                            .collect::<Vec<_>>()
                            .join(" "),
                    );
                }
            }
            cells
        })
        .collect();
    let widths: Vec<f32> = (0..columns)
        .map(|i| grid.widths.get(i).copied().unwrap_or(20.0).max(1.0))
        .collect();
    write::table(&rows, &widths)
}

/// A body paragraph as a block: a structure label read from its text or from Word's list
/// numbering, its bold and italic runs kept; a heading's number on its own line takes the centred
/// title under it.
fn body_paragraph(
    para: &Para,
    next: Option<&Piece>,
    body: &mut Vec<Block>,
    notes: &mut Noted,
    i: &mut usize,
) {
    let text = para.text();
    let flat = collapse(&text);
    let mut spans = trimmed_spans(&para.spans);
    if let Some(rest) = article_with_colon(&flat) {
        // `Điều 3:` is an article whose full stop was typed as a colon: vanban writes `Điều 3.`.
        notes.add(
            para.number,
            &flat,
            "article (its heading's colon mended), kept in the body",
        );
        let label_chars = flat.chars().count() - rest.chars().count();
        body.push(Block::Item {
            level: nd30::Level::Article,
            spans: drop_chars(&spans, label_chars),
        });
        return;
    }
    // A label in quotation marks is quoted from another text (an amendment): it is words, not this
    // document's structure.
    let quoted = flat.starts_with(['“', '"', '‘']);
    if let Some(label) = nd30::structure::parse(&flat).filter(|_| !quoted) {
        let heading = matches!(
            label.level,
            nd30::Level::Part | nd30::Level::Chapter | nd30::Level::Division
        );
        if heading && label.rest.is_empty() {
            if let Some(Piece::Paragraph(title)) = next {
                if title.centred && !title.text().trim().is_empty() {
                    notes.add(para.number, &flat, "heading");
                    notes.add(title.number, &title.text(), "heading's title");
                    body.push(Block::Item {
                        level: label.level,
                        spans: trimmed_spans(&title.spans),
                    });
                    *i += 1;
                    return;
                }
            }
        }
        let label_chars = flat.chars().count() - label.rest.chars().count();
        spans = drop_chars(&spans, label_chars);
        notes.add(para.number, &flat, "kept in the body");
        if label.level == nd30::Level::Article {
            renumbered_article(para.number, label.label, body, notes);
        }
        body.push(Block::Item {
            level: label.level,
            spans,
        });
        return;
    }
    notes.add(para.number, &flat, "kept in the body");
    let level = para.list.map(|mark| match mark {
        draft::ListMark::Bullet => nd30::Level::Dash,
        draft::ListMark::Decimal => nd30::Level::Clause,
        draft::ListMark::Letter => nd30::Level::Point,
        draft::ListMark::Roman => nd30::Level::Section,
    });
    body.push(match level {
        Some(level) => Block::Item { level, spans },
        None => Block::Paragraph { spans },
    });
}

/// Notes an article whose typed number is not the one vanban prints (`Điều 3` typed twice): what
/// refers to it (a Nơi nhận's `Như Điều 3`) may need the new number.
fn renumbered_article(paragraph: usize, label: &str, body: &[Block], notes: &mut Noted) {
    let printed = 1 + body
        .iter()
        .filter(|b| {
            matches!(
                b,
                Block::Item {
                    level: nd30::Level::Article,
                    ..
                }
            )
        })
        .count();
    let typed: String = label.chars().filter(char::is_ascii_digit).collect();
    if typed.parse::<usize>().is_ok_and(|typed| typed != printed) {
        notes.add(
            paragraph,
            label,
            &format!(
                "printed Điều {printed}: vanban numbers the articles in order; check what refers to Điều {typed}"
            ),
        );
    }
}

/// The text after `Điều N:`, when a paragraph opens with an article's heading written with a colon.
fn article_with_colon(text: &str) -> Option<&str> {
    let rest = text.strip_prefix("Điều ")?;
    let (number, after) = rest.split_once(':')?;
    (!number.is_empty() && number.chars().all(|c| c.is_ascii_digit())).then(|| after.trim_start())
}

/// Spans with their spaces collapsed, the paragraph's leading and trailing space dropped.
fn trimmed_spans(spans: &[Span]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut last_space = true;
    for span in spans {
        let mut text = String::new();
        for c in span.text.chars() {
            if c.is_whitespace() {
                if !last_space {
                    text.push(' ');
                }
                last_space = true;
            } else {
                text.push(c);
                last_space = false;
            }
        }
        if text.is_empty() {
            continue;
        }
        match out.last_mut() {
            Some(last)
                if last.bold == span.bold
                    && last.italic == span.italic
                    && last.script == span.script =>
            {
                last.text.push_str(&text)
            }
            _ => out.push(Span {
                text,
                ..span.clone()
            }),
        }
    }
    if let Some(last) = out.last_mut() {
        let kept = last.text.trim_end().len();
        last.text.truncate(kept);
    }
    out.retain(|s| !s.text.is_empty());
    out
}

/// Spans with their first `count` characters dropped (a label vanban writes itself), and the space
/// after them.
fn drop_chars(spans: &[Span], count: usize) -> Vec<Span> {
    let mut left = count;
    let mut out = Vec::new();
    for span in spans {
        let n = span.text.chars().count();
        if left >= n {
            left -= n;
            continue;
        }
        let text: String = span.text.chars().skip(left).collect();
        left = 0;
        let text = if out.is_empty() {
            text.trim_start().to_string()
        } else {
            text
        };
        if !text.is_empty() {
            out.push(Span {
                text,
                ..span.clone()
            });
        }
    }
    out
}

/// The stem the imported files are named after: the draft's own.
pub fn stem_of(path: &Path) -> String {
    path.file_stem()
        .map_or_else(|| "document".into(), |s| s.to_string_lossy().into_owned())
}

/// Writes the job and body template of `imported` into `out`, then builds the job as `render`
/// builds it, so that a value the Decree refuses is told now, naming the job file and its key.
/// Returns the files written, the job first.
pub fn write_job(imported: &Imported, out: &Path) -> Result<Vec<PathBuf>> {
    let written = Written::of(imported, &stem_of(&imported.path))?;
    let paths = written.write_to(out)?;
    crate::job::Job::read(&paths[0])?.build(None)?;
    Ok(paths)
}
