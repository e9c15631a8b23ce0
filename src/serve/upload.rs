//! Files dropped on the page: received into a temporary folder of their own (removed when the request
//! is done), within the limits of size and number.

use std::collections::HashMap;
use std::path::PathBuf;

use axum::extract::Multipart;

use super::reply::Refusal;
use super::{FILES_LIMIT, FILE_LIMIT};

/// What a request uploaded.
pub struct Uploaded {
    /// The folder the files are in, removed when dropped.
    pub folder: tempfile::TempDir,
    /// The files, named as on the clerk's machine (without its folders).
    pub files: Vec<PathBuf>,
    /// The form's other fields.
    pub fields: HashMap<String, String>,
}

/// Receives every part of `multipart`: files into a temporary folder, other fields as text.
pub async fn receive(mut multipart: Multipart) -> Result<Uploaded, Refusal> {
    let folder = crate::import::temporary_folder()?;
    let mut files = Vec::new();
    let mut fields = HashMap::new();
    let unreadable = |e: axum::extract::multipart::MultipartError| {
        Refusal::bad(format!(
            "phần tải lên không đọc được (the upload cannot be read): {}",
            e.body_text()
        ))
    };
    while let Some(mut field) = multipart.next_field().await.map_err(unreadable)? {
        let field_name = field.name().unwrap_or_default().to_owned();
        let Some(file_name) = field.file_name().map(plain_name) else {
            let text = field.text().await.map_err(unreadable)?;
            fields.insert(field_name, text);
            continue;
        };
        if files.len() >= FILES_LIMIT {
            return Err(Refusal::with(
                axum::http::StatusCode::PAYLOAD_TOO_LARGE,
                format!("tối đa {FILES_LIMIT} tệp mỗi lần (at most {FILES_LIMIT} files at once)"),
            ));
        }
        let mut bytes = Vec::new();
        while let Some(chunk) = field.chunk().await.map_err(unreadable)? {
            if bytes.len() + chunk.len() > FILE_LIMIT {
                return Err(Refusal::with(
                    axum::http::StatusCode::PAYLOAD_TOO_LARGE,
                    format!(
                        "{file_name}: tệp lớn hơn {} MB (larger than {} MB)",
                        FILE_LIMIT >> 20,
                        FILE_LIMIT >> 20
                    ),
                ));
            }
            bytes.extend_from_slice(&chunk);
        }
        // Two files of one name are kept apart in folders of their own.
        let mut path = folder.path().join(&file_name);
        if path.exists() {
            let apart = folder.path().join(files.len().to_string());
            std::fs::create_dir(&apart).map_err(|source| crate::Error::Io {
                path: apart.clone(),
                source,
            })?;
            path = apart.join(&file_name);
        }
        std::fs::write(&path, &bytes).map_err(|source| crate::Error::Io {
            path: path.clone(),
            source,
        })?;
        files.push(path);
    }
    Ok(Uploaded {
        folder,
        files,
        fields,
    })
}

/// A file name from a browser as a plain name of this folder: without any folder part, control
/// characters or leading dots.
fn plain_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let clean: String = last
        .chars()
        .filter(|c| !c.is_control() && !":*?\"<>|".contains(*c))
        .collect();
    let clean = clean.trim().trim_start_matches('.').to_owned();
    if clean.is_empty() {
        "tep".into()
    } else {
        clean.chars().take(120).collect()
    }
}
