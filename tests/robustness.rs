//! Damaged input never panics: the project's own outputs, its fixtures and, when the folder is there,
//! the real office documents of `../shared/reference/real/` (read from there, never copied) are
//! mutated a few thousand times — bytes flipped, cut short, chunks removed or repeated — and each
//! copy is checked or consolidated. Every run ends with a clear result, and no panic text.

mod common;

use std::path::{Path, PathBuf};

use common::*;

/// A small deterministic generator (xorshift), so that every run mutates alike.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// One damaged copy of `bytes`: some bytes flipped, the file cut short, a chunk removed, or a chunk
/// repeated.
fn damaged(bytes: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut out = bytes.to_vec();
    let len = out.len().max(1);
    match rng.below(4) {
        0 => {
            for _ in 0..1 + rng.below(16) {
                let at = rng.below(len);
                if let Some(byte) = out.get_mut(at) {
                    *byte ^= 1 << rng.below(8);
                }
            }
        }
        1 => out.truncate(rng.below(len)),
        2 => {
            let at = rng.below(len);
            let end = (at + 1 + rng.below(4096)).min(out.len());
            out.drain(at.min(end)..end);
        }
        _ => {
            let at = rng.below(len);
            let end = (at + 1 + rng.below(4096)).min(out.len());
            let chunk = out[at.min(end)..end].to_vec();
            let to = rng.below(len).min(out.len());
            out.splice(to..to, chunk);
        }
    }
    out
}

/// The files to damage: the sample letter as vanban writes it, the check fixtures, and the real
/// documents when they are there.
fn sources(dir: &Path) -> Vec<PathBuf> {
    render(&sample_job(), dir);
    let mut files = vec![
        dir.join("cong-van-2402.pdf"),
        dir.join("cong-van-2402.docx"),
        root().join("tests/fixtures/clerk-letter.pdf"),
        root().join("tests/fixtures/clerk-letter.docx"),
        root().join("tests/fixtures/python-docx-leave.docx"),
    ];
    let real = root().join("../shared/reference/real");
    match std::fs::read_dir(&real) {
        Ok(entries) => {
            let mut found: Vec<PathBuf> = entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "pdf" || x == "docx"))
                .collect();
            found.sort();
            files.extend(found);
        }
        Err(_) => eprintln!(
            "real documents not found at {}: only vanban's own files are damaged",
            real.display()
        ),
    }
    files
}

#[test]
fn damaged_documents_are_checked_without_a_panic() {
    let dir = tempfile::tempdir().expect("temp dir");
    let files = sources(dir.path());
    let mut rng = Rng(0x5eed_cafe_f00d_d00d);
    let (mut cases, mut unreadable, mut internal, mut panics) = (0, 0, 0, 0);
    for file in &files {
        let bytes = std::fs::read(file).expect("source");
        let extension = file.extension().and_then(|x| x.to_str()).unwrap_or("pdf");
        // Large real files take longer to read: fewer copies of each.
        let copies = if bytes.len() > 500_000 { 30 } else { 120 };
        for copy in 0..copies {
            let path = dir.path().join(format!("damaged-{copy}.{extension}"));
            std::fs::write(&path, damaged(&bytes, &mut rng)).expect("write copy");
            cases += 1;
            match std::panic::catch_unwind(|| vanban::check::check_file(&path)) {
                Ok(Ok(_)) => {}
                Ok(Err(e)) if e.to_string().contains("internal error") => internal += 1,
                Ok(Err(_)) => unreadable += 1,
                Err(_) => {
                    panics += 1;
                    eprintln!("panic on a copy of {}", file.display());
                }
            }
        }
    }
    println!(
        "damaged documents: {cases} cases from {} files, {unreadable} not readable, {internal} internal errors contained, {panics} panics",
        files.len()
    );
    assert_eq!(panics, 0);
}

#[test]
fn damaged_workbooks_and_pdfs_give_a_clear_error_and_no_panic_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut rng = Rng(0xdeca_fbad_0bad_beef);
    let (mut runs, mut damaged_books) = (0, 0);
    for source in [
        "district.xls",
        "district.xlsx",
        "district.ods",
        "clerk-letter.pdf",
    ] {
        let bytes = std::fs::read(root().join("tests/fixtures").join(source)).expect("fixture");
        let extension = source.rsplit('.').next().unwrap_or("xls");
        for copy in 0..60 {
            let path = dir.path().join(format!("damaged-{copy}.{extension}"));
            std::fs::write(&path, damaged(&bytes, &mut rng)).expect("write copy");
            let path = path.to_str().expect("utf-8 path");
            let output = if extension == "pdf" {
                vanban(&["check", path])
            } else {
                let plan = dir.path().join("plan.json");
                vanban(&["consolidate", path, "-o", plan.to_str().expect("utf-8")])
            };
            runs += 1;
            let stderr = String::from_utf8_lossy(&output.stderr);
            // calamine panics on some of these; the panic is contained and told so.
            if stderr.contains("the file is damaged") {
                damaged_books += 1;
            }
            assert!(
                !stderr.contains("panicked") && !stderr.contains("RUST_BACKTRACE"),
                "{source} copy {copy}: {stderr}"
            );
            assert!(
                matches!(output.status.code(), Some(0..=2)),
                "{source} copy {copy}: {:?} {stderr}",
                output.status
            );
        }
    }
    println!(
        "damaged workbooks and PDFs: {runs} runs of the command line, {damaged_books} reader panics contained, no panic text"
    );
    assert!(damaged_books > 0, "no copy reached a reader's panic");
}

#[test]
fn damaged_drafts_are_imported_without_a_panic() {
    let dir = tempfile::tempdir().expect("temp dir");
    let files: Vec<PathBuf> = sources(dir.path())
        .into_iter()
        .filter(|f| f.extension().is_some_and(|x| x == "docx"))
        .collect();
    let mut rng = Rng(0x1a2b_3c4d_5e6f_7788);
    let (mut cases, mut imported, mut internal, mut panics) = (0, 0, 0, 0);
    for file in &files {
        let bytes = std::fs::read(file).expect("source");
        for copy in 0..40 {
            let path = dir.path().join(format!("draft-{copy}.docx"));
            std::fs::write(&path, damaged(&bytes, &mut rng)).expect("write copy");
            cases += 1;
            match std::panic::catch_unwind(|| vanban::import::import(&path)) {
                Ok(Ok(_)) => imported += 1,
                Ok(Err(e)) if e.to_string().contains("internal error") => internal += 1,
                Ok(Err(_)) => {}
                Err(_) => {
                    panics += 1;
                    eprintln!("panic on a copy of {}", file.display());
                }
            }
        }
    }
    println!(
        "damaged drafts: {cases} cases from {} files, {imported} imported, {internal} internal errors contained, {panics} panics",
        files.len()
    );
    assert!(
        cases > 0 && imported > 0,
        "{cases} cases, {imported} imported"
    );
    assert_eq!(panics, 0);
}
