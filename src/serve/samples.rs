//! The bundled samples, embedded in the binary so that the page can start from one anywhere: the
//! documents of UBND huyện Cẩm Xuyên's 2021 OCOP directive.

/// A sample file's name and its text, read from `samples/cam-xuyen-2021/` when built.
macro_rules! sample {
    ($name:literal) => {
        (
            $name,
            include_str!(concat!("../../samples/cam-xuyen-2021/", $name)),
        )
    };
}

/// Each sample file: its name and text.
const FILES: &[(&str, &str)] = &[
    sample!("bao-cao.toml"),
    sample!("bao-cao.md.j2"),
    sample!("bien-ban.toml"),
    sample!("bien-ban.md.j2"),
    sample!("cong-van-2402.toml"),
    sample!("cong-van-2402.md.j2"),
    sample!("cong-van-2402-xa.toml"),
    sample!("giay-moi.toml"),
    sample!("giay-moi.md.j2"),
    sample!("ke-hoach-huyen.toml"),
    sample!("ke-hoach-huyen.md.j2"),
    sample!("ke-hoach-xa.toml"),
    sample!("ke-hoach-xa.md.j2"),
    sample!("quy-che.toml"),
    sample!("quy-che.md.j2"),
    sample!("quyet-dinh-phe-duyet.toml"),
    sample!("quyet-dinh-phe-duyet.md.j2"),
    sample!("thong-bao.toml"),
    sample!("thong-bao.md.j2"),
    sample!("to-trinh.toml"),
    sample!("to-trinh.md.j2"),
    sample!("ocop-2021.json"),
];

/// The names of the sample jobs (`cong-van-2402`).
pub fn jobs() -> Vec<&'static str> {
    FILES
        .iter()
        .filter_map(|(name, _)| name.strip_suffix(".toml"))
        .collect()
}

/// The text of the sample file `name`.
fn file(name: &str) -> Option<&'static str> {
    FILES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
}

/// The files the sample job `name` needs, itself first: the job, its body template and its data.
pub fn of_job(name: &str) -> Option<Vec<(&'static str, &'static str)>> {
    let job_name = FILES
        .iter()
        .map(|(n, _)| *n)
        .find(|n| n.strip_suffix(".toml") == Some(name))?;
    let text = file(job_name)?;
    let table: toml::Table = toml::from_str(text).ok()?;
    let mut named: Vec<&str> = ["body", "data"]
        .iter()
        .filter_map(|key| table.get(*key).and_then(toml::Value::as_str))
        .collect();
    if let Some(annexes) = table.get("annex").and_then(toml::Value::as_array) {
        named.extend(
            annexes
                .iter()
                .filter_map(|a| a.get("content").and_then(toml::Value::as_str)),
        );
    }
    let mut files = vec![(job_name, text)];
    files.extend(FILES.iter().filter(|(n, _)| named.contains(n)).copied());
    Some(files)
}
