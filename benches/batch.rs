//! Prints documents per second and peak memory of a 1,000-commune batch (the letter and the commune's
//! annex pages, PDF and DOCX), with one and with two workers. Each run is a child process, so that each
//! peak is its own. Run with `cargo bench --bench batch`.

#[path = "../tests/common/synthetic.rs"]
mod synthetic;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use vanban::batch::BatchOptions;
use vanban::render::pdf::{unhinted, PdfWriter};
use vanban::render::OutputFormat;

const COMMUNES: usize = 1000;

fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
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
        tally: None,
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

/// Writes, for each commune of `data`, the layout's input (`NNNN/input.json`) next to a copy of the
/// layout file, and the fonts as vanban places them in a PDF (`fonts/`), so that `scripts/compare.sh`
/// can run the typst command line on exactly the same documents.
fn write_inputs(data: &Path, dir: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::create_dir_all(dir.join("fonts"))?;
    for (i, font) in vanban::fonts::EMBEDDED.iter().enumerate() {
        let bare = unhinted::unhinted(font, 0).ok_or("an embedded font is not TrueType")?;
        std::fs::write(dir.join(format!("fonts/{i}.ttf")), bare)?;
    }
    let job = vanban::job::Job::read(&root.join("samples/cam-xuyen-2021/cong-van-2402-xa.toml"))?;
    let plan = job.plan(Some(data))?.ok_or("no data")?;
    let pdf = PdfWriter::new(None)?;
    let layout = std::fs::read_to_string(root.join("templates/nd30.typ"))?;
    for (i, own) in plan.per_commune().iter().enumerate() {
        let commune = &own.communes[0];
        let built = job
            .for_commune(vanban::job::CommuneView::new(commune, &own.products))?
            .build(Some(own))?;
        let folder = dir.join(format!("{i:04}"));
        std::fs::create_dir_all(&folder)?;
        std::fs::write(folder.join("input.json"), pdf.input_json(&built.printed)?)?;
        std::fs::write(folder.join("nd30.typ"), &layout)?;
    }
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    match args.as_slice() {
        [_, mode, data, dir] if mode == "inputs" => {
            return write_inputs(Path::new(data), Path::new(dir))
        }
        [_, mode, communes, path] if mode == "plan" => {
            return Ok(std::fs::write(
                path,
                synthetic::plan_json(communes.parse()?, true),
            )?)
        }
        [_, jobs, data, out] => return run(jobs.parse()?, Path::new(data), Path::new(out)),
        _ => {}
    }
    let dir = tempfile::tempdir()?;
    let data = dir.path().join("plan.json");
    std::fs::write(&data, synthetic::plan_json(COMMUNES, true))?;
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
