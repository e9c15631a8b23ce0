//! Prints documents per second and peak memory of a 1,000-commune batch (the letter and the commune's
//! annex pages, PDF and DOCX), with one and with two workers. Each run is a child process, so that each
//! peak is its own. Run with `cargo bench --bench batch`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use vanban::batch::BatchOptions;
use vanban::render::pdf::PdfWriter;
use vanban::render::OutputFormat;

const COMMUNES: usize = 1000;

fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

fn plan_json() -> String {
    let communes: Vec<String> = (0..COMMUNES)
        .map(|i| {
            format!(
                r#"{{"name": "Xã Thử Nghiệm {i}", "ideas": [{}, 1, 0, 2, 1], "star_products": [0, {}, 0, 1, 0]}}"#,
                i % 3,
                i % 2
            )
        })
        .collect();
    let products: Vec<String> = (0..COMMUNES)
        .map(|i| {
            format!(
                r#"{{"commune": "Xã Thử Nghiệm {i}", "name": "Sản phẩm của xã {i}", "producer": "Hợp tác xã", "address": "Thôn 1", "state": "Đã có", "year": 2022, "rating": {{"stars": 3, "year": 2023}}, "upgrade": null}}"#
            )
        })
        .collect();
    format!(
        r#"{{"period": {{"first": 2021, "last": 2025}}, "communes": [{}], "products": [{}]}}"#,
        communes.join(","),
        products.join(",")
    )
}

fn run(jobs: usize, data: &Path, out: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let job =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/cam-xuyen-2021/cong-van-2402-xa.toml");
    let pdf = PdfWriter::new(None)?;
    let options = BatchOptions {
        formats: vec![OutputFormat::Pdf, OutputFormat::Docx],
        data: Some(data.to_path_buf()),
        jobs,
        pattern: "{number}-{commune}".into(),
        progress: false,
    };
    let start = Instant::now();
    let manifest = vanban::batch::run(&job, out, &options, &pdf)?;
    let seconds = start.elapsed().as_secs_f64();
    let documents = manifest.outputs.len();
    println!(
        "-j{jobs}: {documents} documents ({COMMUNES} communes × PDF + DOCX) in {seconds:.2} s = {:.0} documents/s, {} failed, peak RSS {} MiB",
        documents as f64 / seconds,
        manifest.failures.len(),
        peak_rss_mib().map_or_else(|| "unknown".into(), |m| format!("{m:.0}"))
    );
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    if let [_, jobs, data, out] = args.as_slice() {
        return run(jobs.parse()?, Path::new(data), Path::new(out));
    }
    let dir = tempfile::tempdir()?;
    let data = dir.path().join("plan.json");
    std::fs::write(&data, plan_json())?;
    for jobs in ["1", "2"] {
        let out: PathBuf = dir.path().join(format!("out-{jobs}"));
        let status = Command::new(std::env::current_exe()?)
            .arg(jobs)
            .arg(&data)
            .arg(&out)
            .status()?;
        if !status.success() {
            return Err(format!("-j{jobs} failed").into());
        }
    }
    Ok(())
}
