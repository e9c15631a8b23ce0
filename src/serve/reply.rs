//! What a request gets back when it fails, and the work of a request run off the async threads.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;

/// A refused or failed request: its status and a message the page shows as it is.
#[derive(Debug)]
pub struct Refusal {
    status: StatusCode,
    message: String,
}

impl Refusal {
    /// The request itself is wrong (a bad name, an unreadable upload).
    pub fn bad(message: impl Into<String>) -> Refusal {
        Refusal {
            status: StatusCode::BAD_REQUEST,
            message: message.into(),
        }
    }

    /// What the request names is not there.
    pub fn missing(message: impl Into<String>) -> Refusal {
        Refusal {
            status: StatusCode::NOT_FOUND,
            message: message.into(),
        }
    }

    /// The request was understood, but its content cannot be made into a document (a job's error).
    pub fn unusable(message: impl Into<String>) -> Refusal {
        Refusal {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            message: message.into(),
        }
    }

    /// What the page is told.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Refused with `status`.
    pub fn with(status: StatusCode, message: impl Into<String>) -> Refusal {
        Refusal {
            status,
            message: message.into(),
        }
    }
}

impl From<crate::Error> for Refusal {
    fn from(e: crate::Error) -> Refusal {
        Refusal::unusable(e.to_string())
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        let body = serde_json::json!({ "error": self.message });
        (self.status, Json(body)).into_response()
    }
}

/// `work` run on a blocking thread; a panic in it is logged and told as an internal error.
pub async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, Refusal> + Send + 'static,
) -> Result<T, Refusal> {
    match tokio::task::spawn_blocking(work).await {
        Ok(result) => result,
        Err(e) => {
            super::say(&format!("vanban serve: internal error: {e}"));
            Err(Refusal::with(
                StatusCode::INTERNAL_SERVER_ERROR,
                "lỗi nội bộ: yêu cầu này không làm được (internal error; the server goes on)",
            ))
        }
    }
}

/// `bytes` as a file to download, named `name`.
pub fn attachment(bytes: Vec<u8>, name: &str, mime: &'static str) -> Response {
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || ".-_".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let disposition = format!(
        "attachment; filename=\"{ascii}\"; filename*=UTF-8''{}",
        percent(name)
    );
    let mut response = (StatusCode::OK, bytes).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

/// `text` percent-encoded for a header's `filename*`.
fn percent(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// The MIME type of a file we serve, by its extension.
pub fn mime_of(name: &str) -> &'static str {
    match name
        .rsplit('.')
        .next()
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("pdf") => "application/pdf",
        Some("docx") => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        Some("xlsx") => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        Some("zip") => "application/zip",
        Some("json") => "application/json",
        Some("csv") => "text/csv; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_in_a_requests_work_is_an_internal_error_and_the_runtime_goes_on() {
        let runtime = crate::serve::runtime().expect("runtime");
        let failed = runtime.block_on(blocking(|| -> Result<(), Refusal> {
            panic!("a layout engine's bug");
        }));
        let refusal = failed.expect_err("refused");
        assert_eq!(refusal.status, StatusCode::INTERNAL_SERVER_ERROR);
        assert!(
            refusal.message().starts_with("lỗi nội bộ"),
            "{}",
            refusal.message()
        );
        let next = runtime.block_on(blocking(|| Ok(2 + 2)));
        assert_eq!(next.expect("the next request is served"), 4);
    }
}
