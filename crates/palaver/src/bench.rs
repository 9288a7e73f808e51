//! `palaver bench`: codes a large corpus (generated, or a JSONL file) and prints throughput and
//! peak memory. The generated corpus mixes event sentences built from the dictionaries' own
//! countries and actors with sentences that code nothing, in news-length articles.
//!
//! Beside palaver's own speed it times a bare pass over the same text on the same threads
//! ([`bare_trial`]: UAX #29 sentences and words, each word lower-cased, nothing else), so that the
//! figures can be read against what merely reading the text costs on the machine of the day.

use palaver_core::{dates, Article, Engine};
use rayon::prelude::*;
use std::time::Instant;
use unicode_segmentation::UnicodeSegmentation;

const AGENTS: &[&str] = &[
    "troops",
    "soldiers",
    "police",
    "militants",
    "gunmen",
    "protesters",
    "officials",
    "the government",
    "security forces",
    "rebels",
];
const VERBS: &[&str] = &[
    "attacked",
    "killed",
    "met",
    "accused",
    "urged",
    "criticized",
    "signed an agreement with",
    "abducted",
    "arrested",
    "clashed with",
    "rejected",
    "threatened",
    "praised",
    "visited",
    "shelled",
    "ambushed",
    "released",
    "condemned",
    "held talks with",
    "promised aid to",
];
const FILLERS: &[&str] = &[
    "Residents said the market reopened on Tuesday after two days of heavy rain.",
    "The road between the two towns has been closed to traffic since the start of the month.",
    "Prices of millet and rice have risen sharply in the region this year, according to traders.",
    "The rainy season usually lasts from June to September in the area.",
    "Several schools remained shut, and local radio stations broadcast lessons instead.",
    "Analysts say the situation could change quickly ahead of the elections planned for next year.",
];

/// A small deterministic generator (xorshift64*), so every run codes the same corpus.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545F4914F6CDD1D)
    }

    fn pick<'a, T: ?Sized>(&mut self, items: &[&'a T]) -> &'a T {
        items[(self.next() % items.len() as u64) as usize]
    }
}

/// Generates `sentences` sentences in articles of `per_article`.
pub fn corpus(engine: &Engine, sentences: usize, per_article: usize) -> Vec<Article> {
    let lex = engine.lexicon();
    let names: Vec<&str> =
        lex.countries.iter().map(|c| c.name.as_str()).chain(lex.actors.iter().map(|a| a.name.as_str())).collect();
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    let mut articles = Vec::new();
    let mut text = String::new();
    for i in 0..sentences {
        if rng.next().is_multiple_of(3) {
            text.push_str(rng.pick(FILLERS));
        } else {
            let (a, b) = (rng.pick(&names), rng.pick(&names));
            let (g, v) = (rng.pick(AGENTS), rng.pick(VERBS));
            match rng.next() % 3 {
                0 => text.push_str(&format!("{a}'s {g} {v} {b} on Monday, officials said.")),
                1 => text.push_str(&format!("On Sunday, {g} from {a} {v} {b} near the border town.")),
                _ => text.push_str(&format!("{a} {v} {b} after weeks of tension, according to a statement.")),
            }
        }
        text.push(' ');
        if (i + 1) % per_article == 0 || i + 1 == sentences {
            articles.push(
                Article::new(format!("bench-{}", articles.len()), std::mem::take(&mut text)).with_date("2021-10-19"),
            );
        }
    }
    articles
}

/// Peak resident memory of this process in bytes, from /proc (Linux); None elsewhere.
pub fn peak_memory() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// One timed pass over the corpus: (seconds, sentences, events).
pub fn trial(engine: &Engine, pool: &rayon::ThreadPool, articles: &[Article]) -> (f64, usize, usize) {
    let start = Instant::now();
    let (sentences, events) = pool.install(|| {
        articles
            .par_iter()
            .map_init(
                || engine.worker(),
                |w, a| {
                    let c = w.code(a);
                    (c.sentences, c.events.len())
                },
            )
            .reduce(|| (0, 0), |x, y| (x.0 + y.0, x.1 + y.1))
    });
    (start.elapsed().as_secs_f64(), sentences, events)
}

/// What a bare pass over one text finds: sentences, words, and bytes of lower-cased words.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Bare {
    pub sentences: usize,
    pub words: usize,
    pub lower_bytes: usize,
}

impl Bare {
    fn add(self, o: Bare) -> Bare {
        Bare {
            sentences: self.sentences + o.sentences,
            words: self.words + o.words,
            lower_bytes: self.lower_bytes + o.lower_bytes,
        }
    }
}

/// The bare pass over one text: splits it into sentences and each sentence into words (Unicode
/// UAX #29 boundaries, the `unicode-segmentation` crate) and lower-cases every word into a new
/// string, as any reader of the text must at least do. Nothing else.
pub fn bare(text: &str) -> Bare {
    let mut out = Bare::default();
    for sentence in text.unicode_sentences() {
        out.sentences += 1;
        for word in sentence.unicode_words() {
            let lower = word.to_lowercase();
            out.words += 1;
            out.lower_bytes += std::hint::black_box(lower).len();
        }
    }
    out
}

/// One timed bare pass over the corpus, on the pool's threads as [`trial`]: (seconds, totals).
pub fn bare_trial(pool: &rayon::ThreadPool, articles: &[Article]) -> (f64, Bare) {
    let start = Instant::now();
    let total = pool.install(|| articles.par_iter().map(|a| bare(&a.text)).reduce(Bare::default, Bare::add));
    (start.elapsed().as_secs_f64(), total)
}

/// The median of some figures (the upper one of an even count); 0 for none.
pub fn median(values: &[f64]) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(0.0)
}

/// News-length articles (20 sentences, 12 of them events) spread over 2012-2024 and over the
/// gazetteer's towns, for the store benchmark: varied enough that most events are distinct. They
/// come in date order, as a feed or an archive does, each reporting events of its last week.
pub fn store_corpus(engine: &Engine, articles: usize) -> Vec<Article> {
    const MONTHS: &[&str] = &[
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let lex = engine.lexicon();
    let names: Vec<&str> =
        lex.countries.iter().map(|c| c.name.as_str()).chain(lex.actors.iter().map(|a| a.name.as_str())).collect();
    let gazetteer = palaver_lexicon::gazetteer::Gazetteer::embedded();
    let towns: Vec<&str> = gazetteer.places.iter().filter(|p| p.population >= 50_000).map(|p| &*p.name).collect();
    let mut rng = Rng(0x5eed_5709_e000_0001);
    let mut out = Vec::with_capacity(articles);
    let first = dates::days_from_civil(2012, 1, 1);
    let span = dates::days_from_civil(2025, 1, 1) - first;
    for i in 0..articles {
        let published = first + (i as i64 * span) / articles.max(1) as i64;
        let mut text = String::with_capacity(2600);
        for s in 0..20 {
            if s % 5 == 1 || s % 5 == 3 {
                text.push_str(rng.pick(FILLERS));
            } else {
                let (a, b) = (rng.pick(&names), rng.pick(&names));
                let (g, v) = (rng.pick(AGENTS), rng.pick(VERBS));
                let (year, month, day) = dates::civil_from_days(published - (rng.next() % 7) as i64);
                let month = MONTHS[month as usize - 1];
                let town = if towns.is_empty() { "the capital" } else { rng.pick(&towns) };
                text.push_str(&format!("On {day} {month} {year}, {a}'s {g} {v} {b} near {town}, officials said."));
            }
            text.push(' ');
        }
        let mut a = Article::new(format!("store-bench-{i}"), text).with_date({
            let (y, m, d) = dates::civil_from_days(published);
            format!("{y}-{m:02}-{d:02}")
        });
        a.source = Some(format!("publisher-{}", i % 40));
        out.push(a);
    }
    out
}

/// Timings of one kind of query, in milliseconds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Timings {
    sorted: Vec<f64>,
    /// Rows of the last answer of each value, summed.
    pub rows: usize,
}

impl Timings {
    /// From timings in any order.
    pub fn new(mut ms: Vec<f64>, rows: usize) -> Timings {
        ms.sort_by(f64::total_cmp);
        Timings { sorted: ms, rows }
    }

    pub fn runs(&self) -> usize {
        self.sorted.len()
    }

    /// The `p`th percentile by nearest rank (the smallest timing with at least p% at or under it).
    pub fn percentile(&self, p: f64) -> f64 {
        if self.sorted.is_empty() {
            return 0.0;
        }
        let rank = ((p / 100.0) * self.sorted.len() as f64).ceil() as usize;
        self.sorted[rank.clamp(1, self.sorted.len()) - 1]
    }

    pub fn median(&self) -> f64 {
        self.percentile(50.0)
    }

    pub fn p99(&self) -> f64 {
        self.percentile(99.0)
    }

    pub fn max(&self) -> f64 {
        self.sorted.last().copied().unwrap_or(0.0)
    }
}

/// Times `f` on each value, `runs` times each: every timing, and the rows of the answers.
pub fn time_each<T>(values: &[T], runs: usize, mut f: impl FnMut(&T) -> usize) -> Timings {
    let mut ms = Vec::with_capacity(values.len() * runs);
    let mut rows = 0;
    for v in values {
        for _ in 0..runs.max(1) {
            let t = Instant::now();
            let n = f(v);
            ms.push(t.elapsed().as_secs_f64() * 1000.0);
            rows = rows.max(n);
        }
    }
    Timings::new(ms, rows)
}

/// One kind of event list of the store bench: a label and the filters it is timed with (each
/// a different value of the same kind: twenty countries, twenty months, ...).
pub struct ListKind {
    pub label: &'static str,
    pub filters: Vec<palaver_store::Filter>,
}

/// The event lists the store bench times: one filter of each kind at a time, with values spread
/// over what a store of [`store_corpus`] holds, and two combinations.
pub fn list_kinds(countries: &[String], places: &[String]) -> Vec<ListKind> {
    use palaver_store::Filter;
    let f = Filter::default;
    let mut rng = Rng(0x5eed_9999_0000_0001);
    let countries: Vec<String> = countries.iter().take(20).cloned().collect();
    let months: Vec<(u64, u64)> = (0..20).map(|_| (2012 + rng.next() % 13, 1 + rng.next() % 12)).collect();
    let words = [
        "ambushed",
        "attacked",
        "killed",
        "accused",
        "urged",
        "criticized",
        "agreement",
        "abducted",
        "arrested",
        "clashed",
        "rejected",
        "threatened",
        "praised",
        "visited",
        "shelled",
        "released",
        "condemned",
        "talks",
        "aid",
        "market",
    ];
    let acled = [
        "Battles",
        "Violence against civilians",
        "Explosions/Remote violence",
        "Strategic developments",
        "Riots",
        "Protests",
        "Armed clash",
        "Attack",
        "Abduction/forced disappearance",
        "Arrests",
    ];
    let boxes: Vec<[f64; 4]> = (0..20)
        .map(|_| {
            let w = -180.0 + (rng.next() % 340) as f64;
            let s = -60.0 + (rng.next() % 120) as f64;
            [w, s, w + 20.0, s + 15.0]
        })
        .collect();
    vec![
        ListKind { label: "latest 100 events", filters: vec![f()] },
        ListKind {
            label: "actor (code prefix)",
            filters: countries.iter().map(|c| Filter { actor: Some(c.clone()), ..f() }).collect(),
        },
        ListKind {
            label: "country",
            filters: countries.iter().map(|c| Filter { country: Some(c.clone()), ..f() }).collect(),
        },
        ListKind {
            label: "CAMEO root",
            filters: (1..=20).map(|r| Filter { cameo: Some(format!("{r:02}")), ..f() }).collect(),
        },
        ListKind {
            label: "one month",
            filters: months
                .iter()
                .map(|(y, m)| Filter { since: Some(format!("{y}-{m:02}")), until: Some(format!("{y}-{m:02}")), ..f() })
                .collect(),
        },
        ListKind {
            label: "ACLED type or sub-type",
            filters: acled.iter().map(|a| Filter { acled: Some(a.to_string()), ..f() }).collect(),
        },
        ListKind {
            label: "bounding box (20 x 15 degrees)",
            filters: boxes.iter().map(|b| Filter { bbox: Some(*b), ..f() }).collect(),
        },
        ListKind {
            label: "place",
            filters: places.iter().take(20).map(|p| Filter { place: Some(p.clone()), ..f() }).collect(),
        },
        ListKind {
            label: "words",
            filters: words.iter().map(|w| Filter { text: Some(w.to_string()), ..f() }).collect(),
        },
        ListKind {
            label: "ACLED type + country",
            filters: countries
                .iter()
                .map(|c| Filter { acled: Some("Battles".into()), country: Some(c.clone()), ..f() })
                .collect(),
        },
        ListKind {
            label: "actor + root + year",
            filters: countries
                .iter()
                .zip(&months)
                .map(|(c, (y, _))| Filter {
                    actor: Some(c.clone()),
                    cameo: Some("04".into()),
                    since: Some(y.to_string()),
                    until: Some(y.to_string()),
                    ..f()
                })
                .collect(),
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bare_pass_splits_sentences_and_words_and_lowercases() {
        let b = bare("Malian troops attacked JNIM near Niono. Prices ROSE 5% in 2021! Résumé: été.");
        assert_eq!(b.sentences, 3);
        // Malian troops attacked JNIM near Niono | Prices ROSE 5 in 2021 | Résumé été
        assert_eq!(b.words, 6 + 5 + 2);
        assert_eq!(
            b.lower_bytes,
            "maliantroopsattackedjnimnearniono".len() + "pricesrose5in2021".len() + "résuméété".len()
        );
        assert_eq!(bare(""), Bare::default());
    }

    #[test]
    fn the_bare_pass_covers_every_article_on_any_number_of_threads() {
        let articles: Vec<Article> =
            (0..50).map(|i| Article::new(format!("a{i}"), format!("One sentence here. And word {i} there."))).collect();
        for threads in [1, 2] {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            let (secs, b) = bare_trial(&pool, &articles);
            assert!(secs >= 0.0);
            assert_eq!((b.sentences, b.words), (100, 50 * 7));
        }
    }

    #[test]
    fn percentiles_are_by_nearest_rank() {
        let t = Timings::new((1..=200).rev().map(f64::from).collect(), 0);
        assert_eq!((t.median(), t.p99(), t.max(), t.runs()), (100.0, 198.0, 200.0, 200));
        let few = Timings::new(vec![5.0, 1.0, 3.0], 0);
        assert_eq!((few.median(), few.p99()), (3.0, 5.0));
        assert_eq!(Timings::default().p99(), 0.0);
        let mut calls = 0;
        let timed = time_each(&[1, 2, 3], 4, |v| {
            calls += 1;
            *v
        });
        assert_eq!((calls, timed.runs(), timed.rows), (12, 12, 3));
    }

    #[test]
    fn medians_take_the_middle() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&[4.0, 1.0]), 4.0);
        assert_eq!(median(&[]), 0.0);
    }
}
