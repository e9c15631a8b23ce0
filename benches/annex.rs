//! Prints the time and peak memory of rendering the letter with a 5,000-row annex, as PDF and as DOCX.
//! Each format runs in a child process of its own, so that each peak is its own.
//! Run with `cargo bench --bench annex`.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use vanban::render::pdf::PdfWriter;
use vanban::render::OutputFormat;

const ROWS: usize = 5000;

/// Peak resident memory of this process, from /proc (Linux), in MiB.
fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

/// A plan with `ROWS` products spread over 50 communes, as plan JSON.
fn plan_json() -> String {
    let communes: Vec<String> = (0..50)
        .map(|c| format!(r#"{{"name": "Xã Thử Nghiệm {c}", "ideas": [1, 2, 0, 1, 3], "star_products": [0, 1, 0, 1, 0]}}"#))
        .collect();
    let products: Vec<String> = (0..ROWS)
        .map(|i| {
            format!(
                r#"{{"commune": "Xã Thử Nghiệm {}", "name": "Sản phẩm số {i}", "producer": "Hợp tác xã {i}", "address": "Thôn {}", "state": "Đã có, quy mô hộ", "year": 2022, "rating": {{"stars": 3, "year": 2023}}, "upgrade": null}}"#,
                i * 50 / ROWS,
                i % 12
            )
        })
        .collect();
    format!(
        r#"{{"period": {{"first": 2021, "last": 2025}}, "communes": [{}], "products": [{}]}}"#,
        communes.join(","),
        products.join(",")
    )
}

/// Renders the sample job with the big plan in one format and prints the figures.
fn run(format: OutputFormat, data: &Path) -> Result<(), vanban::Error> {
    let job =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/cam-xuyen-2021/cong-van-2402.toml");
    let pdf = PdfWriter::new(None)?;
    let start = Instant::now();
    let doc = vanban::job::load_with(&job, Some(data))?;
    let bytes = vanban::render(&doc, format, &pdf)?;
    println!(
        "{:>4}: letter + {ROWS}-row annex in {:.2} s, {:.1} MB, peak RSS {} MiB",
        format.extension(),
        start.elapsed().as_secs_f64(),
        bytes.len() as f64 / 1e6,
        peak_rss_mib().map_or_else(|| "unknown".into(), |m| format!("{m:.0}"))
    );
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    if let [_, format, data] = args.as_slice() {
        let format = if format == "pdf" {
            OutputFormat::Pdf
        } else {
            OutputFormat::Docx
        };
        return Ok(run(format, Path::new(data))?);
    }
    let dir = tempfile::tempdir()?;
    let data = dir.path().join("plan.json");
    std::fs::write(&data, plan_json())?;
    for format in ["pdf", "docx"] {
        let status = Command::new(std::env::current_exe()?)
            .arg(format)
            .arg(&data)
            .status()?;
        if !status.success() {
            return Err(format!("{format} run failed").into());
        }
    }
    Ok(())
}
