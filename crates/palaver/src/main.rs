//! palaver: news text in, coded political events out.
//!
//! The command line turns raw arguments into validated settings here, and nowhere else; the
//! coding itself is palaver-core's.

use palaver::{bench, config, eval, ingest, input, pipeline, report, sink, validate};

use anyhow::{bail, Context, Result};
use clap::{Args, Parser, Subcommand, ValueEnum};
use palaver_core::{Engine, Options};
use palaver_lexicon::{DictError, Lexicon};
use palaver_store::{Filter, Store};
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

#[derive(Parser)]
#[command(
    name = "palaver",
    version,
    about = "Code news text into political event data (CAMEO, PLOVER), each event explained"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// One event record (DESIGN.md) per line.
    Jsonl,
    /// Flattened columns with a header.
    Csv,
    /// GDELT 2.0 event export: 61 tab-separated columns.
    Gdelt,
}

/// How the store's answers are printed.
#[derive(Clone, Copy, ValueEnum)]
enum AnswerFormat {
    /// Aligned columns for reading.
    Table,
    /// JSON (one object per line for events).
    Json,
    Csv,
}

/// How events from the store are printed or exported.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum EventFormat {
    Table,
    /// One event record per line, with the store's id and GDELT's counts.
    Jsonl,
    Csv,
    /// GDELT 2.0 event export (61 columns) with NumMentions, NumSources, NumArticles.
    Gdelt,
    /// Apache Parquet, one file per month under the --output folder (month=YYYY-MM/).
    Parquet,
}

/// Which events: every option given must hold.
#[derive(Args, Clone, Default)]
struct FilterArgs {
    /// Either side is this actor: an actor id (jnim) or an actor-code prefix (MLI, FRAGOV).
    #[arg(long)]
    actor: Option<String>,
    /// The source is this actor (id or code prefix).
    #[arg(long)]
    source: Option<String>,
    /// The target is this actor (id or code prefix).
    #[arg(long)]
    target: Option<String>,
    /// Either actor's country or the place's (ISO 3166-1 alpha-3).
    #[arg(long)]
    country: Option<String>,
    /// A CAMEO code or prefix: 19 (a root), 057.
    #[arg(long)]
    cameo: Option<String>,
    /// CAMEO quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    #[arg(long)]
    quad: Option<u8>,
    /// A PLOVER event type (ASSAULT, AGREE, ...).
    #[arg(long)]
    plover: Option<String>,
    /// An ACLED event type or sub-type ("Battles", "Armed clash").
    #[arg(long)]
    acled: Option<String>,
    /// From this day (YYYY-MM-DD; a month or year means its first day).
    #[arg(long)]
    since: Option<String>,
    /// Up to this day (YYYY-MM-DD; a month or year means its last day).
    #[arg(long)]
    until: Option<String>,
    /// A place, district (admin2) or region (admin1) name.
    #[arg(long)]
    place: Option<String>,
    /// A bounding box: west,south,east,north in degrees.
    #[arg(long, allow_hyphen_values = true)]
    bbox: Option<String>,
    /// Words in the reporting sentences: plain words (all must appear), "a phrase", AND/OR/NOT in
    /// capitals (truce NOT broke), (groups), prefix*.
    #[arg(long)]
    text: Option<String>,
}

impl FilterArgs {
    fn filter(&self) -> Result<Filter> {
        let bbox = match &self.bbox {
            None => None,
            Some(b) => Some(
                palaver_store::query::parse_bbox(b)
                    .ok_or_else(|| anyhow::anyhow!("--bbox {b:?}: give four numbers, west,south,east,north"))?,
            ),
        };
        Ok(Filter {
            actor: self.actor.clone(),
            source: self.source.clone(),
            target: self.target.clone(),
            country: self.country.clone(),
            cameo: self.cameo.clone(),
            quad_class: self.quad,
            plover: self.plover.clone(),
            acled: self.acled.clone(),
            since: self.since.clone(),
            until: self.until.clone(),
            place: self.place.clone(),
            bbox,
            text: self.text.clone(),
        })
    }
}

#[derive(Subcommand)]
enum DictCommand {
    /// Lint dictionaries: unreadable lines, duplicate entries, patterns that can never match,
    /// unknown codes, overlapping date ranges. The format is told by the name (palaver's
    /// countries/actors/agents/verbs/discards .txt, or PETRARCH's *.verbs.txt, *actors.txt, ...).
    Check {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

#[derive(Subcommand)]
enum Command {
    /// Code articles: text files, directories of .txt files, JSONL records, or - for stdin.
    Code {
        /// Inputs; JSONL is recognised by a .jsonl/.json extension, or on stdin by a leading `{`.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "jsonl")]
        format: Format,
        /// The articles' date (YYYY-MM-DD), for records that have none or to override theirs.
        #[arg(long)]
        date: Option<String>,
        /// Worker threads (default: every core).
        #[arg(long)]
        threads: Option<usize>,
        /// Also print events whose verb is negated, marked "negated": true.
        #[arg(long)]
        keep_negated: bool,
        /// Leave violence that names no author without a source (no claimant from a later claim
        /// of responsibility, no unidentified armed group), as PETRARCH does.
        #[arg(long)]
        no_implied_sources: bool,
        /// Where the corpus happens, for places the text leaves open ("MLI,BFA,NER"; "none" for no
        /// prior). Default: the countries whose villages the gazetteer knows.
        #[arg(long, value_parser = parse_countries)]
        countries: Option<Countries>,
        /// The articles' language where a record gives none: en, fr, or auto (detected from the text).
        #[arg(long, value_parser = parse_lang, default_value = "auto")]
        lang: Lang,
        /// Write here instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// No progress bar and no summary.
        #[arg(long, short)]
        quiet: bool,
        /// A TOML file naming the dictionaries to code with (PETRARCH's formats too).
        #[arg(long)]
        config: Option<PathBuf>,
        /// A GeoNames dump (MLI.txt, allCountries.txt) to place events with, beside the built-in gazetteer.
        #[arg(long)]
        gazetteer: Option<PathBuf>,
    },
    /// Run a PETRARCH validation file (its <Environment> names the dictionaries).
    Validate {
        file: PathBuf,
        /// Print JSON: {"evaluated": N, "passed": M, ...}.
        #[arg(long)]
        json: bool,
    },
    /// Dictionary tools.
    Dict {
        #[command(subcommand)]
        command: DictCommand,
    },
    /// Code labelled text and measure the events against its labels, per set.
    Eval {
        /// Gold files in ../shared/eval's schema.
        #[arg(long, required = true, num_args = 1..)]
        gold: Vec<PathBuf>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
        #[arg(long)]
        threads: Option<usize>,
        /// A TOML file naming the dictionaries to code with.
        #[arg(long)]
        config: Option<PathBuf>,
        /// Print, as JSON lines, the records failing this measure (e.g. "place within 50 km")
        /// with what was coded for them, after the scores.
        #[arg(long, value_name = "MEASURE")]
        misses: Option<String>,
        /// Score only one half of every set, split by a hash of the record id (tune on one half,
        /// check on the other), or `both` to report each half as a set of its own.
        #[arg(long, value_enum)]
        half: Option<eval::Half>,
        /// Where the corpus happens (as `code --countries`).
        #[arg(long, value_parser = parse_countries)]
        countries: Option<Countries>,
    },
    /// Code articles into a store (a SQLite file, created if need be). Articles already stored
    /// with the same text are skipped; an interrupted run can simply be run again.
    Ingest {
        /// The store.
        #[arg(long)]
        db: PathBuf,
        /// Inputs, as for `palaver code`.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// The articles' date (YYYY-MM-DD), for records that have none or to override theirs.
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        threads: Option<usize>,
        /// No progress bar and no summary.
        #[arg(long, short)]
        quiet: bool,
        /// A TOML file naming the dictionaries to code with.
        #[arg(long)]
        config: Option<PathBuf>,
        /// A GeoNames dump to place events with, beside the built-in gazetteer.
        #[arg(long)]
        gazetteer: Option<PathBuf>,
    },
    /// Re-code the stored articles with these dictionaries (those coded otherwise, or --all).
    Recode {
        #[arg(long)]
        db: PathBuf,
        /// Re-code every article, even those coded by this version and dictionary set.
        #[arg(long)]
        all: bool,
        #[arg(long)]
        threads: Option<usize>,
        #[arg(long, short)]
        quiet: bool,
        #[arg(long)]
        config: Option<PathBuf>,
        #[arg(long)]
        gazetteer: Option<PathBuf>,
    },
    /// List stored events, latest first.
    Events {
        #[arg(long)]
        db: PathBuf,
        #[command(flatten)]
        filter: FilterArgs,
        #[arg(long, value_enum, default_value = "table")]
        format: EventFormat,
        /// Most events to print.
        #[arg(long, default_value_t = 100)]
        limit: usize,
        /// Events to skip first (for paging).
        #[arg(long, default_value_t = 0)]
        offset: usize,
        /// Print only how many events match.
        #[arg(long)]
        count: bool,
    },
    /// Events per day, week or month, split by quad class, with fatalities and Goldstein scores.
    Timeline {
        #[arg(long)]
        db: PathBuf,
        #[command(flatten)]
        filter: FilterArgs,
        /// day, week (starting Mondays) or month.
        #[arg(long, default_value = "week")]
        by: String,
        #[arg(long, value_enum, default_value = "table")]
        format: AnswerFormat,
    },
    /// Who acts on whom: dyads with counts of cooperation and conflict.
    Network {
        #[arg(long)]
        db: PathBuf,
        #[command(flatten)]
        filter: FilterArgs,
        #[arg(long, default_value_t = 50)]
        limit: usize,
        #[arg(long, value_enum, default_value = "table")]
        format: AnswerFormat,
    },
    /// Who appears, how often, doing what.
    Actors {
        #[arg(long)]
        db: PathBuf,
        #[command(flatten)]
        filter: FilterArgs,
        #[arg(long, default_value_t = 50)]
        limit: usize,
        #[arg(long, value_enum, default_value = "table")]
        format: AnswerFormat,
    },
    /// Peace processes: negotiation tracks per pair of parties with their mediators, each step with
    /// its evidence, each agreement's life, and the violence before and after it.
    Process {
        #[arg(long)]
        db: PathBuf,
        #[command(flatten)]
        filter: FilterArgs,
        /// Days before and after an agreement over which its violence is counted.
        #[arg(long, default_value_t = 90)]
        window: i64,
        /// Radius (km) of an agreement's area.
        #[arg(long, default_value_t = 50.0)]
        area_km: f64,
        /// Most tracks to print.
        #[arg(long, default_value_t = 50)]
        limit: usize,
        #[arg(long, value_enum, default_value = "table")]
        format: AnswerFormat,
    },
    /// Export stored events: JSONL, CSV, GDELT TSV, or Parquet partitioned by month.
    Export {
        #[arg(long)]
        db: PathBuf,
        #[command(flatten)]
        filter: FilterArgs,
        #[arg(long, value_enum, default_value = "jsonl")]
        format: EventFormat,
        /// A file (a new folder for Parquet); standard output if not given.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Serve the dashboard and the JSON API over a store (read-only), on 127.0.0.1 by default.
    Serve {
        #[arg(long)]
        db: PathBuf,
        /// Port to listen on (0: any free port, printed on start).
        #[arg(long, default_value_t = 8080)]
        port: u16,
        /// Address to listen on; 127.0.0.1 keeps the dashboard to this machine.
        #[arg(long, default_value = "127.0.0.1")]
        host: std::net::IpAddr,
        /// Threads answering requests (default: every core).
        #[arg(long)]
        threads: Option<usize>,
    },
    /// Measure coding speed and memory on a generated corpus (or a JSONL file).
    Bench {
        /// Sentences in the generated corpus.
        #[arg(long, default_value_t = 240_000)]
        sentences: usize,
        /// Code this JSONL file instead of the generated corpus.
        #[arg(long)]
        input: Option<PathBuf>,
        #[arg(long, default_value_t = 3)]
        trials: usize,
        #[arg(long)]
        threads: Option<usize>,
        /// A TOML file naming the dictionaries to code with.
        #[arg(long)]
        config: Option<PathBuf>,
        /// Benchmark the store instead: ingest this many generated news-length articles, then
        /// time queries on the store.
        #[arg(long)]
        store_articles: Option<usize>,
        /// The store for --store-articles (default: a new file in a temporary folder, removed after).
        #[arg(long)]
        db: Option<PathBuf>,
        /// Only time the queries, on the store at --db as it stands (no corpus, no ingest).
        #[arg(long, requires = "db", conflicts_with = "store_articles")]
        store_queries: bool,
    },
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("palaver: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Validate { file, json } => validate_command(&file, json),
        Command::Dict { command: DictCommand::Check { files } } => dict_check(&files),
        Command::Code {
            inputs,
            format,
            date,
            threads,
            keep_negated,
            no_implied_sources,
            countries,
            lang,
            output,
            quiet,
            config,
            gazetteer,
        } => {
            if let Some(d) = &date {
                if palaver_lexicon::parse_day(d).is_none() {
                    bail!("--date {d:?} is not a YYYY-MM-DD date");
                }
            }
            let options = Options {
                keep_negated,
                no_implied_perpetrators: no_implied_sources,
                countries: countries.map(|c| c.0),
                lang: lang.0,
                ..Options::default()
            };
            let engine = engine_with(config.as_deref(), options)?;
            let engine = with_gazetteer(engine, gazetteer.as_deref())?;
            let pool = pool(threads)?;
            let out: Box<dyn Write> = match &output {
                Some(p) => Box::new(BufWriter::new(
                    std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
                )),
                None => Box::new(BufWriter::new(io::stdout().lock())),
            };
            let mut sink: Box<dyn sink::EventSink> = match format {
                Format::Jsonl => Box::new(sink::JsonlSink(out)),
                Format::Csv => Box::new(sink::CsvSink::new(out)),
                Format::Gdelt => Box::new(sink::GdeltSink(out)),
            };
            let run = pipeline::Run { engine: &engine, pool: &pool, date, quiet };
            let summary = match run.run(&inputs, sink.as_mut()) {
                Ok(s) => s,
                Err(e) if is_broken_pipe(&e) => return Ok(ExitCode::SUCCESS),
                Err(e) => return Err(e),
            };
            if summary.undated > 0 {
                eprintln!("palaver: warning: {} article(s) had no date: relative dates stay unresolved (date_precision \"document\"); give one with --date", summary.undated);
            }
            if !quiet {
                eprintln!(
                    "palaver: {} articles, {} sentences, {} events, {} record(s) failed",
                    summary.articles, summary.sentences, summary.events, summary.failed
                );
            }
            Ok(if summary.failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
        Command::Ingest { db, inputs, date, threads, quiet, config, gazetteer } => {
            if let Some(d) = &date {
                if palaver_lexicon::parse_day(d).is_none() {
                    bail!("--date {d:?} is not a YYYY-MM-DD date");
                }
            }
            store_run("ingest", &db, threads, quiet, config.as_deref(), gazetteer.as_deref(), |run, store| {
                let run = ingest::StoreRun { date, ..run };
                run.ingest(store, &inputs)
            })
        }
        Command::Recode { db, all, threads, quiet, config, gazetteer } => {
            if !db.exists() {
                bail!("{}: no such store", db.display());
            }
            store_run("recode", &db, threads, quiet, config.as_deref(), gazetteer.as_deref(), |run, store| {
                run.recode(store, all)
            })
        }
        Command::Events { db, filter, format, limit, offset, count } => {
            let store = Store::open_read_only(&db)?;
            let filter = filter.filter()?;
            if count {
                println!("{}", store.count(&filter)?);
                return Ok(ExitCode::SUCCESS);
            }
            if format == EventFormat::Parquet {
                bail!("Parquet goes to a folder: use palaver export --format parquet -o DIR");
            }
            let events = store.events(&filter, limit, offset)?;
            let mut w = report::EventWriter::new(event_style(format), BufWriter::new(io::stdout().lock()))?;
            for e in &events {
                w.event(e)?;
            }
            w.finish()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Timeline { db, filter, by, format } => {
            let period = palaver_store::query::Period::parse(&by)
                .with_context(|| format!("--by {by:?}: give day, week or month"))?;
            let store = Store::open_read_only(&db)?;
            let buckets = store.timeline(&filter.filter()?, period)?;
            report::timeline(&mut BufWriter::new(io::stdout().lock()), &buckets, answer_style(format))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Network { db, filter, limit, format } => {
            let store = Store::open_read_only(&db)?;
            let dyads = store.network(&filter.filter()?, limit)?;
            report::network(&mut BufWriter::new(io::stdout().lock()), &dyads, answer_style(format))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Actors { db, filter, limit, format } => {
            let store = Store::open_read_only(&db)?;
            let actors = store.actors(&filter.filter()?, limit)?;
            report::actors(&mut BufWriter::new(io::stdout().lock()), &actors, answer_style(format))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Process { db, filter, window, area_km, limit, format } => {
            if window < 0 || !(0.0..=20_000.0).contains(&area_km) {
                bail!("--window must be 0 or more days and --area-km 0-20000");
            }
            let store = Store::open_read_only(&db)?;
            let opts = palaver_store::process::ProcessOptions { window_days: window, area_km, limit };
            let tracks = store.tracks(&filter.filter()?, opts)?;
            let style = if matches!(format, AnswerFormat::Table) { report::Style::Table } else { report::Style::Json };
            report::tracks(&mut BufWriter::new(io::stdout().lock()), &tracks, style)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Serve { db, port, host, threads } => {
            let threads = threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
            palaver::serve::serve(&db, std::net::SocketAddr::new(host, port), threads)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Export { db, filter, format, output } => export_command(&db, &filter.filter()?, format, output),
        Command::Eval { gold, json, threads, config, misses, half, countries } => {
            let options = Options { countries: countries.map(|c| c.0), ..Options::default() };
            eval_command(&gold, json, threads, config.as_deref(), misses, half, options)
        }
        Command::Bench { store_queries: true, db: Some(db), .. } => {
            time_store_queries(&db)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Bench { store_articles: Some(n), db, threads, config, .. } => {
            bench_store(n, db, threads, config.as_deref())
        }
        Command::Bench { sentences, input, trials, threads, config, .. } => {
            bench_command(sentences, input, trials, threads, config.as_deref())
        }
    }
}

fn event_style(f: EventFormat) -> report::Style {
    match f {
        EventFormat::Table => report::Style::Table,
        EventFormat::Jsonl | EventFormat::Parquet => report::Style::Json,
        EventFormat::Csv => report::Style::Csv,
        EventFormat::Gdelt => report::Style::Gdelt,
    }
}

fn answer_style(f: AnswerFormat) -> report::Style {
    match f {
        AnswerFormat::Table => report::Style::Table,
        AnswerFormat::Json => report::Style::Json,
        AnswerFormat::Csv => report::Style::Csv,
    }
}

/// Opens the store and the engine, records the run, and reports what it did.
fn store_run(
    command: &str,
    db: &std::path::Path,
    threads: Option<usize>,
    quiet: bool,
    config: Option<&std::path::Path>,
    gazetteer: Option<&std::path::Path>,
    work: impl FnOnce(ingest::StoreRun, &mut Store) -> Result<ingest::IngestSummary>,
) -> Result<ExitCode> {
    let engine = engine_with(config, Options::default())?;
    let engine = with_gazetteer(engine, gazetteer)?;
    let pool = pool(threads)?;
    let mut store = Store::open(db)?;
    let coder = palaver_store::Coder {
        version: format!("palaver {}", env!("CARGO_PKG_VERSION")),
        dictionaries: config::dictionary_set(config)?,
    };
    let coder_id = store.coder_id(&coder)?;
    let started = now();
    let run_id = store.start_run(command, coder_id, &started)?;
    let t0 = Instant::now();
    let run = ingest::StoreRun { engine: &engine, pool: &pool, date: None, quiet, coder_id };
    let summary = work(run, &mut store)?;
    store.finish_run(run_id, summary.added + summary.replaced, summary.mentions, &now())?;
    if !quiet {
        let secs = t0.elapsed().as_secs_f64();
        let counts = store.counts()?;
        eprintln!(
            "palaver: {} articles read: {} added, {} re-coded or replaced, {} unchanged, {} failed; {} mentions, {} new events ({:.1} s, {:.0} articles/min)",
            summary.read,
            summary.added,
            summary.replaced,
            summary.unchanged,
            summary.failed,
            summary.mentions,
            summary.new_events,
            secs,
            (summary.added + summary.replaced) as f64 / secs.max(1e-9) * 60.0
        );
        eprintln!(
            "palaver: {} now holds {} articles, {} events ({} mentions), {} actors, {} places",
            db.display(),
            counts.articles,
            counts.events,
            counts.mentions,
            counts.actors,
            counts.places
        );
    }
    Ok(if summary.failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// The time now, UTC, as `YYYY-MM-DDTHH:MM:SSZ`.
fn now() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs()) as i64;
    let (y, m, d) = palaver_core::dates::civil_from_days(secs.div_euclid(86400));
    let t = secs.rem_euclid(86400);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", t / 3600, t / 60 % 60, t % 60)
}

fn export_command(
    db: &std::path::Path,
    filter: &Filter,
    format: EventFormat,
    output: Option<PathBuf>,
) -> Result<ExitCode> {
    let store = Store::open_read_only(db)?;
    if format == EventFormat::Parquet {
        let Some(dir) = output else { bail!("Parquet export needs --output DIR (a new folder)") };
        return export_parquet(&store, filter, &dir);
    }
    // A file is written beside its name and renamed when complete: never half an export.
    let (mut w, tmp) = match &output {
        Some(p) => {
            let tmp = p.with_extension("partial");
            let f = std::fs::File::create(&tmp).with_context(|| format!("cannot create {}", tmp.display()))?;
            (report::EventWriter::new(event_style(format), Box::new(BufWriter::new(f)) as Box<dyn Write>)?, Some(tmp))
        }
        None => (
            report::EventWriter::new(
                event_style(format),
                Box::new(BufWriter::new(io::stdout().lock())) as Box<dyn Write>,
            )?,
            None,
        ),
    };
    let n = store.each_event(filter, |e| w.event(&e).map_err(palaver_store::StoreError::Io));
    let n = match n {
        Ok(n) => n,
        Err(palaver_store::StoreError::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(ExitCode::SUCCESS),
        Err(e) => {
            if let Some(t) = &tmp {
                let _ = std::fs::remove_file(t);
            }
            return Err(e.into());
        }
    };
    w.finish()?;
    if let (Some(tmp), Some(out)) = (tmp, &output) {
        std::fs::rename(&tmp, out).with_context(|| format!("cannot write {}", out.display()))?;
        eprintln!("palaver: {n} events written to {}", out.display());
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(feature = "parquet")]
fn export_parquet(store: &Store, filter: &Filter, dir: &std::path::Path) -> Result<ExitCode> {
    let summary = palaver_store::parquet::export(store, filter, dir)?;
    eprintln!("palaver: {} events in {} Parquet file(s) under {}", summary.rows, summary.files.len(), dir.display());
    Ok(ExitCode::SUCCESS)
}

#[cfg(not(feature = "parquet"))]
fn export_parquet(_: &Store, _: &Filter, _: &std::path::Path) -> Result<ExitCode> {
    bail!("this palaver was built without Parquet: build it with --features parquet")
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.downcast_ref::<io::Error>().is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
}

/// The language given on the command line: a code palaver codes, or `auto` (None).
#[derive(Clone, Debug)]
struct Lang(Option<String>);

fn parse_lang(s: &str) -> Result<Lang, String> {
    match s.trim().to_ascii_lowercase().as_str() {
        "auto" => Ok(Lang(None)),
        code @ ("en" | "fr") => Ok(Lang(Some(code.to_string()))),
        other => Err(format!("{other:?} is not a language palaver codes (en, fr, or auto)")),
    }
}

/// Countries given on the command line (`--countries MLI,BFA,NER`, or `none`).
#[derive(Clone, Debug)]
struct Countries(Vec<String>);

fn parse_countries(s: &str) -> Result<Countries, String> {
    if s.trim().eq_ignore_ascii_case("none") {
        return Ok(Countries(Vec::new()));
    }
    s.split(',')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(|c| {
            let ok = c.len() == 3 && c.bytes().all(|b| b.is_ascii_alphabetic());
            ok.then(|| c.to_ascii_uppercase())
                .ok_or_else(|| format!("{c:?} is not an ISO 3166 alpha-3 code (MLI, BFA, NER)"))
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Countries)
}

/// The dictionaries a TOML configuration names (or the embedded ones). Lines of other people's
/// dictionaries that cannot be read are reported and skipped; the embedded ones must be clean.
/// The configuration's `[places] countries` is the prior where the command line gives none.
fn engine_with(config: Option<&std::path::Path>, mut options: Options) -> Result<Engine> {
    let Some(path) = config else {
        let (lexicon, errors) = Lexicon::embedded();
        report_dict_errors(&errors)?;
        let (engine, errors) = Engine::new(Arc::new(lexicon), options).with_french();
        report_dict_errors(&errors)?;
        return Ok(engine);
    };
    let config = config::DictConfig::read(path)?;
    if options.countries.is_none() {
        options.countries = config.places.countries.clone();
    }
    let (lexicon, errors) = config.build()?;
    for e in &errors {
        eprintln!("palaver: dictionary warning: {e}");
    }
    // the configuration names the English dictionaries; French keeps palaver's own
    let (engine, errors) = Engine::new(Arc::new(lexicon), options).with_french();
    report_dict_errors(&errors)?;
    Ok(engine)
}

/// Adds a user's GeoNames dump to an engine; its unreadable lines are reported, the rest used.
fn with_gazetteer(engine: Engine, path: Option<&std::path::Path>) -> Result<Engine> {
    let Some(path) = path else { return Ok(engine) };
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read gazetteer {}", path.display()))?;
    let base = palaver_lexicon::gazetteer::Gazetteer::embedded();
    let (g, errors) = palaver_lexicon::gazetteer::Gazetteer::from_geonames_dump(&text, base);
    for e in errors.iter().take(20) {
        eprintln!("palaver: gazetteer warning: {}:{e}", path.display());
    }
    if errors.len() > 20 {
        eprintln!("palaver: gazetteer warning: {} more unreadable lines", errors.len() - 20);
    }
    if g.places.is_empty() {
        bail!("{}: no populated place (feature class P) in this GeoNames dump", path.display());
    }
    Ok(engine.with_gazetteer(Arc::new(g)))
}

fn validate_command(file: &std::path::Path, json: bool) -> Result<ExitCode> {
    let xml = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let xml: String = match String::from_utf8(xml) {
        Ok(t) => t,
        Err(e) => e.into_bytes().iter().map(|&b| b as char).collect(),
    };
    let suite = validate::parse(&xml).with_context(|| format!("{}", file.display()))?;
    let dir = file.parent().unwrap_or(std::path::Path::new("."));
    let t0 = Instant::now();
    let (lexicon, errors) = validate::lexicon(&suite, dir)?;
    let load = t0.elapsed().as_secs_f64();
    for e in &errors {
        eprintln!("palaver: dictionary warning: {e}");
    }
    let outcomes = validate::run(&suite, Arc::new(lexicon));
    if json {
        println!("{}", serde_json::to_string_pretty(&validate::to_json(&outcomes, suite.skipped))?);
    } else {
        print!("{}", validate::report(&outcomes, suite.skipped));
        eprintln!("palaver: dictionaries loaded in {load:.3} s");
    }
    Ok(if outcomes.iter().all(|o| o.passed) { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

fn dict_check(files: &[PathBuf]) -> Result<ExitCode> {
    let mut problems = 0;
    for f in files {
        let kind = palaver_lexicon::check::kind_of(f)
            .with_context(|| format!("{}: cannot tell which kind of dictionary this is from its name", f.display()))?;
        let builder = config::add_file(Lexicon::builder().embedded_tables(), kind, f)?;
        let (lexicon, mut errors) = builder.build();
        errors.extend(palaver_lexicon::check::lint(&lexicon, kind));
        for e in &errors {
            println!("{e}");
        }
        problems += errors.len();
        eprintln!("palaver: {}: {} problem(s)", f.display(), errors.len());
    }
    Ok(if problems == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

fn report_dict_errors(errors: &[DictError]) -> Result<()> {
    for e in errors {
        eprintln!("palaver: dictionary error: {e}");
    }
    if !errors.is_empty() {
        bail!("{} dictionary line(s) could not be read", errors.len());
    }
    Ok(())
}

fn pool(threads: Option<usize>) -> Result<rayon::ThreadPool> {
    let n = threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    if n == 0 {
        bail!("--threads must be at least 1");
    }
    Ok(rayon::ThreadPoolBuilder::new().num_threads(n).build()?)
}

fn eval_command(
    gold: &[PathBuf],
    json: bool,
    threads: Option<usize>,
    config: Option<&std::path::Path>,
    misses: Option<String>,
    half: Option<eval::Half>,
    options: Options,
) -> Result<ExitCode> {
    use rayon::prelude::*;
    let engine = engine_with(config, options)?;
    let pool = pool(threads)?;
    let mut scores = eval::Scores { misses_of: misses, half, ..Default::default() };
    for path in gold {
        let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
        let mut records = Vec::new();
        for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            match serde_json::from_str::<serde_json::Value>(line) {
                Ok(v) => match eval::article_of(&v, i + 1) {
                    Some(a) => records.push((v, a)),
                    None => scores.errors.push(format!("{}:{}: no text", path.display(), i + 1)),
                },
                Err(e) => scores.errors.push(format!("{}:{}: {e}", path.display(), i + 1)),
            }
        }
        let coded: Vec<_> =
            pool.install(|| records.par_iter().map_init(|| engine.worker(), |w, (_, a)| w.code(a).events).collect());
        for ((v, _), events) in records.iter().zip(coded) {
            scores.score(v, &events);
        }
    }
    if json {
        println!("{}", serde_json::to_string_pretty(&scores.to_json())?);
    } else {
        print!("{}", scores.report());
    }
    for m in &scores.misses {
        println!("{m}");
    }
    Ok(if scores.errors.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// `palaver bench --store-articles N`: ingest speed, then query latencies on the filled store.
fn bench_store(
    n: usize,
    db: Option<PathBuf>,
    threads: Option<usize>,
    config: Option<&std::path::Path>,
) -> Result<ExitCode> {
    let engine = engine_with(config, Options::default())?;
    let pool = pool(threads)?;
    let tmp = std::env::temp_dir().join(format!("palaver-bench-{}", std::process::id()));
    std::fs::create_dir_all(&tmp)?;
    let db = db.unwrap_or_else(|| tmp.join("bench.db"));
    let input = tmp.join("articles.jsonl");
    let t0 = Instant::now();
    let articles = bench::store_corpus(&engine, n);
    {
        let mut w = BufWriter::new(std::fs::File::create(&input)?);
        for a in &articles {
            serde_json::to_writer(&mut w, a)?;
            w.write_all(b"\n")?;
        }
        w.flush()?;
    }
    let bytes = std::fs::metadata(&input)?.len();
    drop(articles);
    println!(
        "palaver bench --store-articles {n}: corpus of {:.0} MB generated in {:.1} s; {} threads",
        bytes as f64 / 1e6,
        t0.elapsed().as_secs_f64(),
        pool.current_num_threads()
    );
    let mut store = Store::open(&db)?;
    let coder = palaver_store::Coder {
        version: format!("palaver {}", env!("CARGO_PKG_VERSION")),
        dictionaries: config::dictionary_set(config)?,
    };
    let coder_id = store.coder_id(&coder)?;
    let run = ingest::StoreRun { engine: &engine, pool: &pool, date: None, quiet: true, coder_id };
    let t1 = Instant::now();
    let run_id = store.start_run("bench", coder_id, &now())?;
    let summary = run.ingest(&mut store, std::slice::from_ref(&input))?;
    store.finish_run(run_id, summary.added, summary.mentions, &now())?;
    let secs = t1.elapsed().as_secs_f64();
    let counts = store.counts()?;
    let size = std::fs::metadata(&db).map(|m| m.len()).unwrap_or(0);
    println!(
        "ingest: {} articles in {secs:.1} s = {:.0} articles/min; {} mentions -> {} events; store {:.0} MB",
        summary.added + summary.replaced,
        (summary.added + summary.replaced) as f64 / secs * 60.0,
        counts.mentions,
        counts.events,
        size as f64 / 1e6
    );
    drop(store);
    time_store_queries(&db)?;
    let _ = std::fs::remove_file(&input);
    if db.starts_with(&tmp) {
        let _ = std::fs::remove_dir_all(&tmp);
    }
    Ok(ExitCode::SUCCESS)
}

/// Times event lists with one filter (100 runs each) and whole-store aggregates (20 runs each)
/// on a filled store, and prints the peak memory.
fn time_store_queries(db: &std::path::Path) -> Result<()> {
    let store = Store::open_read_only(db)?;
    let f = Filter::default;
    // values of the filters: the store's own countries and places
    let countries: Vec<String> = store.extent()?.countries.into_iter().map(|(c, _)| c).collect();
    let places: Vec<String> = {
        let mut stmt = store.connection().prepare("SELECT name FROM places ORDER BY id LIMIT 20")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        rows.collect::<Result<_, _>>()?
    };
    let header = |what: &str| {
        println!("{what:<34} {:>6} {:>10} {:>10} {:>10} {:>6}", "runs", "median ms", "p99 ms", "max ms", "rows")
    };
    let line = |label: &str, t: &bench::Timings| {
        println!("{label:<34} {:>6} {:>10.1} {:>10.1} {:>10.1} {:>6}", t.runs(), t.median(), t.p99(), t.max(), t.rows)
    };
    header("event list (100 rows), one filter");
    for kind in bench::list_kinds(&countries, &places) {
        // 100 timings a kind: each value as often as makes 100
        let runs = 100usize.div_ceil(kind.filters.len().max(1));
        let t =
            bench::time_each(&kind.filters, runs, |filter| store.events(filter, 100, 0).map(|v| v.len()).unwrap_or(0));
        line(kind.label, &t);
    }
    header("aggregate, whole store");
    use palaver_store::query::Period;
    type Query<'a> = Box<dyn Fn() -> usize + 'a>;
    let aggregates: Vec<(&str, Query)> = vec![
        ("timeline by week, all", Box::new(|| store.timeline(&f(), Period::Week).map(|v| v.len()).unwrap_or(0))),
        ("timeline by month, all", Box::new(|| store.timeline(&f(), Period::Month).map(|v| v.len()).unwrap_or(0))),
        ("timeline by day, all", Box::new(|| store.timeline(&f(), Period::Day).map(|v| v.len()).unwrap_or(0))),
        ("network top 50, all", Box::new(|| store.network(&f(), 50).map(|v| v.len()).unwrap_or(0))),
        ("actors top 50, all", Box::new(|| store.actors(&f(), 50).map(|v| v.len()).unwrap_or(0))),
        (
            "timeline by day, country (top)",
            Box::new(|| {
                let c = countries.first().cloned();
                store.timeline(&Filter { country: c, ..f() }, Period::Day).map(|v| v.len()).unwrap_or(0)
            }),
        ),
        (
            "count, CAMEO root 19",
            Box::new(|| store.count(&Filter { cameo: Some("19".into()), ..f() }).unwrap_or(0) as usize),
        ),
    ];
    for (label, q) in &aggregates {
        let t = bench::time_each(&[()], 20, |_| q());
        line(label, &t);
    }
    println!("peak memory (VmHWM): {:.0} MB", bench::peak_memory().unwrap_or(0) as f64 / 1e6);
    Ok(())
}

fn bench_command(
    sentences: usize,
    input: Option<PathBuf>,
    trials: usize,
    threads: Option<usize>,
    config: Option<&std::path::Path>,
) -> Result<ExitCode> {
    let t0 = Instant::now();
    let engine = engine_with(config, Options::default())?;
    let load = t0.elapsed().as_secs_f64();
    let after_load = bench::peak_memory();
    let pool = pool(threads)?;
    let articles = match &input {
        Some(p) => {
            let text = std::fs::read_to_string(p).with_context(|| format!("cannot read {}", p.display()))?;
            text.lines()
                .enumerate()
                .filter_map(|(i, l)| input::parse_record("bench", l.as_bytes(), i + 1).ok())
                .map(|r| r.article)
                .collect()
        }
        None => bench::corpus(&engine, sentences, 12),
    };
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    println!(
        "palaver bench: {} articles, {:.1} MB of text, {} threads",
        articles.len(),
        bytes as f64 / 1e6,
        pool.current_num_threads()
    );
    println!(
        "dictionaries: loaded in {:.3} s; peak memory after loading {:.0} MB",
        load,
        after_load.unwrap_or(0) as f64 / 1e6
    );
    // warm both passes up, then alternate them, so that a busy machine slows both alike
    bench::trial(&engine, &pool, &articles[..articles.len().min(500)]);
    bench::bare_trial(&pool, &articles[..articles.len().min(500)]);
    let (mut rates, mut secs_palaver, mut secs_bare) = (Vec::new(), Vec::new(), Vec::new());
    let mut bare_sentences = 0;
    for t in 1..=trials.max(1) {
        let (secs, n, events) = bench::trial(&engine, &pool, &articles);
        let (bare_secs, bare) = bench::bare_trial(&pool, &articles);
        bare_sentences = bare.sentences;
        let rate = n as f64 / secs;
        rates.push(rate);
        secs_palaver.push(secs);
        secs_bare.push(bare_secs);
        println!(
            "trial {t}: {secs:.3} s  {rate:>10.0} sentences/s  {:>8.0} articles/s  {:>6.1} MB/s  ({n} sentences, {events} events); bare pass {bare_secs:.3} s",
            articles.len() as f64 / secs,
            bytes as f64 / 1e6 / secs
        );
    }
    rates.sort_by(f64::total_cmp);
    println!("median: {:.0} sentences/s; best: {:.0} sentences/s", rates[rates.len() / 2], rates[rates.len() - 1]);
    let (palaver_s, bare_s) = (bench::median(&secs_palaver), bench::median(&secs_bare));
    let (mb, n) = (bytes as f64 / 1e6, articles.len() as f64);
    println!("median of {} trials, {} threads            MB/s  articles/s", trials.max(1), pool.current_num_threads());
    println!("  palaver (coding)                   {:>10.2} {:>11.0}", mb / palaver_s, n / palaver_s);
    println!("  bare pass                          {:>10.2} {:>11.0}", mb / bare_s, n / bare_s);
    println!("  ratio palaver / bare               {:>10.4}", bare_s / palaver_s);
    println!("  (bare pass: UAX #29 sentences ({bare_sentences}) and words, each word lower-cased, nothing else)");
    println!("peak memory (VmHWM): {:.0} MB", bench::peak_memory().unwrap_or(0) as f64 / 1e6);
    Ok(ExitCode::SUCCESS)
}
