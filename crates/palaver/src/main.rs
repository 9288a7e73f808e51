//! palaver: news text in, coded political events out.
//!
//! The command line turns raw arguments into validated settings here, and nowhere else; the
//! coding itself is palaver-core's.

use palaver::{bench, config, eval, input, pipeline, sink, validate};

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use palaver_core::{Engine, Options};
use palaver_lexicon::{DictError, Lexicon};
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
        Command::Code { inputs, format, date, threads, keep_negated, output, quiet, config, gazetteer } => {
            if let Some(d) = &date {
                if palaver_lexicon::parse_day(d).is_none() {
                    bail!("--date {d:?} is not a YYYY-MM-DD date");
                }
            }
            let engine = engine_with(config.as_deref(), Options { keep_negated, ..Options::default() })?;
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
        Command::Eval { gold, json, threads, config } => eval_command(&gold, json, threads, config.as_deref()),
        Command::Bench { sentences, input, trials, threads, config } => {
            bench_command(sentences, input, trials, threads, config.as_deref())
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.downcast_ref::<io::Error>().is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
}

/// The dictionaries a TOML configuration names (or the embedded ones). Lines of other people's
/// dictionaries that cannot be read are reported and skipped; the embedded ones must be clean.
fn engine_with(config: Option<&std::path::Path>, options: Options) -> Result<Engine> {
    let Some(path) = config else {
        let (lexicon, errors) = Lexicon::embedded();
        report_dict_errors(&errors)?;
        return Ok(Engine::new(Arc::new(lexicon), options));
    };
    let (lexicon, errors) = config::DictConfig::read(path)?.build()?;
    for e in &errors {
        eprintln!("palaver: dictionary warning: {e}");
    }
    Ok(Engine::new(Arc::new(lexicon), options))
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
) -> Result<ExitCode> {
    use rayon::prelude::*;
    let engine = engine_with(config, Options::default())?;
    let pool = pool(threads)?;
    let mut scores = eval::Scores::default();
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
    Ok(if scores.errors.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
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
    bench::trial(&engine, &pool, &articles[..articles.len().min(500)]);
    let mut rates = Vec::new();
    for t in 1..=trials.max(1) {
        let (secs, n, events) = bench::trial(&engine, &pool, &articles);
        let rate = n as f64 / secs;
        rates.push(rate);
        println!(
            "trial {t}: {secs:.3} s  {rate:>10.0} sentences/s  {:>8.0} articles/s  {:>6.1} MB/s  ({n} sentences, {events} events)",
            articles.len() as f64 / secs,
            bytes as f64 / 1e6 / secs
        );
    }
    rates.sort_by(f64::total_cmp);
    println!("median: {:.0} sentences/s; best: {:.0} sentences/s", rates[rates.len() / 2], rates[rates.len() - 1]);
    println!("peak memory (VmHWM): {:.0} MB", bench::peak_memory().unwrap_or(0) as f64 / 1e6);
    Ok(ExitCode::SUCCESS)
}
