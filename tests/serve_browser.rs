//! The page in a real browser: Debian's headless Chromium driven through chromedriver (WebDriver), as a
//! clerk uses it. Fills in a letter's fields, sees its page image appear and change after an edit,
//! downloads the PDF and checks it, drops a workbook with a word in a number cell, runs the 24-commune
//! batch and downloads its zip, drops a DOCX with a bad date. Saves a screenshot of each screen in
//! `target/…/serve-screens/`.

mod common;

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

/// A program started for the test, stopped when dropped.
struct Started(Child);

impl Drop for Started {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A free port on loopback.
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

/// chromedriver on a free port, once it answers; its address.
fn chromedriver() -> (Started, String) {
    let port = free_port();
    let child = Command::new("chromedriver")
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let started = Started(child);
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "chromedriver did not answer");
        std::thread::sleep(Duration::from_millis(50));
    }
    (started, format!("http://127.0.0.1:{port}"))
}

/// The full path of the program `name` on the PATH.
fn on_path(name: &str) -> PathBuf {
    std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
        .unwrap_or_else(|| PathBuf::from(name))
}

/// A headless Chromium at 1366×768 that downloads into `downloads` without asking.
async fn browser(driver: &str, downloads: &Path) -> Client {
    let options = json!({
        "binary": on_path("chromium"),
        "args": [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--window-size=1366,768",
            "--lang=vi",
        ],
        "prefs": {
            "download.default_directory": downloads,
            "download.prompt_for_download": false,
            "download.directory_upgrade": true,
            "safebrowsing.enabled": false,
        },
    });
    let mut capabilities = serde_json::Map::new();
    capabilities.insert("goog:chromeOptions".into(), options);
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(capabilities)
        .connect(driver)
        .await
        .expect("a browser session")
}

/// Waits until `script` (a function body returning a value) returns something truthy; returns it.
async fn until(client: &Client, what: &str, script: &str) -> serde_json::Value {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let value = client.execute(script, vec![]).await.expect("script runs");
        let truthy = match &value {
            serde_json::Value::Null | serde_json::Value::Bool(false) => false,
            serde_json::Value::String(s) => !s.is_empty(),
            _ => true,
        };
        if truthy {
            return value;
        }
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Waits for the file `name` to be downloaded whole into `folder`.
async fn downloaded(folder: &Path, name: &str) -> PathBuf {
    let path = folder.join(name);
    let deadline = Instant::now() + Duration::from_secs(60);
    while !path.is_file() || folder.join(format!("{name}.crdownload")).exists() {
        assert!(Instant::now() < deadline, "{name} was not downloaded");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    path
}

async fn find(client: &Client, css: &str) -> Element {
    client
        .wait()
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"))
}

async fn type_into(client: &Client, css: &str, text: &str) {
    find(client, css)
        .await
        .send_keys(text)
        .await
        .expect("typing");
}

/// A screenshot of the whole window, saved as `name`.png where the test run keeps them.
async fn screenshot(client: &Client, name: &str) {
    let folder = Path::new(env!("CARGO_TARGET_TMPDIR")).join("serve-screens");
    std::fs::create_dir_all(&folder).expect("screens folder");
    let png = client.screenshot().await.expect("screenshot");
    let path = folder.join(format!("{name}.png"));
    std::fs::write(&path, png).expect("save screenshot");
    eprintln!("screenshot: {}", path.display());
}

/// Adds a row to the list editor `list` and types `text` into it.
async fn add_item(client: &Client, list: &str, text: &str) {
    find(client, &format!("[data-list='{list}'] .add"))
        .await
        .click()
        .await
        .expect("add");
    let rows = client
        .find_all(Locator::Css(&format!("[data-list='{list}'] .item input")))
        .await
        .expect("rows");
    rows.last()
        .expect("a row")
        .send_keys(text)
        .await
        .expect("typing");
}

#[test]
fn a_clerk_composes_checks_consolidates_and_batches_in_a_real_browser() {
    if !common::tools(&["chromium", "chromedriver"]) {
        return;
    }
    let workspace = tempfile::tempdir().expect("workspace");
    let downloads = tempfile::tempdir().expect("downloads");
    let server = common::served::serve(env!("CARGO_BIN_EXE_vanban"), workspace.path());
    let address = server.address.clone();
    let (_driver, driver) = chromedriver();
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    runtime.block_on(async {
        let client = browser(&driver, downloads.path()).await;
        let result = walk(&client, &address, workspace.path(), downloads.path()).await;
        let _ = client.close().await;
        result
    });
}

async fn walk(client: &Client, address: &str, workspace: &Path, downloads: &Path) {
    client.goto(address).await.expect("the page opens");
    until(
        client,
        "the kinds",
        "return document.querySelectorAll('#open-kind option').length > 29",
    )
    .await;

    // Soạn văn bản: a công văn, its fields filled in as the sample letter has them.
    find(client, "#open-kind")
        .await
        .select_by_value("cong-van")
        .await
        .expect("kind");
    until(
        client,
        "the blank form",
        "return document.querySelector('#name').value === 'cong-van'",
    )
    .await;
    type_into(
        client,
        "[data-lines='issuer.name']",
        "Ủy ban nhân dân\nhuyện Cẩm Xuyên",
    )
    .await;
    type_into(client, "[data-key='issuer.code']", "UBND").await;
    type_into(client, "#number", "2402").await;
    type_into(client, "[data-key='unit']", "NTM").await;
    type_into(client, "#place", "Cẩm Xuyên").await;
    client
        .execute(
            "const d = document.querySelector('#date'); d.value = '2021-08-10'; d.dispatchEvent(new Event('input', {bubbles: true}));",
            vec![],
        )
        .await
        .expect("date");
    type_into(
        client,
        "#subject",
        "đẩy mạnh công tác tuyên truyền Chương trình OCOP",
    )
    .await;
    add_item(client, "to", "Ủy ban nhân dân các xã, thị trấn").await;
    type_into(
        client,
        "#body",
        "Để thực hiện Chương trình OCOP giai đoạn 2021-2025, UBND huyện yêu cầu:\n\n1. UBND các xã, thị trấn tổ chức tuyên truyền.\n\n2. Văn phòng Điều phối NTM huyện tổng hợp kết quả./.",
    )
    .await;
    add_item(client, "signer.lines", "Ủy ban nhân dân").await;
    client
        .execute(
            "const s = document.querySelector(\"[data-list='signer.lines'] .item select\"); s.value = 'TM.'; s.dispatchEvent(new Event('change', {bubbles: true}));",
            vec![],
        )
        .await
        .expect("prefix");
    add_item(client, "signer.lines", "Chủ tịch").await;
    type_into(client, "#signer-name", "Lê Ngọc Hà").await;
    add_item(client, "distribution.to", "Như trên").await;

    let first = until(
        client,
        "the first page image",
        "const i = document.querySelector('#pages img'); return i && i.complete && i.naturalWidth > 0 && !document.querySelector('#status').classList.contains('error') && document.querySelector('#status').textContent.includes('trang') ? i.dataset.preview : null",
    )
    .await;
    let before = find(client, "#pages img")
        .await
        .screenshot()
        .await
        .expect("image");
    until(
        client,
        "the findings",
        "return document.querySelector('#findings-summary').textContent.includes('checked')",
    )
    .await;
    let summary = find(client, "#findings-summary")
        .await
        .text()
        .await
        .expect("summary");
    assert!(summary.starts_with("1 file checked: 0 errors"), "{summary}");
    client
        .execute("document.querySelector('#form').scrollTop = 0", vec![])
        .await
        .expect("scroll");
    screenshot(client, "soan-van-ban").await;

    // An edit redraws the page.
    type_into(client, "#subject", " năm 2021").await;
    let script = format!(
        "const i = document.querySelector('#pages img'); return i && i.complete && i.naturalWidth > 0 && i.dataset.preview !== '{}' ? i.dataset.preview : null",
        first.as_str().expect("id")
    );
    until(client, "the page image to change", &script).await;
    let after = find(client, "#pages img")
        .await
        .screenshot()
        .await
        .expect("image");
    assert_ne!(before, after, "the page image changed after the edit");

    // Download the PDF and check it.
    find(client, "#download-pdf")
        .await
        .click()
        .await
        .expect("download");
    let pdf = downloaded(downloads, "cong-van.pdf").await;
    let check = common::vanban(&["check", pdf.to_str().expect("utf-8")]);
    let said = String::from_utf8_lossy(&check.stderr);
    assert!(check.status.success(), "{said}");
    assert!(said.contains("1 file checked: 0 errors"), "{said}");

    // Dữ liệu: a workbook with a word in a number cell.
    find(client, "#tab-data").await.click().await.expect("tab");
    let bad = common::root().join("tests/fixtures/bad.xlsx");
    type_into(client, "#consolidate-files", bad.to_str().expect("utf-8")).await;
    find(client, "#consolidate")
        .await
        .click()
        .await
        .expect("consolidate");
    let row = until(
        client,
        "the problems",
        "const r = document.querySelector('#problems tbody tr'); return r ? r.textContent : null",
    )
    .await;
    let row = row.as_str().expect("text");
    assert!(
        row.contains("bad.xlsx")
            && row.contains("Phụ lục 1")
            && row.contains("D6")
            && row.contains("\"hai\""),
        "{row}"
    );
    screenshot(client, "du-lieu").await;

    // Hàng loạt: the per-commune sample for the 24 communes.
    find(client, "#tab-compose")
        .await
        .click()
        .await
        .expect("tab");
    find(client, "#open-sample")
        .await
        .select_by_value("cong-van-2402-xa")
        .await
        .expect("sample");
    until(client, "the sample copied", "return [...document.querySelectorAll('#batch-job option')].some(o => o.value === 'cong-van-2402-xa')").await;
    assert!(workspace.join("cong-van-2402-xa.toml").is_file());
    find(client, "#tab-batch").await.click().await.expect("tab");
    find(client, "#batch-job")
        .await
        .select_by_value("cong-van-2402-xa")
        .await
        .expect("job");
    find(client, "#batch-run").await.click().await.expect("run");
    until(
        client,
        "the batch to finish",
        "return document.querySelector('#batch-zip-link')",
    )
    .await;
    let status = find(client, "#batch-status")
        .await
        .text()
        .await
        .expect("status");
    assert!(status.contains("48 tệp cho 24 xã, 0 xã lỗi"), "{status}");
    screenshot(client, "hang-loat").await;
    find(client, "#batch-zip-link")
        .await
        .click()
        .await
        .expect("zip");
    let zip = downloaded(downloads, "cong-van-2402-xa.zip").await;
    let archive = zip::ZipArchive::new(std::fs::File::open(&zip).expect("zip")).expect("a zip");
    let names: Vec<&str> = archive.file_names().collect();
    let documents = names
        .iter()
        .filter(|n| n.ends_with(".pdf") || n.ends_with(".docx"))
        .count();
    assert_eq!(documents, 48, "{names:?}");
    assert!(
        names.contains(&"manifest.json") && names.contains(&"manifest.csv"),
        "{names:?}"
    );

    // Kiểm tra: a DOCX with a bad date.
    let out = tempfile::tempdir().expect("out");
    common::render_with(&common::sample_job(), out.path(), &["--format", "docx"]);
    let bad_date = out.path().join("ngay-sai.docx");
    common::mutate(
        &out.path().join("cong-van-2402.docx"),
        &bad_date,
        "word/document.xml",
        "tháng 8 năm 2021",
        "tháng 08 năm 2021",
    );
    // A Word draft dropped on the compose screen becomes a job of the workspace.
    find(client, "#tab-compose")
        .await
        .click()
        .await
        .expect("tab");
    let draft = out.path().join("cong-van-2402.docx");
    type_into(client, "#import-file", draft.to_str().expect("utf-8")).await;
    until(
        client,
        "the draft imported",
        "return document.querySelector('#name').value === 'cong-van-2402-2'",
    )
    .await;
    let report = find(client, "#import-report")
        .await
        .text()
        .await
        .expect("report");
    assert!(report.contains("cong-van-2402.docx: paragraph"), "{report}");
    assert!(workspace.join("cong-van-2402-2.toml").is_file());
    let subject = find(client, "#subject")
        .await
        .prop("value")
        .await
        .expect("subject");
    assert_eq!(subject.as_deref(), Some("đẩy mạnh công tác tuyên truyền; xây dựng kế hoạch, lựa chọn sản phẩm có tiềm năng, lợi thế của địa phương tham gia chương trình OCOP giai đoạn 2021-2025"));

    find(client, "#tab-check").await.click().await.expect("tab");
    type_into(client, "#check-files", bad_date.to_str().expect("utf-8")).await;
    until(
        client,
        "the check",
        "return document.querySelector('#check-summary').textContent.includes('checked')",
    )
    .await;
    let reports = find(client, "#check-reports")
        .await
        .text()
        .await
        .expect("reports");
    assert!(
        reports.contains("E13") && reports.contains("ngày 10 tháng 08 năm 2021"),
        "{reports}"
    );
    let summary = find(client, "#check-summary")
        .await
        .text()
        .await
        .expect("summary");
    assert_eq!(summary, "1 file checked: 1 error, 0 warnings");
    screenshot(client, "kiem-tra").await;
}
