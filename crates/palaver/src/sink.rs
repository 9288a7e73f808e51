//! Where events go. Every output format is an [`EventSink`]: JSONL (the event record as DESIGN.md
//! fixes it), CSV (flattened), and GDELT 2.0's 61-column event TSV.

use palaver_core::event::ActorRecord;
use palaver_core::{Article, Event};
use std::io::{self, Write};

/// Receives events: `begin` once, `event` for each, `finish` once.
pub trait EventSink {
    /// Before the first event (headers).
    fn begin(&mut self) -> io::Result<()> {
        Ok(())
    }
    /// One event.
    fn event(&mut self, e: &Event, article: &Article) -> io::Result<()>;
    /// After the last event.
    fn finish(&mut self) -> io::Result<()>;
    /// Pushes out what has been written so far (after each batch, for pipelines).
    fn flush(&mut self) -> io::Result<()>;
}

/// One JSON object per line.
pub struct JsonlSink<W: Write>(pub W);

impl<W: Write> EventSink for JsonlSink<W> {
    fn event(&mut self, e: &Event, _: &Article) -> io::Result<()> {
        serde_json::to_writer(&mut self.0, e)?;
        self.0.write_all(b"\n")
    }
    fn finish(&mut self) -> io::Result<()> {
        self.0.flush()
    }
    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

/// Flattened columns with a header row.
pub struct CsvSink<W: Write>(pub csv::Writer<W>);

/// The CSV columns, in order.
pub const CSV_COLUMNS: &[&str] = &[
    "doc_id",
    "event_id",
    "sentence_index",
    "date",
    "date_precision",
    "source_text",
    "source_code",
    "source_actor_id",
    "source_name",
    "source_country",
    "source_sector",
    "target_text",
    "target_code",
    "target_actor_id",
    "target_name",
    "target_country",
    "target_sector",
    "cameo",
    "cameo_root",
    "quad_class",
    "goldstein",
    "plover_event",
    "plover_mode",
    "acled_event_type",
    "acled_sub_event_type",
    "location_name",
    "location_country",
    "lat",
    "lon",
    "location_precision",
    "fatalities",
    "negated",
    "attribution",
    "verb",
    "rule",
    "sentence",
];

fn s(o: &Option<String>) -> &str {
    o.as_deref().unwrap_or("")
}

fn actor_cells(a: &Option<ActorRecord>) -> [String; 6] {
    match a {
        Some(a) => [
            a.text.clone(),
            s(&a.code).into(),
            s(&a.actor_id).into(),
            s(&a.name).into(),
            s(&a.country).into(),
            s(&a.sector).into(),
        ],
        None => Default::default(),
    }
}

impl<W: Write> CsvSink<W> {
    /// A CSV sink writing to `w`.
    pub fn new(w: W) -> Self {
        CsvSink(csv::Writer::from_writer(w))
    }
}

impl<W: Write> EventSink for CsvSink<W> {
    fn begin(&mut self) -> io::Result<()> {
        self.0.write_record(CSV_COLUMNS).map_err(io::Error::other)
    }
    fn event(&mut self, e: &Event, _: &Article) -> io::Result<()> {
        self.0.write_record(csv_row(e)).map_err(io::Error::other)
    }
    fn finish(&mut self) -> io::Result<()> {
        self.0.flush()
    }
    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

/// The CSV cells of an event, in the order of [`CSV_COLUMNS`].
pub fn csv_row(e: &Event) -> Vec<String> {
    let acled = e.acled.as_ref();
    let loc = e.location.as_ref();
    let mut row: Vec<String> = vec![
        e.doc_id.clone(),
        e.event_id.clone(),
        e.sentence_index.to_string(),
        s(&e.date).into(),
        e.date_precision.clone(),
    ];
    row.extend(actor_cells(&e.source));
    row.extend(actor_cells(&e.target));
    row.extend([
        e.cameo.clone(),
        e.cameo_root.clone(),
        e.quad_class.to_string(),
        e.goldstein.to_string(),
        s(&e.plover.event).into(),
        s(&e.plover.mode).into(),
        acled.map(|a| s(&a.event_type).to_string()).unwrap_or_default(),
        acled.map(|a| s(&a.sub_event_type).to_string()).unwrap_or_default(),
        loc.map(|l| l.name.clone()).unwrap_or_default(),
        loc.map(|l| s(&l.country).to_string()).unwrap_or_default(),
        loc.map(|l| l.lat.to_string()).unwrap_or_default(),
        loc.map(|l| l.lon.to_string()).unwrap_or_default(),
        loc.map(|l| l.precision.clone()).unwrap_or_default(),
        e.fatalities.map(|f| f.to_string()).unwrap_or_default(),
        e.negated.to_string(),
        e.attribution.as_ref().and_then(|a| a.code.clone()).unwrap_or_default(),
        e.evidence.verb.clone(),
        e.rule.clone(),
        e.evidence.sentence.clone(),
    ]);
    row
}

/// GDELT 2.0 event export: 61 tab-separated columns, no header, empty where palaver computes nothing.
pub struct GdeltSink<W: Write>(pub W);

/// A stable numeric id for an event id (FNV-1a, 63 bits), since GDELT's ids are integers.
pub fn global_event_id(event_id: &str) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in event_id.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100000001b3);
    }
    h >> 1
}

/// Splits a CAMEO actor code into country, known group and up to three type codes.
fn split_actor_code(code: &str) -> (String, String, [String; 3]) {
    let parts: Vec<&str> = (0..code.len() / 3).filter_map(|i| code.get(i * 3..i * 3 + 3)).collect();
    let is_type = |p: &str| {
        matches!(
            p,
            "GOV"
                | "MIL"
                | "REB"
                | "OPP"
                | "CVL"
                | "COP"
                | "JUD"
                | "LEG"
                | "SPY"
                | "UAF"
                | "INS"
                | "SEP"
                | "BUS"
                | "CRM"
                | "EDU"
                | "ELI"
                | "HLH"
                | "LAB"
                | "MED"
                | "REF"
                | "REL"
                | "AGR"
                | "DEV"
                | "ENV"
                | "HRI"
                | "MOD"
                | "RAD"
                | "IGO"
                | "NGO"
                | "PKO"
                | "UIS"
                | "IMG"
                | "INT"
                | "MNC"
                | "NGM"
                | "SET"
        )
    };
    let mut country = String::new();
    let mut group = String::new();
    let mut types: Vec<String> = Vec::new();
    for (i, p) in parts.iter().enumerate() {
        if is_type(p) {
            types.push(p.to_string());
        } else if i == 0 {
            country = p.to_string();
        } else if group.is_empty() {
            group = p.to_string();
        }
    }
    types.resize(3, String::new());
    (country, group, [types[0].clone(), types[1].clone(), types[2].clone()])
}

fn gdelt_actor(a: &Option<ActorRecord>, out: &mut Vec<String>) {
    let Some(a) = a else {
        out.extend(std::iter::repeat_n(String::new(), 10));
        return;
    };
    let code = s(&a.code);
    let (country, group, types) = split_actor_code(code);
    let name = a.name.clone().unwrap_or_else(|| a.text.to_uppercase());
    out.extend([code.to_string(), name, country, group, String::new(), String::new(), String::new()]);
    out.extend(types);
}

/// The 61 GDELT cells of an event; `counts` are NumMentions, NumSources and NumArticles (one
/// each for a single coded record; the store's counts for a stored event).
pub fn gdelt_row(e: &Event, url: Option<&str>, counts: [u32; 3]) -> Vec<String> {
    let mut row = Vec::with_capacity(61);
    let digits: String = s(&e.date).chars().filter(char::is_ascii_digit).collect();
    let (year, month) = (digits.get(..4).unwrap_or(""), digits.get(4..6).unwrap_or("01"));
    let day = digits.get(6..8).unwrap_or("01");
    let sqldate = if year.is_empty() { String::new() } else { format!("{year}{month}{day}") };
    let fraction = year.parse::<f64>().ok().map(|y| {
        let m: f64 = month.parse().unwrap_or(1.0);
        let d: f64 = day.parse().unwrap_or(1.0);
        format!("{:.4}", y + ((m - 1.0) * 30.4375 + d) / 365.25)
    });
    row.extend([
        global_event_id(&e.event_id).to_string(),
        sqldate,
        if year.is_empty() { String::new() } else { format!("{year}{month}") },
        year.to_string(),
        fraction.unwrap_or_default(),
    ]);
    gdelt_actor(&e.source, &mut row);
    gdelt_actor(&e.target, &mut row);
    let base = e.cameo.get(..3).unwrap_or(&e.cameo).to_string();
    row.extend([
        u8::from(e.sentence_index == 0).to_string(),
        e.cameo.clone(),
        base,
        e.cameo_root.clone(),
        e.quad_class.to_string(),
        format!("{:.1}", e.goldstein),
        counts[0].to_string(),
        counts[1].to_string(),
        counts[2].to_string(),
        String::new(),
    ]);
    // Actor1Geo, Actor2Geo: palaver places events, not actors.
    row.extend(std::iter::repeat_n(String::new(), 16));
    match &e.location {
        Some(l) => row.extend([
            geo_type(&l.precision).to_string(),
            l.name.clone(),
            s(&l.country).into(),
            s(&l.admin1).into(),
            s(&l.admin2).into(),
            l.lat.to_string(),
            l.lon.to_string(),
            l.geonameid.map(|g| g.to_string()).unwrap_or_default(),
        ]),
        None => row.extend(std::iter::repeat_n(String::new(), 8)),
    }
    row.extend([String::new(), url.unwrap_or("").to_string()]);
    row
}

/// One GDELT line: tabs and line breaks inside cells become spaces.
pub fn write_gdelt_line(w: &mut impl Write, row: &[String]) -> io::Result<()> {
    let cleaned: Vec<String> = row.iter().map(|c| c.replace(['\t', '\n', '\r'], " ")).collect();
    writeln!(w, "{}", cleaned.join("\t"))
}

fn geo_type(precision: &str) -> u8 {
    match precision {
        "country" => 1,
        "admin1" => 5,
        "admin2" | "town" => 4,
        _ => 0,
    }
}

impl<W: Write> EventSink for GdeltSink<W> {
    fn event(&mut self, e: &Event, article: &Article) -> io::Result<()> {
        write_gdelt_line(&mut self.0, &gdelt_row(e, article.url.as_deref(), [1, 1, 1]))
    }
    fn finish(&mut self) -> io::Result<()> {
        self.0.flush()
    }
    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}
