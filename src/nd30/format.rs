//! Page geometry, type sizes and spacing: the values vanban prints with, and the ranges the Decree allows.

use serde::Serialize;

/// An inclusive range of allowed values.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Range {
    /// Smallest allowed value.
    pub min: f32,
    /// Largest allowed value.
    pub max: f32,
}

impl Format {
    /// Width of the text area, in millimetres, on a portrait or a landscape page.
    pub fn text_width_mm(&self, landscape: bool) -> f32 {
        let paper = if landscape {
            self.page.height_mm
        } else {
            self.page.width_mm
        };
        paper - self.margin.left_mm - self.margin.right_mm
    }
}

impl Range {
    pub const fn new(min: f32, max: f32) -> Range {
        Range { min, max }
    }

    /// Whether `value` lies inside the range.
    pub fn contains(&self, value: f32) -> bool {
        (self.min..=self.max).contains(&value)
    }
}

/// The page: A4 portrait.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Page {
    /// Width in millimetres.
    pub width_mm: f32,
    /// Height in millimetres.
    pub height_mm: f32,
}

/// Page margins, and where the page number sits in the top margin.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Margins {
    /// Top margin in millimetres.
    pub top_mm: f32,
    /// Bottom margin in millimetres.
    pub bottom_mm: f32,
    /// Left (binding) margin in millimetres.
    pub left_mm: f32,
    /// Right margin in millimetres.
    pub right_mm: f32,
    /// Distance from the top edge of the page to the page number line, in millimetres.
    pub header_mm: f32,
}

/// How one component of a document is set: its size, weight and slant. Both writers set the
/// component so (the DOCX as a paragraph style of the component's name), and the checker expects it
/// within the Decree's range for its size.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Look {
    /// The component's name, as a clerk knows it (`Quốc hiệu`): the DOCX's style name.
    pub name: &'static str,
    /// Size, points.
    pub size_pt: f32,
    /// Bold.
    pub bold: bool,
    /// Italic.
    pub italic: bool,
    /// How its lines stand in their column or on the page.
    pub align: Align,
    /// Space above its first line, points.
    pub before_pt: f32,
    /// Its first line's indent, or the indent of its block (Kính gửi), mm.
    pub indent_mm: f32,
    /// The rule drawn under it, as a share of its widest line (0: none).
    pub rule_share: f32,
}

/// How a component's lines (or a table column's cells) stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Align {
    /// Flush left.
    Left,
    /// Centred.
    #[default]
    Center,
    /// Flush right.
    Right,
    /// Justified.
    Justify,
}

impl Look {
    /// Upright, not bold.
    pub const fn plain(name: &'static str, size_pt: f32) -> Look {
        Look {
            name,
            size_pt,
            bold: false,
            italic: false,
            align: Align::Center,
            before_pt: 0.0,
            indent_mm: 0.0,
            rule_share: 0.0,
        }
    }

    /// The same look, its lines standing `align`.
    pub const fn aligned(self, align: Align) -> Look {
        Look { align, ..self }
    }

    /// The same look, with `before_pt` of space above it.
    pub const fn spaced(self, before_pt: f32) -> Look {
        Look { before_pt, ..self }
    }

    /// The same look, indented `indent_mm`.
    pub const fn indented(self, indent_mm: f32) -> Look {
        Look { indent_mm, ..self }
    }

    /// The same look, with a rule under it of `share` of its widest line.
    pub const fn ruled(self, share: f32) -> Look {
        Look {
            rule_share: share,
            ..self
        }
    }

    /// Bold, upright.
    pub const fn bold(name: &'static str, size_pt: f32) -> Look {
        Look {
            bold: true,
            ..Look::plain(name, size_pt)
        }
    }

    /// Italic, not bold.
    pub const fn italic(name: &'static str, size_pt: f32) -> Look {
        Look {
            italic: true,
            ..Look::plain(name, size_pt)
        }
    }

    /// Bold and italic.
    pub const fn bold_italic(name: &'static str, size_pt: f32) -> Look {
        Look {
            bold: true,
            italic: true,
            ..Look::plain(name, size_pt)
        }
    }
}

/// How each component of a document is set: the one table the PDF layout, the DOCX writer and the
/// checker read.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Looks {
    /// Quốc hiệu.
    pub national_name: Look,
    /// Tiêu ngữ.
    pub motto: Look,
    /// Parent authority line(s).
    pub parent: Look,
    /// Issuing agency line(s).
    pub agency: Look,
    /// `Số: …` line.
    pub number: Look,
    /// Place and date line.
    pub place_date: Look,
    /// `V/v …` subject of a công văn.
    pub letter_subject: Look,
    /// The secrecy mark (`MẬT`).
    pub secrecy: Look,
    /// The urgency mark (`KHẨN`), boxed.
    pub urgency: Look,
    /// The circulation notice, boxed over the Quốc hiệu.
    pub circulation: Look,
    /// Title of a named kind and its trích yếu.
    pub title: Look,
    /// The `(Kèm theo …)` line under the title of a document issued with a decision.
    pub title_reference: Look,
    /// A decision's authority line (`CHỦ TỊCH ỦY BAN NHÂN DÂN …`).
    pub authority: Look,
    /// A decision's legal bases.
    pub basis: Look,
    /// The enacting word (`QUYẾT ĐỊNH:`).
    pub enacting: Look,
    /// `Kính gửi:` block.
    pub recipients: Look,
    /// Body text (bold and italic spans are the text's own).
    pub body: Look,
    /// Signature block's authority and position lines.
    pub signature: Look,
    /// The signer's name, under the room left for the signature.
    pub signer: Look,
    /// `Nơi nhận:` label.
    pub distribution_label: Look,
    /// Distribution list items.
    pub distribution_item: Look,
    /// The drafter's initials and copies, under the Nơi nhận list.
    pub drafter: Look,
    /// Page number.
    pub page_number: Look,
    /// `Phụ lục I` over an annex.
    pub annex_label: Look,
    /// An annex's title.
    pub annex_title: Look,
    /// An annex's `(Kèm theo …)` line.
    pub annex_reference: Look,
    /// Text in annex tables.
    pub table: Look,
    /// Annex tables' header, group and totals rows.
    pub table_heading: Look,
    /// The contact footer of page 1 (address, phone, e-mail).
    pub footer: Look,
}

impl Looks {
    /// Every component's look, in the order of the document.
    pub fn all(&self) -> [Look; 29] {
        [
            self.national_name,
            self.motto,
            self.parent,
            self.agency,
            self.number,
            self.place_date,
            self.letter_subject,
            self.secrecy,
            self.urgency,
            self.circulation,
            self.title,
            self.title_reference,
            self.authority,
            self.basis,
            self.enacting,
            self.recipients,
            self.body,
            self.signature,
            self.signer,
            self.distribution_label,
            self.distribution_item,
            self.drafter,
            self.page_number,
            self.annex_label,
            self.annex_title,
            self.annex_reference,
            self.table,
            self.table_heading,
            self.footer,
        ]
    }
}

/// Widths of the two columns of a two-column block, in millimetres.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Columns {
    /// Left column.
    pub left_mm: f32,
    /// Right column.
    pub right_mm: f32,
}

/// Every layout value vanban prints with.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Format {
    /// Paper.
    pub page: Page,
    /// Margins.
    pub margin: Margins,
    /// How each component is set.
    pub look: Looks,
    /// Space before each body paragraph, in points.
    pub paragraph_gap_pt: f32,
    /// Body line spacing as a multiple of single spacing (the font's own line height).
    pub line_spacing: f32,
    /// Agency column and national-name column of the header.
    pub header: Columns,
    /// Distribution column and signature column at the end.
    pub closing: Columns,
    /// Thickness of drawn rules, in points.
    pub rule_pt: f32,
    /// Gap between the rule and the text above it, in points.
    pub rule_gap_pt: f32,
    /// Gap between the header and what follows it, in points.
    pub header_gap_pt: f32,
    /// Padding inside annex table cells, in millimetres.
    pub table_padding_mm: f32,
    /// A table row whose longest cell has more characters than this may split across pages (it might
    /// not fit on one); shorter rows are kept whole.
    pub table_row_split_chars: usize,
    /// Room kept at the top of an annex filed on its own and issued electronically, for the
    /// organisation's signature and its info line at the top right (Mẫu 2.2's box: 81 × 8.7 mm), mm.
    pub signature_info_room_mm: f32,
}

/// Space between the paragraphs of a block, points.
const PARAGRAPH_GAP_PT: f32 = 6.0;
/// Space between the document's blocks (header, title, Kính gửi, body), points.
const BLOCK_GAP_PT: f32 = 12.0;
/// The body's first-line indent, mm.
const INDENT_MM: f32 = 10.0;
/// The rules under the agency's name, the trích yếu and an annex's heading: this share of the line.
const RULE_SHARE: f32 = 0.4;
/// Room left for the signature above the signer's name: 25 mm, in points.
const SIGNATURE_ROOM_PT: f32 = 25.0 * 72.0 / 25.4;

/// The values vanban prints with: A4, margins 20/20/30/15 mm, and the sizes of the official templates.
pub const STANDARD: Format = Format {
    page: Page {
        width_mm: 210.0,
        height_mm: 297.0,
    },
    margin: Margins {
        top_mm: 20.0,
        bottom_mm: 20.0,
        left_mm: 30.0,
        right_mm: 15.0,
        header_mm: 10.0,
    },
    look: Looks {
        national_name: Look::bold("Quốc hiệu", 13.0),
        motto: Look::bold("Tiêu ngữ", 14.0).ruled(1.0),
        parent: Look::plain("Cơ quan chủ quản", 13.0),
        agency: Look::bold("Tên cơ quan", 13.0).ruled(RULE_SHARE),
        number: Look::plain("Số, ký hiệu", 13.0).spaced(PARAGRAPH_GAP_PT),
        place_date: Look::italic("Địa danh và thời gian", 14.0).spaced(PARAGRAPH_GAP_PT),
        letter_subject: Look::plain("Trích yếu công văn", 12.0).spaced(PARAGRAPH_GAP_PT),
        secrecy: Look::bold("Độ mật", 13.0)
            .aligned(Align::Left)
            .spaced(PARAGRAPH_GAP_PT),
        urgency: Look::bold("Độ khẩn", 13.0).spaced(PARAGRAPH_GAP_PT),
        circulation: Look::bold("Phạm vi lưu hành", 13.0),
        title: Look::bold("Tên loại và trích yếu", 14.0)
            .spaced(BLOCK_GAP_PT)
            .ruled(RULE_SHARE),
        title_reference: Look::italic("Kèm theo văn bản", 14.0),
        authority: Look::bold("Thẩm quyền ban hành", 14.0).spaced(BLOCK_GAP_PT),
        basis: Look::italic("Căn cứ ban hành", 14.0)
            .aligned(Align::Justify)
            .spaced(PARAGRAPH_GAP_PT)
            .indented(INDENT_MM),
        enacting: Look::bold("Từ ban hành", 14.0).spaced(PARAGRAPH_GAP_PT),
        recipients: Look::plain("Kính gửi", 14.0)
            .aligned(Align::Left)
            .spaced(BLOCK_GAP_PT)
            .indented(25.0),
        body: Look::plain("Nội dung", 14.0)
            .aligned(Align::Justify)
            .spaced(PARAGRAPH_GAP_PT)
            .indented(INDENT_MM),
        signature: Look::bold("Chữ ký", 14.0),
        signer: Look::bold("Họ tên người ký", 14.0).spaced(SIGNATURE_ROOM_PT),
        distribution_label: Look::bold_italic("Nơi nhận", 12.0).aligned(Align::Left),
        distribution_item: Look::plain("Nơi nhận - mục", 11.0).aligned(Align::Left),
        drafter: Look::plain("Người soạn thảo", 11.0).aligned(Align::Right),
        page_number: Look::plain("Số trang", 14.0),
        annex_label: Look::bold("Phụ lục", 14.0),
        annex_title: Look::bold("Tên phụ lục", 14.0).ruled(RULE_SHARE),
        annex_reference: Look::italic("Kèm theo phụ lục", 13.0),
        table: Look::plain("Bảng", 12.0),
        table_heading: Look::bold("Bảng - tiêu đề", 12.0),
        footer: Look::plain("Địa chỉ liên hệ", 11.0),
    },
    paragraph_gap_pt: PARAGRAPH_GAP_PT,
    line_spacing: 1.2,
    header: Columns {
        left_mm: 65.0,
        right_mm: 100.0,
    },
    closing: Columns {
        left_mm: 65.0,
        right_mm: 100.0,
    },
    rule_pt: 0.5,
    rule_gap_pt: 4.0,
    header_gap_pt: BLOCK_GAP_PT,
    signature_info_room_mm: 12.0,
    table_padding_mm: 1.0,
    table_row_split_chars: 600,
};

/// The ranges Decree 30 allows (Phụ lục I).
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Limits {
    /// Page width and height in millimetres (A4, ±1 mm).
    pub page_width_mm: Range,
    /// Page height in millimetres.
    pub page_height_mm: Range,
    /// Top margin in millimetres.
    pub margin_top_mm: Range,
    /// Bottom margin in millimetres.
    pub margin_bottom_mm: Range,
    /// Left margin in millimetres.
    pub margin_left_mm: Range,
    /// Right margin in millimetres.
    pub margin_right_mm: Range,
    /// Quốc hiệu, agency lines.
    pub header_name_pt: Range,
    /// Tiêu ngữ, date line, title, body, signature, page number.
    pub main_text_pt: Range,
    /// `Số:` line (13 pt exactly).
    pub number_pt: Range,
    /// `V/v` subject of a công văn.
    pub letter_subject_pt: Range,
    /// `Nơi nhận:` label (12 pt).
    pub distribution_label_pt: Range,
    /// Distribution items (11 pt).
    pub distribution_item_pt: Range,
    /// The contact footer (11–12 pt).
    pub footer_pt: Range,
    /// First-line indents allowed: 1 cm or 1.27 cm.
    pub indents_mm: [f32; 2],
    /// How far a first-line indent may be from an allowed one, mm.
    pub indent_tolerance_mm: f32,
    /// Longest number, in characters (Phụ lục VI metadata).
    pub number_chars: usize,
    /// Longest ký hiệu, in characters.
    pub symbol_chars: usize,
    /// Longest trích yếu, in characters.
    pub subject_chars: usize,
    /// Longest agency name, in characters.
    pub agency_chars: usize,
    /// Smallest space between paragraphs, in points.
    pub min_paragraph_gap_pt: f32,
    /// Line spacing between single and one and a half lines.
    pub line_spacing: Range,
    /// Rule under the agency name, as a share of the line above it.
    pub agency_rule_ratio: Range,
    /// Text in tables: readable, 11–13 pt.
    pub table_pt: Range,
    /// An annex's `Phụ lục` heading (14 pt).
    pub annex_label_pt: Range,
    /// How far printed text may reach into a margin (hanging punctuation, rounding), mm.
    pub margin_slack_mm: f32,
    /// How far the Tiêu ngữ's centre may lie from the Quốc hiệu's, mm.
    pub motto_offset_mm: f32,
    /// How far the date line's centre may lie from the Quốc hiệu's, mm.
    pub date_offset_mm: f32,
    /// How far the date line's baseline may lie from the Số line's, mm.
    pub date_baseline_mm: f32,
    /// How far a page number's centre may lie from the text area's, mm.
    pub page_number_offset_mm: f32,
    /// How far below its line a rule may lie, mm.
    pub rule_below_mm: f32,
    /// How far a rule's centre may lie from its line's, mm.
    pub rule_offset_mm: f32,
    /// How much the rule under the Tiêu ngữ may differ from the Tiêu ngữ's width, as a share.
    pub motto_rule_tolerance: f32,
    /// How much the other rules may stray from their share of the line's width, as a share.
    pub rule_ratio_tolerance: f32,
}

/// The Decree's ranges.
pub const LIMITS: Limits = Limits {
    page_width_mm: Range::new(209.0, 211.0),
    page_height_mm: Range::new(296.0, 298.0),
    margin_top_mm: Range::new(20.0, 25.0),
    margin_bottom_mm: Range::new(20.0, 25.0),
    margin_left_mm: Range::new(30.0, 35.0),
    margin_right_mm: Range::new(15.0, 20.0),
    header_name_pt: Range::new(12.0, 13.0),
    main_text_pt: Range::new(13.0, 14.0),
    number_pt: Range::new(13.0, 13.0),
    letter_subject_pt: Range::new(12.0, 13.0),
    distribution_label_pt: Range::new(12.0, 12.0),
    distribution_item_pt: Range::new(11.0, 11.0),
    footer_pt: Range::new(11.0, 12.0),
    indents_mm: [10.0, 12.7],
    indent_tolerance_mm: 0.5,
    number_chars: 11,
    symbol_chars: 30,
    subject_chars: 500,
    agency_chars: 200,
    min_paragraph_gap_pt: 6.0,
    line_spacing: Range::new(1.0, 1.5),
    agency_rule_ratio: Range::new(1.0 / 3.0, 0.5),
    table_pt: Range::new(11.0, 13.0),
    annex_label_pt: Range::new(14.0, 14.0),
    margin_slack_mm: 1.5,
    motto_offset_mm: 2.0,
    date_offset_mm: 3.0,
    date_baseline_mm: 1.0,
    page_number_offset_mm: 3.0,
    rule_below_mm: 8.0,
    rule_offset_mm: 2.0,
    motto_rule_tolerance: 0.10,
    rule_ratio_tolerance: 0.05,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_standard_format_lies_inside_the_decree_ranges() {
        let (f, l) = (STANDARD, LIMITS);
        assert!(l.page_width_mm.contains(f.page.width_mm));
        assert!(l.page_height_mm.contains(f.page.height_mm));
        assert!(l.margin_top_mm.contains(f.margin.top_mm));
        assert!(l.margin_bottom_mm.contains(f.margin.bottom_mm));
        assert!(l.margin_left_mm.contains(f.margin.left_mm));
        assert!(l.margin_right_mm.contains(f.margin.right_mm));
        let s = f.look;
        for look in [s.national_name, s.parent, s.agency] {
            assert!(l.header_name_pt.contains(look.size_pt));
        }
        for look in [
            s.motto,
            s.place_date,
            s.title,
            s.recipients,
            s.body,
            s.signature,
            s.page_number,
        ] {
            assert!(l.main_text_pt.contains(look.size_pt));
        }
        assert!(l.number_pt.contains(s.number.size_pt));
        assert!(l.letter_subject_pt.contains(s.letter_subject.size_pt));
        assert!(l
            .distribution_label_pt
            .contains(s.distribution_label.size_pt));
        assert!(l.distribution_item_pt.contains(s.distribution_item.size_pt));
        assert!(l.footer_pt.contains(s.footer.size_pt));
        assert!(l.indents_mm.contains(&s.body.indent_mm));
        assert_eq!(s.basis.indent_mm, s.body.indent_mm);
        assert!(f.paragraph_gap_pt >= l.min_paragraph_gap_pt);
        assert!(l.line_spacing.contains(f.line_spacing));
        for look in [s.agency, s.title, s.annex_title] {
            assert!(l.agency_rule_ratio.contains(look.rule_share));
        }
        assert!(l.table_pt.contains(s.table.size_pt));
        assert!(l.annex_label_pt.contains(s.annex_label.size_pt));
    }

    #[test]
    fn every_component_has_a_name_of_its_own() {
        let names: std::collections::BTreeSet<&str> =
            STANDARD.look.all().iter().map(|l| l.name).collect();
        assert_eq!(names.len(), STANDARD.look.all().len());
    }

    #[test]
    fn the_columns_fill_the_text_width() {
        let f = STANDARD;
        let text = f.page.width_mm - f.margin.left_mm - f.margin.right_mm;
        assert_eq!(f.header.left_mm + f.header.right_mm, text);
        assert_eq!(f.closing.left_mm + f.closing.right_mm, text);
    }
}
