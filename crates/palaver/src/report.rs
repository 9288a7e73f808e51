//! Printing the store's answers: aligned tables for people, JSON(L) and CSV for programs, GDELT
//! TSV for GDELT's tools. One function per answer, each writing to any `Write`.

use crate::sink::{csv_row, gdelt_row, write_gdelt_line, CSV_COLUMNS};
use palaver_store::query::{ActorActivity, Bucket, Dyad};
use palaver_store::StoredEvent;
use std::io::{self, Write};

/// How an answer is printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Table,
    Json,
    Csv,
    Gdelt,
}

/// Cuts a string to `n` characters, marking the cut.
fn cut(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(n.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

fn pad(s: &str, n: usize) -> String {
    let s = cut(s, n);
    let w = s.chars().count();
    format!("{s}{}", " ".repeat(n.saturating_sub(w)))
}

fn actor_label(a: &Option<palaver_core::event::ActorRecord>) -> String {
    match a {
        Some(a) => a.name.clone().or_else(|| a.code.clone()).unwrap_or_else(|| a.text.clone()),
        None => "-".into(),
    }
}

fn csv_err(e: csv::Error) -> io::Error {
    io::Error::other(e)
}

/// Columns the store adds to an event's CSV row.
const STORE_COLUMNS: [&str; 4] = ["store_event_id", "num_mentions", "num_articles", "num_sources"];

/// Writes events one at a time in a style: `new`, `event` for each, `finish` at the end.
pub enum EventWriter<W: Write> {
    /// Table, JSONL or GDELT lines.
    Lines(Style, W),
    /// CSV with a header.
    Csv(Box<csv::Writer<W>>),
}

impl<W: Write> EventWriter<W> {
    pub fn new(style: Style, mut out: W) -> io::Result<Self> {
        if style == Style::Csv {
            let mut c = csv::Writer::from_writer(out);
            let header: Vec<&str> = CSV_COLUMNS.iter().copied().chain(STORE_COLUMNS).collect();
            c.write_record(header).map_err(csv_err)?;
            return Ok(EventWriter::Csv(Box::new(c)));
        }
        if style == Style::Table {
            writeln!(
                out,
                "{:>7}  {:<10}  {:<22} {:<5} {:<22} {:<16} {:>4} {:>3}  sentence",
                "id", "date", "source", "cameo", "target", "place", "dead", "men"
            )?;
        }
        Ok(EventWriter::Lines(style, out))
    }

    pub fn event(&mut self, e: &StoredEvent) -> io::Result<()> {
        match self {
            EventWriter::Csv(c) => {
                let mut row = csv_row(&e.event);
                row.extend([
                    e.id.to_string(),
                    e.num_mentions.to_string(),
                    e.num_articles.to_string(),
                    e.num_sources.to_string(),
                ]);
                c.write_record(&row).map_err(csv_err)
            }
            EventWriter::Lines(Style::Json | Style::Csv, out) => {
                serde_json::to_writer(&mut *out, e)?;
                out.write_all(b"\n")
            }
            EventWriter::Lines(Style::Gdelt, out) => write_gdelt_line(
                out,
                &gdelt_row(&e.event, e.url.as_deref(), [e.num_mentions, e.num_sources, e.num_articles]),
            ),
            EventWriter::Lines(Style::Table, out) => {
                let ev = &e.event;
                writeln!(
                    out,
                    "{:>7}  {:<10}  {} {:<5} {} {} {:>4} {:>3}  {}",
                    e.id,
                    ev.date.as_deref().unwrap_or("-"),
                    pad(&actor_label(&ev.source), 22),
                    ev.cameo,
                    pad(&actor_label(&ev.target), 22),
                    pad(ev.location.as_ref().map_or("-", |l| l.name.as_str()), 16),
                    ev.fatalities.map_or("-".to_string(), |f| f.to_string()),
                    e.num_mentions,
                    cut(ev.evidence.sentence.trim(), 70)
                )
            }
        }
    }

    pub fn finish(self) -> io::Result<()> {
        match self {
            EventWriter::Csv(mut c) => c.flush(),
            EventWriter::Lines(_, mut out) => out.flush(),
        }
    }
}

/// A timeline.
pub fn timeline(out: &mut impl Write, buckets: &[Bucket], style: Style) -> io::Result<()> {
    match style {
        Style::Json | Style::Gdelt => {
            serde_json::to_writer_pretty(&mut *out, buckets)?;
            writeln!(out)
        }
        Style::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record([
                "period",
                "events",
                "verbal_cooperation",
                "material_cooperation",
                "verbal_conflict",
                "material_conflict",
                "fatalities",
                "goldstein_sum",
                "goldstein_mean",
            ])
            .map_err(csv_err)?;
            for b in buckets {
                let mut row = vec![b.period.clone(), b.events.to_string()];
                row.extend(b.quad.iter().map(u64::to_string));
                row.extend([
                    b.fatalities.to_string(),
                    format!("{:.1}", b.goldstein_sum),
                    format!("{:.2}", b.goldstein_mean),
                ]);
                w.write_record(&row).map_err(csv_err)?;
            }
            w.flush()
        }
        Style::Table => {
            writeln!(
                out,
                "{:<10} {:>7} {:>7} {:>7} {:>7} {:>7} {:>6} {:>9}",
                "period", "events", "v.coop", "m.coop", "v.conf", "m.conf", "dead", "goldstein"
            )?;
            for b in buckets {
                writeln!(
                    out,
                    "{:<10} {:>7} {:>7} {:>7} {:>7} {:>7} {:>6} {:>9.2}",
                    b.period, b.events, b.quad[0], b.quad[1], b.quad[2], b.quad[3], b.fatalities, b.goldstein_mean
                )?;
            }
            Ok(())
        }
    }
}

/// A dyad network.
pub fn network(out: &mut impl Write, dyads: &[Dyad], style: Style) -> io::Result<()> {
    match style {
        Style::Json | Style::Gdelt => {
            serde_json::to_writer_pretty(&mut *out, dyads)?;
            writeln!(out)
        }
        Style::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record([
                "source",
                "source_code",
                "target",
                "target_code",
                "events",
                "cooperation",
                "conflict",
                "goldstein_sum",
                "fatalities",
            ])
            .map_err(csv_err)?;
            for d in dyads {
                w.write_record([
                    d.source.label(),
                    d.source.code.clone().unwrap_or_default(),
                    d.target.label(),
                    d.target.code.clone().unwrap_or_default(),
                    d.events.to_string(),
                    d.cooperation.to_string(),
                    d.conflict.to_string(),
                    format!("{:.1}", d.goldstein_sum),
                    d.fatalities.to_string(),
                ])
                .map_err(csv_err)?;
            }
            w.flush()
        }
        Style::Table => {
            writeln!(
                out,
                "{:<28} {:<28} {:>7} {:>6} {:>6} {:>9} {:>6}",
                "source", "target", "events", "coop", "conf", "goldstein", "dead"
            )?;
            for d in dyads {
                writeln!(
                    out,
                    "{} {} {:>7} {:>6} {:>6} {:>9.1} {:>6}",
                    pad(&d.source.label(), 28),
                    pad(&d.target.label(), 28),
                    d.events,
                    d.cooperation,
                    d.conflict,
                    d.goldstein_sum,
                    d.fatalities
                )?;
            }
            Ok(())
        }
    }
}

/// An actor table.
pub fn actors(out: &mut impl Write, actors: &[ActorActivity], style: Style) -> io::Result<()> {
    let roots = |a: &ActorActivity| a.top_roots.iter().map(|(r, n)| format!("{r}:{n}")).collect::<Vec<_>>().join(" ");
    match style {
        Style::Json | Style::Gdelt => {
            serde_json::to_writer_pretty(&mut *out, actors)?;
            writeln!(out)
        }
        Style::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record([
                "actor",
                "key",
                "code",
                "country",
                "sector",
                "events",
                "as_source",
                "as_target",
                "cooperation",
                "conflict",
                "top_roots",
            ])
            .map_err(csv_err)?;
            for a in actors {
                w.write_record([
                    a.actor.label(),
                    a.actor.key.clone(),
                    a.actor.code.clone().unwrap_or_default(),
                    a.actor.country.clone().unwrap_or_default(),
                    a.actor.sector.clone().unwrap_or_default(),
                    a.events.to_string(),
                    a.as_source.to_string(),
                    a.as_target.to_string(),
                    a.cooperation.to_string(),
                    a.conflict.to_string(),
                    roots(a),
                ])
                .map_err(csv_err)?;
            }
            w.flush()
        }
        Style::Table => {
            writeln!(
                out,
                "{:<28} {:<10} {:>7} {:>7} {:>7} {:>6} {:>6}  most done (CAMEO root:count)",
                "actor", "code", "events", "source", "target", "coop", "conf"
            )?;
            for a in actors {
                writeln!(
                    out,
                    "{} {} {:>7} {:>7} {:>7} {:>6} {:>6}  {}",
                    pad(&a.actor.label(), 28),
                    pad(a.actor.code.as_deref().unwrap_or("-"), 10),
                    a.events,
                    a.as_source,
                    a.as_target,
                    a.cooperation,
                    a.conflict,
                    roots(a)
                )?;
            }
            Ok(())
        }
    }
}

/// Negotiation tracks: each pair with its mediators, steps, agreements and index.
pub fn tracks(out: &mut impl Write, tracks: &[palaver_store::process::Track], style: Style) -> io::Result<()> {
    if style != Style::Table {
        serde_json::to_writer_pretty(&mut *out, tracks)?;
        return writeln!(out);
    }
    if tracks.is_empty() {
        return writeln!(out, "no negotiation tracks: no proposals, talks or agreements between two known actors");
    }
    let name: std::collections::HashMap<&str, String> =
        tracks.iter().flat_map(|t| t.parties.iter().chain(&t.mediators)).map(|a| (a.key.as_str(), a.label())).collect();
    let label = |k: &str| name.get(k).cloned().unwrap_or_else(|| k.to_string());
    for t in tracks {
        let mediators = t.mediators.iter().map(|m| m.label()).collect::<Vec<_>>().join(", ");
        writeln!(
            out,
            "== {} <-> {}{}",
            t.parties[0].label(),
            t.parties[1].label(),
            if mediators.is_empty() { String::new() } else { format!("  (mediators: {mediators})") }
        )?;
        for s in &t.steps {
            writeln!(
                out,
                "  {:<10} {:<14} {:<5} {} -> {}{}  [event {}] {}",
                s.date.as_deref().unwrap_or("undated"),
                format!("{:?}", s.step).to_lowercase(),
                s.cameo,
                label(&s.source),
                label(&s.target),
                s.mediator.as_deref().map(|m| format!(" via {}", label(m))).unwrap_or_default(),
                s.event_id,
                cut(s.sentence.trim(), 80)
            )?;
        }
        for a in &t.agreements {
            writeln!(
                out,
                "  agreement [event {}] {} {}: {}{}",
                a.event_id,
                a.date.as_deref().unwrap_or("undated"),
                a.place.as_deref().unwrap_or(""),
                a.status,
                match (&a.status_date, a.status_event) {
                    (d, Some(e)) => format!(" ({}, event {e})", d.as_deref().unwrap_or("undated")),
                    _ => String::new(),
                }
            )?;
            writeln!(
                out,
                "    violence before / after: between the parties {} ({} dead) / {} ({} dead); in the area {} ({} dead) / {} ({} dead)",
                a.before.between_parties,
                a.before.between_parties_fatalities,
                a.after.between_parties,
                a.after.between_parties_fatalities,
                a.before.in_area,
                a.before.in_area_fatalities,
                a.after.in_area,
                a.after.in_area_fatalities
            )?;
        }
        if !t.index.is_empty() {
            let idx: Vec<String> = t.index.iter().map(|(m, v)| format!("{m} {v:+.2}")).collect();
            writeln!(out, "  cooperation-conflict index by month: {}", idx.join(", "))?;
        }
        writeln!(out)?;
    }
    Ok(())
}
