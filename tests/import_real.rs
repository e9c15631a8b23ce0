//! `vanban fix` on real office drafts (`../shared/reference/real/` and its `more/`): each draft of a
//! Decree-30 kind is imported and rendered with no error left for the checker, every word of the
//! paragraphs it keeps in the body is in the output in order, a draft of another kind is refused with
//! nothing written, and no file makes it panic. The documents are other people's: they are read from
//! that folder, never copied here, and the test says so and skips when it is absent.

mod common;

use std::path::PathBuf;

use common::*;
use unicode_normalization::UnicodeNormalization;

/// The folder of real documents, beside the project.
fn folder() -> PathBuf {
    root().join("../shared/reference/real")
}

/// The Word files of the folder and of `more/`.
fn drafts() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for dir in [folder(), folder().join("more")] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        files.extend(
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "docx" || e == "doc")),
        );
    }
    files.sort();
    files
}

/// The words of a text, lower case: its runs of letters and digits, composed (NFC).
fn words(text: &str) -> Vec<String> {
    let text: String = text.nfc().collect();
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The text of each paragraph of a WordprocessingML part, numbered as import numbers them: every
/// `w:p` in document order, table cells included, text boxes and the fallback of alternate content
/// left out.
fn paragraphs(xml: &str) -> Vec<String> {
    let mut xml = xml.to_string();
    for (open, close) in [
        ("<mc:Fallback>", "</mc:Fallback>"),
        ("<w:txbxContent>", "</w:txbxContent>"),
    ] {
        while let Some(start) = xml.find(open) {
            let Some(end) = xml[start..].find(close) else {
                break;
            };
            xml.replace_range(start..start + end + close.len(), "");
        }
    }
    let mut out = Vec::new();
    let mut rest = xml.as_str();
    while let Some(at) = rest.find("<w:p") {
        let after = &rest[at + 4..];
        if !(after.starts_with('>') || after.starts_with(' ') || after.starts_with('/')) {
            rest = after;
            continue;
        }
        let empty = after.split('>').next().is_some_and(|t| t.ends_with('/'));
        let end = if empty {
            after.find('>').map_or(after.len(), |e| e + 1)
        } else {
            after.find("</w:p>").unwrap_or(after.len())
        };
        // A paragraph holding a nested one (a text box's, removed above) ends at its own close.
        out.push(docx_paragraph_texts(&format!("{}</w:p>", &after[..end])).concat());
        rest = &after[end..];
    }
    out
}

/// The paragraph numbers the report says were kept in the body.
fn kept_in_body(report: &str) -> Vec<usize> {
    report
        .lines()
        .filter(|l| l.ends_with("kept in the body"))
        .filter_map(|l| {
            let at = l.find(": paragraph ")? + ": paragraph ".len();
            l[at..].split(' ').next()?.parse().ok()
        })
        .collect()
}

/// Whether `wanted` appears in `text` in order.
fn in_order(wanted: &[String], text: &[String]) -> Result<(), String> {
    let mut at = 0;
    for (i, word) in wanted.iter().enumerate() {
        match text[at..].iter().position(|w| w == word) {
            Some(found) => at += found + 1,
            None => {
                let from = i.saturating_sub(5);
                return Err(format!(
                    "{word:?} not found after {:?}",
                    wanted[from..i].join(" ")
                ));
            }
        }
    }
    Ok(())
}

#[test]
fn real_drafts_are_fixed_with_every_body_word_kept() {
    if !folder().is_dir() {
        eprintln!(
            "skipped: {} not found (the real documents are read from there, never copied)",
            folder().display()
        );
        return;
    }
    let (mut fixed, mut refused) = (0, 0);
    for draft in drafts() {
        let name = draft
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        let out = tempfile::tempdir().expect("temp dir");
        let output = vanban(&[
            "fix",
            draft.to_str().expect("utf-8"),
            "-o",
            out.path().to_str().expect("utf-8"),
            "--format",
            "pdf,docx",
        ]);
        let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        assert!(!stderr.contains("panicked"), "{name}: {stderr}");
        if !output.status.success() {
            // Only a document vanban cannot write is refused: a kind the Decree does not name, one
            // outside its scope, or a draft with no signer's name yet.
            assert_eq!(output.status.code(), Some(1), "{name}: {stderr}");
            let why = stderr
                .lines()
                .find(|l| l.starts_with("error: "))
                .unwrap_or("");
            let understood = [
                "is not the title of any of the 29 kinds",
                "no title of a Decree-30 kind",
                "the signer's name is empty",
                "no Số line with a ký hiệu",
                "not imported: ",
                // A .doc where LibreOffice is not installed.
                "save it as .docx",
            ];
            assert!(
                understood.iter().any(|u| why.contains(u)),
                "{name}: {stderr}"
            );
            if why.contains("nothing written") {
                assert!(
                    std::fs::read_dir(out.path()).expect("out").next().is_none(),
                    "{name}: files written"
                );
            }
            refused += 1;
            continue;
        }
        fixed += 1;
        for line in stdout.lines().filter(|l| l.starts_with("before: ")) {
            assert!(line.contains("; after: 0 errors"), "{name}: {line}");
        }
        if draft.extension().is_some_and(|e| e == "doc") {
            continue;
        }
        let stem = draft
            .file_stem()
            .expect("stem")
            .to_string_lossy()
            .into_owned();
        let texts = paragraphs(&docx_part(&draft, "word/document.xml"));
        let output_docx = out.path().join(format!("{stem}.docx"));
        let output_words: Vec<String> =
            words(&docx_paragraph_texts(&docx_part(&output_docx, "word/document.xml")).join(" "));
        let body: Vec<String> = kept_in_body(&stdout)
            .iter()
            .filter_map(|&n| texts.get(n - 1))
            // Numbering marks are vanban's to write (it numbers in order what a draft skipped).
            .map(|t| vanban::nd30::structure::parse(t).map_or(t.as_str(), |label| label.rest))
            .flat_map(words)
            .collect();
        assert!(!body.is_empty(), "{name}: no body kept\n{stdout}");
        if let Err(e) = in_order(&body, &output_words) {
            panic!("{name}: a body word is lost: {e}");
        }
    }
    eprintln!("real drafts: {fixed} fixed, {refused} refused");
    assert!(fixed >= 20, "{fixed} fixed, {refused} refused");
}

#[test]
fn no_real_file_makes_import_panic() {
    if !folder().is_dir() {
        eprintln!("skipped: {} not found", folder().display());
        return;
    }
    let entries: Vec<PathBuf> = std::fs::read_dir(folder())
        .expect("folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    for file in entries {
        let out = tempfile::tempdir().expect("temp dir");
        let output = vanban(&[
            "import",
            file.to_str().expect("utf-8"),
            "-o",
            out.path().to_str().expect("utf-8"),
        ]);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            output.status.success()
                || stderr.starts_with("error: ")
                || stderr.contains("\nerror: "),
            "{}: {stderr}",
            file.display()
        );
        assert!(!stderr.contains("panicked"), "{}: {stderr}", file.display());
    }
}
