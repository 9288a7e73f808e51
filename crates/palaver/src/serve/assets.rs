//! The dashboard's files, bundled from `web/` by `build.rs` (esbuild) and compiled in.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

const INDEX: &str = include_str!(concat!(env!("OUT_DIR"), "/web/index.html"));
const APP_JS: &str = include_str!(concat!(env!("OUT_DIR"), "/web/app.js"));
const APP_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/web/app.css"));

fn file(body: &'static str, kind: &'static str) -> Response {
    (StatusCode::OK, [(header::CONTENT_TYPE, kind), (header::CACHE_CONTROL, "no-cache")], body).into_response()
}

/// `/`, `/assets/app.js`, `/assets/app.css`.
pub fn router() -> Router {
    Router::new()
        .route("/", get(|| async { file(INDEX, "text/html; charset=utf-8") }))
        .route("/assets/app.js", get(|| async { file(APP_JS, "text/javascript; charset=utf-8") }))
        .route("/assets/app.css", get(|| async { file(APP_CSS, "text/css; charset=utf-8") }))
}
