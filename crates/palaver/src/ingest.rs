//! Coding into the store: `palaver ingest` (new articles) and `palaver recode` (stored articles,
//! with other dictionaries). Articles are read and coded as in `palaver code` (batches, every
//! core); each batch is written in one transaction, so an interrupted run loses only the batch in
//! flight, and running it again picks up where it stopped.

use crate::input::{self, Item, Record};
use crate::pipeline::{next_batch, progress, BATCH};

/// Most articles written in one store transaction. Each event touches a page of every index, and
/// on a large store those pages are spread wide: a bigger transaction writes each page once for
/// more events (and the write-ahead log copies fewer pages).
const STORE_BATCH: usize = 4096;
use anyhow::Result;
use crossbeam_channel::bounded;
use indicatif::{ProgressBar, ProgressStyle};
use palaver_core::{Article, CodedArticle, Engine};
use palaver_store::{ArticleOutcome, Store};
use rayon::prelude::*;
use std::io::IsTerminal;
use std::path::PathBuf;

/// What an ingest or recode did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct IngestSummary {
    /// Articles read from the inputs (or the store, for a recode).
    pub read: usize,
    /// New articles stored.
    pub added: usize,
    /// Stored articles whose events were replaced (changed text, or re-coded).
    pub replaced: usize,
    /// Articles already stored as they are: nothing written.
    pub unchanged: usize,
    /// Records that could not be read.
    pub failed: usize,
    /// Event records written (mentions).
    pub mentions: usize,
    /// Of them, new events (the rest were further reports of stored events).
    pub new_events: usize,
}

impl IngestSummary {
    fn add(&mut self, outcomes: &[ArticleOutcome]) {
        for o in outcomes {
            match *o {
                ArticleOutcome::Added { mentions, new_events } => {
                    self.added += 1;
                    self.mentions += mentions;
                    self.new_events += new_events;
                }
                ArticleOutcome::Replaced { mentions, new_events } => {
                    self.replaced += 1;
                    self.mentions += mentions;
                    self.new_events += new_events;
                }
                ArticleOutcome::Unchanged => self.unchanged += 1,
            }
        }
    }
}

/// Settings shared by ingest and recode.
pub struct StoreRun<'a> {
    pub engine: &'a Engine,
    pub pool: &'a rayon::ThreadPool,
    /// Overrides each record's date (`--date`).
    pub date: Option<String>,
    pub quiet: bool,
    /// The store's row for this palaver version and dictionary set.
    pub coder_id: i64,
}

/// A batch of records read, with the indices of those to code (the store does not hold them as
/// they are) and the bytes of text read.
struct Batch {
    records: Vec<Record>,
    fresh: Vec<usize>,
    bytes: u64,
}

impl Batch {
    fn articles(&self) -> impl Iterator<Item = &Article> {
        self.fresh.iter().map(|&i| &self.records[i].article)
    }
}

impl StoreRun<'_> {
    fn code(&self, articles: &[&Article]) -> Vec<CodedArticle> {
        self.pool.install(|| articles.par_iter().map_init(|| self.engine.worker(), |w, a| w.code(a)).collect())
    }

    /// A batch's readable records (the others reported and counted) and which of them the store
    /// does not hold as they are.
    fn fresh(&self, store: &Store, batch: Vec<Item>, summary: &mut IngestSummary, pb: &ProgressBar) -> Result<Batch> {
        let mut records: Vec<Record> = Vec::with_capacity(batch.len());
        for item in batch {
            match item {
                Ok(mut r) => {
                    if let Some(d) = &self.date {
                        r.article.date = Some(d.clone());
                    }
                    records.push(r);
                }
                Err(e) => {
                    summary.failed += 1;
                    pb.suspend(|| eprintln!("palaver: {e}"));
                }
            }
        }
        summary.read += records.len();
        let bytes: u64 = records.iter().map(|r| r.article.text.len() as u64).sum();
        // Skip, before coding, what is stored already exactly so.
        let ids: Vec<&str> = records.iter().map(|r| r.article.id.as_str()).collect();
        let known = store.known(&ids)?;
        let fresh: Vec<usize> = (0..records.len())
            .filter(|&i| {
                let a = &records[i].article;
                known.get(&a.id).is_none_or(|k| {
                    k.hash != palaver_store::ingest::article_hash(a) || k.coder_id != Some(self.coder_id)
                })
            })
            .collect();
        summary.unchanged += records.len() - fresh.len();
        Ok(Batch { records, fresh, bytes })
    }

    /// Writes a coded batch in one transaction.
    fn write(
        &self,
        store: &mut Store,
        batch: &Batch,
        coded: &[CodedArticle],
        pb: &ProgressBar,
    ) -> Result<Vec<ArticleOutcome>> {
        let pairs: Vec<(&Article, &CodedArticle)> = batch.articles().zip(coded).collect();
        for (a, c) in &pairs {
            for w in &c.warnings {
                pb.suspend(|| eprintln!("palaver: {}: {w}", a.id));
            }
        }
        Ok(store.write_batch(&pairs, self.coder_id)?)
    }

    /// Codes the articles of `paths` that the store does not hold as they are, and stores them.
    pub fn ingest(&self, store: &mut Store, paths: &[PathBuf]) -> Result<IngestSummary> {
        let (tx, rx) = bounded::<Item>(STORE_BATCH * 2);
        let owned: Vec<PathBuf> = paths.to_vec();
        let reader = std::thread::spawn(move || input::read_all(&owned, |item| tx.send(item).is_ok()));
        let pb = progress(paths, self.quiet);
        let mut summary = IngestSummary::default();
        // Two stages in step: while batch n is written (one thread, the store's), batch n + 1 is
        // coded (the pool). An article repeated in the next batch may be coded twice; the write
        // checks the store again and keeps one.
        let result = (|| -> Result<()> {
            let mut pending: Option<(Batch, Vec<CodedArticle>)> = None;
            loop {
                let next = match next_batch(&rx, STORE_BATCH) {
                    Some(batch) => Some(self.fresh(store, batch, &mut summary, &pb)?),
                    None => None,
                };
                if next.is_none() && pending.is_none() {
                    break;
                }
                let (coded_next, written) = std::thread::scope(|scope| {
                    let coder = next.as_ref().map(|batch| {
                        scope.spawn(move || {
                            let articles: Vec<&Article> = batch.articles().collect();
                            self.code(&articles)
                        })
                    });
                    let written = pending.take().map(|(batch, coded)| {
                        self.write(store, &batch, &coded, &pb).map(|outcomes| (outcomes, batch.bytes))
                    });
                    let coded = coder.map(|h| h.join().expect("a coding thread panicked"));
                    (coded, written)
                });
                if let Some(w) = written {
                    let (outcomes, bytes) = w?;
                    summary.add(&outcomes);
                    pb.inc(bytes);
                }
                pending = next.zip(coded_next);
            }
            Ok(())
        })();
        drop(rx);
        pb.finish_and_clear();
        let _ = reader.join();
        result.map(|_| summary)
    }

    /// Re-codes the stored articles that this coder has not coded (every one with `all`).
    pub fn recode(&self, store: &mut Store, all: bool) -> Result<IngestSummary> {
        let todo = store.clear_for_recode(self.coder_id, all)?;
        let pb = if self.quiet || !std::io::stderr().is_terminal() {
            ProgressBar::hidden()
        } else {
            let pb = ProgressBar::new(todo);
            if let Ok(style) =
                ProgressStyle::with_template("{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} articles")
            {
                pb.set_style(style);
            }
            pb
        };
        let mut summary = IngestSummary::default();
        let mut after = 0;
        loop {
            let batch = store.articles_to_recode(self.coder_id, after, BATCH)?;
            let Some((last, _)) = batch.last() else { break };
            after = *last;
            let articles: Vec<&Article> = batch.iter().map(|(_, a)| a).collect();
            let coded = self.code(&articles);
            let pairs: Vec<(&Article, &CodedArticle)> = articles.iter().copied().zip(&coded).collect();
            let outcomes = store.write_batch(&pairs, self.coder_id)?;
            summary.read += batch.len();
            summary.add(&outcomes);
            pb.inc(batch.len() as u64);
        }
        pb.finish_and_clear();
        Ok(summary)
    }
}
