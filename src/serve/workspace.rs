//! The workspace: the folder whose job files, templates and data the page works on. No request names
//! a path outside it.

use std::path::{Component, Path, PathBuf};

use super::reply::Refusal;
use crate::error::{Error, Result};

/// The workspace folder, canonical.
#[derive(Debug, Clone)]
pub struct Workspace {
    root: PathBuf,
}

/// The extensions of plan data a job can read.
pub const DATA_EXTENSIONS: [&str; 6] = ["xlsx", "xls", "ods", "csv", "json", "xlsm"];

impl Workspace {
    /// The workspace at `dir`, which must be a folder.
    pub fn open(dir: &Path) -> Result<Workspace> {
        let root = dir.canonicalize().map_err(|source| Error::Io {
            path: dir.into(),
            source,
        })?;
        if !root.is_dir() {
            return Err(Error::Input(format!(
                "{}: the workspace is not a folder",
                dir.display()
            )));
        }
        Ok(Workspace { root })
    }

    /// The folder itself.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The file `name` of the workspace (`cong-van.md.j2`, `du-lieu/xa.xlsx`): a relative path of plain
    /// folder and file names that, once its links are followed, is still inside the workspace.
    pub fn file(&self, name: &str) -> std::result::Result<PathBuf, Refusal> {
        let refused = || {
            Refusal::bad(format!(
                "{name:?}: chỉ dùng được tệp trong thư mục làm việc (only files inside the workspace)"
            ))
        };
        let relative = Path::new(name);
        let plain = relative
            .components()
            .all(|c| matches!(c, Component::Normal(_)));
        if name.is_empty() || !plain || name.contains('\\') || name.contains(':') {
            return Err(refused());
        }
        let path = self.root.join(relative);
        // What exists is followed through its links; what does not yet exists is judged by its folder.
        let real = match path.canonicalize() {
            Ok(real) => real,
            Err(_) => {
                let parent = path.parent().ok_or_else(refused)?;
                let file = path.file_name().ok_or_else(refused)?;
                parent.canonicalize().map_err(|_| refused())?.join(file)
            }
        };
        if real.starts_with(&self.root) {
            Ok(real)
        } else {
            Err(refused())
        }
    }

    /// `stem`, or `stem-2`, `stem-3`…: the first name no job, body template or annex template of the
    /// workspace has, so that a new job never writes over a file already there.
    pub fn free_name(&self, stem: &str) -> String {
        let taken = |name: &str| {
            [".toml", ".md.j2", "-phu-luc-1.md.j2"]
                .iter()
                .any(|end| self.root.join(format!("{name}{end}")).exists())
        };
        (1..)
            .map(|n| {
                if n == 1 {
                    stem.to_owned()
                } else {
                    format!("{stem}-{n}")
                }
            })
            .find(|name| !taken(name))
            .unwrap_or_else(|| stem.to_owned())
    }

    /// The names of the workspace's own files (not in sub-folders) ending in one of `extensions`,
    /// sorted.
    pub fn list(&self, extensions: &[&str]) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(&self.root)
            .into_iter()
            .flatten()
            .flatten()
            .filter(|e| e.path().is_file())
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|n| {
                let lower = n.to_lowercase();
                !n.starts_with('.')
                    && extensions
                        .iter()
                        .any(|ext| lower.ends_with(&format!(".{ext}")))
            })
            .collect();
        names.sort();
        names
    }
}

/// `name` when it is a slug (`cong-van-2402`: lowercase letters, digits and hyphens), the only names
/// the page gives jobs.
pub fn slug(name: &str) -> std::result::Result<&str, Refusal> {
    let ok = !name.is_empty()
        && name.len() <= 80
        && !name.starts_with('-')
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if ok {
        Ok(name)
    } else {
        Err(Refusal::bad(format!(
            "{name:?}: tên văn bản chỉ gồm chữ thường không dấu, số và dấu gạch (a-z, 0-9, -)"
        )))
    }
}

/// A slug made from any name: `Công văn 2402` → `cong-van-2402`.
pub fn slug_of(name: &str) -> String {
    let folded = crate::data::fold::fold(name);
    let mut slug = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        "van-ban".into()
    } else {
        slug.chars().take(60).collect()
    }
}
