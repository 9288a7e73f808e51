//! Coding a stream of records on N threads, in input order, writing each batch as soon as it is
//! coded: a reader thread feeds a bounded channel; the main thread takes whatever has arrived (up
//! to a batch), codes it in parallel and hands the events to the sink.

use crate::input::{self, Item, Record};
use crate::sink::EventSink;
use anyhow::Result;
use crossbeam_channel::{bounded, Receiver, TryRecvError};
use indicatif::{ProgressBar, ProgressStyle};
use palaver_core::{CodedArticle, Engine};
use rayon::prelude::*;
use std::io::IsTerminal;
use std::path::PathBuf;

/// Most records coded in one batch.
pub const BATCH: usize = 512;

/// What a run did.
#[derive(Debug, Default)]
pub struct Summary {
    pub articles: usize,
    pub sentences: usize,
    pub events: usize,
    pub failed: usize,
    pub undated: usize,
}

/// Settings of a run.
pub struct Run<'a> {
    pub engine: &'a Engine,
    pub pool: &'a rayon::ThreadPool,
    /// Overrides each record's date (`--date`), or gives one where it has none.
    pub date: Option<String>,
    pub quiet: bool,
}

pub(crate) fn progress(paths: &[PathBuf], quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bytes: u64 =
        paths.iter().filter_map(|p| std::fs::metadata(p).ok()).filter(|m| m.is_file()).map(|m| m.len()).sum();
    let pb = if bytes > 0 { ProgressBar::new(bytes) } else { ProgressBar::new_spinner() };
    let style = ProgressStyle::with_template("{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} {msg}")
        .unwrap_or_else(|_| ProgressStyle::default_bar());
    pb.set_style(style);
    pb
}

impl Run<'_> {
    /// Codes every record of `paths` into `sink`; errors go to stderr with their origin.
    pub fn run(&self, paths: &[PathBuf], sink: &mut dyn EventSink) -> Result<Summary> {
        let (tx, rx) = bounded::<Item>(BATCH * 4);
        let owned: Vec<PathBuf> = paths.to_vec();
        let reader = std::thread::spawn(move || input::read_all(&owned, |item| tx.send(item).is_ok()));
        let pb = progress(paths, self.quiet);
        let mut summary = Summary::default();
        sink.begin()?;
        while let Some(batch) = next_batch(&rx, BATCH) {
            let mut records = Vec::with_capacity(batch.len());
            for item in batch {
                match item {
                    Ok(r) => records.push(self.dated(r)),
                    Err(e) => {
                        summary.failed += 1;
                        pb.suspend(|| eprintln!("palaver: {e}"));
                    }
                }
            }
            let coded: Vec<CodedArticle> = self
                .pool
                .install(|| records.par_iter().map_init(|| self.engine.worker(), |w, r| w.code(&r.article)).collect());
            for (r, c) in records.iter().zip(&coded) {
                summary.articles += 1;
                summary.sentences += c.sentences;
                summary.events += c.events.len();
                summary.undated += usize::from(r.article.date.is_none());
                for w in &c.warnings {
                    pb.suspend(|| eprintln!("palaver: {}: {w}", r.origin));
                }
                for e in &c.events {
                    sink.event(e, &r.article)?;
                }
                pb.inc(r.article.text.len() as u64);
            }
            sink.flush()?;
        }
        sink.finish()?;
        pb.finish_and_clear();
        let _ = reader.join();
        Ok(summary)
    }

    fn dated(&self, mut r: Record) -> Record {
        if let Some(d) = &self.date {
            r.article.date = Some(d.clone());
        }
        r
    }
}

/// Waits for one item, then takes whatever else has already arrived, up to `most`.
pub(crate) fn next_batch(rx: &Receiver<Item>, most: usize) -> Option<Vec<Item>> {
    let first = rx.recv().ok()?;
    let mut batch = vec![first];
    while batch.len() < most {
        match rx.try_recv() {
            Ok(item) => batch.push(item),
            Err(TryRecvError::Empty | TryRecvError::Disconnected) => break,
        }
    }
    Some(batch)
}
