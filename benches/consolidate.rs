//! Prints the time and peak memory of consolidating 1,000 commune workbooks.
//! Run with `cargo bench --bench consolidate`.

use std::path::PathBuf;
use std::time::Instant;

use vanban::data::plan::{Commune, Product, Rating};
use vanban::data::{self, Period, Plan};

const COMMUNES: usize = 1000;

/// Peak resident memory of this process, from /proc (Linux), in MiB.
fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let period = Period::default();
    let start = Instant::now();
    let mut paths: Vec<PathBuf> = Vec::with_capacity(COMMUNES);
    for i in 0..COMMUNES {
        let name = format!("Xã Thử Nghiệm {i}");
        let n = i as u32;
        let plan = Plan {
            period,
            communes: vec![Commune {
                name: name.clone(),
                ideas: vec![n % 3, 1, n % 2, 2, 1],
                star_products: vec![0, n % 2, 1, 0, 1],
            }],
            products: (0..3)
                .map(|k| Product {
                    commune: name.clone(),
                    name: format!("Sản phẩm {k} của xã {i}"),
                    producer: "Hợp tác xã".into(),
                    address: "Thôn 1".into(),
                    state: "Đã có".into(),
                    year: Some(2021 + k),
                    rating: Some(Rating {
                        stars: 3,
                        year: Some(2023),
                    }),
                    upgrade: None,
                })
                .collect(),
        };
        let path = dir.path().join(format!("xa-{i:04}.xlsx"));
        std::fs::write(&path, data::xlsx::plan(&plan)?)?;
        paths.push(path);
    }
    println!(
        "wrote {COMMUNES} commune workbooks in {:.2} s",
        start.elapsed().as_secs_f64()
    );

    let refs: Vec<&std::path::Path> = paths.iter().map(PathBuf::as_path).collect();
    let start = Instant::now();
    let (plan, diagnostics) = data::consolidate(&refs, period);
    let elapsed = start.elapsed().as_secs_f64();
    let plan =
        plan.ok_or_else(|| format!("consolidation failed: {:?}", diagnostics.items().first()))?;
    println!(
        "consolidated {} communes and {} products in {:.2} s ({:.2} ms per workbook); peak RSS {} MiB",
        plan.communes.len(),
        plan.products.len(),
        elapsed,
        elapsed * 1e3 / COMMUNES as f64,
        peak_rss_mib().map_or_else(|| "unknown".into(), |m| format!("{m:.0}"))
    );
    Ok(())
}
