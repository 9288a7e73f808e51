//! Questions to the store: which events (a [`Filter`]), how many over time, who with whom, who at
//! all. Every answer is computed by SQLite over indexed columns; a filter becomes one WHERE
//! clause with bound parameters, never text pasted into SQL.

use crate::dedup;
use crate::{Result, Store, StoreError};
use palaver_core::Event;
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Row};
use serde::Serialize;
use std::collections::HashSet;

/// Which events. Every field set must hold; `None` leaves a dimension open.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    /// Either side: an actor id (`jnim`) or an actor-code prefix (`MLI`, `FRAGOV`).
    pub actor: Option<String>,
    /// The source side only.
    pub source: Option<String>,
    /// The target side only.
    pub target: Option<String>,
    /// ISO 3166-1 alpha-3: either actor's country or the place's.
    pub country: Option<String>,
    /// A CAMEO code or prefix: `19` (a root), `057`.
    pub cameo: Option<String>,
    /// CAMEO quad class, 1-4.
    pub quad_class: Option<u8>,
    /// A PLOVER event type (`ASSAULT`).
    pub plover: Option<String>,
    /// An ACLED event type or sub-type (`Battles`, `Armed clash`).
    pub acled: Option<String>,
    /// First day, `YYYY-MM-DD` (or a month or year, meaning its first day).
    pub since: Option<String>,
    /// Last day, `YYYY-MM-DD` (or a month or year, meaning its last day).
    pub until: Option<String>,
    /// A place, admin2 or admin1 name.
    pub place: Option<String>,
    /// `[west, south, east, north]` in degrees.
    pub bbox: Option<[f64; 4]>,
    /// Words in the sentences that reported the event: plain words, "phrases", AND/OR/NOT,
    /// (groups) and prefix* (see [`crate::fts`]).
    pub text: Option<String>,
}

/// An actor-code or CAMEO-code prefix as a range of the index: `[p, p~]`.
fn prefix_range(p: &str) -> (String, String) {
    (p.to_string(), format!("{p}~"))
}

/// The day range of a `since`/`until` bound.
fn bound(s: &str, what: &str) -> Result<(i64, i64)> {
    dedup::day_range(Some(s))
        .ok_or_else(|| StoreError::BadQuery(format!("{what} {s:?} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)")))
}

impl Filter {
    /// The WHERE clause (over `events AS e`) and its parameters.
    pub fn sql(&self) -> Result<(String, Vec<Value>)> {
        let mut clauses: Vec<String> = Vec::new();
        let mut params: Vec<Value> = Vec::new();
        let mut p = |v: Value, params: &mut Vec<Value>| {
            params.push(v);
            format!("?{}", params.len())
        };
        let side =
            |col: &str, v: &str, params: &mut Vec<Value>, p: &mut dyn FnMut(Value, &mut Vec<Value>) -> String| {
                let id = p(Value::Text(v.to_string()), params);
                let (lo, hi) = prefix_range(v);
                let (lo, hi) = (p(Value::Text(lo), params), p(Value::Text(hi), params));
                format!(
                "(e.{col}_id IN (SELECT id FROM actors WHERE actor_id = {id}) OR e.{col}_code BETWEEN {lo} AND {hi})"
            )
            };
        if let Some(a) = nonempty(&self.actor) {
            let s = side("source", a, &mut params, &mut p);
            let t = side("target", a, &mut params, &mut p);
            clauses.push(format!("({s} OR {t})"));
        }
        if let Some(a) = nonempty(&self.source) {
            clauses.push(side("source", a, &mut params, &mut p));
        }
        if let Some(a) = nonempty(&self.target) {
            clauses.push(side("target", a, &mut params, &mut p));
        }
        if let Some(c) = nonempty(&self.country) {
            let c = p(Value::Text(c.to_uppercase()), &mut params);
            clauses.push(format!("(e.source_country = {c} OR e.target_country = {c} OR e.country = {c})"));
        }
        if let Some(c) = nonempty(&self.cameo) {
            if !c.chars().all(|ch| ch.is_ascii_digit()) || c.len() > 4 {
                return Err(StoreError::BadQuery(format!("CAMEO code {c:?} is not 1-4 digits")));
            }
            if c.len() == 2 {
                // A root: its own column, indexed with the day, so lists come out in order.
                clauses.push(format!("e.cameo_root = {}", p(Value::Text(c.to_string()), &mut params)));
            } else {
                let (lo, hi) = prefix_range(c);
                let (lo, hi) = (p(Value::Text(lo), &mut params), p(Value::Text(hi), &mut params));
                clauses.push(format!("e.cameo BETWEEN {lo} AND {hi}"));
            }
        }
        if let Some(q) = self.quad_class {
            if !(1..=4).contains(&q) {
                return Err(StoreError::BadQuery(format!("quad class {q} is not 1-4")));
            }
            clauses.push(format!("e.quad_class = {}", p(Value::Integer(q.into()), &mut params)));
        }
        if let Some(v) = nonempty(&self.plover) {
            clauses.push(format!("e.plover_event = {}", p(Value::Text(v.to_uppercase()), &mut params)));
        }
        if let Some(v) = nonempty(&self.acled) {
            let v = p(Value::Text(v.to_string()), &mut params);
            clauses.push(format!("(e.acled_type = {v} COLLATE NOCASE OR e.acled_sub_type = {v} COLLATE NOCASE)"));
        }
        if let Some(s) = nonempty(&self.since) {
            let (lo, _) = bound(s, "since")?;
            clauses.push(format!("e.day_hi >= {}", p(Value::Integer(lo), &mut params)));
            // Implied, since a stored date covers at most a year; it bounds a walk of the day index.
            let first = p(Value::Integer(lo - dedup::LONGEST_SPAN), &mut params);
            clauses.push(format!("e.day_lo >= {first}"));
        }
        if let Some(s) = nonempty(&self.until) {
            let (_, hi) = bound(s, "until")?;
            clauses.push(format!("e.day_lo <= {}", p(Value::Integer(hi), &mut params)));
        }
        if let Some(v) = nonempty(&self.place) {
            let v = p(Value::Text(v.to_string()), &mut params);
            clauses.push(format!(
                "e.place_id IN (SELECT id FROM places WHERE name = {v} COLLATE NOCASE OR admin2 = {v} COLLATE NOCASE
                 OR admin1 = {v} COLLATE NOCASE)"
            ));
        }
        if let Some([w, s, e, n]) = self.bbox {
            let ok = [w, e].iter().all(|x| (-180.0..=180.0).contains(x))
                && [s, n].iter().all(|y| (-90.0..=90.0).contains(y))
                && s <= n;
            if !ok {
                return Err(StoreError::BadQuery(
                    "bbox must be west,south,east,north in degrees, south <= north".into(),
                ));
            }
            let (s, n) = (p(Value::Real(s), &mut params), p(Value::Real(n), &mut params));
            let (w, e) = (p(Value::Real(w), &mut params), p(Value::Real(e), &mut params));
            // A box that crosses the antimeridian has west > east.
            clauses.push(format!(
                "e.lat BETWEEN {s} AND {n} AND (CASE WHEN {w} <= {e} THEN e.lon BETWEEN {w} AND {e}
                 ELSE e.lon >= {w} OR e.lon <= {e} END)"
            ));
        }
        if let Some(t) = nonempty(&self.text) {
            let t = crate::fts::translate(t).map_err(StoreError::BadQuery)?;
            let t = p(Value::Text(t), &mut params);
            clauses.push(format!(
                "e.id IN (SELECT m.event_id FROM mentions m WHERE m.sentence_id IN
                 (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH {t}))"
            ));
        }
        let sql = if clauses.is_empty() { "1".to_string() } else { clauses.join(" AND ") };
        Ok((sql, params))
    }
}

impl Filter {
    /// Whether only dates (or nothing) are asked: what the day rollup can answer.
    fn only_dates(&self) -> bool {
        let Filter { actor, source, target, country, cameo, quad_class, plover, acled, place, bbox, text, .. } = self;
        [actor, source, target, country, cameo, plover, acled, place, text].iter().all(|v| nonempty(v).is_none())
            && quad_class.is_none()
            && bbox.is_none()
    }

    /// Whether nothing is asked: the whole store, which the rollups answer.
    fn is_whole_store(&self) -> bool {
        self.only_dates() && nonempty(&self.since).is_none() && nonempty(&self.until).is_none()
    }
}

fn nonempty(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// An event as the store holds it: the record (its first mention's, with the date, place and toll
/// merged from all mentions) and GDELT's counts.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StoredEvent {
    /// The event's row id in this store.
    pub id: i64,
    pub num_mentions: u32,
    pub num_articles: u32,
    pub num_sources: u32,
    /// Where the first report was published.
    pub url: Option<String>,
    /// The publisher of the first report.
    pub publisher: Option<String>,
    #[serde(flatten)]
    pub event: Event,
}

/// One report of an event: its record and the article it is in.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Mention {
    pub article_doc_id: String,
    pub article_title: Option<String>,
    pub article_date: Option<String>,
    pub publisher: Option<String>,
    pub url: Option<String>,
    #[serde(flatten)]
    pub event: Event,
}

/// A time bucket of a timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    Day,
    Week,
    Month,
}

impl Period {
    /// `day`, `week` or `month`.
    pub fn parse(s: &str) -> Option<Period> {
        match s {
            "day" => Some(Period::Day),
            "week" => Some(Period::Week),
            "month" => Some(Period::Month),
            _ => None,
        }
    }
    fn sql(self) -> &'static str {
        match self {
            Period::Day => "e.day_lo",
            // 1970-01-05 (day 4) was a Monday: weeks start on Mondays, as ISO weeks do.
            Period::Week => "(e.day_lo - ((e.day_lo + 3) % 7))",
            Period::Month => "e.ym",
        }
    }
    fn label(self, key: i64) -> String {
        match self {
            Period::Day | Period::Week => {
                let (y, m, d) = palaver_core::dates::civil_from_days(key);
                format!("{y:04}-{m:02}-{d:02}")
            }
            Period::Month => format!("{:04}-{:02}", key / 100, key % 100),
        }
    }
}

/// Counts of one time bucket.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Bucket {
    /// The day, the Monday that starts the week, or `YYYY-MM`.
    pub period: String,
    pub events: u64,
    /// Events per quad class: verbal cooperation, material cooperation, verbal conflict, material conflict.
    pub quad: [u64; 4],
    pub fatalities: u64,
    pub goldstein_sum: f64,
    pub goldstein_mean: f64,
}

/// Who did what to whom how often.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Dyad {
    pub source: ActorSummary,
    pub target: ActorSummary,
    pub events: u64,
    /// Quad classes 1 and 2.
    pub cooperation: u64,
    /// Quad classes 3 and 4.
    pub conflict: u64,
    pub goldstein_sum: f64,
    pub fatalities: u64,
}

/// An actor as the store knows it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ActorSummary {
    /// Store-wide key: `id:jnim`, `code:MLIMIL`, or `implied:MLIUAF` for an actor the coder
    /// implied (an unidentified armed group, a state's authorities).
    pub key: String,
    pub actor_id: Option<String>,
    pub code: Option<String>,
    pub name: Option<String>,
    pub country: Option<String>,
    pub sector: Option<String>,
}

impl ActorSummary {
    /// A short label: the name, else the code.
    pub fn label(&self) -> String {
        self.name.clone().or_else(|| self.code.clone()).unwrap_or_else(|| self.key.clone())
    }
}

/// How an actor appears.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ActorActivity {
    pub actor: ActorSummary,
    pub events: u64,
    pub as_source: u64,
    pub as_target: u64,
    pub cooperation: u64,
    pub conflict: u64,
    /// The CAMEO roots it most often did, as source, with counts.
    pub top_roots: Vec<(String, u64)>,
}

/// Goldstein scores summed in tenths, as the rollups sum them: the same answer from either, with
/// no float noise (scores are stored as the f32 they were coded as).
const GOLDSTEIN_TENTHS: &str = "SUM(CAST(ROUND(e.goldstein * 10) AS INTEGER))";

const EVENT_COLUMNS: &str = "e.id, e.num_mentions, e.num_articles, e.num_sources, e.date, e.date_precision,
    e.fatalities, p.name, p.country, p.admin1, p.admin2, p.lat, p.lon, p.precision, p.geonameid,
    m.record, s.text, a.url, a.source";

/// What [`EVENT_COLUMNS`] reads besides `events e`: the first mention, its sentence and article,
/// and the place.
const EVENT_JOINS: &str = "JOIN mentions m ON m.id = e.first_mention JOIN sentences s ON s.id = m.sentence_id
    JOIN articles a ON a.id = m.article_id LEFT JOIN places p ON p.id = e.place_id";

fn stored_event(r: &Row) -> rusqlite::Result<std::result::Result<StoredEvent, String>> {
    let record: String = r.get(15)?;
    let mut event: Event = match serde_json::from_str(&record) {
        Ok(e) => e,
        Err(e) => return Ok(Err(format!("event {}: {e}", r.get::<_, i64>(0)?))),
    };
    event.date = r.get(4)?;
    event.date_precision = r.get(5)?;
    event.fatalities = r.get::<_, Option<i64>>(6)?.map(|f| f as u32);
    event.location = crate::ingest::location_at(r, 7)?;
    event.evidence.sentence = r.get(16)?;
    Ok(Ok(StoredEvent {
        id: r.get(0)?,
        num_mentions: r.get(1)?,
        num_articles: r.get(2)?,
        num_sources: r.get(3)?,
        url: r.get(17)?,
        publisher: r.get(18)?,
        event,
    }))
}

/// A dyad from a row of two actors (12 columns) and its five counts.
fn dyad(r: &Row) -> rusqlite::Result<Dyad> {
    Ok(Dyad {
        source: actor_summary(r, 0)?,
        target: actor_summary(r, 6)?,
        events: r.get::<_, i64>(12)? as u64,
        cooperation: r.get::<_, i64>(13)? as u64,
        conflict: r.get::<_, i64>(14)? as u64,
        goldstein_sum: r.get(15)?,
        fatalities: r.get::<_, i64>(16)? as u64,
    })
}

fn actor_summary(r: &Row, at: usize) -> rusqlite::Result<ActorSummary> {
    Ok(ActorSummary {
        key: r.get(at)?,
        actor_id: r.get(at + 1)?,
        code: r.get(at + 2)?,
        name: r.get(at + 3)?,
        country: r.get(at + 4)?,
        sector: r.get(at + 5)?,
    })
}

/// A bounding box as users write it, "west,south,east,north" in degrees; None unless four numbers.
/// (Whether south <= north is checked with the rest of the filter.)
pub fn parse_bbox(text: &str) -> Option<[f64; 4]> {
    let v: Vec<f64> = text.split(',').map(|x| x.trim().parse::<f64>()).collect::<std::result::Result<_, _>>().ok()?;
    let [w, s, e, n] = v[..] else { return None };
    Some([w, s, e, n])
}

/// One ordered stream of an event list: the events whose `column` is `value`, read latest first
/// from an index on (column, day_lo).
#[derive(Clone, Debug, PartialEq)]
pub struct Branch {
    pub index: &'static str,
    pub column: &'static str,
    pub value: Value,
    /// Compared without case (ACLED types).
    pub nocase: bool,
}

impl Branch {
    fn new(index: &'static str, column: &'static str, value: Value) -> Branch {
        Branch { index, column, value, nocase: false }
    }
}

/// Most branches one list is read through; past it (a prefix of thousands of codes, a box over
/// thousands of places) the general plan runs.
pub const MAX_BRANCHES: usize = 4000;

/// Degrees a bounding box is widened by to find its places: an event's coordinates are its
/// place's, rounded alike; the filter itself then tests the event's own.
const BOX_MARGIN: f64 = 1e-3;

/// How long SQLite's own plan for an event list may run before the day walk takes over.
pub const SPARSE_BUDGET: std::time::Duration = std::time::Duration::from_millis(40);

/// Sentences past which words are common enough that walking the days finds a list sooner than
/// going from each sentence to its events.
const COMMON_WORDS: i64 = 20_000;

/// How long walking the days for common words may run before the list goes from the sentences.
const WORD_WALK_BUDGET: std::time::Duration = std::time::Duration::from_millis(150);

/// Most events one block of that walk reads.
const WORD_WALK_BLOCK: usize = 16_384;

/// Sentence ids at most this far apart are matched in one full-text query (over the ids between).
const WORD_RUN_GAP: i64 = 512;

/// Most rows any one answer may hold.
pub const MAX_LIMIT: usize = 1_000_000;

impl Store {
    /// Like `rows`, but SQLite's error as it is.
    fn rows_raw<T>(
        &self,
        sql: &str,
        params: Vec<Value>,
        mut f: impl FnMut(&Row) -> rusqlite::Result<T>,
    ) -> rusqlite::Result<Vec<T>> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let mut rows = stmt.query(params_from_iter(params.iter()))?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            out.push(f(r)?);
        }
        Ok(out)
    }

    pub(crate) fn rows<T>(
        &self,
        sql: &str,
        params: Vec<Value>,
        mut f: impl FnMut(&Row) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>> {
        let mut run = || -> rusqlite::Result<Vec<T>> {
            let mut stmt = self.conn.prepare_cached(sql)?;
            let mut rows = stmt.query(params_from_iter(params.iter()))?;
            let mut out = Vec::new();
            while let Some(r) = rows.next()? {
                out.push(f(r)?);
            }
            Ok(out)
        };
        run().map_err(|e| self.query_error(e))
    }

    /// A query's error, said as the user's fault where it is theirs.
    fn query_error(&self, e: rusqlite::Error) -> StoreError {
        match e.sqlite_error_code() {
            // An FTS5 syntax error, say: the user's query, not the store, is at fault.
            Some(rusqlite::ErrorCode::Unknown) => StoreError::BadQuery(format!("cannot run this query: {e}")),
            _ => self.explain(e.into()),
        }
    }

    /// Events, latest first (undated last: SQLite sorts NULL lowest), `offset` rows skipped, at
    /// most `limit`.
    ///
    /// Two plans. SQLite's own (through the filter's indexes, then a sort) is best when few events
    /// match; it gets [`SPARSE_BUDGET`]. When many match it is slow, and walking the day index from
    /// the latest day, keeping matching rows, reaches `limit` soonest: past the budget the first plan
    /// is interrupted and the walk runs. Either way a list costs about the same on a store of any size.
    pub fn events(&self, filter: &Filter, limit: usize, offset: usize) -> Result<Vec<StoredEvent>> {
        if let Some(branches) = self.branches(filter)? {
            return self.events_by_branches(filter, &branches, limit, offset);
        }
        match self.words_in(filter)? {
            Some(n) if n <= COMMON_WORDS => return self.events_by_words(filter, limit, offset),
            Some(_) => {
                return match self.events_walking_words(filter, limit, offset, 1024, Some(WORD_WALK_BUDGET))? {
                    Some(events) => Ok(events),
                    None => self.events_by_words(filter, limit, offset),
                }
            }
            None => {}
        }
        let (clause, _) = filter.sql()?;
        if clause != "1" {
            match self.events_plan(filter, limit, offset, false, Some(SPARSE_BUDGET)) {
                Err(StoreError::Sqlite(e))
                    if e.sqlite_error_code() == Some(rusqlite::ErrorCode::OperationInterrupted) => {}
                Err(StoreError::Sqlite(e)) => return Err(self.query_error(e)),
                other => return other,
            }
        }
        self.events_plan(filter, limit, offset, true, None)
    }

    /// An event list with common words: the events the rest of the filter selects are walked
    /// latest first in blocks, and each block's sentences are matched against the words with one
    /// full-text query per run of nearby sentence ids. A store filled in date order holds a
    /// block's sentences in one or a few runs, so a block costs a few small queries, where testing
    /// event by event costs a full-text query each. None once `budget` is spent (the words are
    /// rare among the latest events): going from each matching sentence is then the shorter way.
    /// Blocks start at `first_block` events and double up to [`WORD_WALK_BLOCK`].
    pub fn events_walking_words(
        &self,
        filter: &Filter,
        limit: usize,
        offset: usize,
        first_block: usize,
        budget: Option<std::time::Duration>,
    ) -> Result<Option<Vec<StoredEvent>>> {
        let started = std::time::Instant::now();
        let words = crate::fts::translate(filter.text.as_deref().unwrap_or_default()).map_err(StoreError::BadQuery)?;
        let (clause, params) = Filter { text: None, ..filter.clone() }.sql()?;
        let want = limit.min(MAX_LIMIT).saturating_add(offset);
        let mut found: Vec<i64> = Vec::new();
        // Dated events latest first, then the undated (last in every list), newest id first.
        let mut dated = true;
        let mut after: Option<(Option<i64>, i64)> = None;
        let mut block = first_block.clamp(1, WORD_WALK_BLOCK);
        while found.len() < want {
            if budget.is_some_and(|b| started.elapsed() > b) {
                return Ok(None);
            }
            let mut p = params.clone();
            let mut mark = |v: Value| {
                p.push(v);
                format!("?{}", p.len())
            };
            let (range, order) = match (dated, after) {
                (true, None) => ("e.day_lo IS NOT NULL".to_string(), "e.day_lo DESC, e.id DESC"),
                (true, Some((day, id))) => {
                    let (d, i) = (mark(Value::Integer(day.unwrap_or_default())), mark(Value::Integer(id)));
                    (format!("e.day_lo <= {d} AND (e.day_lo < {d} OR e.id < {i})"), "e.day_lo DESC, e.id DESC")
                }
                (false, None) => ("e.day_lo IS NULL".to_string(), "e.id DESC"),
                (false, Some((_, id))) => {
                    (format!("e.day_lo IS NULL AND e.id < {}", mark(Value::Integer(id))), "e.id DESC")
                }
            };
            let n = mark(Value::Integer(block as i64));
            let index = if dated { "INDEXED BY events_day" } else { "" };
            let sql = format!(
                "SELECT b.id, b.day_lo, m.sentence_id FROM
                 (SELECT e.id, e.day_lo FROM events e {index} WHERE {range} AND {clause} ORDER BY {order} LIMIT {n}) b
                 LEFT JOIN mentions m ON m.event_id = b.id"
            );
            let rows = self.rows(&sql, p, |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, Option<i64>>(1)?, r.get::<_, Option<i64>>(2)?))
            })?;
            // The block's events in list order, each with its sentences.
            let mut events: Vec<(Option<i64>, i64, Vec<i64>)> = Vec::new();
            let mut rows = rows;
            rows.sort_unstable_by_key(|r| std::cmp::Reverse((r.1, r.0)));
            for (id, day, sentence) in rows {
                match events.last_mut() {
                    Some(last) if last.1 == id => last.2.extend(sentence),
                    _ => events.push((day, id, sentence.into_iter().collect())),
                }
            }
            let matching = self.sentences_matching(&words, events.iter().flat_map(|e| e.2.iter().copied()))?;
            for (_, id, sentences) in &events {
                if sentences.iter().any(|s| matching.contains(s)) {
                    found.push(*id);
                    if found.len() >= want {
                        break;
                    }
                }
            }
            if events.len() < block {
                if !dated {
                    break;
                }
                (dated, after) = (false, None);
            } else {
                after = events.last().map(|e| (e.0, e.1));
            }
            block = (block * 2).min(WORD_WALK_BLOCK);
        }
        let ids: Vec<i64> = found.into_iter().skip(offset).collect();
        Ok(Some(self.events_by_ids(&ids)?))
    }

    /// Which of `sentences` hold the words: one full-text query per run of sentence ids no
    /// further apart than [`WORD_RUN_GAP`].
    fn sentences_matching(&self, words: &str, sentences: impl Iterator<Item = i64>) -> Result<HashSet<i64>> {
        let mut ids: Vec<i64> = sentences.collect();
        ids.sort_unstable();
        ids.dedup();
        let mut out = HashSet::new();
        let sql = "SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?1 AND rowid BETWEEN ?2 AND ?3";
        let mut start = 0;
        while start < ids.len() {
            let mut end = start + 1;
            while end < ids.len() && ids[end] - ids[end - 1] <= WORD_RUN_GAP {
                end += 1;
            }
            let params = vec![Value::Text(words.to_string()), Value::Integer(ids[start]), Value::Integer(ids[end - 1])];
            let run = &ids[start..end];
            out.extend(
                self.rows(sql, params, |r| r.get::<_, i64>(0))?.into_iter().filter(|s| run.binary_search(s).is_ok()),
            );
            start = end;
        }
        Ok(out)
    }

    /// How many sentences hold a filter's words (counting stops past [`COMMON_WORDS`]); None
    /// without words.
    fn words_in(&self, filter: &Filter) -> Result<Option<i64>> {
        let Some(t) = nonempty(&filter.text) else { return Ok(None) };
        let t = crate::fts::translate(t).map_err(StoreError::BadQuery)?;
        let sql = "SELECT COUNT(*) FROM (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?1 LIMIT ?2)";
        let n = self.rows(sql, vec![Value::Text(t), Value::Integer(COMMON_WORDS + 1)], |r| r.get::<_, i64>(0))?;
        Ok(n.first().copied())
    }

    /// An event list with words that are in few sentences: from each sentence to its events
    /// (covering indexes), the rest of the filter tested on them, latest first.
    fn events_by_words(&self, filter: &Filter, limit: usize, offset: usize) -> Result<Vec<StoredEvent>> {
        let (clause, mut params) = Filter { text: None, ..filter.clone() }.sql()?;
        let t = crate::fts::translate(filter.text.as_deref().unwrap_or_default()).map_err(StoreError::BadQuery)?;
        params.push(Value::Text(t));
        let words = params.len();
        params.push(Value::Integer(limit.min(MAX_LIMIT) as i64));
        params.push(Value::Integer(offset as i64));
        let sql = format!(
            "SELECT DISTINCT e.id, e.day_lo FROM sentences_fts f
             JOIN mentions m ON m.sentence_id = f.rowid JOIN events e ON e.id = m.event_id
             WHERE sentences_fts MATCH ?{words} AND {clause}
             ORDER BY e.day_lo DESC, e.id DESC LIMIT ?{} OFFSET ?{}",
            words + 1,
            words + 2
        );
        let ids = self.rows(&sql, params, |r| r.get::<_, i64>(0))?;
        self.events_by_ids(&ids)
    }

    fn events_plan(
        &self,
        filter: &Filter,
        limit: usize,
        offset: usize,
        walk_days: bool,
        budget: Option<std::time::Duration>,
    ) -> Result<Vec<StoredEvent>> {
        let (clause, mut params) = filter.sql()?;
        let from = if walk_days { "events e INDEXED BY events_day" } else { "events e" };
        params.push(Value::Integer(limit.min(MAX_LIMIT) as i64));
        params.push(Value::Integer(offset as i64));
        let n = params.len();
        // Ids first, from the events alone: a list's order may be settled among thousands of
        // rows (every event of the latest day), and only the rows shown are joined to their
        // mention, sentence and article.
        let sql = format!(
            "SELECT e.id FROM {from}
             WHERE {clause}
             ORDER BY e.day_lo DESC, e.id DESC LIMIT ?{} OFFSET ?{}",
            n - 1,
            n
        );
        let id = |r: &Row| r.get::<_, i64>(0);
        let ids = match budget {
            None => self.rows(&sql, params, id)?,
            Some(budget) => {
                // A watchdog interrupts the statement if it runs past the budget.
                let handle = self.conn.get_interrupt_handle();
                let (done, wait) = std::sync::mpsc::channel::<()>();
                let watchdog = std::thread::spawn(move || {
                    if wait.recv_timeout(budget).is_err() {
                        handle.interrupt();
                    }
                });
                let sql_rows = self.rows_raw(&sql, params, id);
                let _ = done.send(());
                let _ = watchdog.join();
                sql_rows.map_err(StoreError::Sqlite)?
            }
        };
        self.events_by_ids(&ids)
    }

    /// The branches of a filter with one kind of condition besides dates, if it has an ordered
    /// index: an actor (by id and by each code of its prefix, either side), a country (three
    /// columns), a CAMEO root or each code of a prefix, a PLOVER or ACLED type, a place or the
    /// places in a box. None for other filters (words, quad class, several kinds at once).
    pub fn branches(&self, f: &Filter) -> Result<Option<Vec<Branch>>> {
        let texts = [&f.actor, &f.source, &f.target, &f.country, &f.cameo, &f.plover, &f.acled, &f.place, &f.text];
        let kinds = texts.iter().filter(|v| nonempty(v).is_some()).count()
            + usize::from(f.quad_class.is_some())
            + usize::from(f.bbox.is_some());
        if kinds != 1 {
            return Ok(None);
        }
        f.sql()?; // every value checked before any is read
        let text = |v: &str| Value::Text(v.to_string());
        let mut out = Vec::new();
        let sides = [(&f.actor, true, true), (&f.source, true, false), (&f.target, false, true)];
        if let Some((a, src, tgt)) = sides.iter().find_map(|(v, s, t)| nonempty(v).map(|a| (a, *s, *t))) {
            let ids = self.rows("SELECT id FROM actors WHERE actor_id = ?1", vec![text(a)], |r| r.get::<_, i64>(0))?;
            let (lo, hi) = prefix_range(a);
            for (on, id_index, id_col, code_index, code_col) in [
                (src, "events_source_day", "e.source_id", "events_source_code_day", "source_code"),
                (tgt, "events_target_day", "e.target_id", "events_target_code_day", "target_code"),
            ] {
                if !on {
                    continue;
                }
                out.extend(ids.iter().map(|&id| Branch::new(id_index, id_col, Value::Integer(id))));
                let Some(codes) = self.distinct_in(code_index, code_col, &lo, &hi)? else { return Ok(None) };
                let col = if code_col == "source_code" { "e.source_code" } else { "e.target_code" };
                out.extend(codes.into_iter().map(|c| Branch::new(code_index, col, Value::Text(c))));
            }
        } else if let Some(c) = nonempty(&f.country) {
            let c = c.to_uppercase();
            for (index, column) in [
                ("events_source_country_day", "e.source_country"),
                ("events_target_country_day", "e.target_country"),
                ("events_country_day", "e.country"),
            ] {
                out.push(Branch::new(index, column, text(&c)));
            }
        } else if let Some(c) = nonempty(&f.cameo) {
            if c.len() == 2 {
                out.push(Branch::new("events_root_day", "e.cameo_root", text(c)));
            } else {
                let (lo, hi) = prefix_range(c);
                let Some(codes) = self.distinct_in("events_cameo_day", "cameo", &lo, &hi)? else { return Ok(None) };
                out.extend(codes.into_iter().map(|c| Branch::new("events_cameo_day", "e.cameo", Value::Text(c))));
            }
        } else if let Some(v) = nonempty(&f.plover) {
            out.push(Branch::new("events_plover_day", "e.plover_event", text(&v.to_uppercase())));
        } else if let Some(v) = nonempty(&f.acled) {
            for (index, column) in
                [("events_acled_type", "e.acled_type"), ("events_acled_sub_type", "e.acled_sub_type")]
            {
                out.push(Branch { nocase: true, ..Branch::new(index, column, text(v)) });
            }
        } else if let Some(v) = nonempty(&f.place) {
            let sql = "SELECT id FROM places WHERE name = ?1 COLLATE NOCASE OR admin2 = ?1 COLLATE NOCASE
                       OR admin1 = ?1 COLLATE NOCASE LIMIT ?2";
            let ids = self.rows(sql, vec![text(v), Value::Integer(MAX_BRANCHES as i64 + 1)], |r| r.get::<_, i64>(0))?;
            out.extend(ids.into_iter().map(|id| Branch::new("events_place_day", "e.place_id", Value::Integer(id))));
        } else if let Some([w, s, e, n]) = f.bbox {
            let m = BOX_MARGIN;
            let sql = "SELECT id FROM places WHERE lat BETWEEN ?1 AND ?2
                       AND (CASE WHEN ?3 <= ?4 THEN lon BETWEEN ?3 AND ?4 ELSE lon >= ?3 OR lon <= ?4 END) LIMIT ?5";
            let params = [s - m, n + m, w - m, e + m].map(Value::Real);
            let mut params = params.to_vec();
            params.push(Value::Integer(MAX_BRANCHES as i64 + 1));
            let ids = self.rows(sql, params, |r| r.get::<_, i64>(0))?;
            out.extend(ids.into_iter().map(|id| Branch::new("events_place_day", "e.place_id", Value::Integer(id))));
        } else {
            return Ok(None);
        }
        Ok((out.len() <= MAX_BRANCHES).then_some(out))
    }

    /// The distinct values of an indexed column in `[lo, hi]`, one index seek each; None past
    /// [`MAX_BRANCHES`].
    fn distinct_in(&self, index: &str, column: &str, lo: &str, hi: &str) -> Result<Option<Vec<String>>> {
        let first = format!(
            "SELECT {column} FROM events INDEXED BY {index} WHERE {column} >= ?1 AND {column} <= ?2
             ORDER BY {column} LIMIT 1"
        );
        let next = first.replacen(">= ?1", "> ?1", 1);
        let mut out: Vec<String> = Vec::new();
        loop {
            let (sql, from) = match out.last() {
                None => (&first, lo),
                Some(last) => (&next, last.as_str()),
            };
            let v = self.rows(sql, vec![Value::Text(from.to_string()), Value::Text(hi.to_string())], |r| r.get(0))?;
            match v.into_iter().next() {
                Some(v) if out.len() < MAX_BRANCHES => out.push(v),
                Some(_) => return Ok(None),
                None => return Ok(Some(out)),
            }
        }
    }

    /// An event list read through its branches: each gives its latest `offset + limit` events
    /// that pass the whole filter, and only those later than the best found so far, so a list
    /// reads about its own rows whatever the store's size. Ordered as [`Store::events`].
    pub fn events_by_branches(
        &self,
        filter: &Filter,
        branches: &[Branch],
        limit: usize,
        offset: usize,
    ) -> Result<Vec<StoredEvent>> {
        let k = limit.min(MAX_LIMIT).saturating_add(offset);
        if limit == 0 {
            return Ok(vec![]);
        }
        // Each branch is exactly the events of one value of the filter's one kind of condition,
        // so that condition is not tested again (its subqueries would run once per branch); the
        // dates are, and a box, whose places were found with a margin.
        let rest =
            Filter { since: filter.since.clone(), until: filter.until.clone(), bbox: filter.bbox, ..Filter::default() };
        let (clause, params) = rest.sql()?;
        // Latest first: (day, id) descending, an undated event after every dated one.
        let mut best: Vec<(Option<i64>, i64)> = Vec::new();
        for b in branches {
            let mut p = params.clone();
            p.push(b.value.clone());
            let value = p.len();
            let nocase = if b.nocase { " COLLATE NOCASE" } else { "" };
            let mut later = String::new();
            if best.len() >= k {
                let (day, id) = best[k - 1];
                p.push(Value::Integer(id));
                let id = p.len();
                later = match day {
                    Some(d) => {
                        p.push(Value::Integer(d));
                        format!("AND e.day_lo >= ?{0} AND (e.day_lo > ?{0} OR e.id > ?{id})", p.len())
                    }
                    None => format!("AND (e.day_lo IS NOT NULL OR e.id > ?{id})"),
                };
            }
            p.push(Value::Integer(k as i64));
            let sql = format!(
                "SELECT e.id, e.day_lo FROM events e INDEXED BY {} WHERE {} = ?{value}{nocase} AND {clause} {later}
                 ORDER BY e.day_lo DESC, e.id DESC LIMIT ?{}",
                b.index,
                b.column,
                p.len()
            );
            let rows = self.rows(&sql, p, |r| Ok((r.get::<_, Option<i64>>(1)?, r.get::<_, i64>(0)?)))?;
            best.extend(rows);
            best.sort_unstable_by(|a, b| b.cmp(a));
            best.dedup();
            best.truncate(k);
        }
        let ids: Vec<i64> = best.iter().skip(offset).take(limit).map(|&(_, id)| id).collect();
        self.events_by_ids(&ids)
    }

    /// Events by their ids, which are in list order (latest first), read a thousand at a time
    /// (a statement takes at most 32,766 values).
    fn events_by_ids(&self, ids: &[i64]) -> Result<Vec<StoredEvent>> {
        let mut out = Vec::with_capacity(ids.len());
        for chunk in ids.chunks(1000) {
            let values: Vec<Value> = chunk.iter().map(|&id| Value::Integer(id)).collect();
            let marks: Vec<String> = (1..=chunk.len()).map(|i| format!("?{i}")).collect();
            let sql = format!(
                "SELECT {EVENT_COLUMNS} FROM events e
                 {EVENT_JOINS}
                 WHERE e.id IN ({}) ORDER BY e.day_lo DESC, e.id DESC",
                marks.join(", ")
            );
            for r in self.rows(&sql, values, stored_event)? {
                out.push(r.map_err(StoreError::Corrupt)?);
            }
        }
        Ok(out)
    }

    /// [`Store::events`] by the general plan only, whatever the filter (for comparing plans).
    pub fn events_general(&self, filter: &Filter, limit: usize, offset: usize) -> Result<Vec<StoredEvent>> {
        self.events_plan(filter, limit, offset, false, None)
    }

    /// Every event a filter selects, oldest first, handed one at a time (exports of any size).
    pub fn each_event(&self, filter: &Filter, f: impl FnMut(StoredEvent) -> Result<()>) -> Result<u64> {
        self.each_event_where(filter, None, f)
    }

    /// [`Store::each_event`] with one more condition (`SQL with one ?`, its value).
    pub(crate) fn each_event_where(
        &self,
        filter: &Filter,
        extra: Option<(&str, Value)>,
        mut f: impl FnMut(StoredEvent) -> Result<()>,
    ) -> Result<u64> {
        let (mut clause, mut params) = filter.sql()?;
        if let Some((sql, v)) = extra {
            params.push(v);
            clause = format!("{clause} AND {}", sql.replace('?', &format!("?{}", params.len())));
        }
        let sql = format!(
            "SELECT {EVENT_COLUMNS} FROM events e
             {EVENT_JOINS}
             WHERE {clause} ORDER BY e.id"
        );
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.explain(e.into()))?;
        let mut rows = stmt.query(params_from_iter(params.iter())).map_err(|e| self.explain(e.into()))?;
        let mut n = 0;
        while let Some(r) = rows.next().map_err(|e| self.explain(e.into()))? {
            let ev = stored_event(r).map_err(|e| self.explain(e.into()))?.map_err(StoreError::Corrupt)?;
            f(ev)?;
            n += 1;
        }
        Ok(n)
    }

    /// How many events a filter selects.
    pub fn count(&self, filter: &Filter) -> Result<u64> {
        let (clause, params) = filter.sql()?;
        let sql = format!("SELECT COUNT(*) FROM events e WHERE {clause}");
        Ok(self.rows(&sql, params, |r| r.get::<_, i64>(0))?.first().copied().unwrap_or(0) as u64)
    }

    /// One event by its id.
    pub fn event(&self, id: i64) -> Result<Option<StoredEvent>> {
        let sql = format!("SELECT {EVENT_COLUMNS} FROM events e {EVENT_JOINS} WHERE e.id = ?1");
        let rows = self.rows(&sql, vec![Value::Integer(id)], stored_event)?;
        rows.into_iter().next().map(|r| r.map_err(StoreError::Corrupt)).transpose()
    }

    /// Every report of an event, in the order they were stored.
    pub fn mentions(&self, event: i64) -> Result<Vec<Mention>> {
        let sql = "SELECT m.record, s.text, a.doc_id, a.title, a.date, a.source, a.url FROM mentions m
                   JOIN sentences s ON s.id = m.sentence_id JOIN articles a ON a.id = m.article_id
                   WHERE m.event_id = ?1 ORDER BY m.id";
        let rows = self.rows(sql, vec![Value::Integer(event)], |r| {
            let record: String = r.get(0)?;
            let sentence: String = r.get(1)?;
            Ok(serde_json::from_str::<Event>(&record).map(|mut e| {
                e.evidence.sentence = sentence;
                Mention {
                    article_doc_id: r.get(2).unwrap_or_default(),
                    article_title: r.get(3).unwrap_or_default(),
                    article_date: r.get(4).unwrap_or_default(),
                    publisher: r.get(5).unwrap_or_default(),
                    url: r.get(6).unwrap_or_default(),
                    event: e,
                }
            }))
        })?;
        rows.into_iter().map(|r| r.map_err(|e| StoreError::Corrupt(e.to_string()))).collect()
    }

    /// Counts per day, week or month, split by quad class; undated events are left out. With no
    /// filter but dates it reads the day rollup, else the events.
    pub fn timeline(&self, filter: &Filter, period: Period) -> Result<Vec<Bucket>> {
        if filter.only_dates() {
            self.timeline_from_rollup(filter, period)
        } else {
            self.timeline_from_events(filter, period)
        }
    }

    /// [`Store::timeline`] from `rollup_days`: one row per day span and quad class.
    pub fn timeline_from_rollup(&self, filter: &Filter, period: Period) -> Result<Vec<Bucket>> {
        let mut clauses = vec!["events > 0".to_string()];
        let mut params = Vec::new();
        if let Some(s) = nonempty(&filter.since) {
            let (lo, _) = bound(s, "since")?;
            params.push(Value::Integer(lo));
            params.push(Value::Integer(lo - dedup::LONGEST_SPAN));
            clauses.push("day_hi >= ?1 AND day_lo >= ?2".into());
        }
        if let Some(s) = nonempty(&filter.until) {
            let (_, hi) = bound(s, "until")?;
            params.push(Value::Integer(hi));
            clauses.push(format!("day_lo <= ?{}", params.len()));
        }
        let sql = format!(
            "SELECT day_lo, quad_class, SUM(events), SUM(fatalities), SUM(goldstein_tenths) FROM rollup_days
             WHERE {} GROUP BY day_lo, quad_class ORDER BY day_lo",
            clauses.join(" AND ")
        );
        let rows = self.rows(&sql, params, |r| {
            let day = r.get::<_, i64>(0)?;
            let key = match period {
                Period::Day => day,
                Period::Week => day - ((day + 3) % 7),
                Period::Month => dedup::year_month(day),
            };
            Ok((key, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?;
        Ok(buckets(period, rows))
    }

    /// [`Store::timeline`] from the events a filter selects.
    pub fn timeline_from_events(&self, filter: &Filter, period: Period) -> Result<Vec<Bucket>> {
        let (clause, params) = filter.sql()?;
        let key = period.sql();
        // ym is null exactly where day_lo is: test the grouped column, so the scan stays in its index.
        let dated = if period == Period::Month { "e.ym IS NOT NULL" } else { "e.day_lo IS NOT NULL" };
        let sql = format!(
            "SELECT {key} AS k, e.quad_class, COUNT(*), COALESCE(SUM(e.fatalities), 0), {GOLDSTEIN_TENTHS}
             FROM events e WHERE {dated} AND {clause} GROUP BY k, e.quad_class ORDER BY k"
        );
        let rows = self.rows(&sql, params, |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, i64>(3)?,
                r.get::<_, i64>(4)?,
            ))
        })?;
        Ok(buckets(period, rows))
    }

    /// Dyads (source, target) with their counts, busiest first: from the dyad rollup for the
    /// whole store, else from the events a filter selects.
    pub fn network(&self, filter: &Filter, limit: usize) -> Result<Vec<Dyad>> {
        if filter.is_whole_store() {
            self.network_from_rollup(limit)
        } else {
            self.network_from_events(filter, limit)
        }
    }

    /// [`Store::network`] of the whole store from `rollup_dyads`.
    pub fn network_from_rollup(&self, limit: usize) -> Result<Vec<Dyad>> {
        let sql = "SELECT s.key, s.actor_id, s.code, s.name, s.country, s.sector,
                    t.key, t.actor_id, t.code, t.name, t.country, t.sector,
                    d.events, d.cooperation, d.conflict, d.goldstein_tenths / 10.0, d.fatalities
             FROM (SELECT * FROM rollup_dyads WHERE events > 0
                   ORDER BY events DESC, source_id, target_id LIMIT ?1) d
             JOIN actors s ON s.id = d.source_id JOIN actors t ON t.id = d.target_id
             ORDER BY d.events DESC, d.source_id, d.target_id";
        self.rows(sql, vec![Value::Integer(limit.min(MAX_LIMIT) as i64)], dyad)
    }

    /// [`Store::network`] from the events a filter selects.
    pub fn network_from_events(&self, filter: &Filter, limit: usize) -> Result<Vec<Dyad>> {
        let (clause, mut params) = filter.sql()?;
        params.push(Value::Integer(limit.min(MAX_LIMIT) as i64));
        let sql = format!(
            "SELECT s.key, s.actor_id, s.code, s.name, s.country, s.sector,
                    t.key, t.actor_id, t.code, t.name, t.country, t.sector,
                    d.n, d.coop, d.conf, d.gold, d.dead
             FROM (SELECT e.source_id AS sid, e.target_id AS tid, COUNT(*) AS n,
                          SUM(e.quad_class IN (1, 2)) AS coop, SUM(e.quad_class IN (3, 4)) AS conf,
                          {GOLDSTEIN_TENTHS} / 10.0 AS gold, COALESCE(SUM(e.fatalities), 0) AS dead
                   FROM events e WHERE e.source_id IS NOT NULL AND e.target_id IS NOT NULL AND {clause}
                   GROUP BY e.source_id, e.target_id ORDER BY n DESC, sid, tid LIMIT ?{}) d
             JOIN actors s ON s.id = d.sid JOIN actors t ON t.id = d.tid
             ORDER BY d.n DESC, d.sid, d.tid",
            params.len()
        );
        self.rows(&sql, params, dyad)
    }

    /// An actor row by its id.
    pub(crate) fn actor_by_id(&self, id: i64) -> Result<Option<ActorSummary>> {
        let sql = "SELECT key, actor_id, code, name, country, sector FROM actors WHERE id = ?1";
        Ok(self.rows(sql, vec![Value::Integer(id)], |r| actor_summary(r, 0))?.into_iter().next())
    }

    /// Actors by how often they appear, with what they did: from the actor rollups for the whole
    /// store, else from the events a filter selects.
    pub fn actors(&self, filter: &Filter, limit: usize) -> Result<Vec<ActorActivity>> {
        self.actors_from(filter, limit, filter.is_whole_store())
    }

    /// [`Store::actors`], from the rollups or from the events.
    pub fn actors_from(&self, filter: &Filter, limit: usize, rollups: bool) -> Result<Vec<ActorActivity>> {
        // Each side is grouped on its own index, in index order (no sort), and the two merged here.
        let mut tally: std::collections::HashMap<i64, [u64; 4]> = std::collections::HashMap::new();
        for (side, slot, rollup) in [("source_id", 0, "rollup_sources"), ("target_id", 1, "rollup_targets")] {
            let (clause, params) = if rollups { (String::new(), vec![]) } else { filter.sql()? };
            let sql = if rollups {
                format!("SELECT actor_id, events, cooperation, conflict FROM {rollup} WHERE events > 0")
            } else {
                format!(
                    "SELECT e.{side}, COUNT(*), SUM(e.quad_class IN (1, 2)), SUM(e.quad_class IN (3, 4))
                     FROM events e WHERE e.{side} IS NOT NULL AND {clause} GROUP BY e.{side}"
                )
            };
            let rows = self.rows(&sql, params, |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)? as u64,
                    r.get::<_, i64>(2)? as u64,
                    r.get::<_, i64>(3)? as u64,
                ))
            })?;
            for (id, n, coop, conf) in rows {
                let t = tally.entry(id).or_default();
                t[slot] += n;
                t[2] += coop;
                t[3] += conf;
            }
        }
        let mut ranked: Vec<(i64, [u64; 4])> = tally.into_iter().collect();
        ranked.sort_by(|a, b| (b.1[0] + b.1[1]).cmp(&(a.1[0] + a.1[1])).then(a.0.cmp(&b.0)));
        ranked.truncate(limit.min(MAX_LIMIT));
        let mut out = Vec::with_capacity(ranked.len());
        for (id, t) in ranked {
            let Some(actor) = self.actor_by_id(id)? else { continue };
            let (sql, params) = if rollups {
                let sql = "SELECT cameo_root, events FROM rollup_source_roots WHERE actor_id = ?1 AND events > 0
                           ORDER BY events DESC, cameo_root LIMIT 3";
                (sql.to_string(), vec![Value::Integer(id)])
            } else {
                let (clause, mut params) = filter.sql()?;
                params.push(Value::Integer(id));
                let sql = format!(
                    "SELECT e.cameo_root, COUNT(*) AS n FROM events e WHERE e.source_id = ?{} AND {clause}
                     GROUP BY e.cameo_root ORDER BY n DESC, e.cameo_root LIMIT 3",
                    params.len()
                );
                (sql, params)
            };
            let top_roots = self.rows(&sql, params, |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as u64)))?;
            out.push(ActorActivity {
                actor,
                events: t[0] + t[1],
                as_source: t[0],
                as_target: t[1],
                cooperation: t[2],
                conflict: t[3],
                top_roots,
            });
        }
        Ok(out)
    }
}

/// Buckets from (key, quad class, events, fatalities, Goldstein sum in tenths) rows in key order.
fn buckets(period: Period, rows: Vec<(i64, i64, i64, i64, i64)>) -> Vec<Bucket> {
    let mut out: Vec<Bucket> = Vec::new();
    let mut tenths: Vec<i64> = Vec::new();
    let mut last: Option<i64> = None;
    for (k, quad, n, dead, gold) in rows {
        if last != Some(k) {
            out.push(Bucket { period: period.label(k), ..Bucket::default() });
            tenths.push(0);
            last = Some(k);
        }
        let b = out.last_mut().expect("pushed above");
        b.events += n as u64;
        if (1..=4).contains(&quad) {
            b.quad[quad as usize - 1] += n as u64;
        }
        b.fatalities += dead as u64;
        *tenths.last_mut().expect("pushed above") += gold;
    }
    for (b, t) in out.iter_mut().zip(tenths) {
        b.goldstein_sum = t as f64 / 10.0;
        b.goldstein_mean = if b.events > 0 { b.goldstein_sum / b.events as f64 } else { 0.0 };
    }
    out
}

/// A day number as `YYYY-MM-DD`.
pub fn day_label(day: i64) -> String {
    let (y, m, d) = palaver_core::dates::civil_from_days(day);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounding_boxes_are_four_numbers() {
        assert_eq!(parse_bbox("-5, 10,5,20"), Some([-5.0, 10.0, 5.0, 20.0]));
        assert_eq!(parse_bbox("1,2,3"), None);
        assert_eq!(parse_bbox("1,2,3,x"), None);
    }

    #[test]
    fn bad_parameters_are_refused_with_a_reason() {
        let f = Filter { since: Some("last March".into()), ..Filter::default() };
        assert!(matches!(f.sql(), Err(StoreError::BadQuery(m)) if m.contains("since")));
        let f = Filter { cameo: Some("19a".into()), ..Filter::default() };
        assert!(f.sql().is_err());
        let f = Filter { bbox: Some([0.0, 20.0, 10.0, 10.0]), ..Filter::default() };
        assert!(f.sql().is_err());
        let f = Filter { quad_class: Some(7), ..Filter::default() };
        assert!(f.sql().is_err());
        assert_eq!(dedup::days_from_civil(1970, 1, 5) % 7, 4);
    }
}

/// Events at one place, for maps.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MapPoint {
    pub place: String,
    pub country: Option<String>,
    pub admin1: Option<String>,
    pub lat: f64,
    pub lon: f64,
    pub precision: String,
    pub events: u64,
    pub fatalities: u64,
    pub cooperation: u64,
    pub conflict: u64,
}

/// What a store holds, in brief.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Extent {
    pub articles: u64,
    pub events: u64,
    /// The first and last day that dated events cover.
    pub first_day: Option<String>,
    pub last_day: Option<String>,
    /// Countries of events' places and actors, busiest first.
    pub countries: Vec<(String, u64)>,
}

/// A stored article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StoredArticle {
    pub doc_id: String,
    pub title: Option<String>,
    pub date: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub text: String,
}

impl Store {
    /// Places with their events, busiest first.
    pub fn map_points(&self, filter: &Filter, limit: usize) -> Result<Vec<MapPoint>> {
        self.map_points_from(filter, limit, filter.is_whole_store())
    }

    /// [`Store::map_points`], from the place rollup (the whole store) or from the events.
    pub fn map_points_from(&self, filter: &Filter, limit: usize, rollup: bool) -> Result<Vec<MapPoint>> {
        let (clause, mut params) = if rollup { (String::new(), vec![]) } else { filter.sql()? };
        params.push(Value::Integer(limit.min(MAX_LIMIT) as i64));
        let sql = if rollup {
            "SELECT p.name, p.country, p.admin1, p.lat, p.lon, p.precision, r.events, r.fatalities,
                    r.cooperation, r.conflict
             FROM (SELECT * FROM rollup_places WHERE events > 0 ORDER BY events DESC, place_id LIMIT ?1) r
             JOIN places p ON p.id = r.place_id ORDER BY r.events DESC, r.place_id"
                .to_string()
        } else {
            format!(
                "SELECT p.name, p.country, p.admin1, p.lat, p.lon, p.precision, COUNT(*) AS n,
                        COALESCE(SUM(e.fatalities), 0), SUM(e.quad_class IN (1, 2)), SUM(e.quad_class IN (3, 4))
                 FROM events e JOIN places p ON p.id = e.place_id WHERE {clause}
                 GROUP BY e.place_id ORDER BY n DESC, e.place_id LIMIT ?{}",
                params.len()
            )
        };
        self.rows(&sql, params, |r| {
            Ok(MapPoint {
                place: r.get(0)?,
                country: r.get(1)?,
                admin1: r.get(2)?,
                lat: r.get(3)?,
                lon: r.get(4)?,
                precision: r.get(5)?,
                events: r.get::<_, i64>(6)? as u64,
                fatalities: r.get::<_, i64>(7)? as u64,
                cooperation: r.get::<_, i64>(8)? as u64,
                conflict: r.get::<_, i64>(9)? as u64,
            })
        })
    }

    /// Sizes, the span of days, and the countries a store holds.
    pub fn extent(&self) -> Result<Extent> {
        let counts = self.counts()?;
        // from the rollups: a few thousand rows, not every event
        let days = self.rows("SELECT MIN(day_lo), MAX(day_hi) FROM rollup_days WHERE events > 0", vec![], |r| {
            Ok((r.get::<_, Option<i64>>(0)?, r.get::<_, Option<i64>>(1)?))
        })?;
        let (first, last) = days.first().copied().unwrap_or((None, None));
        let countries = self.rows(
            "SELECT country, SUM(events) AS n FROM (SELECT country, events FROM rollup_source_countries UNION ALL
             SELECT country, events FROM rollup_target_countries UNION ALL
             SELECT country, events FROM rollup_place_countries)
             WHERE events > 0 GROUP BY country ORDER BY n DESC, country LIMIT 300",
            vec![],
            |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as u64)),
        )?;
        Ok(Extent {
            articles: counts.articles,
            events: counts.events,
            first_day: first.map(day_label),
            last_day: last.map(day_label),
            countries,
        })
    }

    /// An article by its document id.
    pub fn article(&self, doc_id: &str) -> Result<Option<StoredArticle>> {
        let sql = "SELECT doc_id, title, date, source, url, text FROM articles WHERE doc_id = ?1";
        let rows = self.rows(sql, vec![Value::Text(doc_id.to_string())], |r| {
            Ok(StoredArticle {
                doc_id: r.get(0)?,
                title: r.get(1)?,
                date: r.get(2)?,
                source: r.get(3)?,
                url: r.get(4)?,
                text: r.get(5)?,
            })
        })?;
        Ok(rows.into_iter().next())
    }
}
