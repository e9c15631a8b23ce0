//! Prints the per-document time of the PDF and the DOCX writers on the reference letter, in process,
//! after warm-up, and of the PDF written to PDF/A-2b. Run with `cargo bench --bench render`.

use std::path::Path;
use std::time::{Duration, Instant};

use vanban::render::pdf::{PdfWriter, Standard};
use vanban::render::OutputFormat;

const WARM_UP: usize = 5;
const RUNS: usize = 50;

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort_unstable();
    times[times.len() / 2]
}

fn main() -> Result<(), vanban::Error> {
    let job =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/cam-xuyen-2021/cong-van-2402.toml");
    let start = Instant::now();
    let pdf = PdfWriter::new(None)?;
    println!(
        "font and layout load: {:.1} ms",
        start.elapsed().as_secs_f64() * 1e3
    );
    let doc = vanban::job::load(&job)?;
    let archival = PdfWriter::new(None)?.with_standard(Standard::A2b);
    let writers = [
        ("pdf", OutputFormat::Pdf, &pdf),
        ("docx", OutputFormat::Docx, &pdf),
        ("pdf/a-2b", OutputFormat::Pdf, &archival),
    ];
    for (name, format, pdf) in writers {
        for _ in 0..WARM_UP {
            vanban::render(&doc, format, pdf)?;
        }
        let mut times = Vec::with_capacity(RUNS);
        let mut bytes = 0;
        for _ in 0..RUNS {
            let start = Instant::now();
            bytes = vanban::render(&doc, format, pdf)?.len();
            times.push(start.elapsed());
        }
        let total: Duration = times.iter().sum();
        println!(
            "{name:>8}: median {:.2} ms, mean {:.2} ms per document over {RUNS} runs ({} bytes)",
            median(times).as_secs_f64() * 1e3,
            total.as_secs_f64() * 1e3 / RUNS as f64,
            bytes
        );
    }
    Ok(())
}
