//! Who may use the page: requests whose Host and Origin are the server's own (no DNS rebinding, no
//! cross-site posts), and, when listening beyond this machine, that carry the access token printed at
//! start (kept in a cookie after the first visit).

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::reply::Refusal;
use super::Shared;
use crate::error::{Error, Result};

/// The cookie that keeps the access token.
const COOKIE: &str = "vanban_token";

/// The access rules of one server.
#[derive(Debug, Clone)]
pub struct Access {
    listen: SocketAddr,
    /// Needed on every request when listening beyond loopback.
    token: Option<String>,
    /// This machine's own name, which a Host may give instead of an address.
    host_name: Option<String>,
}

impl Access {
    /// The rules for a server listening on `listen`: a token is made when it is not a loopback address.
    pub fn for_address(listen: SocketAddr) -> Result<Access> {
        let token = if listen.ip().is_loopback() {
            None
        } else {
            let mut bytes = [0u8; 16];
            getrandom::fill(&mut bytes)
                .map_err(|e| Error::Input(format!("cannot make an access token: {e}")))?;
            Some(bytes.iter().map(|b| format!("{b:02x}")).collect())
        };
        Ok(Access::with_token(listen, token))
    }

    /// The rules for `listen` with the access token `token` (none: loopback only).
    pub fn with_token(listen: SocketAddr, token: Option<String>) -> Access {
        let host_name = std::fs::read_to_string("/etc/hostname")
            .ok()
            .or_else(|| std::env::var("COMPUTERNAME").ok())
            .map(|n| n.trim().to_lowercase())
            .filter(|n| !n.is_empty());
        Access {
            listen,
            token,
            host_name,
        }
    }

    /// The address to open, with the token when one is needed.
    pub fn address(&self) -> String {
        let port = self.listen.port();
        let host = match self.listen.ip() {
            ip if ip.is_unspecified() => self
                .host_name
                .clone()
                .unwrap_or_else(|| "địa-chỉ-máy-này".into()),
            IpAddr::V6(ip) => format!("[{ip}]"),
            ip => ip.to_string(),
        };
        match &self.token {
            Some(token) => format!("http://{host}:{port}/?token={token}"),
            None => format!("http://{host}:{port}/"),
        }
    }

    /// Whether `host` (a Host header: `127.0.0.1:8030`) names this server: its port, and an address,
    /// `localhost` or this machine's name; any other name may be a DNS rebinding.
    fn own_host(&self, host: &str) -> bool {
        let Some((name, port)) = host.rsplit_once(':') else {
            return false;
        };
        if port.parse::<u16>().ok() != Some(self.listen.port()) {
            return false;
        }
        let name = name.trim_start_matches('[').trim_end_matches(']');
        let lower = name.to_lowercase();
        match name.parse::<IpAddr>() {
            Ok(ip) => {
                if self.listen.ip().is_loopback() {
                    ip.is_loopback()
                } else {
                    true
                }
            }
            Err(_) => {
                lower == "localhost"
                    || (!self.listen.ip().is_loopback()
                        && self.host_name.as_deref() == Some(lower.as_str()))
            }
        }
    }

    /// Admits a request by its headers and query, or refuses it; `true` when the token came in the
    /// query and is to be kept in a cookie.
    fn admit(
        &self,
        headers: &HeaderMap,
        query: Option<&str>,
    ) -> std::result::Result<bool, Refusal> {
        let forbidden = |why: &str| Refusal::with(StatusCode::FORBIDDEN, why.to_owned());
        let host = headers
            .get(header::HOST)
            .and_then(|h| h.to_str().ok())
            .ok_or_else(|| forbidden("thiếu Host (no Host header)"))?;
        if !self.own_host(host) {
            return Err(forbidden(
                "Host không phải của máy chủ này (the Host is not this server's)",
            ));
        }
        if let Some(origin) = headers.get(header::ORIGIN) {
            if origin.to_str().ok() != Some(format!("http://{host}").as_str()) {
                return Err(forbidden(
                    "yêu cầu từ trang khác bị từ chối (a request from another site is refused)",
                ));
            }
        }
        if headers
            .get("sec-fetch-site")
            .is_some_and(|s| s.as_bytes() == b"cross-site")
        {
            return Err(forbidden(
                "yêu cầu từ trang khác bị từ chối (a request from another site is refused)",
            ));
        }
        let Some(token) = &self.token else {
            return Ok(false);
        };
        let from_cookie = headers
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|c| c.to_str().ok())
            .flat_map(|c| c.split(';'))
            .filter_map(|c| {
                c.trim()
                    .strip_prefix(&format!("{COOKIE}="))
                    .map(str::to_owned)
            })
            .any(|given| same(&given, token));
        let from_header = headers
            .get("x-vanban-token")
            .and_then(|t| t.to_str().ok())
            .is_some_and(|given| same(given, token));
        let from_query = query
            .into_iter()
            .flat_map(|q| q.split('&'))
            .filter_map(|pair| pair.strip_prefix("token="))
            .any(|given| same(given, token));
        if from_cookie || from_header {
            Ok(false)
        } else if from_query {
            Ok(true)
        } else {
            Err(Refusal::with(
                StatusCode::UNAUTHORIZED,
                "cần mã truy cập: mở địa chỉ có ?token=… in ra khi máy chủ khởi động (the access token is needed)",
            ))
        }
    }
}

/// Whether two tokens are equal, in a time that does not tell how much of them matched.
fn same(given: &str, token: &str) -> bool {
    given.len() == token.len()
        && given
            .bytes()
            .zip(token.bytes())
            .fold(0u8, |diff, (a, b)| diff | (a ^ b))
            == 0
}

/// The middleware that admits or refuses every request.
pub async fn guard(State(shared): State<Arc<Shared>>, request: Request, next: Next) -> Response {
    match shared
        .access
        .admit(request.headers(), request.uri().query())
    {
        Err(refusal) => refusal.into_response(),
        Ok(keep) => {
            let mut response = next.run(request).await;
            if let (true, Some(token)) = (keep, &shared.access.token) {
                let cookie = format!("{COOKIE}={token}; HttpOnly; SameSite=Strict; Path=/");
                if let Ok(value) = HeaderValue::from_str(&cookie) {
                    response.headers_mut().insert(header::SET_COOKIE, value);
                }
            }
            response
        }
    }
}
