//! Batches: one document per commune, a manifest that matches the files, the same bytes on a re-run,
//! a broken commune that stops nothing else.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use sha2::{Digest, Sha256};

fn batch_job() -> PathBuf {
    sample_job().with_file_name("cong-van-2402-xa.toml")
}

fn run_batch(job: &Path, out: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "batch",
        job.to_str().expect("utf-8"),
        "-o",
        out.to_str().expect("utf-8"),
        "--quiet",
    ];
    args.extend(extra);
    vanban(&args)
}

fn manifest(out: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(out.join("manifest.json")).expect("manifest"))
        .expect("json")
}

#[test]
fn the_sample_batch_writes_every_commune_and_a_true_manifest() {
    if !tools(&["pdfinfo", "pdftotext"]) {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let (first, second) = (dir.path().join("a"), dir.path().join("b"));
    let output = run_batch(
        &batch_job(),
        &first,
        &[
            "-j",
            "2",
            "--zip",
            dir.path().join("xa.zip").to_str().expect("utf-8"),
        ],
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("48 files for 24 communes"),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );

    let manifest = manifest(&first);
    let outputs = manifest["outputs"].as_array().expect("outputs");
    assert_eq!(outputs.len(), 48);
    assert_eq!(manifest["failures"].as_array().map(Vec::len), Some(0));

    // Every commune's documents pass the checker: DOCX with no finding, PDF with only the font clone.
    let files: Vec<String> = std::fs::read_dir(&first)
        .expect("out")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "docx" || x == "pdf"))
        .map(|p| p.display().to_string())
        .collect();
    assert_eq!(files.len(), 48);
    let mut args = vec!["check"];
    args.extend(files.iter().map(String::as_str));
    let check = vanban(&args);
    let findings = String::from_utf8_lossy(&check.stdout);
    assert!(check.status.success(), "{findings}");
    assert!(
        findings
            .lines()
            .all(|l| l.contains(".pdf: W3 font: \"Liberation Serif\"")),
        "{findings}"
    );
    for output in outputs {
        let path = first.join(output["path"].as_str().expect("path"));
        let bytes = std::fs::read(&path).expect("written file");
        let sha: String = Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(
            output["sha256"].as_str(),
            Some(sha.as_str()),
            "{}",
            path.display()
        );
        assert_eq!(output["bytes"].as_u64(), Some(bytes.len() as u64));
        if output["format"] == "pdf" {
            assert_eq!(
                output["pages"].as_u64(),
                Some(page_count(&path) as u64),
                "{}",
                path.display()
            );
        }
    }
    assert!(first.join("2402-thi-tran-thien-cam.pdf").exists());
    let csv = std::fs::read_to_string(first.join("manifest.csv")).expect("csv");
    assert_eq!(csv.lines().count(), 49, "header and one line per file");

    // The commune's own letter: addressed to it, with its own row in the annex.
    let text = pdf_text(&first.join("2402-cam-duong.pdf"), None);
    assert!(
        text.contains("Kính gửi: Ủy ban nhân dân xã Cẩm Dương"),
        "{text}"
    );
    assert!(
        text.contains("Cẩm Dương") && !text.contains("Cẩm Bình   "),
        "annex rows of other communes"
    );

    // The zip holds every file and the manifest.
    let zip = zip::ZipArchive::new(std::fs::File::open(dir.path().join("xa.zip")).expect("zip"))
        .expect("a zip");
    assert_eq!(zip.len(), 50);

    // A re-run, with one worker, gives the same bytes.
    let output = run_batch(&batch_job(), &second, &["-j", "1"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        std::fs::read(first.join("manifest.json")).expect("first"),
        std::fs::read(second.join("manifest.json")).expect("second")
    );
}

#[test]
fn one_broken_commune_stops_nothing_else() {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_sample(dir.path());
    let data = dir.path().join("ocop-2021.json");
    let mut plan: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&data).expect("data")).expect("json");
    let communes = plan["communes"].as_array_mut().expect("communes");
    let ha = communes
        .iter_mut()
        .find(|c| c["name"] == "Cẩm Hà")
        .expect("Cẩm Hà in the sample");
    ha["ideas"] = serde_json::json!([1, 0, 0, 0]);
    std::fs::write(&data, plan.to_string()).expect("write data");

    let out = dir.path().join("out");
    let output = run_batch(&dir.path().join("cong-van-2402-xa.toml"), &out, &[]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "{stderr}");
    assert!(
        stderr.contains("commune \"Cẩm Hà\": expected 5 yearly figures"),
        "{stderr}"
    );
    let manifest = manifest(&out);
    assert_eq!(manifest["outputs"].as_array().map(Vec::len), Some(46));
    let failures = manifest["failures"].as_array().expect("failures");
    assert_eq!(failures.len(), 1);
    assert_eq!(failures[0]["commune"], "Cẩm Hà");
    assert!(failures[0]["error"]
        .as_str()
        .is_some_and(|e| e.contains("Cẩm Hà")));
    assert!(!out.join("2402-cam-ha.pdf").exists());
    assert!(out.join("2402-cam-hoa.pdf").exists());
}

#[test]
fn two_communes_with_one_file_name_stop_the_batch_before_it_writes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out");
    let output = run_batch(&batch_job(), &out, &["--name", "{number}"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(stderr.contains("would both be written as 2402"), "{stderr}");
    assert!(!out.exists(), "nothing is written");
}

#[test]
fn warnings_about_the_data_are_printed_and_kept_in_the_manifest() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out");
    let workbook = root().join("tests/fixtures/district-tcvn3.xlsx");
    let output = run_batch(
        &batch_job(),
        &out,
        &[
            "--data",
            workbook.to_str().expect("utf-8"),
            "--format",
            "docx",
        ],
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(stderr.contains("converted TCVN3 text"), "{stderr}");
    let warnings = manifest(&out)["warnings"].clone();
    let warnings = warnings.as_array().expect("warnings");
    assert!(
        warnings.iter().any(|w| w
            .as_str()
            .is_some_and(|w| w.contains("district-tcvn3.xlsx"))),
        "{warnings:?}"
    );
}

/// `tests/fixtures/bad.xlsx`: Cẩm Bình with a word for a figure (D6) and again further down (B11), and
/// a totals row that does not add up. Cẩm Bình is left out, the other communes are written, and each
/// failure names its commune where it is about one.
#[test]
fn a_workbooks_broken_communes_are_left_out_and_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out");
    let data = root().join("tests/fixtures/bad.xlsx");
    let output = run_batch(
        &batch_job(),
        &out,
        &["--data", data.to_str().expect("utf-8"), "--format", "pdf"],
    );
    assert!(!output.status.success());
    let manifest = manifest(&out);
    let written: Vec<&str> = manifest["outputs"]
        .as_array()
        .expect("outputs")
        .iter()
        .filter_map(|o| o["commune"].as_str())
        .collect();
    assert_eq!(written, ["Cẩm Thành", "Cẩm Quang", "Thị trấn Thiên Cầm"]);
    let failed: Vec<Option<&str>> = manifest["failures"]
        .as_array()
        .expect("failures")
        .iter()
        .map(|f| f["commune"].as_str())
        .collect();
    assert_eq!(failed, [Some("Cẩm Bình"), None, Some("Xã Cẩm Bình")]);
}

/// A file the disk refuses (here a folder already has its name) is its commune's failure, named with
/// its path; the manifest lists every other file and no file that is not there.
#[test]
fn a_file_that_cannot_be_written_is_its_communes_failure() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out");
    std::fs::create_dir_all(out.join("2402-cam-ha.docx/blocked")).expect("blocking folder");
    let output = run_batch(&batch_job(), &out, &["--format", "docx", "-j", "2"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "{stderr}");
    let manifest = manifest(&out);
    let outputs = manifest["outputs"].as_array().expect("outputs");
    assert_eq!(outputs.len(), 23);
    for written in outputs {
        let path = written["path"].as_str().expect("path");
        let bytes = std::fs::read(out.join(path)).expect("every listed file is there");
        assert_eq!(written["bytes"].as_u64(), Some(bytes.len() as u64));
    }
    let failures = manifest["failures"].as_array().expect("failures");
    assert_eq!(failures.len(), 1, "{failures:?}");
    assert_eq!(failures[0]["commune"], "Cẩm Hà");
    assert!(
        failures[0]["error"]
            .as_str()
            .is_some_and(|e| e.contains("2402-cam-ha.docx")),
        "{failures:?}"
    );
    let unfinished = std::fs::read_dir(&out)
        .expect("out")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(".vanban-"))
        .count();
    assert_eq!(unfinished, 0, "no temporary file is left behind");
}
