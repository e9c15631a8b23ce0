//! Times New Roman as the machine has it installed: the usual font folders of Windows, macOS and
//! Linux (where the msttcorefonts package puts it) searched for files named after Times, kept when
//! their family is Times New Roman. Folders and files are read in sorted order, so a given machine's
//! fonts always give the same PDF.

use std::path::{Path, PathBuf};

/// How deep below a font folder files are looked for (`/usr/share/fonts/truetype/msttcorefonts`).
const DEPTH: usize = 4;

/// The font folders of this machine, the system's and the user's.
pub fn folders() -> Vec<PathBuf> {
    let env = |key: &str| std::env::var_os(key).map(PathBuf::from);
    let mut folders = Vec::new();
    if let Some(windows) = env("WINDIR").or_else(|| env("SystemRoot")) {
        folders.push(windows.join("Fonts"));
    }
    if let Some(local) = env("LOCALAPPDATA") {
        folders.push(local.join("Microsoft").join("Windows").join("Fonts"));
    }
    for system in [
        "/Library/Fonts",
        "/System/Library/Fonts",
        "/usr/share/fonts",
        "/usr/local/share/fonts",
    ] {
        folders.push(PathBuf::from(system));
    }
    if let Some(home) = env("HOME") {
        folders.push(home.join("Library").join("Fonts"));
        folders.push(home.join(".fonts"));
        folders.push(home.join(".local").join("share").join("fonts"));
    }
    folders
}

/// The font files under `folders` whose names name Times (`times.ttf`, `timesbd.ttf`,
/// `Times_New_Roman.ttf`, `Times New Roman Bold.ttf`), in sorted order; folders that are not there
/// or cannot be read are passed over.
pub fn times_files(folders: &[PathBuf]) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for folder in folders {
        walk(folder, DEPTH, &mut found);
    }
    found.sort();
    found.dedup();
    found
}

fn walk(folder: &Path, depth: usize, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            if depth > 0 {
                walk(&path, depth - 1, found);
            }
            continue;
        }
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        let font_file = [".ttf", ".ttc", ".otf"].iter().any(|x| name.ends_with(x));
        if font_file && name.starts_with("times") {
            found.push(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn font_files_named_after_times_are_found_in_order_below_the_folders() {
        let dir = tempfile::tempdir().expect("temp dir");
        let deep = dir.path().join("truetype").join("msttcorefonts");
        std::fs::create_dir_all(&deep).expect("folders");
        for name in ["Times_New_Roman.ttf", "times.ttf", "arial.ttf", "notes.txt"] {
            std::fs::write(deep.join(name), b"").expect("file");
        }
        std::fs::write(dir.path().join("timesbd.TTF"), b"").expect("file");
        let missing = dir.path().join("not-here");
        let found = times_files(&[missing, dir.path().to_path_buf()]);
        let names: Vec<String> = found
            .iter()
            .map(|p| p.file_name().expect("name").to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["timesbd.TTF", "Times_New_Roman.ttf", "times.ttf"]);
    }
}
