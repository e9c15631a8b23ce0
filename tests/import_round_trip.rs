//! render → import → render: every sample's DOCX read back gives the same printed document.

mod common;

use std::path::Path;

use common::*;
use vanban::job::Job;

/// The printed document a job builds, as JSON, without its annexes (an annex is a table over data,
/// which import notes and leaves out).
fn printed(job: &Path) -> serde_json::Value {
    let job = Job::read(job).expect("job reads");
    let plan = job.plan(None).expect("plan reads");
    let built = job.build(plan.as_ref()).expect("job builds");
    let mut value = serde_json::to_value(&built.printed).expect("printed as JSON");
    if let Some(map) = value.as_object_mut() {
        map.remove("annexes");
    }
    value
}

#[test]
fn every_sample_comes_back_the_same_from_its_docx() {
    let samples = root().join("samples/cam-xuyen-2021");
    let mut jobs: Vec<_> = std::fs::read_dir(&samples)
        .expect("samples")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        // A per-commune job is rendered by batch, one commune at a time.
        .filter(|p| !p.to_string_lossy().ends_with("-xa.toml"))
        .collect();
    jobs.sort();
    assert!(jobs.len() >= 8, "{jobs:?}");
    for job in jobs {
        let dir = tempfile::tempdir().expect("temp dir");
        render_with(&job, dir.path(), &["--format", "docx"]);
        let stem = job
            .file_stem()
            .expect("stem")
            .to_string_lossy()
            .into_owned();
        let docx = dir.path().join(format!("{stem}.docx"));
        let out = dir.path().join("imported");
        let output = vanban(&[
            "import",
            docx.to_str().expect("utf-8"),
            "-o",
            out.to_str().expect("utf-8"),
        ]);
        assert!(
            output.status.success(),
            "{stem}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let again = serde_json::to_string_pretty(&printed(&out.join(format!("{stem}.toml"))));
        let first = serde_json::to_string_pretty(&printed(&job));
        let (again, first) = (again.expect("json"), first.expect("json"));
        let differ = again
            .lines()
            .zip(first.lines())
            .position(|(a, b)| a != b)
            .or_else(|| (again.lines().count() != first.lines().count()).then_some(0));
        if let Some(at) = differ {
            let around = |text: &str| {
                text.lines()
                    .skip(at.saturating_sub(6))
                    .take(12)
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            panic!(
                "{stem}: the imported job prints differently at line {at}:\n{}\n--- the sample's:\n{}",
                around(&again),
                around(&first)
            );
        }
    }
}
