//! The HTTP API: the store's questions (events, one event with its evidence, timeline, network,
//! actors, map) as JSON, with the filters of `palaver events` as query parameters. Documented in
//! `openapi.json`, served at `/api/openapi.json`.
//!
//! Bounds: a query string of at most [`MAX_QUERY`] bytes, known parameters only, each given once;
//! lists of at most [`MAX_ROWS`] rows. A bad parameter is a 400 with `{"error": "..."}`.

use super::Pool;
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use palaver_store::query::Period;
use palaver_store::{Filter, Store, StoreError};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::Arc;

/// Longest query string accepted.
pub const MAX_QUERY: usize = 2048;
/// Most rows in a list.
pub const MAX_ROWS: usize = 500;
/// Most places on a map.
pub const MAX_PLACES: usize = 5000;

const OPENAPI: &str = include_str!("openapi.json");

const FILTER_KEYS: &[&str] = &[
    "actor", "source", "target", "country", "cameo", "quad", "plover", "acled", "since", "until", "place", "bbox",
    "text",
];

/// A refusal or failure, as JSON.
pub struct ApiError {
    status: StatusCode,
    message: String,
}

impl ApiError {
    fn bad(message: impl Into<String>) -> Self {
        ApiError { status: StatusCode::BAD_REQUEST, message: message.into() }
    }

    /// The HTTP status it answers with.
    pub fn status(&self) -> u16 {
        self.status.as_u16()
    }

    /// What it says.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        let status = match e {
            StoreError::BadQuery(_) => StatusCode::BAD_REQUEST,
            StoreError::Locked(_) => StatusCode::SERVICE_UNAVAILABLE,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        };
        ApiError { status, message: e.to_string() }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(json!({ "error": self.message }))).into_response()
    }
}

/// A request's query parameters, checked against what the endpoint takes.
pub struct Params(HashMap<String, String>);

impl Params {
    /// Reads a query string: known parameters (the filters and `extra`), each at most once.
    pub fn parse(raw: Option<&str>, extra: &[&str]) -> Result<Params, ApiError> {
        let raw = raw.unwrap_or("");
        if raw.len() > MAX_QUERY {
            return Err(ApiError::bad(format!("query string longer than {MAX_QUERY} bytes")));
        }
        let mut map = HashMap::new();
        for (k, v) in form_urlencoded::parse(raw.as_bytes()) {
            if !FILTER_KEYS.contains(&k.as_ref()) && !extra.contains(&k.as_ref()) {
                let mut known: Vec<&str> = FILTER_KEYS.iter().chain(extra).copied().collect();
                known.sort_unstable();
                return Err(ApiError::bad(format!("unknown parameter {k:?}; known: {}", known.join(", "))));
            }
            if map.insert(k.to_string(), v.to_string()).is_some() {
                return Err(ApiError::bad(format!("parameter {k:?} given twice")));
            }
        }
        Ok(Params(map))
    }

    fn get(&self, k: &str) -> Option<String> {
        self.0.get(k).filter(|v| !v.trim().is_empty()).cloned()
    }

    /// A whole-number parameter from 0 to `max`.
    pub fn num(&self, k: &str, default: usize, max: usize) -> Result<usize, ApiError> {
        match self.0.get(k) {
            None => Ok(default),
            Some(v) => match v.trim().parse::<usize>() {
                Ok(n) if n <= max => Ok(n),
                _ => Err(ApiError::bad(format!("{k} must be a whole number from 0 to {max}, not {v:?}"))),
            },
        }
    }

    /// The filter the parameters give, checked (a bad one is a 400).
    pub fn filter(&self) -> Result<Filter, ApiError> {
        let quad_class = match self.get("quad") {
            None => None,
            Some(q) => Some(q.parse::<u8>().map_err(|_| ApiError::bad(format!("quad must be 1-4, not {q:?}")))?),
        };
        let bbox = match self.get("bbox") {
            None => None,
            Some(b) => Some(
                palaver_store::query::parse_bbox(&b)
                    .ok_or_else(|| ApiError::bad("bbox must be four numbers: west,south,east,north in degrees"))?,
            ),
        };
        let f = Filter {
            actor: self.get("actor"),
            source: self.get("source"),
            target: self.get("target"),
            country: self.get("country"),
            cameo: self.get("cameo"),
            quad_class,
            plover: self.get("plover"),
            acled: self.get("acled"),
            since: self.get("since"),
            until: self.get("until"),
            place: self.get("place"),
            bbox,
            text: self.get("text"),
        };
        f.sql()?; // refuse a bad filter before it reaches a connection
        Ok(f)
    }
}

type Handler = dyn FnOnce(&Store, &Params) -> Result<Value, ApiError> + Send;

/// Parses the parameters, runs `f` on a pooled connection off the async threads, answers JSON.
async fn answer(pool: Arc<Pool>, raw: Option<String>, extra: &'static [&'static str], f: Box<Handler>) -> Response {
    let params = match Params::parse(raw.as_deref(), extra) {
        Ok(p) => p,
        Err(e) => return e.into_response(),
    };
    match tokio::task::spawn_blocking(move || pool.with(|store| f(store, &params))).await {
        Ok(Ok(v)) => Json(v).into_response(),
        Ok(Err(e)) => e.into_response(),
        Err(_) => {
            ApiError { status: StatusCode::INTERNAL_SERVER_ERROR, message: "the query failed".into() }.into_response()
        }
    }
}

/// The API's routes.
pub fn router(pool: Arc<Pool>) -> Router {
    Router::new()
        .route("/api/openapi.json", get(|| async { ([(header::CONTENT_TYPE, "application/json")], OPENAPI) }))
        .route(
            "/api/summary",
            get(|State(pool): State<Arc<Pool>>, RawQuery(q): RawQuery| async move {
                answer(pool, q, &[], Box::new(summary)).await
            }),
        )
        .route(
            "/api/events",
            get(|State(pool): State<Arc<Pool>>, RawQuery(q): RawQuery| async move {
                answer(pool, q, &["limit", "offset"], Box::new(events)).await
            }),
        )
        .route(
            "/api/events/{id}",
            get(|State(pool): State<Arc<Pool>>, Path(id): Path<String>, RawQuery(q): RawQuery| async move {
                answer(pool, q, &[], Box::new(move |s, _| event(s, &id))).await
            }),
        )
        .route(
            "/api/timeline",
            get(|State(pool): State<Arc<Pool>>, RawQuery(q): RawQuery| async move {
                answer(pool, q, &["by"], Box::new(timeline)).await
            }),
        )
        .route(
            "/api/network",
            get(|State(pool): State<Arc<Pool>>, RawQuery(q): RawQuery| async move {
                answer(pool, q, &["limit"], Box::new(network)).await
            }),
        )
        .route(
            "/api/actors",
            get(|State(pool): State<Arc<Pool>>, RawQuery(q): RawQuery| async move {
                answer(pool, q, &["limit"], Box::new(actors)).await
            }),
        )
        .route(
            "/api/map",
            get(|State(pool): State<Arc<Pool>>, RawQuery(q): RawQuery| async move {
                answer(pool, q, &["limit"], Box::new(map)).await
            }),
        )
        .route(
            "/api/process",
            get(|State(pool): State<Arc<Pool>>, RawQuery(q): RawQuery| async move {
                answer(pool, q, &["limit", "window", "area_km"], Box::new(process)).await
            }),
        )
        .fallback(|| async { ApiError { status: StatusCode::NOT_FOUND, message: "no such page".into() } })
        .with_state(pool)
}

fn to_json(v: impl serde::Serialize) -> Result<Value, ApiError> {
    serde_json::to_value(v).map_err(|e| ApiError { status: StatusCode::INTERNAL_SERVER_ERROR, message: e.to_string() })
}

fn summary(store: &Store, _: &Params) -> Result<Value, ApiError> {
    to_json(store.extent()?)
}

fn events(store: &Store, p: &Params) -> Result<Value, ApiError> {
    let filter = p.filter()?;
    let limit = p.num("limit", 50, MAX_ROWS)?;
    let offset = p.num("offset", 0, 100_000)?;
    let events = store.events(&filter, limit, offset)?;
    Ok(json!({ "limit": limit, "offset": offset, "events": to_json(events)? }))
}

fn timeline(store: &Store, p: &Params) -> Result<Value, ApiError> {
    let by = p.get("by").unwrap_or_else(|| "week".into());
    let period =
        Period::parse(&by).ok_or_else(|| ApiError::bad(format!("by must be day, week or month, not {by:?}")))?;
    Ok(json!({ "by": by, "buckets": to_json(store.timeline(&p.filter()?, period)?)? }))
}

fn network(store: &Store, p: &Params) -> Result<Value, ApiError> {
    let limit = p.num("limit", 60, MAX_ROWS)?;
    Ok(json!({ "dyads": to_json(store.network(&p.filter()?, limit)?)? }))
}

fn actors(store: &Store, p: &Params) -> Result<Value, ApiError> {
    let limit = p.num("limit", 50, MAX_ROWS)?;
    Ok(json!({ "actors": to_json(store.actors(&p.filter()?, limit)?)? }))
}

fn map(store: &Store, p: &Params) -> Result<Value, ApiError> {
    let limit = p.num("limit", 2000, MAX_PLACES)?;
    Ok(json!({ "points": to_json(store.map_points(&p.filter()?, limit)?)? }))
}

fn process(store: &Store, p: &Params) -> Result<Value, ApiError> {
    let limit = p.num("limit", 20, 200)?;
    let window = p.num("window", 90, 3650)? as i64;
    let area_km = p.num("area_km", 50, 2000)? as f64;
    let opts = palaver_store::process::ProcessOptions { window_days: window, area_km, limit };
    let tracks = store.tracks(&p.filter()?, opts)?;
    Ok(json!({ "tracks": to_json(tracks)? }))
}

/// One event with its evidence: the sentence cut into marked parts, the article, the dictionary
/// line that fired, and every report of the same event.
fn event(store: &Store, id: &str) -> Result<Value, ApiError> {
    let id: i64 = id.parse().map_err(|_| ApiError::bad(format!("event id must be a number, not {id:?}")))?;
    let Some(e) = store.event(id)? else {
        return Err(ApiError { status: StatusCode::NOT_FOUND, message: format!("no event {id}") });
    };
    let mentions = store.mentions(id)?;
    let article = store.article(&e.event.doc_id)?;
    let reports: Vec<Value> = mentions
        .iter()
        .map(|m| {
            let text = store.article(&m.article_doc_id).ok().flatten().map(|a| a.text).unwrap_or_default();
            json!({
                "doc_id": m.article_doc_id, "title": m.article_title, "date": m.article_date,
                "publisher": m.publisher, "url": m.url, "event_id": m.event.event_id,
                "segments": segments(&text, &m.event), "rule": m.event.rule,
                "rule_line": rule_line(&m.event.rule),
            })
        })
        .collect();
    let text = article.as_ref().map(|a| a.text.as_str()).unwrap_or("");
    Ok(json!({
        "event": to_json(&e)?,
        "segments": segments(text, &e.event),
        "rule_line": rule_line(&e.event.rule),
        "article": to_json(&article)?,
        "reports": reports,
    }))
}

/// The evidence sentence as consecutive parts, each marked `source`, `target`, `verb` or null.
/// The record's spans are byte offsets into the article; the sentence is found in it to rebase them.
pub fn segments(article: &str, e: &palaver_core::Event) -> Vec<Value> {
    let sentence = &e.evidence.sentence;
    let start = match article.find(sentence.as_str()) {
        Some(s) if !sentence.is_empty() => s,
        _ => return vec![json!({ "text": sentence, "role": null })],
    };
    let spans = &e.evidence.spans;
    let mut marks: Vec<(usize, usize, &str)> =
        [(spans.source, "source"), (spans.target, "target"), (Some(spans.verb), "verb")]
            .into_iter()
            .filter_map(|(s, role)| s.map(|[a, b]| (a, b, role)))
            .filter(|&(a, b, _)| a >= start && b <= start + sentence.len() && a < b)
            .map(|(a, b, role)| (a - start, b - start, role))
            .collect();
    marks.sort();
    let mut out = Vec::new();
    let mut at = 0;
    for (a, b, role) in marks {
        if a < at {
            continue; // overlapping marks: keep the first
        }
        if let (Some(before), Some(part)) = (sentence.get(at..a), sentence.get(a..b)) {
            if !before.is_empty() {
                out.push(json!({ "text": before, "role": null }));
            }
            out.push(json!({ "text": part, "role": role }));
            at = b;
        }
    }
    if let Some(rest) = sentence.get(at..) {
        if !rest.is_empty() {
            out.push(json!({ "text": rest, "role": null }));
        }
    }
    out
}

/// The text of a rule `file:line` from the compiled-in dictionaries.
pub fn rule_line(rule: &str) -> Option<String> {
    let (file, line) = rule.rsplit_once(':')?;
    let line: usize = line.parse().ok()?;
    let (_, _, text) = palaver_lexicon::EMBEDDED.iter().find(|(_, name, _)| *name == file)?;
    text.lines().nth(line.checked_sub(1)?).map(|l| l.trim().to_string())
}
