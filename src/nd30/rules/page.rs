//! The page and its text: margins, alignment, drawn rules, fonts and Unicode.

use super::*;

/// Text reaching `reach_mm` from the page's `side` edge, against the margin's `range`: too near the
/// edge (beyond the slack the format allows) is a finding.
pub fn judge_margin_reach(side: &str, reach_mm: f32, range: Range, page: u32) -> Option<Verdict> {
    (reach_mm < range.min - LIMITS.margin_slack_mm).then(|| {
        let found = if reach_mm < 0.0 {
            format!(
                "text running {:.0} mm past the {side} edge on page {page}",
                -reach_mm
            )
        } else {
            format!("text {reach_mm:.0} mm from the {side} edge on page {page}")
        };
        Verdict::new(
            MARGINS,
            found,
            format!("{side} margin {:.0}–{:.0} mm", range.min, range.max),
        )
    })
}

/// How many times its tolerance a line may stand off its place and be told as a warning.
///
/// A date line a few millimetres off the Quốc hiệu's centre, or a point below the Số line's
/// baseline, still reads as the Decree places it: real offices issue such documents and nobody sends
/// them back, so they are warnings. Further off (a date set flush right, 14 mm off centre) the
/// layout is not the Decree's, and that is an error.
pub const OFFSET_WARNING_TIMES: f32 = 3.0;

/// A line `offset_mm` away from where `reference` puts it, against `tolerance_mm`: a warning up to
/// [`OFFSET_WARNING_TIMES`] the tolerance, an error beyond.
pub fn judge_offset(
    rule: Rule,
    line: &str,
    offset_mm: f32,
    tolerance_mm: f32,
    reference: &str,
) -> Option<Verdict> {
    let rule = if offset_mm.abs() <= OFFSET_WARNING_TIMES * tolerance_mm {
        rule.warning()
    } else {
        rule
    };
    (offset_mm.abs() > tolerance_mm).then(|| {
        Verdict::new(
            rule,
            format!("{} ({offset_mm:+.1} mm off {reference})", line.trim()),
            format!("{reference}, within {tolerance_mm} mm"),
        )
    })
}

/// The rule drawn under `line` (`text_mm` wide): `drawn` gives its length and how far its centre lies
/// from the line's, `None` when there is none. Its length must be `share` of the line's width, give or
/// take `tolerance` of it.
pub fn judge_underline(
    rule: Rule,
    line: &str,
    text_mm: f32,
    drawn: Option<(f32, f32)>,
    share: Range,
    tolerance: f32,
) -> Option<Verdict> {
    let (shortest, longest) = (
        share.min * (1.0 - tolerance) * text_mm,
        share.max * (1.0 + tolerance) * text_mm,
    );
    let wanted = format!(
        "a rule {shortest:.0}–{longest:.0} mm long, centred under “{}”",
        excerpt(line)
    );
    let Some((length, offset)) = drawn else {
        return Some(Verdict::new(
            rule,
            format!("no rule under “{}”", excerpt(line)),
            wanted,
        ));
    };
    if !(shortest..=longest).contains(&length) {
        let found = format!(
            "a rule {length:.0} mm long under “{}” ({text_mm:.0} mm)",
            excerpt(line)
        );
        return Some(Verdict::new(rule, found, wanted));
    }
    judge_offset(
        rule,
        &format!("the rule under “{}”", excerpt(line)),
        offset,
        LIMITS.rule_offset_mm,
        "the line's centre",
    )
}

/// Where the centre of the text area lies across a page `width_mm` wide, from the left edge: between
/// the widest left and narrowest right margin and the other way round.
pub fn text_centre_mm(width_mm: f32) -> Range {
    let l = LIMITS;
    Range::new(
        (l.margin_left_mm.min + width_mm - l.margin_right_mm.max) / 2.0,
        (l.margin_left_mm.max + width_mm - l.margin_right_mm.min) / 2.0,
    )
}

/// Font names accepted as a warning: metric clones of Times New Roman.
pub const METRIC_CLONES: [&str; 2] = ["Liberation Serif", "Tinos"];

/// Text in Unicode: no `ƣ` from a legacy font converted badly (E5), and NFC (W5).
pub fn judge_text(text: &str) -> Vec<Verdict> {
    let mut verdicts = Vec::new();
    if text.contains(['ƣ', 'Ƣ']) {
        let at = text
            .split_whitespace()
            .find(|w| w.contains(['ƣ', 'Ƣ']))
            .unwrap_or(text);
        verdicts.push(Verdict::new(
            UNICODE_TEXT,
            at,
            "ư, not ƣ (a legacy-font conversion)",
        ));
    } else if !unicode_normalization::is_nfc(text) {
        let at = text
            .split_whitespace()
            .find(|w| !unicode_normalization::is_nfc(w))
            .unwrap_or(text);
        verdicts.push(Verdict::new(
            UNICODE_TEXT.warning(),
            at,
            at.nfc().collect::<String>(),
        ));
    }
    verdicts
}

/// A font name: Times New Roman, or a metric clone as a warning.
pub fn judge_font(name: &str) -> Option<Verdict> {
    use crate::nd30::FONT;
    if is_font(name) {
        None
    } else if METRIC_CLONES.contains(&name) {
        Some(Verdict::new(FONT_FACE.warning(), name, FONT))
    } else {
        Some(Verdict::new(FONT_FACE, name, FONT))
    }
}

/// How much an A4 page was scaled to print on paper of `width_mm` × `height_mm` (either way up):
/// 1 on A4, about 0.94 on US Letter ("fit to page"); `None` on paper too unlike A4 to tell.
pub fn a4_scale(width_mm: f32, height_mm: f32) -> Option<f32> {
    let (short, long) = (width_mm.min(height_mm), width_mm.max(height_mm));
    if LIMITS.page_width_mm.contains(short) && LIMITS.page_height_mm.contains(long) {
        return Some(1.0);
    }
    let a4 = crate::nd30::STANDARD.page;
    let scale = (short / a4.width_mm).min(long / a4.height_mm);
    (0.85..=1.15).contains(&scale).then_some(scale)
}

/// The size in whole points a text measured at `measured_pt` was set in, on a page that may have
/// been scaled by `scale` ([`a4_scale`]): office programs set whole points, and a size measured a
/// little over one is that size. A page printed on other paper may have been scaled to fit it or
/// not; where the two readings differ, the size cannot be told (`None`).
pub fn set_size(measured_pt: f32, scale: f32) -> Option<f32> {
    let [as_printed, as_set] = size_readings(measured_pt, scale);
    (as_printed == as_set).then_some(as_set)
}

/// The two sizes in whole points a text measured at `measured_pt` may have been set in: as printed,
/// and before its page was scaled by `scale`.
pub fn size_readings(measured_pt: f32, scale: f32) -> [f32; 2] {
    let whole = |pt: f32| (pt - 0.3).round();
    [whole(measured_pt), whole(measured_pt / scale)]
}

/// Whether a font's name names Times New Roman, or one of its faces by the face's full name (`Times
/// New Roman Bold`, `TimesNewRomanPS-BoldMT`), as Windows resolves them.
pub fn is_font(name: &str) -> bool {
    let compact = |s: &str| -> String {
        s.chars()
            .filter(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_lowercase()
    };
    let (name, font) = (compact(name), compact(crate::nd30::FONT));
    let face = name
        .strip_prefix(&font)
        .map(|rest| rest.trim_start_matches("ps"));
    face.is_some_and(|face| {
        let face = face.trim_end_matches("mt");
        ["", "bold", "italic", "bolditalic", "regular"].contains(&face)
    })
}

/// A font a PDF uses without embedding it: the reader's machine substitutes another.
pub fn unembedded_font(name: &str) -> Verdict {
    Verdict::new(
        FONT_FACE,
        format!("{name} (not embedded)"),
        "embed the fonts in the PDF",
    )
}
