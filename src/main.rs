//! The `vanban` command line.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use vanban::data::{self, Period};
use vanban::render::pdf::{PdfWriter, Standard};
use vanban::render::OutputFormat;

/// Vietnamese administrative documents (Decree 30/2020/NĐ-CP) as PDF and DOCX.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    /// Say more of what is done: which font the PDFs are set in.
    #[arg(short, long, global = true)]
    verbose: bool,
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
        /// Plan data for the annex tables and the body (workbook, CSV or plan JSON), instead of the job's `data`.
        #[arg(long)]
        data: Option<PathBuf>,
        /// Also write each annex as a file of its own, for attaching separately.
        #[arg(long)]
        annex_separate: bool,
        /// The PDF standard: PDF/A-2b for archiving (the default), a-2u, or plain 1.7.
        #[arg(long, value_enum, default_value = "a-2b")]
        pdf_standard: Standard,
        /// Issue electronically (as `electronic = true` in the job): the number and the day and month
        /// left for the signing system, and the PDF's signature fields for the signer and the organisation.
        #[arg(long)]
        electronic: bool,
    },
    /// Read the communes' OCOP forms (xlsx, xls, ods, csv, plan json) and write one plan.
    Consolidate {
        /// The files to read.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The plan to write: .json, or .xlsx to keep working in Excel.
        #[arg(short, long)]
        out: PathBuf,
        /// The programme's years.
        #[arg(long, default_value = "2021-2025", value_parser = parse_period)]
        period: Period,
    },
    /// Write one fill-in workbook (.xlsx) per commune, laid out like the letter's annexes.
    Forms(FormsArgs),
    /// Render a job once per commune of its data, in parallel, with a manifest.
    Batch(BatchArgs),
    /// Read a Word draft (.docx) into a job and a body template (`<stem>.toml`, `<stem>.md.j2`), and
    /// say what became of each paragraph.
    Import {
        /// The Word draft.
        draft: PathBuf,
        /// Folder to write into.
        #[arg(short, long, default_value = "out")]
        out: PathBuf,
    },
    /// Import a Word draft and render it in the national format; print the draft's findings beside
    /// the result's, and each finding mended.
    Fix {
        /// The Word draft.
        draft: PathBuf,
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
    /// Serve the web page where documents are composed, checked and batched, over a workspace folder.
    Serve {
        /// The workspace: the folder of job files, templates and data (default: this folder).
        #[arg(long, default_value = ".")]
        dir: PathBuf,
        /// Port to listen on (on 127.0.0.1 unless --listen says otherwise).
        #[arg(long, default_value_t = 8030)]
        port: u16,
        /// Address and port to listen on instead, e.g. 0.0.0.0:8030 for the office network (an access
        /// token is then needed, printed with the address).
        #[arg(long)]
        listen: Option<std::net::SocketAddr>,
        /// Open the page in the default browser.
        #[arg(long)]
        open: bool,
        /// Folder with more fonts for the PDF (e.g. Times New Roman).
        #[arg(long)]
        font_dir: Option<PathBuf>,
    },
    /// Sign a PDF digitally (an incremental update that keeps every earlier byte and signature).
    Sign {
        /// The PDF to sign.
        file: PathBuf,
        /// The private key, PEM (RSA or P-256; PKCS #8 or PKCS #1).
        #[arg(long)]
        key: PathBuf,
        /// The signer's certificate, PEM.
        #[arg(long)]
        cert: PathBuf,
        /// The certificates above it, PEM.
        #[arg(long)]
        chain: Option<PathBuf>,
        /// Who signs: the competent person (signer), the organisation (issuer), or the organisation on
        /// a separately filed annex (annex) or an electronic copy (copy).
        #[arg(long = "as", value_enum)]
        role: vanban::sign::Role,
        /// The image the field shows: the signer's signature (blue), or the organisation's seal
        /// (red, at its real size, from the PNG's resolution); a PNG with a transparent background.
        #[arg(long)]
        image: Option<PathBuf>,
        /// An annex filed on its own (`--as annex`): the main document's number and ký hiệu
        /// (`2402/UBND-NTM`), for the information line at the top right of page 1.
        #[arg(long)]
        reference: Option<String>,
        /// An electronic copy (`--as copy`): its form, for the information line.
        #[arg(long, value_enum)]
        copy_form: Option<CopyForm>,
        /// An electronic copy (`--as copy`): the copying agency, for the information line.
        #[arg(long)]
        copier: Option<String>,
        /// At issuance (`--as issuer`): the number the document is given, written into the blank
        /// an electronic document leaves for it.
        #[arg(long)]
        number: Option<u32>,
        /// At issuance (`--as issuer`): the date of issue (YYYY-MM-DD), its day and month written into
        /// the blanks an electronic document leaves for them.
        #[arg(long)]
        date: Option<String>,
        /// The signing time, ISO 8601 with its offset (default: now, in Vietnam's time).
        #[arg(long)]
        time: Option<String>,
        /// Where to write the signed PDF (default: over FILE).
        #[arg(short, long)]
        out: Option<PathBuf>,
    },
    /// Check DOCX and PDF files (or job files, before rendering) against the Decree-30 format.
    ///
    /// Exit status: 1 when a file breaks a rule (an error) or cannot be read, else 2 when a file could
    /// not be judged (a scan, an unreadable text layer, a document Decree 30 does not govern), else 0.
    Check {
        /// The files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// How to print the findings.
        #[arg(long, value_enum, default_value = "text")]
        format: FindingsFormat,
        /// The files are electronic documents: a PDF without a digital signature is an error.
        #[arg(long)]
        electronic: bool,
    },
}

/// How `check` prints its findings.
#[derive(Clone, Copy, clap::ValueEnum)]
enum FindingsFormat {
    /// One line per finding.
    Text,
    /// A JSON array of findings.
    Json,
}

/// Checks `files`, prints what it finds, and says how it went: 1 when a file breaks a rule (E) or
/// cannot be read, else 2 when a file could not be judged (a scan, an unreadable text layer, a
/// document Decree 30 does not govern), else 0.
fn check(files: &[PathBuf], format: FindingsFormat, electronic: bool) -> ExitCode {
    let (mut reports, mut unreadable) = (Vec::new(), 0);
    for file in files {
        let checked = if electronic {
            vanban::check::check_electronic(file)
        } else {
            vanban::check::check_file(file)
        };
        match checked {
            Ok(report) => reports.push(report),
            Err(e) => {
                eprintln!("error: {e}");
                unreadable += 1;
            }
        }
    }
    match format {
        FindingsFormat::Text => reports.iter().for_each(print_report),
        FindingsFormat::Json => match serde_json::to_string_pretty(&reports) {
            Ok(json) => println!("{json}"),
            Err(e) => eprintln!("error: {e}"),
        },
    }
    eprintln!(
        "{}",
        vanban::check::summary(files.len(), &reports, unreadable)
    );
    let errors = reports
        .iter()
        .flat_map(|r| &r.findings)
        .filter(|f| f.severity == vanban::nd30::Severity::Error)
        .count();
    let not_judged = reports.iter().filter(|r| !r.judged).count();
    if errors > 0 || unreadable > 0 {
        ExitCode::FAILURE
    } else if not_judged > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

/// Imports `draft` into `out`, printing what became of each paragraph.
fn import(draft: &Path, out: &Path) -> Result<Vec<PathBuf>, vanban::Error> {
    let imported = vanban::import::import(draft)?;
    imported.report().iter().for_each(|l| println!("{l}"));
    vanban::import::write_job(&imported, out)
}

/// Imports `draft`, renders it into `out`, and prints the findings before and after.
fn fix(
    draft: &Path,
    out: &Path,
    formats: &[OutputFormat],
    pdf: &PdfWriter,
) -> Result<Vec<PathBuf>, vanban::Error> {
    let imported = vanban::import::import(draft)?;
    let converted = vanban::import::temporary_folder()?;
    let mut before = vanban::check::check_file(&vanban::import::as_docx(draft, converted.path())?)?;
    before.file = draft.to_path_buf();
    imported.report().iter().for_each(|l| println!("{l}"));
    let fixed = vanban::fix(&imported, out, formats, pdf)?;
    let tally = |report: &vanban::check::Report| {
        if !report.judged {
            return format!("not judged ({})", report.reason.as_deref().unwrap_or("?"));
        }
        let errors = report
            .findings
            .iter()
            .filter(|f| f.severity == vanban::nd30::Severity::Error)
            .count();
        format!(
            "{}, {}",
            vanban::check::counted(errors, "error"),
            vanban::check::counted(report.findings.len() - errors, "warning")
        )
    };
    for after in &fixed.after {
        println!(
            "before: {}; after: {} ({})",
            tally(&before),
            tally(after),
            after.file.display()
        );
    }
    for finding in &before.findings {
        let still = fixed
            .after
            .iter()
            .any(|a| a.findings.iter().any(|f| f.rule == finding.rule));
        if !still {
            println!(
                "mended: {} {}: {:?} → {}",
                finding.rule, finding.topic, finding.found, finding.fix
            );
        }
    }
    Ok(fixed.paths)
}

/// The form of an electronic copy (Decree 30, Điều 25).
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum CopyForm {
    /// Sao y.
    SaoY,
    /// Sao lục.
    SaoLuc,
    /// Trích sao.
    TrichSao,
}

impl CopyForm {
    fn words(self) -> &'static str {
        match self {
            CopyForm::SaoY => "SAO Y",
            CopyForm::SaoLuc => "SAO LỤC",
            CopyForm::TrichSao => "TRÍCH SAO",
        }
    }
}

/// What a signature writes into the document: the information line of a separately filed annex or
/// a copy, or the number and date given at issuance.
struct Info {
    reference: Option<String>,
    copy_form: Option<CopyForm>,
    copier: Option<String>,
    number: Option<u32>,
    date: Option<String>,
}

impl Info {
    /// The blanks given at issuance, each laid out (by `lay_out`: text, size, italic) as its line is
    /// set.
    fn filled(
        &self,
        role: vanban::sign::Role,
        lay_out: impl Fn(&str, f32, bool) -> Result<Vec<u8>, vanban::Error>,
    ) -> Result<Vec<vanban::sign::Filled>, vanban::Error> {
        use vanban::nd30;
        if (self.number.is_some() || self.date.is_some()) && role != vanban::sign::Role::Issuer {
            return Err(vanban::Error::Input(
                "--number and --date are given at issuance, with --as issuer".into(),
            ));
        }
        let date = match &self.date {
            Some(text) => Some(nd30::parse_iso(text).ok_or_else(|| {
                vanban::Error::Input(format!("--date {text:?} is not a date (2021-08-10)"))
            })?),
            None => None,
        };
        let looks = nd30::STANDARD.look;
        let mut values = Vec::new();
        if let Some(number) = self.number {
            // After `Số:` and a space, as a printed number stands.
            let space = looks.number.size_pt * nd30::SPACE_EM;
            values.push((
                "number",
                nd30::number_text(number),
                looks.number,
                Some(space),
            ));
        }
        if let Some(date) = date {
            values.push(("day", nd30::day_text(date.day), looks.place_date, None));
            values.push((
                "month",
                nd30::month_text(date.month),
                looks.place_date,
                None,
            ));
        }
        values
            .into_iter()
            .map(|(field, value, look, lead_pt)| {
                Ok(vanban::sign::Filled {
                    field,
                    laid_out: lay_out(&value, look.size_pt, look.italic)?,
                    value,
                    lead_pt,
                })
            })
            .collect()
    }

    /// The information line of `role` signed at `time`, when the role has one.
    fn line(&self, role: vanban::sign::Role, time: &str) -> Result<Option<String>, vanban::Error> {
        use vanban::sign::Role;
        let missing = |what: &str| vanban::Error::Input(format!("--as {what}"));
        match role {
            Role::Signer | Role::Issuer => Ok(None),
            Role::Annex => {
                let reference = self.reference.as_deref().ok_or_else(|| {
                    missing("annex needs --reference, the main document's number and ký hiệu (2402/UBND-NTM)")
                })?;
                Ok(Some(vanban::nd30::annex_info(reference, time)))
            }
            Role::Copy => {
                let (Some(form), Some(copier)) = (self.copy_form, self.copier.as_deref()) else {
                    return Err(missing(
                        "copy needs --copy-form (sao-y, sao-luc, trich-sao) and --copier, the copying agency",
                    ));
                };
                Ok(Some(vanban::nd30::copy_info(form.words(), copier, time)))
            }
        }
    }
}

/// Signs `file` as `role` with the key, certificate and chain in the files named, at `time` (now when
/// not given), its field showing `image` when given, or the information line `info` names, into
/// `out` (or over it).
fn sign(
    file: &Path,
    (key, cert, chain): (&Path, &Path, Option<&Path>),
    role: vanban::sign::Role,
    info: Info,
    (image, time): (Option<&Path>, Option<String>),
    out: Option<&Path>,
) -> Result<Vec<PathBuf>, vanban::Error> {
    let read = |path: &Path| {
        std::fs::read_to_string(path).map_err(|source| vanban::Error::Io {
            path: path.to_path_buf(),
            source,
        })
    };
    fn located(path: &Path) -> impl Fn(vanban::Error) -> vanban::Error + '_ {
        move |e| vanban::Error::Input(format!("{}: {e}", path.display()))
    }
    let time = time.unwrap_or_else(vanban::sign::now);
    if vanban::sign::pdf_date(&time).is_none() {
        return Err(vanban::Error::Input(format!(
            "--time {time:?} is not ISO 8601 with its offset (2021-08-10T14:32:05+07:00)"
        )));
    }
    let line = info.line(role, &time)?;
    let chain = chain.map(read).transpose()?;
    let signing = vanban::sign::Signing::from_pem(&read(key)?, &read(cert)?, chain.as_deref())
        .map_err(located(cert))?;
    let pdf = std::fs::read(file).map_err(|source| vanban::Error::Io {
        path: file.to_path_buf(),
        source,
    })?;
    let picture = match image {
        Some(path) => {
            let bytes = std::fs::read(path).map_err(|source| vanban::Error::Io {
                path: path.to_path_buf(),
                source,
            })?;
            Some(vanban::sign::image::Picture::read(&bytes).map_err(located(path))?)
        }
        None => None,
    };
    // The fonts are loaded only when the signature writes text into the document.
    let writer = std::cell::OnceCell::new();
    let lay_out = |text: &str, size_pt: f32, italic: bool| {
        if writer.get().is_none() {
            let _ = writer.set(vanban::render::pdf::PdfWriter::new(None)?);
        }
        match writer.get() {
            Some(writer) => writer.stamp(text, size_pt, italic),
            None => Err(vanban::Error::Layout(
                "the fonts could not be loaded".into(),
            )),
        }
    };
    let laid_out = match &line {
        Some(line) => Some(lay_out(line, vanban::nd30::INFO_SIZE_PT, false)?),
        None => None,
    };
    let filled = info.filled(role, lay_out)?;
    let shown = vanban::sign::Shown {
        picture: picture.as_ref(),
        info: laid_out.as_deref(),
        filled: &filled,
    };
    let signed = vanban::sign::sign(&pdf, role, &signing, &time, shown).map_err(located(file))?;
    let out = out.unwrap_or(file);
    vanban::render::write_atomic(out, &signed)?;
    Ok(vec![out.to_path_buf()])
}

/// One file's report as lines: why it was not judged, its notes, its findings.
fn print_report(report: &vanban::check::Report) {
    let file = report.file.display();
    if let Some(reason) = &report.reason {
        println!("{file}: not judged: {reason}");
    }
    for (i, signature) in report.signatures.iter().enumerate() {
        println!("{file}: signature {}: {signature}", i + 1);
    }
    for note in &report.notes {
        println!("{file}: {note}");
    }
    report.findings.iter().for_each(|f| println!("{f}"));
}

/// What a batch renders one document for.
#[derive(Clone, Copy, clap::ValueEnum)]
enum Per {
    /// Each commune of the data.
    Commune,
}

/// Render a job once per commune.
#[derive(clap::Args)]
struct BatchArgs {
    /// The job file (TOML); its strings and body may use `commune`.
    job: PathBuf,
    /// What to render one document for.
    #[arg(long, value_enum, default_value = "commune")]
    per: Per,
    /// Plan data instead of the job's own `data`.
    #[arg(long)]
    data: Option<PathBuf>,
    /// Folder to write into.
    #[arg(short, long, default_value = "out")]
    out: PathBuf,
    /// Worker threads.
    #[arg(short, long, default_value_t = default_jobs())]
    jobs: usize,
    /// Formats to write, comma-separated.
    #[arg(long, value_delimiter = ',', default_values = ["pdf", "docx"])]
    format: Vec<OutputFormat>,
    /// File names: {number}, {commune} (e.g. cam-binh), {stem}.
    #[arg(long, default_value = "{number}-{commune}")]
    name: String,
    /// Also pack everything written, with the manifest, into this zip file.
    #[arg(long)]
    zip: Option<PathBuf>,
    /// Folder with more fonts for the PDF.
    #[arg(long)]
    font_dir: Option<PathBuf>,
    /// The PDF standard: PDF/A-2b for archiving (the default), a-2u, or plain 1.7.
    #[arg(long, value_enum, default_value = "a-2b")]
    pdf_standard: Standard,
    /// No progress bar.
    #[arg(short, long)]
    quiet: bool,
}

fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

/// The PDF writer, saying which font it sets documents in when asked to.
fn pdf_writer(font_dir: Option<&Path>, verbose: bool) -> Result<PdfWriter, vanban::Error> {
    let pdf = PdfWriter::new(font_dir)?;
    if verbose {
        eprintln!("font: {}", pdf.face());
    }
    Ok(pdf)
}

/// One warning when the PDFs were set in the embedded stand-in for Times New Roman.
fn warn_of_stand_in(pdf: &PdfWriter) {
    if *pdf.face() == vanban::render::pdf::Face::Embedded {
        eprintln!(
            "warning: {} is not installed on this machine: the PDFs are set in the embedded {}, which has its widths (name a folder that holds it with --font-dir)",
            vanban::nd30::FONT,
            vanban::fonts::EMBEDDED_FAMILY
        );
    }
}

/// Runs a batch, prints its failures and a summary; fails when any commune failed.
fn batch(args: &BatchArgs, verbose: bool) -> Result<Vec<PathBuf>, vanban::Error> {
    let Per::Commune = args.per;
    let start = std::time::Instant::now();
    let pdf = pdf_writer(args.font_dir.as_deref(), verbose)?
        .with_standard(args.pdf_standard)
        .with_workers(args.jobs);
    let options = vanban::batch::BatchOptions {
        formats: args.format.clone(),
        data: args.data.clone(),
        jobs: args.jobs,
        pattern: args.name.clone(),
        progress: !args.quiet,
        tally: None,
    };
    let summary = vanban::batch::run(&args.job, &args.out, &options, &pdf)?;
    if let Some(zip) = &args.zip {
        vanban::batch::zip(&args.out, zip)?;
    }
    summary.warnings.iter().for_each(|w| eprintln!("{w}"));
    if args.format.contains(&OutputFormat::Pdf) {
        warn_of_stand_in(&pdf);
    }
    for failure in &summary.failures {
        match &failure.commune {
            Some(commune) => eprintln!("error: {commune}: {}", failure.error),
            None => eprintln!("{}", failure.error),
        }
    }
    eprintln!(
        "{} files for {} communes written to {}, {} failed, in {:.1} s",
        summary.written,
        summary.communes,
        args.out.display(),
        summary.failures.len(),
        start.elapsed().as_secs_f64()
    );
    if summary.failures.is_empty() {
        Ok(Vec::new())
    } else {
        Err(vanban::Error::Input(format!(
            "{} failed; see {}",
            summary.failures.len(),
            args.out.join("manifest.json").display()
        )))
    }
}

/// Write one fill-in workbook per commune.
#[derive(clap::Args)]
struct FormsArgs {
    /// The communes: a file (a consolidated plan or form, or one name per line), or names separated by commas.
    #[arg(long)]
    communes: String,
    /// Folder to write into.
    #[arg(short, long, default_value = "forms")]
    out: PathBuf,
    /// The programme's years.
    #[arg(long, default_value = "2021-2025", value_parser = parse_period)]
    period: Period,
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
    let extension = out
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    if !matches!(extension.as_deref(), Some("json" | "xlsx")) {
        return Err(vanban::Error::Value {
            path: out.to_path_buf(),
            key: "-o".into(),
            message: "the plan is written as .json or .xlsx".into(),
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
    let bytes = match extension.as_deref() {
        Some("xlsx") => data::xlsx::plan(&plan)
            .map_err(|e| vanban::Error::Input(format!("{}: {e}", out.display())))?,
        _ => data::write::json(&plan).into_bytes(),
    };
    vanban::render::write_atomic(out, &bytes)?;
    Ok(vec![out.to_path_buf()])
}

/// The communes named by `--communes`.
fn commune_names(spec: &str, period: Period) -> Result<Vec<String>, vanban::Error> {
    let path = Path::new(spec);
    if !path.is_file() {
        return Ok(spec
            .split(',')
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(vanban::text::clean)
            .collect());
    }
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    if matches!(
        extension.as_deref(),
        Some("xlsx" | "xlsm" | "xls" | "ods" | "csv" | "json")
    ) {
        let (plan, diagnostics) = data::consolidate(&[path], period);
        for diagnostic in diagnostics.items() {
            eprintln!("{diagnostic}");
        }
        let plan = plan.ok_or_else(|| vanban::Error::Input(format!("{spec}: no communes read")))?;
        return Ok(plan.communes.into_iter().map(|c| c.name).collect());
    }
    let text = std::fs::read_to_string(path).map_err(|source| vanban::Error::Io {
        path: path.into(),
        source,
    })?;
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(vanban::text::clean)
        .collect())
}

/// Writes `DIR/<commune>.xlsx` for each commune.
fn forms(args: &FormsArgs) -> Result<Vec<PathBuf>, vanban::Error> {
    let names = commune_names(&args.communes, args.period)?;
    let forms = data::xlsx::forms(&names, args.period)
        .map_err(|e| vanban::Error::Input(format!("--communes {:?}: {e}", args.communes)))?;
    forms
        .into_iter()
        .map(|(file, bytes)| {
            let path = args.out.join(file);
            vanban::render::write_atomic(&path, &bytes).map(|()| path)
        })
        .collect()
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Render {
            job,
            out,
            format,
            font_dir,
            data,
            annex_separate,
            pdf_standard,
            electronic,
        } => {
            let options = vanban::RenderOptions {
                formats: format,
                data,
                annex_separate,
                electronic,
            };
            let writes_pdf = options.formats.contains(&OutputFormat::Pdf);
            pdf_writer(font_dir.as_deref(), cli.verbose)
                .map(|pdf| pdf.with_standard(pdf_standard))
                .and_then(|pdf| {
                    let rendered = vanban::render_job(&job, &out, &options, &pdf)?;
                    if writes_pdf {
                        warn_of_stand_in(&pdf);
                    }
                    Ok(rendered)
                })
                .map(|rendered| {
                    rendered.warnings.iter().for_each(|w| eprintln!("{w}"));
                    rendered.paths
                })
        }
        Command::Consolidate { files, out, period } => consolidate(&files, &out, period),
        Command::Forms(args) => forms(&args),
        Command::Batch(args) => batch(&args, cli.verbose),
        Command::Check {
            files,
            format,
            electronic,
        } => return check(&files, format, electronic),
        Command::Sign {
            file,
            key,
            cert,
            chain,
            role,
            image,
            reference,
            copy_form,
            copier,
            number,
            date,
            time,
            out,
        } => sign(
            &file,
            (&key, &cert, chain.as_deref()),
            role,
            Info {
                reference,
                copy_form,
                copier,
                number,
                date,
            },
            (image.as_deref(), time),
            out.as_deref(),
        ),
        Command::Serve {
            dir,
            port,
            listen,
            open,
            font_dir,
        } => {
            let options = vanban::serve::Options {
                dir,
                listen: listen.unwrap_or_else(|| (std::net::Ipv4Addr::LOCALHOST, port).into()),
                open,
                font_dir,
            };
            vanban::serve::run(&options).map(|()| Vec::new())
        }
        Command::Import { draft, out } => import(&draft, &out),
        Command::Fix {
            draft,
            out,
            format,
            font_dir,
        } => pdf_writer(font_dir.as_deref(), cli.verbose).and_then(|pdf| {
            let paths = fix(&draft, &out, &format, &pdf)?;
            if format.contains(&OutputFormat::Pdf) {
                warn_of_stand_in(&pdf);
            }
            Ok(paths)
        }),
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
