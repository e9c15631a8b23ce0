//! The content: legal bases, body paragraphs, the structure's numbering, its end, and annex headings.

use super::*;

/// Whether `line` opens a legal basis (`Căn cứ …`, `Theo đề nghị …`, `Xét …`).
pub fn is_basis(line: &str) -> bool {
    let line = line.trim_start();
    BASIS_OPENINGS.iter().any(|opening| {
        line.strip_prefix(opening)
            .is_some_and(|rest| rest.starts_with(' '))
    })
}

/// Whether `line` is the word that enacts a decision (`QUYẾT ĐỊNH:`), after its legal bases.
pub fn is_enacting(line: &str) -> bool {
    KINDS
        .iter()
        .filter_map(|k| k.enacting)
        .any(|word| line.trim() == word)
}

/// The enacting word a line reads as when its colon is missing (`QUYẾT ĐỊNH` for `QUYẾT ĐỊNH:`).
pub fn enacting_without_colon(line: &str) -> Option<&'static str> {
    KINDS
        .iter()
        .filter_map(|k| k.enacting)
        .find(|word| word.strip_suffix(':') == Some(line.trim()))
}

/// An enacting word written without its colon.
pub fn judge_enacting(line: &str) -> Option<Verdict> {
    enacting_without_colon(line).map(|word| Verdict::new(HEADING, line.trim(), word))
}

/// An article's heading with a colon for its full stop (`Điều 1:` for `Điều 1.`).
pub fn judge_article_heading(line: &str) -> Option<Verdict> {
    let rest = line.trim().strip_prefix("Điều ")?;
    let (number, _) = rest.split_once(':')?;
    (!number.is_empty() && number.chars().all(|c| c.is_ascii_digit())).then(|| {
        Verdict::new(
            HEADING,
            format!("Điều {number}:"),
            format!("Điều {number}."),
        )
    })
}

/// A body paragraph's alignment, as Word names it: justified (`both`, or `distribute`).
pub fn judge_body_alignment(line: &str, alignment: &str) -> Option<Verdict> {
    (!["both", "distribute"].contains(&alignment)).then(|| {
        Verdict::new(
            BODY,
            format!("{} (aligned {alignment})", excerpt(line)),
            "justify the body's paragraphs",
        )
    })
}

/// A body paragraph's first-line indent, mm: 1 cm or 1.27 cm.
pub fn judge_body_indent(line: &str, first_line_mm: f32) -> Option<Verdict> {
    let allowed = LIMITS.indents_mm;
    let near = allowed
        .iter()
        .any(|mm| (first_line_mm - mm).abs() <= LIMITS.indent_tolerance_mm);
    (!near).then(|| {
        Verdict::new(
            BODY,
            format!(
                "{} (first-line indent {first_line_mm:.1} mm)",
                excerpt(line)
            ),
            format!("first-line indent {} or {} mm", allowed[0], allowed[1]),
        )
    })
}

/// The space between two body paragraphs, points.
pub fn judge_paragraph_gap(line: &str, gap_pt: f32) -> Option<Verdict> {
    let least = LIMITS.min_paragraph_gap_pt;
    (gap_pt + 0.05 < least).then(|| {
        Verdict::new(
            BODY,
            format!("{} ({gap_pt:.0} pt to the next paragraph)", excerpt(line)),
            format!("at least {least:.0} pt between paragraphs"),
        )
    })
}

/// A body paragraph's line spacing, as a multiple of single spacing.
pub fn judge_line_spacing(line: &str, lines: f32) -> Option<Verdict> {
    let range = LIMITS.line_spacing;
    (!(range.min - 0.01..=range.max + 0.01).contains(&lines)).then(|| {
        Verdict::new(
            BODY,
            format!("{} (line spacing {lines:.2} lines)", excerpt(line)),
            format!("line spacing from {} to {} lines", range.min, range.max),
        )
    })
}

/// The structural label a line opens with and its level: `Phần II`, `Chương II` and `Mục 1`
/// headings, `Điều 3.`, a section's `III.`, a clause's `2.`, a point's `đ)` (read by
/// [`structure::parse`](crate::nd30::structure::parse); dash and plus items are not numbered).
pub fn structure_label(line: &str) -> Option<(Level, &str)> {
    crate::nd30::structure::parse(line)
        .filter(|l| !matches!(l.level, Level::Dash | Level::Plus))
        .map(|l| (l.level, l.label))
}

/// Numbering that has just written `label` at `level`, if `label` is in that level's sequence.
fn numbering_at(level: Level, label: &str) -> Option<Numbering> {
    let mut numbering = Numbering::default();
    (0..200)
        .any(|_| numbering.label(level) == label)
        .then_some(numbering)
}

/// Labels in sequence, level by level: `Điều` numbers through the document, clauses, points in the
/// order a, b, c, d, đ, e, g, …, sections, chapters and parts. A list (or a document issued with
/// another) may start again from its first label. A label out of sequence is named with the one
/// expected; the count goes on from it when the next label of its level follows it (one left out),
/// and from the expected one otherwise (one mistyped).
pub fn judge_sequence(labels: &[(Level, &str)]) -> Vec<Verdict> {
    let mut counters: Vec<(Level, Numbering)> = Vec::new();
    let mut verdicts = Vec::new();
    for (index, &(level, label)) in labels.iter().enumerate() {
        let at = match counters.iter().position(|(l, _)| *l == level) {
            Some(at) => at,
            None => {
                counters.push((level, Numbering::default()));
                counters.len() - 1
            }
        };
        let expected = counters[at].1.label(level);
        if label == expected {
            continue;
        }
        if label == Numbering::default().label(level) {
            counters[at].1 = Numbering::default();
            counters[at].1.label(level);
            continue;
        }
        verdicts.push(Verdict::new(SEQUENCE, label, expected));
        let next = labels[index + 1..].iter().find(|(l, _)| *l == level);
        if let (Some(numbering), Some(&(_, next))) = (numbering_at(level, label), next) {
            if numbering.clone().label(level) == next {
                counters[at].1 = numbering;
            }
        }
    }
    verdicts
}

/// The content (the lines before the Nơi nhận) ends with [`CONTENT_END_MARK`]: some line must end so,
/// since a second signature (a biên bản's secretary) may stand between the content and the Nơi nhận.
pub fn judge_content_end(content: &[&str]) -> Option<Verdict> {
    if content.iter().any(|l| l.trim().ends_with(CONTENT_END_MARK)) {
        return None;
    }
    let last = content
        .iter()
        .rev()
        .map(|l| l.trim())
        .find(|l| !l.is_empty())?;
    let tail: String = last
        .chars()
        .rev()
        .take(30)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    Some(Verdict::new(
        CONTENT_END,
        tail,
        format!("end the content with {CONTENT_END_MARK}"),
    ))
}

/// Whether `line` is an annex heading: `Phụ lục`, or `Phụ lục` and one numeral.
pub fn is_annex_label(line: &str) -> bool {
    let line = line.trim();
    let Some(rest) = line.get(ANNEX_LABEL.len()..) else {
        return false;
    };
    // `PHỤ LỤC` in capitals is an annex heading too, and a departure judged as one.
    let opening = &line[..ANNEX_LABEL.len()];
    opening.to_uppercase() == ANNEX_LABEL.to_uppercase()
        && (rest.is_empty() || (rest.starts_with(' ') && rest.split_whitespace().count() == 1))
}

/// The annex headings of a document, in order: numbered in Roman numerals when there are several;
/// `alone` when the file is an annex filed on its own.
pub fn judge_annex_labels(labels: &[&str], alone: bool) -> Vec<Verdict> {
    let count = u32::try_from(labels.len()).unwrap_or(u32::MAX);
    // An annex filed on its own is one of its document's annexes, whichever: `Phụ lục` or `Phụ lục II`.
    if let ([label], true) = (labels, alone) {
        let any = (1..=60).any(|n| label.trim() == annex_label(n, 2))
            || label.trim() == annex_label(1, 1);
        return if any {
            Vec::new()
        } else {
            vec![Verdict::new(ANNEX_HEADING, label.trim(), annex_label(1, 1))]
        };
    }
    (1..=count)
        .zip(labels)
        .filter_map(|(index, label)| {
            let expected = annex_label(index, count);
            (label.trim() != expected).then(|| Verdict::new(ANNEX_HEADING, label.trim(), expected))
        })
        .collect()
}

/// The line under an annex heading's title: `(Kèm theo … số … ngày … tháng … năm … của …)`.
pub fn judge_annex_reference(line: &str) -> Option<Verdict> {
    let line = line.trim();
    let opening = format!("({ANNEX_REFERENCE} ");
    let shaped = line.starts_with(&opening)
        && line.ends_with(')')
        && [" số ", " ngày ", " tháng ", " năm ", " của "]
            .iter()
            .all(|word| line.contains(word));
    (!shaped).then(|| {
        Verdict::new(
            ANNEX_HEADING,
            line,
            format!("{opening}<kind> số <number> ngày … tháng … năm … của <issuer>)"),
        )
    })
}
