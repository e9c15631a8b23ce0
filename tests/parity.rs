//! The PDF and the DOCX of one document show the same layout: every sample (and the per-commune
//! sample for two communes) rendered in both formats, the DOCX printed to PDF by LibreOffice, and the
//! two PDFs read with the checker's own reader and compared: each part's page count (the letter,
//! each annex), and on each part's first page every line both print alike — its size, weight and
//! slant, and the centre of a header line — and every rule drawn (its length and centre).

mod common;

use std::path::{Path, PathBuf};

use common::*;
use vanban::check::{Evidence, Placed};

/// How far apart two centres or two rule lengths may be, mm.
const PLACE_MM: f32 = 1.0;
/// How far apart two sizes may be, points.
const SIZE_PT: f32 = 0.5;
/// How far apart the same text may stand in the two PDFs and be taken for one line, mm.
const NEAR_MM: f32 = 12.0;
/// Lines above this line of page 1 are the header, whose centres are compared, mm from the top.
const HEADER_MM: f32 = 45.0;

/// The pages of each part of a document: the letter, then each annex (which opens with its heading).
fn parts(evidence: &Evidence) -> Vec<Vec<usize>> {
    let mut parts: Vec<Vec<usize>> = Vec::new();
    for (index, page) in evidence.placed.iter().enumerate() {
        let opens_annex = page
            .iter()
            .find(|l| !l.text.trim().is_empty())
            .is_some_and(|l| vanban::nd30::is_annex_label(&l.text));
        match parts.last_mut() {
            Some(part) if !opens_annex => part.push(index),
            _ => parts.push(vec![index]),
        }
    }
    parts
}

fn centre(line: &Placed) -> f32 {
    (line.x0_mm + line.x1_mm) / 2.0
}

/// What differs between vanban's PDF and LibreOffice's PDF of the DOCX, one line per difference.
fn differences(ours: &Path, theirs: &Path) -> Vec<String> {
    let read = |path: &Path| vanban::check::pdf::read(path).expect("a PDF the checker reads");
    let (ours_read, theirs_read) = (read(ours), read(theirs));
    let (our_parts, their_parts) = (parts(&ours_read), parts(&theirs_read));
    let lengths = |parts: &[Vec<usize>]| parts.iter().map(Vec::len).collect::<Vec<_>>();
    let mut found = Vec::new();
    if lengths(&our_parts) != lengths(&their_parts) {
        found.push(format!(
            "pages per part: PDF {:?}, DOCX {:?}",
            lengths(&our_parts),
            lengths(&their_parts)
        ));
        return found;
    }
    for (part, (mine, other)) in our_parts.iter().zip(&their_parts).enumerate() {
        let (a, b) = (mine[0], other[0]);
        let (lines, other_lines) = (&ours_read.placed[a], &theirs_read.placed[b]);
        for line in lines {
            // The same text nearest where this line stands (a table repeats its figures).
            let distance = |l: &&Placed| {
                (l.baseline_mm - line.baseline_mm).abs() + (centre(l) - centre(line)).abs()
            };
            let twin = other_lines
                .iter()
                .filter(|l| l.text == line.text)
                .min_by(|x, y| distance(x).total_cmp(&distance(y)))
                .filter(|l| distance(l) <= NEAR_MM);
            let Some(twin) = twin else {
                continue; // broken over lines differently: nothing to compare
            };
            let what = format!("part {part}: “{}”", line.text);
            if (line.size_pt - twin.size_pt).abs() > SIZE_PT {
                found.push(format!(
                    "{what}: size {} pt and {} pt",
                    line.size_pt, twin.size_pt
                ));
            }
            if (line.bold, line.italic) != (twin.bold, twin.italic) {
                found.push(format!(
                    "{what}: bold/italic {:?} and {:?}",
                    (line.bold, line.italic),
                    (twin.bold, twin.italic)
                ));
            }
            if part == 0
                && line.baseline_mm < HEADER_MM
                && (centre(line) - centre(twin)).abs() > PLACE_MM
            {
                found.push(format!(
                    "{what}: centre {:.1} mm and {:.1} mm",
                    centre(line),
                    centre(twin)
                ));
            }
        }
        let (rules, other_rules) = (&ours_read.drawn[a], &theirs_read.drawn[b]);
        for rule in rules {
            let length = rule.x1_mm - rule.x0_mm;
            let middle = (rule.x0_mm + rule.x1_mm) / 2.0;
            let twin = other_rules.iter().find(|r| {
                ((r.x1_mm - r.x0_mm) - length).abs() <= PLACE_MM
                    && ((r.x0_mm + r.x1_mm) / 2.0 - middle).abs() <= PLACE_MM
            });
            if twin.is_none() && length < 150.0 {
                found.push(format!(
                    "part {part}: the rule of {length:.1} mm centred at {middle:.1} mm has no twin in the DOCX"
                ));
            }
        }
    }
    found
}

/// Every sample's PDF and DOCX, and the per-commune letter's for two communes.
fn documents(dir: &Path) -> Vec<(PathBuf, PathBuf)> {
    let samples = root().join("samples/cam-xuyen-2021");
    let mut jobs: Vec<PathBuf> = std::fs::read_dir(&samples)
        .expect("samples")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .filter(|p| !p.to_string_lossy().ends_with("-xa.toml"))
        .collect();
    jobs.sort();
    let mut pairs = Vec::new();
    for job in jobs {
        render(&job, dir);
        let stem = job
            .file_stem()
            .expect("stem")
            .to_string_lossy()
            .into_owned();
        pairs.push((
            dir.join(format!("{stem}.pdf")),
            dir.join(format!("{stem}.docx")),
        ));
    }
    let batch = dir.join("xa");
    let output = vanban(&[
        "batch",
        samples
            .join("cong-van-2402-xa.toml")
            .to_str()
            .expect("utf-8"),
        "-o",
        batch.to_str().expect("utf-8"),
        "-q",
    ]);
    assert!(output.status.success(), "{output:?}");
    for commune in ["cam-binh", "cam-thanh"] {
        pairs.push((
            batch.join(format!("2402-{commune}.pdf")),
            batch.join(format!("2402-{commune}.docx")),
        ));
    }
    pairs
}

#[test]
fn the_pdf_and_the_docx_of_every_sample_show_the_same_layout() {
    if !tools(&["soffice"]) {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let pairs = documents(dir.path());
    let docx: Vec<&Path> = pairs.iter().map(|(_, d)| d.as_path()).collect();
    let printed = libreoffice_pdfs(&docx, &dir.path().join("lo"));
    let mut all = Vec::new();
    for ((pdf, _), theirs) in pairs.iter().zip(&printed) {
        let name = pdf
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        let found = differences(pdf, theirs);
        println!("{name}: {} differences", found.len());
        all.extend(found.into_iter().map(|d| format!("{name}: {d}")));
    }
    assert!(all.is_empty(), "{}", all.join("\n"));
}
