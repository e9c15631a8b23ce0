//! `vanban check`: reads a document made by anyone and reports where it departs from Decree 30.
//!
//! Readers ([`docx`], [`pdf`]) turn a file into [`Evidence`]: its lines of text in reading order and what its
//! format declares. [`findings`] hands the evidence to the judgements in [`crate::nd30`], which hold the
//! rules; nothing here restates them.

pub mod docx;
pub mod pdf;
mod pdf_layout;
mod placement;

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::error::{Error, Result};
use crate::nd30::{self, Rule, Severity, Verdict};

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

/// Checks one file; its kind is told by its extension.
pub fn check_file(path: &Path) -> Result<Vec<Finding>> {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let evidence = match extension.as_str() {
        "docx" => docx::read(path)?,
        "pdf" => pdf::read(path)?,
        // A job is checked by building its document, with every rule render applies; its printed
        // strings come from nd30, so a job that builds has nothing more to report.
        "toml" => {
            let document = crate::job::load(path)?;
            crate::printed::Printed::of(&document)?;
            return Ok(Vec::new());
        }
        _ => {
            return Err(Error::Input(format!(
                "{}: vanban check reads .docx, .pdf and job .toml files",
                path.display()
            )))
        }
    };
    Ok(findings(&evidence)
        .into_iter()
        .map(|v| finding(path, &evidence, v))
        .collect())
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
    let mut verdicts = Vec::new();
    verdicts.extend(page(evidence));
    verdicts.extend(evidence.fonts.iter().filter_map(|f| nd30::judge_font(f)));
    verdicts.extend(evidence.unembedded.iter().map(|f| nd30::unembedded_font(f)));
    if evidence.number_on_first_page {
        verdicts.push(Verdict::new(
            nd30::PAGE_NUMBER,
            "a page number on page 1",
            "number pages from 2 (a different first-page header)",
        ));
    }
    if evidence.number_in_footer {
        verdicts.push(Verdict::new(
            nd30::PAGE_NUMBER,
            "the page number in the footer",
            "centre it in the top margin (a PAGE field in the header)",
        ));
    }
    // Contact lines belong to page 1 only; a page number in the footer is judged above.
    let contact: Vec<&String> = evidence
        .later_footer
        .iter()
        .filter(|l| !l.trim().chars().all(|c| c.is_ascii_digit()))
        .collect();
    if let Some(line) = contact.first() {
        verdicts.push(nd30::contact_lines_repeated(line, None));
    }
    if let Some(i) = evidence
        .lines
        .iter()
        .position(|l| nd30::urgency_box_mm(l).is_some())
    {
        verdicts.extend(look(evidence, i, nd30::URGENCY_MARK, nd30::URGENCY_LOOK));
    }
    verdicts.extend(header(evidence));
    verdicts.extend(header_columns(evidence));
    verdicts.extend(placement::findings(evidence));
    verdicts.extend(body(evidence));
    verdicts.extend(distribution(evidence));
    verdicts.extend(addressees(evidence));
    verdicts.extend(annexes(evidence));
    let labels: Vec<(nd30::Level, &str)> = evidence
        .lines
        .iter()
        .filter_map(|l| nd30::structure_label(l))
        .collect();
    verdicts.extend(nd30::judge_sequence(&labels));
    let text = evidence.lines.join("\n");
    verdicts.extend(nd30::judge_text(&text));
    verdicts
}

fn page(evidence: &Evidence) -> Vec<Verdict> {
    let (limits, mut verdicts) = (nd30::LIMITS, Vec::new());
    for s in &evidence.sections {
        let (short, long) = (s.width_mm.min(s.height_mm), s.width_mm.max(s.height_mm));
        if !limits.page_width_mm.contains(short) || !limits.page_height_mm.contains(long) {
            verdicts.push(Verdict::new(
                nd30::PAGE_SIZE,
                format!("{:.0} × {:.0} mm", s.width_mm, s.height_mm),
                format!(
                    "A4, {:.0} × {:.0} mm",
                    nd30::STANDARD.page.width_mm,
                    nd30::STANDARD.page.height_mm
                ),
            ));
        }
        if s.width_mm > s.height_mm {
            continue; // a landscape annex page: its margins turn with it
        }
        let ranges = [
            ("top", limits.margin_top_mm),
            ("bottom", limits.margin_bottom_mm),
            ("left", limits.margin_left_mm),
            ("right", limits.margin_right_mm),
        ];
        let Some(margins) = s.margins_mm else {
            continue;
        };
        for ((side, range), value) in ranges.iter().zip(margins) {
            if !range.contains(value.round()) {
                verdicts.push(Verdict::new(
                    nd30::MARGINS,
                    format!("{side} margin {value:.0} mm"),
                    format!("{side} margin {:.0}–{:.0} mm", range.min, range.max),
                ));
            }
        }
    }
    verdicts.dedup();
    verdicts
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

fn header(evidence: &Evidence) -> Vec<Verdict> {
    let lines = &evidence.lines;
    let mut verdicts = Vec::new();
    let missing =
        |rule: Rule, what: &str| Verdict::new(rule, format!("no {what}"), what.to_string());
    match lines.iter().position(|l| nd30::is_national_name(l)) {
        Some(i) => {
            verdicts.extend(nd30::judge_national_name(&lines[i]));
            verdicts.extend(look(
                evidence,
                i,
                nd30::NATIONAL_NAME_LINE,
                nd30::NATIONAL_NAME_LOOK,
            ));
            verdicts.extend(agency(evidence, i));
        }
        None => verdicts.push(missing(nd30::NATIONAL_NAME_LINE, nd30::NATIONAL_NAME)),
    }
    match lines.iter().position(|l| nd30::is_motto(l)) {
        Some(i) => {
            verdicts.extend(nd30::judge_motto(&lines[i]));
            verdicts.extend(look(evidence, i, nd30::MOTTO_LINE, nd30::MOTTO_LOOK));
        }
        None => verdicts.push(missing(nd30::MOTTO_LINE, nd30::MOTTO)),
    }
    if let Some(i) = lines.iter().position(|l| nd30::is_number_line(l)) {
        let line = &lines[i];
        verdicts.extend(nd30::judge_number_line(line));
        verdicts.extend(look(evidence, i, nd30::NUMBER_LINE, nd30::NUMBER_LOOK));
        let title_at = lines.iter().position(|l| nd30::title_kind(l).is_some());
        let title = title_at.map(|t| lines[t].as_str());
        if let Some(t) = title_at {
            verdicts.extend(look(evidence, t, nd30::TITLE, nd30::TITLE_LOOK));
            verdicts.extend(subject(evidence, t));
        }
        if let Some(symbol) = nd30::symbol_of(line) {
            verdicts.extend(nd30::judge_kind(title, symbol));
        }
    }
    if let Some(i) = lines.iter().position(|l| nd30::date_part(l).is_some()) {
        verdicts.extend(nd30::judge_date_line(&lines[i]));
        verdicts.extend(look(evidence, i, nd30::DATE_LINE, nd30::DATE_LOOK));
    }
    let letter_subject = format!("{} ", nd30::SUBJECT_PREFIX);
    if let Some(i) = lines.iter().position(|l| l.starts_with(&letter_subject)) {
        verdicts.extend(look(
            evidence,
            i,
            nd30::LETTER_SUBJECT,
            nd30::LETTER_SUBJECT_LOOK,
        ));
    }
    if let Some(i) = lines
        .iter()
        .position(|l| l.trim() == nd30::DISTRIBUTION_LABEL)
    {
        verdicts.extend(look(
            evidence,
            i,
            nd30::ARCHIVE_LINE,
            nd30::DISTRIBUTION_LABEL_LOOK,
        ));
    }
    verdicts
}

/// The body's paragraphs: those outside tables and not centred, after the header's last line (the
/// Kính gửi list, the trích yếu, the `V/v` or the date line) and before `Nơi nhận:`. Each property is
/// reported once, at the first paragraph that departs.
fn body(evidence: &Evidence) -> Vec<Verdict> {
    let lines = &evidence.lines;
    if evidence.layouts.len() != lines.len() {
        return Vec::new();
    }
    let after = |test: &dyn Fn(&str) -> bool| lines.iter().position(|l| test(l)).map(|i| i + 1);
    let letter_subject = format!("{} ", nd30::SUBJECT_PREFIX);
    let recipients_end = items_after(lines, nd30::RECIPIENTS_LABEL).map(|(_, next)| next);
    let header_end = [
        after(&|l| nd30::is_number_line(l)),
        after(&|l| nd30::date_part(l).is_some()),
        after(&|l| l.starts_with(&letter_subject)),
        // A named kind's title, and its trích yếu when the kind has one.
        lines
            .iter()
            .enumerate()
            .find_map(|(t, l)| nd30::title_kind(l).map(|kind| t + 1 + usize::from(kind.subject))),
        after(&|l| l.starts_with(nd30::RECIPIENTS_LABEL)),
        recipients_end,
    ]
    .into_iter()
    .flatten()
    .max()
    .unwrap_or(0);
    let end = lines
        .iter()
        .position(|l| l.trim() == nd30::DISTRIBUTION_LABEL)
        .unwrap_or(lines.len());
    let paragraphs: Vec<(usize, &Layout)> = (header_end..end.max(header_end))
        .filter(|&i| !lines[i].trim().is_empty())
        .filter_map(|i| evidence.layouts[i].as_ref().map(|layout| (i, layout)))
        .filter(|(_, layout)| layout.alignment != "center")
        .collect();
    let single = crate::fonts::line_metrics().single();
    // One finding per property: alignment, indent, look, gap, line spacing.
    let mut seen = [false; 5];
    let mut report = |kind: usize, verdict: Option<Verdict>, out: &mut Vec<Verdict>| {
        if let (false, Some(v)) = (seen[kind], verdict) {
            seen[kind] = true;
            out.push(v);
        }
    };
    let mut out = Vec::new();
    for (k, &(i, layout)) in paragraphs.iter().enumerate() {
        let line = lines[i].as_str();
        let look = evidence.looks.get(i).copied().flatten();
        let size = look.and_then(|l| l.size_pt);
        report(
            0,
            nd30::judge_body_alignment(line, &layout.alignment),
            &mut out,
        );
        report(
            1,
            nd30::judge_body_indent(line, layout.first_line_mm),
            &mut out,
        );
        if let Some(look) = look {
            report(
                2,
                nd30::judge_look(
                    nd30::BODY,
                    line,
                    look.size_pt,
                    look.bold,
                    look.italic,
                    nd30::BODY_LOOK,
                ),
                &mut out,
            );
        }
        if let Some(&(_, next)) = paragraphs.get(k + 1) {
            report(
                3,
                nd30::judge_paragraph_gap(line, layout.after_pt + next.before_pt),
                &mut out,
            );
        }
        let lines_of_single = match (layout.line, size) {
            (LineSpacing::Multiple(m), _) => Some(m),
            (LineSpacing::Exactly(pt) | LineSpacing::AtLeast(pt), Some(size)) => {
                Some(pt / (single * size))
            }
            _ => None,
        };
        report(
            4,
            lines_of_single.and_then(|m| nd30::judge_line_spacing(line, m)),
            &mut out,
        );
    }
    out
}

/// The header's lines in their table columns (DOCX): the agency's name and the Số line in the left
/// column, the Quốc hiệu, the Tiêu ngữ and the date line in the right one.
fn header_columns(evidence: &Evidence) -> Vec<Verdict> {
    let (lines, columns) = (&evidence.lines, &evidence.columns);
    if columns.len() != lines.len() {
        return Vec::new();
    }
    let Some(national) = lines.iter().position(|l| nd30::is_national_name(l)) else {
        return Vec::new();
    };
    let agency = (0..national).rev().find(|&i| is_capitals(lines[i].trim()));
    let (left, right) = (agency.and_then(|a| columns[a]), columns[national]);
    let column = |i: usize| match (columns[i], left, right) {
        (Some(c), Some(l), Some(r)) if l < r && c == l => Some(nd30::Column::Left),
        (Some(c), Some(l), Some(r)) if l < r && c == r => Some(nd30::Column::Right),
        _ => None,
    };
    let find = |test: &dyn Fn(&str) -> bool| lines.iter().position(|l| test(l));
    let header_lines = [
        (
            Some(national),
            nd30::NATIONAL_NAME_LINE,
            nd30::Column::Right,
        ),
        (agency, nd30::AGENCY, nd30::Column::Left),
        (
            find(&|l| nd30::is_motto(l)),
            nd30::MOTTO_LINE,
            nd30::Column::Right,
        ),
        (
            find(&|l| nd30::is_number_line(l)),
            nd30::NUMBER_LINE,
            nd30::Column::Left,
        ),
        (
            find(&|l| nd30::date_part(l).is_some()),
            nd30::DATE_LINE,
            nd30::Column::Right,
        ),
    ];
    let two_columns = matches!((left, right), (Some(l), Some(r)) if l < r);
    header_lines
        .into_iter()
        // Without two columns, the Quốc hiệu alone says so.
        .take(if two_columns { 5 } else { 1 })
        .filter_map(|(at, rule, expected)| {
            let at = at?;
            nd30::judge_column(rule, &lines[at], column(at), expected)
        })
        .collect()
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

/// The agency's lines: the capitalised lines just above the Quốc hiệu (a DOCX header table is read
/// left cell first). The last is the agency's own name; any above it, the parent authority or the
/// name wrapped.
fn agency(evidence: &Evidence, national_name: usize) -> Option<Verdict> {
    let lines = &evidence.lines;
    let end = (0..national_name)
        .rev()
        .find(|&i| !lines[i].trim().is_empty())?
        + 1;
    let start = (0..end)
        .rev()
        .take_while(|&i| is_capitals(&lines[i]))
        .last()?;
    first_look(evidence, start..end, nd30::AGENCY, |i| {
        if i + 1 == end {
            nd30::AGENCY_LOOK
        } else {
            nd30::HEADER_LINE_LOOK
        }
    })
}

/// The trích yếu: the line after a named kind's title, for the kinds that have one, unless it is a
/// `(Kèm theo …)` line.
fn subject(evidence: &Evidence, title: usize) -> Option<Verdict> {
    let lines = &evidence.lines;
    if !nd30::title_kind(&lines[title])?.subject {
        return None;
    }
    let next = (title + 1..lines.len()).find(|&i| !lines[i].trim().is_empty())?;
    if lines[next].trim_start().starts_with('(') {
        return None;
    }
    look(evidence, next, nd30::SUBJECT, nd30::SUBJECT_LOOK)
}

/// The `- …` items after the line reading exactly `label`, if there is one, and the index of the line
/// after them. A line that does not start with a dash continues the item before it while that item
/// has not ended with `;` or `.` (a PDF breaks long items over lines).
fn items_after(lines: &[String], label: &str) -> Option<(Vec<String>, usize)> {
    let at = lines.iter().position(|l| l.trim() == label)?;
    let mut items: Vec<String> = Vec::new();
    let mut next = at + 1;
    for line in lines[at + 1..].iter().map(|l| l.trim()) {
        let open = items.last().is_some_and(|item| {
            !item.ends_with(nd30::ITEM_END) && !item.ends_with(nd30::LAST_ITEM_END)
        });
        match items.last_mut() {
            _ if line.starts_with(nd30::LIST_DASH) => items.push(line.to_string()),
            Some(item) if open && !line.is_empty() => {
                item.push(' ');
                item.push_str(line);
            }
            None if line.is_empty() => {}
            _ => break,
        }
        next += 1;
    }
    Some((items, next))
}

/// The lines from `from` to `to` that start a `- …` item.
fn item_lines(lines: &[String], from: usize, to: usize) -> impl Iterator<Item = usize> + '_ {
    (from..to).filter(|&i| lines[i].trim_start().starts_with(nd30::LIST_DASH))
}

fn distribution(evidence: &Evidence) -> Vec<Verdict> {
    let lines = &evidence.lines;
    let Some((items, next)) = items_after(lines, nd30::DISTRIBUTION_LABEL) else {
        return Vec::new();
    };
    let items: Vec<&str> = items.iter().map(String::as_str).collect();
    let mut verdicts: Vec<Verdict> = nd30::judge_distribution(&items).into_iter().collect();
    if verdicts.is_empty() {
        verdicts.extend(nd30::judge_list(nd30::ARCHIVE_LINE, &items));
    }
    let label = lines
        .iter()
        .position(|l| l.trim() == nd30::DISTRIBUTION_LABEL)
        .unwrap_or_default();
    verdicts.extend(first_look(
        evidence,
        item_lines(lines, label + 1, next),
        nd30::ARCHIVE_LINE,
        |_| nd30::DISTRIBUTION_ITEM_LOOK,
    ));
    verdicts.extend(signature(evidence, next));
    let content: Vec<&str> = lines[..label].iter().map(String::as_str).collect();
    verdicts.extend(nd30::judge_content_end(&content));
    verdicts
}

/// The signature block from line `from` (after the Nơi nhận list): position lines in capitals, then
/// the signer's name.
fn signature(evidence: &Evidence, from: usize) -> Vec<Verdict> {
    let lines = &evidence.lines;
    // The drafter's line, and the bracketed placeholder where the signature goes (over one line or
    // more), are neither.
    let mut in_brackets = false;
    let mut filled = (from..lines.len()).filter(|&i| {
        let line = lines[i].trim();
        let bracketed = in_brackets || line.starts_with('(');
        in_brackets = bracketed && !line.ends_with(')');
        !line.is_empty() && !nd30::is_drafter_line(line) && !bracketed
    });
    let mut positions = Vec::new();
    let mut name = None;
    for i in filled.by_ref() {
        if is_capitals(lines[i].trim()) {
            positions.push(i);
        } else {
            name = Some(i);
            break;
        }
    }
    let Some(name) = name.filter(|_| !positions.is_empty()) else {
        return Vec::new();
    };
    let texts: Vec<String> = positions
        .iter()
        .map(|&i| lines[i].trim().to_string())
        .collect();
    let mut verdicts = nd30::judge_signature(&texts, lines[name].trim());
    verdicts.extend(first_look(
        evidence,
        positions.into_iter().chain([name]),
        nd30::SIGNATURE,
        |_| nd30::SIGNATURE_LOOK,
    ));
    verdicts
}

fn addressees(evidence: &Evidence) -> Vec<Verdict> {
    let lines = &evidence.lines;
    let Some((items, next)) = items_after(lines, nd30::RECIPIENTS_LABEL) else {
        return match lines
            .iter()
            .position(|l| l.starts_with(nd30::RECIPIENTS_LABEL))
        {
            // One addressee, on the label's line.
            Some(i) => look(evidence, i, nd30::ADDRESSEES, nd30::RECIPIENTS_LOOK)
                .into_iter()
                .collect(),
            None => Vec::new(),
        };
    };
    let items: Vec<&str> = items.iter().map(String::as_str).collect();
    let mut verdicts: Vec<Verdict> = nd30::judge_list(nd30::ADDRESSEES, &items)
        .into_iter()
        .collect();
    let label = lines
        .iter()
        .position(|l| l.trim() == nd30::RECIPIENTS_LABEL)
        .unwrap_or_default();
    verdicts.extend(first_look(
        evidence,
        std::iter::once(label).chain(item_lines(lines, label + 1, next)),
        nd30::ADDRESSEES,
        |_| nd30::RECIPIENTS_LOOK,
    ));
    verdicts
}

/// Annex headings: the `Phụ lục` line, the title under it and the `(Kèm theo …)` line.
fn annexes(evidence: &Evidence) -> Vec<Verdict> {
    let lines = &evidence.lines;
    let labels: Vec<usize> = (0..lines.len())
        .filter(|&i| nd30::is_annex_label(&lines[i]))
        .collect();
    let texts: Vec<&str> = labels.iter().map(|&i| lines[i].as_str()).collect();
    let mut verdicts = nd30::judge_annex_labels(&texts);
    for &at in &labels {
        let near = || (at + 1..lines.len().min(at + 5)).filter(|&i| !lines[i].trim().is_empty());
        let reference = near().find(|&i| lines[i].trim_start().starts_with('('));
        verdicts.extend(reference.and_then(|i| nd30::judge_annex_reference(&lines[i])));
        let title = near().next().filter(|&i| Some(i) != reference);
        let heading = [
            Some((at, nd30::ANNEX_LABEL_LOOK)),
            title.map(|i| (i, nd30::ANNEX_TITLE_LOOK)),
            reference.map(|i| (i, nd30::ANNEX_REFERENCE_LOOK)),
        ];
        verdicts.extend(
            heading
                .into_iter()
                .flatten()
                .find_map(|(i, expected)| look(evidence, i, nd30::ANNEX_HEADING, expected)),
        );
    }
    verdicts
}
