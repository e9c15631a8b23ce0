//! The document model: what a Decree-30 document is, with no trace of PDF or DOCX.
//!
//! Text held here is clean (NFC, no `ƣ`) and in the words the user wrote; the printed forms
//! (capitals, `Số:`, the date line, list punctuation) are made by [`crate::printed`].

use serde::Serialize;

pub use crate::nd30::{Align, Level};
use crate::nd30::{Blank, Date, Kind};

/// One administrative document.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    /// Its kind (công văn, kế hoạch, …).
    pub kind: Kind,
    /// Who issues it.
    pub issuer: Issuer,
    /// Sequence number within the year; `None` leaves it blank for the văn thư to write at issuance.
    pub number: Option<u32>,
    /// Ký hiệu, e.g. `UBND-NTM`.
    pub symbol: String,
    /// Place name of the date line.
    pub place: String,
    /// Date of issue (with a blank day, the first of its month; with a blank month too, 1 January).
    pub date: Date,
    /// What of the date line is left blank for the văn thư.
    pub date_blank: Blank,
    /// Trích yếu: the `V/v` subject of a letter, or the line under a title.
    pub subject: String,
    /// Addressees after `Kính gửi:`.
    pub recipients: Vec<String>,
    /// The authority that issues a decision (`Chủ tịch Ủy ban nhân dân huyện Cẩm Xuyên`), if printed.
    pub authority: Option<String>,
    /// Legal bases (căn cứ), as written.
    pub bases: Vec<String>,
    /// The content.
    pub body: Vec<Block>,
    /// Who signs, and as what.
    pub signature: Signature,
    /// A second signature, on the left (the secretary of a biên bản), if any.
    pub second_signature: Option<Signature>,
    /// Nơi nhận; none on a document issued with a decision, which the decision distributes.
    pub distribution: Option<Distribution>,
    /// Marks in the header's left column: secrecy (`MẬT`) and urgency (`KHẨN` in its box).
    pub marks: Marks,
    /// The agency's address, phone, e-mail lines, printed at the foot of page 1 only.
    pub footer: Vec<String>,
    /// The decision this document is issued with (a quy chế, quy định… attached to a quyết định), if any:
    /// its header then has no number and no date, and its title says what it comes with.
    pub issued_with: Option<IssuedWith>,
    /// Issued electronically: the number and the day and month are left for the signing system,
    /// which fills them in when the organisation signs (Điều 15.3).
    pub electronic: bool,
    /// Phụ lục, in order.
    pub annexes: Vec<Annex>,
}

/// An annex: its title and its table.
#[derive(Debug, Clone, Serialize)]
pub struct Annex {
    /// The title as written (printed in capitals).
    pub title: String,
    /// The table.
    pub table: Table,
}

/// A table, resolved: header rows with their spans, then body, group and totals rows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    /// The columns, left to right.
    pub columns: Vec<Column>,
    /// Header rows, top to bottom; each cell knows its column and spans.
    pub header: Vec<Vec<HeaderCell>>,
    /// Rows under the header.
    pub rows: Vec<Row>,
}

/// One column of a table.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Column {
    /// Width hint in millimetres; the writers scale all columns to fill the text width.
    pub width_mm: f32,
    /// Alignment of its body cells.
    pub align: Align,
}

/// A header cell.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HeaderCell {
    /// Its text.
    pub text: String,
    /// The first column it covers (from 0).
    pub column: usize,
    /// Number of columns it covers.
    pub colspan: usize,
    /// Number of header rows it covers.
    pub rowspan: usize,
}

/// What a row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RowKind {
    /// Data.
    Body,
    /// A group label (e.g. a commune) over the rows that follow.
    Group,
    /// The `Tổng cộng` row.
    Totals,
}

/// A row under the header.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// Body, group or totals.
    pub kind: RowKind,
    /// Its cells, left to right.
    pub cells: Vec<RowCell>,
    /// Whether it may split across pages (see [`Row::may_split`]); set when the document is printed.
    #[serde(default)]
    pub split: bool,
}

impl Row {
    /// Whether the row may split across pages: only when a cell is so long that the row might not fit
    /// on one page (`Format::table_row_split_chars`).
    pub fn may_split(&self, format: &crate::nd30::Format) -> bool {
        self.cells
            .iter()
            .any(|c| c.text.chars().count() > format.table_row_split_chars)
    }
}

/// A cell of a row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RowCell {
    /// Its text, formatted.
    pub text: String,
    /// Number of columns it covers.
    pub colspan: usize,
    /// Its alignment: its column's for figures, centred for a label, flush left for a group's name.
    pub align: Align,
}

/// The issuing agency and its direct parent.
#[derive(Debug, Clone, Serialize)]
pub struct Issuer {
    /// Parent authority lines, e.g. `UBND tỉnh Hà Tĩnh`; may be empty.
    pub parent: Vec<String>,
    /// The agency's name, one entry per printed line.
    pub name: Vec<String>,
}

/// A block of the content.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// A paragraph of running text.
    Paragraph {
        /// Its text.
        spans: Vec<Span>,
    },
    /// A paragraph that opens with a number or a mark, which vanban writes: `I.`, `Điều 1.`, `1.`, `a)`, `-`, `+`.
    Item {
        /// What kind of item it is.
        level: Level,
        /// The text after the number or mark.
        spans: Vec<Span>,
    },
    /// A table written out in the body: its first row is its header.
    Table {
        /// The table.
        table: Table,
    },
}

/// A run of text with one style.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    /// The text.
    pub text: String,
    /// Bold.
    pub bold: bool,
    /// Italic.
    pub italic: bool,
    /// Raised or lowered (`m³`, `Dₖ`), or on the line.
    pub script: Script,
}

/// Where a span stands against the line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Script {
    /// On the line.
    #[default]
    Baseline,
    /// Raised: superscript.
    Super,
    /// Lowered: subscript.
    Sub,
}

impl Span {
    /// Upright, regular text.
    pub fn plain(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            bold: false,
            italic: false,
            script: Script::Baseline,
        }
    }

    /// `text` in `bold` and `italic`, on the line.
    pub fn styled(text: impl Into<String>, bold: bool, italic: bool) -> Span {
        Span {
            bold,
            italic,
            ..Span::plain(text)
        }
    }
}

/// The signature block.
#[derive(Debug, Clone, Serialize)]
pub struct Signature {
    /// Authority and position lines, top to bottom, as written (`TM. Ủy ban nhân dân`, `KT. Chủ tịch`, …).
    pub lines: Vec<String>,
    /// The signer's name.
    pub name: String,
}

/// The document another one is issued with.
#[derive(Debug, Clone, Serialize)]
pub struct IssuedWith {
    /// Its kind (quyết định).
    pub kind: Kind,
    /// Its number, `None` while it is not given.
    pub number: Option<u32>,
    /// Its ký hiệu.
    pub symbol: String,
    /// Its date.
    pub date: Date,
    /// What of its date is left blank.
    pub date_blank: Blank,
}

/// Optional marks of Decree 30 §II.10–12.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Marks {
    /// Dấu độ mật: `MẬT`, `TỐI MẬT`, `TUYỆT MẬT`.
    pub secrecy: Option<&'static str>,
    /// Dấu khẩn and its box width in millimetres.
    pub urgency: Option<(&'static str, f32)>,
    /// Drafter's initials and number of copies: `PL.(300)`.
    pub drafter: Option<String>,
    /// Chỉ dẫn phạm vi lưu hành, e.g. `LƯU HÀNH NỘI BỘ`, `XEM XONG TRẢ LẠI`.
    pub circulation: Option<String>,
}

/// Nơi nhận: who receives copies, and the archive entry.
#[derive(Debug, Clone, Serialize)]
pub struct Distribution {
    /// Recipients of copies, without list punctuation.
    pub to: Vec<String>,
    /// What follows `Lưu:`, e.g. `VT, NTM`.
    pub archive: String,
}
