//! The page: paper, declared margins, and where a DOCX shows its page numbers and contact lines.

use super::Evidence;
use crate::nd30::{self, Verdict};

/// Paper and margins of each section, and where a DOCX puts its page numbers and contact lines.
pub(super) fn findings(evidence: &Evidence) -> Vec<Verdict> {
    let mut verdicts = sections(evidence);
    if evidence.number_on_first_page {
        verdicts.push(Verdict::new(
            nd30::PAGE_NUMBER,
            "a page number on page 1",
            "number pages from 2 (a different first-page header)",
        ));
    }
    match evidence.saved_pages {
        // Two pages as Word counted them may be one and a blank page after a closing table: a
        // warning; more cannot.
        Some(pages) if pages > 1 && !evidence.numbered => {
            let rule = if pages == 2 {
                nd30::PAGE_NUMBER.warning()
            } else {
                nd30::PAGE_NUMBER
            };
            verdicts.push(Verdict::new(
                rule,
                format!("no page numbers on {pages} pages"),
                "number every page from 2, centred in the top margin (a PAGE field in the header)",
            ));
        }
        _ => {}
    }
    // On a document of one page the footer's number never prints.
    if evidence.number_in_footer && evidence.saved_pages != Some(1) {
        verdicts.push(Verdict::new(
            nd30::PAGE_NUMBER,
            "the page number in the footer",
            "centre it in the top margin (a PAGE field in the header)",
        ));
    }
    // Contact lines belong to page 1 only; a page number in the footer is judged above, and a
    // form's control line (`Lần ban hành: 04`) is not a contact line.
    let contact = evidence
        .later_footer
        .iter()
        .find(|l| nd30::is_contact_line(l));
    verdicts.extend(contact.map(|line| nd30::contact_lines_repeated(line, None)));
    verdicts
}

/// Paper size and, on portrait pages, the margins each section declares.
fn sections(evidence: &Evidence) -> Vec<Verdict> {
    let (limits, mut verdicts) = (nd30::LIMITS, Vec::new());
    // A PDF's sections are its pages.
    let unit = if evidence.pages.is_empty() {
        "section"
    } else {
        "page"
    };
    for (n, s) in evidence.sections.iter().enumerate() {
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
            if s.has_table == Some(false) {
                verdicts.push(Verdict::new(
                    nd30::ORIENTATION,
                    format!("landscape {unit} {} without a table", n + 1),
                    "portrait, unless the page holds a table or a chart",
                ));
            }
            // A landscape annex page: its margins turn with it, so each is held only to the
            // narrowest the Decree allows on any side.
            let least = [
                limits.margin_top_mm,
                limits.margin_bottom_mm,
                limits.margin_left_mm,
                limits.margin_right_mm,
            ]
            .iter()
            .map(|r| r.min)
            .fold(f32::INFINITY, f32::min);
            let sides = ["top", "bottom", "left", "right"];
            for (side, value) in sides.iter().zip(s.margins_mm.unwrap_or([least; 4])) {
                if value.round() < least {
                    verdicts.push(Verdict::new(
                        nd30::MARGINS,
                        format!("{side} margin {value:.0} mm on a landscape {unit}"),
                        format!("at least {least:.0} mm on every side"),
                    ));
                }
            }
            continue;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Section;

    #[test]
    fn a_landscape_page_needs_a_table() {
        let page = |has_table| Section {
            width_mm: 297.0,
            height_mm: 210.0,
            margins_mm: None,
            has_table: Some(has_table),
        };
        let evidence = Evidence {
            sections: vec![page(true), page(false)],
            pages: vec![1, 2],
            ..Evidence::default()
        };
        let verdicts = findings(&evidence);
        assert_eq!(verdicts.len(), 1);
        assert_eq!(verdicts[0].rule, nd30::ORIENTATION);
        assert_eq!(verdicts[0].found, "landscape page 2 without a table");
    }

    #[test]
    fn a_landscape_sections_margins_are_held_to_the_narrowest_side() {
        let section = |bottom| Section {
            width_mm: 297.0,
            height_mm: 210.0,
            margins_mm: Some([20.0, bottom, 20.0, 15.0]),
            has_table: Some(true),
        };
        let evidence = Evidence {
            sections: vec![section(20.0), section(4.9)],
            ..Evidence::default()
        };
        let verdicts = findings(&evidence);
        assert_eq!(verdicts.len(), 1);
        assert_eq!(verdicts[0].rule, nd30::MARGINS);
        assert_eq!(
            verdicts[0].found,
            "bottom margin 5 mm on a landscape section"
        );
    }
}
