//! `vanban serve` started on a port the system chooses, over a workspace, for the page's browser test
//! and its benchmark; stopped when dropped.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

/// A running server.
pub struct Served {
    child: Child,
    /// The address it printed (`http://127.0.0.1:PORT/`).
    pub address: String,
    /// Its port.
    pub port: u16,
}

impl Served {
    /// The server's process id.
    pub fn id(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts the `vanban` binary at `program` serving `workspace`.
pub fn serve(program: &str, workspace: &Path) -> Served {
    let mut child = Command::new(program)
        .args(["serve", "--port", "0", "--dir"])
        .arg(workspace)
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("vanban serve starts");
    let mut stderr = BufReader::new(child.stderr.take().expect("stderr"));
    let mut line = String::new();
    stderr.read_line(&mut line).expect("the address line");
    // The rest of what the server says is read, so that it never writes into a closed pipe.
    std::thread::spawn(move || std::io::copy(&mut stderr, &mut std::io::sink()));
    let address = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_owned();
    let port = address
        .trim_end_matches('/')
        .rsplit(':')
        .next()
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("no port in {address:?}"));
    Served {
        child,
        address,
        port,
    }
}
