//! Places named in a sentence, resolved against the gazetteer: "in central Mali's Niono Circle
//! area", "near Dounde (Bankass, Mopti)", "in the Mopti region". Among places of the same name the
//! one in the countries the article is about wins, then the one in a region the text names, then
//! the most populous: Georgia stays in the Caucasus when the story is there.

use crate::event::Location;
use crate::grammar::{Grammar, Word};
use crate::mentions::Mention;
use crate::text::{flag, Token};
use palaver_lexicon::gazetteer::{key, Gazetteer};
use palaver_lexicon::{EntryKind, Lexicon};

/// A place found at a token.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceMention {
    pub token: usize,
    pub location: Location,
}

/// Words after a name that make it a region: "the Mopti region", "Niono Circle".
fn is_region_word(w: &str) -> bool {
    matches!(
        w,
        "region"
            | "province"
            | "state"
            | "circle"
            | "cercle"
            | "district"
            | "prefecture"
            | "governorate"
            | "department"
            | "county"
    )
}

/// What the finder needs from the article.
pub struct Finder<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub lexicon: &'a Lexicon,
    pub grammar: &'a Grammar,
    pub gazetteer: &'a Gazetteer,
    /// A user's gazetteer (`--gazetteer`, a GeoNames dump), searched as well.
    pub extra: Option<&'a Gazetteer>,
    /// ISO3 codes of the countries the article names, most named first.
    pub countries: &'a [String],
}

impl Finder<'_> {
    fn raw(&self, i: usize) -> &str {
        &self.text[self.tokens[i].start as usize..self.tokens[i].end as usize]
    }

    /// Every place of the sentence `range`, in text order.
    pub fn find(&self, range: (usize, usize), mentions: &[Mention], out: &mut Vec<PlaceMention>) {
        out.clear();
        let mut last_end = None;
        let mut i = range.0;
        while i < range.1 {
            let t = self.tokens[i];
            let w = self.raw(i);
            let is = |x: &str| w.eq_ignore_ascii_case(x);
            // "between Dala and Douentza": the second place too
            let and_after_place = last_end == Some(i) && is("and");
            let trigger = and_after_place
                || t.class == Word::Locative
                || (t.class == Word::Of && i > range.0 && self.grammar.is_place_noun(&self.raw(i - 1).to_lowercase()))
                || is("between")
                || is("toward")
                || is("towards")
                || is("from");
            if !trigger {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            // "in central Mali's Niono Circle area", "near the village of Boni"
            while j < range.1 && j < i + 5 && !self.tokens[j].is(flag::CAPITAL) {
                let skippable = matches!(self.tokens[j].class, Word::Det | Word::Of | Word::Adverb)
                    || (self.tokens[j].class == Word::Other
                        && !self.tokens[j].is(flag::PUNCT | flag::NUMBER | flag::VERBAL));
                if !skippable {
                    break;
                }
                j += 1;
            }
            match self.place_at(j, range, mentions) {
                Some((mut place, end)) => {
                    let (hint, after) = self.hints(end, range);
                    if let Some(better) = hint.and_then(|h| self.refine(&place, &h)) {
                        place = better;
                    }
                    out.push(PlaceMention { token: j, location: place });
                    last_end = Some(after);
                    i = after.max(i + 1);
                }
                None => {
                    // a place the gazetteer lacks, placed by ACLED-style hints: "Dounde (Bankass, Mopti)"
                    if let Some((place, after)) = self.by_hints(j, range) {
                        out.push(PlaceMention { token: j, location: place });
                        last_end = Some(after);
                        i = after.max(i + 1);
                    } else {
                        i += 1;
                    }
                }
            }
        }
    }

    /// An unknown name followed by "(District, Region)": the district's seat, else the region.
    ///
    /// (An unclosed bracket, "Dounde (", gives nothing: found by fuzzing.)
    fn by_hints(&self, j: usize, range: (usize, usize)) -> Option<(Location, usize)> {
        if j >= range.1 || !self.tokens[j].is(flag::CAPITAL) {
            return None;
        }
        let mut end = j;
        while end < range.1 && end < j + 4 && (self.tokens[end].is(flag::CAPITAL) || self.raw(end) == "-") {
            end += 1;
        }
        if end < range.1 && self.raw(end) == "[" {
            end = (end..range.1).find(|&k| self.raw(k) == "]").map_or(end, |k| k + 1);
        }
        let (hints, after) = self.hints(end, range);
        let hints = hints?;
        let region = hints.last().map(|h| key(h));
        let district = hints.first().map(|h| key(h));
        let place = district.as_deref().and_then(|d| self.best_place(d, region.as_deref()));
        let place =
            place.filter(|p| region.as_deref().is_none_or(|r| p.admin1.as_deref().map(key).as_deref() == Some(r)));
        let mut found = place.or_else(|| region.as_deref().and_then(|r| self.region(r)))?;
        if found.precision == "town" {
            found.precision = "admin2".into();
        }
        Some((found, after))
    }

    /// The place whose name starts at `j`: a country of the lexicon, a gazetteer place or region.
    fn place_at(&self, j: usize, range: (usize, usize), mentions: &[Mention]) -> Option<(Location, usize)> {
        if j >= range.1 || !self.tokens[j].is(flag::CAPITAL) || crate::dates::is_date_word(self.raw(j)) {
            return None;
        }
        if let Some(m) =
            mentions.iter().find(|m| m.start == j && m.kind == EntryKind::CountryName && m.who.agent.is_none())
        {
            let c = &self.lexicon.countries[m.who.country? as usize];
            // "Mali's Niono Circle": the country only qualifies what follows
            let next = self.place_at(
                m.end + usize::from(self.raw(m.end.min(range.1 - 1)).ends_with('s') && m.end < range.1),
                range,
                &[],
            );
            if let Some(found) = next.filter(|(l, _)| l.country.as_deref() == Some(c.iso3.as_str())) {
                return Some(found);
            }
            return self.country(&c.iso3).map(|l| (l, m.end));
        }
        let mut run = j;
        while run < range.1 && run < j + 4 && (self.tokens[run].is(flag::CAPITAL) || (self.raw(run) == "-" && run > j))
        {
            run += 1;
        }
        for end in (j + 1..=run).rev() {
            let name = &self.text[self.tokens[j].start as usize..self.tokens[end - 1].end as usize];
            let k = key(name);
            let region_word = end < range.1 && is_region_word(&self.raw(end).to_lowercase());
            let region = || self.region(&k).map(|l| (l, end + usize::from(region_word)));
            let place = || self.best_place(&k, None).map(|l| (l, end));
            let found = if region_word { region().or_else(place) } else { place().or_else(region) };
            if found.is_some() {
                return found;
            }
        }
        None
    }

    /// ACLED's "(Bankass, Mopti)" after a place: the district and the region it lies in.
    fn hints(&self, end: usize, range: (usize, usize)) -> (Option<Vec<String>>, usize) {
        if end >= range.1 || self.raw(end) != "(" {
            return (None, end);
        }
        let Some(close) = (end..range.1).find(|&k| self.raw(k) == ")") else {
            return (None, end); // an unclosed bracket holds no hints
        };
        let inner = &self.text[self.tokens[end].end as usize..self.tokens[close].start as usize];
        let items: Vec<String> = inner.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
        (Some(items), (close + 1).min(range.1))
    }

    /// A place placed better by hints: the same name in the hinted region, or the district's seat.
    fn refine(&self, place: &Location, hints: &[String]) -> Option<Location> {
        let region = hints.last().map(|h| key(h))?;
        let named = key(&place.name);
        if let Some(l) = self
            .best_place(&named, Some(&region))
            .filter(|l| l.admin1.as_deref().map(key).as_deref() == Some(region.as_str()))
        {
            return Some(l);
        }
        None
    }

    /// The best place of a name: in the hinted region, in the article's countries, then the most populous.
    fn best_place(&self, k: &str, region: Option<&str>) -> Option<Location> {
        let score = |g: &Gazetteer, p: &palaver_lexicon::gazetteer::Place| {
            let country_rank = self.countries.iter().position(|c| c == p.iso3()).map_or(0, |r| 100 - r.min(50) as u64);
            let in_region = region.is_some_and(|r| key(g.admin1_of(p)) == r);
            (u64::from(in_region), country_rank, p.population)
        };
        let candidates = [Some(self.gazetteer), self.extra]
            .into_iter()
            .flatten()
            .flat_map(|g| g.places_named(k).iter().map(move |&i| (g, &g.places[i as usize])));
        let (g, p) = candidates.max_by_key(|(g, p)| score(g, p))?;
        // outside the article's countries only a town's own name counts ("Kidal"), not a village
        // or another language's name for a city ("Boni" for Bonn)
        let foreign = !self.countries.is_empty() && !self.countries.iter().any(|c| c == p.iso3());
        if foreign && (p.population < 1_000 || key(&p.name) != k) {
            return None;
        }
        // at home too, another name of a small place is too weak a match ("Boni" for Bonnut)
        let hinted = region.is_some_and(|r| key(g.admin1_of(p)) == r);
        if key(&p.name) != k && p.population < 5_000 && !hinted {
            return None;
        }
        Some(Location {
            name: p.name.to_string(),
            country: Some(p.iso3().to_string()),
            admin1: Some(g.admin1_of(p).to_string()).filter(|a| !a.is_empty()),
            admin2: Some(p.admin2.to_string()).filter(|a| !a.is_empty()),
            lat: round4(f64::from(p.lat)),
            lon: round4(f64::from(p.lon)),
            precision: "town".into(),
            geonameid: Some(u64::from(p.geonameid)),
        })
    }

    fn region(&self, k: &str) -> Option<Location> {
        let g = self.gazetteer;
        let rank =
            |&i: &u32| self.countries.iter().position(|c| *c == g.regions[i as usize].iso3).map_or(usize::MAX, |r| r);
        let best = g.regions_named(k).iter().min_by_key(|i| rank(i))?;
        let r = &g.regions[*best as usize];
        if !self.countries.is_empty() && !self.countries.contains(&r.iso3) {
            return None;
        }
        Some(Location {
            name: r.name.clone(),
            country: Some(r.iso3.clone()),
            admin1: Some(r.name.clone()),
            admin2: None,
            lat: r.lat,
            lon: r.lon,
            precision: "admin1".into(),
            geonameid: None,
        })
    }

    fn country(&self, iso3: &str) -> Option<Location> {
        let c = self.gazetteer.countries.get(iso3)?;
        Some(Location {
            name: c.name.clone(),
            country: Some(iso3.to_string()),
            admin1: None,
            admin2: None,
            lat: c.lat,
            lon: c.lon,
            precision: "country".into(),
            geonameid: None,
        })
    }
}

/// Coordinates to four decimals (about 10 m), as the gazetteer gives them.
fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// The place of an event: the one nearest its verb in the sentence.
pub fn nearest(places: &[PlaceMention], verb: usize) -> Option<&PlaceMention> {
    places.iter().min_by_key(|p| (p.token.abs_diff(verb), p.location.precision == "country"))
}
