//! `vanban check`: reads a document made by anyone and reports where it departs from Decree 30.
//!
//! Readers ([`docx`], [`pdf`] with `pdf_layout`) turn a file into [`Evidence`]: its lines of text in
//! reading order and what its format declares or fixes. [`findings`] hands the evidence, part by part
//! (`page`, `header`, `placement`, `content`, `closing`), to the judgements in [`crate::nd30`], which
//! hold the rules; nothing here restates them.

mod closing;
mod content;
pub mod docx;
mod header;
mod page;
pub mod pdf;
mod pdf_layout;
mod placement;
mod scope;
pub mod signatures;

use std::path::{Path, PathBuf};

use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

use crate::error::{Error, Result};
use crate::nd30::{self, Rule, Severity, Verdict};

/// Lines read from the top of a document for its header (and for what kind of paper it is).
const HEADER_LINES: usize = 20;

/// Millimetres in one PDF point.
const MM_PER_POINT: f32 = 25.4 / 72.0;

/// What a reader found in a document.
#[derive(Debug, Clone, Default)]
pub struct Evidence {
    /// Paragraphs' text (DOCX) or printed lines (PDF), in reading order.
    pub lines: Vec<String>,
    /// The page of each line, when the format knows it (PDF).
    pub pages: Vec<u32>,
    /// The look of each line's first text, when the format declares it (DOCX).
    pub looks: Vec<Option<Look>>,
    /// Sections: paper and margins, in millimetres.
    pub sections: Vec<Section>,
    /// Every font a run or style asks for, once each.
    pub fonts: Vec<String>,
    /// Fonts a PDF uses without embedding them.
    pub unembedded: Vec<String>,
    /// Whether the header shown on page 1 holds a page number.
    pub number_on_first_page: bool,
    /// Each page's printed lines with their place, when the format fixes them (PDF).
    pub placed: Vec<Vec<Placed>>,
    /// Each page's drawn horizontal rules, when the format fixes them (PDF).
    pub drawn: Vec<Vec<Drawn>>,
    /// How each line's paragraph is set, when the format declares it (DOCX); `None` in a table.
    pub layouts: Vec<Option<Layout>>,
    /// The table column each line stands in, when the format has tables (DOCX); `None` outside.
    pub columns: Vec<Option<u32>>,
    /// The lines of the footer shown on the pages after the first (DOCX).
    pub later_footer: Vec<String>,
    /// Whether that footer holds a page number (DOCX).
    pub number_in_footer: bool,
    /// Lines with text in a colour other than black, and that colour (DOCX).
    pub coloured: Vec<(usize, String)>,
    /// How many pages the document had when last saved, when the format records it (DOCX: as Word
    /// counted them).
    pub saved_pages: Option<u32>,
    /// Whether any header or footer holds a page number (DOCX).
    pub numbered: bool,
    /// Lines drawn as shapes, when the format anchors them in paragraphs (DOCX): the paragraph's
    /// index and the line's length, mm.
    pub anchored_rules: Vec<(usize, f32)>,
    /// Whether each line goes on with the paragraph of the line before, when the format prints
    /// paragraphs over lines (PDF).
    pub continues: Vec<bool>,
    /// What each page holds, when the format has pages (PDF).
    pub pages_read: Vec<PageRead>,
    /// The digital signatures, first signed first (PDF).
    pub signatures: Vec<signatures::Signed>,
}

/// What a PDF page holds besides its lines: images, and text printed or drawn invisible.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct PageRead {
    /// The page's number, from 1.
    pub number: u32,
    /// Images and forms it draws.
    pub images: usize,
    /// Letters it prints visibly.
    pub visible_letters: usize,
    /// Letters it draws invisible (an OCR layer over a scan).
    pub invisible_letters: usize,
}

/// A horizontal rule drawn on a page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Drawn {
    /// Left end, from the page's left edge, mm.
    pub x0_mm: f32,
    /// Right end, from the page's left edge, mm.
    pub x1_mm: f32,
    /// Height, from the page's top edge, mm.
    pub y_mm: f32,
}

/// How a paragraph is set: alignment, first-line indent and spacing.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// `both`, `left`, `center`, … as Word names them.
    pub alignment: String,
    /// First-line indent, mm (negative: hanging).
    pub first_line_mm: f32,
    /// Space before, points.
    pub before_pt: f32,
    /// Space after, points.
    pub after_pt: f32,
    /// Line spacing.
    pub line: LineSpacing,
}

/// Line spacing as a word processor declares it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum LineSpacing {
    /// A multiple of single spacing.
    Multiple(f32),
    /// Exactly this many points.
    Exactly(f32),
    /// At least this many points.
    AtLeast(f32),
}

/// A printed line and where it sits on its page.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    /// Its text.
    pub text: String,
    /// Left end, from the page's left edge, mm.
    pub x0_mm: f32,
    /// Right end, from the page's left edge, mm.
    pub x1_mm: f32,
    /// Baseline, from the page's top edge, mm.
    pub baseline_mm: f32,
    /// Type size, points.
    pub size_pt: f32,
    /// The colour of its text when not black (`rgb(1, 0, 0)`).
    pub colour: Option<String>,
    /// Whether most of its letters are bold.
    pub bold: bool,
    /// Whether most of its letters are italic.
    pub italic: bool,
}

/// Type size and weight of a line's text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Look {
    /// Size in points, when declared.
    pub size_pt: Option<f32>,
    /// Bold.
    pub bold: bool,
    /// Italic.
    pub italic: bool,
}

/// One section's page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Section {
    /// Paper width, mm.
    pub width_mm: f32,
    /// Paper height, mm.
    pub height_mm: f32,
    /// Margins top, bottom, left, right, mm, when the format declares them (a PDF does not).
    pub margins_mm: Option<[f32; 4]>,
    /// Whether the section (or page) holds a table, when the format tells.
    pub has_table: Option<bool>,
}

/// One departure from the format.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// The file checked.
    pub file: PathBuf,
    /// The page the finding is on, when the format knows pages (PDF) and the finding is about a line.
    pub page: Option<u32>,
    /// `E13`.
    pub rule: String,
    /// E or W.
    pub severity: Severity,
    /// `date`.
    pub topic: &'static str,
    /// What was found.
    pub found: String,
    /// What fixes it.
    pub fix: String,
    /// Where the Decree says so.
    pub source: &'static str,
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:", self.file.display())?;
        if let Some(page) = self.page {
            write!(f, "page {page}:")?;
        }
        write!(
            f,
            " {} {}: {:?}; fix: {} ({})",
            self.rule, self.topic, self.found, self.fix, self.source
        )
    }
}

/// What `check` says of one file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// The file checked.
    pub file: PathBuf,
    /// Whether its format was judged; a file that was not judged has not passed.
    pub judged: bool,
    /// Why it was not judged (a scan, an unreadable text layer, a document Decree 30 does not
    /// govern), when it was not.
    pub reason: Option<String>,
    /// What is said of it that is neither an error nor a warning (a draft's blank number and date).
    pub notes: Vec<String>,
    /// Its departures from the format.
    pub findings: Vec<Finding>,
    /// Its digital signatures, first signed first (PDF).
    pub signatures: Vec<signatures::Signed>,
}

impl Report {
    fn not_judged(file: &Path, reason: String) -> Report {
        Report {
            file: file.to_path_buf(),
            judged: false,
            reason: Some(reason),
            notes: Vec::new(),
            findings: Vec::new(),
            signatures: Vec::new(),
        }
    }
}

/// The line that sums up a check of `files` files: `3 files checked, 1 not judged: 2 errors, 1
/// warning`; `reports` are those that could be read, `unreadable` the number that could not.
pub fn summary(files: usize, reports: &[Report], unreadable: usize) -> String {
    let findings = reports.iter().flat_map(|r| &r.findings);
    let errors = findings
        .clone()
        .filter(|f| f.severity == nd30::Severity::Error)
        .count();
    let warnings = findings.count() - errors;
    let not_judged = reports.iter().filter(|r| !r.judged).count();
    let mut apart = String::new();
    if not_judged > 0 {
        apart.push_str(&format!(", {not_judged} not judged"));
    }
    if unreadable > 0 {
        apart.push_str(&format!(", {unreadable} not readable"));
    }
    format!(
        "{} checked{apart}: {}, {}",
        counted(files, "file"),
        counted(errors, "error"),
        counted(warnings, "warning")
    )
}

/// `1 file`, `3 files`.
pub fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Checks one file as an electronic document: as [`check_file`], and a judged PDF that carries no
/// digital signature is an error (E31, or E32 for an annex filed on its own).
pub fn check_electronic(path: &Path) -> Result<Report> {
    check_as(path, true)
}

/// Checks one file; its kind is told by its extension.
pub fn check_file(path: &Path) -> Result<Report> {
    check_as(path, false)
}

/// Checks one file, as an electronic document when `electronic`.
fn check_as(path: &Path, electronic: bool) -> Result<Report> {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let internal = |reader: &str| {
        Error::Input(format!(
            "{}: could not be read (internal error in the {reader} reader)",
            path.display()
        ))
    };
    let evidence = match extension.as_str() {
        "docx" => crate::contain::contain(|| docx::read(path)).map_err(|_| internal("DOCX"))??,
        "pdf" => crate::contain::contain(|| pdf::read(path)).map_err(|_| internal("PDF"))??,
        // A job is checked by building its document, with every rule render applies; its printed
        // strings come from nd30, so a job that builds has nothing more to report.
        "toml" => {
            crate::job::load(path)?;
            return Ok(Report {
                file: path.to_path_buf(),
                judged: true,
                reason: None,
                notes: Vec::new(),
                findings: Vec::new(),
                signatures: Vec::new(),
            });
        }
        _ => {
            return Err(Error::Input(format!(
                "{}: vanban check reads .docx, .pdf and job .toml files",
                path.display()
            )))
        }
    };
    if let Some(reason) =
        crate::contain::contain(|| scope::not_judged(&evidence)).map_err(|_| {
            Error::Input(format!(
                "{}: could not be judged (internal error in the checker)",
                path.display()
            ))
        })?
    {
        return Ok(Report {
            signatures: evidence.signatures.clone(),
            ..Report::not_judged(path, reason)
        });
    }
    let mut verdicts = crate::contain::contain(|| findings(&evidence)).map_err(|_| {
        Error::Input(format!(
            "{}: could not be judged (internal error in the checker)",
            path.display()
        ))
    })?;
    if electronic && extension == "pdf" && evidence.signatures.is_empty() {
        verdicts.push(nd30::judge_unsigned(is_annex_file(&evidence.lines)));
    }
    Ok(Report {
        file: path.to_path_buf(),
        judged: true,
        reason: None,
        notes: scope::notes(&evidence),
        findings: verdicts
            .into_iter()
            .map(|v| finding(path, &evidence, v))
            .collect(),
        signatures: evidence.signatures,
    })
}

fn finding(file: &Path, evidence: &Evidence, verdict: Verdict) -> Finding {
    let page = (!verdict.found.is_empty())
        .then(|| {
            evidence
                .lines
                .iter()
                // A list item joined from several printed lines starts with its first line.
                .position(|l| {
                    l.contains(&verdict.found)
                        || (l.chars().count() > 3 && verdict.found.starts_with(l.as_str()))
                })
        })
        .flatten()
        .and_then(|i| evidence.pages.get(i).copied());
    Finding {
        file: file.to_path_buf(),
        page,
        rule: verdict.rule.id(),
        severity: verdict.rule.severity,
        topic: verdict.rule.topic,
        found: verdict.found,
        fix: verdict.fix,
        source: verdict.rule.source,
    }
}

/// Judges the evidence against every rule it allows.
pub fn findings(evidence: &Evidence) -> Vec<Verdict> {
    // Text stored decomposed is a fault of its own (W5); every other rule reads it as it prints.
    let stored = nd30::judge_text(&evidence.lines.join("\n"));
    let printed = Evidence {
        lines: evidence.lines.iter().map(|l| l.nfc().collect()).collect(),
        ..evidence.clone()
    };
    let evidence = &printed;
    let mut verdicts = page::findings(evidence);
    // An annex issued as a file of its own has no header of its own (Mẫu 2.1).
    let annex_file = is_annex_file(&evidence.lines);
    verdicts.extend(evidence.fonts.iter().filter_map(|f| nd30::judge_font(f)));
    verdicts.extend(evidence.unembedded.iter().map(|f| nd30::unembedded_font(f)));
    let coloured = evidence
        .coloured
        .iter()
        .find_map(|(i, colour)| nd30::judge_colour(evidence.lines.get(*i)?, colour));
    verdicts.extend(coloured);
    if !annex_file {
        verdicts.extend(header::findings(evidence));
    }
    verdicts.extend(placement::findings(evidence));
    verdicts.extend(content::bases(evidence));
    verdicts.extend(content::body(evidence));
    verdicts.extend(closing::distribution(evidence));
    verdicts.extend(closing::addressees(evidence));
    verdicts.extend(content::annexes(evidence));
    verdicts.extend(content::sequence(evidence));
    // Citations in running text, outside tables (whose cells hold codes such as a budget's `Khoản 341`).
    let in_table = |i: usize| matches!(evidence.columns.get(i), Some(Some(_)));
    let citation = (0..evidence.lines.len())
        .filter(|&i| !in_table(i))
        .find_map(|i| nd30::judge_citations(&evidence.lines[i]));
    verdicts.extend(citation);
    verdicts.extend(stored);
    let signers: Vec<nd30::Signer> = evidence
        .signatures
        .iter()
        .map(|s| nd30::Signer {
            name: s.signer.as_deref(),
            organisation: s.organisation,
            intact: s.intact,
        })
        .collect();
    // An electronic copy names its form at the top right of page 1; the organisation alone signs it,
    // as it does an annex filed on its own.
    let copy = info_line(evidence).filter(|(text, ..)| nd30::names_copy_form(text));
    verdicts.extend(nd30::judge_signatures(
        &signers,
        annex_file || copy.is_some(),
    ));
    if let Some(line) = copy {
        verdicts.extend(nd30::judge_copy_info(line));
    } else if annex_file && signers.iter().any(|s| s.organisation) {
        verdicts.extend(nd30::judge_annex_info(info_line(evidence)));
    }
    verdicts
}

/// Whether a document is an annex on its own: it opens with an annex heading (after the information
/// line its organisation's signature adds, when signed).
fn is_annex_file(lines: &[String]) -> bool {
    lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .find(|l| !nd30::is_info_line(l))
        .is_some_and(|l| nd30::is_annex_label(l))
}

/// The information line at the top right of page 1, with its size and slant, when a line there reads
/// as one.
fn info_line(evidence: &Evidence) -> Option<(&str, f32, bool)> {
    let width = evidence.sections.first().map_or(210.0, |s| s.width_mm);
    evidence
        .placed
        .first()?
        .iter()
        .take(3)
        .find(|p| nd30::is_info_line(&p.text) && p.x0_mm > width / 3.0)
        .map(|p| (p.text.as_str(), p.size_pt, p.italic))
}

/// The look of line `index` against `expected`, when the format declares looks.
fn look(
    evidence: &Evidence,
    index: usize,
    rule: Rule,
    expected: nd30::Appearance,
) -> Option<Verdict> {
    let look = evidence.looks.get(index).copied().flatten()?;
    let line = evidence.lines.get(index)?;
    nd30::judge_look(rule, line, look.size_pt, look.bold, look.italic, expected)
}

/// Whether `line` has letters and all of them are capitals.
fn is_capitals(line: &str) -> bool {
    line.chars().any(char::is_alphabetic) && line.to_uppercase() == line
}

/// The first of `indices` whose look departs from what `expected` gives it.
fn first_look(
    evidence: &Evidence,
    indices: impl IntoIterator<Item = usize>,
    rule: Rule,
    expected: impl Fn(usize) -> nd30::Appearance,
) -> Option<Verdict> {
    indices
        .into_iter()
        .find_map(|i| look(evidence, i, rule, expected(i)))
}

/// A `- …` list under its label line.
struct List {
    /// The label's line.
    label: usize,
    /// The items, each joined from the lines it was printed on.
    items: Vec<String>,
    /// The line after the last item.
    next: usize,
}

/// The `- …` items after the line reading exactly `label`, if there is one, and the index of the line
/// after them. A line that does not start with a dash continues the item before it while that item
/// has not ended with `;` or `.` (a PDF breaks long items over lines).
fn items_after(lines: &[String], label: &str) -> Option<List> {
    let at = lines.iter().position(|l| l.trim() == label)?;
    let mut items: Vec<String> = Vec::new();
    let mut next = at + 1;
    for line in lines[at + 1..].iter().map(|l| side_note_cut(l.trim())) {
        let open = items.last().is_some_and(|item| {
            !item.ends_with(nd30::ITEM_END) && !item.ends_with(nd30::LAST_ITEM_END)
        });
        // An item printed over lines may break after a `;` of its own: the list goes on below.
        let broken = items
            .last()
            .is_some_and(|item| item.ends_with(nd30::ITEM_END));
        let list_goes_on = broken
            && lines[next + 1..]
                .iter()
                .take(2)
                .any(|l| l.trim_start().starts_with(nd30::LIST_DASH));
        match items.last_mut() {
            _ if line.starts_with(nd30::LIST_DASH) => items.push(line.to_string()),
            Some(item) if (open || list_goes_on) && !line.is_empty() => {
                item.push(' ');
                item.push_str(line);
            }
            None if line.is_empty() => {}
            _ => break,
        }
        next += 1;
    }
    Some(List {
        label: at,
        items,
        next,
    })
}

/// An item without the note set beside it after a tab (`- Cổng thông tin;\tĐể đăng dự thảo`).
fn side_note_cut(line: &str) -> &str {
    match line.split_once('\t') {
        Some((item, _)) if item.trim_end().ends_with([';', '.']) => item.trim_end(),
        _ => line,
    }
}

/// The lines from `from` to `to` that start a `- …` item.
fn item_lines(lines: &[String], from: usize, to: usize) -> impl Iterator<Item = usize> + '_ {
    (from..to).filter(|&i| lines[i].trim_start().starts_with(nd30::LIST_DASH))
}
