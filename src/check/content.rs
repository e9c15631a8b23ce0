//! The content: body paragraphs, the structure's numbering, and annex headings.

use super::{first_look, items_after, look, Evidence, Layout, LineSpacing};
use crate::nd30::{self, Verdict};

/// Characters a line of body text holds at most: a longer paragraph runs over lines.
const ONE_LINE_CHARS: usize = 80;
/// Word's default tab stops, mm apart.
const TAB_STOP_MM: f32 = 12.7;

/// The body's paragraphs: those outside tables and not centred, after the header's last line (the
/// Kính gửi list, the trích yếu, the `V/v` or the date line) and before `Nơi nhận:`. Each property
/// (layout, look, the capital a paragraph opens with) is reported once, at the first paragraph that
/// departs.
pub(super) fn body(evidence: &Evidence) -> Vec<Verdict> {
    let lines = &evidence.lines;
    if evidence.layouts.len() != lines.len() {
        return Vec::new();
    }
    let after = |test: &dyn Fn(&str) -> bool| lines.iter().position(|l| test(l)).map(|i| i + 1);
    let letter_subject = format!("{} ", nd30::SUBJECT_PREFIX);
    let recipients_end = items_after(lines, nd30::RECIPIENTS_LABEL).map(|list| list.next);
    let header_end = [
        after(&|l| nd30::is_number_line(l)),
        after(&|l| nd30::date_part(l).is_some()),
        after(&|l| l.starts_with(&letter_subject)),
        // A named kind's title, and its trích yếu when the kind has one.
        lines
            .iter()
            .enumerate()
            .find_map(|(t, l)| nd30::title_kind(l).map(|kind| t + 1 + usize::from(kind.subject))),
        after(&|l| l.starts_with(nd30::RECIPIENTS_LABEL)),
        recipients_end,
    ]
    .into_iter()
    .flatten()
    .max()
    .unwrap_or(0);
    let end = lines
        .iter()
        .position(|l| l.trim() == nd30::DISTRIBUTION_LABEL)
        .unwrap_or(lines.len());
    let paragraphs: Vec<(usize, &Layout)> = (header_end..end.max(header_end))
        .filter(|&i| !lines[i].trim().is_empty())
        .filter_map(|i| evidence.layouts[i].as_ref().map(|layout| (i, layout)))
        .filter(|(_, layout)| layout.alignment != "center")
        .collect();
    let single = crate::fonts::line_metrics().single();
    // One finding per property: alignment, indent, look, gap, line spacing, opening capital.
    let mut seen = [false; 6];
    let mut report = |kind: usize, verdict: Option<Verdict>, out: &mut Vec<Verdict>| {
        if let (false, Some(v)) = (seen[kind], verdict) {
            seen[kind] = true;
            out.push(v);
        }
    };
    let mut out = Vec::new();
    for (k, &(i, layout)) in paragraphs.iter().enumerate() {
        let line = lines[i].as_str();
        let look = evidence.looks.get(i).copied().flatten();
        let size = look.and_then(|l| l.size_pt);
        // A paragraph of one line prints the same whether it is justified or set left.
        if line.chars().count() > ONE_LINE_CHARS {
            report(
                0,
                nd30::judge_body_alignment(line, &layout.alignment),
                &mut out,
            );
        }
        // A paragraph opened with a tab starts at the next of Word's default stops, 12.7 mm apart.
        let indent = if line.starts_with('\t') {
            ((layout.first_line_mm + 0.5) / TAB_STOP_MM).ceil().max(1.0) * TAB_STOP_MM
        } else {
            layout.first_line_mm
        };
        report(
            1,
            nd30::judge_body_indent(line.trim_start(), indent),
            &mut out,
        );
        if let Some(look) = look {
            report(
                2,
                nd30::judge_look(
                    nd30::BODY,
                    line,
                    look.size_pt,
                    look.bold,
                    look.italic,
                    nd30::BODY_LOOK,
                ),
                &mut out,
            );
        }
        if let Some(&(_, next)) = paragraphs.get(k + 1) {
            report(
                3,
                nd30::judge_paragraph_gap(line, layout.after_pt + next.before_pt),
                &mut out,
            );
        }
        let lines_of_single = match (layout.line, size) {
            (LineSpacing::Multiple(m), _) => Some(m),
            (LineSpacing::Exactly(pt) | LineSpacing::AtLeast(pt), Some(size)) => {
                Some(pt / (single * size))
            }
            _ => None,
        };
        report(
            4,
            lines_of_single.and_then(|m| nd30::judge_line_spacing(line, m)),
            &mut out,
        );
        report(5, nd30::judge_paragraph_opening(line), &mut out);
    }
    out
}

/// A decision's legal bases, before its enacting word: italic, each ending `;`, the last `.`. A
/// basis printed over several lines, or citing several laws, is joined back.
pub(super) fn bases(evidence: &Evidence) -> Vec<Verdict> {
    let lines = &evidence.lines;
    let first_basis = lines.iter().position(|l| nd30::is_basis(l));
    // After the bases, the enacting word; written without its colon, it is told and still ends them.
    let without_colon = first_basis.and_then(|b| {
        (b..lines.len()).find(|&i| nd30::enacting_without_colon(&lines[i]).is_some())
    });
    let Some(enacting) = lines
        .iter()
        .position(|l| nd30::is_enacting(l))
        .or(without_colon)
    else {
        return Vec::new();
    };
    let Some(start) = lines[..enacting].iter().position(|l| nd30::is_basis(l)) else {
        return Vec::new();
    };
    let mut verdicts: Vec<Verdict> = nd30::judge_enacting(&lines[enacting]).into_iter().collect();
    let mut bases: Vec<(usize, String)> = Vec::new();
    for (i, line) in lines.iter().enumerate().take(enacting).skip(start) {
        let line = line.trim();
        match bases.last_mut() {
            _ if line.is_empty() => {}
            _ if nd30::is_basis(line) => bases.push((i, line.to_string())),
            // Up to the enacting word every line belongs to a basis: one basis may cite several
            // laws, each closed by `;`, and be printed over lines.
            Some((_, basis)) => {
                basis.push(' ');
                basis.push_str(line);
            }
            None => break,
        }
    }
    let texts: Vec<&str> = bases.iter().map(|(_, b)| b.as_str()).collect();
    verdicts.extend(nd30::judge_list(nd30::BASES, &texts));
    verdicts.extend(first_look(
        evidence,
        bases.iter().map(|&(i, _)| i),
        nd30::BASES,
        |_| nd30::BASES_LOOK,
    ));
    verdicts
}

/// The structure's labels (parts, chapters, sections, articles, clauses, points) in sequence, and
/// an article's heading with a colon for its full stop.
pub(super) fn sequence(evidence: &Evidence) -> Vec<Verdict> {
    let colon = evidence
        .lines
        .iter()
        .find_map(|l| nd30::judge_article_heading(l));
    // A printed line that goes on with a paragraph holds no label, whatever it starts with.
    let continued = |i: usize| evidence.continues.get(i).copied().unwrap_or(false);
    // An article headed `Điều 1:` is told above and counted as `Điều 1.`.
    let read: Vec<std::borrow::Cow<str>> = evidence
        .lines
        .iter()
        .map(|l| match nd30::judge_article_heading(l) {
            Some(_) => l.replacen(':', ".", 1).into(),
            None => l.as_str().into(),
        })
        .collect();
    // Each document bundled in one file (a second Quốc hiệu) is numbered on its own.
    let mut documents: Vec<Vec<(nd30::Level, &str)>> = vec![Vec::new()];
    for (i, line) in read.iter().enumerate() {
        if nd30::is_national_name(line) && documents.last().is_some_and(|d| !d.is_empty()) {
            documents.push(Vec::new());
        }
        if let (false, Some(label), Some(document)) = (
            continued(i),
            nd30::structure_label(line),
            documents.last_mut(),
        ) {
            document.push(label);
        }
    }
    colon
        .into_iter()
        .chain(
            documents
                .iter()
                .flat_map(|labels| nd30::judge_sequence(labels)),
        )
        .collect()
}

/// Annex headings: the `Phụ lục` line, the title under it and the `(Kèm theo …)` line.
pub(super) fn annexes(evidence: &Evidence) -> Vec<Verdict> {
    let lines = &evidence.lines;
    let labels: Vec<usize> = (0..lines.len())
        .filter(|&i| nd30::is_annex_label(&lines[i]))
        .collect();
    let texts: Vec<&str> = labels.iter().map(|&i| lines[i].as_str()).collect();
    let mut verdicts = nd30::judge_annex_labels(&texts, super::is_annex_file(lines));
    for &at in &labels {
        let near = || (at + 1..lines.len().min(at + 5)).filter(|&i| !lines[i].trim().is_empty());
        let reference = near().find(|&i| lines[i].trim_start().starts_with('('));
        // A PDF prints a long reference over lines: it runs to its closing bracket.
        let whole = reference.map(|i| {
            let mut text = lines[i].trim().to_string();
            for next in lines.iter().skip(i + 1).take(2) {
                if text.ends_with(')') {
                    break;
                }
                text.push(' ');
                text.push_str(next.trim());
            }
            text
        });
        verdicts.extend(whole.and_then(|text| nd30::judge_annex_reference(&text)));
        let title = near().next().filter(|&i| Some(i) != reference);
        let heading = [
            Some((at, nd30::ANNEX_LABEL_LOOK)),
            title.map(|i| (i, nd30::ANNEX_TITLE_LOOK)),
            reference.map(|i| (i, nd30::ANNEX_REFERENCE_LOOK)),
        ];
        verdicts.extend(
            heading
                .into_iter()
                .flatten()
                .find_map(|(i, expected)| look(evidence, i, nd30::ANNEX_HEADING, expected)),
        );
    }
    verdicts
}
