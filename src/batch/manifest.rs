//! `manifest.json` and `manifest.csv`, written as the batch goes: each file's entry once the file is
//! durable, commune by commune in the data's order, so that no list of every file is ever held. Both
//! take their own names only when [finished](Manifest::finish), after every file they list.

use std::collections::BTreeMap;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{Failure, Summary, Written};
use crate::error::{Error, Result};
use crate::render::{self, Unfinished};

/// The CSV's columns: a file's entry, or a failure in the last.
const CSV_HEADER: [&str; 7] = [
    "commune", "path", "format", "pages", "bytes", "sha256", "error",
];

/// One commune's outcome: the files written and durable, and what failed.
#[derive(Debug, Default)]
pub struct Settled {
    /// Files on disk, durable.
    pub outputs: Vec<Written>,
    /// The commune's failures (its rendering, or a file the disk refused).
    pub failures: Vec<Failure>,
}

/// The manifest being written.
pub struct Manifest {
    json: BufWriter<Unfinished>,
    csv: csv::Writer<Unfinished>,
    /// Communes settled before their turn, by index, until the ones before them are.
    waiting: BTreeMap<usize, Settled>,
    /// The index of the next commune in the data's order.
    next: usize,
    outputs: usize,
    communes: usize,
    failures: Vec<Failure>,
    warnings: Vec<String>,
}

impl Manifest {
    /// Starts the manifest of a batch written to `out`, with the failures and warnings of its data.
    pub fn begin(out: &Path, failures: Vec<Failure>, warnings: Vec<String>) -> Result<Manifest> {
        let mut json = BufWriter::new(Unfinished::begin(&out.join("manifest.json"))?);
        json.write_all(b"{\n  \"outputs\": [")
            .map_err(|e| io(json.get_ref(), e))?;
        let unfinished = Unfinished::begin(&out.join("manifest.csv"))?;
        let path = unfinished.path().to_path_buf();
        let mut csv = csv::Writer::from_writer(unfinished);
        csv.write_record(CSV_HEADER)
            .map_err(|e| csv_error(&path, e))?;
        Ok(Manifest {
            json,
            csv,
            waiting: BTreeMap::new(),
            next: 0,
            outputs: 0,
            communes: 0,
            failures,
            warnings,
        })
    }

    /// Records commune `index`'s outcome, in the data's order: held until every commune before it is
    /// recorded.
    pub fn record(&mut self, index: usize, settled: Settled) -> Result<()> {
        self.waiting.insert(index, settled);
        while let Some(settled) = self.waiting.remove(&self.next) {
            self.next += 1;
            self.communes += usize::from(!settled.outputs.is_empty());
            for written in &settled.outputs {
                self.add(written)?;
            }
            self.failures.extend(settled.failures);
        }
        Ok(())
    }

    /// One file's entry in both lists.
    fn add(&mut self, written: &Written) -> Result<()> {
        let entry = pretty(written)?;
        let separator = if self.outputs == 0 {
            "\n    "
        } else {
            ",\n    "
        };
        self.outputs += 1;
        self.json
            .write_all(separator.as_bytes())
            .and_then(|()| self.json.write_all(indented(&entry, "    ").as_bytes()))
            .map_err(|e| io(self.json.get_ref(), e))?;
        let pages = written.pages.map(|p| p.to_string()).unwrap_or_default();
        self.csv
            .write_record([
                &written.commune,
                &written.path,
                written.format,
                &pages,
                &written.bytes.to_string(),
                &written.sha256,
                "",
            ])
            .map_err(|e| csv_error(self.csv.get_ref().path(), e))
    }

    /// Writes the failures and warnings, gives both files their names, synced, and syncs the folder
    /// `out`: to be called once every file listed is durable.
    pub fn finish(mut self, out: &Path) -> Result<Summary> {
        if let Some((&index, _)) = self.waiting.first_key_value() {
            return Err(Error::Input(format!(
                "the batch's manifest is missing commune {} of {} (internal error)",
                self.next + 1,
                index + 1
            )));
        }
        let close: &[u8] = if self.outputs == 0 { b"]" } else { b"\n  ]" };
        let tail = format!(
            ",\n  \"failures\": {},\n  \"warnings\": {}\n}}\n",
            indented(&pretty(&self.failures)?, "  "),
            indented(&pretty(&self.warnings)?, "  "),
        );
        let json_path = self.json.get_ref().path().to_path_buf();
        self.json
            .write_all(close)
            .and_then(|()| self.json.write_all(tail.as_bytes()))
            .map_err(|source| Error::Io {
                path: json_path.clone(),
                source,
            })?;
        let json = self.json.into_inner().map_err(|e| Error::Io {
            path: json_path,
            source: e.into_error(),
        })?;
        json.finish(true)?;
        let csv_path = self.csv.get_ref().path().to_path_buf();
        for failure in &self.failures {
            let commune = failure.commune.as_deref().unwrap_or("");
            self.csv
                .write_record([commune, "", "", "", "", "", &failure.error])
                .map_err(|e| csv_error(&csv_path, e))?;
        }
        let csv = self.csv.into_inner().map_err(|e| Error::Io {
            path: csv_path,
            source: e.into_error(),
        })?;
        csv.finish(true)?;
        render::sync_folder(out)?;
        Ok(Summary {
            written: self.outputs,
            communes: self.communes,
            failures: self.failures,
            warnings: self.warnings,
        })
    }
}

/// `value` as serde_json writes it pretty, at the top level.
fn pretty(value: &impl Serialize) -> Result<String> {
    serde_json::to_string_pretty(value).map_err(|e| Error::Input(e.to_string()))
}

/// `text` with every line but the first indented by `by`, as a value nested in another is.
fn indented(text: &str, by: &str) -> String {
    let mut lines = text.lines();
    let mut indented = lines.next().unwrap_or_default().to_owned();
    for line in lines {
        indented.push('\n');
        indented.push_str(by);
        indented.push_str(line);
    }
    indented
}

fn io(file: &Unfinished, source: std::io::Error) -> Error {
    Error::Io {
        path: file.path().to_path_buf(),
        source,
    }
}

fn csv_error(path: &Path, e: csv::Error) -> Error {
    Error::Io {
        path: PathBuf::from(path),
        source: std::io::Error::other(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(commune: &str, path: &str, pages: Option<usize>) -> Written {
        Written {
            commune: commune.into(),
            path: path.into(),
            format: if pages.is_some() { "pdf" } else { "docx" },
            pages,
            bytes: 1234,
            sha256: "ab".repeat(32),
        }
    }

    /// The whole manifest as serde_json writes it pretty, for comparison.
    #[derive(Serialize)]
    struct Whole<'a> {
        outputs: &'a [Written],
        failures: &'a [Failure],
        warnings: &'a [String],
    }

    /// Communes recorded out of order are written in the data's order, and the streamed JSON is
    /// exactly what serde_json writes of the whole manifest at once; the CSV lists the same.
    #[test]
    fn a_streamed_manifest_is_the_whole_one_in_the_datas_order() {
        let dir = tempfile::tempdir().expect("temp dir");
        let warnings = vec!["data.xlsx › Sheet1 › B4: converted from TCVN3".to_owned()];
        let early = Failure {
            commune: None,
            error: "data.xlsx › Sheet1 › A9: no commune".into(),
        };
        let mut manifest =
            Manifest::begin(dir.path(), vec![early.clone()], warnings.clone()).expect("begin");
        let first = vec![
            written("Cẩm Bình", "a.pdf", Some(3)),
            written("Cẩm Bình", "a.docx", None),
        ];
        let late = Failure {
            commune: Some("Cẩm Hà".into()),
            error: "b.pdf: \"quoted\"\nnew line".into(),
        };
        let third = vec![written("Cẩm Lạc", "c.pdf", Some(2))];
        for (index, outputs, failures) in
            [(2, third.clone(), vec![]), (1, vec![], vec![late.clone()])]
        {
            manifest
                .record(index, Settled { outputs, failures })
                .expect("record");
        }
        assert!(
            !dir.path().join("manifest.json").exists(),
            "no manifest before it is finished"
        );
        manifest
            .record(
                0,
                Settled {
                    outputs: first.clone(),
                    failures: vec![],
                },
            )
            .expect("record");
        let summary = manifest.finish(dir.path()).expect("finish");
        assert_eq!((summary.written, summary.communes), (3, 2));
        let outputs: Vec<Written> = first.into_iter().chain(third).collect();
        let failures = [early, late];
        let whole = Whole {
            outputs: &outputs,
            failures: &failures,
            warnings: &warnings,
        };
        let json = std::fs::read_to_string(dir.path().join("manifest.json")).expect("json");
        assert_eq!(json, pretty(&whole).expect("pretty") + "\n");
        let csv = std::fs::read_to_string(dir.path().join("manifest.csv")).expect("csv");
        let rows: Vec<&str> = csv.lines().collect();
        assert_eq!(rows[0], "commune,path,format,pages,bytes,sha256,error");
        assert!(
            rows[1].starts_with("Cẩm Bình,a.pdf,pdf,3,1234,abab"),
            "{csv}"
        );
        assert!(rows[2].starts_with("Cẩm Bình,a.docx,docx,,1234,"), "{csv}");
        assert!(rows[3].starts_with("Cẩm Lạc,c.pdf,pdf,2,"), "{csv}");
        assert_eq!(rows[4], ",,,,,,data.xlsx › Sheet1 › A9: no commune");
        assert!(
            csv.ends_with("Cẩm Hà,,,,,,\"b.pdf: \"\"quoted\"\"\nnew line\"\n"),
            "{csv}"
        );
    }

    /// A batch with nothing written still has a manifest that serde_json would write.
    #[test]
    fn an_empty_manifest_is_the_whole_one() {
        let dir = tempfile::tempdir().expect("temp dir");
        let summary = Manifest::begin(dir.path(), vec![], vec![])
            .expect("begin")
            .finish(dir.path())
            .expect("finish");
        assert_eq!((summary.written, summary.communes), (0, 0));
        let json = std::fs::read_to_string(dir.path().join("manifest.json")).expect("json");
        let whole = Whole {
            outputs: &[],
            failures: &[],
            warnings: &[],
        };
        assert_eq!(json, pretty(&whole).expect("pretty") + "\n");
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .expect("dir")
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(left.len(), 2, "only the two manifests: {left:?}");
    }
}
