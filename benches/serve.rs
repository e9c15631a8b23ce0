//! Prints how fast `vanban serve` answers the page, over real HTTP on loopback: the time from an edit
//! of the sample letter (a changed trích yếu, so never a repeat) to its first page image, and a bounded
//! load run of 20 clients × 50 previews each (latency p50/p95, errors, the server's peak memory). The
//! server is the `vanban` binary, started once. Run with `cargo bench --bench serve`.

// Shared with the browser test, which also reads the address.
#[allow(dead_code)]
#[path = "../tests/common/served.rs"]
mod served;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

const EDITS: usize = 200;
const CLIENTS: usize = 20;
const PER_CLIENT: usize = 50;

/// One keep-alive HTTP/1.1 connection, as a browser tab holds one.
struct Connection {
    stream: BufReader<TcpStream>,
    host: String,
}

impl Connection {
    fn open(port: u16) -> Connection {
        let stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
        stream.set_nodelay(true).expect("nodelay");
        Connection {
            stream: BufReader::new(stream),
            host: format!("127.0.0.1:{port}"),
        }
    }

    /// Sends a request; the status and the body.
    fn ask(&mut self, method: &str, path: &str, body: Option<&str>) -> (u16, Vec<u8>) {
        let body = body.unwrap_or("");
        let request = format!(
            "{method} {path} HTTP/1.1\r\nHost: {host}\r\nOrigin: http://{host}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            body.len(),
            host = self.host
        );
        self.stream
            .get_mut()
            .write_all(request.as_bytes())
            .expect("send");
        let mut status_line = String::new();
        self.stream.read_line(&mut status_line).expect("status");
        let status = status_line
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let mut length = 0;
        loop {
            let mut line = String::new();
            self.stream.read_line(&mut line).expect("header");
            if line == "\r\n" || line.is_empty() {
                break;
            }
            if let Some((name, value)) = line.split_once(':') {
                if name.eq_ignore_ascii_case("content-length") {
                    length = value.trim().parse().unwrap_or(0);
                }
            }
        }
        let mut body = vec![0; length];
        self.stream.read_exact(&mut body).expect("body");
        (status, body)
    }

    /// An edit previewed and its first page image fetched, as the page does; false on any error.
    fn preview(&mut self, draft: &Value) -> bool {
        let (status, body) = self.ask("POST", "/api/preview", Some(&draft.to_string()));
        if status != 200 {
            return false;
        }
        let id = serde_json::from_slice::<Value>(&body)
            .ok()
            .and_then(|v| v["id"].as_u64());
        let Some(id) = id else { return false };
        let (status, png) = self.ask("GET", &format!("/api/page/{id}/0"), None);
        status == 200 && png.starts_with(b"\x89PNG")
    }
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i].as_secs_f64() * 1000.0
}

fn peak_rss_mib(pid: u32) -> Option<f64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

/// The sample letter's draft with its trích yếu made the `n`th edit.
fn edited(draft: &Value, n: usize) -> Value {
    let mut draft = draft.clone();
    let subject = draft["job"]["subject"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    draft["job"]["subject"] = json!(format!("{subject} (lần {n})"));
    draft
}

fn main() {
    let workspace = tempfile::tempdir().expect("workspace");
    let server = served::serve(env!("CARGO_BIN_EXE_vanban"), workspace.path());
    let mut connection = Connection::open(server.port);
    let (status, body) = connection.ask("POST", "/api/sample?name=cong-van-2402", Some("{}"));
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&body));
    let draft: Value = serde_json::from_slice(&body).expect("draft");
    // Warm: the fonts are used once before anything is timed.
    assert!(connection.preview(&draft));

    let mut times: Vec<Duration> = (0..EDITS)
        .map(|n| {
            let draft = edited(&draft, n);
            let start = Instant::now();
            assert!(connection.preview(&draft), "edit {n}");
            start.elapsed()
        })
        .collect();
    times.sort();
    println!(
        "edit → first page image, sample letter (5 pages), {EDITS} edits in turn: median {:.1} ms, p95 {:.1} ms (goal: median ≤ 50 ms, p95 ≤ 100 ms)",
        percentile(&times, 0.5),
        percentile(&times, 0.95)
    );

    let start = Instant::now();
    let results: Vec<(Vec<Duration>, usize)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..CLIENTS)
            .map(|client| {
                let draft = &draft;
                scope.spawn(move || {
                    let mut connection = Connection::open(server.port);
                    let mut times = Vec::new();
                    let mut errors = 0;
                    for n in 0..PER_CLIENT {
                        let draft = edited(draft, client * PER_CLIENT + n);
                        let start = Instant::now();
                        if !connection.preview(&draft) {
                            errors += 1;
                        }
                        times.push(start.elapsed());
                    }
                    (times, errors)
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().expect("client"))
            .collect()
    });
    let wall = start.elapsed();
    let errors: usize = results.iter().map(|(_, e)| e).sum();
    let mut times: Vec<Duration> = results.into_iter().flat_map(|(t, _)| t).collect();
    times.sort();
    println!(
        "load: {CLIENTS} clients × {PER_CLIENT} previews (preview + first page image) in {:.1} s: p50 {:.0} ms, p95 {:.0} ms, {errors} errors, {:.0} previews/s",
        wall.as_secs_f64(),
        percentile(&times, 0.5),
        percentile(&times, 0.95),
        times.len() as f64 / wall.as_secs_f64()
    );
    match peak_rss_mib(server.id()) {
        Some(mib) => println!("server peak RSS: {mib:.0} MiB"),
        None => println!("server peak RSS: not measured (no /proc on this system)"),
    }
}
