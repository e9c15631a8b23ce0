//! The document in its printed words: every string in its final Decree-30 form.
//!
//! Both writers place these strings; neither formats a number, a date or a list item itself.

use serde::Serialize;

use crate::document::{Block, Document, Level, Span, Table};
use crate::nd30::{self, SignatureError};

/// The printed form of a [`Document`].
#[derive(Debug, Clone, Serialize)]
pub struct Printed {
    /// Parent authority lines, in capitals.
    pub parent: Vec<String>,
    /// Issuing agency lines, in capitals.
    pub agency: Vec<String>,
    /// Quốc hiệu.
    pub national_name: &'static str,
    /// Tiêu ngữ.
    pub motto: &'static str,
    /// `Số: 2402/UBND-NTM`; none on a document issued with a decision.
    pub number: Option<String>,
    /// `Cẩm Xuyên, ngày 10 tháng 8 năm 2021`; none on a biên bản.
    pub place_date: Option<String>,
    /// `V/v …` under the number, for letters.
    pub letter_subject: Option<String>,
    /// Title and trích yếu, for named kinds.
    pub title: Option<Title>,
    /// The `Kính gửi:` block, if the document has addressees.
    pub recipients: Option<Recipients>,
    /// Authority line, legal bases and the enacting word of a decision, if any.
    pub preamble: Option<Preamble>,
    /// Secrecy and urgency marks, under the number in the header's left column.
    pub marks: PrintedMarks,
    /// Body paragraphs, markers included, and tables.
    pub body: Vec<BodyBlock>,
    /// Nơi nhận and signature.
    pub closing: Closing,
    /// Whether the letter itself is printed; false for an annex written as a file of its own.
    pub letter: bool,
    /// Issued electronically: the PDF marks where the signatures go, and an annex written as a file
    /// of its own keeps the top right of its first page for the organisation's signature.
    pub electronic: bool,
    /// Contact lines at the foot of page 1, under a full-width rule.
    pub footer: Vec<String>,
    /// Annexes, each on pages of its own.
    pub annexes: Vec<PrintedAnnex>,
    /// Document properties (title, author) for the file's metadata.
    pub meta: Meta,
    /// The lengths of the rules drawn under the header's lines, decided once for both writers.
    pub rules: Rules,
}

/// The lengths of the rules under the header's lines, in millimetres: a share of the line above,
/// as Decree 30 sets it, measured with the fonts' widths.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Rules {
    /// Under the agency's name: a share of its widest line.
    pub agency_mm: f32,
    /// Under the Tiêu ngữ: as long as it.
    pub motto_mm: f32,
    /// Under a named kind's title or trích yếu: a share of its last line, at most the text width.
    pub title_mm: f32,
}

/// An annex as printed.
#[derive(Debug, Clone, Serialize)]
pub struct PrintedAnnex {
    /// `Phụ lục I`, or `Phụ lục` when it is the only one.
    pub label: String,
    /// The title in capitals.
    pub title: String,
    /// `(Kèm theo Công văn số … ngày … của …)`.
    pub reference: String,
    /// Whether its table needs landscape pages.
    pub landscape: bool,
    /// The rule under its `(Kèm theo …)` line: a share of its title, at most its pages' text width.
    pub rule_mm: f32,
    /// The table, its column widths scaled to fill the text width.
    pub table: Table,
}

/// Title block of a named kind.
#[derive(Debug, Clone, Serialize)]
pub struct Title {
    /// `KẾ HOẠCH`.
    pub name: &'static str,
    /// The trích yếu under it; none on giấy giới thiệu and giấy nghỉ phép.
    pub subject: Option<String>,
    /// `(Kèm theo Quyết định số … ngày … của …)` for a document issued with a decision.
    pub reference: Option<String>,
}

/// The marks as printed.
#[derive(Debug, Clone, Serialize)]
pub struct PrintedMarks {
    /// `MẬT`, `TỐI MẬT`, `TUYỆT MẬT`.
    pub secrecy: Option<&'static str>,
    /// `KHẨN`, `THƯỢNG KHẨN`, `HỎA TỐC`.
    pub urgency: Option<&'static str>,
    /// Width of the urgency box, in millimetres.
    pub urgency_width_mm: f32,
    /// Height of the urgency box, in millimetres.
    pub urgency_height_mm: f32,
    /// `LƯU HÀNH NỘI BỘ`, boxed above the header on the right.
    pub circulation: Option<String>,
}

/// What opens a decision: who decides, on which legal bases, and the enacting word.
#[derive(Debug, Clone, Serialize)]
pub struct Preamble {
    /// `CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN CẨM XUYÊN`.
    pub authority: Option<String>,
    /// Căn cứ lines, each ending `;`, the last `.`.
    pub bases: Vec<String>,
    /// `QUYẾT ĐỊNH:`, `QUYẾT NGHỊ:`.
    pub enacting: Option<&'static str>,
}

/// Addressees.
#[derive(Debug, Clone, Serialize)]
pub struct Recipients {
    /// `Kính gửi:`.
    pub label: &'static str,
    /// One addressee on the label's line, or several as `- …;` lines ending `.`.
    pub lines: Vec<String>,
    /// Whether the lines are a dash list (two or more addressees).
    pub list: bool,
}

/// A body paragraph.
#[derive(Debug, Clone, Serialize)]
pub struct Paragraph {
    /// Its runs of text.
    pub spans: Vec<Span>,
    /// Centred without indent (a heading line), rather than justified with a first-line indent.
    pub centred: bool,
}

/// A block of the printed body: a paragraph, or a table its columns scaled to the text width.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum BodyBlock {
    /// A paragraph.
    Paragraph(Paragraph),
    /// A table.
    Table(Table),
}

/// The block after the body: Nơi nhận on the left, the signature on the right.
#[derive(Debug, Clone, Serialize)]
pub struct Closing {
    /// `Nơi nhận:`; none when there is no distribution list.
    pub distribution_label: Option<&'static str>,
    /// `- Như trên;` … `- Lưu: VT, NTM.`
    pub distribution: Vec<String>,
    /// Authority and position lines, in capitals.
    pub positions: Vec<String>,
    /// The signer's name.
    pub name: String,
    /// A second signature beside it, on the left; Nơi nhận then goes below both.
    pub second: Option<SignatureBlock>,
    /// Drafter's initials and copies, `PL.(300)`, under the distribution list.
    pub drafter: Option<String>,
}

/// A signature: position lines in capitals and the name.
#[derive(Debug, Clone, Serialize)]
pub struct SignatureBlock {
    /// Authority and position lines, in capitals.
    pub positions: Vec<String>,
    /// The signer's name.
    pub name: String,
}

/// File metadata.
#[derive(Debug, Clone, Serialize)]
pub struct Meta {
    /// Document title: number and subject.
    pub title: String,
    /// The issuing agency.
    pub author: String,
    /// The number and ký hiệu (`Số 2402/UBND-NTM`), or those of the decision it is issued with.
    pub subject: String,
    /// A stable identifier: agency, number and ký hiệu.
    pub ident: String,
}

/// A field of the document that cannot be printed as it stands.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{field}`: {message}")]
pub struct Invalid {
    /// Name of the field, as in a job file (`signer.lines`).
    pub field: &'static str,
    /// What is wrong.
    pub message: String,
}

impl Invalid {
    fn signature(field: &'static str, e: SignatureError) -> Invalid {
        Invalid {
            field,
            message: e.to_string(),
        }
    }
}

/// Drops the list punctuation a user may have typed, so that vanban can add the right one.
fn bare(item: &str) -> &str {
    item.trim()
        .trim_start_matches(nd30::LIST_DASH)
        .trim_end_matches([';', '.', ','])
        .trim()
}

/// Items of a list, each ending `;` and the last ending `.`.
fn punctuated(items: &[&str]) -> Vec<String> {
    let last = items.len().saturating_sub(1);
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let end = if i == last {
                nd30::LAST_ITEM_END
            } else {
                nd30::ITEM_END
            };
            format!("{}{end}", bare(item))
        })
        .collect()
}

/// Dash items, each ending `;` and the last ending `.`.
fn dash_list(items: &[&str]) -> Vec<String> {
    punctuated(items)
        .into_iter()
        .map(|item| format!("{} {item}", nd30::LIST_DASH))
        .collect()
}

fn preamble(doc: &Document) -> Option<Preamble> {
    let bases: Vec<&str> = doc
        .bases
        .iter()
        .map(String::as_str)
        .filter(|b| !b.trim().is_empty())
        .collect();
    let authority = doc
        .authority
        .as_deref()
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(str::to_uppercase);
    let enacting = doc
        .kind
        .enacting
        .filter(|_| authority.is_some() || !bases.is_empty());
    (authority.is_some() || !bases.is_empty()).then(|| Preamble {
        authority,
        bases: punctuated(&bases),
        enacting,
    })
}

fn recipients(to: &[String]) -> Option<Recipients> {
    match to {
        [] => None,
        [one] => Some(Recipients {
            label: nd30::RECIPIENTS_LABEL,
            lines: vec![bare(one).to_string()],
            list: false,
        }),
        many => {
            let items: Vec<&str> = many.iter().map(String::as_str).collect();
            Some(Recipients {
                label: nd30::RECIPIENTS_LABEL,
                lines: dash_list(&items),
                list: true,
            })
        }
    }
}

fn archive_item(archive: &str) -> String {
    let archive = bare(archive);
    let registry = archive.split(',').next().map(str::trim) == Some(nd30::REGISTRY_CODE);
    match (archive.is_empty(), registry) {
        (true, _) => format!("{} {}", nd30::ARCHIVE_LABEL, nd30::REGISTRY_CODE),
        (false, true) => format!("{} {archive}", nd30::ARCHIVE_LABEL),
        (false, false) => format!("{} {}, {archive}", nd30::ARCHIVE_LABEL, nd30::REGISTRY_CODE),
    }
}

/// Nơi nhận: `Như trên` first when there are addressees; `Như Điều N` first in a decision, N being its
/// last article (the one that names who carries it out), unless the list already starts so.
fn distribution(doc: &Document) -> Vec<String> {
    let Some(list) = &doc.distribution else {
        return Vec::new();
    };
    let given: Vec<String> = list.to.iter().map(|f| bare(f).to_lowercase()).collect();
    let articles = doc
        .body
        .iter()
        .filter(|b| {
            matches!(
                b,
                Block::Item {
                    level: Level::Article,
                    ..
                }
            )
        })
        .count();
    let default = if !doc.recipients.is_empty() {
        Some(nd30::AS_ADDRESSED.to_string())
    } else if doc.kind.enacting.is_some() && articles > 0 {
        Some(format!("{} {articles}", nd30::AS_ARTICLE))
    } else {
        None
    };
    // The list already names the addressees or the article, wherever it does.
    let already = |d: &str| {
        let d = d.to_lowercase();
        given.iter().any(|f| {
            *f == d
                || (d.starts_with(&nd30::AS_ARTICLE.to_lowercase())
                    && f.starts_with(&nd30::AS_ARTICLE.to_lowercase()))
        })
    };
    let mut items: Vec<&str> = Vec::new();
    if let Some(default) = default.as_deref().filter(|d| !already(d)) {
        items.push(default);
    }
    items.extend(list.to.iter().map(String::as_str));
    let archive = archive_item(&list.archive);
    items.push(&archive);
    dash_list(&items)
}

/// The body's paragraphs, numbered: labels written by vanban, sections in bold capitals, article labels in bold.
fn body(blocks: &[Block]) -> Vec<BodyBlock> {
    let mut numbering = nd30::Numbering::default();
    let mut paragraphs = Vec::new();
    for block in blocks {
        match block {
            Block::Paragraph { spans } => paragraphs.push(BodyBlock::Paragraph(Paragraph {
                spans: spans.clone(),
                centred: false,
            })),
            Block::Table { table } => paragraphs.push(BodyBlock::Table(fitted(table, false))),
            Block::Item { level, spans } if level.is_heading() => {
                // `Chương I` on its own line, its title under it in bold capitals, both centred.
                let bold = |text: String| Span::styled(text, true, false);
                paragraphs.push(BodyBlock::Paragraph(Paragraph {
                    spans: vec![bold(numbering.label(*level))],
                    centred: true,
                }));
                let title: Vec<Span> = spans.iter().map(|s| bold(s.text.to_uppercase())).collect();
                if !title.is_empty() {
                    paragraphs.push(BodyBlock::Paragraph(Paragraph {
                        spans: title,
                        centred: true,
                    }));
                }
            }
            Block::Item { level, spans } => {
                let label = numbering.label(*level);
                // A section's and an article's number are bold; any other's when its whole text is.
                let strong = matches!(level, Level::Section | Level::Article)
                    || (!spans.is_empty() && spans.iter().all(|s| s.bold));
                let mut all = vec![Span::styled(format!("{label} "), strong, false)];
                all.extend(spans.iter().map(|s| match level {
                    Level::Section => Span {
                        text: s.text.to_uppercase(),
                        bold: true,
                        ..s.clone()
                    },
                    _ => s.clone(),
                }));
                paragraphs.push(BodyBlock::Paragraph(Paragraph {
                    spans: all,
                    centred: false,
                }));
            }
        }
    }
    paragraphs
}

/// The issuing agency's name lines joined into one, as a `(Kèm theo …)` line names it.
fn issuer_in_one_line(doc: &Document) -> String {
    let lines: Vec<&str> = doc.issuer.name.iter().map(|l| l.trim()).collect();
    lines.join(" ")
}

/// The annexes of `doc`: labels, titles, reference lines, and tables laid out on the page they need.
fn annexes(doc: &Document) -> Vec<PrintedAnnex> {
    let f = nd30::STANDARD;
    let count = doc.annexes.len() as u32;
    let issuer = issuer_in_one_line(doc);
    let reference = nd30::annex_reference(
        doc.kind.name,
        &nd30::number_symbol(doc.number, &doc.symbol),
        (doc.date, doc.date_blank),
        &issuer,
    );
    doc.annexes
        .iter()
        .enumerate()
        .map(|(i, annex)| {
            let hinted: f32 = annex.table.columns.iter().map(|c| c.width_mm).sum();
            let landscape = hinted > f.text_width_mm(false);
            let table = fitted(&annex.table, landscape);
            let title = annex.title.trim().to_uppercase();
            PrintedAnnex {
                label: nd30::annex_label(i as u32 + 1, count),
                rule_mm: widest_mm(std::slice::from_ref(&title), f.look.annex_title)
                    .min(f.text_width_mm(landscape))
                    * f.look.annex_title.rule_share,
                title,
                reference: reference.clone(),
                landscape,
                table,
            }
        })
        .collect()
}

/// `table` with its columns scaled to fill the text width of a portrait or `landscape` page, and
/// each row told whether it may split across pages.
fn fitted(table: &Table, landscape: bool) -> Table {
    let f = nd30::STANDARD;
    let mut table = table.clone();
    let hinted: f32 = table.columns.iter().map(|c| c.width_mm).sum();
    let scale = if hinted > 0.0 {
        f.text_width_mm(landscape) / hinted
    } else {
        1.0
    };
    for column in &mut table.columns {
        column.width_mm *= scale;
    }
    for row in &mut table.rows {
        row.split = row.may_split(&f);
    }
    table
}

/// The file's title (the kind and the trích yếu), author (the agency), subject (the Số line) and
/// identifier: a document issued with a decision prints no number of its own, and is known by its kind
/// and the decision's number.
fn meta(doc: &Document, agency: &[String], number: &str, subject: &str) -> Meta {
    let known_by = |number: Option<u32>, symbol: &str| {
        format!(
            "{}/{}/{symbol}",
            agency.join(" "),
            number.map_or(String::new(), |n| n.to_string())
        )
    };
    let title = format!("{} {subject}", doc.kind.name).trim().to_owned();
    match &doc.issued_with {
        None => Meta {
            title,
            author: agency.join(" "),
            subject: number.to_owned(),
            ident: known_by(doc.number, &doc.symbol),
        },
        Some(with) => Meta {
            title,
            author: agency.join(" "),
            subject: format!(
                "{} số {}",
                with.kind.name,
                nd30::number_symbol(with.number, &with.symbol)
            ),
            ident: format!("{}/{}", known_by(with.number, &with.symbol), doc.kind.slug),
        },
    }
}

/// The widest of `lines` set in `look`, millimetres.
fn widest_mm(lines: &[String], look: nd30::Look) -> f32 {
    lines
        .iter()
        .map(|l| crate::fonts::width_pt(l, look.size_pt, look.bold) * 25.4 / 72.0)
        .fold(0.0, f32::max)
}

/// The rules under the agency's name, the Tiêu ngữ and the title's last line.
fn rules(agency: &[String], title: Option<&Title>) -> Rules {
    let f = nd30::STANDARD;
    let last = title.map(|t| t.subject.clone().unwrap_or_else(|| t.name.to_string()));
    Rules {
        agency_mm: widest_mm(agency, f.look.agency) * f.look.agency.rule_share,
        motto_mm: widest_mm(&[nd30::MOTTO.to_string()], f.look.motto) * f.look.motto.rule_share,
        title_mm: last.map_or(0.0, |l| {
            widest_mm(&[l], f.look.title).min(f.text_width_mm(false)) * f.look.title.rule_share
        }),
    }
}

fn upper(lines: &[String]) -> Vec<String> {
    lines.iter().map(|l| l.trim().to_uppercase()).collect()
}

/// `lines` set in `look` within `width_mm`: when a line would not fit, the lines are read as one
/// name and broken at its spaces into as few lines as it needs, as even in length as they can be;
/// lines that fit are kept as written.
fn within(lines: Vec<String>, look: nd30::Look, width_mm: f32) -> Vec<String> {
    let wide = |text: &str| widest_mm(&[text.to_string()], look);
    if lines.iter().all(|l| wide(l) <= width_mm) {
        return lines;
    }
    let joined = lines.join(" ");
    let words: Vec<&str> = joined.split_whitespace().collect();
    let fill = |limit: f32| {
        let mut broken: Vec<String> = Vec::new();
        for word in &words {
            match broken.last_mut() {
                Some(last) if wide(&format!("{last} {word}")) <= limit => {
                    last.push(' ');
                    last.push_str(word);
                }
                _ => broken.push((*word).to_string()),
            }
        }
        broken
    };
    let needed = fill(width_mm).len();
    // The narrowest measure that still needs no more lines, found by halving.
    let (mut low, mut high) = (0.0_f32, width_mm);
    for _ in 0..20 {
        let middle = (low + high) / 2.0;
        if fill(middle).len() <= needed {
            high = middle;
        } else {
            low = middle;
        }
    }
    fill(high)
}

impl Printed {
    /// The printed form of `doc`, or the first field that breaks a Decree-30 rule.
    pub fn of(doc: &Document) -> Result<Printed, Invalid> {
        if doc.issuer.name.iter().all(|l| l.trim().is_empty()) {
            return Err(Invalid {
                field: "issuer.name",
                message: "the issuing agency's name is empty".into(),
            });
        }
        let positions = nd30::position_lines(&doc.signature.lines)
            .map_err(|e| Invalid::signature("signer.lines", e))?;
        let name = nd30::signer_name(&doc.signature.name)
            .map_err(|e| Invalid::signature("signer.name", e))?;
        let second = doc
            .second_signature
            .as_ref()
            .map(|s| {
                Ok::<_, Invalid>(SignatureBlock {
                    positions: nd30::position_lines(&s.lines)
                        .map_err(|e| Invalid::signature("second_signer.lines", e))?,
                    name: nd30::signer_name(&s.name)
                        .map_err(|e| Invalid::signature("second_signer.name", e))?,
                })
            })
            .transpose()?;
        let number = nd30::number_line(doc.number, &doc.symbol);
        let subject = doc.subject.trim().to_string();
        let (letter_subject, title) = match doc.kind.title {
            None => (Some(format!("{} {subject}", nd30::SUBJECT_PREFIX)), None),
            Some(name) => (
                None,
                Some(Title {
                    name,
                    subject: doc.kind.subject.then(|| subject.clone()),
                    reference: doc.issued_with.as_ref().map(|with| {
                        let issuer = issuer_in_one_line(doc);
                        nd30::annex_reference(
                            with.kind.name,
                            &nd30::number_symbol(with.number, &with.symbol),
                            (with.date, with.date_blank),
                            &issuer,
                        )
                    }),
                }),
            ),
        };
        let f = nd30::STANDARD;
        let agency = within(upper(&doc.issuer.name), f.look.agency, f.header.left_mm);
        let rules = rules(&agency, title.as_ref());
        Ok(Printed {
            rules,
            parent: within(upper(&doc.issuer.parent), f.look.parent, f.header.left_mm),
            national_name: nd30::NATIONAL_NAME,
            motto: nd30::MOTTO,
            place_date: (doc.kind.dated && doc.issued_with.is_none())
                .then(|| nd30::date_line(doc.place.trim(), doc.date, doc.date_blank)),
            letter_subject,
            title,
            recipients: recipients(&doc.recipients),
            preamble: preamble(doc),
            marks: PrintedMarks {
                secrecy: doc.marks.secrecy,
                urgency: doc.marks.urgency.map(|(word, _)| word),
                urgency_width_mm: doc.marks.urgency.map_or(0.0, |(_, width)| width),
                urgency_height_mm: nd30::URGENCY_BOX_HEIGHT_MM,
                circulation: doc.marks.circulation.clone(),
            },
            body: body(&doc.body),
            closing: Closing {
                distribution_label: doc
                    .distribution
                    .is_some()
                    .then_some(nd30::DISTRIBUTION_LABEL),
                distribution: distribution(doc),
                positions,
                name,
                second,
                drafter: doc.marks.drafter.clone(),
            },
            letter: true,
            electronic: doc.electronic,
            footer: doc
                .footer
                .iter()
                .map(|l| l.trim().to_string())
                .filter(|l| !l.is_empty())
                .collect(),
            annexes: annexes(doc),
            meta: meta(doc, &agency, &number, &subject),
            agency,
            number: doc.issued_with.is_none().then_some(number),
        })
    }
}

impl Printed {
    /// Annex `index` alone, as a file of its own (for attaching separately).
    pub fn annex_alone(&self, index: usize) -> Option<Printed> {
        let annex = self.annexes.get(index)?.clone();
        Some(Printed {
            letter: false,
            annexes: vec![annex],
            ..self.clone()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_punctuation_is_vanbans_job() {
        assert_eq!(
            dash_list(&["Như trên", "Thường trực Huyện ủy;", "- Lưu: VT, NTM"]),
            vec!["- Như trên;", "- Thường trực Huyện ủy;", "- Lưu: VT, NTM."]
        );
    }

    #[test]
    fn the_archive_item_always_names_the_registry() {
        assert_eq!(archive_item("VT, NTM"), "Lưu: VT, NTM");
        assert_eq!(archive_item("NTM"), "Lưu: VT, NTM");
        assert_eq!(archive_item(""), "Lưu: VT");
    }

    #[test]
    fn one_addressee_stays_on_the_label_line() {
        let one = recipients(&["Sở Nội vụ".into()]).expect("one addressee");
        assert!(!one.list);
        assert_eq!(one.lines, vec!["Sở Nội vụ"]);
        let many = recipients(&["A".into(), "B;".into()]).expect("two addressees");
        assert!(many.list);
        assert_eq!(many.lines, vec!["- A;", "- B."]);
    }
}
