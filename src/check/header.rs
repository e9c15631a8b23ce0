//! The header block: Quốc hiệu, Tiêu ngữ, agency, Số and date lines, title, trích yếu and urgency mark,
//! their words, looks and table columns.

use super::{first_look, is_capitals, look, Evidence, HEADER_LINES};
use crate::nd30::{self, Rule, Verdict};

/// The header's words, looks and columns, and the urgency mark's look.
pub(super) fn findings(evidence: &Evidence) -> Vec<Verdict> {
    let urgency = evidence
        .lines
        .iter()
        .position(|l| nd30::urgency_box_mm(l).is_some());
    let mut verdicts: Vec<Verdict> = urgency
        .and_then(|i| look(evidence, i, nd30::URGENCY_MARK, nd30::URGENCY_LOOK))
        .into_iter()
        .collect();
    verdicts.extend(words_and_looks(evidence));
    verdicts.extend(columns(evidence));
    verdicts.extend(anchored_rules(evidence));
    verdicts.extend(lengths(&evidence.lines));
    verdicts
}

/// The number, ký hiệu, trích yếu and agency name against the lengths the metadata allows.
fn lengths(lines: &[String]) -> Vec<Verdict> {
    let limits = nd30::LIMITS;
    let mut verdicts = Vec::new();
    let number_line = lines.iter().find(|l| nd30::is_number_line(l));
    let numbered = number_line
        .and_then(|l| l.trim().strip_prefix(nd30::NUMBER_LABEL))
        .and_then(|rest| rest.trim().split_once('/'));
    if let Some((number, symbol)) = numbered {
        verdicts.extend(nd30::judge_length(
            "the number",
            number.trim(),
            limits.number_chars,
        ));
        verdicts.extend(nd30::judge_length(
            "the ký hiệu",
            symbol.trim(),
            limits.symbol_chars,
        ));
    }
    let letter_subject = format!("{} ", nd30::SUBJECT_PREFIX);
    let subject = lines
        .iter()
        .find_map(|l| l.strip_prefix(&letter_subject))
        .or_else(|| {
            let title = lines.iter().position(|l| nd30::title_kind(l).is_some())?;
            lines.get(title + 1).map(String::as_str)
        });
    if let Some(subject) = subject {
        verdicts.extend(nd30::judge_length(
            "the trích yếu",
            subject,
            limits.subject_chars,
        ));
    }
    let national = lines.iter().position(|l| nd30::is_national_name(l));
    if let Some(range) = national.and_then(|n| agency_lines(lines, n)) {
        let agency: Vec<&str> = lines[range].iter().map(|l| l.trim()).collect();
        verdicts.extend(nd30::judge_length(
            "the agency's name",
            &agency.join(" "),
            limits.agency_chars,
        ));
    }
    verdicts
}

/// The header's lines: their words and looks.
fn words_and_looks(evidence: &Evidence) -> Vec<Verdict> {
    let lines = &evidence.lines;
    let mut verdicts = Vec::new();
    let missing =
        |rule: Rule, what: &str| Verdict::new(rule, format!("no {what}"), what.to_string());
    match lines.iter().position(|l| nd30::is_national_name(l)) {
        Some(i) => {
            verdicts.extend(nd30::judge_national_name(&lines[i]));
            // On a line set with tabs the look measured is the agency's as much as the Quốc hiệu's.
            if nd30::before_national_name(&lines[i]).is_empty() {
                verdicts.extend(look(
                    evidence,
                    i,
                    nd30::NATIONAL_NAME_LINE,
                    nd30::NATIONAL_NAME_LOOK,
                ));
            }
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
    let number_line = lines
        .iter()
        .take(HEADER_LINES)
        .position(|l| nd30::is_number_line(l));
    if let Some(i) = number_line {
        let line = &lines[i];
        verdicts.extend(nd30::judge_number_line(line));
        verdicts.extend(look(evidence, i, nd30::NUMBER_LINE, nd30::NUMBER_LOOK));
        let title_at = lines.iter().position(|l| nd30::title_kind(l).is_some());
        let title = title_at.map(|t| lines[t].as_str());
        if let Some(t) = title_at {
            verdicts.extend(look(evidence, t, nd30::TITLE, nd30::TITLE_LOOK));
            verdicts.extend(subject(evidence, t));
        } else if let Some(t) = other_title(lines) {
            // A title the Decree does not name (`GIẤY PHÉP …`, `PHIẾU TRÌNH`) is set as a title all
            // the same.
            verdicts.extend(look(evidence, t, nd30::TITLE, nd30::TITLE_LOOK));
        }
        if let Some(symbol) = nd30::symbol_of(line) {
            verdicts.extend(nd30::judge_kind(title, symbol));
            let letter_subject = format!("{} ", nd30::SUBJECT_PREFIX);
            let has_subject = lines
                .iter()
                .take(HEADER_LINES)
                .any(|l| l.trim_start().starts_with(&letter_subject));
            if title.is_none() && other_title(lines).is_none() {
                verdicts.extend(nd30::judge_letter_subject(symbol, has_subject));
            }
        }
    } else if numbered_kind(lines) {
        verdicts.push(missing(nd30::NUMBER_LINE, nd30::NUMBER_LABEL));
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

/// A title in capitals under the header that names none of the Decree's kinds (`PHIẾU TRÌNH`, an
/// office's own form, `GIẤY PHÉP …`), if there is one: such a paper is not a công văn and takes no
/// `V/v` line.
fn other_title(lines: &[String]) -> Option<usize> {
    let header = lines.iter().take(HEADER_LINES);
    let end = header
        .enumerate()
        .filter(|(_, l)| {
            nd30::is_number_line(l)
                || nd30::date_part(l).is_some()
                || nd30::date_left_blank(l)
                || nd30::is_national_name(l)
                || nd30::is_motto(l)
        })
        .map(|(i, _)| i + 1)
        .max()
        .unwrap_or(0);
    (end..lines.len())
        .filter(|&i| !lines[i].trim().is_empty())
        .take(TITLE_REACH)
        .find(|&i| {
            let line = &lines[i];
            is_capitals(line) && line.split_whitespace().count() >= 2 && !nd30::is_header_mark(line)
        })
}

/// Lines under the header a title is looked for in.
const TITLE_REACH: usize = 3;

/// Whether the document is of a kind the Decree numbers: it has a named kind's title and is not
/// issued with a decision (a quy chế under `(Kèm theo Quyết định số …)` takes the decision's number).
fn numbered_kind(lines: &[String]) -> bool {
    let header = || lines.iter().take(HEADER_LINES);
    let titled = header().any(|l| nd30::title_kind(l).is_some());
    let issued_with = header().any(|l| {
        l.trim_start()
            .starts_with(&format!("({}", nd30::ANNEX_REFERENCE))
    });
    titled && !issued_with
}

/// The header's lines in their table columns (DOCX): the agency's name and the Số line in the left
/// column, the Quốc hiệu, the Tiêu ngữ and the date line in the right one.
fn columns(evidence: &Evidence) -> Vec<Verdict> {
    let (lines, columns) = (&evidence.lines, &evidence.columns);
    if columns.len() != lines.len() {
        return Vec::new();
    }
    let Some(national) = lines.iter().position(|l| nd30::is_national_name(l)) else {
        return Vec::new();
    };
    if !nd30::before_national_name(&lines[national]).is_empty() {
        return Vec::new(); // a header set with tabs: its columns are the tabs'
    }
    let agency = agency_lines(lines, national).map(|range| range.end - 1);
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

/// The agency's lines: the first capitalised lines of the header, above the Quốc hiệu in reading
/// order (a DOCX header table is read left cell first, and that cell may go on with the Số and V/v
/// lines). The last is the agency's own name; any above it, the parent authority or the name wrapped.
/// A short mark in capitals (`MẬT`, `DỰ THẢO`) before them is not the agency.
pub(super) fn agency_lines(
    lines: &[String],
    national_name: usize,
) -> Option<std::ops::Range<usize>> {
    let start = (0..national_name).find(|&i| {
        let line = lines[i].trim();
        is_capitals(line)
            && !nd30::is_header_mark(line)
            && !nd30::is_number_line(line)
            && has_word(line)
    })?;
    let end = (start..national_name)
        .find(|&i| !is_capitals(&lines[i]) || !has_word(&lines[i]))
        .unwrap_or(national_name);
    Some(start..end)
}

/// Whether a line has a word of letters alone, as a name has (a form's code, `BM01/VPUB-QT 7.0`,
/// has none).
fn has_word(line: &str) -> bool {
    line.split_whitespace()
        .any(|w| w.chars().count() >= 2 && w.chars().all(char::is_alphabetic))
}

/// The agency's lines' looks: the last bold, all 12–13 pt.
fn agency(evidence: &Evidence, national_name: usize) -> Option<Verdict> {
    let lines = agency_lines(&evidence.lines, national_name)?;
    let last = lines.end - 1;
    first_look(evidence, lines, nd30::AGENCY, |i| {
        if i == last {
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

/// Paragraphs after a line in which the rule under it may be anchored.
const RULE_REACH: usize = 2;
/// The text area's width when the document declares none, mm.
const TEXT_WIDTH_MM: f32 = 160.0;

/// The lines drawn as shapes under the agency's name and a named kind's trích yếu (DOCX): a third to a
/// half of the line above. A rule anchored in the line's paragraph or one of the next two is taken
/// for it; where there is none, nothing is said (a border or a typed rule may stand there).
fn anchored_rules(evidence: &Evidence) -> Vec<Verdict> {
    let lines = &evidence.lines;
    if evidence.anchored_rules.is_empty() {
        return Vec::new();
    }
    let rule_from = |at: usize| {
        evidence
            .anchored_rules
            .iter()
            .find(|(p, _)| (at..=at + RULE_REACH).contains(p))
            .map(|&(_, length)| (length, 0.0))
    };
    let width_mm = |i: usize| {
        let look = evidence.looks.get(i).copied().flatten();
        let size = look.and_then(|l| l.size_pt).unwrap_or(13.0);
        let bold = look.is_some_and(|l| l.bold);
        crate::fonts::width_pt(lines[i].trim(), size, bold) * 25.4 / 72.0
    };
    let text_width = evidence
        .sections
        .first()
        .and_then(|s| s.margins_mm.map(|m| s.width_mm - m[2] - m[3]))
        .unwrap_or(TEXT_WIDTH_MM);
    let limits = nd30::LIMITS;
    let judge = |rule, at: usize, text_mm: f32| {
        nd30::judge_underline(
            rule,
            &lines[at],
            text_mm,
            rule_from(at),
            limits.agency_rule_ratio,
            limits.rule_ratio_tolerance,
        )
        .filter(|_| rule_from(at).is_some())
    };
    let mut verdicts = Vec::new();
    let national = lines.iter().position(|l| nd30::is_national_name(l));
    if let Some(range) = national.and_then(|n| agency_lines(lines, n)) {
        let last = range.end - 1;
        let widest = range.clone().map(width_mm).fold(0.0, f32::max);
        verdicts.extend(
            judge(nd30::AGENCY, last, width_mm(last))
                .filter(|_| judge(nd30::AGENCY, last, widest).is_some()),
        );
    }
    let title = lines
        .iter()
        .position(|l| nd30::title_kind(l).is_some_and(|kind| kind.subject));
    if let Some(subject) = title.map(|t| t + 1).filter(|&s| s < lines.len()) {
        if !lines[subject].trim().is_empty() && !lines[subject].trim_start().starts_with('(') {
            verdicts.extend(judge(
                nd30::SUBJECT,
                subject,
                width_mm(subject).min(text_width),
            ));
        }
    }
    verdicts
}
