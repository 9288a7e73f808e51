//! Writing coded articles into the store. A batch of articles is one transaction: after a crash
//! (even `kill -9`) the store holds every batch committed before it and nothing of the one in
//! flight, so running the same ingest again skips what is stored and writes the rest, and the
//! result is the database an uninterrupted run would have made. An article is known by its
//! `doc_id`; the same text again adds nothing, a changed text replaces the old one's events.

use crate::dedup::{self, Merged};
use crate::{schema, Result, Store, StoreError};
use palaver_core::event::{ActorRecord, Location};
use palaver_core::{perpetrators, Article, CodedArticle, Event};
use rusqlite::{params, OptionalExtension, Transaction};
use std::collections::HashMap;

/// What coded the events: the palaver version and a name of the dictionary set (with a digest
/// of its contents), recorded with every article and event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Coder {
    pub version: String,
    pub dictionaries: String,
}

/// What writing an article did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArticleOutcome {
    /// A new article: its mentions, and how many of them became new events.
    Added { mentions: usize, new_events: usize },
    /// A stored article whose text changed, or one being re-coded: its events were replaced.
    Replaced { mentions: usize, new_events: usize },
    /// Already stored with the same text and coder: nothing written.
    Unchanged,
}

/// A digest of what makes an article the same article again: its text and date (FNV-1a, 64 bits).
pub fn article_hash(a: &Article) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    // the language counts only where a record gives one, so older digests stay valid
    let lang = a.lang.as_deref().map(|l| [0u8].into_iter().chain(l.bytes()));
    for b in
        a.text.bytes().chain([0u8]).chain(a.date.as_deref().unwrap_or("").bytes()).chain(lang.into_iter().flatten())
    {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("{h:016x}")
}

/// A stored article's identity: row id, text digest, and the coder that coded it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Known {
    pub id: i64,
    pub hash: String,
    pub coder_id: Option<i64>,
}

impl Store {
    /// The row of a coder, added on first use.
    pub fn coder_id(&mut self, coder: &Coder) -> Result<i64> {
        let r = (|| -> rusqlite::Result<i64> {
            self.conn.execute(
                "INSERT INTO coders (version, dictionaries) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
                params![coder.version, coder.dictionaries],
            )?;
            self.conn.query_row(
                "SELECT id FROM coders WHERE version = ?1 AND dictionaries = ?2",
                params![coder.version, coder.dictionaries],
                |r| r.get(0),
            )
        })();
        r.map_err(|e| self.explain(e.into()))
    }

    /// Records the start of an ingest or recode run; returns its id.
    pub fn start_run(&mut self, command: &str, coder_id: i64, started: &str) -> Result<i64> {
        self.conn
            .execute(
                "INSERT INTO runs (command, started, coder_id) VALUES (?1, ?2, ?3)",
                params![command, started, coder_id],
            )
            .map_err(|e| self.explain(e.into()))?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Records what a run did when it ends, and refreshes the query planner's statistics.
    pub fn finish_run(&mut self, run: i64, articles: usize, events: usize, finished: &str) -> Result<()> {
        self.conn.execute_batch("PRAGMA optimize").map_err(|e| self.explain(e.into()))?;
        self.conn
            .execute(
                "UPDATE runs SET articles = ?2, events = ?3, finished = ?4 WHERE id = ?1",
                params![run, articles as i64, events as i64, finished],
            )
            .map_err(|e| self.explain(e.into()))?;
        Ok(())
    }

    /// What the store knows of these documents.
    pub fn known(&self, doc_ids: &[&str]) -> Result<HashMap<String, Known>> {
        let mut out = HashMap::new();
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, hash, coder_id FROM articles WHERE doc_id = ?1")
            .map_err(|e| self.explain(e.into()))?;
        for d in doc_ids {
            let row = stmt
                .query_row([d], |r| Ok(Known { id: r.get(0)?, hash: r.get(1)?, coder_id: r.get(2)? }))
                .optional()
                .map_err(|e| classify_err(e, &self.path))?;
            if let Some(k) = row {
                out.insert((*d).to_string(), k);
            }
        }
        Ok(out)
    }

    /// Writes coded articles in one transaction; all of it is stored, or (on an error) none.
    pub fn write_batch(&mut self, batch: &[(&Article, &CodedArticle)], coder_id: i64) -> Result<Vec<ArticleOutcome>> {
        let path = self.path.clone();
        let ids: Vec<&str> = batch.iter().map(|(a, _)| a.id.as_str()).collect();
        let mut known = self.known(&ids)?;
        let explain = |e: StoreError| match e {
            StoreError::Sqlite(e) => classify_err(e, &path),
            other => other,
        };
        let tx = self.conn.transaction().map_err(|e| classify_err(e, &path))?;
        // On any error the transaction is dropped, which rolls the whole batch back.
        let outcomes = write_articles(&tx, batch, &mut known, coder_id).map_err(explain)?;
        schema::fold(&tx).map_err(|e| classify_err(e, &path))?;
        tx.commit().map_err(|e| classify_err(e, &path))?;
        Ok(outcomes)
    }

    /// Before a recode: takes away the events of every article not coded by `coder_id` (they
    /// are coded again, in article order, by [`Store::articles_to_recode`] and `write_batch`).
    /// Returns how many articles are to be re-coded. Safe to run again after an interruption.
    pub fn clear_for_recode(&mut self, coder_id: i64, all: bool) -> Result<u64> {
        let path = self.path.clone();
        let tx = self.conn.transaction().map_err(|e| classify_err(e, &path))?;
        let run = || -> rusqlite::Result<u64> {
            if all {
                tx.execute("UPDATE articles SET coder_id = NULL", [])?;
            }
            tx.execute_batch(
                "CREATE TEMP TABLE IF NOT EXISTS stale (id INTEGER PRIMARY KEY);
                 DELETE FROM temp.stale;
                 CREATE TEMP TABLE IF NOT EXISTS touched (id INTEGER PRIMARY KEY);
                 DELETE FROM temp.touched;",
            )?;
            tx.execute("INSERT INTO temp.stale SELECT id FROM articles WHERE coder_id IS NOT ?1", [coder_id])?;
            tx.execute(
                "INSERT OR IGNORE INTO temp.touched SELECT event_id FROM mentions WHERE article_id IN temp.stale",
                [],
            )?;
            touch_where(&tx, "SELECT id FROM temp.touched", None)?;
            tx.execute_batch(
                "DELETE FROM mentions WHERE article_id IN temp.stale;
                 DELETE FROM sentences WHERE article_id IN temp.stale;
                 DELETE FROM events WHERE id IN temp.touched AND id NOT IN (SELECT event_id FROM mentions);",
            )?;
            tx.query_row("SELECT COUNT(*) FROM temp.stale", [], |r| r.get::<_, i64>(0)).map(|n| n as u64)
        };
        let n = run().map_err(|e| classify_err(e, &path))?;
        let touched: Vec<i64> = {
            let mut stmt = tx
                .prepare("SELECT id FROM temp.touched WHERE id IN (SELECT id FROM events)")
                .map_err(|e| classify_err(e, &path))?;
            let rows = stmt.query_map([], |r| r.get(0)).map_err(|e| classify_err(e, &path))?;
            rows.collect::<rusqlite::Result<_>>().map_err(|e| classify_err(e, &path))?
        };
        for ev in touched {
            rebuild_event(&tx, ev)?;
        }
        schema::fold(&tx).map_err(|e| classify_err(e, &path))?;
        tx.commit().map_err(|e| classify_err(e, &path))?;
        Ok(n)
    }

    /// The next articles (by row order, after `after`) that `coder_id` has not coded.
    pub fn articles_to_recode(&self, coder_id: i64, after: i64, limit: usize) -> Result<Vec<(i64, Article)>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT id, doc_id, text, date, title, source, url, lang FROM articles
                 WHERE id > ?1 AND coder_id IS NOT ?2 ORDER BY id LIMIT ?3",
            )
            .map_err(|e| self.explain(e.into()))?;
        let rows = stmt
            .query_map(params![after, coder_id, limit as i64], |r| {
                Ok((
                    r.get(0)?,
                    Article {
                        id: r.get(1)?,
                        text: r.get(2)?,
                        date: r.get(3)?,
                        title: r.get(4)?,
                        source: r.get(5)?,
                        url: r.get(6)?,
                        lang: r.get(7)?,
                    },
                ))
            })
            .map_err(|e| self.explain(e.into()))?;
        rows.collect::<rusqlite::Result<_>>().map_err(|e| self.explain(e.into()))
    }
}

fn write_articles(
    tx: &Transaction,
    batch: &[(&Article, &CodedArticle)],
    known: &mut HashMap<String, Known>,
    coder_id: i64,
) -> Result<Vec<ArticleOutcome>> {
    let mut outcomes = Vec::with_capacity(batch.len());
    for (article, coded) in batch {
        let hash = article_hash(article);
        let outcome = match known.get(&article.id) {
            Some(k) if k.hash == hash && k.coder_id == Some(coder_id) => ArticleOutcome::Unchanged,
            Some(k) => {
                let id = k.id;
                remove_article_events(tx, id)?;
                update_article(tx, id, article, &hash, coded, coder_id)?;
                let (mentions, new_events) = add_events(tx, id, &coded.events, coder_id)?;
                known.insert(article.id.clone(), Known { id, hash, coder_id: Some(coder_id) });
                ArticleOutcome::Replaced { mentions, new_events }
            }
            None => {
                let id = insert_article(tx, article, &hash, coded, coder_id)?;
                let (mentions, new_events) = add_events(tx, id, &coded.events, coder_id)?;
                // The same document twice in one batch: the second copy finds the first.
                known.insert(article.id.clone(), Known { id, hash, coder_id: Some(coder_id) });
                ArticleOutcome::Added { mentions, new_events }
            }
        };
        outcomes.push(outcome);
    }
    Ok(outcomes)
}

fn classify_err(e: rusqlite::Error, path: &std::path::Path) -> StoreError {
    crate::classify(e, path)
}

fn insert_article(tx: &Transaction, a: &Article, hash: &str, coded: &CodedArticle, coder: i64) -> Result<i64> {
    tx.prepare_cached(
        "INSERT INTO articles (doc_id, hash, date, title, source, url, text, sentences, coder_id, lang)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        a.id,
        hash,
        a.date,
        a.title,
        a.source,
        a.url,
        a.text,
        coded.sentences as i64,
        coder,
        a.lang
    ])?;
    Ok(tx.last_insert_rowid())
}

fn update_article(tx: &Transaction, id: i64, a: &Article, hash: &str, coded: &CodedArticle, coder: i64) -> Result<()> {
    tx.prepare_cached(
        "UPDATE articles SET hash = ?2, date = ?3, title = ?4, source = ?5, url = ?6, text = ?7, sentences = ?8,
         coder_id = ?9, lang = ?10 WHERE id = ?1",
    )?
    .execute(params![
        id,
        hash,
        a.date,
        a.title,
        a.source,
        a.url,
        a.text,
        coded.sentences as i64,
        coder,
        a.lang
    ])?;
    Ok(())
}

/// Notes that a transaction is about to change or delete events (`ids`: SQL giving their ids,
/// `?1` bound to `id`), keeping the values the rollups read as they were before its first change.
fn touch_where(tx: &Transaction, ids: &str, id: Option<i64>) -> rusqlite::Result<()> {
    let cols = schema::rollup_reads().join(", ");
    let sql = format!(
        "INSERT OR IGNORE INTO temp.rollup_old (id, {cols}) SELECT id, {cols} FROM main.events
         WHERE id IN ({ids}) AND id NOT IN temp.rollup_touched"
    );
    tx.prepare_cached(&sql)?.execute(rusqlite::params_from_iter(id))?;
    tx.prepare_cached(&format!("INSERT OR IGNORE INTO temp.rollup_touched (id) {ids}"))?
        .execute(rusqlite::params_from_iter(id))?;
    Ok(())
}

/// [`touch_where`] for one event, before it is changed or deleted.
fn touch(tx: &Transaction, event: i64) -> Result<()> {
    Ok(touch_where(tx, "SELECT ?1", Some(event))?)
}

/// Notes an event just inserted (it had no values before).
fn touch_new(tx: &Transaction, event: i64) -> Result<()> {
    tx.prepare_cached("INSERT OR IGNORE INTO temp.rollup_touched (id) VALUES (?1)")?.execute([event])?;
    Ok(())
}

/// Takes an article's mentions out of their events; events left with none are deleted, the
/// others recomputed from the mentions they keep.
fn remove_article_events(tx: &Transaction, article: i64) -> Result<()> {
    let events: Vec<i64> = {
        let mut stmt = tx.prepare_cached("SELECT DISTINCT event_id FROM mentions WHERE article_id = ?1")?;
        let rows = stmt.query_map([article], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    tx.prepare_cached("DELETE FROM mentions WHERE article_id = ?1")?.execute([article])?;
    tx.prepare_cached("DELETE FROM sentences WHERE article_id = ?1")?.execute([article])?;
    for ev in events {
        rebuild_event(tx, ev)?;
    }
    Ok(())
}

/// Sets an event's source (its actor row and the code and country columns filters read).
fn set_source(tx: &Transaction, event: i64, source: Option<i64>, a: Option<&ActorRecord>) -> Result<()> {
    tx.prepare_cached("UPDATE events SET source_id = ?2, source_code = ?3, source_country = ?4 WHERE id = ?1")?
        .execute(params![event, source, a.and_then(|a| a.code.clone()), a.and_then(|a| a.country.clone())])?;
    Ok(())
}

/// Recomputes an event's row from its mentions (in the order they were stored), or deletes it.
fn rebuild_event(tx: &Transaction, event: i64) -> Result<()> {
    let records: Vec<(i64, String)> = {
        let mut stmt = tx.prepare_cached("SELECT id, record FROM mentions WHERE event_id = ?1 ORDER BY id")?;
        let rows = stmt.query_map([event], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    touch(tx, event)?;
    if records.is_empty() {
        tx.prepare_cached("DELETE FROM events WHERE id = ?1")?.execute([event])?;
        return Ok(());
    }
    let parse = |s: &str| serde_json::from_str::<Event>(s).map_err(|e| StoreError::Corrupt(format!("mention: {e}")));
    let parsed: Vec<Event> = records.iter().map(|(_, r)| parse(r)).collect::<Result<_>>()?;
    let shown = dedup::shown(&parsed);
    let (first_id, first) = (records[shown].0, &parsed[shown]);
    let mut merged = Merged::of(first);
    let mut mediator = first.mediator.clone();
    for (_, e) in parsed.iter().enumerate().filter(|(i, _)| *i != shown) {
        merged.absorb(e);
        mediator = mediator.or(e.mediator.clone());
    }
    let source = actor_row(tx, first.source.as_ref())?;
    set_source(tx, event, source, first.source.as_ref())?;
    let mediator_id = actor_row(tx, mediator.as_ref())?;
    tx.prepare_cached("UPDATE events SET mediator_id = ?2, mediator_code = ?3 WHERE id = ?1")?.execute(params![
        event,
        mediator_id,
        mediator.as_ref().and_then(|m| m.code.clone())
    ])?;
    tx.prepare_cached(
        "UPDATE events SET cameo = ?2, quad_class = ?3, goldstein = ?4, plover_event = ?5, plover_mode = ?6,
         acled_type = ?7, acled_sub_type = ?8, first_mention = ?9 WHERE id = ?1",
    )?
    .execute(params![
        event,
        first.cameo,
        first.quad_class,
        f64::from(first.goldstein),
        first.plover.event,
        first.plover.mode,
        first.acled.as_ref().and_then(|a| a.event_type.clone()),
        first.acled.as_ref().and_then(|a| a.sub_event_type.clone()),
        first_id
    ])?;
    set_merged(tx, event, &merged)?;
    update_counts(tx, event)
}

/// Writes the events of one article; returns (mentions, new events).
fn add_events(tx: &Transaction, article: i64, events: &[Event], coder: i64) -> Result<(usize, usize)> {
    let mut sentences: HashMap<usize, i64> = HashMap::new();
    let mut filed: Vec<dedup::Filed> = Vec::new();
    let mut new_events = 0;
    for e in events {
        let sentence = match sentences.get(&e.sentence_index) {
            Some(&id) => id,
            None => {
                tx.prepare_cached("INSERT INTO sentences (article_id, idx, text) VALUES (?1, ?2, ?3)")?
                    .execute(params![article, e.sentence_index as i64, e.evidence.sentence])?;
                let id = tx.last_insert_rowid();
                sentences.insert(e.sentence_index, id);
                id
            }
        };
        if add_mention(tx, article, sentence, e, coder, &mut filed)? {
            new_events += 1;
        }
    }
    Ok((events.len(), new_events))
}

fn actor_key(a: &ActorRecord) -> Option<String> {
    match (&a.actor_id, &a.code) {
        (Some(id), _) => Some(format!("id:{id}")),
        // an unidentified armed group the coder implied is not the militias coded MLIUAF
        (None, Some(code)) if perpetrators::implied_actor(a) => Some(format!("implied:{code}")),
        (None, Some(code)) => Some(format!("code:{code}")),
        _ => None,
    }
}

/// The actor row of one side of an event, added on first sight.
fn actor_row(tx: &Transaction, a: Option<&ActorRecord>) -> Result<Option<i64>> {
    let Some(a) = a else { return Ok(None) };
    let Some(key) = actor_key(a) else { return Ok(None) };
    if let Some(id) =
        tx.prepare_cached("SELECT id FROM actors WHERE key = ?1")?.query_row([&key], |r| r.get(0)).optional()?
    {
        return Ok(Some(id));
    }
    // an implied actor is shown by what it is ("unidentified armed group")
    let name = a.name.clone().or_else(|| {
        perpetrators::implied_actor(a)
            .then(|| a.country.as_ref().map_or_else(|| a.text.clone(), |c| format!("{} ({c})", a.text)))
    });
    tx.prepare_cached(
        "INSERT INTO actors (key, actor_id, code, name, country, sector) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![key, a.actor_id, a.code, name, a.country, a.sector])?;
    Ok(Some(tx.last_insert_rowid()))
}

fn place_key(l: &Location) -> String {
    match l.geonameid {
        Some(g) => format!("g:{g}:{}", l.precision),
        None => {
            format!("n:{}|{}|{}|{:.4},{:.4}", l.name, l.country.as_deref().unwrap_or(""), l.precision, l.lat, l.lon)
        }
    }
}

/// The place row of a location, added on first sight.
fn place_row(tx: &Transaction, l: Option<&Location>) -> Result<Option<i64>> {
    let Some(l) = l else { return Ok(None) };
    let key = place_key(l);
    if let Some(id) =
        tx.prepare_cached("SELECT id FROM places WHERE key = ?1")?.query_row([&key], |r| r.get(0)).optional()?
    {
        return Ok(Some(id));
    }
    tx.prepare_cached(
        "INSERT INTO places (key, name, country, admin1, admin2, lat, lon, precision, geonameid)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        key,
        l.name,
        l.country,
        l.admin1,
        l.admin2,
        l.lat,
        l.lon,
        l.precision,
        l.geonameid.map(|g| g as i64)
    ])?;
    Ok(Some(tx.last_insert_rowid()))
}

/// A stored record: the event record without its sentence (kept once, in `sentences`).
fn record_json(e: &Event) -> Result<String> {
    let mut e = e.clone();
    e.evidence.sentence.clear();
    serde_json::to_string(&e).map_err(|err| StoreError::Corrupt(err.to_string()))
}

/// Files one record: as a new mention of a stored event that it reports again (the rule is
/// [`dedup::find`]), or as a new event. Returns whether the event is new.
fn add_mention(
    tx: &Transaction,
    article: i64,
    sentence: i64,
    e: &Event,
    coder: i64,
    filed: &mut Vec<dedup::Filed>,
) -> Result<bool> {
    let source = actor_row(tx, e.source.as_ref())?;
    let target = actor_row(tx, e.target.as_ref())?;
    let report = dedup::Report { event: e, sentence, source, target };
    let found = dedup::find(&report, filed, &mut Stored(tx))?;
    let record = record_json(e)?;
    let names_author = found.as_ref().is_some_and(|f| f.names_author);
    let (event, new) = match found {
        Some(f) => {
            touch(tx, f.event)?;
            if f.names_author {
                set_source(tx, f.event, source, e.source.as_ref())?;
            }
            let mut merged = f.merged;
            merged.absorb(e);
            set_merged(tx, f.event, &merged)?;
            if let Some(m) = actor_row(tx, e.mediator.as_ref())? {
                // A later report may name the mediator an earlier one left out.
                tx.prepare_cached(
                    "UPDATE events SET mediator_id = ?2, mediator_code = ?3 WHERE id = ?1 AND mediator_id IS NULL",
                )?
                .execute(params![f.event, m, e.mediator.as_ref().and_then(|m| m.code.clone())])?;
            }
            (f.event, false)
        }
        None => {
            let id = insert_event(tx, e, source, target, coder)?;
            touch_new(tx, id)?;
            (id, true)
        }
    };
    tx.prepare_cached(
        "INSERT INTO mentions (event_id, article_id, sentence_id, uid, rule, record) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![event, article, sentence, e.event_id, e.rule, record])?;
    let mention = tx.last_insert_rowid();
    filed.push(dedup::Filed { sentence, cameo: e.cameo.clone(), source, target, event });
    // the event's row shows its first report, or the first to name the author others left unknown
    if new || names_author {
        tx.prepare_cached("UPDATE events SET first_mention = ?2 WHERE id = ?1")?.execute(params![event, mention])?;
    }
    if !new {
        update_counts(tx, event)?;
    }
    Ok(new)
}

/// The stored events as [`dedup::find`] asks for them, read in the transaction being written.
struct Stored<'a, 'b>(&'a Transaction<'b>);

impl dedup::Events for Stored<'_, '_> {
    type Error = StoreError;

    /// Through the index on (CAMEO root, source, target, first day, last day) or, for any source,
    /// on (CAMEO root, target, first day, last day): the dates are tested in the index, and only
    /// the events whose dates meet the window are read, every one of them.
    fn candidates(&mut self, key: &dedup::Key) -> Result<Vec<dedup::Candidate>> {
        const COLUMNS: &str = "SELECT e.id, e.day_lo, e.day_hi, e.date, e.date_precision, e.fatalities,
                p.name, p.country, p.admin1, p.admin2, p.lat, p.lon, p.precision, p.geonameid";
        const DAYS: &str = "e.day_lo BETWEEN ?3 AND ?4 AND e.day_hi >= ?5";
        let (sql, source) = match key.sources {
            dedup::Sources::Same(id) => (
                format!(
                    "{COLUMNS} FROM events e INDEXED BY events_dedup LEFT JOIN places p ON p.id = e.place_id
                     WHERE e.cameo_root = ?1 AND e.source_id IS ?6 AND e.target_id IS ?2 AND {DAYS}"
                ),
                id,
            ),
            dedup::Sources::Any => (
                format!(
                    "{COLUMNS} FROM events e INDEXED BY events_dedup_target LEFT JOIN places p ON p.id = e.place_id
                     WHERE e.cameo_root = ?1 AND e.target_id IS ?2 AND {DAYS} AND ?6 IS NULL"
                ),
                None,
            ),
            dedup::Sources::Implied => (
                format!(
                    "{COLUMNS} FROM events e INDEXED BY events_dedup LEFT JOIN places p ON p.id = e.place_id
                     WHERE e.cameo_root = ?1 AND e.source_id IN (SELECT id FROM actors WHERE key GLOB 'implied:*')
                     AND e.target_id IS ?2 AND {DAYS} AND ?6 IS NULL"
                ),
                None,
            ),
        };
        let (lo, hi) = key.first_day_range();
        let mut stmt = self.0.prepare_cached(&sql)?;
        let rows =
            stmt.query_map(params![key.cameo_root, key.target, lo, hi, key.last_day_at_least(), source], |r| {
                Ok(dedup::Candidate {
                    id: r.get(0)?,
                    days: (r.get(1)?, r.get(2)?),
                    merged: Merged {
                        date: r.get(3)?,
                        date_precision: r.get(4)?,
                        fatalities: r.get::<_, Option<i64>>(5)?.map(|f| f as u32),
                        location: location_at(r, 6)?,
                    },
                })
            })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn merged(&mut self, id: i64) -> Result<Merged> {
        load_merged(self.0, id)
    }
}

/// What an event's row says of its date, place and toll.
fn load_merged(tx: &Transaction, event: i64) -> Result<Merged> {
    let mut stmt = tx.prepare_cached(
        "SELECT e.date, e.date_precision, e.fatalities,
                p.name, p.country, p.admin1, p.admin2, p.lat, p.lon, p.precision, p.geonameid
         FROM events e LEFT JOIN places p ON p.id = e.place_id WHERE e.id = ?1",
    )?;
    Ok(stmt.query_row([event], |r| {
        Ok(Merged {
            date: r.get(0)?,
            date_precision: r.get(1)?,
            fatalities: r.get::<_, Option<i64>>(2)?.map(|f| f as u32),
            location: location_at(r, 3)?,
        })
    })?)
}

/// A place read from columns name, country, admin1, admin2, lat, lon, precision, geonameid.
pub(crate) fn location_at(r: &rusqlite::Row, at: usize) -> rusqlite::Result<Option<Location>> {
    let Some(name) = r.get::<_, Option<String>>(at)? else { return Ok(None) };
    Ok(Some(Location {
        name,
        country: r.get(at + 1)?,
        admin1: r.get(at + 2)?,
        admin2: r.get(at + 3)?,
        lat: r.get(at + 4)?,
        lon: r.get(at + 5)?,
        precision: r.get(at + 6)?,
        geonameid: r.get::<_, Option<i64>>(at + 7)?.map(|g| g as u64),
    }))
}

fn insert_event(tx: &Transaction, e: &Event, source: Option<i64>, target: Option<i64>, coder: i64) -> Result<i64> {
    let side = |a: &Option<ActorRecord>| a.as_ref().and_then(|a| a.code.clone());
    let country = |a: &Option<ActorRecord>| a.as_ref().and_then(|a| a.country.clone());
    let place = place_row(tx, e.location.as_ref())?;
    let mediator = actor_row(tx, e.mediator.as_ref())?;
    let days = dedup::day_range(e.date.as_deref());
    let l = e.location.as_ref();
    // One statement with every column: each of the events table's indexes is written once.
    tx.prepare_cached(
        "INSERT INTO events (date, date_precision, day_lo, day_hi, ym, source_id, source_code, source_country,
             target_id, target_code, target_country, cameo, cameo_root, quad_class, goldstein, plover_event,
             plover_mode, acled_type, acled_sub_type, place_id, country, lat, lon, fatalities,
             num_mentions, num_articles, num_sources, first_mention, coder_id, mediator_id, mediator_code)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21,
             ?22, ?23, ?24, 1, 1, 1, 0, ?25, ?26, ?27)",
    )?
    .execute(params![
        e.date,
        e.date_precision,
        days.map(|d| d.0),
        days.map(|d| d.1),
        days.map(|d| dedup::year_month(d.0)),
        source,
        side(&e.source),
        country(&e.source),
        target,
        side(&e.target),
        country(&e.target),
        e.cameo,
        e.cameo_root,
        e.quad_class,
        f64::from(e.goldstein),
        e.plover.event,
        e.plover.mode,
        e.acled.as_ref().and_then(|a| a.event_type.clone()),
        e.acled.as_ref().and_then(|a| a.sub_event_type.clone()),
        place,
        l.and_then(|l| l.country.clone()),
        l.map(|l| l.lat),
        l.map(|l| l.lon),
        e.fatalities.map(i64::from),
        coder,
        mediator,
        e.mediator.as_ref().and_then(|m| m.code.clone())
    ])?;
    Ok(tx.last_insert_rowid())
}

/// Writes an event's date, place and toll.
fn set_merged(tx: &Transaction, event: i64, m: &Merged) -> Result<()> {
    let place = place_row(tx, m.location.as_ref())?;
    let days = m.days();
    let l = m.location.as_ref();
    tx.prepare_cached(
        "UPDATE events SET date = ?2, date_precision = ?3, day_lo = ?4, day_hi = ?5, ym = ?6, place_id = ?7,
         country = ?8, lat = ?9, lon = ?10, fatalities = ?11 WHERE id = ?1",
    )?
    .execute(params![
        event,
        m.date,
        m.date_precision,
        days.map(|d| d.0),
        days.map(|d| d.1),
        days.map(|d| dedup::year_month(d.0)),
        place,
        l.and_then(|l| l.country.clone()),
        l.map(|l| l.lat),
        l.map(|l| l.lon),
        m.fatalities.map(i64::from)
    ])?;
    Ok(())
}

/// GDELT's three counts for an event: mentions (distinct reporting sentences), distinct articles, distinct sources (publishers;
/// an article without one counts as its own).
fn update_counts(tx: &Transaction, event: i64) -> Result<()> {
    tx.prepare_cached(
        "UPDATE events SET
            num_mentions = (SELECT COUNT(DISTINCT sentence_id) FROM mentions WHERE event_id = ?1),
            num_articles = (SELECT COUNT(DISTINCT article_id) FROM mentions WHERE event_id = ?1),
            num_sources = (SELECT COUNT(DISTINCT COALESCE(a.source, a.doc_id)) FROM mentions m
                           JOIN articles a ON a.id = m.article_id WHERE m.event_id = ?1)
         WHERE id = ?1",
    )?
    .execute([event])?;
    Ok(())
}
