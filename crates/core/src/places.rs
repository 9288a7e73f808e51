//! Places named in a sentence, resolved against the gazetteer: "in central Mali's Niono Circle
//! area", "near Dounde (Bankass, Mopti)", "in the Mopti region". Among places of the same name the
//! one in a region or district the text names, or by a town it puts it "of" or "near" ("Banki of
//! Kolofata"), wins, then a city of the story's countries ("Abuja"), then the one in a region the
//! story's actors fight in (`area=` in dictionaries/actors.txt), then the one in the story's
//! countries (its hints, the countries it names, its actors', the divisions it names, the user's
//! prior), then the one nearest the places the article placed before, then the best known: Georgia
//! stays in the Caucasus when the story is there, and a village of Mali is never Yoro in Honduras.
//! A village the gazetteer knows only from the village table is taken abroad or in a story with no
//! country only when nothing else bears its name: where nothing decides, no town is better than a
//! wrong one.

use crate::event::Location;
use crate::grammar::{Grammar, ListId, Word};
use crate::mentions::Mention;
use crate::text::{flag, Token};
use palaver_lexicon::gazetteer::{key, loose_key, skeleton, Admin2, Gazetteer, Place};
use palaver_lexicon::{EntryKind, Lexicon};

/// A place found at a token.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceMention {
    pub token: usize,
    pub location: Location,
    /// Where someone comes from, not where anything happened: "a missionary from Calgary".
    pub origin: bool,
    /// The place a report says the event is filed at ("coded as Madougou at geoprecision 2"): it
    /// beats every other place of the sentence.
    pub filed: bool,
    /// Placed by ACLED-style hints ("near Youwarou (Youwarou, Mopti)"): the place a summary codes
    /// its event at, before a village named beside it ("the chief of Guimbala, near Youwarou").
    pub hinted: bool,
    /// The second of a pair ("between Niono and Lere", "in Gao and Kidal"): a summary codes its
    /// event at the first.
    pub second: bool,
}

impl PlaceMention {
    /// A place named at `token`, of no special kind (the flags set where they apply).
    fn at(token: usize, location: Location) -> Self {
        PlaceMention { token, location, origin: false, filed: false, hinted: false, second: false }
    }
}

/// Below this population a place outside the article's countries is not taken on its name alone:
/// news from the Sahel is full of villages that share a name with some town abroad.
const FOREIGN_MIN_POPULATION: u32 = 15_000;

/// In a story with countries of its own, a place abroad is taken on its name alone only if it is a
/// city known beyond its country, in a neighbour of the story's countries ("Tamanrasset" in a story
/// on Mali), or a city the world knows ("Paris").
const FOREIGN_CITY: u32 = 100_000;
const WORLD_CITY: u32 = 1_000_000;

/// A town known beyond its district, which a name in passing may mean ("the staff of the
/// University of Abuja").
const TOWN_OF_NOTE: u32 = 5_000;

/// Places of one name closer than this are one spot as far as a map of events goes.
const NEIGHBOURING: f64 = 25.0;

/// How far from a town a village the text puts "of" or "near" it may lie.
const BY_TOWN: f64 = 50.0;

/// The area ACLED-style hints name: "(Bankass, Mopti)" a district in a region, "(Soudougui,
/// Koulpelogo)" a commune in a province, "(Mopti)" a region; `point` is the finest one found.
#[derive(Clone, Debug, Default)]
struct Area {
    iso3: Option<String>,
    admin1: Option<String>,
    /// The admin2 code, as places carry it.
    admin2: Option<String>,
    point: Option<Location>,
}

impl Area {
    /// Whether a place lies in the area. A place with no district code is in the hinted district
    /// when that district's seat is about the nearest of its region's seats to it.
    fn contains(&self, g: &Gazetteer, base: &Gazetteer, p: &Place) -> bool {
        self.iso3.as_deref().is_none_or(|c| c == p.iso3())
            && self.admin1.as_deref().is_none_or(|a| key(a) == key(g.admin1_of(p)))
            && self.admin2.as_deref().is_none_or(|c| {
                if p.admin2.is_empty() {
                    self.near_seat(base, p)
                } else {
                    *p.admin2 == *c
                }
            })
    }

    fn near_seat(&self, g: &Gazetteer, p: &Place) -> bool {
        self.near_seat_of(g, f64::from(p.lat), f64::from(p.lon))
    }

    fn near_seat_of(&self, g: &Gazetteer, lat: f64, lon: f64) -> bool {
        let (Some(iso3), Some(admin1), Some(point)) = (&self.iso3, &self.admin1, &self.point) else { return true };
        let here = distance_km(point.lat, point.lon, lat, lon);
        let nearest =
            g.admin2s_in(iso3, admin1).map(|a| distance_km(a.lat, a.lon, lat, lon)).fold(f64::INFINITY, f64::min);
        here <= nearest * 1.5 + 20.0
    }
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
    /// ISO3 codes of the story's countries, the likeliest first.
    pub countries: &'a [String],
    /// Where to look when the story's countries are silent (the user's `--countries`, or the
    /// countries of the village gazetteer): all alike, weaker than any of the story's own.
    pub prior: &'a [String],
    /// The regions the story's actors fight in (ISO3, the region's key): among villages of one
    /// name in a country, one there first ("Boko Haram attacked Alafa" is in Borno).
    pub areas: Vec<(String, String)>,
    /// Points of the towns and districts placed so far in the article: a name that several
    /// places share is taken nearest them.
    pub anchors: Vec<(f64, f64)>,
    /// The grammar's lists the finder tests every token against.
    pub lists: Lists,
}

/// The numbers of the grammar's lists that the finder tests every token against.
#[derive(Clone, Copy, Debug)]
pub struct Lists {
    filed_as: ListId,
    filed_coded: ListId,
    between: ListId,
    place_motion: ListId,
    place_from: ListId,
    place_and: ListId,
    distance_word: ListId,
    border_word: ListId,
    locative_phrase_ends: ListId,
    road_word: ListId,
    holiday: ListId,
    quarter_word: ListId,
    vicinity_word: ListId,
    possessive_mark: ListId,
}

impl Lists {
    pub fn of(g: &Grammar) -> Self {
        Lists {
            filed_as: g.list_id("filed_as"),
            filed_coded: g.list_id("filed_coded"),
            between: g.list_id("between"),
            place_motion: g.list_id("place_motion"),
            place_from: g.list_id("place_from"),
            place_and: g.list_id("place_and"),
            distance_word: g.list_id("distance_word"),
            border_word: g.list_id("border_word"),
            locative_phrase_ends: g.list_id(crate::grammar::LOCATIVE_PHRASE_ENDS),
            road_word: g.list_id("road_word"),
            holiday: g.list_id("holiday"),
            quarter_word: g.list_id("quarter_word"),
            vicinity_word: g.list_id("vicinity_word"),
            possessive_mark: g.list_id("possessive_mark"),
        }
    }
}

impl Finder<'_> {
    fn raw(&self, i: usize) -> &str {
        &self.text[self.tokens[i].start as usize..self.tokens[i].end as usize]
    }

    /// Every place of the sentence `range`, in text order; its towns and districts become anchors
    /// for the sentences after it.
    pub fn find(&mut self, range: (usize, usize), mentions: &[Mention], out: &mut Vec<PlaceMention>) {
        self.find_places(range, mentions, out);
        // "the end of Ramadan", "during Tabaski": a feast, not a town of that name
        out.retain(|p| !self.grammar.in_list(self.lists.holiday, &self.tokens[p.token]));
        // "Mile 16", "Sector 5": a name with a number is a quarter's, not the town's of that name
        let numbered = |k: usize| {
            k + 1 < range.1
                && self.tokens[k + 1].is(flag::NUMBER)
                && self.raw(k + 1).bytes().all(|b| b.is_ascii_digit())
                && !self.grammar.calendar().is_date_word(self.raw(k))
        };
        out.retain(|p| !numbered(p.token));
        for p in out.iter().filter(|p| matches!(p.location.precision.as_str(), "town" | "admin2")) {
            if self.anchors.len() < 16 {
                self.anchors.push((p.location.lat, p.location.lon));
            }
        }
    }

    fn find_places(&self, range: (usize, usize), mentions: &[Mention], out: &mut Vec<PlaceMention>) {
        self.scan_places(range, mentions, out);
        // "between Somadougou and Diallo (coded as Somadougou at geoprecision 2)": the place the
        // report files the event at, wherever the text names it
        for i in range.0..range.1.saturating_sub(1) {
            if !self.filed_at(i, range) || !self.tokens[i + 1].is(flag::CAPITAL) {
                continue;
            }
            let run = self.name_run(i + 1, range);
            let name = key(&self.text[self.tokens[i + 1].start as usize..self.tokens[run.max(i + 2) - 1].end as usize]);
            match out.iter_mut().find(|p| key(&p.location.name) == name || p.token == i + 1) {
                Some(p) => p.filed = true,
                None => {
                    // (a report files events at places, never at a country: "coded as Saba" is
                    // the village, not the Caribbean island)
                    if let Some((location, _)) =
                        self.place_at(i + 1, range, mentions).filter(|(l, _)| l.precision != "country")
                    {
                        out.push(PlaceMention { filed: true, ..PlaceMention::at(i + 1, location) });
                    }
                }
            }
        }
    }

    /// Whether token `i` opens the place a report files its event at: the grammar's `filed_as`
    /// ("as") with `filed_coded` ("coded") among the four words before: "coded as X", "coded at
    /// approximate location as X".
    fn filed_at(&self, i: usize, range: (usize, usize)) -> bool {
        self.grammar.in_list(self.lists.filed_as, &self.tokens[i])
            && (i.saturating_sub(4).max(range.0)..i)
                .any(|k| self.grammar.in_list(self.lists.filed_coded, &self.tokens[k]))
    }

    fn scan_places(&self, range: (usize, usize), mentions: &[Mention], out: &mut Vec<PlaceMention>) {
        out.clear();
        let mut last_end = None;
        let mut i = range.0;
        while i < range.1 {
            let t = self.tokens[i];
            let is = |list: ListId| self.grammar.in_list(list, &t);
            let filed = self.filed_at(i, range);
            // "the school of Diona", "les habitants de Kati", "au marché de Dioura": a common noun
            // of a place at home (checked below once the place is found)
            let of_noun = |i: usize| {
                // (or its article: "students of the University of Abuja")
                let det = i + 2 < range.1 && self.tokens[i + 1].class == Word::Det;
                self.tokens[i].class == Word::Of
                    && i > range.0
                    && i + 1 < range.1
                    && self.tokens[i + 1 + usize::from(det)].is(flag::CAPITAL)
                    && self.tokens[i - 1].class == Word::Other
                    && !self.tokens[i - 1].is(flag::PUNCT | flag::NUMBER | flag::VERBAL)
                    // (a capital only where the sentence starts: "Residents of Ouagadougou protested")
                    && (!self.tokens[i - 1].is(flag::CAPITAL) || i - 1 == range.0)
                    && !self.grammar.is_place_noun(&self.raw(i - 1).to_lowercase())
                    // ("une vingtaine de Bambara": a count of people)
                    && !self.grammar.tolls().is_count_word(&self.raw(i - 1).to_lowercase())
            };
            // "between Dala and Douentza": the second place too
            let and_after_place = last_end == Some(i) && is(self.lists.place_and);
            let trigger = and_after_place
                || t.class == Word::Locative
                || self.ends_locative_phrase(i, range)
                || (t.class == Word::Of && i > range.0 && self.grammar.is_place_noun(&self.raw(i - 1).to_lowercase()))
                || of_noun(i)
                || is(self.lists.between)
                // ACLED's "(coded as Madougou at geoprecision 2)": the place the event is filed at
                || filed
                // "into", "towards", "from"
                || is(self.lists.place_motion);
            if !trigger {
                // "attacked Tin-Hamma (Ansongo, Gao)": a name its hints place needs no preposition
                let starts_name = t.is(flag::CAPITAL) && (i == range.0 || !self.tokens[i - 1].is(flag::CAPITAL));
                let hinted = starts_name.then(|| self.hinted(i, range, true)).flatten();
                let bare = hinted.is_none() && starts_name;
                // "Katsina residents protested", "Jos youths": a town's name before a noun of
                // people whom no name or country already places
                // (a capital opening the sentence may be a common word: "Police officers")
                let people_of_place = || {
                    let run = self.name_run(i, range);
                    let before_people = (i > range.0 || t.word == 0)
                        && run < range.1
                        && !self.tokens[run].is(flag::CAPITAL | flag::PUNCT | flag::NUMBER | flag::VERBAL)
                        && mentions.iter().any(|m| {
                            m.start <= run
                                && run < m.end
                                && m.who.agent.is_some()
                                && m.who.actor.is_none()
                                && m.who.country.is_none()
                        });
                    before_people.then(|| self.place_at(i, range, mentions)).flatten().filter(|(place, _)| {
                        matches!(place.precision.as_str(), "town" | "admin1" | "admin2")
                            && self.at_home(place)
                            && (place.precision != "town" || self.known_town(place))
                    })
                };
                let follows_verb = || {
                    i > range.0
                        && (self.tokens[i - 1].is(flag::VERBAL) || self.lexicon.is_head(self.tokens[i - 1].lemma))
                };
                // "Boko Haram attacked Kolofata", "raided Ropp village": a verb's object that is a
                // known town, a place the next word says is one, or a village of the country the story
                // names first
                let object = || {
                    let after_verb = follows_verb() && !mentions.iter().any(|m| m.start <= i && i < m.end);
                    after_verb.then(|| self.place_at(i, range, mentions)).flatten().filter(|(place, after)| {
                        let settlement = *after < range.1 && self.is_settlement_word(self.raw(*after));
                        // ("to close Damboa's consulate": the name owns the object)
                        let owner =
                            *after < range.1 && self.grammar.in_list(self.lists.possessive_mark, &self.tokens[*after]);
                        place.precision != "country"
                            && !owner
                            && (settlement
                                || place.precision != "town"
                                || self.known_town(place)
                                || place.country.as_deref().is_some_and(|c| self.country_rank(c) == 100)
                                || (self.in_actor_area(place) && self.own_name(place, i, *after)))
                    })
                };
                // "attacked Kodomun community, Demsa Local Government Area": the area of an object
                // the gazetteer lacks
                let object_area = || follows_verb().then(|| self.beside_unknown(i, range, mentions)).flatten();
                let taken = bare
                    .then(|| self.road_place(i, range, mentions))
                    .flatten()
                    .or_else(|| bare.then(people_of_place).flatten())
                    .or_else(|| bare.then(object).flatten())
                    .or_else(|| bare.then(object_area).flatten());
                if let Some((place, after)) = taken {
                    // ("attacked Dinya village in Gassol LGA": the Dinya of that district)
                    let place = self.narrowed(&place, i, after, range).unwrap_or(place);
                    out.push(PlaceMention::at(i, place));
                    last_end = Some(after);
                    i = after.max(i + 1);
                    continue;
                }
                match hinted.and_then(|(area, after)| Some((self.place_in_area(i, range, mentions, &area)?, after))) {
                    Some((place, after)) => {
                        let hinted = place.precision == "town";
                        out.push(PlaceMention { hinted, ..PlaceMention::at(i, place) });
                        last_end = Some(after);
                        i = after.max(i + 1);
                    }
                    None => i += 1,
                }
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
            let hint = self.hinted(j, range, false);
            let via_hints = hint.is_some();
            let found = match hint {
                Some((area, after)) => self.place_in_area(j, range, mentions, &area).map(|l| (l, after)),
                None => self.place_at(j, range, mentions).and_then(|(place, end)| {
                    if end < range.1 && self.grammar.in_list(self.lists.quarter_word, &self.tokens[end]) {
                        return self.town_of_quarter(end + 1, range, mentions);
                    }
                    // ("the Kalari area of Maiduguri": an area of a town is a quarter of it; "the
                    // Kalari area" alone is the village's)
                    if end < range.1 && self.grammar.in_list(self.lists.vicinity_word, &self.tokens[end]) {
                        let town = self.town_of_quarter(end + 1, range, mentions);
                        if let Some(found) = town.filter(|(l, _)| l.precision == "town" && self.known_town(l)) {
                            return Some(found);
                        }
                    }
                    Some(match self.narrowed(&place, j, end, range) {
                        Some(narrow) => (narrow, end),
                        None => (place, self.hints(end, range).1),
                    })
                }),
            };
            // (a village the hints place only at their district's seat is no better than another)
            let hinted = via_hints && found.as_ref().is_some_and(|(l, _)| l.precision == "town");
            let found = found.or_else(|| self.road_place(j, range, mentions));
            let found = found.or_else(|| self.beside_unknown(j, range, mentions));
            // "a missionary from Calgary", "soldiers from Gao": a noun's origin ("withdrew from
            // Kidal" is where the act took place)
            // ("30 km from Djibo" says where it happened)
            let noun_before = i > range.0
                && (mentions.iter().any(|m| m.end == i)
                    || (self.tokens[i - 1].class == Word::Other
                        && !self.tokens[i - 1].is(flag::VERBAL | flag::PUNCT | flag::NUMBER)));
            let distance = i > range.0 && self.grammar.in_list(self.lists.distance_word, &self.tokens[i - 1]);
            let origin = is(self.lists.place_from) && noun_before && !distance;
            // "the capital of Israel", "the people of Mali": a country after "of" is a topic, not
            // where anything happened (a locative says that: "in the north of Mali")
            let by_of = t.class == Word::Of;
            let found = found.filter(|(l, _)| !(by_of && l.precision == "country"));
            // (after a common noun only a town or village of the story's countries or the prior,
            // named right after "of" or its article: "the son of Moussa" is no place abroad,
            // "students of the University of Abuja" are in Abuja)
            // (after the article only a town of some size: "the employees of an NGO" are not in
            // Ngo, a hamlet of that name)
            let after_det = j == i + 2 && self.tokens[i + 1].class == Word::Det;
            let right_after = |l: &Location| j == i + 1 || (after_det && self.population(l) >= TOWN_OF_NOTE);
            let found = found.filter(|(l, _)| {
                !of_noun(i)
                    || (right_after(l)
                        && matches!(l.precision.as_str(), "town" | "admin2")
                        && l.country.as_deref().is_some_and(|c| {
                            let rank = self.country_rank(c);
                            rank > 1 || (rank == 1 && self.countries.is_empty())
                        }))
            });
            match found {
                Some((place, after)) => {
                    out.push(PlaceMention {
                        origin,
                        filed,
                        hinted,
                        second: and_after_place,
                        ..PlaceMention::at(j, place)
                    });
                    last_end = Some(after);
                    i = after.max(i + 1);
                }
                None => {
                    // "between Djebock and Tamkoutat": a first name the gazetteer lacks still
                    // opens the second
                    if is(self.lists.between) {
                        last_end = Some(self.name_run(j, range));
                    }
                    i += 1
                }
            }
        }
    }

    /// The place named at `j`, whose hints name `area`: the same name in the area, else in its
    /// country (hints may follow older boundaries: "Menaka (Menaka, Gao)"), else the area's own
    /// point, a district's or commune's seat standing for a village the gazetteer lacks.
    fn place_in_area(&self, j: usize, range: (usize, usize), mentions: &[Mention], area: &Area) -> Option<Location> {
        let country = Area { iso3: area.iso3.clone(), ..Area::default() };
        let run = self.name_run(j, range);
        let named = |a: &Area, shortest: usize| {
            (shortest..=run).rev().find_map(|end| {
                let k = key(&self.text[self.tokens[j].start as usize..self.tokens[end - 1].end as usize]);
                self.place_in(&k, a)
            })
        };
        // (only where the hints name no district: a village's name recurs across a country; and
        // the whole name: "Tin" of "Tin Orar" is some other village)
        // another spelling of a village of the hinted region ("Talataye" for Telataï)
        let sounds = || {
            let (iso3, admin1, point) = (area.iso3.as_deref()?, area.admin1.as_deref()?, area.point.as_ref()?);
            let name = &self.text[self.tokens[j].start as usize..self.tokens[run.max(j + 1) - 1].end as usize];
            let sound = skeleton(name);
            if sound.len() < 3 {
                return None;
            }
            let g = self.gazetteer;
            let far = |p: &Place| distance_km(point.lat, point.lon, f64::from(p.lat), f64::from(p.lon)) as i64;
            let p =
                g.sounding_in_admin1(iso3, admin1, &sound).filter(|p| area.contains(g, g, p)).min_by_key(|p| far(p))?;
            Some(self.location(g, p))
        };
        let found = named(area, j + 1)
            .or_else(sounds)
            .or_else(|| {
                area.iso3.as_ref().filter(|_| area.admin2.is_none()).and_then(|_| named(&country, run.max(j + 1)))
            })
            .or_else(|| self.place_at(j, range, mentions).map(|(l, _)| self.refine(l, area)));
        found.or_else(|| {
            let mut point = area.point.clone()?;
            if point.precision == "town" {
                point.precision = "admin2".into();
            }
            Some(point)
        })
    }

    /// The end of the capitalised run of a name starting at `j` ("Gourma - Rharous", at most 4 tokens).
    fn name_run(&self, j: usize, range: (usize, usize)) -> usize {
        let mut run = j;
        while run < range.1 && run < j + 4 && (self.tokens[run].is(flag::CAPITAL) || (self.raw(run) == "-" && run > j))
        {
            run += 1;
        }
        run
    }

    /// "in Inhinita, Menaka", "attacked Kodomun community, Demsa LGA": a name at `j` the gazetteer
    /// lacks (with its settlement word), then after a comma the town it is near or the area it is
    /// in; the town stands for the village near it (precision admin2).
    fn beside_unknown(&self, j: usize, range: (usize, usize), mentions: &[Mention]) -> Option<(Location, usize)> {
        let name_end = self.name_run(j, range);
        let mut run = name_end;
        if run < range.1 && self.is_settlement_word(self.raw(run)) {
            run += 1;
        }
        let next = run + 1;
        // (the cheap tests first: most names after a verb have no comma and capital after them)
        if name_end == j || next >= range.1 || self.raw(run) != "," || !self.tokens[next].is(flag::CAPITAL) {
            return None;
        }
        // (a known name, not one that merely starts with one: "Gidan Tsohuwa" is no "Gidan")
        if self.place_at(j, range, mentions).is_some_and(|(_, end)| end >= name_end) {
            return None;
        }
        self.place_at(next, range, mentions).filter(|(l, _)| l.precision != "country").map(|(mut l, end)| {
            if l.precision == "town" {
                l.precision = "admin2".into();
            }
            (l, end)
        })
    }

    /// The countries that the text's ACLED-style hints place things in ("(Koro, Mopti)": Mali),
    /// for an article that names none: its villages are then looked for there first.
    pub fn hint_countries(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let all = (0, self.tokens.len());
        for i in (0..self.tokens.len()).filter(|&i| self.raw(i) == "(") {
            // (a reading a tie left to chance names no country)
            let area =
                self.hints(i, all).0.and_then(|h| self.reading(&h, None)).filter(|(_, tie)| !tie).map(|(a, _)| a);
            if let Some(c) = area.filter(|a| a.admin1.is_some()).and_then(|a| a.iso3) {
                if !out.contains(&c) {
                    out.push(c);
                }
            }
        }
        out
    }

    /// The countries of the regions and districts the text names as such, with a region word and a
    /// name that only one country's divisions bear: "Benue State", "the Mopti region", "Logo
    /// Local Government Area". Weaker than the countries the text names or its actors belong to.
    pub fn named_division_countries(&self) -> Vec<String> {
        let g = self.gazetteer;
        let all = (0, self.tokens.len());
        let mut out: Vec<String> = Vec::new();
        for k in 1..self.tokens.len() {
            if !self.tokens[k - 1].is(flag::CAPITAL) || self.region_word_len(k, all) == 0 {
                continue;
            }
            // the name: the capitalised words before the region word
            let start = (k.saturating_sub(3)..k).find(|&s| (s..k).all(|q| self.tokens[q].is(flag::CAPITAL)));
            let Some(start) = start else { continue };
            let name = key(&self.text[self.tokens[start].start as usize..self.tokens[k - 1].end as usize]);
            let mut iso3s: Vec<&str> =
                g.regions_named(&name).iter().map(|&i| g.regions[i as usize].iso3.as_str()).collect();
            iso3s.extend(g.admin2_named(&name).iter().map(|&i| g.admin2s[i as usize].iso3.as_str()));
            iso3s.sort_unstable();
            iso3s.dedup();
            if let [c] = iso3s[..] {
                if !out.iter().any(|o| o == c) {
                    out.push(c.to_string());
                }
            }
        }
        out
    }

    /// ACLED-style hints after a name at `j` and the token after them. The hints may come after
    /// other names of the same list ("between Boni and Nokara (Douentza, Mopti)") or a word like
    /// "commune" ("Debere commune (Douentza, Mopti)").
    ///
    /// (An unclosed bracket, "Dounde (", gives nothing: found by fuzzing.)
    /// `strict`: the hints must follow the name itself, and name more than a country (a name in
    /// running text before "(France)" is more likely an actor than a place).
    fn hinted(&self, j: usize, range: (usize, usize), strict: bool) -> Option<(Area, usize)> {
        if j >= range.1 || !self.tokens[j].is(flag::CAPITAL) || self.grammar.calendar().is_date_word(self.raw(j)) {
            return None;
        }
        let mut end = j;
        if strict {
            end = self.name_run(j, range);
            if end + 1 < range.1 && self.is_hint_filler(&self.raw(end).to_lowercase()) && self.raw(end + 1) == "(" {
                end += 1;
            }
        }
        while end < range.1 && end < j + 12 && self.raw(end) != "(" {
            if strict {
                return None;
            }
            let w = self.raw(end).to_lowercase();
            if self.raw(end) == "[" {
                end = (end..range.1).find(|&k| self.raw(k) == "]").map_or(range.1, |k| k + 1);
                continue;
            }
            let name = self.tokens[end].is(flag::CAPITAL) || w == "-" || w == "'";
            if !(name || self.is_hint_filler(&w) || self.grammar.has("hint_joiner", &w)) {
                return None;
            }
            end += 1;
        }
        let (hints, after) = self.hints(end, range);
        let run = self.name_run(j, range);
        let name = key(&self.text[self.tokens[j].start as usize..self.tokens[run.max(j + 1) - 1].end as usize]);
        let (area, _) = self.reading(&hints?, Some(&name))?;
        if strict && area.admin1.is_none() {
            return None;
        }
        Some((area, after))
    }

    /// The area that hints name, read from the coarsest: a country, a region (admin1), a district
    /// (admin2), a town (the seat of a commune or district) within them. A name may be a region in
    /// one country and a district in another ("Comoe"): the reading under which the finer hints
    /// fall inside it wins, then one in the article's countries; an ambiguous name alone is no area.
    fn area(&self, hints: &[String]) -> Option<Area> {
        self.reading(hints, None).map(|(area, _)| area)
    }

    /// [`Finder::area`] for the place named `probe`, and whether a tie between countries still
    /// left the reading to chance. Where readings tie ("Sud-Ouest" is a region of Burkina Faso and
    /// of Cameroon), the one that has a town of that name wins ("Buea town (Fako, Sud-Ouest)" is
    /// in Cameroon).
    fn reading(&self, hints: &[String], probe: Option<&str>) -> Option<(Area, bool)> {
        let items: Vec<String> = hints.iter().rev().map(|h| key(h)).filter(|k| !k.is_empty()).take(4).collect();
        let (depth, rank, mut ambiguous, mut area) = self.resolve(&items, Area::default());
        if let (true, Some(probe), Some((first, rest))) = (ambiguous, probe, items.split_first()) {
            let tied = self.divisions(first, &Area::default()).into_iter().filter_map(|cand| {
                let r = cand.iso3.as_deref().map_or(0, |c| self.country_rank(c));
                let (d, _, _, inner) = self.resolve(rest, cand);
                ((d + 1, r) == (depth, rank)).then_some(inner)
            });
            let mut having = tied.filter(|a| self.place_in(probe, a).is_some_and(|l| l.precision == "town"));
            if let Some(a) = having.next() {
                ambiguous = having.next().is_some_and(|b| b.iso3 != a.iso3);
                area = a;
            }
        }
        // a lone hint names an area only in the story's countries (or the prior): "Armed Forces
        // (FAMa)" is no district of Brazil, "(NGO)" none of Congo
        let lone_abroad = depth <= 1 && rank == 0 && area.iso3.as_deref().is_some_and(|c| self.country_rank(c) == 0);
        (depth > 1 || rank > 0 || !ambiguous)
            .then_some((area, ambiguous))
            .filter(|(a, _)| a.point.is_some() && !lone_abroad)
    }

    /// The best reading of `items` (coarsest first) within `area`: (how many items fell inside one
    /// another, how high its country ranks in the article, whether another reading tied, the area).
    fn resolve(&self, items: &[String], area: Area) -> (usize, usize, bool, Area) {
        let Some((k, rest)) = items.split_first() else {
            return (0, 0, false, area);
        };
        let mut best: Option<(usize, usize, bool, Area)> = None;
        for cand in self.divisions(k, &area) {
            let rank = cand.iso3.as_deref().map_or(0, |c| self.country_rank(c));
            let (depth, _, _, inner) = self.resolve(rest, cand);
            let score = (depth + 1, rank);
            match &mut best {
                Some(b) if (b.0, b.1) > score => {}
                Some(b) if (b.0, b.1) == score => b.2 |= b.3.iso3 != inner.iso3, // Mopti region and cercle agree
                _ => best = Some((score.0, score.1, false, inner)),
            }
        }
        if let Some(b) = best {
            return b;
        }
        if area.iso3.is_some() {
            if let Some(l) = self.place_in(k, &area) {
                return (1, 0, false, Area { point: Some(l), ..area });
            }
            // a district the hints put in a region it no longer lies in ("Menaka, Gao" for a
            // cercle made a region of its own): the country's district of that name
            let country = Area { iso3: area.iso3.clone(), ..Area::default() };
            let moved = if area.admin1.is_some() { self.divisions(k, &country) } else { Vec::new() };
            let one_region = moved.windows(2).all(|w| w[0].admin1 == w[1].admin1);
            if let Some(finest) = moved.iter().max_by_key(|a| a.admin2.is_some()).filter(|_| one_region) {
                let (depth, rank, ambiguous, inner) = self.resolve(rest, finest.clone());
                return (depth + 1, rank, ambiguous, inner);
            }
        }
        self.resolve(rest, area) // a hint that names nothing known ("coded as ...")
    }

    /// 100 for the story's first country, 99 for its second, ...; 1 in the prior where the story
    /// has no country or borders it; 0 elsewhere.
    fn country_rank(&self, iso3: &str) -> usize {
        match self.countries.iter().position(|c| c == iso3) {
            Some(r) => 100 - r.min(50),
            None => usize::from(
                self.prior.iter().any(|c| c == iso3)
                    && (self.countries.is_empty() || self.countries.iter().any(|c| self.gazetteer.neighbours(c, iso3))),
            ),
        }
    }

    /// The countries, regions and districts of this name within the area, as narrower areas.
    fn divisions(&self, k: &str, area: &Area) -> Vec<Area> {
        let g = self.gazetteer;
        let mut out = Vec::new();
        if k.bytes().any(|b| b.is_ascii_digit()) {
            return out; // "Sector 5", "K21": not a division's name
        }
        if area.iso3.is_none() {
            if let Some(iso3) = g.country_named(k) {
                out.push(Area { iso3: Some(iso3.to_string()), point: self.country(iso3), ..Area::default() });
            }
        }
        if area.admin1.is_none() {
            for &i in g.regions_named(k) {
                let r = &g.regions[i as usize];
                if area.iso3.as_deref().is_none_or(|c| c == r.iso3) {
                    let l = region_location(r);
                    out.push(Area { iso3: l.country.clone(), admin1: l.admin1.clone(), admin2: None, point: Some(l) });
                }
            }
        }
        if area.admin2.is_none() {
            for &i in g.admin2_named(k) {
                let a = &g.admin2s[i as usize];
                let inside = area.iso3.as_deref().is_none_or(|c| c == a.iso3)
                    && area.admin1.as_deref().is_none_or(|r| key(r) == key(&a.admin1));
                if inside {
                    out.push(Area {
                        iso3: Some(a.iso3.clone()),
                        admin1: Some(a.admin1.clone()),
                        admin2: Some(a.code.clone()),
                        point: Some(admin2_location(a)),
                    });
                }
            }
        }
        out.truncate(16);
        out
    }

    /// The most populous place of this name within the area (an area with no country yet is
    /// placed as any name of the text is).
    fn place_in(&self, k: &str, area: &Area) -> Option<Location> {
        if area.iso3.is_none() {
            return self.best_place(k, None);
        }
        // several villages of one name in a region: the one nearest the hinted district's seat
        let near = |p: &Place| {
            area.point
                .as_ref()
                .filter(|l| l.precision != "country")
                .map_or(0, |l| -(distance_km(l.lat, l.lon, f64::from(p.lat), f64::from(p.lon)) as i64))
        };
        let (g, p) = self.candidates(k).filter(|(g, p)| area.contains(g, self.gazetteer, p)).max_by_key(|(g, p)| {
            (area.admin2.as_deref() == Some(&*p.admin2), !p.site, &*p.key == k, near(p), p.population, g.places.len())
        })?;
        Some(self.location(g, p))
    }

    /// The place whose name starts at `j`: a country of the lexicon, a gazetteer place or region.
    fn place_at(&self, j: usize, range: (usize, usize), mentions: &[Mention]) -> Option<(Location, usize)> {
        if j >= range.1 || !self.tokens[j].is(flag::CAPITAL) || self.grammar.calendar().is_date_word(self.raw(j)) {
            return None;
        }
        // "the Red Cross office": a name of a named actor is no place (a town is one only where it
        // stands for its government: "Bamako said")
        if mentions.iter().any(|m| m.start <= j && j < m.end && m.kind == EntryKind::Actor && !m.who.capital) {
            return None;
        }
        // "from the Bozo ethnic group", "Tuareg fighters", "the Arab community": an agent's name
        // is no place (but "the University of Abuja" is where what follows "of" is)
        let agent = |m: &Mention| {
            m.kind == EntryKind::Agent
                && m.who.country.is_none()
                && m.who.actor.is_none()
                && !(m.end < range.1 && self.tokens[m.end].class == Word::Of)
        };
        if mentions.iter().any(|m| m.start == j && agent(m)) {
            return None;
        }
        if let Some(m) =
            mentions.iter().find(|m| m.start == j && m.kind == EntryKind::CountryName && m.who.agent.is_none())
        {
            let c = &self.lexicon.countries[m.who.country? as usize];
            // "Benin City", "Niger State": a longer name that a place or region bears
            let run = self.name_run(j, range);
            for end in (m.end + 1..=run).rev() {
                let k = key(&self.text[self.tokens[j].start as usize..self.tokens[end - 1].end as usize]);
                if let Some(l) = self.best_place(&k, None).or_else(|| self.region(&k)) {
                    return Some((l, end));
                }
            }
            // "near the Burkina Faso border": the edge of a country, seen from the other side
            if m.end < range.1 && self.grammar.in_list(self.lists.border_word, &self.tokens[m.end]) {
                return None;
            }
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
            // "Garoua-Boulai" where the gazetteer writes "Garoua Boulai": the loose key, when the
            // name as written is no place's
            let region_len = self.region_word_len(end, range);
            let region_word = region_len > 0;
            // ("Gourma-Rharous" names a district as written and the town loosely: the town, unless
            // a region word asks for the district)
            let loose = loose_key(&k);
            let unplaced = |k: &str| {
                self.candidates(k).next().is_none()
                    && self.region(k).is_none()
                    && (!region_word || self.district(k).is_none())
            };
            let k = if loose != k && !name.ends_with('-') && unplaced(&k) { loose } else { k };
            let region = || {
                // "in Niger" names no Niger State: only a region word does ("Niger State")
                if !region_word && self.gazetteer.country_named(&k).is_some() {
                    return None;
                }
                // (a district at home before a region abroad: "Yala Local Government Area" is
                // Nigeria's, not Thailand's Yala province)
                let region = self.region(&k);
                let district = || region_word.then(|| self.district(&k)).flatten();
                match region {
                    Some(r) if !self.at_home(&r) => district().or(Some(r)),
                    r => r.or_else(district),
                }
                .map(|l| (l, end + region_len))
            };
            let place = || self.best_place(&k, None).map(|l| (l, end));
            // a region at home beats a town abroad ("in Delta" in a Nigerian story is Delta State)
            // (and a village at home gives way to a region at home of its name: "in northern
            // Borno" is the state, not a hamlet of Adamawa called Borno)
            let village = |l: &Location| l.precision == "town" && !self.known_town(l);
            let found = match (region_word, place()) {
                (false, Some(p)) if self.at_home(&p.0) && village(&p.0) => {
                    Some(region().filter(|r| self.at_home(&r.0)).unwrap_or(p))
                }
                (false, Some(p)) if self.at_home(&p.0) => Some(p),
                (false, Some(p)) => Some(region().filter(|r| self.at_home(&r.0)).unwrap_or(p)),
                (_, p) => region().or(p),
            };
            // "an NGO": an acronym is no village's name
            let acronym = end == j + 1 && {
                let w = self.raw(j);
                w.len() <= 4 && !w.chars().any(char::is_lowercase)
            };
            let found = found.filter(|(l, _)| !(acronym && l.precision == "town" && !self.known_town(l)));
            // "le Gourma malien": a lower-case country adjective right after the name says whose
            // place it is
            let other_country = |l: &Location| {
                end < range.1
                    && !self.tokens[end].is(flag::CAPITAL)
                    && mentions.iter().any(|m| {
                        m.start == end
                            && m.kind == EntryKind::CountryAdjective
                            && m.who.country.is_some_and(|c| {
                                l.country.as_deref() != Some(self.lexicon.countries[c as usize].iso3.as_str())
                            })
                    })
            };
            let found = found.filter(|(l, _)| !other_country(l));
            // "the University of Jos", "the Republic of Biafra": an institution's name, whose
            // place (if any) is what follows "of"
            // ("Ukum LGA of Benue State" is a district of a state: its name ends in a region word)
            let district = || (j + 1..end).any(|k| self.region_word_len(k, range) == end - k);
            let institution = end < range.1
                && self.tokens[end].class == Word::Of
                && end + 1 < range.1
                && self.tokens[end + 1].is(flag::CAPITAL)
                && end == run
                && found.as_ref().is_none_or(|(l, _)| l.precision == "town" && !self.at_home(l))
                && !district();
            if institution {
                return self.place_at(end + 1, range, mentions);
            }
            // part of a longer name is a weak match: never before a hyphen ("Goma" of
            // "Goma-Coura"), and before another capitalised word only at home ("Timbuktu
            // Airport", not "Grand" of "Grand Mosque")
            // ("Marte Village": a settlement word after the name says it is one)
            let settlement = end < range.1 && self.is_settlement_word(self.raw(end));
            let prefix = end < run && !region_word && !settlement;
            // (and a town known beyond its district: "In" of "In Nazour", "Tin" of "Tin Orar" are not)
            let known = |l: &Location| l.precision != "town" || self.known_town(l);
            // (and in the story's first country: "Grand" of "the Grand Mosque in Bamako" is not in France)
            let first = |l: &Location| match self.countries.first() {
                Some(c) => l.country.as_deref() == Some(c.as_str()),
                None => self.at_home(l),
            };
            // (and by its own name, where other places bear it as theirs: "Victoria" of "Victoria
            // Island" is not Limbe, once Victoria)
            let borrowed = |l: &Location| {
                l.precision == "town" && !self.own_name(l, j, end) && self.candidates(&k).any(|(_, p)| *p.key == *k)
            };
            if prefix
                && (self.raw(end) == "-"
                    || !found.as_ref().is_some_and(|(l, _)| self.at_home(l) && known(l) && first(l) && !borrowed(l)))
            {
                continue;
            }
            if found.is_some() {
                return found;
            }
        }
        None
    }

    /// A town of some size at home, or a region or district named as one, that the sentence names
    /// in passing, with no word saying it is where anything happened: "Abuja police said they
    /// arrested 120 supporters", "gunmen attacked the Katsina State Secretariat". The last resort
    /// for an event nothing else places.
    pub fn named_in_passing(&self, range: (usize, usize), mentions: &[Mention]) -> Option<Location> {
        let mut i = range.0;
        while i < range.1 {
            let starts = self.tokens[i].is(flag::CAPITAL) && (i == range.0 || !self.tokens[i - 1].is(flag::CAPITAL));
            // (a name that is part of an actor's is the actor's: "Street gang", "the White House",
            // as is a seat standing for its government: "protested against Jerusalem's decision";
            // but a town that gives an agent its country is a town: "Abuja police")
            let within = mentions.iter().find(|m| m.start <= i && i < m.end);
            // (a capital opening the sentence may be a common word's: "Street gangs")
            let opening_word = i == range.0 && self.tokens[i].word != 0 && within.is_none();
            if !starts
                || opening_word
                || within.is_some_and(|m| m.who.actor.is_some() || m.who.capital || m.who.country.is_none())
            {
                i += 1;
                continue;
            }
            if let Some((l, end)) = self.place_at(i, range, mentions) {
                let country =
                    within.and_then(|m| m.who.country).map(|c| self.lexicon.countries[c as usize].iso3.as_str());
                if within.is_some() && country != l.country.as_deref() {
                    i = end.max(i + 1);
                    continue;
                }
                // (in the story's first country, or the prior's where the story names none: "a
                // decision to recognise Jerusalem" is a topic, not a place)
                let first = l.country.as_deref().is_some_and(|c| match self.countries.first() {
                    Some(f) => f == c,
                    None => self.country_rank(c) > 0,
                });
                let town = l.precision == "town" && self.known_town(&l) && self.population(&l) >= TOWN_OF_NOTE;
                let region = matches!(l.precision.as_str(), "admin1" | "admin2")
                    && end > i + 1
                    && self.region_word_len(end - 1, range) > 0;
                if first && (town || region) {
                    return Some(l);
                }
                i = end.max(i + 1);
                continue;
            }
            i += 1;
        }
        None
    }

    /// The place an article's dateline names (tokens `start..end`), a town or a country.
    pub fn place_at_dateline(&self, start: usize, end: usize) -> Option<Location> {
        self.place_at(start, (start, end), &[]).map(|(l, _)| l)
    }

    /// Whether a place lies in a neighbour of one of the story's countries.
    fn near_story(&self, p: &Place) -> bool {
        self.countries.iter().any(|c| self.gazetteer.neighbours(c, p.iso3()))
    }

    /// The length in tokens of the words at `k` that make the name before them a region or a
    /// district: "the Mopti region", "Niono Circle", "Ukum Local Government Area" (the grammar
    /// table's `region_word` words and phrases); 0 for none.
    fn region_word_len(&self, k: usize, range: (usize, usize)) -> usize {
        self.grammar
            .region_words()
            .iter()
            .filter(|p| {
                k + p.len() <= range.1 && p.iter().enumerate().all(|(q, w)| Grammar::same_word(self.raw(k + q), w))
            })
            .map(Vec::len)
            .max()
            .unwrap_or(0)
    }

    /// Words between an unknown village and its hints: "Debere commune (Douentza, Mopti)", "between
    /// Boni and Nokara (Douentza, Mopti)", "Efelle, Adiora Commune (Gourma-Rharous, Tombouctou)":
    /// the grammar table's `region_word` and `hint_filler` words.
    fn is_hint_filler(&self, w: &str) -> bool {
        w == "," || self.grammar.has_exactly("region_word", w) || self.grammar.has_exactly("hint_filler", w)
    }

    /// "Ogba, Edo State", "Yelwa in Kebbi State", "Dessa, Tillabéri": a region named right after a
    /// town picks the town's namesake that lies in it (and nothing where none does).
    fn narrowed(&self, place: &Location, j: usize, end: usize, range: (usize, usize)) -> Option<Location> {
        let name_end = end;
        // ("Pasa village of Bali LGA": after the word that says what the place is)
        let end = end + usize::from(end < range.1 && self.is_settlement_word(self.raw(end)));
        let start = end + 1;
        let sep =
            // ("Alagarno (Kolofata)": a town in brackets that no hint reading took for a division)
            end < range.1
                && (matches!(self.raw(end), "," | "(") || matches!(self.tokens[end].class, Word::Locative | Word::Of));
        if !sep || start >= range.1 || !self.tokens[start].is(flag::CAPITAL) || place.precision != "town" {
            return None;
        }
        let mut run = self.name_run(start, range);
        // ("Bali LGA", "Mokwa Local Government": the division's own name)
        if let Some(k) = (start + 1..run).find(|&k| self.region_word_len(k, range) > 0) {
            run = k;
        }
        let name = &self.text[self.tokens[start].start as usize..self.tokens[run - 1].end as usize];
        let Some(area) = self.area(&[name.to_string()]) else {
            // (after a comma only a town that ends the list: "in Dega, Fotokol:" but not "in Banki,
            // Kolofata and Mora")
            let listed = run < range.1
                && (self.raw(run) == "," || self.grammar.in_list(self.lists.place_and, &self.tokens[run]));
            return (self.raw(end) != "," || !listed).then(|| self.by_town(place, j, name_end, start, range)).flatten();
        };
        let admin1 = area.admin1.as_deref()?;
        let inside = |l: &Location| {
            l.country == area.iso3
                && l.admin1.as_deref().map(key).as_deref() == Some(&*key(admin1))
                && self.in_district(&area, l)
        };
        if inside(place) {
            return None;
        }
        let namesake = self.place_in(&key(&place.name), &area).filter(|l| inside(l) && l.precision == "town");
        // a village elsewhere is not the one the text places in the division: the division's
        // seat stands for it, as hints' do
        namesake.or_else(|| {
            // (a known town keeps its own point, unless it lies in another country than the
            // division: "Ome community in Obi" is not Ōme of Japan)
            let mut point = area.point.clone().filter(|_| !self.known_town(place) || place.country != area.iso3)?;
            if point.precision == "town" {
                point.precision = "admin2".into();
            }
            Some(point)
        })
    }

    /// "Banki of Kolofata", "Leo village near Ekondo Titi", "Alagarno (Kolofata)", "Dega, Fotokol:":
    /// a village the text puts by a town of the story, found in another region, is that village's
    /// namesake near the town; where the gazetteer has none near it, the town stands for it (as a
    /// district's seat does for a village its hints place).
    fn by_town(
        &self,
        place: &Location,
        j: usize,
        name_end: usize,
        start: usize,
        range: (usize, usize),
    ) -> Option<Location> {
        let (town, _) = self.place_at(start, range, &[])?;
        if town.precision != "town" || !self.at_home(&town) {
            return None;
        }
        let from_town = |lat: f64, lon: f64| distance_km(lat, lon, town.lat, town.lon);
        // (a village of the town's own region is taken at its word: a commune may be wide)
        let same_region = place.country == town.country && place.admin1.is_some() && place.admin1 == town.admin1;
        if same_region {
            return None;
        }
        // the namesake by the town, in the town's country first: a border village both countries'
        // gazetteers hold ("Ashigashiya of Kolofata" is Cameroon's)
        let k = key(&self.text[self.tokens[j].start as usize..self.tokens[name_end - 1].end as usize]);
        let namesake = self
            .candidates(&k)
            .map(|(g, p)| (from_town(f64::from(p.lat), f64::from(p.lon)), g, p))
            .filter(|(d, _, p)| *d <= BY_TOWN && !p.site)
            .min_by(|a, b| {
                let abroad = |p: &Place| town.country.as_deref() != Some(p.iso3());
                (abroad(a.2), a.0).partial_cmp(&(abroad(b.2), b.0)).unwrap_or(std::cmp::Ordering::Equal)
            });
        match namesake {
            Some((_, g, p)) => Some(self.location(g, p)).filter(|l| l.geonameid != place.geonameid),
            None if from_town(place.lat, place.lon) <= BY_TOWN => None,
            // (a town of note stays itself)
            None => (!self.known_town(place)).then_some(town),
        }
    }

    /// The town a quarter named before token `k` lies in: "the Aliou neighborhood of Kidal", "the
    /// Bulumkutu quarter, Maiduguri". None where the text names none: a quarter is no town of its
    /// own name ("the Jerusalem neighborhood" of a Nigerian town).
    fn town_of_quarter(&self, k: usize, range: (usize, usize), mentions: &[Mention]) -> Option<(Location, usize)> {
        let sep = k < range.1 && (self.raw(k) == "," || matches!(self.tokens[k].class, Word::Locative | Word::Of));
        let start = k + usize::from(sep);
        (sep && start < range.1 && self.tokens[start].is(flag::CAPITAL))
            .then(|| self.place_at(start, range, mentions))
            .flatten()
            .filter(|(l, _)| l.precision != "country")
    }

    /// Whether a word says the name before it is a settlement ("village", "town"; the grammar
    /// table's `settlement_word`), in any case.
    fn is_settlement_word(&self, w: &str) -> bool {
        self.grammar.has("settlement_word", w)
    }

    /// Whether token `i` ends one of the grammar table's `locative_phrase` phrases ("close to",
    /// "next to"), whose words are no locatives alone ("close the border").
    fn ends_locative_phrase(&self, i: usize, range: (usize, usize)) -> bool {
        self.grammar.in_list(self.lists.locative_phrase_ends, &self.tokens[i])
            && self.grammar.locative_phrases().iter().any(|p| {
                i + 1 >= range.0 + p.len()
                    && p.iter().rev().enumerate().all(|(q, w)| Grammar::same_word(self.raw(i - q), w))
            })
    }

    /// Whether a place lies in a region the story's actors fight in ("Boko Haram attacked
    /// Kolofata": a village of Cameroon's Far North).
    fn in_actor_area(&self, l: &Location) -> bool {
        let (Some(c), Some(a)) = (l.country.as_deref(), l.admin1.as_deref()) else { return false };
        self.fought_in(c, a)
    }

    /// Whether the region `admin1` of the country `iso3` is one the story's actors fight in.
    fn fought_in(&self, iso3: &str, admin1: &str) -> bool {
        self.areas.iter().any(|(c, a)| c == iso3 && *a == key(admin1))
    }

    /// Whether the words `start..end` are the place's own name, not another name it bears.
    fn own_name(&self, l: &Location, start: usize, end: usize) -> bool {
        end > start
            && key(&self.text[self.tokens[start].start as usize..self.tokens[end - 1].end as usize]) == key(&l.name)
    }

    /// Whether a place lies in the story's or the prior's countries.
    fn at_home(&self, l: &Location) -> bool {
        l.country.as_deref().is_some_and(|c| self.country_rank(c) > 0)
    }

    /// "on the Ngala-Dikwa road", "sur l'axe Boni-Hombori": a road named by the towns it joins
    /// (the grammar's `road_word` before or after the name) is placed at a town of its name, in
    /// the story's or the prior's countries.
    fn road_place(&self, i: usize, range: (usize, usize), mentions: &[Mention]) -> Option<(Location, usize)> {
        if i >= range.1 || !self.tokens[i].is(flag::CAPITAL) {
            return None;
        }
        // the towns' names, joined by hyphens ("Damboa- Bitta- Gwoza")
        let mut end = self.name_run(i, range);
        while end + 1 < range.1 && self.raw(end) == "-" && self.tokens[end + 1].is(flag::CAPITAL) {
            end = self.name_run(end + 1, range);
        }
        let road = (end < range.1 && self.grammar.in_list(self.lists.road_word, &self.tokens[end]))
            || (i > range.0 && self.grammar.in_list(self.lists.road_word, &self.tokens[i - 1]));
        if !road {
            return None;
        }
        let mut parts = (i..end).filter(|&k| k == i || (self.raw(k - 1) == "-" && self.tokens[k].is(flag::CAPITAL)));
        parts.find_map(|k| {
            // (each name alone: the part after it is another town's)
            let alone = (k + 1..end).find(|&q| self.raw(q) == "-").unwrap_or(end);
            let (place, _) = self.place_at(k, (range.0, alone), mentions)?;
            (place.precision == "town" && self.at_home(&place)).then_some((place, end))
        })
    }

    /// The population of a town found (0 for a village, a district or a region).
    fn population(&self, l: &Location) -> u32 {
        let id = l.geonameid.unwrap_or(0) as u32;
        self.candidates(&key(&l.name)).find(|(_, p)| p.geonameid == id && id != 0).map_or(0, |(_, p)| p.population)
    }

    /// Whether a town found is one of the gazetteer's known towns, not a village of the village table.
    fn known_town(&self, l: &Location) -> bool {
        let id = l.geonameid.unwrap_or(0) as u32;
        self.candidates(&key(&l.name)).any(|(_, p)| p.geonameid == id && !p.minor)
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
        // ("(Boyo; Nord-Ouest)": some reports separate the hints with semicolons)
        let items: Vec<String> =
            inner.split([',', ';']).map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
        (Some(items), (close + 1).min(range.1))
    }

    /// Whether a town lies in the district an area names, where its own district is known ("Amar
    /// village in Karim Lamido LGA" is not the Amar of another district of Taraba): by its district,
    /// or where the gazetteer gives none, by the district seat nearest it.
    fn in_district(&self, area: &Area, l: &Location) -> bool {
        let district = area.admin2.as_ref().and(area.point.as_ref()).and_then(|p| p.admin2.as_deref());
        district.is_none()
            || l.precision != "town"
            || match l.admin2.as_deref() {
                Some(d) => Some(d) == district,
                None => area.near_seat_of(self.gazetteer, l.lat, l.lon),
            }
    }

    /// A place checked against its hints: kept if it lies in the hinted area, else the place of the
    /// same name there, else the area's own point ("Bansi (Bankass, Mopti)" is not Bansi in India).
    fn refine(&self, place: Location, area: &Area) -> Location {
        let inside = |l: &Location| {
            area.iso3.as_deref().is_none_or(|c| l.country.as_deref() == Some(c))
                && area.admin1.as_deref().is_none_or(|a| l.admin1.as_deref().map(key).as_deref() == Some(&*key(a)))
        };
        if inside(&place) {
            return place;
        }
        if let Some(l) = self.place_in(&key(&place.name), area).filter(|l| inside(l)) {
            return l;
        }
        // a town of the hinted country whose region the hints name otherwise (hints may use
        // older boundaries: "Menaka (Menaka, Gao)")
        if place.precision == "town" && area.iso3.is_some() && place.country == area.iso3 && area.admin2.is_none() {
            return place;
        }
        let mut point = area.point.clone().unwrap_or(place);
        if point.precision == "town" {
            point.precision = "admin2".into(); // a commune's or district's seat stands for the village
        }
        point
    }

    fn candidates<'g>(&'g self, k: &'g str) -> impl Iterator<Item = (&'g Gazetteer, &'g Place)> + 'g {
        [Some(self.gazetteer), self.extra]
            .into_iter()
            .flatten()
            .flat_map(move |g| g.places_named(k).iter().map(move |&i| (g, &g.places[i as usize])))
    }

    fn location(&self, g: &Gazetteer, p: &Place) -> Location {
        let admin1 = g.admin1_of(p);
        let admin2 = (!p.admin2.is_empty()).then(|| {
            self.gazetteer
                .admin2_coded(p.iso3(), admin1, &p.admin2)
                .map_or_else(|| p.admin2.to_string(), |a| a.name.clone())
        });
        Location {
            name: p.name.to_string(),
            country: Some(p.iso3().to_string()),
            admin1: Some(admin1.to_string()).filter(|a| !a.is_empty()),
            admin2,
            lat: round4(f64::from(p.lat)),
            lon: round4(f64::from(p.lon)),
            precision: "town".into(),
            geonameid: Some(u64::from(p.geonameid)),
        }
    }

    /// The best place of a name: in the hinted region, in the story's countries, nearest the
    /// article's places so far, its own name before another, the best known, the most populous.
    /// Where two places in different countries are alike on all of that but population, nothing
    /// decides and no place is better than a wrong one.
    fn best_place(&self, k: &str, region: Option<&str>) -> Option<Location> {
        if self.gazetteer.country_named(k).is_some() {
            return None; // "Mali" is the country, not a village of Nigeria of that name
        }
        let in_region = |g: &Gazetteer, p: &Place| region.is_some_and(|r| key(g.admin1_of(p)) == r);
        // the nearest anchor, in 10 km steps (nearer is better; no anchor: all alike)
        let near = |p: &Place| {
            self.anchors
                .iter()
                .map(|&(lat, lon)| distance_km(lat, lon, f64::from(p.lat), f64::from(p.lon)))
                .fold(None, |m: Option<f64>, d| Some(m.map_or(d, |m| m.min(d))))
                .map_or(0, |d| -((d / 10.0) as i64))
        };
        let in_area = |g: &Gazetteer, p: &Place| self.fought_in(p.iso3(), g.admin1_of(p));
        // a city of the story's countries beats a village of its name where the actors fight
        // ("in Abuja" in a story on Boko Haram is the capital, not a hamlet of Borno)
        let city =
            |p: &Place| !p.minor && p.population >= FOREIGN_CITY && &*p.key == k && self.country_rank(p.iso3()) > 0;
        let rank = |g: &Gazetteer, p: &Place| {
            (in_region(g, p), city(p), in_area(g, p), self.country_rank(p.iso3()), near(p), &*p.key == k, !p.minor)
        };
        let story = !self.countries.is_empty();
        // whether a place at home has the name as its own (then another's alternate name is weak)
        let own_at_home = self.candidates(k).any(|(_, q)| &*q.key == k && self.country_rank(q.iso3()) > 0);
        let acceptable = |g: &Gazetteer, p: &Place| {
            let own = &*p.key == k;
            match self.country_rank(p.iso3()) {
                // a well, camp or wadi only in the story's own countries
                0 | 1 if p.site => false,
                // abroad only a known town's own name counts ("Niamey"), not a village that shares a
                // name with one at home, nor another language's name for a city ("Boni" for
                // Bonn); in a story with countries of its own, only a city known abroad
                // (or a town of the prior's, where the corpus happens: "Sudanese asylum seekers
                // demonstrated in Agadez")
                0 if story => {
                    own && !p.minor
                        && ((p.population >= FOREIGN_CITY && (p.population >= WORLD_CITY || self.near_story(p)))
                            || (p.population >= TOWN_OF_NOTE && self.prior.iter().any(|c| c == p.iso3())))
                }
                0 => own && !p.minor && p.population >= FOREIGN_MIN_POPULATION,
                // at home, another name of a small place only where no place has it as its own
                // ("Solhan" for Solna, but not "Boni" for Bonnut where a Boni exists)
                _ => own || p.population >= 5_000 || in_region(g, p) || !own_at_home,
            }
        };
        // a site only where no settlement will do: "Boni" is the village, never a well of that name
        let settled = self.candidates(k).any(|(g, p)| !p.site && acceptable(g, p));
        let fit = |(g, p): &(&Gazetteer, &Place)| !(settled && p.site) && acceptable(g, p);
        // (the first of equals)
        let (g, p) = self
            .candidates(k)
            .filter(fit)
            .fold(None, |best: Option<(_, (&Gazetteer, &Place))>, (g, p)| {
                let a = (rank(g, p), p.population);
                match best {
                    Some((b, _)) if b >= a => best,
                    _ => Some((a, (g, p))),
                }
            })?
            .1;
        // a known town of the story beats villages; two villages of the prior's countries do not
        // decide between themselves (nor does an actor's region settle that tie)
        let unarea =
            |g: &Gazetteer, p: &Place| (in_region(g, p), self.country_rank(p.iso3()), near(p), &*p.key == k, !p.minor);
        let tied = || {
            let best = unarea(g, p);
            self.candidates(k).filter(fit).any(|(h, q)| q.iso3 != p.iso3 && unarea(h, q) >= best)
        };
        if self.country_rank(p.iso3()) <= 1 && p.minor && tied() {
            // an actor's region picked a village abroad over a known town of the story's own
            // country ("JNIM attacked a checkpoint in Koury": the town in Mali, not a village of
            // Burkina Faso in JNIM's area): the town, where it stands above every other country's
            // place (a village at home does not beat the actor's region: Boko Haram's "Kerawa" is
            // in Cameroon)
            let (h, q) = self
                .candidates(k)
                .filter(fit)
                .max_by_key(|(h, q)| (unarea(h, q), q.population, std::cmp::Reverse(q.geonameid)))?;
            let best = unarea(h, q);
            let alone = self.candidates(k).filter(fit).all(|(o, r)| r.iso3 == q.iso3 || unarea(o, r) < best);
            if alone && !q.minor && self.country_rank(q.iso3()) > 1 {
                return Some(self.location(h, q));
            }
            // villages alone: the one in a region the story's actors fight in, where no other
            // country's place of the name is (not even a camp), but for one across the border
            // from it ("Kerawa" of Cameroon and "Kirawa" of Nigeria)
            let elsewhere = |q: &Place| {
                q.iso3 != p.iso3
                    && distance_km(f64::from(p.lat), f64::from(p.lon), f64::from(q.lat), f64::from(q.lon))
                        > NEIGHBOURING
            };
            let only_in_area = in_area(g, p) && !self.candidates(k).any(|(h, q)| elsewhere(q) && in_area(h, q));
            return only_in_area.then(|| self.location(g, p));
        }
        Some(self.location(g, p))
    }

    /// The region of this name in the story's countries (or their neighbours in the prior);
    /// abroad only by its full name, and only in a story with no country of its own.
    fn region(&self, k: &str) -> Option<Location> {
        let g = self.gazetteer;
        let best = g.regions_named(k).iter().max_by_key(|&&i| self.country_rank(&g.regions[i as usize].iso3))?;
        let r = &g.regions[*best as usize];
        // (nor where a place of the story's or the prior's countries bears the name: "the villages of
        // Saba and Dialloube" are not in the Caribbean)
        let named_at_home = || self.candidates(k).any(|(_, p)| self.country_rank(p.iso3()) > 0);
        if self.country_rank(&r.iso3) == 0 && (!self.countries.is_empty() || key(&r.name) != k || named_at_home()) {
            return None;
        }
        Some(region_location(r))
    }

    /// The district (admin2) of this name in the story's countries or the prior: "Donga LGA",
    /// "the Kolofata subdivision".
    fn district(&self, k: &str) -> Option<Location> {
        let g = self.gazetteer;
        let &best = g.admin2_named(k).iter().max_by_key(|&&i| self.country_rank(&g.admin2s[i as usize].iso3))?;
        let a = &g.admin2s[best as usize];
        (self.country_rank(&a.iso3) > 0).then(|| admin2_location(a))
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

fn region_location(r: &palaver_lexicon::gazetteer::Region) -> Location {
    Location {
        name: r.name.clone(),
        country: Some(r.iso3.clone()),
        admin1: Some(r.name.clone()),
        admin2: None,
        lat: r.lat,
        lon: r.lon,
        precision: "admin1".into(),
        geonameid: None,
    }
}

fn admin2_location(a: &Admin2) -> Location {
    Location {
        name: a.name.clone(),
        country: Some(a.iso3.clone()),
        admin1: Some(a.admin1.clone()).filter(|s| !s.is_empty()),
        admin2: Some(a.name.clone()),
        lat: a.lat,
        lon: a.lon,
        precision: "admin2".into(),
        geonameid: None,
    }
}

/// Great-circle distance in km.
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dl = (lon2 - lon1).to_radians();
    let a = ((p2 - p1) / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    6371.0 * 2.0 * a.sqrt().min(1.0).asin()
}

/// Coordinates to four decimals (about 10 m), as the gazetteer gives them.
fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// The place of an event: the one the report files it at ("coded as X"), else the one its hints
/// place at a town ("near Youwarou (Youwarou, Mopti)"), else the one nearest its verb in the
/// sentence; a country only where the sentence names no finer place ("a protest in Bamako against
/// the war in Libya"), a place someone comes from only when there is no other.
pub fn nearest(places: &[PlaceMention], verb: usize) -> Option<&PlaceMention> {
    places.iter().min_by_key(|p| {
        (!p.filed, p.origin, p.location.precision == "country", !p.hinted, p.second, p.token.abs_diff(verb))
    })
}
