//! Prints, for 3,321 synthetic communes (as many as Vietnam has since 2025), each the letter and the
//! commune's annex pages as PDF and DOCX written to a folder on disk: the wall time, the CPU time and the
//! peak memory with one and with two workers; then the CPU time per document of each format alone.
//! Each run is a child process, so that each peak is its own. Run with `cargo bench --bench batch`.

#[path = "../tests/common/synthetic.rs"]
mod synthetic;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use vanban::batch::BatchOptions;
use vanban::render::pdf::{unhinted, PdfWriter};
use vanban::render::OutputFormat;

const COMMUNES: usize = 3321;

/// A line of `/proc/self/status`, in MiB.
fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

/// CPU time of this process so far, all its threads, in seconds: user and system.
fn cpu_seconds() -> Option<(f64, f64)> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The fields after the command name, which is in parentheses and may hold spaces.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i)?.parse::<f64>().ok();
    // utime and stime, fields 14 and 15 of the line, in clock ticks of 1/100 s (Linux's USER_HZ).
    Some((ticks(11)? / 100.0, ticks(12)? / 100.0))
}

fn run(
    jobs: usize,
    formats: &str,
    data: &Path,
    out: &Path,
) -> Result<(), Box<dyn std::error::Error>> {
    let job =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/cam-xuyen-2021/cong-van-2402-xa.toml");
    let pdf = PdfWriter::new(None)?.with_workers(jobs);
    let formats = formats
        .split(',')
        .map(|f| match f {
            "pdf" => Ok(OutputFormat::Pdf),
            "docx" => Ok(OutputFormat::Docx),
            other => Err(format!("unknown format {other}")),
        })
        .collect::<Result<Vec<_>, _>>()?;
    let names: Vec<&str> = formats.iter().map(|f| f.extension()).collect();
    let options = BatchOptions {
        formats: formats.clone(),
        data: Some(data.to_path_buf()),
        jobs,
        pattern: "{number}-{commune}".into(),
        progress: false,
        tally: None,
    };
    let before = cpu_seconds().ok_or("no /proc/self/stat")?;
    let start = Instant::now();
    let summary = vanban::batch::run(&job, out, &options, &pdf)?;
    let seconds = start.elapsed().as_secs_f64();
    let after = cpu_seconds().ok_or("no /proc/self/stat")?;
    let (user, system) = (after.0 - before.0, after.1 - before.1);
    let cpu = user + system;
    let documents = summary.written;
    let rss = peak_rss_mib().map_or_else(|| "unknown".into(), |m| format!("{m:.0} MiB"));
    if formats.len() == 1 {
        println!(
            "{:>4}: {:.2} ms of CPU per document ({documents} documents, -j{jobs}, {cpu:.1} s of CPU ({user:.1} user, {system:.1} system) in {seconds:.2} s; goal {})",
            names[0].to_uppercase(),
            cpu * 1e3 / documents as f64,
            if formats[0] == OutputFormat::Pdf { "≤ 6 ms" } else { "≤ 1.5 ms" },
        );
    } else {
        println!(
            "-j{jobs}: {documents} documents ({} communes × {}) in {seconds:.2} s = {:.0} documents/s, {cpu:.1} s of CPU ({user:.1} user, {system:.1} system), {} failed, peak RSS {rss}",
            summary.communes,
            names.join(" + ").to_uppercase(),
            documents as f64 / seconds,
            summary.failures.len(),
        );
    }
    Ok(())
}

/// Writes, for each commune of `data`, the files its layout reads (`NNNN/nd30.typ`, its
/// `input.json`, …), and the fonts as vanban places them in a PDF (`fonts/`), so that `scripts/compare.sh`
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
    for (i, own) in plan.per_commune().iter().enumerate() {
        let commune = &own.communes[0];
        let built = job
            .for_commune(vanban::job::CommuneView::new(commune, &own.products))?
            .build(Some(own))?;
        let folder = dir.join(format!("{i:04}"));
        std::fs::create_dir_all(&folder)?;
        for (name, bytes) in pdf.layout_files(&built.printed)? {
            std::fs::write(folder.join(name), bytes)?;
        }
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
        [_, jobs, formats, data, out] => {
            return run(jobs.parse()?, formats, Path::new(data), Path::new(out))
        }
        _ => {}
    }
    // On disk, beside the build, not in a folder the system may keep in memory.
    let target = Path::new(env!("CARGO_MANIFEST_DIR")).join("target");
    std::fs::create_dir_all(&target)?;
    let dir = tempfile::Builder::new()
        .prefix("bench-batch-")
        .tempdir_in(&target)?;
    let data = dir.path().join("plan.json");
    std::fs::write(&data, synthetic::plan_json(COMMUNES, true))?;
    println!(
        "{COMMUNES} communes, each the letter and its annex pages, written to {}",
        dir.path().display()
    );
    let runs = [
        ("1", "pdf,docx"),
        ("2", "pdf,docx"),
        ("2", "pdf"),
        ("2", "docx"),
    ];
    for (i, (jobs, formats)) in runs.into_iter().enumerate() {
        let out: PathBuf = dir.path().join(format!("out-{i}"));
        let status = Command::new(std::env::current_exe()?)
            .args([jobs, formats])
            .arg(&data)
            .arg(&out)
            .status()?;
        if !status.success() {
            return Err(format!("-j{jobs} {formats} failed").into());
        }
    }
    println!("goals: ≤ 12 s with -j2, ≤ 300 MB");
    Ok(())
}
