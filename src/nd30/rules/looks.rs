//! How components are set: their size, weight and slant (`Appearance`), and colour. Each component's
//! weight and slant are those of its entry in the presentation table ([`STANDARD`]`.look`), which the
//! writers set; its size may be anywhere in the Decree's range ([`LIMITS`]).

use super::*;
use crate::nd30::{Look, STANDARD};

/// How a component is set: its size range, and whether bold and italic (`None`: either).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Appearance {
    /// Allowed sizes in points.
    pub size: Range,
    /// Bold or not.
    pub bold: Option<bool>,
    /// Italic or not.
    pub italic: Option<bool>,
}

impl Appearance {
    /// A component set as `look`, at a size in `size`.
    const fn of(look: Look, size: Range) -> Appearance {
        Appearance {
            size,
            bold: Some(look.bold),
            italic: Some(look.italic),
        }
    }
}

/// The Quốc hiệu: 12–13 pt, bold.
pub const NATIONAL_NAME_LOOK: Appearance =
    Appearance::of(STANDARD.look.national_name, LIMITS.header_name_pt);

/// The Tiêu ngữ: 13–14 pt, bold.
pub const MOTTO_LOOK: Appearance = Appearance::of(STANDARD.look.motto, LIMITS.main_text_pt);

/// The Số line: 13 pt, upright, not bold.
pub const NUMBER_LOOK: Appearance = Appearance::of(STANDARD.look.number, LIMITS.number_pt);

/// The place-and-date line: 13–14 pt, italic, not bold.
pub const DATE_LOOK: Appearance = Appearance::of(STANDARD.look.place_date, LIMITS.main_text_pt);

/// A named kind's title (`KẾ HOẠCH`): 13–14 pt, bold, upright.
pub const TITLE_LOOK: Appearance = Appearance::of(STANDARD.look.title, LIMITS.main_text_pt);

/// The `Nơi nhận:` label: 12 pt, bold italic.
pub const DISTRIBUTION_LABEL_LOOK: Appearance = Appearance::of(
    STANDARD.look.distribution_label,
    LIMITS.distribution_label_pt,
);

/// The issuing agency's name, its last header line: 12–13 pt, bold.
pub const AGENCY_LOOK: Appearance = Appearance::of(STANDARD.look.agency, LIMITS.header_name_pt);

/// A header line above the agency's last one (the parent authority, not bold, or the agency's name
/// wrapped, bold): 12–13 pt, upright.
pub const HEADER_LINE_LOOK: Appearance = Appearance {
    size: LIMITS.header_name_pt,
    bold: None,
    italic: Some(false),
};

/// A công văn's `V/v` line: 12–13 pt, upright, not bold.
pub const LETTER_SUBJECT_LOOK: Appearance =
    Appearance::of(STANDARD.look.letter_subject, LIMITS.letter_subject_pt);

/// The trích yếu under a title: 13–14 pt, bold, upright.
pub const SUBJECT_LOOK: Appearance = TITLE_LOOK;

/// `Kính gửi:` and its addressees: 13–14 pt, upright.
pub const RECIPIENTS_LOOK: Appearance = Appearance {
    size: LIMITS.main_text_pt,
    bold: None,
    italic: Some(false),
};

/// A Nơi nhận item: 11 pt, upright.
pub const DISTRIBUTION_ITEM_LOOK: Appearance = Appearance {
    size: LIMITS.distribution_item_pt,
    bold: None,
    italic: Some(false),
};

/// Position lines and the signer's name: 13–14 pt, bold, upright.
pub const SIGNATURE_LOOK: Appearance = Appearance::of(STANDARD.look.signature, LIMITS.main_text_pt);

/// An annex's `Phụ lục I` heading: 14 pt, bold, upright.
pub const ANNEX_LABEL_LOOK: Appearance =
    Appearance::of(STANDARD.look.annex_label, LIMITS.annex_label_pt);

/// An annex's title: 13–14 pt, bold, upright.
pub const ANNEX_TITLE_LOOK: Appearance =
    Appearance::of(STANDARD.look.annex_title, LIMITS.main_text_pt);

/// An annex's `(Kèm theo …)` line: 13–14 pt, italic, not bold.
pub const ANNEX_REFERENCE_LOOK: Appearance =
    Appearance::of(STANDARD.look.annex_reference, LIMITS.main_text_pt);

/// The legal bases: 13–14 pt, italic.
pub const BASES_LOOK: Appearance = Appearance {
    bold: None,
    ..Appearance::of(STANDARD.look.basis, LIMITS.main_text_pt)
};

/// Body text: 13–14 pt.
pub const BODY_LOOK: Appearance = Appearance {
    size: LIMITS.main_text_pt,
    bold: None,
    italic: None,
};

/// The urgency mark: 13–14 pt, bold, upright.
pub const URGENCY_LOOK: Appearance = Appearance::of(STANDARD.look.urgency, LIMITS.main_text_pt);

/// The contact lines: 11–12 pt, upright.
pub const CONTACT_LOOK: Appearance = Appearance {
    size: LIMITS.footer_pt,
    bold: None,
    italic: Some(false),
};

/// Whether a colour of red, green and blue components (0 to 1) prints as black: none above a tenth,
/// as office programs' near-blacks are.
pub fn is_black(red: f32, green: f32, blue: f32) -> bool {
    red.max(green).max(blue) <= 0.1
}

/// Text set in `colour` (as the format names it) rather than black; the urgency mark may be red.
pub fn judge_colour(line: &str, colour: &str) -> Option<Verdict> {
    (urgency_box_mm(line).is_none()).then(|| {
        Verdict::new(
            TEXT_COLOUR,
            format!("{} (in {colour})", excerpt(line)),
            "black text",
        )
    })
}

/// A component's look against its [`Appearance`]: size (when declared), weight and slant.
pub fn judge_look(
    rule: Rule,
    line: &str,
    size_pt: Option<f32>,
    bold: bool,
    italic: bool,
    expected: Appearance,
) -> Option<Verdict> {
    let size_wrong = size_pt.is_some_and(|s| !expected.size.contains(s));
    let bold_wrong = expected.bold.is_some_and(|b| b != bold);
    let italic_wrong = expected.italic.is_some_and(|i| i != italic);
    if !(size_wrong || bold_wrong || italic_wrong) {
        return None;
    }
    let describe = |size: String, bold: bool, italic: bool| {
        let weight = if bold { "bold" } else { "not bold" };
        let slant = if italic { "italic" } else { "upright" };
        format!("{size}, {weight}, {slant}")
    };
    let found_size = size_pt.map_or_else(|| "size not declared".to_string(), |s| format!("{s} pt"));
    let range = expected.size;
    let wanted_size = if range.min == range.max {
        format!("{} pt", range.min)
    } else {
        format!("{}–{} pt", range.min, range.max)
    };
    Some(Verdict::new(
        rule,
        format!("{} ({})", excerpt(line), describe(found_size, bold, italic)),
        describe(
            wanted_size,
            expected.bold.unwrap_or(bold),
            expected.italic.unwrap_or(italic),
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_checker_accepts_every_look_the_writers_set() {
        let l = STANDARD.look;
        let pairs = [
            (l.national_name, NATIONAL_NAME_LOOK),
            (l.motto, MOTTO_LOOK),
            (l.agency, AGENCY_LOOK),
            (l.parent, HEADER_LINE_LOOK),
            (l.number, NUMBER_LOOK),
            (l.place_date, DATE_LOOK),
            (l.letter_subject, LETTER_SUBJECT_LOOK),
            (l.title, TITLE_LOOK),
            (l.title, SUBJECT_LOOK),
            (l.recipients, RECIPIENTS_LOOK),
            (l.distribution_label, DISTRIBUTION_LABEL_LOOK),
            (l.distribution_item, DISTRIBUTION_ITEM_LOOK),
            (l.signature, SIGNATURE_LOOK),
            (l.annex_label, ANNEX_LABEL_LOOK),
            (l.annex_title, ANNEX_TITLE_LOOK),
            (l.annex_reference, ANNEX_REFERENCE_LOOK),
            (l.basis, BASES_LOOK),
            (l.body, BODY_LOOK),
            (l.urgency, URGENCY_LOOK),
            (l.signer, SIGNATURE_LOOK),
            (l.footer, CONTACT_LOOK),
        ];
        for (look, expected) in pairs {
            assert_eq!(
                judge_look(
                    TITLE,
                    "line",
                    Some(look.size_pt),
                    look.bold,
                    look.italic,
                    expected
                ),
                None,
                "{look:?} against {expected:?}"
            );
        }
    }
}
