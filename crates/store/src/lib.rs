//! # palaver-store
//!
//! The embedded event store: one SQLite file (rusqlite, SQLite compiled in) holding articles, the
//! sentences events were read from, events, their mentions, actors and places. Coding stays in
//! palaver-core; this crate only keeps and answers:
//!
//! - [`schema`]: the tables, as versioned migrations;
//! - [`dedup`]: when two coded records are one event (the rule, documented and tested);
//! - [`ingest`]: writing coded articles in batches, idempotently, and re-coding them;
//! - [`fts`]: the words filter, read from what people type into a query FTS5 always accepts;
//! - [`query`]: filters, event lists, timelines, dyad networks and actor tables;
//! - `parquet` (cargo feature `parquet`): month-partitioned Parquet export.

pub mod dedup;
pub mod fts;
pub mod ingest;
#[cfg(feature = "parquet")]
pub mod parquet;
pub mod process;
pub mod query;
pub mod schema;

use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use std::time::Duration;

pub use ingest::{ArticleOutcome, Coder};
pub use query::{Filter, StoredEvent};

/// How long a writer waits for another process's lock before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// What can go wrong with a store, said so that a user knows what to do.
#[derive(Debug)]
pub enum StoreError {
    /// The file is not a SQLite database, or it is damaged.
    NotADatabase(PathBuf),
    /// A SQLite database, but not one of palaver's.
    Foreign(PathBuf),
    /// Made by a newer palaver.
    TooNew {
        found: i64,
        known: i64,
    },
    /// No store at this path (for commands that only read).
    Missing(PathBuf),
    /// Another process holds the lock.
    Locked(PathBuf),
    /// The disk (or the database's size limit) is full; the batch was rolled back.
    Full(PathBuf),
    /// A parameter that cannot be used (a bad date, an FTS query SQLite rejects, ...).
    BadQuery(String),
    /// A stored record that cannot be read back.
    Corrupt(String),
    Sqlite(rusqlite::Error),
    Io(std::io::Error),
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::NotADatabase(p) => {
                write!(f, "{}: not a SQLite database, or the file is damaged; nothing was changed", p.display())
            }
            StoreError::Foreign(p) => write!(f, "{}: a SQLite database, but not a palaver store", p.display()),
            StoreError::TooNew { found, known } => write!(
                f,
                "the store has schema version {found}, newer than this palaver knows ({known}): use a newer palaver"
            ),
            StoreError::Missing(p) => write!(f, "{}: no such store (create one with palaver ingest)", p.display()),
            StoreError::Locked(p) => write!(
                f,
                "{}: the store is locked by another process (waited {} s); try again when it is done",
                p.display(),
                BUSY_TIMEOUT.as_secs()
            ),
            StoreError::Full(p) => write!(
                f,
                "{}: the disk is full; the batch being written was rolled back, everything before it is kept",
                p.display()
            ),
            StoreError::BadQuery(m) => write!(f, "{m}"),
            StoreError::Corrupt(m) => write!(f, "damaged record in the store: {m}"),
            StoreError::Sqlite(e) => write!(f, "SQLite: {e}"),
            StoreError::Io(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for StoreError {}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::Sqlite(e)
    }
}

impl From<std::io::Error> for StoreError {
    fn from(e: std::io::Error) -> Self {
        StoreError::Io(e)
    }
}

/// Result of store operations.
pub type Result<T> = std::result::Result<T, StoreError>;

/// An open store.
pub struct Store {
    pub(crate) conn: Connection,
    pub(crate) path: PathBuf,
}

impl Store {
    /// Opens a store for writing, creating it or bringing its schema up to date.
    pub fn open(path: &Path) -> Result<Store> {
        let conn = Connection::open(path).map_err(|e| classify(e, path))?;
        let mut store = Store { conn, path: path.to_path_buf() };
        store.configure(true).map_err(|e| store.explain(e))?;
        store.check_is_palaver()?;
        schema::migrate(&mut store.conn).map_err(|e| store.explain(e))?;
        store.conn.execute_batch(&schema::rollup_tables()).map_err(|e| store.explain(e.into()))?;
        let version = env!("CARGO_PKG_VERSION");
        store
            .conn
            .execute(
                "INSERT INTO meta (key, value) VALUES ('created_by', ?1) ON CONFLICT (key) DO NOTHING",
                [format!("palaver {version}")],
            )
            .map_err(|e| store.explain(e.into()))?;
        Ok(store)
    }

    /// Opens an existing store to read; nothing done through it can change the file.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        if !path.exists() {
            return Err(StoreError::Missing(path.to_path_buf()));
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| classify(e, path))?;
        let store = Store { conn, path: path.to_path_buf() };
        store.conn.busy_timeout(BUSY_TIMEOUT)?;
        store.check_is_palaver()?;
        store.conn.pragma_update(None, "cache_size", -65536).map_err(|e| classify(e, path))?;
        let v = schema::version(&store.conn).map_err(|e| store.explain(e.into()))?;
        if v > schema::latest() {
            return Err(StoreError::TooNew { found: v, known: schema::latest() });
        }
        if v < schema::latest() {
            return Err(StoreError::BadQuery(format!(
                "{}: the store has schema version {v}; open it once for writing (palaver ingest) to upgrade it",
                path.display()
            )));
        }
        Ok(store)
    }

    fn configure(&self, write: bool) -> Result<()> {
        self.conn.busy_timeout(BUSY_TIMEOUT)?;
        if write {
            // WAL: readers (the dashboard) go on while a batch is written; a crash loses at most the
            // batch in flight. synchronous=NORMAL is durable at each checkpoint in WAL mode.
            self.conn.pragma_update(None, "journal_mode", "WAL")?;
            self.conn.pragma_update(None, "synchronous", "NORMAL")?;
            self.conn.pragma_update(None, "foreign_keys", "ON")?;
            // 1 GiB of page cache at most (used as a store grows): the events table's indexes are
            // written on every insert, and past the cache each insert reads its pages back.
            self.conn.pragma_update(None, "cache_size", -1_048_576)?;
            // The rollups' deltas (temporary tables) stay in memory, never in a file.
            self.conn.pragma_update(None, "temp_store", "MEMORY")?;
            // Plans that do not look at bound values: otherwise, once `PRAGMA optimize` has
            // sampled the indexes (STAT4), every bind of the dedup look-up's day range expires
            // the cached statement and each execution prepares it again.
            self.conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
        }
        Ok(())
    }

    /// A database with tables but no palaver schema is someone else's: refuse to touch it.
    fn check_is_palaver(&self) -> Result<()> {
        let tables: i64 = self
            .conn
            .query_row("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'", [], |r| r.get(0))
            .map_err(|e| self.explain(e.into()))?;
        let ours: i64 = self
            .conn
            .query_row("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'", [], |r| r.get(0))
            .map_err(|e| self.explain(e.into()))?;
        if tables > 0 && ours == 0 {
            return Err(StoreError::Foreign(self.path.clone()));
        }
        Ok(())
    }

    /// Turns SQLite's error codes into messages about this file.
    pub(crate) fn explain(&self, e: StoreError) -> StoreError {
        match e {
            StoreError::Sqlite(e) => classify(e, &self.path),
            other => other,
        }
    }

    /// The path of the database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Schema version of the file.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(schema::version(&self.conn)?)
    }

    /// The underlying connection, for tests and tools that need SQL.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// How many articles, events, mentions, actors and places the store holds.
    pub fn counts(&self) -> Result<Counts> {
        let n = |table: &str| -> Result<u64> {
            self.conn
                .query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get::<_, i64>(0))
                .map(|v| v as u64)
                .map_err(|e| self.explain(e.into()))
        };
        Ok(Counts {
            articles: n("articles")?,
            events: n("events")?,
            mentions: n("mentions")?,
            actors: n("actors")?,
            places: n("places")?,
        })
    }
}

/// Sizes of a store's tables.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    pub articles: u64,
    pub events: u64,
    pub mentions: u64,
    pub actors: u64,
    pub places: u64,
}

fn classify(e: rusqlite::Error, path: &Path) -> StoreError {
    use rusqlite::ErrorCode as C;
    match e.sqlite_error_code() {
        Some(C::NotADatabase) | Some(C::DatabaseCorrupt) => StoreError::NotADatabase(path.to_path_buf()),
        Some(C::DatabaseBusy) | Some(C::DatabaseLocked) => StoreError::Locked(path.to_path_buf()),
        Some(C::DiskFull) => StoreError::Full(path.to_path_buf()),
        Some(C::CannotOpen) => StoreError::Io(std::io::Error::other(format!("{}: cannot open: {e}", path.display()))),
        _ => StoreError::Sqlite(e),
    }
}
