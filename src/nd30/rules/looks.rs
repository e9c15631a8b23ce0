//! How components are set: their size, weight and slant (`Appearance`), and colour.

use super::*;

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

/// The Quốc hiệu: 12–13 pt, bold.
pub const NATIONAL_NAME_LOOK: Appearance = Appearance {
    size: LIMITS.header_name_pt,
    bold: Some(true),
    italic: Some(false),
};

/// The Tiêu ngữ: 13–14 pt, bold.
pub const MOTTO_LOOK: Appearance = Appearance {
    size: LIMITS.main_text_pt,
    bold: Some(true),
    italic: Some(false),
};

/// The Số line: 13 pt, upright, not bold.
pub const NUMBER_LOOK: Appearance = Appearance {
    size: LIMITS.number_pt,
    bold: Some(false),
    italic: Some(false),
};

/// The place-and-date line: 13–14 pt, italic, not bold.
pub const DATE_LOOK: Appearance = Appearance {
    size: LIMITS.main_text_pt,
    bold: Some(false),
    italic: Some(true),
};

/// A named kind's title (`KẾ HOẠCH`): 13–14 pt, bold, upright.
pub const TITLE_LOOK: Appearance = Appearance {
    size: LIMITS.main_text_pt,
    bold: Some(true),
    italic: Some(false),
};

/// The `Nơi nhận:` label: 12 pt, bold italic.
pub const DISTRIBUTION_LABEL_LOOK: Appearance = Appearance {
    size: LIMITS.distribution_label_pt,
    bold: Some(true),
    italic: Some(true),
};

/// The issuing agency's name, its last header line: 12–13 pt, bold.
pub const AGENCY_LOOK: Appearance = Appearance {
    size: LIMITS.header_name_pt,
    bold: Some(true),
    italic: Some(false),
};

/// A header line above the agency's last one (the parent authority, not bold, or the agency's name
/// wrapped, bold): 12–13 pt, upright.
pub const HEADER_LINE_LOOK: Appearance = Appearance {
    size: LIMITS.header_name_pt,
    bold: None,
    italic: Some(false),
};

/// A công văn's `V/v` line: 12–13 pt, upright, not bold.
pub const LETTER_SUBJECT_LOOK: Appearance = Appearance {
    size: LIMITS.letter_subject_pt,
    bold: Some(false),
    italic: Some(false),
};

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
pub const SIGNATURE_LOOK: Appearance = TITLE_LOOK;

/// An annex's `Phụ lục I` heading: 14 pt, bold, upright.
pub const ANNEX_LABEL_LOOK: Appearance = Appearance {
    size: LIMITS.annex_label_pt,
    bold: Some(true),
    italic: Some(false),
};

/// An annex's title: 13–14 pt, bold, upright.
pub const ANNEX_TITLE_LOOK: Appearance = TITLE_LOOK;

/// An annex's `(Kèm theo …)` line: 13–14 pt, italic, not bold.
pub const ANNEX_REFERENCE_LOOK: Appearance = DATE_LOOK;

/// The legal bases: 13–14 pt, italic.
pub const BASES_LOOK: Appearance = Appearance {
    size: LIMITS.main_text_pt,
    bold: None,
    italic: Some(true),
};

/// Body text: 13–14 pt.
pub const BODY_LOOK: Appearance = Appearance {
    size: LIMITS.main_text_pt,
    bold: None,
    italic: None,
};

/// The urgency mark: 13–14 pt, bold, upright.
pub const URGENCY_LOOK: Appearance = TITLE_LOOK;

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
