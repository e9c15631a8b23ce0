//! The `vanban` command line.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
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
