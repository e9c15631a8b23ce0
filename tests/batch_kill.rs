//! A batch killed part way (SIGKILL, as a power cut or a closed terminal would stop it) leaves only
//! complete files and no manifest; run again, it completes, and its manifest lists exactly the files
//! in the folder.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::copy_sample;

/// The names of the files in `dir`.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .filter_map(|e| e.file_name().into_string().ok())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn a_killed_batch_leaves_complete_files_and_a_rerun_completes_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_sample(dir.path());
    let data = dir.path().join("plan.json");
    std::fs::write(&data, common::synthetic::plan_json(300, false)).expect("plan");
    let out = dir.path().join("out");
    let job = dir.path().join("cong-van-2402-xa.toml");
    let args = |command: &mut Command| {
        command
            .arg("batch")
            .arg(&job)
            .arg("--data")
            .arg(&data)
            .arg("-o")
            .arg(&out)
            .args(["-j", "1", "--format", "pdf", "-q"])
            .stdout(Stdio::null())
            .stderr(Stdio::null());
    };
    let mut command = Command::new(env!("CARGO_BIN_EXE_vanban"));
    args(&mut command);
    let mut batch = command.spawn().expect("the batch starts");
    let deadline = Instant::now() + Duration::from_secs(120);
    while names(&out).iter().filter(|n| n.ends_with(".pdf")).count() < 20 {
        assert!(Instant::now() < deadline, "the batch wrote nothing");
        assert!(
            batch.try_wait().expect("status").is_none(),
            "the batch ended before it was killed"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    batch.kill().expect("killed");
    batch.wait().expect("ended");

    let left = names(&out);
    assert!(!left.iter().any(|n| n.starts_with("manifest")), "{left:?}");
    let pdfs: Vec<&String> = left.iter().filter(|n| n.ends_with(".pdf")).collect();
    assert!(pdfs.len() < 300, "killed part way: {}", pdfs.len());
    for name in &pdfs {
        let bytes = std::fs::read(out.join(name)).expect("a PDF");
        assert!(
            bytes.starts_with(b"%PDF-") && bytes.trim_ascii_end().ends_with(b"%%EOF"),
            "{name} is whole"
        );
        lopdf::Document::load_mem(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    // Only what was being written when it was killed is unfinished, under a name of its own.
    assert!(
        left.iter()
            .all(|n| n.ends_with(".pdf") || n.starts_with(".vanban-")),
        "{left:?}"
    );

    let mut command = Command::new(env!("CARGO_BIN_EXE_vanban"));
    args(&mut command);
    assert!(command.status().expect("runs").success());
    let manifest: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(out.join("manifest.json")).expect("manifest"),
    )
    .expect("json");
    let mut listed: Vec<String> = manifest["outputs"]
        .as_array()
        .expect("outputs")
        .iter()
        .filter_map(|o| o["path"].as_str().map(str::to_owned))
        .collect();
    listed.sort();
    let mut present: Vec<String> = names(&out)
        .into_iter()
        .filter(|n| !n.starts_with("manifest"))
        .collect();
    present.sort();
    assert_eq!(listed.len(), 300);
    assert_eq!(
        listed, present,
        "the manifest lists exactly the files in the folder"
    );
}
