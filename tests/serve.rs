//! `vanban serve`'s endpoints, asked as the page asks them (no network: the router is called in
//! process), with good input and bad: a path outside the workspace, a foreign Host or Origin, a
//! missing token, an oversized or malformed upload, a job whose template fails.

mod common;

use std::io::Read;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use common::{mutate, root};
use serde_json::{json, Value};
use tower::ServiceExt;
use vanban::render::pdf::PdfWriter;
use vanban::serve::{self, Access, Shared, Workspace};

const HOST: &str = "127.0.0.1:8030";

/// A server over a new workspace; with `token`, as if listening on every address.
fn server(token: Option<&str>) -> (tempfile::TempDir, Router) {
    let dir = tempfile::tempdir().expect("temp dir");
    let workspace = Workspace::open(dir.path()).expect("workspace");
    let pdf = PdfWriter::new(None).expect("fonts");
    let listen = if token.is_some() {
        "0.0.0.0:8030"
    } else {
        HOST
    };
    let access = Access::with_token(listen.parse().expect("address"), token.map(str::to_owned));
    (dir, serve::app(Shared::new(workspace, pdf, access)))
}

/// What a request got: its status, headers and body.
struct Reply {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: Vec<u8>,
}

impl Reply {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&self.body)))
    }

    fn error(&self) -> String {
        self.json()["error"].as_str().unwrap_or_default().to_owned()
    }
}

/// Sends `request` to `app` on a runtime whose threads can lay documents out.
fn send(app: &Router, request: Request<Body>) -> Reply {
    serve::runtime().expect("runtime").block_on(async {
        let response = app.clone().oneshot(request).await.expect("response");
        let status = response.status();
        let headers = response.headers().clone();
        let body = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .expect("body")
            .to_vec();
        Reply {
            status,
            headers,
            body,
        }
    })
}

fn get(app: &Router, uri: &str) -> Reply {
    let request = Request::get(uri).header(header::HOST, HOST);
    send(app, request.body(Body::empty()).expect("request"))
}

fn post_json(app: &Router, uri: &str, body: &Value) -> Reply {
    let request = Request::post(uri)
        .header(header::HOST, HOST)
        .header(header::ORIGIN, format!("http://{HOST}"))
        .header(header::CONTENT_TYPE, "application/json");
    send(
        app,
        request.body(Body::from(body.to_string())).expect("request"),
    )
}

const BOUNDARY: &str = "vanban-test-boundary";

/// A multipart body with each `(field, file name, bytes)`.
fn multipart(files: &[(&str, &str, &[u8])]) -> Vec<u8> {
    let mut body = Vec::new();
    for (field, name, bytes) in files {
        body.extend_from_slice(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    body
}

fn post_files(app: &Router, uri: &str, body: Vec<u8>) -> Reply {
    let request = Request::post(uri).header(header::HOST, HOST).header(
        header::CONTENT_TYPE,
        format!("multipart/form-data; boundary={BOUNDARY}"),
    );
    send(app, request.body(Body::from(body)).expect("request"))
}

/// The sample letter copied into the workspace and opened, as the page does.
fn open_sample(app: &Router, name: &str) -> Value {
    let reply = post_json(app, &format!("/api/sample?name={name}"), &json!({}));
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.error());
    reply.json()
}

#[test]
fn the_page_and_its_script_are_served_from_the_binary() {
    let (_dir, app) = server(None);
    let page = get(&app, "/");
    assert_eq!(page.status, StatusCode::OK);
    let html = String::from_utf8(page.body).expect("utf-8");
    for label in [
        "Soạn văn bản",
        "Dữ liệu",
        "Hàng loạt",
        "Kiểm tra",
        "Nơi nhận",
    ] {
        assert!(html.contains(label), "{label}");
    }
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "no outside address"
    );
    let script = get(&app, "/app.js");
    assert_eq!(script.status, StatusCode::OK);
    assert!(String::from_utf8_lossy(&script.body).contains("/api/preview"));
}

#[test]
fn start_lists_the_29_kinds_the_prefixes_and_the_samples() {
    let (_dir, app) = server(None);
    let start = get(&app, "/api/start").json();
    assert_eq!(start["kinds"].as_array().expect("kinds").len(), 29);
    assert_eq!(
        start["prefixes"],
        json!(["TM.", "KT.", "TL.", "TUQ.", "Q."])
    );
    let samples = start["samples"].as_array().expect("samples");
    assert!(samples.contains(&json!("cong-van-2402")));
    assert!(samples.contains(&json!("cong-van-2402-xa")));
    assert_eq!(start["jobs"], json!([]));
}

#[test]
fn a_blank_document_of_a_kind_has_the_kinds_fields() {
    let (_dir, app) = server(None);
    let draft = get(&app, "/api/blank?kind=cong-van").json();
    assert_eq!(draft["job"]["kind"], "cong-van");
    assert_eq!(draft["name"], "cong-van");
    assert_eq!(draft["job"]["to"], json!([]));
    let decision = get(&app, "/api/blank?kind=giay-gioi-thieu").json();
    assert!(decision["job"].get("subject").is_none(), "{decision}");
    let unknown = get(&app, "/api/blank?kind=phieu-trinh");
    assert_eq!(unknown.status, StatusCode::BAD_REQUEST);
    assert!(unknown.error().contains("phieu-trinh"));
}

#[test]
fn the_sample_letter_previews_as_page_images_and_checks_clean() {
    let (dir, app) = server(None);
    let draft = open_sample(&app, "cong-van-2402");
    for file in [
        "cong-van-2402.toml",
        "cong-van-2402.md.j2",
        "ocop-2021.json",
    ] {
        assert!(dir.path().join(file).is_file(), "{file} copied");
    }
    assert_eq!(draft["job"]["number"], 2402);
    assert_eq!(draft["job"]["date"], "2021-08-10");
    let preview = post_json(&app, "/api/preview", &draft);
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.error());
    let preview = preview.json();
    let pages = preview["pages"].as_array().expect("pages");
    assert_eq!(pages.len(), 5, "two letter pages and three annex pages");
    // A4 upright, then the annexes' landscape pages.
    assert_eq!(pages[0][0].as_f64().map(f64::round), Some(595.0));
    assert_eq!(pages[2][0].as_f64().map(f64::round), Some(842.0));
    let id = preview["id"].as_u64().expect("id");
    let image = get(&app, &format!("/api/page/{id}/0"));
    assert_eq!(image.status, StatusCode::OK);
    assert_eq!(image.headers[header::CONTENT_TYPE], "image/png");
    assert_eq!(&image.body[..8], b"\x89PNG\r\n\x1a\n");
    let width = u32::from_be_bytes(image.body[16..20].try_into().expect("width"));
    assert_eq!(width, 744, "A4 at 1.25 pixels to the point");
    assert_eq!(
        get(&app, &format!("/api/page/{id}/5")).status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(get(&app, "/api/page/999/0").status, StatusCode::NOT_FOUND);

    let checked = post_json(&app, "/api/findings", &draft).json();
    let summary = checked["summary"].as_str().expect("summary");
    assert!(summary.starts_with("1 file checked: 0 errors"), "{summary}");
}

#[test]
fn an_electronic_letter_previews_with_its_number_and_date_left_blank() {
    let (_dir, app) = server(None);
    let mut draft = open_sample(&app, "cong-van-2402");
    draft["job"]["electronic"] = json!(true);
    let pdf = post_json(&app, "/api/render?format=pdf", &draft);
    assert_eq!(pdf.status, StatusCode::OK, "{}", pdf.error());
    let text = String::from_utf8_lossy(&pdf.body);
    assert!(
        text.contains("/FT /Sig") || text.contains("/FT/Sig"),
        "signature fields"
    );
    let docx = post_json(&app, "/api/render?format=docx", &draft);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("e.docx");
    std::fs::write(&path, &docx.body).expect("write");
    let xml = common::docx_part(&path, "word/document.xml");
    let blank = vanban::nd30::BLANK;
    assert!(common::docx_paragraph_texts(&xml).contains(&format!("Số: {blank}/UBND-NTM")));
}

#[test]
fn an_edit_changes_the_page_image() {
    let (_dir, app) = server(None);
    let mut draft = open_sample(&app, "cong-van-2402");
    let image = |draft: &Value| {
        let id = post_json(&app, "/api/preview", draft).json()["id"]
            .as_u64()
            .expect("id");
        get(&app, &format!("/api/page/{id}/0")).body
    };
    let before = image(&draft);
    draft["job"]["subject"] = json!("tổ chức Hội chợ OCOP huyện Cẩm Xuyên năm 2021");
    let after = image(&draft);
    assert_ne!(before, after);
}

#[test]
fn a_saved_job_renders_to_the_bytes_the_page_downloads() {
    let (dir, app) = server(None);
    let mut draft = open_sample(&app, "cong-van-2402");
    draft["name"] = json!("cong-van-moi");
    draft["body"] = json!("Đề nghị các xã **khẩn trương** thực hiện./.");
    let saved = post_json(&app, "/api/save", &draft);
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.error());
    assert_eq!(
        saved.json()["saved"],
        json!(["cong-van-moi.toml", "cong-van-moi.md.j2"])
    );
    let toml = std::fs::read_to_string(dir.path().join("cong-van-moi.toml")).expect("job");
    assert!(toml.contains("date = 2021-08-10"), "{toml}");
    assert!(toml.contains("body = \"cong-van-moi.md.j2\""), "{toml}");
    let original = std::fs::read_to_string(dir.path().join("cong-van-2402.md.j2")).expect("body");
    assert!(
        original.contains("UBND huyện yêu cầu"),
        "the sample's body is left as it was"
    );
    for format in ["pdf", "docx"] {
        let downloaded = post_json(&app, &format!("/api/render?format={format}"), &draft);
        assert_eq!(downloaded.status, StatusCode::OK, "{}", downloaded.error());
        assert!(downloaded.headers[header::CONTENT_DISPOSITION]
            .to_str()
            .expect("ascii")
            .contains(&format!("cong-van-moi.{format}")));
        let out = dir.path().join("out");
        let pdf = PdfWriter::new(None).expect("fonts");
        let options = vanban::RenderOptions {
            formats: vec![if format == "pdf" {
                vanban::render::OutputFormat::Pdf
            } else {
                vanban::render::OutputFormat::Docx
            }],
            ..vanban::RenderOptions::default()
        };
        let rendered =
            vanban::render_job(&dir.path().join("cong-van-moi.toml"), &out, &options, &pdf)
                .expect("render");
        let written = std::fs::read(&rendered.paths[0]).expect("written");
        assert!(written == downloaded.body, "{format}: the same bytes");
    }
}

#[test]
fn a_job_with_a_template_error_gets_the_error_text() {
    let (_dir, app) = server(None);
    let mut draft = open_sample(&app, "cong-van-2402");
    draft["body"] = json!("Hạn gửi: {{ han_nop }}.");
    let reply = post_json(&app, "/api/preview", &draft);
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    let error = reply.error();
    assert!(
        error.starts_with("cong-van-2402.md.j2:1: undefined value"),
        "{error}"
    );
    assert!(error.contains("han_nop"), "{error}");
    draft["body"] = json!("Nội dung.");
    draft["job"]["signer"]["name"] = json!("");
    let error = post_json(&app, "/api/render?format=pdf", &draft).error();
    assert!(error.contains("`signer`"), "{error}");
}

#[test]
fn no_request_names_a_path_outside_the_workspace() {
    let (_dir, app) = server(None);
    for uri in [
        "/api/job?name=../../etc/passwd",
        "/api/job?name=%2Fetc%2Fpasswd",
        "/api/file?name=../../etc/passwd",
        "/api/file?name=%2Fetc%2Fpasswd",
        "/api/sample?name=../../etc/passwd",
    ] {
        let reply = get(&app, uri);
        assert!(
            matches!(
                reply.status,
                StatusCode::BAD_REQUEST | StatusCode::NOT_FOUND | StatusCode::METHOD_NOT_ALLOWED
            ),
            "{uri}: {}",
            reply.status
        );
        assert!(
            !String::from_utf8_lossy(&reply.body).contains("root:"),
            "{uri}"
        );
    }
    let mut draft = open_sample(&app, "cong-van-2402");
    for (key, value) in [("data", "/etc/passwd"), ("data", "../ocop-2021.json")] {
        draft["job"][key] = json!(value);
        let reply = post_json(&app, "/api/preview", &draft);
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{key} = {value}");
        assert!(
            reply.error().contains("thư mục làm việc"),
            "{}",
            reply.error()
        );
    }
    let mut draft = open_sample(&app, "cong-van-2402");
    draft["name"] = json!("../cong-van");
    let reply = post_json(&app, "/api/save", &draft);
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    let reply = post_json(&app, "/api/batch", &json!({ "job": "../../x" }));
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
}

#[test]
fn a_foreign_host_or_origin_is_refused() {
    let (_dir, app) = server(None);
    let ask = |host: Option<&str>, origin: Option<&str>| {
        let mut request =
            Request::post("/api/forms").header(header::CONTENT_TYPE, "application/json");
        if let Some(host) = host {
            request = request.header(header::HOST, host);
        }
        if let Some(origin) = origin {
            request = request.header(header::ORIGIN, origin);
        }
        let body = json!({ "communes": "Cẩm Bình" }).to_string();
        send(&app, request.body(Body::from(body)).expect("request")).status
    };
    assert_eq!(
        ask(Some(HOST), Some("http://127.0.0.1:8030")),
        StatusCode::OK
    );
    assert_eq!(
        ask(Some("localhost:8030"), Some("http://localhost:8030")),
        StatusCode::OK
    );
    assert_eq!(
        ask(Some(HOST), None),
        StatusCode::OK,
        "a client that is no browser"
    );
    assert_eq!(
        ask(Some(HOST), Some("http://evil.example")),
        StatusCode::FORBIDDEN
    );
    assert_eq!(ask(Some(HOST), Some("null")), StatusCode::FORBIDDEN);
    assert_eq!(
        ask(Some("evil.example:8030"), None),
        StatusCode::FORBIDDEN,
        "DNS rebinding"
    );
    assert_eq!(ask(Some("127.0.0.1:9999"), None), StatusCode::FORBIDDEN);
    assert_eq!(
        ask(Some("192.168.1.5:8030"), None),
        StatusCode::FORBIDDEN,
        "loopback only"
    );
    assert_eq!(ask(None, None), StatusCode::FORBIDDEN);
    let cross = Request::get("/api/start")
        .header(header::HOST, HOST)
        .header("sec-fetch-site", "cross-site");
    assert_eq!(
        send(&app, cross.body(Body::empty()).expect("request")).status,
        StatusCode::FORBIDDEN
    );
}

#[test]
fn beyond_this_machine_every_request_needs_the_token() {
    let (_dir, app) = server(Some("5ecret"));
    let ask = |uri: &str, cookie: Option<&str>| {
        let mut request = Request::get(uri).header(header::HOST, "192.168.1.5:8030");
        if let Some(cookie) = cookie {
            request = request.header(header::COOKIE, cookie);
        }
        send(&app, request.body(Body::empty()).expect("request"))
    };
    for uri in ["/", "/app.js", "/api/start", "/api/file?name=x"] {
        let reply = ask(uri, None);
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{uri}");
    }
    assert_eq!(ask("/?token=wrong", None).status, StatusCode::UNAUTHORIZED);
    let first = ask("/?token=5ecret", None);
    assert_eq!(first.status, StatusCode::OK);
    let cookie = first.headers[header::SET_COOKIE].to_str().expect("cookie");
    assert!(
        cookie.starts_with("vanban_token=5ecret;") && cookie.contains("HttpOnly"),
        "{cookie}"
    );
    assert_eq!(
        ask("/api/start", Some("vanban_token=5ecret")).status,
        StatusCode::OK
    );
    assert_eq!(
        ask("/api/start", Some("vanban_token=5ecreT")).status,
        StatusCode::UNAUTHORIZED
    );
}

#[test]
fn uploads_beyond_the_limits_or_malformed_are_refused() {
    let (_dir, app) = server(None);
    let big = vec![b'x'; serve::FILE_LIMIT + 1];
    let reply = post_files(&app, "/api/check", multipart(&[("files", "big.pdf", &big)]));
    assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(reply.error().contains("big.pdf"), "{}", reply.error());
    let many: Vec<(&str, &str, &[u8])> = (0..=serve::FILES_LIMIT)
        .map(|_| ("files", "a.pdf", &b"%PDF"[..]))
        .collect();
    let reply = post_files(&app, "/api/check", multipart(&many));
    assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE);
    let torn = b"--vanban-test-boundary\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.pdf\"\r\n\r\nabc".to_vec();
    let reply = post_files(&app, "/api/check", torn);
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert!(
        reply.error().contains("không đọc được"),
        "{}",
        reply.error()
    );
    let reply = post_files(&app, "/api/check", multipart(&[]));
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
}

#[test]
fn a_dropped_docx_with_a_bad_date_gets_e13_and_the_summary_line() {
    let (dir, app) = server(None);
    open_sample(&app, "cong-van-2402");
    let options = vanban::RenderOptions {
        formats: vec![vanban::render::OutputFormat::Docx],
        ..vanban::RenderOptions::default()
    };
    let pdf = PdfWriter::new(None).expect("fonts");
    let rendered = vanban::render_job(
        &dir.path().join("cong-van-2402.toml"),
        dir.path(),
        &options,
        &pdf,
    )
    .expect("render");
    let bad = dir.path().join("bad-date.docx");
    mutate(
        &rendered.paths[0],
        &bad,
        "word/document.xml",
        "tháng 8 năm 2021",
        "tháng 08 năm 2021",
    );
    let reply = post_files(
        &app,
        "/api/check",
        multipart(&[
            (
                "files",
                "ngày sai.docx",
                &std::fs::read(&bad).expect("docx"),
            ),
            ("files", "notes.txt", b"hello"),
        ]),
    );
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.error());
    let checked = reply.json();
    assert_eq!(checked["reports"][0]["file"], "ngày sai.docx");
    let finding = &checked["reports"][0]["findings"][0];
    assert_eq!(finding["rule"], "E13");
    assert_eq!(finding["found"], "ngày 10 tháng 08 năm 2021");
    assert_eq!(finding["fix"], "ngày 10 tháng 8 năm 2021");
    assert!(checked["reports"][1]["reason"]
        .as_str()
        .expect("reason")
        .contains("notes.txt"));
    assert_eq!(
        checked["summary"],
        "2 files checked, 1 not readable: 1 error, 0 warnings"
    );
}

#[test]
fn a_workbook_with_a_word_in_a_number_cell_is_named_by_file_sheet_and_cell() {
    let (dir, app) = server(None);
    let bad = std::fs::read(root().join("tests/fixtures/bad.xlsx")).expect("fixture");
    let reply = post_files(
        &app,
        "/api/consolidate",
        multipart(&[("files", "xã Cẩm Bình.xlsx", &bad)]),
    );
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.error());
    let result = reply.json();
    let first = &result["problems"][0];
    assert_eq!(first["severity"], "error");
    assert_eq!(first["file"], "xã Cẩm Bình.xlsx");
    assert_eq!(first["sheet"], "Phụ lục 1");
    assert_eq!(first["cell"], "D6");
    assert!(first["message"]
        .as_str()
        .expect("message")
        .contains("found \"hai\""));
    assert_eq!(result["saved"], json!([]));
    assert!(!dir.path().join("tong-hop.json").exists());

    let good = std::fs::read(root().join("tests/fixtures/district.xlsx")).expect("fixture");
    let result = post_files(
        &app,
        "/api/consolidate",
        multipart(&[("files", "district.xlsx", &good)]),
    )
    .json();
    assert_eq!(result["saved"], json!(["tong-hop.json", "tong-hop.xlsx"]));
    let xlsx = get(&app, "/api/file?name=tong-hop.xlsx");
    assert_eq!(xlsx.status, StatusCode::OK);
    assert_eq!(&xlsx.body[..2], b"PK");
    assert!(get(&app, "/api/start").json()["data"]
        .as_array()
        .expect("data")
        .contains(&json!("tong-hop.xlsx")));
}

#[test]
fn blank_forms_for_a_list_of_communes_come_as_one_zip() {
    let (_dir, app) = server(None);
    let reply = post_json(
        &app,
        "/api/forms",
        &json!({ "communes": "Cẩm Bình\nCẩm Thành, Cẩm Quang" }),
    );
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.error());
    let names = zip_names(&reply.body);
    assert_eq!(names, ["cam-binh.xlsx", "cam-thanh.xlsx", "cam-quang.xlsx"]);
    let reply = post_json(
        &app,
        "/api/forms",
        &json!({ "communes": "Cẩm Bình\nCAM BINH" }),
    );
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert!(reply.error().contains("cam-binh.xlsx"), "{}", reply.error());
}

fn zip_names(bytes: &[u8]) -> Vec<String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    (0..archive.len())
        .map(|i| archive.by_index(i).expect("entry").name().to_owned())
        .collect()
}

#[test]
fn a_batch_reports_progress_then_its_zip_of_48_documents_and_the_manifest() {
    let (_dir, app) = server(None);
    open_sample(&app, "cong-van-2402-xa");
    let started = post_json(&app, "/api/batch", &json!({ "job": "cong-van-2402-xa" }));
    assert_eq!(started.status, StatusCode::OK, "{}", started.error());
    let id = started.json()["id"].as_u64().expect("id");
    let mut progress = Value::Null;
    for _ in 0..600 {
        progress = get(&app, &format!("/api/batch/{id}")).json();
        if progress["finished"] == json!(true) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert_eq!(progress["finished"], json!(true), "{progress}");
    assert_eq!(progress["total"], 24);
    assert_eq!(progress["done"], 24);
    let manifest = &progress["manifest"];
    assert_eq!(manifest["outputs"].as_array().expect("outputs").len(), 48);
    assert_eq!(manifest["failures"], json!([]));
    let zip = get(&app, &format!("/api/batch/{id}/zip"));
    assert_eq!(zip.status, StatusCode::OK);
    let names = zip_names(&zip.body);
    assert_eq!(names.len(), 50);
    assert!(names.contains(&"2402-cam-binh.pdf".to_owned()), "{names:?}");
    assert!(names.contains(&"manifest.json".to_owned()));
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&zip.body)).expect("zip");
    let mut manifest_json = String::new();
    archive
        .by_name("manifest.json")
        .expect("manifest")
        .read_to_string(&mut manifest_json)
        .expect("read");
    assert!(manifest_json.contains("2402-cam-binh.docx"));
    assert_eq!(get(&app, "/api/batch/77").status, StatusCode::NOT_FOUND);
}

#[test]
fn a_batch_of_a_job_that_is_not_there_is_refused() {
    let (_dir, app) = server(None);
    let reply = post_json(&app, "/api/batch", &json!({ "job": "khong-co" }));
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert!(reply.error().contains("khong-co.toml"), "{}", reply.error());
}

#[test]
fn a_word_draft_dropped_on_the_page_becomes_a_job_of_the_workspace() {
    let (dir, app) = server(None);
    let options = vanban::RenderOptions {
        formats: vec![vanban::render::OutputFormat::Docx],
        ..vanban::RenderOptions::default()
    };
    let pdf = PdfWriter::new(None).expect("fonts");
    let out = tempfile::tempdir().expect("out");
    let rendered =
        vanban::render_job(&common::sample_job(), out.path(), &options, &pdf).expect("render");
    let docx = std::fs::read(&rendered.paths[0]).expect("docx");
    let reply = post_files(
        &app,
        "/api/import",
        multipart(&[("draft", "Công văn OCOP.docx", &docx)]),
    );
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.error());
    let imported = reply.json();
    assert_eq!(imported["draft"]["name"], "cong-van-ocop");
    assert_eq!(imported["draft"]["job"]["number"], 2402);
    assert_eq!(imported["draft"]["job"]["signer"]["name"], "Lê Ngọc Hà");
    assert!(imported["report"][0]
        .as_str()
        .expect("report")
        .starts_with("Công văn OCOP.docx: paragraph"));
    assert!(dir.path().join("cong-van-ocop.toml").is_file());

    // The per-commune sample shares the letter's body template, cong-van-2402.md.j2: a draft named
    // cong-van-2402 gets a name of its own and leaves that template as it was.
    open_sample(&app, "cong-van-2402-xa");
    let again = post_files(
        &app,
        "/api/import",
        multipart(&[("draft", "cong-van-2402.docx", &docx)]),
    )
    .json();
    assert_eq!(again["draft"]["name"], "cong-van-2402-2");
    assert!(
        std::fs::read_to_string(dir.path().join("cong-van-2402.md.j2"))
            .expect("body")
            .contains("{{ giai_doan }}"),
        "the sample's body template is left as it was"
    );
    let not_word = post_files(
        &app,
        "/api/import",
        multipart(&[("draft", "ghi-chu.txt", b"hello")]),
    );
    assert_eq!(not_word.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        not_word.error().contains("ghi-chu.txt"),
        "{}",
        not_word.error()
    );
}

#[test]
fn workspace_names_are_checked_through_links() {
    let (dir, _app) = server(None);
    let workspace = Workspace::open(dir.path()).expect("workspace");
    assert!(workspace.file("a.toml").is_ok());
    assert!(workspace.file("").is_err());
    assert!(workspace.file("C:\\Windows\\win.ini").is_err());
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("/etc", dir.path().join("ra-ngoai")).expect("link");
        assert!(workspace.file("ra-ngoai/passwd").is_err());
    }
}
