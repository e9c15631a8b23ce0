//! The `vanban` command line.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use vanban::data::{self, Period};
use vanban::render::pdf::PdfWriter;
use vanban::render::OutputFormat;

/// Vietnamese administrative documents (Decree 30/2020/NĐ-CP) as PDF and DOCX.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Render a job file to PDF and DOCX.
    Render {
        /// The job file (TOML).
        job: PathBuf,
        /// Folder to write into.
        #[arg(short, long, default_value = "out")]
        out: PathBuf,
        /// Formats to write, comma-separated.
        #[arg(long, value_delimiter = ',', default_values = ["pdf", "docx"])]
        format: Vec<OutputFormat>,
        /// Folder with more fonts for the PDF (e.g. Times New Roman).
        #[arg(long)]
        font_dir: Option<PathBuf>,
    },
    /// Read the communes' OCOP forms (xlsx, xls, ods, csv, plan json) and write one plan.
    Consolidate {
        /// The files to read.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The plan to write (.json).
        #[arg(short, long)]
        out: PathBuf,
        /// The programme's years.
        #[arg(long, default_value = "2021-2025", value_parser = parse_period)]
        period: Period,
    },
}

fn parse_period(text: &str) -> Result<Period, String> {
    Period::parse(text)
        .ok_or_else(|| format!("expected two years such as 2021-2025, found {text:?}"))
}

/// Reads and checks the forms, prints every problem, writes the plan when there was no error.
fn consolidate(
    files: &[PathBuf],
    out: &Path,
    period: Period,
) -> Result<Vec<PathBuf>, vanban::Error> {
    if !out
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
    {
        return Err(vanban::Error::Value {
            path: out.to_path_buf(),
            key: "-o".into(),
            message: "the plan is written as .json".into(),
        });
    }
    let paths: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    let (plan, diagnostics) = data::consolidate(&paths, period);
    for diagnostic in diagnostics.items() {
        eprintln!("{diagnostic}");
    }
    let Some(plan) = plan else {
        let errors = diagnostics
            .items()
            .iter()
            .filter(|d| d.severity == data::Severity::Error)
            .count();
        return Err(vanban::Error::Input(format!(
            "{errors} error(s); {} not written",
            out.display()
        )));
    };
    vanban::render::write_atomic(out, data::write::json(&plan).as_bytes())?;
    Ok(vec![out.to_path_buf()])
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Render {
            job,
            out,
            format,
            font_dir,
        } => PdfWriter::new(font_dir.as_deref())
            .and_then(|pdf| vanban::render_job(&job, &out, &format, &pdf)),
        Command::Consolidate { files, out, period } => consolidate(&files, &out, period),
    };
    match result {
        Ok(paths) => {
            for path in paths {
                println!("{}", path.display());
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
