//! Judgements that need to know where lines and rules sit on the page (PDF): text inside the margins,
//! page numbers, the header's columns and alignment, the rules under its lines, the contact lines,
//! the urgency mark's box, and the text's colour.

use super::{Drawn, Evidence, Placed, Section, MM_PER_POINT};
use crate::nd30::{self, Verdict, LIMITS};

/// Height of capitals above the baseline, in em, for a Times face.
const CAP_HEIGHT_EM: f32 = 0.66;
/// Depth of descenders below the baseline, in em, for a Times face.
const DESCENT_EM: f32 = 0.22;

/// How far below the top margin's edge the first line of a page may stand and be its page number, mm.
const PAGE_NUMBER_REACH_MM: f32 = 5.0;
/// How far below a title the rule under its trích yếu may lie, mm: a trích yếu of a few lines.
const SUBJECT_RULE_REACH_MM: f32 = 32.0;
/// How far that rule's centre may lie from the title's to be taken for it, mm.
const SUBJECT_RULE_ALIGN_MM: f32 = 5.0;

/// The middle of a line, from the page's left edge, mm.
fn centre(line: &Placed) -> f32 {
    (line.x0_mm + line.x1_mm) / 2.0
}

/// The header column a line stands in on a page `width_mm` wide: the page's halves.
fn side(line: &Placed, width_mm: f32) -> nd30::Column {
    if centre(line) > width_mm / 2.0 {
        nd30::Column::Right
    } else {
        nd30::Column::Left
    }
}

/// Every judgement the placed lines allow.
pub(super) fn findings(evidence: &Evidence) -> Vec<Verdict> {
    if evidence.placed.len() != evidence.sections.len() {
        return Vec::new(); // a page without a size: nothing can be placed on it
    }
    let pages = evidence.placed.iter().zip(&evidence.sections);
    let mut verdicts = Vec::new();
    let mut part_start = 1;
    let mut misnumbered = None;
    for (index, (lines, section)) in pages.enumerate() {
        let page = index as u32 + 1;
        let body = || {
            lines
                .iter()
                .filter(|l| page_number(l, lines, section).is_none())
        };
        if body().next().is_some_and(|l| nd30::is_annex_label(&l.text)) {
            part_start = page;
        }
        verdicts.extend(margins(body(), section, page));
        // A part numbered wrongly is told once, at its first page that is.
        let numbered = numbering(lines, section, page, part_start);
        if misnumbered != Some(part_start) {
            if numbered
                .as_ref()
                .is_some_and(|v| v.found.contains(" numbered "))
            {
                misnumbered = Some(part_start);
            }
            verdicts.extend(numbered);
        }
        verdicts.extend(number_size(lines, section));
        let drawn = evidence.drawn.get(index).map_or(&[][..], Vec::as_slice);
        verdicts.extend(contact_lines(body(), drawn, section, page));
    }
    let coloured = evidence.placed.iter().flatten().find_map(|l| {
        l.colour
            .as_deref()
            .and_then(|colour| nd30::judge_colour(&l.text, colour))
    });
    verdicts.extend(coloured);
    if let (Some(first), Some(section)) = (evidence.placed.first(), evidence.sections.first()) {
        verdicts.extend(header(first, section.width_mm));
        let drawn = evidence.drawn.first().map_or(&[][..], Vec::as_slice);
        verdicts.extend(underlines(first, drawn, section.width_mm));
        verdicts.extend(urgency(first, drawn, section.width_mm));
    }
    verdicts
}

/// The rule drawn under a block of lines whose last baseline is `baseline_mm` and whose centre is
/// `centre_mm`: the nearest below it, centred near it. Its length and its centre's offset.
fn rule_under(drawn: &[Drawn], baseline_mm: f32, centre_mm: f32) -> Option<(f32, f32)> {
    drawn
        .iter()
        .filter(|d| d.y_mm > baseline_mm && d.y_mm <= baseline_mm + LIMITS.rule_below_mm)
        .filter(|d| (d.x0_mm..=d.x1_mm).contains(&centre_mm))
        .min_by(|a, b| a.y_mm.total_cmp(&b.y_mm))
        .map(|d| (d.x1_mm - d.x0_mm, (d.x0_mm + d.x1_mm) / 2.0 - centre_mm))
}

/// The rules under the Tiêu ngữ (as long as it), the agency's name and a named kind's trích yếu (a
/// third to a half of the line).
fn underlines(lines: &[Placed], drawn: &[Drawn], width_mm: f32) -> Vec<Verdict> {
    let mut verdicts: Vec<Verdict> = motto_rule(lines, drawn).into_iter().collect();
    verdicts.extend(agency_rule(lines, drawn, width_mm));
    verdicts.extend(subject_rule(lines, drawn));
    verdicts
}

/// The length of a line, mm.
fn width(line: &Placed) -> f32 {
    line.x1_mm - line.x0_mm
}

/// The rule under the Tiêu ngữ: as long as it.
fn motto_rule(lines: &[Placed], drawn: &[Drawn]) -> Option<Verdict> {
    let motto = lines.iter().find(|l| nd30::is_motto(&l.text))?;
    nd30::judge_underline(
        nd30::MOTTO_RULE,
        &motto.text,
        width(motto),
        rule_under(drawn, motto.baseline_mm, centre(motto)),
        nd30::Range::new(1.0, 1.0),
        LIMITS.motto_rule_tolerance,
    )
}

/// The rule under the agency's name (the lines in the left half, from the Quốc hiệu's row to the Số
/// line): a third to a half of its last line, or of its widest.
fn agency_rule(lines: &[Placed], drawn: &[Drawn], width_mm: f32) -> Option<Verdict> {
    let find = |test: fn(&str) -> bool| lines.iter().find(|l| test(&l.text));
    let (national, number) = (find(nd30::is_national_name)?, find(nd30::is_number_line)?);
    let top = national.baseline_mm - LIMITS.rule_below_mm;
    let agency: Vec<&Placed> = lines
        .iter()
        .filter(|l| side(l, width_mm) == nd30::Column::Left)
        .filter(|l| l.baseline_mm >= top && l.baseline_mm < number.baseline_mm)
        .filter(|l| {
            let t = l.text.as_str();
            !(nd30::is_number_line(t) || nd30::is_national_name(t) || nd30::is_motto(t))
        })
        .collect();
    let last = agency
        .iter()
        .max_by(|a, b| a.baseline_mm.total_cmp(&b.baseline_mm))?;
    let widest = agency.iter().map(|l| width(l)).fold(0.0, f32::max);
    let drawn = rule_under(drawn, last.baseline_mm, centre(last));
    let judge = |text_mm| {
        nd30::judge_underline(
            nd30::AGENCY,
            &last.text,
            text_mm,
            drawn,
            LIMITS.agency_rule_ratio,
            LIMITS.rule_ratio_tolerance,
        )
    };
    judge(width(last)).filter(|_| judge(widest).is_some())
}

/// The rule under a named kind's trích yếu (the lines between its title and the first rule under
/// them): a third to a half of its widest line.
fn subject_rule(lines: &[Placed], drawn: &[Drawn]) -> Option<Verdict> {
    let title = lines
        .iter()
        .position(|l| nd30::title_kind(&l.text).is_some_and(|kind| kind.subject))?;
    let (below, middle) = (lines[title].baseline_mm, centre(&lines[title]));
    let rule = drawn
        .iter()
        .filter(|d| d.y_mm > below && d.y_mm <= below + SUBJECT_RULE_REACH_MM)
        .filter(|d| ((d.x0_mm + d.x1_mm) / 2.0 - middle).abs() <= SUBJECT_RULE_ALIGN_MM)
        .min_by(|a, b| a.y_mm.total_cmp(&b.y_mm));
    let limit = rule.map_or(below + LIMITS.rule_below_mm, |r| r.y_mm);
    let subject: Vec<&Placed> = lines[title + 1..]
        .iter()
        .take_while(|l| l.baseline_mm < limit)
        .filter(|l| !l.text.starts_with('('))
        .collect();
    let last = subject.last()?;
    let widest = subject.iter().map(|l| width(l)).fold(0.0, f32::max);
    nd30::judge_underline(
        nd30::SUBJECT,
        &last.text,
        widest,
        rule.map(|r| (r.x1_mm - r.x0_mm, (r.x0_mm + r.x1_mm) / 2.0 - middle)),
        LIMITS.agency_rule_ratio,
        LIMITS.rule_ratio_tolerance,
    )
}

/// The contact lines in the bottom margin: on page 1 only, 11–12 pt, under a rule across the text
/// width.
fn contact_lines<'a>(
    lines: impl Iterator<Item = &'a Placed>,
    drawn: &[Drawn],
    section: &Section,
    page: u32,
) -> Vec<Verdict> {
    // Footnotes, a table's last rows and body text that runs low also reach the bottom margin: only
    // lines that give an address, a telephone, an e-mail are contact lines.
    let footer: Vec<&Placed> = lines
        .filter(|l| l.baseline_mm > section.height_mm - LIMITS.margin_bottom_mm.min)
        .filter(|l| nd30::is_contact_line(&l.text))
        .collect();
    let Some(first) = footer.first() else {
        return Vec::new();
    };
    if page > 1 {
        return vec![nd30::contact_lines_repeated(&first.text, Some(page))];
    }
    let mut verdicts: Vec<Verdict> = footer
        .iter()
        .find_map(|l| {
            nd30::judge_look(
                nd30::CONTACT_LINES,
                &l.text,
                Some(l.size_pt.round()),
                false,
                false,
                nd30::CONTACT_LOOK,
            )
        })
        .into_iter()
        .collect();
    let cap = CAP_HEIGHT_EM * first.size_pt * MM_PER_POINT;
    let least = section.width_mm - LIMITS.margin_left_mm.max - LIMITS.margin_right_mm.max;
    let ruled = drawn.iter().any(|d| {
        d.y_mm < first.baseline_mm - cap
            && d.y_mm >= first.baseline_mm - LIMITS.rule_below_mm - cap
            && d.x1_mm - d.x0_mm >= least
    });
    if !ruled {
        verdicts.push(Verdict::new(
            nd30::CONTACT_LINES,
            format!("no rule across the text width above “{}”", first.text),
            format!("a rule at least {least:.0} mm long above the contact lines"),
        ));
    }
    verdicts
}

/// The urgency mark: in the left column, in a box (a rule above it and one below, both spanning it).
fn urgency(lines: &[Placed], drawn: &[Drawn], width_mm: f32) -> Vec<Verdict> {
    let Some(mark) = lines
        .iter()
        .find(|l| nd30::urgency_box_mm(&l.text).is_some())
    else {
        return Vec::new();
    };
    let mut verdicts: Vec<Verdict> = nd30::judge_column(
        nd30::URGENCY_MARK,
        &mark.text,
        Some(side(mark, width_mm)),
        nd30::Column::Left,
    )
    .into_iter()
    .collect();
    let spans = |d: &&Drawn| d.x0_mm <= mark.x0_mm && d.x1_mm >= mark.x1_mm;
    let height = nd30::URGENCY_BOX_HEIGHT_MM;
    let above = drawn
        .iter()
        .filter(spans)
        .any(|d| d.y_mm < mark.baseline_mm && d.y_mm >= mark.baseline_mm - height);
    let below = drawn
        .iter()
        .filter(spans)
        .any(|d| d.y_mm > mark.baseline_mm && d.y_mm <= mark.baseline_mm + height);
    if !(above && below) {
        verdicts.push(Verdict::new(
            nd30::URGENCY_MARK,
            format!("{} (not in a box)", mark.text),
            format!("in a box of about {height:.0} mm high"),
        ));
    }
    verdicts
}

/// The number a line holds when it is a page number: alone on its baseline (a table's cell has
/// neighbours), in the bottom margin, or in the top margin, or the first line of the page a little
/// below the top margin's edge.
fn page_number(line: &Placed, lines: &[Placed], section: &Section) -> Option<u32> {
    let number = nd30::page_number_text(&line.text)?;
    let alone = !lines
        .iter()
        .any(|l| !std::ptr::eq(l, line) && (l.baseline_mm - line.baseline_mm).abs() < 2.0);
    let topmost = lines.iter().all(|l| l.baseline_mm >= line.baseline_mm);
    let at_top = line.baseline_mm < LIMITS.margin_top_mm.min
        || (topmost && line.baseline_mm < LIMITS.margin_top_mm.max + PAGE_NUMBER_REACH_MM);
    let at_foot = line.baseline_mm > section.height_mm - LIMITS.margin_bottom_mm.min;
    (alone && (at_top || at_foot)).then_some(number)
}

/// Whether a page number is at the head of its page (else at its foot).
fn at_head(line: &Placed, section: &Section) -> bool {
    line.baseline_mm < section.height_mm / 2.0
}

/// Text too near an edge of a portrait page. The bottom edge is judged on lines larger than the
/// contact footer, which sits in the margin of page 1; the top edge on lines other than an electronic
/// copy's information line.
fn margins<'a>(
    lines: impl Iterator<Item = &'a Placed> + Clone,
    section: &Section,
    page: u32,
) -> Vec<Verdict> {
    if section.width_mm > section.height_mm {
        return Vec::new(); // a landscape annex page: its margins turn with it
    }
    let em_mm = |l: &Placed| l.size_pt * MM_PER_POINT;
    let least = |values: &mut dyn Iterator<Item = f32>| values.fold(f32::INFINITY, f32::min);
    let left = least(&mut lines.clone().map(|l| l.x0_mm));
    let right = least(&mut lines.clone().map(|l| section.width_mm - l.x1_mm));
    // A copy's information line, which its organisation's signature adds, stands in the top margin.
    let top = least(
        &mut lines
            .clone()
            .filter(|l| !nd30::is_info_line(&l.text))
            .map(|l| l.baseline_mm - CAP_HEIGHT_EM * em_mm(l)),
    );
    let bottom = least(
        &mut lines
            .filter(|l| l.size_pt > LIMITS.footer_pt.max)
            .map(|l| section.height_mm - l.baseline_mm - DESCENT_EM * em_mm(l)),
    );
    let l = LIMITS;
    [
        ("top", top, l.margin_top_mm),
        ("bottom", bottom, l.margin_bottom_mm),
        ("left", left, l.margin_left_mm),
        ("right", right, l.margin_right_mm),
    ]
    .into_iter()
    .filter(|(_, reach, _)| reach.is_finite())
    .filter_map(|(side, reach, range)| nd30::judge_margin_reach(side, reach, range, page))
    .collect()
}

/// The page number of `page`, in a part (the document, or an annex) that starts at `part_start`:
/// none on a part's first page, then its own page count, centred in the top margin.
fn numbering(lines: &[Placed], section: &Section, page: u32, part_start: u32) -> Option<Verdict> {
    let numbers: Vec<(&Placed, u32)> = lines
        .iter()
        .filter_map(|l| page_number(l, lines, section).map(|n| (l, n)))
        .collect();
    let at_top = numbers.iter().find(|(l, _)| at_head(l, section));
    let expected = page - part_start + 1;
    let in_annex = part_start > 1;
    let verdict = |found: String, fix: &str| {
        let rule = if in_annex {
            nd30::ANNEX_PAGES
        } else {
            nd30::PAGE_NUMBER
        };
        Some(Verdict::new(rule, found, fix.to_string()))
    };
    if expected == 1 {
        return match (numbers.first(), in_annex) {
            (None, _) => None,
            (Some(_), false) => verdict(
                format!("a page number on page {page}"),
                "number pages from 2 (a different first-page header)",
            ),
            (Some(_), true) => Some(Verdict::new(
                nd30::ANNEX_PAGES.warning(),
                format!("a page number on the annex's first page ({page})"),
                "show no number on an annex's first page".to_string(),
            )),
        };
    }
    let Some(&(line, number)) = at_top else {
        return match numbers.first() {
            Some(_) => verdict(
                format!("the page number at the foot of page {page}"),
                "centre it in the top margin",
            ),
            None => verdict(
                format!("no page number on page {page}"),
                "number every page from 2, centred in the top margin",
            ),
        };
    };
    if number != expected {
        let fix = if in_annex {
            format!("{expected}: each annex is numbered from 1")
        } else {
            expected.to_string()
        };
        return verdict(format!("page {page} numbered {number}"), &fix);
    }
    let centre = (line.x0_mm + line.x1_mm) / 2.0;
    let area = nd30::text_centre_mm(section.width_mm);
    let off = if centre < area.min {
        centre - area.min
    } else if centre > area.max {
        centre - area.max
    } else {
        0.0
    };
    nd30::judge_offset(
        nd30::PAGE_NUMBER,
        &format!("page number {number}"),
        off,
        LIMITS.page_number_offset_mm,
        "the centre of the text area",
    )
}

/// The size of a page's number, wherever it stands: 13–14 pt, like the text (on paper other than
/// A4, as set before the page was scaled to it).
fn number_size(lines: &[Placed], section: &Section) -> Option<Verdict> {
    let scale = nd30::a4_scale(section.width_mm, section.height_mm)?;
    let (line, number) = lines
        .iter()
        .find_map(|l| page_number(l, lines, section).map(|n| (l, n)))?;
    // Out of the range however the page was printed.
    let readings = nd30::size_readings(line.size_pt, scale);
    let size = readings[1];
    (!readings.iter().any(|&s| LIMITS.main_text_pt.contains(s))).then(|| {
        Verdict::new(
            nd30::PAGE_NUMBER,
            format!("page number {number} at {size:.0} pt"),
            format!(
                "{:.0}–{:.0} pt",
                LIMITS.main_text_pt.min, LIMITS.main_text_pt.max
            ),
        )
    })
}

/// The header's lines in the halves of a page `width_mm` wide; the Tiêu ngữ centred under the Quốc
/// hiệu; the date line on the Số line's baseline, centred under the Quốc hiệu.
fn header(lines: &[Placed], width_mm: f32) -> Vec<Verdict> {
    let find = |test: fn(&str) -> bool| lines.iter().find(|l| test(&l.text));
    let is_date = |text: &str| nd30::date_part(text).is_some();
    let Some(national) = find(nd30::is_national_name) else {
        return Vec::new();
    };
    let reference = "the Quốc hiệu's centre";
    let mut verdicts = Vec::new();
    let sides = [
        (
            Some(national),
            nd30::NATIONAL_NAME_LINE,
            nd30::Column::Right,
        ),
        (find(nd30::is_motto), nd30::MOTTO_LINE, nd30::Column::Right),
        (
            find(nd30::is_number_line),
            nd30::NUMBER_LINE,
            nd30::Column::Left,
        ),
        (find(is_date), nd30::DATE_LINE, nd30::Column::Right),
    ];
    for (line, rule, expected) in sides {
        if let Some(line) = line {
            verdicts.extend(nd30::judge_column(
                rule,
                &line.text,
                Some(side(line, width_mm)),
                expected,
            ));
        }
    }
    if let Some(motto) = find(nd30::is_motto) {
        verdicts.extend(nd30::judge_offset(
            nd30::MOTTO_LINE,
            &motto.text,
            centre(motto) - centre(national),
            LIMITS.motto_offset_mm,
            reference,
        ));
    }
    if let Some(date) = find(is_date) {
        verdicts.extend(nd30::judge_offset(
            nd30::DATE_LINE,
            &date.text,
            centre(date) - centre(national),
            LIMITS.date_offset_mm,
            reference,
        ));
        if let Some(number) = find(nd30::is_number_line) {
            verdicts.extend(nd30::judge_offset(
                nd30::DATE_LINE,
                &date.text,
                date.baseline_mm - number.baseline_mm,
                LIMITS.date_baseline_mm,
                "the Số line's baseline",
            ));
        }
    }
    verdicts
}
