//! Word 97–2003 documents (`.doc`): converted to DOCX with LibreOffice when it is installed.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::error::{Error, Result};

/// Where LibreOffice's program is looked for: on the `PATH`, then where Windows installs it.
const PROGRAMS: [&str; 4] = [
    "soffice",
    "libreoffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
];

/// LibreOffice's program, if it is installed.
fn libreoffice() -> Option<&'static str> {
    PROGRAMS.into_iter().find(|program| {
        Command::new(program)
            .arg("--version")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    })
}

/// The `.doc` at `path` converted to DOCX in `dir` (a folder of the caller's, removed with it), or an
/// error saying how to convert it by hand.
pub fn convert(path: &Path, dir: &Path) -> Result<PathBuf> {
    let by_hand = "open it in Word and save it as .docx (Word Document), then import the .docx";
    let Some(program) = libreoffice() else {
        return Err(Error::Input(format!(
            "{}: a Word 97–2003 document (.doc): {by_hand} (or install LibreOffice, with which vanban converts it)",
            path.display()
        )));
    };
    // A profile of its own, so that a LibreOffice the clerk has open is not disturbed.
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.join("profile").display()
    );
    let converted = Command::new(program)
        .arg(profile)
        .args(["--headless", "--convert-to", "docx", "--outdir"])
        .arg(dir)
        .arg(path)
        .output();
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    let docx = dir.join(format!("{stem}.docx"));
    match converted {
        Ok(output) if output.status.success() && docx.is_file() => Ok(docx),
        _ => Err(Error::Input(format!(
            "{}: a Word 97–2003 document (.doc) that LibreOffice could not convert: {by_hand}",
            path.display()
        ))),
    }
}
