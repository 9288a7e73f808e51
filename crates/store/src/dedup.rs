//! When two event records are one event. GDELT counts an event's mentions, sources and articles;
//! for that, reports of the same happening must meet in one row. The rule, applied to each new
//! record against the events already stored ([`find`]):
//!
//! 1. **Identity**: the same CAMEO root (code family), the same source actor and the same target
//!    actor (a named actor by its id, else its actor code; both unknown counts as the same).
//! 2. **Date**: the days the two dates cover (a day; a whole month for "in March"; a whole year)
//!    come within [`WINDOW_DAYS`] of each other. Undated records never merge.
//! 3. **Place**: unknown on either side, or both points within [`PLACE_KM`] km, or one is only a
//!    region (admin1) or country that the other lies in.
//!
//! The first stored event (lowest id) that passes all three takes the record as a new mention;
//! every stored event with the record's CAMEO root, target and source whose dates reach the
//! window is looked at (the store finds them through an index on exactly that key, so the set is
//! small by construction and never cut short). Besides:
//!
//! - the two records the coder makes of one mutual act ("a deal between X and Y": X->Y and Y->X,
//!   the same code, in the same sentence) are one event;
//! - an author the coder implied ("an unidentified armed group", a state's authorities) is no
//!   author named: a record with an implied source that finds no event of its own source joins
//!   one of any source (rules 2 and 3 still hold), and a record with a named source that finds
//!   none of its own joins an event whose source was implied, and names its author from then
//!   on (the event's row shows that record, [`shown`]).
//!
//! An event's mentions are counted as distinct reporting sentences, its articles and sources
//! (publishers) as distinct too. Merging keeps the most precise date and place of all the
//! mentions, and the highest death toll reported.

use palaver_core::event::Location;
use palaver_core::{perpetrators, Event};

/// How far apart (in days) two reports' dates may be and still be one event.
pub const WINDOW_DAYS: i64 = 3;
/// How far apart (in km) two reports' places may be and still be one event.
pub const PLACE_KM: f64 = 50.0;

/// Days since 1970-01-01 of a civil date.
pub fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    palaver_core::dates::days_from_civil(y, m, d)
}

/// The first and last day a date covers: `YYYY-MM-DD` one day, `YYYY-MM` its month, `YYYY` its year.
pub fn day_range(date: Option<&str>) -> Option<(i64, i64)> {
    let date = date?;
    let mut parts = date.get(..10.min(date.len()))?.split('-');
    let y: i32 = parts.next()?.parse().ok()?;
    let m: Option<u32> = parts.next().map(str::parse).transpose().ok()?;
    let d: Option<u32> = parts.next().map(str::parse).transpose().ok()?;
    match (m, d) {
        (Some(m @ 1..=12), Some(d @ 1..=31)) => {
            let day = days_from_civil(y, m, d);
            Some((day, day))
        }
        (Some(m @ 1..=12), None) => {
            let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
            Some((days_from_civil(y, m, 1), days_from_civil(ny, nm, 1) - 1))
        }
        (None, None) => Some((days_from_civil(y, 1, 1), days_from_civil(y + 1, 1, 1) - 1)),
        _ => None,
    }
}

/// `yyyymm` of a day number, the key of monthly timelines and of Parquet partitions.
pub fn year_month(day: i64) -> i64 {
    let (y, m, _) = palaver_core::dates::civil_from_days(day);
    i64::from(y) * 100 + i64::from(m)
}

/// Whether two date ranges come within the window of each other.
pub fn dates_match(a: (i64, i64), b: (i64, i64)) -> bool {
    a.0 <= b.1 + WINDOW_DAYS && b.0 <= a.1 + WINDOW_DAYS
}

/// Great-circle distance in km.
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}

fn is_region(l: &Location) -> bool {
    matches!(l.precision.as_str(), "admin1" | "country")
}

/// Whether two places can be the place of one event (rule 3).
pub fn places_match(a: Option<&Location>, b: Option<&Location>) -> bool {
    let (Some(a), Some(b)) = (a, b) else { return true };
    if distance_km(a.lat, a.lon, b.lat, b.lon) <= PLACE_KM {
        return true;
    }
    if a.country != b.country {
        return false;
    }
    let within = |region: &Location, other: &Location| {
        region.precision == "country" || (region.admin1.is_some() && region.admin1 == other.admin1)
    };
    (is_region(a) && within(a, b)) || (is_region(b) && within(b, a))
}

/// How fine a date is: lower is finer.
pub fn date_rank(precision: &str) -> u8 {
    match precision {
        "day" => 0,
        "week" => 1,
        "month" => 2,
        "year" => 3,
        _ => 4,
    }
}

/// How fine a place is: lower is finer.
pub fn place_rank(precision: &str) -> u8 {
    match precision {
        "town" => 0,
        "admin2" => 1,
        "admin1" => 2,
        "country" => 3,
        _ => 4,
    }
}

/// What an event's row says of when, where and how many, folded over its mentions.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    pub date: Option<String>,
    pub date_precision: String,
    pub location: Option<Location>,
    pub fatalities: Option<u32>,
}

impl Merged {
    /// The event as its first mention tells it.
    pub fn of(e: &Event) -> Merged {
        Merged {
            date: e.date.clone(),
            date_precision: e.date_precision.clone(),
            location: e.location.clone(),
            fatalities: e.fatalities,
        }
    }

    /// Takes in another mention: a finer date or place, a higher toll.
    pub fn absorb(&mut self, e: &Event) {
        if e.date.is_some() && (self.date.is_none() || date_rank(&e.date_precision) < date_rank(&self.date_precision)) {
            self.date = e.date.clone();
            self.date_precision = e.date_precision.clone();
        }
        if let Some(l) = &e.location {
            let finer = match &self.location {
                None => true,
                Some(cur) => place_rank(&l.precision) < place_rank(&cur.precision),
            };
            if finer {
                self.location = Some(l.clone());
            }
        }
        self.fatalities = match (self.fatalities, e.fatalities) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
    }

    /// The days the merged date covers.
    pub fn days(&self) -> Option<(i64, i64)> {
        day_range(self.date.as_deref())
    }
}

/// The longest span a stored date can cover (a leap year), which bounds the search window.
pub const LONGEST_SPAN: i64 = 366;

/// A record being filed, as the rule sees it: the event, its sentence, and the store's rows of
/// its source and target actors.
#[derive(Clone, Copy, Debug)]
pub struct Report<'a> {
    pub event: &'a Event,
    pub sentence: i64,
    pub source: Option<i64>,
    pub target: Option<i64>,
}

/// A record already filed from the article being written, to find its mirror in the same sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Filed {
    pub sentence: i64,
    pub cameo: String,
    pub source: Option<i64>,
    pub target: Option<i64>,
    pub event: i64,
}

/// Which stored sources a look-up takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sources {
    /// The same actor row (or both none).
    Same(Option<i64>),
    /// Any source at all.
    Any,
    /// Only actors the coder implied (their store key starts `implied:`).
    Implied,
}

/// What the store is asked for: every event with this CAMEO root, target and sources whose days
/// come within the window of the record's days.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key<'a> {
    pub cameo_root: &'a str,
    pub target: Option<i64>,
    pub sources: Sources,
    /// The days the record's date covers.
    pub days: (i64, i64),
}

impl Key<'_> {
    /// The range a candidate's first day lies in (a stored date covers at most [`LONGEST_SPAN`] days).
    pub fn first_day_range(&self) -> (i64, i64) {
        (self.days.0 - WINDOW_DAYS - LONGEST_SPAN, self.days.1 + WINDOW_DAYS)
    }

    /// The earliest last day a candidate may have.
    pub fn last_day_at_least(&self) -> i64 {
        self.days.0 - WINDOW_DAYS
    }
}

/// A stored event that may be the one reported: its row id, days, and what its row says.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    pub id: i64,
    pub days: (i64, i64),
    pub merged: Merged,
}

/// The stored events, as the rule needs them (the store implements it over SQL).
pub trait Events {
    type Error;
    /// Every stored event under the key (in any order): none may be left out.
    fn candidates(&mut self, key: &Key) -> Result<Vec<Candidate>, Self::Error>;
    /// What an event's row says.
    fn merged(&mut self, id: i64) -> Result<Merged, Self::Error>;
}

/// The stored event a record reports again.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub event: i64,
    /// What its row said before this record.
    pub merged: Merged,
    /// The record names the author the event had only implied: the event's source becomes the
    /// record's, and the record is the one its row shows.
    pub names_author: bool,
}

/// The stored event a record reports again, if any (the rule above).
pub fn find<E: Events>(r: &Report, filed: &[Filed], events: &mut E) -> Result<Option<Found>, E::Error> {
    let e = r.event;
    // "A deal between X and Y" is coded both ways (X->Y, Y->X): one event, not two.
    let mirror = filed.iter().find(|f| {
        f.sentence == r.sentence
            && f.cameo == e.cameo
            && f.source == r.target
            && f.target == r.source
            && r.source != r.target
    });
    if let Some(f) = mirror {
        return Ok(Some(Found { event: f.event, merged: events.merged(f.event)?, names_author: false }));
    }
    let Some(days) = day_range(e.date.as_deref()) else { return Ok(None) };
    let key = |sources| Key { cameo_root: &e.cameo_root, target: r.target, sources, days };
    if let Some(c) = first_match(e, events.candidates(&key(Sources::Same(r.source)))?) {
        return Ok(Some(Found { event: c.id, merged: c.merged, names_author: false }));
    }
    let implied = e.source.as_ref().is_some_and(perpetrators::implied_actor);
    if implied {
        // one report's unidentified group is another's named author: the same event
        let c = first_match(e, events.candidates(&key(Sources::Any))?);
        return Ok(c.map(|c| Found { event: c.id, merged: c.merged, names_author: false }));
    }
    if r.source.is_some() {
        let c = first_match(e, events.candidates(&key(Sources::Implied))?);
        return Ok(c.map(|c| Found { event: c.id, merged: c.merged, names_author: true }));
    }
    Ok(None)
}

/// The first candidate (lowest id) whose date and place match the record's.
fn first_match(e: &Event, candidates: Vec<Candidate>) -> Option<Candidate> {
    let days = day_range(e.date.as_deref())?;
    candidates
        .into_iter()
        .filter(|c| dates_match(c.days, days) && places_match(c.merged.location.as_ref(), e.location.as_ref()))
        .min_by_key(|c| c.id)
}

/// Which of an event's mentions (in the order stored) its row shows: the first report, or the
/// first to name an author the reports before it left implied.
pub fn shown(mentions: &[Event]) -> usize {
    let named = |e: &Event| e.source.as_ref().is_some_and(|a| !perpetrators::implied_actor(a));
    mentions.iter().position(named).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(name: &str, lat: f64, lon: f64, precision: &str, admin1: Option<&str>) -> Location {
        Location {
            name: name.into(),
            country: Some("MLI".into()),
            admin1: admin1.map(String::from),
            admin2: None,
            lat,
            lon,
            precision: precision.into(),
            geonameid: None,
        }
    }

    #[test]
    fn ranges_cover_days_months_and_years() {
        let d = day_range(Some("2021-03-15")).unwrap();
        assert_eq!(d.0, d.1);
        let m = day_range(Some("2021-03")).unwrap();
        assert_eq!(m.1 - m.0, 30);
        assert!(m.0 <= d.0 && d.0 <= m.1);
        let feb = day_range(Some("2020-02")).unwrap();
        assert_eq!(feb.1 - feb.0, 28, "2020 is a leap year");
        let y = day_range(Some("2021")).unwrap();
        assert_eq!(y.1 - y.0, 364);
        let dec = day_range(Some("2021-12")).unwrap();
        assert_eq!(dec.1, days_from_civil(2021, 12, 31));
        assert_eq!(day_range(None), None);
        assert_eq!(day_range(Some("March")), None);
        assert_eq!(day_range(Some("2021-13")), None);
        assert_eq!(year_month(d.0), 202103);
    }

    #[test]
    fn dates_match_within_the_window_only() {
        let day = |s: &str| day_range(Some(s)).unwrap();
        assert!(dates_match(day("2021-03-15"), day("2021-03-18")));
        assert!(!dates_match(day("2021-03-15"), day("2021-03-19")));
        assert!(dates_match(day("2021-03"), day("2021-03-31")));
        assert!(dates_match(day("2021-03"), day("2021-04-02")), "the window reaches past the month's end");
        assert!(!dates_match(day("2021-03"), day("2021-05-01")));
    }

    #[test]
    fn places_match_by_distance_or_region() {
        let niono = place("Niono", 14.25, -5.99, "town", Some("Ségou"));
        let near = place("Siribala", 14.0, -6.05, "town", Some("Ségou"));
        let mopti = place("Mopti", 14.49, -4.19, "town", Some("Mopti"));
        let segou_region = place("Ségou", 13.8, -6.0, "admin1", Some("Ségou"));
        let mali = place("Mali", 17.0, -4.0, "country", None);
        assert!(places_match(Some(&niono), Some(&near)));
        assert!(!places_match(Some(&niono), Some(&mopti)), "about 195 km apart");
        assert!(places_match(Some(&niono), Some(&segou_region)));
        assert!(!places_match(Some(&mopti), Some(&segou_region)));
        assert!(places_match(Some(&mopti), Some(&mali)));
        assert!(places_match(None, Some(&mopti)));
        let mut abroad = niono.clone();
        abroad.country = Some("BFA".into());
        abroad.lat = 12.0;
        assert!(!places_match(Some(&abroad), Some(&mali)));
    }

    #[test]
    fn distances_are_great_circle() {
        let km = distance_km(12.65, -8.0, 14.25, -5.99);
        assert!((km - 283.0).abs() < 10.0, "Bamako to Niono is about 280 km, got {km}");
    }
}
