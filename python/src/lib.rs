//! palaver for Python: palaver-core's coding engine as the native module `palaver._palaver`,
//! which the pure-Python package `palaver` (`python/palaver/__init__.py`) wraps.
//!
//! Event records cross into Python as the dicts `json.loads` makes of what `palaver code --format
//! jsonl` prints: [`topy`] builds them from the same `Serialize` implementations serde_json prints,
//! so they are that contract by construction, with its keys in its order. Coding runs with the GIL
//! released, on the calling thread (`Engine.code`) or on a rayon pool (`Engine.code_many`).

mod topy;

use palaver_core::{Article, CodedArticle, Event, Options};
use palaver_lexicon::config::DictConfig;
use palaver_lexicon::gazetteer::Gazetteer;
use palaver_lexicon::Lexicon;
use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyTypeError, PyUserWarning, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyFloat, PyInt, PyIterator, PyList, PyString};
use rayon::prelude::*;
use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Records coded together, with the GIL released, between two visits to the Python iterable.
const BATCH: usize = 512;

create_exception!(
    palaver,
    PalaverError,
    PyException,
    "Something palaver could not do: a configuration or dictionary it could not read, a bad argument."
);
create_exception!(
    palaver,
    RecordError,
    PalaverError,
    "A record that could not be coded. Attributes: `index` (its 0-based position among the records), \
     `id` (its id, or None), `record` (the record itself) and `reason`."
);
create_exception!(
    palaver,
    PalaverWarning,
    PyUserWarning,
    "A problem that did not stop coding: an unreadable date, a skipped dictionary line, a record skipped \
     with errors=\"warn\"."
);

/// The error's message with its causes, as `palaver` prints them (`cannot read x: No such file`).
fn chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        s.push_str(": ");
        s.push_str(&c.to_string());
        cause = c.source();
    }
    s
}

/// Builds an engine: palaver's compiled-in dictionaries, or those a TOML configuration names, and
/// a user's GeoNames dump. Returns the lines of other people's files that could not be read.
fn load(
    config: Option<&Path>,
    gazetteer: Option<&Path>,
    mut options: Options,
) -> Result<(palaver_core::Engine, Vec<String>), String> {
    let (lexicon, errors) = match config {
        None => Lexicon::embedded(),
        Some(p) => {
            let c = DictConfig::read(p).map_err(|e| chain(&e))?;
            // the configuration's `[places] countries`, as the command line reads it
            if options.countries.is_none() {
                options.countries = c.places.countries.clone();
            }
            c.build().map_err(|e| chain(&e))?
        }
    };
    let mut warnings: Vec<String> = errors.iter().map(ToString::to_string).collect();
    if config.is_none() && !warnings.is_empty() {
        return Err(format!("palaver's own dictionaries have unreadable lines: {}", warnings.join("; ")));
    }
    // French is coded with palaver's own French dictionaries, whatever the English ones are
    let (mut engine, french) = palaver_core::Engine::new(Arc::new(lexicon), options).with_french();
    if !french.is_empty() {
        return Err(format!(
            "palaver's French dictionaries have unreadable lines: {:?}",
            french.iter().map(ToString::to_string).collect::<Vec<_>>()
        ));
    }
    if let Some(path) = gazetteer {
        let text =
            std::fs::read_to_string(path).map_err(|e| format!("cannot read gazetteer {}: {e}", path.display()))?;
        let (g, errors) = Gazetteer::from_geonames_dump(&text, Gazetteer::embedded());
        warnings.extend(errors.iter().map(|e| format!("{}:{e}", path.display())));
        if g.places.is_empty() {
            return Err(format!("{}: no populated place (feature class P) in this GeoNames dump", path.display()));
        }
        engine = engine.with_gazetteer(Arc::new(g));
    }
    Ok((engine, warnings))
}

/// Codes one article, turning a panic (a bug: palaver-core is fuzzed not to) into a reason.
fn code_safely(worker: &mut palaver_core::Worker<'_>, article: &Article) -> Result<CodedArticle, String> {
    catch_unwind(AssertUnwindSafe(|| worker.code(article))).map_err(|payload| {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into());
        format!("internal error while coding (please report it with the record): {what}")
    })
}

/// Appends events to a list as dicts.
fn push_events(py: Python<'_>, list: &Bound<'_, PyList>, events: &[Event]) -> PyResult<()> {
    for e in events {
        let dict = topy::to_py(py, e).map_err(|e| PalaverError::new_err(format!("an event as a dict: {e}")))?;
        list.append(dict)?;
    }
    Ok(())
}

fn warn(py: Python<'_>, message: &str) -> PyResult<()> {
    let category = py.get_type::<PalaverWarning>();
    PyErr::warn(py, &category, &std::ffi::CString::new(message.replace('\0', " "))?, 1)
}

/// Thread pools by size, shared by every engine of the process.
fn pool(threads: Option<usize>) -> PyResult<Arc<rayon::ThreadPool>> {
    static POOLS: Mutex<Option<HashMap<usize, Arc<rayon::ThreadPool>>>> = Mutex::new(None);
    let n = threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    if n == 0 {
        return Err(PyValueError::new_err("threads must be at least 1"));
    }
    let mut pools = POOLS.lock().unwrap_or_else(|e| e.into_inner());
    let pools = pools.get_or_insert_with(HashMap::new);
    if let Some(p) = pools.get(&n) {
        return Ok(p.clone());
    }
    let p = rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .thread_name(|i| format!("palaver-{i}"))
        .build()
        .map_err(|e| PalaverError::new_err(format!("cannot start {n} threads: {e}")))?;
    let p = Arc::new(p);
    pools.insert(n, p.clone());
    Ok(p)
}

fn check_lang(lang: Option<&str>) -> PyResult<()> {
    match lang {
        None | Some("en") => Ok(()),
        Some(other) => {
            Err(PyValueError::new_err(format!("lang={other:?}: palaver codes English text (lang=None or \"en\")")))
        }
    }
}

/// A date given as a string, or as anything with an `isoformat()` (datetime.date, datetime,
/// pandas.Timestamp).
fn date_string(value: &Bound<'_, PyAny>) -> Result<Option<String>, String> {
    if value.is_none() || value.cast::<PyFloat>().is_ok_and(|f| f.value().is_nan()) {
        return Ok(None);
    }
    if let Ok(s) = value.cast::<PyString>() {
        return s.to_str().map(|s| Some(s.to_string())).map_err(|e| format!("date is not valid Unicode ({e})"));
    }
    if value.hasattr("isoformat").unwrap_or(false) {
        if let Ok(s) = value.call_method0("isoformat").and_then(|s| s.extract::<String>()) {
            return Ok(Some(s));
        }
    }
    Err(format!("date must be a string (YYYY-MM-DD) or a date, not {}", type_name(value)))
}

fn type_name(value: &Bound<'_, PyAny>) -> String {
    value.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "?".into())
}

/// Whether a date is one palaver reads: `YYYY-MM-DD`, possibly followed by a time.
fn valid_date(date: &str) -> bool {
    date.get(..10).and_then(palaver_lexicon::parse_day).is_some()
}

/// One field of a record: None when absent, null or NaN (pandas' missing value).
fn field<'py>(record: &Bound<'py, PyAny>, key: &str) -> Result<Option<Bound<'py, PyAny>>, String> {
    let value = match record.cast::<PyDict>() {
        Ok(d) => d.get_item(key).map_err(|e| e.to_string())?,
        Err(_) => Some(record.call_method1("get", (key,)).map_err(|e| e.to_string())?),
    };
    Ok(value.filter(|v| !v.is_none() && !v.cast::<PyFloat>().is_ok_and(|f| f.value().is_nan())))
}

/// A string field: a Python str (an id may also be a number, as in palaver's JSONL).
fn string_field(record: &Bound<'_, PyAny>, key: &str) -> Result<Option<String>, String> {
    let Some(value) = field(record, key)? else { return Ok(None) };
    if let Ok(s) = value.cast::<PyString>() {
        return s
            .to_str()
            .map(|s| Some(s.to_string()))
            .map_err(|_| format!("field {key:?} is not valid Unicode (it holds a lone surrogate): record not coded"));
    }
    let number = (value.cast::<PyInt>().is_ok() || value.cast::<PyFloat>().is_ok())
        && !value.is_instance_of::<pyo3::types::PyBool>();
    if key == "id" && number {
        return Ok(Some(value.str().map_err(|e| e.to_string())?.to_string()));
    }
    Err(format!("field {key:?} must be a string, not {}: record not coded", type_name(&value)))
}

/// A record (a dict, or any mapping with `.get`) as an article; the reason it cannot be one.
/// Records without an id are named `line<N>` (N counted from 1), as `palaver code` names JSONL
/// records without one.
fn article_of(record: &Bound<'_, PyAny>, index: usize) -> Result<Article, String> {
    if record.cast::<PyDict>().is_err() && !record.hasattr("get").unwrap_or(false) {
        return Err(format!(
            "a record must be a dict with \"text\" (and \"id\", \"date\" where known), not {}: record not coded",
            type_name(record)
        ));
    }
    let text = string_field(record, "text")?.ok_or_else(|| "no \"text\" field: record not coded".to_string())?;
    let id = string_field(record, "id")?.unwrap_or_else(|| format!("line{}", index + 1));
    let date = match field(record, "date")? {
        None => None,
        Some(v) => date_string(&v).map_err(|e| format!("field \"date\": {e}: record not coded"))?,
    };
    Ok(Article {
        id,
        text,
        date,
        title: string_field(record, "title")?,
        source: string_field(record, "source")?,
        url: string_field(record, "url")?,
        lang: string_field(record, "lang")?,
    })
}

/// A `RecordError` carrying the record, its position, its id and the reason.
fn record_error(py: Python<'_>, index: usize, record: &Bound<'_, PyAny>, id: Option<&str>, reason: &str) -> PyErr {
    let message = match id {
        Some(id) => format!("record {index} (id {id:?}): {reason}"),
        None => format!("record {index}: {reason}"),
    };
    let err = RecordError::new_err(message);
    let value = err.value(py);
    let set = || -> PyResult<()> {
        value.setattr("index", index)?;
        value.setattr("id", id)?;
        value.setattr("record", record)?;
        value.setattr("reason", reason)
    };
    match set() {
        Ok(()) => err,
        Err(e) => e,
    }
}

/// The id of a record, if it has a readable one (for messages about it).
fn record_id(record: &Bound<'_, PyAny>) -> Option<String> {
    string_field(record, "id").ok().flatten()
}

/// palaver's coding engine: dictionaries loaded once, shared by any number of threads.
///
/// `Engine(config=None, *, keep_negated=False, implied_sources=True, gazetteer=None)`
///
/// - `config`: a TOML file naming the dictionaries to code with (palaver's own and/or PETRARCH's,
///   as `palaver code --config`); None for palaver's compiled-in dictionaries.
/// - `keep_negated`: also return events whose verb is negated ("did not attack"), marked
///   `"negated": True`.
/// - `implied_sources`: give violence that names no author an implied source (the other side of
///   a fight just reported, a claimant, an unidentified armed group); False leaves it without
///   one, as PETRARCH does (`palaver code --no-implied-sources`).
/// - `gazetteer`: a GeoNames dump (MLI.txt, allCountries.txt) searched beside the built-in
///   gazetteer.
///
/// Coding releases the GIL: several Python threads may call `code` on one engine at once, and
/// `code_many` codes on a pool of native threads.
#[pyclass(frozen, module = "palaver")]
struct Engine {
    inner: Arc<palaver_core::Engine>,
    config: Option<PathBuf>,
    warnings: Vec<String>,
}

#[pymethods]
impl Engine {
    #[new]
    #[pyo3(signature = (config=None, *, keep_negated=false, implied_sources=true, gazetteer=None))]
    fn new(
        py: Python<'_>,
        config: Option<PathBuf>,
        keep_negated: bool,
        implied_sources: bool,
        gazetteer: Option<PathBuf>,
    ) -> PyResult<Self> {
        let options = Options { keep_negated, no_implied_perpetrators: !implied_sources, ..Options::default() };
        let (engine, warnings) =
            py.detach(|| load(config.as_deref(), gazetteer.as_deref(), options)).map_err(PalaverError::new_err)?;
        if let Some(first) = warnings.first() {
            let n = warnings.len();
            warn(py, &format!("{n} dictionary or gazetteer line(s) could not be read and were skipped (the first: {first}); all are in Engine.dictionary_warnings"))?;
        }
        Ok(Engine { inner: Arc::new(engine), config, warnings })
    }

    /// Codes one article's text; returns its events, each a dict as `palaver code` prints it.
    ///
    /// `date`: the article's date, "YYYY-MM-DD" (a time after it is ignored) or a datetime.date,
    /// against which "on Monday" and "in March" are read; None leaves relative dates unresolved.
    /// `lang`: None or "en" (palaver codes English). `id`: the document id events are named by
    /// (`doc_id`, and `event_id` = "id:sentence:n").
    #[pyo3(signature = (text, date=None, lang=None, *, id="doc"))]
    fn code<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
        date: Option<&Bound<'py, PyAny>>,
        lang: Option<&str>,
        id: &str,
    ) -> PyResult<Bound<'py, PyList>> {
        check_lang(lang)?;
        let text = match text.cast::<PyString>() {
            Ok(s) => s
                .to_str()
                .map_err(|_| PyValueError::new_err("text is not valid Unicode (it holds a lone surrogate)"))?,
            Err(_) => return Err(PyTypeError::new_err(format!("text must be a str, not {}", type_name(text)))),
        };
        let date = match date {
            None => None,
            Some(d) => date_string(d).map_err(PyTypeError::new_err)?,
        };
        if let Some(d) = date.as_deref().filter(|d| !valid_date(d)) {
            return Err(PyValueError::new_err(format!("date {d:?} is not a YYYY-MM-DD date")));
        }
        let article = Article { id: id.to_string(), text: text.to_string(), date, ..Article::default() };
        let engine = &self.inner;
        let coded = py.detach(|| code_safely(&mut engine.worker(), &article)).map_err(PalaverError::new_err)?;
        let list = PyList::empty(py);
        push_events(py, &list, &coded.events)?;
        Ok(list)
    }

    /// Codes records (dicts with "text", and "id" and "date" where known; "title", "source" and
    /// "url" are kept), `threads` native threads at a time (default: every core), and yields
    /// their events in record order, each a dict as `palaver code` prints it.
    ///
    /// The records are read lazily, a batch of 512 at a time, so an iterable of any length
    /// streams. A record that cannot be coded (not a dict, no text, a field of the wrong type)
    /// raises `RecordError` (its `index`, `id`, `record` and `reason`) after the events of the
    /// records before it, with errors="raise" (the default); errors="warn" issues a
    /// `PalaverWarning` for it and codes the rest. A record without an id is named
    /// "line<N>", its position counted from 1, as `palaver code` names a JSONL record.
    #[pyo3(signature = (records, threads=None, errors="raise"))]
    fn code_many(&self, records: &Bound<'_, PyAny>, threads: Option<usize>, errors: &str) -> PyResult<EventStream> {
        let raise = match errors {
            "raise" => true,
            "warn" => false,
            other => {
                return Err(PyValueError::new_err(format!("errors={other:?}: give \"raise\" or \"warn\"")));
            }
        };
        let pool = pool(threads)?;
        let records = records.try_iter().map_err(|_| {
            PyTypeError::new_err(format!("records must be an iterable of dicts, not {}", type_name(records)))
        })?;
        Ok(EventStream {
            engine: self.inner.clone(),
            pool,
            raise,
            records: Some(records.unbind()),
            index: 0,
            events: None,
            next: 0,
            error: None,
        })
    }

    /// The TOML configuration the engine was built from, or None for palaver's own dictionaries.
    #[getter]
    fn config(&self) -> Option<String> {
        self.config.as_ref().map(|c| c.display().to_string())
    }

    /// Lines of the configured dictionaries (or gazetteer) that could not be read and were
    /// skipped, each as "file:line: what was wrong".
    #[getter]
    fn dictionary_warnings(&self) -> Vec<String> {
        self.warnings.clone()
    }

    fn __repr__(&self) -> String {
        match &self.config {
            Some(c) => format!("palaver.Engine(config={:?})", c.display().to_string()),
            None => "palaver.Engine()".into(),
        }
    }
}

/// The events of `Engine.code_many`, yielded in record order as each batch is coded. Like a
/// generator, it is used by one thread at a time: a second `next()` while one runs raises.
#[pyclass(module = "palaver")]
struct EventStream {
    engine: Arc<palaver_core::Engine>,
    pool: Arc<rayon::ThreadPool>,
    /// Raise at a bad record (errors="raise"), else warn and go on.
    raise: bool,
    /// The records still to read; None once they are all read (or one failed).
    records: Option<Py<PyIterator>>,
    /// The position of the next record.
    index: usize,
    /// The events of the last batch, and the next one to yield.
    events: Option<Py<PyList>>,
    next: usize,
    /// An error to raise once the events before it are yielded.
    error: Option<PyErr>,
}

/// One record of a batch: its position, its id, and the record (kept for errors).
type Read = (usize, Option<String>, Py<PyAny>);

impl EventStream {
    /// Stops reading records; `error` is raised once the events before it are yielded.
    fn stop(&mut self, error: Option<PyErr>) {
        self.records = None;
        if self.error.is_none() {
            self.error = error;
        }
    }

    /// Reads the next batch of records into articles; bad records raise or warn.
    fn read_batch(&mut self, py: Python<'_>) -> PyResult<(Vec<Article>, Vec<Read>)> {
        let mut articles: Vec<Article> = Vec::with_capacity(BATCH);
        let mut read: Vec<Read> = Vec::with_capacity(BATCH);
        let Some(mut records) = self.records.as_ref().map(|r| r.bind(py).clone()) else { return Ok((articles, read)) };
        while articles.len() < BATCH {
            let record = match records.next() {
                None => {
                    self.stop(None);
                    break;
                }
                Some(Err(e)) => {
                    self.stop(Some(e));
                    break;
                }
                Some(Ok(r)) => r,
            };
            let index = self.index;
            self.index += 1;
            match article_of(&record, index) {
                Ok(a) => {
                    read.push((index, Some(a.id.clone()), record.unbind()));
                    articles.push(a);
                }
                Err(reason) => {
                    let err = record_error(py, index, &record, record_id(&record).as_deref(), &reason);
                    if self.raise {
                        self.stop(Some(err));
                        break;
                    }
                    warn(py, &err.value(py).to_string())?;
                }
            }
        }
        Ok((articles, read))
    }

    /// Reads the next batch of records, codes it with the GIL released, and leaves its events
    /// in `self.events`.
    fn fill(&mut self, py: Python<'_>) -> PyResult<()> {
        let (articles, read) = self.read_batch(py)?;
        let (engine, pool) = (&self.engine, &self.pool);
        let coded: Vec<Result<CodedArticle, String>> = py.detach(|| {
            pool.install(|| articles.par_iter().map_init(|| engine.worker(), |w, a| code_safely(w, a)).collect())
        });
        let list = PyList::empty(py);
        for ((index, id, record), result) in read.iter().zip(coded) {
            match result {
                Ok(c) => {
                    for w in &c.warnings {
                        warn(py, &format!("record {index} (id {:?}): {w}", id.as_deref().unwrap_or("")))?;
                    }
                    push_events(py, &list, &c.events)?;
                }
                Err(reason) => {
                    let err = record_error(py, *index, record.bind(py), id.as_deref(), &reason);
                    if self.raise {
                        self.stop(Some(err));
                        break;
                    }
                    warn(py, &err.value(py).to_string())?;
                }
            }
        }
        self.events = Some(list.unbind());
        self.next = 0;
        Ok(())
    }
}

#[pymethods]
impl EventStream {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&mut self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        loop {
            if let Some(events) = self.events.as_ref().map(|e| e.bind(py).clone()) {
                if self.next < events.len() {
                    let e = events.get_item(self.next)?;
                    self.next += 1;
                    return Ok(Some(e.unbind()));
                }
                self.events = None;
            }
            if let Some(err) = self.error.take() {
                return Err(err);
            }
            if self.records.is_none() {
                return Ok(None);
            }
            self.fill(py)?;
        }
    }
}

/// The native half of the `palaver` package.
#[pymodule]
fn _palaver(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_class::<Engine>()?;
    m.add_class::<EventStream>()?;
    m.add("PalaverError", py.get_type::<PalaverError>())?;
    m.add("RecordError", py.get_type::<RecordError>())?;
    m.add("PalaverWarning", py.get_type::<PalaverWarning>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
