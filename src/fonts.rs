//! The fonts embedded in vanban, and measurement of text set in them.
//!
//! Liberation Serif has the advance widths of Times New Roman, so a width measured here is the width
//! Word gives the same text in Times New Roman.

/// Family name of the embedded face.
pub const EMBEDDED_FAMILY: &str = "Liberation Serif";

/// The embedded font files: regular, bold, italic, bold italic.
pub const EMBEDDED: [&[u8]; 4] = [
    include_bytes!("../fonts/LiberationSerif-Regular.ttf"),
    include_bytes!("../fonts/LiberationSerif-Bold.ttf"),
    include_bytes!("../fonts/LiberationSerif-Italic.ttf"),
    include_bytes!("../fonts/LiberationSerif-BoldItalic.ttf"),
];

/// Vertical metrics of the regular face, in em.
#[derive(Debug, Clone, Copy, serde::Serialize)]
pub struct LineMetrics {
    /// Height above the baseline.
    pub ascender: f32,
    /// Depth below the baseline, positive.
    pub descender: f32,
    /// Extra gap between lines.
    pub line_gap: f32,
}

impl LineMetrics {
    /// Height of a single-spaced line, as a word processor sets it: ascender + descender + line gap.
    pub fn single(&self) -> f32 {
        self.ascender + self.descender + self.line_gap
    }
}

fn face(bold: bool) -> ttf_parser::Face<'static> {
    ttf_parser::Face::parse(EMBEDDED[usize::from(bold)], 0)
        .expect("the embedded fonts are valid TrueType files")
}

/// Line metrics of the embedded regular face (from its `hhea` table).
pub fn line_metrics() -> LineMetrics {
    let f = face(false);
    let em = f32::from(f.units_per_em());
    LineMetrics {
        ascender: f32::from(f.ascender()) / em,
        descender: -f32::from(f.descender()) / em,
        line_gap: f32::from(f.line_gap()) / em,
    }
}

/// Width in points of `text` set upright at `size` points, in the regular or bold face.
pub fn width_pt(text: &str, size: f32, bold: bool) -> f32 {
    let face = face(bold);
    let em = f32::from(face.units_per_em());
    let units: u32 = text
        .chars()
        .map(|c| {
            face.glyph_index(c)
                .and_then(|g| face.glyph_hor_advance(g))
                .map_or(u32::from(face.units_per_em()) / 2, u32::from)
        })
        .sum();
    units as f32 / em * size
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nd30;

    #[test]
    fn widths_match_the_measured_times_new_roman_widths() {
        // Decree-30 spec, measured: Quốc hiệu bold 13 ≈ 95.7 mm, Tiêu ngữ bold 14 ≈ 60.5 mm.
        let mm = |pt: f32| pt * 25.4 / 72.0;
        assert!((mm(width_pt(nd30::NATIONAL_NAME, 13.0, true)) - 95.7).abs() < 0.5);
        assert!((mm(width_pt(nd30::MOTTO, 14.0, true)) - 60.5).abs() < 0.5);
    }

    #[test]
    fn single_spacing_is_that_of_times_new_roman() {
        let single = line_metrics().single();
        assert!((single - 1.15).abs() < 0.01, "{single}");
    }
}
