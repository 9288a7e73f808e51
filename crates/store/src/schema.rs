//! The store's tables, as numbered migrations. A database records the last migration applied in
//! `PRAGMA user_version`; opening it applies the ones after, each in its own transaction, and a
//! database made by a newer palaver (a higher version than this one knows) is refused, not guessed at.

use rusqlite::Connection;

/// Migrations written as SQL; migration `i` takes a database from version `i` to `i + 1`. Those
/// after them are built from data ([`migration`]).
pub const MIGRATIONS: &[&str] = &[
    // 1: the first schema.
    r#"
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

-- A palaver version and a dictionary set: what coded an article's events.
CREATE TABLE coders (
    id INTEGER PRIMARY KEY,
    version TEXT NOT NULL,
    dictionaries TEXT NOT NULL,
    UNIQUE (version, dictionaries)
);

CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL UNIQUE,
    hash TEXT NOT NULL,
    date TEXT,
    title TEXT,
    source TEXT,
    url TEXT,
    text TEXT NOT NULL,
    sentences INTEGER NOT NULL,
    coder_id INTEGER REFERENCES coders (id)
);

-- The sentences that events were read from (the evidence), searchable with FTS5.
CREATE TABLE sentences (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id),
    idx INTEGER NOT NULL,
    text TEXT NOT NULL,
    UNIQUE (article_id, idx)
);
CREATE VIRTUAL TABLE sentences_fts USING fts5 (text, content = 'sentences', content_rowid = 'id');
CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN
    INSERT INTO sentences_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN
    INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

-- Who: a named actor by its id, else an actor code.
CREATE TABLE actors (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    actor_id TEXT,
    code TEXT,
    name TEXT,
    country TEXT,
    sector TEXT
);

-- Where: a gazetteer place by its GeoNames id, else by name, country and precision.
CREATE TABLE places (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    country TEXT,
    admin1 TEXT,
    admin2 TEXT,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    precision TEXT NOT NULL,
    geonameid INTEGER
);

CREATE INDEX places_name ON places (name COLLATE NOCASE);
CREATE INDEX places_admin1 ON places (admin1 COLLATE NOCASE);
CREATE INDEX places_admin2 ON places (admin2 COLLATE NOCASE);

-- One row per real-world event; its mentions are the sentences that reported it.
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    date TEXT,
    date_precision TEXT NOT NULL,
    day_lo INTEGER,
    day_hi INTEGER,
    ym INTEGER,
    source_id INTEGER REFERENCES actors (id),
    source_code TEXT,
    source_country TEXT,
    target_id INTEGER REFERENCES actors (id),
    target_code TEXT,
    target_country TEXT,
    cameo TEXT NOT NULL,
    cameo_root TEXT NOT NULL,
    quad_class INTEGER NOT NULL,
    goldstein REAL NOT NULL,
    plover_event TEXT,
    plover_mode TEXT,
    acled_type TEXT,
    acled_sub_type TEXT,
    place_id INTEGER REFERENCES places (id),
    country TEXT,
    lat REAL,
    lon REAL,
    fatalities INTEGER,
    num_mentions INTEGER NOT NULL,
    num_articles INTEGER NOT NULL,
    num_sources INTEGER NOT NULL,
    first_mention INTEGER NOT NULL,
    coder_id INTEGER REFERENCES coders (id)
);
CREATE INDEX events_identity ON events (cameo_root, source_id, target_id, day_lo);
-- Covering indexes: timelines scan (day_lo, quad_class, goldstein, fatalities) only, networks
-- (source_id, target_id, ...) only, without touching the table.
CREATE INDEX events_day ON events (day_lo, quad_class, goldstein, fatalities);
CREATE INDEX events_ym ON events (ym, quad_class, goldstein, fatalities);
CREATE INDEX events_cameo ON events (cameo);
CREATE INDEX events_root_day ON events (cameo_root, day_lo);
CREATE INDEX events_source ON events (source_id, target_id, quad_class, goldstein, fatalities);
CREATE INDEX events_target ON events (target_id, quad_class);
CREATE INDEX events_source_code ON events (source_code);
CREATE INDEX events_target_code ON events (target_code);
CREATE INDEX events_source_country ON events (source_country);
CREATE INDEX events_target_country ON events (target_country);
CREATE INDEX events_country ON events (country);
CREATE INDEX events_place ON events (place_id);
CREATE INDEX events_plover ON events (plover_event);
CREATE INDEX events_acled ON events (acled_type, acled_sub_type);
CREATE INDEX events_lat ON events (lat);

-- One row per coded event record: a sentence of an article reporting an event.
CREATE TABLE mentions (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events (id),
    article_id INTEGER NOT NULL REFERENCES articles (id),
    sentence_id INTEGER NOT NULL REFERENCES sentences (id),
    uid TEXT NOT NULL UNIQUE,
    rule TEXT NOT NULL,
    record TEXT NOT NULL
);
CREATE INDEX mentions_event ON mentions (event_id);
CREATE INDEX mentions_article ON mentions (article_id);
CREATE INDEX mentions_sentence ON mentions (sentence_id);

-- Each ingest or recode run: when, with what, and what it did (not part of the data's identity).
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    command TEXT NOT NULL,
    started TEXT NOT NULL,
    coder_id INTEGER REFERENCES coders (id),
    articles INTEGER NOT NULL DEFAULT 0,
    events INTEGER NOT NULL DEFAULT 0,
    finished TEXT
);
"#,
    // 2: mediators, the third party of an event ("talks mediated by the High Islamic Council").
    r#"
ALTER TABLE events ADD COLUMN mediator_id INTEGER REFERENCES actors (id);
ALTER TABLE events ADD COLUMN mediator_code TEXT;
CREATE INDEX events_mediator ON events (mediator_id);
"#,
    // 3: dedup's candidates through indexes on their whole key, the dates in the index: every
    // event of the same CAMEO root, source and target (or root and target, for any source) whose
    // dates meet the window, without reading the rows that do not.
    r#"
DROP INDEX events_identity;
CREATE INDEX events_dedup ON events (cameo_root, source_id, target_id, day_lo, day_hi);
CREATE INDEX events_dedup_target ON events (cameo_root, target_id, day_lo, day_hi);
"#,
    // 4: indexes the filters can use: ACLED types are compared without case (the old index was
    // binary, so no ACLED filter used it), and a bounding box tests longitude in the index.
    r#"
DROP INDEX events_acled;
CREATE INDEX events_acled_type ON events (acled_type COLLATE NOCASE, day_lo);
CREATE INDEX events_acled_sub_type ON events (acled_sub_type COLLATE NOCASE, day_lo);
DROP INDEX events_lat;
CREATE INDEX events_lat_lon ON events (lat, lon);
"#,
    // 5: an article's language as its record gave it (NULL: detected when coded), so that
    // re-coding reads it in the same language.
    r#"
ALTER TABLE articles ADD COLUMN lang TEXT;
"#,
];

/// Migration `i` (from version `i` to `i + 1`) as SQL.
pub fn migration(i: usize) -> Option<String> {
    match i {
        i if i < MIGRATIONS.len() => Some(MIGRATIONS[i].to_string()),
        // 6: whole-store counts (see [`ROLLUPS`]).
        5 => Some(rollups_sql()),
        6 => Some(ORDERED_INDEXES.to_string()),
        7 => Some(DYADS_BY_COUNT.to_string()),
        8 => Some(ROLLUPS[FIRST_ROLLUPS..].iter().map(Rollup::create).collect()),
        _ => None,
    }
}

/// Migration 7: each column an event list filters on is indexed with the day after it, so the
/// events of one value come out latest first straight from the index (`query::Branch`): a list
/// reads its 100 rows, not every event of the value.
const ORDERED_INDEXES: &str = r#"
CREATE INDEX events_source_day ON events (source_id, day_lo);
DROP INDEX events_target;
CREATE INDEX events_target_day ON events (target_id, day_lo, quad_class);
DROP INDEX events_source_code;
CREATE INDEX events_source_code_day ON events (source_code, day_lo);
DROP INDEX events_target_code;
CREATE INDEX events_target_code_day ON events (target_code, day_lo);
DROP INDEX events_source_country;
CREATE INDEX events_source_country_day ON events (source_country, day_lo);
DROP INDEX events_target_country;
CREATE INDEX events_target_country_day ON events (target_country, day_lo);
DROP INDEX events_country;
CREATE INDEX events_country_day ON events (country, day_lo);
DROP INDEX events_place;
CREATE INDEX events_place_day ON events (place_id, day_lo);
DROP INDEX events_plover;
CREATE INDEX events_plover_day ON events (plover_event, day_lo);
DROP INDEX events_cameo;
CREATE INDEX events_cameo_day ON events (cameo, day_lo);
CREATE INDEX places_lat_lon ON places (lat, lon);
-- the words filter goes between sentences and events without reading the mentions' records
DROP INDEX mentions_sentence;
CREATE INDEX mentions_sentence_event ON mentions (sentence_id, event_id);
DROP INDEX mentions_event;
CREATE INDEX mentions_event_sentence ON mentions (event_id, sentence_id);
"#;

/// Migration 8: the dyads ranked by their count, so that the whole store's network reads its
/// top rows from the index instead of sorting every pair of actors ever seen together.
const DYADS_BY_COUNT: &str = "CREATE INDEX rollup_dyads_events ON rollup_dyads (events DESC);";

/// The version a database has after every migration this build knows.
pub fn latest() -> i64 {
    MIGRATIONS.len() as i64 + 4
}

/// A count of events by a key, so that a timeline, network, map or actor table over the whole
/// store reads thousands of rows, not millions. It is kept current in two steps: a write notes
/// each event it inserts, changes or deletes, with the values the event had before
/// (`ingest::touch`, into two temporary tables), and each write transaction folds the changes in
/// before it commits ([`fold_rollups`]): the old values taken away, the new ones added, each
/// rollup row written once a batch. (Triggers would do it per row, and SQLite journals every
/// statement a trigger rides on: ingest was a fifth slower.) Expressions are over the row `{r}`.
pub struct Rollup {
    pub table: &'static str,
    /// Key columns: name, type, expression.
    pub key: &'static [(&'static str, &'static str, &'static str)],
    /// Which events count.
    pub when: &'static str,
    /// Summed columns (integers): name, expression.
    pub sums: &'static [(&'static str, &'static str)],
    /// The event columns the key, condition and sums read: an update that changes none of them
    /// leaves the rollup alone.
    pub reads: &'static [&'static str],
}

const COOPERATION: &str = "{r}.quad_class IN (1, 2)";
const CONFLICT: &str = "{r}.quad_class IN (3, 4)";
const DEAD: &str = "COALESCE({r}.fatalities, 0)";
/// Goldstein scores have one decimal: summed in tenths, the sums stay exact under removal.
const GOLDSTEIN_TENTHS: &str = "CAST(ROUND({r}.goldstein * 10) AS INTEGER)";

/// Every rollup the store keeps.
pub const ROLLUPS: &[Rollup] = &[
    Rollup {
        table: "rollup_days",
        key: &[
            ("day_lo", "INTEGER", "{r}.day_lo"),
            ("day_hi", "INTEGER", "COALESCE({r}.day_hi, {r}.day_lo)"),
            ("quad_class", "INTEGER", "{r}.quad_class"),
        ],
        when: "{r}.day_lo IS NOT NULL",
        sums: &[("events", "1"), ("fatalities", DEAD), ("goldstein_tenths", GOLDSTEIN_TENTHS)],
        reads: &["day_lo", "day_hi", "quad_class", "fatalities", "goldstein"],
    },
    Rollup {
        table: "rollup_dyads",
        key: &[("source_id", "INTEGER", "{r}.source_id"), ("target_id", "INTEGER", "{r}.target_id")],
        when: "{r}.source_id IS NOT NULL AND {r}.target_id IS NOT NULL",
        sums: &[
            ("events", "1"),
            ("cooperation", COOPERATION),
            ("conflict", CONFLICT),
            ("goldstein_tenths", GOLDSTEIN_TENTHS),
            ("fatalities", DEAD),
        ],
        reads: &["source_id", "target_id", "quad_class", "goldstein", "fatalities"],
    },
    Rollup {
        table: "rollup_sources",
        key: &[("actor_id", "INTEGER", "{r}.source_id")],
        when: "{r}.source_id IS NOT NULL",
        sums: &[("events", "1"), ("cooperation", COOPERATION), ("conflict", CONFLICT)],
        reads: &["source_id", "quad_class"],
    },
    Rollup {
        table: "rollup_targets",
        key: &[("actor_id", "INTEGER", "{r}.target_id")],
        when: "{r}.target_id IS NOT NULL",
        sums: &[("events", "1"), ("cooperation", COOPERATION), ("conflict", CONFLICT)],
        reads: &["target_id", "quad_class"],
    },
    Rollup {
        table: "rollup_source_roots",
        key: &[("actor_id", "INTEGER", "{r}.source_id"), ("cameo_root", "TEXT", "{r}.cameo_root")],
        when: "{r}.source_id IS NOT NULL",
        sums: &[("events", "1")],
        reads: &["source_id", "cameo_root"],
    },
    Rollup {
        table: "rollup_places",
        key: &[("place_id", "INTEGER", "{r}.place_id")],
        when: "{r}.place_id IS NOT NULL",
        sums: &[("events", "1"), ("fatalities", DEAD), ("cooperation", COOPERATION), ("conflict", CONFLICT)],
        reads: &["place_id", "quad_class", "fatalities"],
    },
    // (migration 9) the countries on each side and where: the store's countries by how often
    // they appear, for the dashboard's choice of country, without reading every event
    Rollup {
        table: "rollup_source_countries",
        key: &[("country", "TEXT", "{r}.source_country")],
        when: "{r}.source_country IS NOT NULL",
        sums: &[("events", "1")],
        reads: &["source_country"],
    },
    Rollup {
        table: "rollup_target_countries",
        key: &[("country", "TEXT", "{r}.target_country")],
        when: "{r}.target_country IS NOT NULL",
        sums: &[("events", "1")],
        reads: &["target_country"],
    },
    Rollup {
        table: "rollup_place_countries",
        key: &[("country", "TEXT", "{r}.country")],
        when: "{r}.country IS NOT NULL",
        sums: &[("events", "1")],
        reads: &["country"],
    },
];

/// How many of [`ROLLUPS`] migration 6 made; the others came with migration 9.
const FIRST_ROLLUPS: usize = 6;

impl Rollup {
    fn keys(&self) -> Vec<&'static str> {
        self.key.iter().map(|k| k.0).collect()
    }

    fn columns(&self) -> Vec<&'static str> {
        self.keys().into_iter().chain(self.sums.iter().map(|s| s.0)).collect()
    }

    /// The key and summed expressions over the row `row`, the sums negated for `sign` -1.
    fn values(&self, row: &str, sign: i32) -> Vec<String> {
        let r = |e: &str| e.replace("{r}", row);
        let sum = |e: &str| if sign < 0 { format!("-({})", r(e)) } else { r(e) };
        self.key.iter().map(|k| r(k.2)).chain(self.sums.iter().map(|s| sum(s.1))).collect()
    }

    /// The table, filled from the events stored (migration 6).
    fn create(&self) -> String {
        let columns: Vec<String> = self
            .key
            .iter()
            .map(|k| format!("{} {} NOT NULL", k.0, k.1))
            .chain(self.sums.iter().map(|s| format!("{} INTEGER NOT NULL", s.0)))
            .collect();
        let values = self.values("e", 1);
        let (keys, sums) = values.split_at(self.key.len());
        let sums: Vec<String> = sums.iter().map(|s| format!("SUM({s})")).collect();
        format!(
            "CREATE TABLE {t} ({}, PRIMARY KEY ({})) WITHOUT ROWID;
             INSERT INTO {t} SELECT {}, {} FROM events e WHERE {} GROUP BY {};\n",
            columns.join(", "),
            self.keys().join(", "),
            keys.join(", "),
            sums.join(", "),
            self.when.replace("{r}", "e"),
            keys.join(", "),
            t = self.table,
        )
    }

    /// Folds the batch's changes in: the old values of the events it touched taken away, the
    /// current values of those that remain added.
    fn fold(&self) -> [String; 2] {
        let sets: Vec<String> = self.sums.iter().map(|s| format!("{0} = {0} + excluded.{0}", s.0)).collect();
        let change = |from: &str, which: &str, sign: i32| {
            let values = self.values("e", sign);
            let (keys, sums) = values.split_at(self.key.len());
            let sums: Vec<String> = sums.iter().map(|s| format!("SUM({s})")).collect();
            format!(
                "INSERT INTO main.{} ({}) SELECT {}, {} FROM {from} e WHERE {which} {} GROUP BY {}
                 ON CONFLICT ({}) DO UPDATE SET {}",
                self.table,
                self.columns().join(", "),
                keys.join(", "),
                sums.join(", "),
                self.when.replace("{r}", "e"),
                keys.join(", "),
                self.keys().join(", "),
                sets.join(", "),
            )
        };
        [change("temp.rollup_old", "", -1), change("main.events", "e.id IN temp.rollup_touched AND", 1)]
    }
}

/// The event columns some rollup reads.
pub fn rollup_reads() -> Vec<&'static str> {
    let mut cols: Vec<&'static str> = ROLLUPS.iter().flat_map(|r| r.reads.iter().copied()).collect();
    cols.sort_unstable();
    cols.dedup();
    cols
}

/// The writing connection's two temporary tables: the events a transaction touched, and the
/// values they had before it.
pub fn rollup_tables() -> String {
    format!(
        "CREATE TEMP TABLE IF NOT EXISTS rollup_touched (id INTEGER PRIMARY KEY);
         CREATE TEMP TABLE IF NOT EXISTS rollup_old (id INTEGER PRIMARY KEY, {});",
        rollup_reads().join(", ")
    )
}

/// Folds the transaction's changes into every rollup; each write transaction runs these
/// statements, in order, before it commits (each prepared once a connection: they are the same
/// every batch).
pub fn fold_rollups() -> &'static [String] {
    static SQL: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    SQL.get_or_init(|| {
        ROLLUPS
            .iter()
            .flat_map(Rollup::fold)
            .chain(["DELETE FROM temp.rollup_old".to_string(), "DELETE FROM temp.rollup_touched".to_string()])
            .collect()
    })
}

/// Runs [`fold_rollups`] in a write transaction.
pub fn fold(tx: &rusqlite::Transaction) -> rusqlite::Result<()> {
    for sql in fold_rollups() {
        tx.prepare_cached(sql)?.execute([])?;
    }
    Ok(())
}

/// Migration 6: the first rollups, filled.
fn rollups_sql() -> String {
    ROLLUPS[..FIRST_ROLLUPS].iter().map(Rollup::create).collect()
}

/// The version recorded in the file.
pub fn version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
}

/// Applies the migrations a database lacks; returns the versions before and after.
pub fn migrate(conn: &mut Connection) -> Result<(i64, i64), crate::StoreError> {
    let from = version(conn)?;
    if from > latest() {
        return Err(crate::StoreError::TooNew { found: from, known: latest() });
    }
    for i in from as usize..latest() as usize {
        let sql = migration(i).expect("every version up to latest() has its migration");
        let tx = conn.transaction()?;
        tx.execute_batch(&sql)?;
        tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        tx.commit()?;
    }
    Ok((from, latest()))
}
