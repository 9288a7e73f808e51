//! How many people a sentence says were killed: "killing 6 civilians", "at least a dozen soldiers
//! were killed", "two dead and five wounded" (two), "the attack left 14 dead", "killed a teacher"
//! (one). Deaths only: the wounded, injured and missing are not counted.

use crate::text::{ascii_lower, flag, Token};
use rustc_hash::{FxHashMap, FxHashSet};
use std::borrow::Cow;

/// A language's toll words, read from its grammar table (the `toll_*`, `number.N` and
/// `approx.N` keys of data/lang/<code>/grammar.tsv).
#[derive(Debug, Default)]
pub struct Tolls {
    cue: Vec<String>,
    death: FxHashSet<String>,
    not_dead: FxHashSet<String>,
    thing: FxHashSet<String>,
    killing: FxHashSet<String>,
    hedge: FxHashSet<String>,
    unit: FxHashSet<String>,
    month: FxHashSet<String>,
    and: FxHashSet<String>,
    including: FxHashSet<String>,
    of: FxHashSet<String>,
    between: FxHashSet<String>,
    others: FxHashSet<String>,
    article: FxHashSet<String>,
    /// Number words below twenty, by value.
    units: FxHashMap<String, u32>,
    /// Tens ("twenty", "vingt"), by value.
    tens: FxHashMap<String, u32>,
    /// Words that multiply the number before them ("hundred").
    multiplier: FxHashMap<String, u32>,
    /// Words for many people that give no count ("hundreds", "thousands", "milliers").
    quantity: FxHashSet<String>,
    /// Approximate counts ("dozen", "dizaine"), by value.
    approx: FxHashMap<String, u32>,
    /// Days of the week, which a date between a killing verb and its count may hold.
    weekday: FxHashSet<String>,
    /// Words that open a date ("on 4 May", "le 4 mai").
    date_det: FxHashSet<String>,
    /// Forms of "be" after which a death word in the singular is one victim ("was killed", "a été tué").
    passive_one: FxHashSet<String>,
    /// Death words in the singular ("killed" after "was"; French "tué", "morte").
    death_one: FxHashSet<String>,
    /// Phrases that kill one victim named before them ("beat a man to death").
    to_death: Vec<Vec<String>>,
    /// Phrases that kill one victim named after them ("ont battu à mort le 10 avril un citoyen").
    to_death_then_victim: Vec<Vec<String>>,
    /// Determiners of one person ("a", "the"; "un", "une").
    one_det: FxHashSet<String>,
    /// Determiners of a noun phrase in the singular ("a", "the", "his"; "le", "la", "un", "son").
    singular_det: FxHashSet<String>,
    /// Nouns of a group, which a singular determiner does not make one person ("the people",
    /// "a number of", "les autres").
    group_head: FxHashSet<String>,
    /// Death words that name their victims after them ("killed the driver and a passenger").
    victim_verb: FxHashSet<String>,
    /// Word pairs that do as well ("shot dead"): the word before and the death word.
    dead_after: Vec<(String, String)>,
    /// Forms of "be" that make a death word passive ("were killed"): no victims after it.
    be: FxHashSet<String>,
    /// Pronouns of one victim after a killing verb ("him"), and reflexive ones, which are the
    /// subject already counted ("one militant killed himself").
    object_one: FxHashSet<String>,
    reflexive: FxHashSet<String>,
    /// Words that end a victim's noun phrase ("in", "near", "who", "including").
    victims_end: FxHashSet<String>,
    /// Nouns after which a number word is no count ("un nombre indéterminé de morts").
    vague: FxHashSet<String>,
    /// Phrases that say the people just counted died ("lost their lives", "ont perdu la vie").
    death_phrase: Vec<Vec<String>>,
    /// Summaries that share one toll among events: "fatalities are split across three events".
    /// (stems, written with a final `*`: "fatalit*" is also the misspelt "fatalites")
    summary_noun: Vec<String>,
    split: FxHashSet<String>,
    /// The same words as written (lower-case, accents kept), to look for in a whole sentence.
    split_cue: Vec<String>,
    split_over: FxHashSet<String>,
    split_units: FxHashSet<String>,
    /// Phrases before the toll a summary records ("coded as 10 fatalities"), and its nouns.
    recorded: Vec<Vec<String>>,
    recorded_noun: Vec<String>,
    /// The other `toll_*` lists, by key, for the constructions that read them by name
    /// ([`Tolls::listed`]).
    other: FxHashMap<String, FxHashSet<String>>,
}

/// Whether a word of the text is one of a list's words or starts with one of its stems (`stem*`).
fn stem_listed(list: &[String], raw: &str) -> bool {
    let w = if raw.is_ascii() { ascii_lower(raw) } else { Cow::Owned(fold(&raw.to_lowercase()).into_owned()) };
    let w = &*w;
    list.iter().any(|x| x.strip_suffix('*').map_or(*x == w, |stem| w.starts_with(stem)))
}

/// The words of a phrase as the tables write it, joined by "_" ("lost_their_lives").
fn phrase_words(phrase: &str) -> Vec<String> {
    phrase.split('_').map(str::to_string).collect()
}

/// Whether the words from token `k` (before `end`) are the phrase's.
fn phrase_at(text: &str, tokens: &[Token], k: usize, end: usize, phrase: &[String]) -> bool {
    // (the tables' words are lower-case: an ASCII word is compared in place)
    let same = |q: usize, x: &str| {
        let w = &text[tokens[q].start as usize..tokens[q].end as usize];
        if w.is_ascii() {
            w.eq_ignore_ascii_case(x)
        } else {
            fold(&w.to_lowercase()) == x
        }
    };
    !phrase.is_empty() && k + phrase.len() <= end && phrase.iter().enumerate().all(|(q, x)| same(k + q, x))
}

/// Token `k` as the toll tests read it: ASCII capitals lowered, borrowed from the text where it
/// has none.
fn word_at<'t>(text: &'t str, tokens: &[Token], k: usize) -> Cow<'t, str> {
    ascii_lower(&text[tokens[k].start as usize..tokens[k].end as usize])
}

/// A word's form as the toll lists hold it: lower-case, accents folded only where there are any.
fn fold(w: &str) -> std::borrow::Cow<'_, str> {
    if w.is_ascii() {
        std::borrow::Cow::Borrowed(w)
    } else {
        std::borrow::Cow::Owned(palaver_lexicon::words::normalize(w))
    }
}

impl Tolls {
    /// The toll words among a grammar table's lists.
    pub fn read(lists: &[(String, Vec<String>)]) -> Result<Self, String> {
        let mut t = Tolls::default();
        for (key, words) in lists {
            let folded = words.iter().map(|w| fold(w).into_owned());
            let value = || {
                key.split_once('.')
                    .and_then(|(_, n)| n.parse::<u32>().ok())
                    .ok_or_else(|| format!("{key}: expected a number after the dot"))
            };
            match key.as_str() {
                // (a cue is found in the sentence's text; "gun_down" is "gun down")
                "toll_cue" => t.cue.extend(words.iter().map(|w| w.replace('_', " "))),
                "toll_death" => t.death.extend(folded),
                "toll_not_dead" => t.not_dead.extend(folded),
                "toll_thing" => t.thing.extend(folded),
                "toll_killing" => t.killing.extend(folded),
                "toll_hedge" => t.hedge.extend(folded),
                "toll_unit" => t.unit.extend(folded),
                "toll_and" => t.and.extend(folded),
                "toll_including" => t.including.extend(folded),
                "toll_of" => t.of.extend(folded),
                "toll_between" => t.between.extend(folded),
                "toll_others" => t.others.extend(folded),
                "toll_article" => t.article.extend(folded),
                "toll_date_det" => t.date_det.extend(folded),
                "toll_passive_one" => t.passive_one.extend(folded),
                "toll_death_one" => t.death_one.extend(folded),
                "toll_one_det" => t.one_det.extend(folded),
                "toll_vague" => t.vague.extend(folded),
                "toll_singular_det" => t.singular_det.extend(folded),
                "toll_group_head" => t.group_head.extend(folded),
                "toll_victim_verb" => t.victim_verb.extend(folded),
                "toll_dead_after" => {
                    for pair in folded {
                        let (before, dead) =
                            pair.split_once('_').ok_or_else(|| format!("{key}: {pair:?} is not before_dead"))?;
                        t.dead_after.push((before.to_string(), dead.to_string()));
                    }
                }
                "toll_be" => t.be.extend(folded),
                "toll_object_one" => t.object_one.extend(folded),
                "toll_reflexive" => t.reflexive.extend(folded),
                "toll_victims_end" => t.victims_end.extend(folded),
                "toll_death_phrase" => t.death_phrase.extend(folded.map(|w| phrase_words(&w))),
                "toll_to_death" => t.to_death.extend(folded.map(|w| phrase_words(&w))),
                "toll_to_death_then_victim" => t.to_death_then_victim.extend(folded.map(|w| phrase_words(&w))),
                "toll_summary_noun" => t.summary_noun.extend(folded),
                "toll_recorded_noun" => t.recorded_noun.extend(folded),
                "toll_split" => {
                    t.split_cue.extend(words.iter().cloned());
                    t.split.extend(folded);
                }
                "toll_split_over" => t.split_over.extend(folded),
                "toll_split_units" => t.split_units.extend(folded),
                "toll_recorded" => t.recorded.extend(folded.map(|w| phrase_words(&w))),
                k if k.starts_with("month.") => t.month.extend(folded),
                k if k.starts_with("weekday.") => t.weekday.extend(folded),
                k if k.starts_with("number.") => {
                    let v = value()?;
                    let map = if v >= 20 && v % 10 == 0 && v < 100 { &mut t.tens } else { &mut t.units };
                    if v < 100 {
                        map.extend(folded.map(|w| (w, v)));
                    }
                }
                "toll_quantity" => t.quantity.extend(folded),
                k if k.starts_with("multiplier.") => {
                    let v = value()?;
                    t.multiplier.extend(folded.map(|w| (w, v)));
                }
                k if k.starts_with("approx.") => {
                    let v = value()?;
                    t.approx.extend(folded.map(|w| (w, v)));
                }
                k if k.starts_with("toll_") => t.other.entry(k.to_string()).or_default().extend(folded),
                _ => {}
            }
        }
        Ok(t)
    }

    /// Whether a lower-cased word (or a pair of words joined by `_`) is one of the table's words
    /// for a `toll_*` key that has no field of its own.
    pub fn listed(&self, key: &str, w: &str) -> bool {
        self.other.get(key).is_some_and(|set| set.contains(&*fold(w)))
    }

    /// [`Tolls::listed`] for the pair of words `a b`, written `a_b` in the table.
    fn listed_pair(&self, key: &str, a: &str, b: &str) -> bool {
        let Some(set) = self.other.get(key) else { return false };
        let mut buf = [0u8; 64];
        let n = a.len() + 1 + b.len();
        if n <= buf.len() && a.is_ascii() && b.is_ascii() {
            // (the pair joined on the stack: this test runs on every word of some sentences)
            buf[..a.len()].copy_from_slice(a.as_bytes());
            buf[a.len()] = b'_';
            buf[a.len() + 1..n].copy_from_slice(b.as_bytes());
            return std::str::from_utf8(&buf[..n]).is_ok_and(|w| set.contains(w));
        }
        set.contains(&*fold(&format!("{a}_{b}")))
    }

    /// Whether an event's verb phrase is a killing ("killing", "shot dead", "beheaded"): the act
    /// a sentence's deaths belong to, rather than the attack it opens with.
    pub fn kills(&self, verb: &str) -> bool {
        verb.split_whitespace().any(|w| {
            let w = w.to_lowercase();
            self.is_killing(&w) || self.victim_verb.contains(&*fold(&w)) || self.is_death(&w)
        })
    }

    /// Whether a lower-cased word is a number or a count ("six", "vingtaine", "hundreds").
    pub fn is_count_word(&self, w: &str) -> bool {
        let w = fold(w);
        self.approx.contains_key(&*w)
            || self.tens.contains_key(&*w)
            || self.units.contains_key(&*w)
            || self.multiplier.contains_key(&*w)
            || self.quantity.contains(&*w)
    }

    /// Whether token `k` is part of a date: a month or weekday, a day or year next to one, a
    /// word that opens one ("on", "le").
    fn in_date(&self, text: &str, tokens: &[Token], k: usize, a: usize, end: usize) -> bool {
        let word = |k: usize| fold(&text[tokens[k].start as usize..tokens[k].end as usize].to_lowercase()).into_owned();
        let calendar = |k: usize| self.is_month(&word(k)) || self.weekday.contains(&word(k));
        let w = word(k);
        calendar(k)
            || self.date_det.contains(&w)
            || (tokens[k].is(flag::NUMBER)
                && ((k > a && calendar(k - 1)) || (k + 1 < end && calendar(k + 1)) || w.len() == 4))
    }

    /// Words that say the people just counted died.
    fn is_death(&self, w: &str) -> bool {
        self.death.contains(&*fold(w))
    }
    /// Words that say the people just counted are alive.
    fn is_not_dead(&self, w: &str) -> bool {
        self.not_dead.contains(&*fold(w))
    }
    /// Animals and things counted near a killing are no fatalities: "killed three cattle".
    fn is_animal(&self, w: &str) -> bool {
        self.thing.contains(&*fold(w))
    }
    /// Verbs after which a number counts the dead: "killing 6", "killed at least 12", "left 14 dead".
    fn is_killing(&self, w: &str) -> bool {
        self.killing.contains(&*fold(w))
    }
    fn is_hedge(&self, w: &str) -> bool {
        self.hedge.contains(&*fold(w))
    }
    fn is_month(&self, w: &str) -> bool {
        self.month.contains(&*fold(w))
    }
    /// Units after which a number counts time or distance, not people: "killed five days earlier".
    fn is_unit(&self, w: &str) -> bool {
        self.unit.contains(&*fold(w))
    }
    fn is_and(&self, w: &str) -> bool {
        self.and.contains(&*fold(w))
    }
    fn is_including(&self, w: &str) -> bool {
        self.including.contains(&*fold(w))
    }
    fn is_of(&self, w: &str) -> bool {
        self.of.contains(&*fold(w))
    }
    fn is_between(&self, w: &str) -> bool {
        self.between.contains(&*fold(w))
    }
    /// Whether a noun is one person's: not a plural ("soldiers", "hommes") nor a group ("people").
    fn is_one_person(&self, head: &str) -> bool {
        !head.is_empty() && !head.ends_with('s') && !head.ends_with('x') && !self.group_head.contains(&*fold(head))
    }

    fn is_others(&self, w: &str) -> bool {
        self.others.contains(&*fold(w))
    }
    fn is_article(&self, w: &str) -> bool {
        self.article.contains(&*fold(w))
    }
}

/// Whether the number at `i` (of `len` tokens) is a day of a date: "June 23, two civilians",
/// "On 11-12 March", "on 5 May".
fn is_day(t: &Tolls, text: &str, tokens: &[Token], i: usize, len: usize, (a, end): (usize, usize)) -> bool {
    let word = |k: usize| word_at(text, tokens, k);
    if !tokens[i].is(flag::NUMBER) {
        return false;
    }
    let before = i > a && t.is_month(&word(i - 1));
    let mut k = i + len;
    // "11-12 March", "9 - 10 June"
    if k + 1 < end && word(k) == "-" && tokens[k + 1].is(flag::NUMBER) {
        k += 2;
    }
    let after = k < end && t.is_month(&word(k));
    before || after
}

/// "Fatalities are split across three events", "fatalities spread over four villages": the
/// number of events a summary's toll is shared among.
pub fn split_among(t: &Tolls, text: &str, tokens: &[Token], range: (usize, usize)) -> Option<u32> {
    let k = split_phrase(t, text, tokens, range)?;
    let raw = |k: usize| &text[tokens[k].start as usize..tokens[k].end as usize];
    let end = range.1;
    // "split between both events"
    let both = t.listed("toll_split_both", raw(k)).then_some((2, 1));
    let (n, len) = both.or_else(|| number_at(t, text, tokens, k, end))?;
    (n > 1 && crate::text::in_set(&t.split_units, raw((k + len).min(end - 1)))).then_some(n)
}

/// "Fatalities split between events", "fatalities are spread across the events": a summary's
/// toll shared among events it does not count (the places or days the report names do).
pub fn split_unstated(t: &Tolls, text: &str, tokens: &[Token], range: (usize, usize)) -> bool {
    split_phrase(t, text, tokens, range)
        .is_some_and(|k| crate::text::in_set(&t.split_units, &text[tokens[k].start as usize..tokens[k].end as usize]))
}

/// Where what a toll is split among begins, after "fatalities ... split between (the)".
fn split_phrase(t: &Tolls, text: &str, tokens: &[Token], (a, end): (usize, usize)) -> Option<usize> {
    if a >= end {
        return None;
    }
    // most sentences share no toll: look for the words in the whole sentence first
    let sentence = text[tokens[a].start as usize..tokens[end - 1].end as usize].to_ascii_lowercase();
    if !t.split_cue.iter().any(|w| sentence.contains(w.as_str())) {
        return None;
    }
    let raw = |k: usize| &text[tokens[k].start as usize..tokens[k].end as usize];
    let split = (a..end).position(|k| crate::text::in_set(&t.split, raw(k)))? + a;
    if !(a..split).any(|k| stem_listed(&t.summary_noun, raw(k))) {
        return None;
    }
    let mut k = split + 1;
    while k < end
        && (crate::text::in_set(&t.split_over, raw(k)) || t.singular_det.contains(&*fold(&raw(k).to_lowercase())))
    {
        k += 1;
    }
    // ("Fatalities are split across")
    (k < end).then_some(k)
}

/// "Clashes over two days", "for three consecutive days", "a three-day battle", "two days of
/// fighting", "04-07 April": the number of days a report says its events ran over. ACLED records
/// an event a day and shares a report's toll among them.
pub fn days_spanned(t: &Tolls, text: &str, tokens: &[Token], (a, end): (usize, usize)) -> Option<u32> {
    let word = |k: usize| word_at(text, tokens, k);
    let day_number = |k: usize| {
        let w = &text[tokens[k].start as usize..tokens[k].end as usize];
        w.parse::<u32>().ok().filter(|d| (1..=31).contains(d))
    };
    for i in a..end {
        // a range of days before a month: "04-07 April", "18 - 20 February"
        if tokens[i].is(flag::NUMBER) && i + 3 < end && word(i + 1) == "-" && t.is_month(&word(i + 3)) {
            // (not a date known only within a range: "around 29 November (between 28 - 30 November)")
            let uncertain = i > a && t.listed("toll_span_uncertain", &word(i - 1));
            if let (Some(x), Some(y), false) = (day_number(i), day_number(i + 2), uncertain) {
                if x < y {
                    return Some(y - x + 1);
                }
            }
            continue;
        }
        // "over June 9-10": the month before the range
        if t.is_month(&word(i)) && i + 3 < end && word(i + 2) == "-" && tokens[i + 1].is(flag::NUMBER) {
            let uncertain = i > a && t.listed("toll_span_uncertain", &word(i - 1));
            if let (Some(x), Some(y), false) = (day_number(i + 1), day_number(i + 3), uncertain) {
                if x < y {
                    return Some(y - x + 1);
                }
            }
        }
        let over = t.listed("toll_span_over", &word(i));
        let mut k = if over { i + 1 } else { i };
        while over && k < end && (t.is_article(&word(k)) || t.listed("toll_span_skip", &word(k))) {
            k += 1;
        }
        let Some((n, len)) = number_at(t, text, tokens, k, end) else { continue };
        // a date's day is no count of days ("over 5 May")
        if !(2..=31).contains(&n) || is_day(t, text, tokens, k, len, (a, end)) {
            continue;
        }
        k += len;
        // "a three-day clash": the hyphen joins the number to its unit
        let hyphen = k + 1 < end && word(k) == "-" && tokens[k].start == tokens[k - 1].end;
        if hyphen {
            k += 1;
        }
        while k < end && t.listed("toll_span_adj", &word(k)) {
            k += 1;
        }
        if k >= end || !t.listed("toll_span_unit", &word(k)) {
            continue;
        }
        // without "over" or "for" before it, the span names what ran over it: "two days of
        // clashes", "a three-day battle" (not "two days later")
        let named = hyphen || (k + 1 < end && t.is_of(&word(k + 1)));
        if over || named {
            return Some(n);
        }
    }
    None
}

/// "Attacked Gobirawa and Sabawa villages", "in the villages of Sirfou, Hitte and Koro", "clashed
/// in Wukari and Ibi": the number of places a sentence names together as where events happened.
/// ACLED records an event a place and shares a report's toll among them. `is_name(k)` says
/// whether token `k` may be part of a place's name (capitalised, no actor's).
pub fn places_listed(
    t: &Tolls,
    text: &str,
    tokens: &[Token],
    (a, end): (usize, usize),
    is_name: impl Fn(usize) -> bool,
) -> Option<u32> {
    let word = |k: usize| word_at(text, tokens, k);
    let joined = |k: usize| k > a && k + 1 < end && word(k) == "-" && tokens[k].start == tokens[k - 1].end;
    // the names joined by "," and "and" from token k: how many, and where the list ends
    let list_at = |mut k: usize| {
        let mut names = 0u32;
        let mut closed = false;
        loop {
            if k >= end || !is_name(k) {
                break;
            }
            while k < end && (is_name(k) || joined(k)) {
                k += 1;
            }
            names += 1;
            if closed || k >= end {
                break;
            }
            let w = word(k);
            if w == "," {
                k += 1;
                if k < end && t.is_and(&word(k)) {
                    k += 1;
                    closed = true;
                }
            } else if t.is_and(&w) {
                k += 1;
                closed = true;
            } else {
                break;
            }
        }
        (names, k, closed)
    };
    let mut k = a;
    while k < end {
        let w = word(k);
        let opens = t.listed("toll_places_in", &w) || t.listed("toll_places_plural", &w);
        // ("between Oku community in A and Ikot in B": the "and" joins the two sides a name opens,
        // not places)
        let pair_open = || {
            let side = (a..k).rev().take_while(|&q| !t.is_and(&word(q)));
            let between = side.clone().find(|&q| t.listed("toll_places_pair", &word(q)));
            t.listed("toll_places_in", &w) && between.is_some_and(|b| (b + 1..k).any(&is_name))
        };
        if pair_open() {
            k += 1;
            continue;
        }
        if opens {
            // "in the villages of", "communities - Elegbete and Igbolomu"
            let mut q = k + 1;
            while q < end && (t.singular_det.contains(&*fold(&word(q))) || t.is_of(&word(q)) || word(q) == "-") {
                q += 1;
            }
            if q < end && t.listed("toll_places_plural", &word(q)) {
                q += 1;
                while q < end && (t.is_of(&word(q)) || word(q) == "-") {
                    q += 1;
                }
            }
            let (names, after, closed) = list_at(q);
            // "in X and Y" is a list of places only if the names are followed by no more name
            // words; "X and Y villages" is one after a verb
            let not_places = after < end && t.listed("toll_places_not", &word(after));
            if closed && names >= 2 && !not_places {
                return Some(names);
            }
            k += 1;
            continue;
        }
        // "attacked Gobirawa and Sabawa villages"
        if is_name(k) && (k == a || !is_name(k - 1)) {
            let (names, after, closed) = list_at(k);
            if closed && names >= 2 && after < end && t.listed("toll_places_plural", &word(after)) {
                return Some(names);
            }
            k = after.max(k + 1);
            continue;
        }
        k += 1;
    }
    None
}

/// "Killing 25 (later raised to 37)", "the death toll rose to 19": a revised toll, which stands
/// for the count reported before it.
pub fn revised_toll(t: &Tolls, text: &str, tokens: &[Token], (a, end): (usize, usize)) -> Option<u32> {
    if a >= end {
        return None;
    }
    let sentence = text[tokens[a].start as usize..tokens[end - 1].end as usize].to_ascii_lowercase();
    if !t.cue.iter().any(|c| sentence.contains(c.as_str())) {
        return None;
    }
    let word = |k: usize| word_at(text, tokens, k);
    (a + 2..end).find_map(|i| {
        if !t.listed_pair("toll_revised", &word(i - 2), &word(i - 1)) {
            return None;
        }
        let (n, len) = number_at(t, text, tokens, i, end)?;
        // (not a count of the wounded: "the number of injured rose to 40")
        let wounded =
            (a..i).any(|k| t.is_not_dead(&word(k))) && !(a..i).any(|k| t.is_death(&word(k)) || t.is_killing(&word(k)));
        let unit = i + len < end && t.is_unit(&word(i + len));
        (!wounded && !unit && !is_day(t, text, tokens, i, len, (a, end))).then_some(n)
    })
}

/// "Youths rioted after the bodies of two herders were found", "a protest over the death of a
/// student": a sentence whose first death is told after a cause word (`toll_cause`) tells why a
/// crowd gathered, not who died in its violence.
pub fn told_as_cause(t: &Tolls, text: &str, tokens: &[Token], (a, end): (usize, usize)) -> bool {
    let word = |k: usize| word_at(text, tokens, k);
    let death = (a..end).find(|&k| {
        let w = word(k);
        t.is_death(&w) || t.listed("toll_body_one", &w) || t.listed("toll_killing", &w)
    });
    death.is_some_and(|d| (a..d).any(|k| t.listed("toll_cause", &word(k))))
}

/// "Conflicting reports suggest eight deaths", "The Daily Trust reports 15 dead": a sentence that
/// gives another account of a toll already reported.
pub fn alternative_account(t: &Tolls, text: &str, tokens: &[Token], (a, end): (usize, usize)) -> bool {
    let word = |k: usize| word_at(text, tokens, k);
    (a..end).any(|k| {
        t.listed("toll_alternative", &word(k)) || (k > a && t.listed_pair("toll_alternative", &word(k - 1), &word(k)))
    })
}

/// "Unknown fatalities coded as 10", "fatalities assessed as 3", "coded at a low estimate of 3":
/// the toll an event summary says it records.
fn is_recorded_toll(t: &Tolls, text: &str, tokens: &[Token], i: usize, a: usize) -> bool {
    let from = i.saturating_sub(8).max(a);
    let said = t.recorded.iter().any(|p| i >= from + p.len() && phrase_at(text, tokens, i - p.len(), i, p));
    let raw = |k: usize| &text[tokens[k].start as usize..tokens[k].end as usize];
    // ("coded as 13 total fatalities": one word may come between)
    let named_after = (i + 1..tokens.len().min(i + 3)).any(|k| stem_listed(&t.recorded_noun, raw(k)));
    said && (named_after || (from..i).any(|k| stem_listed(&t.recorded_noun, raw(k))))
}

/// A number starting at token `i`: digits, words ("twenty-five", "a dozen"); its value and length.
fn number_at(t: &Tolls, text: &str, tokens: &[Token], i: usize, end: usize) -> Option<(u32, usize)> {
    let word = |k: usize| {
        if k < end {
            word_at(text, tokens, k)
        } else {
            Cow::Borrowed("")
        }
    };
    if i >= end {
        return None;
    }
    let w = word(i);
    if tokens[i].is(flag::NUMBER) {
        let digits: String = w.chars().filter(char::is_ascii_digit).collect();
        if w.contains('.') || digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20")) {
            return None; // 3.5 km, 2020
        }
        // "5 000" written with a space
        let mut value: u32 = digits.parse().ok()?;
        let mut len = 1;
        if value < 1000
            && tokens.get(i + 1).is_some_and(|t| t.is(flag::NUMBER))
            && word(i + 1).len() == 3
            && i + 1 < end
        {
            value = value * 1000 + word(i + 1).parse::<u32>().ok()?;
            len = 2;
        }
        return Some((value, len));
    }
    let fw = fold(&w);
    // "dozens"-like counts: "a dozen", "une dizaine"
    if let Some(&v) = t.approx.get(&*fw) {
        return Some((v, 1));
    }
    if t.is_article(&w) {
        if let Some(&v) = t.approx.get(&*fold(&word(i + 1))) {
            return Some((v, 2));
        }
    }
    if let Some(&tens) = t.tens.get(&*fw) {
        let mut value = tens;
        let mut len = 1;
        if word(i + 1) == "-" {
            if let Some(&u) = t.units.get(&*fold(&word(i + 2))).filter(|&&u| (1..10).contains(&u)) {
                value += u;
                len = 3;
            }
        }
        return Some((value, len));
    }
    let u = *t.units.get(&*fw).filter(|&&u| u > 0)?;
    if let Some(&m) = t.multiplier.get(&*fold(&word(i + 1))) {
        return Some((u * m, 2));
    }
    Some((u, 1))
}

/// The deaths a sentence reports, if it reports any.
pub fn count(t: &Tolls, text: &str, tokens: &[Token], range: (usize, usize)) -> Option<u32> {
    let (a, end) = range;
    if a >= end {
        return None;
    }
    // most sentences speak of no death: look for a cue before any work
    let sentence = text[tokens[a].start as usize..tokens[end - 1].end as usize].to_ascii_lowercase();
    if !t.cue.iter().any(|c| sentence.contains(c.as_str())) {
        return None;
    }
    let word = |k: usize| word_at(text, tokens, k);
    let mut total = 0u32;
    let mut found = false;
    let mut last_counted = None::<usize>;
    // numbers that are part of a count already made ("nine, including two ...")
    let mut part_of: Vec<usize> = Vec::new();
    // the toll a summary says it records ("coded as 15 fatalities") stands for the sentence's counts
    let mut recorded: Option<u32> = None;
    // the death words that counts were made with ("one militant killed himself": the one is him)
    let mut death_words: Vec<usize> = Vec::new();
    let mut i = a;
    while i < end {
        if part_of.contains(&i) {
            i += 1;
            continue;
        }
        let Some((value, len)) = number_at(t, text, tokens, i, end) else {
            i += 1;
            continue;
        };
        let vague = i + len < end && t.vague.contains(&*fold(&word(i + len)));
        // "a 45-year-old man", "a five-year-old": an age, joined to its unit by a hyphen
        let age = i + len + 1 < end
            && word(i + len) == "-"
            && tokens[i + len].start == tokens[i + len - 1].end
            && t.is_unit(&word(i + len + 1));
        if vague || age || is_day(t, text, tokens, i, len, range) || (i + len < end && t.is_unit(&word(i + len))) {
            i += len;
            continue;
        }
        // "18/11": a date written with slashes
        let touches_slash = |k: usize| k < end && word(k) == "/" && tokens[k].is(flag::PUNCT);
        let slashed = (i > a && touches_slash(i - 1) && tokens[i - 1].end == tokens[i].start)
            || (touches_slash(i + len) && tokens[i + len].start == tokens[i + len - 1].end);
        if slashed {
            i += len;
            continue;
        }
        if is_recorded_toll(t, text, tokens, i, a) {
            *recorded.get_or_insert(0) += value;
            i += len;
            continue;
        }
        // "one of the three soldiers succumbed": the three are who the one was among
        if i + len + 1 < end && t.is_of(&word(i + len)) {
            part_of.extend(i + len + 1..(i + len + 4).min(end));
        }
        let mut after = i + len;
        // "between two and six": the lower bound, as ACLED codes it
        if i > a && t.is_between(&word(i - 1)) && after + 1 < end && t.is_and(&word(after)) {
            if let Some((_, n)) = number_at(t, text, tokens, after + 1, end) {
                after += 1 + n;
            }
        }
        // "19 - 22 killed", "five to seven dead": the lower bound, as ACLED codes it
        if after + 1 < end && t.listed("toll_range", &word(after)) {
            if let Some((_, n)) = number_at(t, text, tokens, after + 1, end).filter(|&(high, _)| high > value) {
                after += 1 + n;
            }
        }
        // "6 civilians were killed", "14 dead", "two people died"
        let mut k = after;
        let mut words = 0;
        let mut counted = false;
        let mut not_dead = false;
        let mut not_dead_at = end;
        // "three people including a man, a woman and a girl": the members of a count, not more
        let mut listing = false;
        // "two militiamen, the village chief and a child were killed": one each after the number
        let mut conjoined = 0;
        // (a count after the first, whose own scan counts the singles after it)
        let mut later_count = false;
        // "killing three, four soldiers and a boy were wounded": after a list goes on, what it
        // says of the later members does not decide for the first
        let mut continued = false;
        let mut relative = false;
        let joined_at = |k: usize| {
            k > a
                && k + 1 < end
                && word(k) == "-"
                && tokens[k].start == tokens[k - 1].end
                && tokens[k + 1].start == tokens[k].end
        };
        while k < end && words < 7 && k < after + 24 {
            let w = word(k);
            let phrase = || t.death_phrase.iter().find(|p| phrase_at(text, tokens, k, end, p)).map(Vec::len);
            let death_len = if t.is_death(&w) { Some(1) } else { phrase() };
            // "3,000 students, angered by the death of three students": a death of others, counted
            // after its "of"
            if death_len == Some(1) && k + 1 < end && t.is_of(&word(k + 1)) {
                break;
            }
            if let Some(n) = death_len {
                // "two soldiers killed three police officers", "two gunmen shot dead a policeman":
                // a death word with an object after it is the count's own act, not its death
                counted = !has_object(t, text, tokens, k + n, end, range);
                death_words.push(k);
                break;
            }
            // "killing seven injuring 18": a wounding verb is the count's act, not its state
            if t.listed("toll_wounding", &w) {
                break;
            }
            // "4 civilians were abducted and killed": a verb joined to the death word
            if t.is_not_dead(&w) && k + 2 < end && t.is_and(&word(k + 1)) && t.is_death(&word(k + 2)) {
                k += 2;
                continue;
            }
            if t.is_not_dead(&w) {
                // "killed nine farmers who had resisted being abducted": the relative clause
                // says what they did before, not that they live
                not_dead = !relative;
                not_dead_at = k;
                break;
            }
            relative |= t.listed("toll_who", &w);
            if w == "(" {
                // "10 Ansar (JNIM) militants were killed": step over the brackets (whose counts,
                // "killing 4 men (the chief and his 3 sons)", are of the count's members)
                while k < end && word(k) != ")" {
                    part_of.push(k);
                    k += 1;
                }
                k += 1;
                continue;
            }
            // "self-defense militiamen": a hyphen joins words (a spaced one is a dash)
            if w == "-" && joined_at(k) {
                k += 1;
                continue;
            }
            // "three soldiers - two officers and a driver - were killed": an aside between dashes
            if w == "-" {
                if let Some(close) = (k + 1..end.min(k + 14)).find(|&q| word(q) == "-") {
                    part_of.extend(k + 1..close);
                    k = close + 1;
                    continue;
                }
            }
            // "25 people including a policeman and 10 children": the members' numbers
            if listing && number_at(t, text, tokens, k, end).is_some() && !is_day(t, text, tokens, k, 1, range) {
                let (_, n) = number_at(t, text, tokens, k, end).unwrap_or((0, 1));
                part_of.extend(k..k + n);
                k += n;
                continue;
            }
            if listing && (w == "," || t.is_and(&w)) {
                // "..., and four others died": the list is over, a new count begins
                let mut q = k + 1;
                while q < end && (word(q) == "," || t.is_and(&word(q))) {
                    q += 1;
                }
                let others =
                    number_at(t, text, tokens, q, end).is_some_and(|(_, n)| q + n < end && t.is_others(&word(q + n)));
                if others {
                    break;
                }
                words = 0;
                k += 1;
                continue;
            }
            // "nine civilians including two musicians were killed": the count is the first
            if t.is_including(&w) {
                listing = true;
                words = 0;
                k += 1;
                while k < end && (number_at(t, text, tokens, k, end).is_some() || tokens[k].is(flag::NUMBER)) {
                    part_of.push(k);
                    k += 1;
                }
                continue;
            }
            // "four gendarmes and one civilian were killed": conjoined counts share the verb
            if t.is_and(&w) || w == "," {
                // ", and four civilians"
                let next = if w == "," && k + 1 < end && t.is_and(&word(k + 1)) { k + 2 } else { k + 1 };
                if let Some((_, n)) = (next < end).then(|| number_at(t, text, tokens, next, end)).flatten() {
                    k = next + n;
                    words = 0;
                    continued = true;
                    // ("five soldiers, three guards and a driver": the driver is counted with
                    // the three, whose own count comes next)
                    later_count = true;
                    continue;
                }
                if next < end && t.singular_det.contains(&*fold(&word(next))) {
                    // one more only if what follows is one person ("the village chief", not "the
                    // attackers" or "a number of civilians")
                    let head = (next + 1..end.min(next + 5))
                        .take_while(|&q| {
                            let w = word(q);
                            !tokens[q].is(flag::PUNCT | flag::VERBAL)
                                && !t.listed("toll_head_end", &w)
                                && !t.is_death(&w)
                                && !t.is_not_dead(&w)
                        })
                        .last()
                        .map(&word)
                        .unwrap_or_default();
                    let one = t.is_one_person(&head);
                    conjoined += u32::from(one && !later_count);
                    continued = true;
                    k = next + 1;
                    words = 0;
                    continue;
                }
            }
            // "three men, abducted earlier by militants, were found dead", "quatre personnes,
            // civils et militaires, ont été tuées": an aside between commas, when a death word
            // follows it closely
            if w == "," && !listing {
                let close = (k + 1..end.min(k + 16))
                    .take_while(|&q| !matches!(&*word(q), "." | ";" | ":") && !tokens[q].is(flag::NUMBER))
                    .find(|&q| word(q) == ",");
                if let Some(close) = close.filter(|&c| (c + 1..end.min(c + 6)).any(|q| t.is_death(&word(q)))) {
                    part_of.extend(k + 1..close);
                    k = close + 1;
                    continue;
                }
            }
            // "five members of the Indigenous People of Biafra (IPOB) were killed": a complement
            // naming a group after "of" does not use up the noun phrase's words
            if k > after && t.is_of(&w) && k + 1 < end {
                let mut q = k + 1;
                while q < end && t.singular_det.contains(&*fold(&word(q))) {
                    q += 1;
                }
                // (the complement ends at a verb, a number, a death word or punctuation)
                let inside = |q: usize| {
                    let w = word(q);
                    !tokens[q].is(flag::PUNCT | flag::NUMBER | flag::VERBAL)
                        && !t.is_and(&w)
                        && !t.is_death(&w)
                        && !t.is_not_dead(&w)
                        && !t.victims_end.contains(&*fold(&w))
                };
                // ("the hunters' association": a possessive's apostrophe is inside it)
                let possessive = |q: usize| matches!(&*word(q), "'" | "’") && tokens[q].start == tokens[q - 1].end;
                let from = q;
                while q < end && q < from + 6 && (inside(q) || joined_at(q) || possessive(q)) {
                    q += 1;
                }
                if q > from {
                    k = q;
                    continue;
                }
            }
            // "two persons said to be members of IPOB, were shot dead": a lone comma before the
            // passive death word
            if w == "," && !listing && k + 1 < end && t.be.contains(&*fold(&word(k + 1))) {
                let death =
                    (k + 2..end.min(k + 5)).take_while(|&q| !tokens[q].is(flag::PUNCT)).find(|&q| t.is_death(&word(q)));
                if let Some(q) = death {
                    k = q;
                    continue;
                }
            }
            // "were ambushed and killed", "were stabbed and killed": a verb joined to the death word
            let verbs_joined =
                t.is_and(&w) && k > a && tokens[k - 1].is(flag::VERBAL) && k + 1 < end && t.is_death(&word(k + 1));
            if verbs_joined {
                k += 1;
                continue;
            }
            // ("two clans in Sangha left one dead": a count in words begins its own count, as
            // one in digits does, unless of the first's members: "one of them")
            let own_count = || {
                !part_of.contains(&k)
                    && number_at(t, text, tokens, k, end).is_some_and(|(_, n)| k + n >= end || !t.is_of(&word(k + n)))
            };
            if tokens[k].is(flag::PUNCT) || tokens[k].is(flag::NUMBER) || t.is_and(&w) || own_count() {
                break;
            }
            k += 1;
            words += 1;
        }
        let forward = counted;
        if not_dead && continued && !listing {
            not_dead = false;
        }
        // "killed 17 in a displaced persons camp": a count right after a killing verb is of the
        // dead, whatever its place's words say, unless the count itself is said to live ("killing
        // one, two wounded")
        // where the words before the count end, past its hedges ("killed at least 12")
        let mut verb_end = i;
        while verb_end > a && t.is_hedge(&word(verb_end - 1)) {
            verb_end -= 1;
        }
        if not_dead && not_dead_at > after + 1 && verb_end > a && t.is_killing(&word(verb_end - 1)) {
            not_dead = false;
        }
        // "killing 6", "killed at least 12"
        if !counted && !not_dead {
            let mut b = verb_end;
            // "killed the man and his two sons": a possessive before the count
            if b > a && t.listed("toll_possessive", &word(b - 1)) {
                b -= 1;
            }
            // "aurait tué le 20 mars 2020 quatre membres", "killed on Sunday three traders": a
            // date between the verb and its count
            let date_end = b;
            while b > a && t.in_date(text, tokens, b - 1, a, end) {
                b -= 1;
            }
            if b < date_end && !(b > a && t.is_killing(&word(b - 1))) {
                b = date_end;
            }
            // "resulting in the death of 12 civilians", "led to the killing of five" (but not a
            // cause: "protests over the killing of five", "in retaliation for the death of two")
            let death_of = b > a + 1 && t.listed_pair("toll_death_of", &word(b - 2), &word(b - 1)) && {
                let mut q = b - 2;
                while q > a && t.singular_det.contains(&*fold(&word(q - 1))) {
                    q -= 1;
                }
                let w1 = if q > a { word(q - 1) } else { Cow::Borrowed("") };
                let w2 = if q > a + 1 { word(q - 2) } else { Cow::Borrowed("") };
                t.listed("toll_result", &w1) || t.listed_pair("toll_result", &w2, &w1)
            };
            // "the bodies of around thirty militants" ("les corps de trois bergers": "de" may
            // also be a hedge's)
            let body_of =
                [b, i].iter().any(|&b| b > a + 1 && t.listed_pair("toll_body_of", &word(b - 2), &word(b - 1)));
            // "shot to death two members", "gun down three bombers"
            let to_death = t.to_death.iter().any(|p| b >= a + p.len() && phrase_at(text, tokens, b - p.len(), end, p));
            let down =
                b > a + 1 && t.dead_after.iter().any(|(x, d)| *x == fold(&word(b - 2)) && *d == fold(&word(b - 1)));
            counted = b > a && t.is_killing(&word(b - 1)) || death_of || body_of || to_death || down;
            // "killed three soldiers and two civilians"
            let listed = b > a && (word(b - 1) == "," || t.is_and(&word(b - 1)));
            // "killing himself and three policemen", "killed the driver and two passengers": a
            // killing verb earlier in the same list
            let by_verb = listed
                && (b.saturating_sub(10).max(a)..b - 1)
                    .rev()
                    .take_while(|&k| !matches!(&*word(k), "." | ";" | ":") && !t.is_not_dead(&word(k)))
                    .any(|k| t.is_killing(&word(k)) && !t.listed("toll_adjective", &word(k)));
            // ... unless what follows says otherwise ("killing two, eight soldiers and a civilian
            // were wounded")
            // (but not a clause of its own: "killed themselves and 5 civilians, injuring a soldier")
            let wounded_after = (after..end.min(after + 10))
                .take_while(|&q| !matches!(&*word(q), "." | ";" | ":") && !t.is_death(&word(q)))
                .any(|q| t.is_not_dead(&word(q)) && word(q - 1) != ",");
            counted |= (listed && last_counted.is_some_and(|e| e + 4 >= b) || by_verb) && !wounded_after;
        }
        // "killed three cattle" (but "killed three with guns", and "two cattle traders" are men: a
        // thing's word before a noun only says what kind)
        let modifier = |k: usize| {
            k + 1 < end
                && tokens[k + 1].class == crate::grammar::Word::Other
                && !tokens[k + 1].is(flag::PUNCT | flag::NUMBER | flag::VERBAL)
                && !t.is_animal(&word(k + 1))
                && !t.listed("toll_things_stop", &word(k + 1))
        };
        let things = (after..end.min(after + 3))
            .take_while(|&k| {
                !t.listed("toll_things_stop", &word(k)) && !t.is_and(&word(k)) && !tokens[k].is(flag::PUNCT)
            })
            .any(|k| t.is_animal(&word(k)) && !modifier(k));
        if counted && things {
            counted = false;
        }
        // "the sub-prefect and four other people were killed": the one named before the others
        let named_first = forward
            && i > a + 1
            && t.is_and(&word(i - 1))
            && (i + len..end.min(i + len + 3)).any(|q| t.is_others(&word(q)))
            && one_person_before(t, text, tokens, a, i - 1);
        if counted {
            total += value + if forward && !listing { conjoined } else { 0 } + u32::from(named_first);
            found = true;
            last_counted = Some(after);
            // "killed five merchants including two Malians and three Burkinabes": the members
            // of the count are no more dead
            if let Some(inc) = (after..end.min(after + 6)).find(|&q| t.is_including(&word(q))) {
                let members = (inc + 1..end.min(inc + 12)).take_while(|&q| {
                    let w = word(q);
                    let list_over = w == "," && q + 1 < end && t.listed("toll_list_and", &word(q + 1));
                    !(matches!(&*w, "." | ";" | ":")
                        || t.listed("toll_members_end", &w)
                        || tokens[q].is(flag::VERBAL)
                        || list_over)
                });
                part_of.extend(members.filter(|&q| number_at(t, text, tokens, q, end).is_some()));
            }
        }
        i = after;
    }
    if recorded.is_some() {
        return recorded;
    }
    // "seized nine traders and executed them": the count before the verb
    if !found {
        if let Some(n) = killed_them(t, text, tokens, range) {
            return Some(n);
        }
    }
    // "killed four farmers and a volunteer", "killed the driver and a passenger": one each
    let singles = singular_victims(t, text, tokens, range, &death_words);
    if found {
        total += singles;
    } else if singles > 0 {
        found = true;
        total = singles;
    } else {
        let subjects = singular_subjects(t, text, tokens, range);
        found = subjects > 0 || killed_one(t, text, tokens, range);
        total = subjects.max(u32::from(found));
    }
    found.then_some(total)
}

/// Whether a verb's object opens at token `k`: a count or a determiner, not of a time ("killed
/// three police officers", "shot dead a policeman", but "died a day later", "killed the next day",
/// "tués le 9 avril").
fn has_object(t: &Tolls, text: &str, tokens: &[Token], k: usize, end: usize, range: (usize, usize)) -> bool {
    let time_follows = (k..end.min(k + 4)).any(|q| {
        let w = word_at(text, tokens, q);
        t.is_unit(&w) || t.is_month(&w) || t.in_date(text, tokens, q, range.0, end)
    });
    // ("three bombings killed at least 58 people": the count may be hedged)
    let mut c = k;
    while c < end && t.is_hedge(&word_at(text, tokens, c)) {
        c += 1;
    }
    // ("one gendarme killed two wounded": a toll of its own)
    let count = number_at(t, text, tokens, c, end).is_some_and(|(_, n)| {
        let said_alive = c + n < end && t.is_not_dead(&word_at(text, tokens, c + n));
        !(is_day(t, text, tokens, c, n, range) || said_alive)
    });
    let det = k < end && t.singular_det.contains(&*fold(&word_at(text, tokens, k)));
    (count || det) && !time_follows
}

/// Whether the noun phrase that ends before token `and` names one person: a singular determiner
/// opening it ("the sub-prefect of Dinangourou", "le chef du village") and a head in the singular,
/// with no number, verb or stop between.
fn one_person_before(t: &Tolls, text: &str, tokens: &[Token], a: usize, and: usize) -> bool {
    person_before(t, text, tokens, a, and).is_some()
}

/// [`one_person_before`], giving where the noun phrase starts (its determiner).
fn person_before(t: &Tolls, text: &str, tokens: &[Token], a: usize, and: usize) -> Option<usize> {
    let word = |k: usize| fold(&text[tokens[k].start as usize..tokens[k].end as usize].to_lowercase()).into_owned();
    let det = (a.max(and.saturating_sub(8))..and).rev().find(|&q| t.singular_det.contains(&word(q)))?;
    // (its head ends it, or comes before its complement: "the sub-prefect of Dinangourou")
    let head_end = (det + 1..and).find(|&q| t.is_of(&word(q))).unwrap_or(and);
    // "sub-prefect": a hyphen joins words
    let joined = |q: usize| word(q) == "-" && tokens[q].start == tokens[q - 1].end;
    let plain = (det + 1..and).all(|q| {
        (joined(q) || t.is_of(&word(q)) || !tokens[q].is(flag::PUNCT | flag::NUMBER | flag::VERBAL))
            && !t.is_and(&word(q))
            && !t.is_death(&word(q))
            && !t.is_not_dead(&word(q))
    });
    (plain && head_end > det + 1 && t.is_one_person(&word(head_end - 1)) && (det == a || !t.is_of(&word(det - 1))))
        .then_some(det)
}

/// "A soldier and a civilian were killed", "un soldat et un civil ont été tués": a plural
/// passive death word (after the grammar's `toll_passive_many`) whose subject is a list of
/// people each named in the singular: one each (0 where it is not such a list).
fn singular_subjects(t: &Tolls, text: &str, tokens: &[Token], (a, end): (usize, usize)) -> u32 {
    let word = |k: usize| word_at(text, tokens, k);
    for i in a + 1..end {
        let dead = t.death_one.contains(&*fold(&word(i))) || t.listed_pair("toll_passive_dead", &word(i - 1), &word(i));
        if !dead {
            continue;
        }
        // the plural "be" at most three words back ("were killed", "were shot and killed")
        let Some(be) =
            (1..=3).filter(|&n| i >= a + n).map(|n| i - n).find(|&k| t.listed("toll_passive_many", &word(k)))
        else {
            continue;
        };
        // the members of the subject, from the last back: each one person, joined by "and" or ","
        let (mut members, mut member_end) = (0, be);
        while let Some(det) = person_before(t, text, tokens, a, member_end) {
            members += 1;
            if det > a && (t.is_and(&word(det - 1)) || word(det - 1) == ",") {
                member_end = det - 1;
            } else {
                break;
            }
        }
        if members >= 2 {
            return members;
        }
    }
    0
}

/// The victims named in the singular in the lists after killing verbs: "killed the driver and a
/// passenger" (2), "killed four farmers and a volunteer" (1, the four being counted as a number).
fn singular_victims(t: &Tolls, text: &str, tokens: &[Token], (a, end): (usize, usize), counted_at: &[usize]) -> u32 {
    let word = |k: usize| -> String {
        fold(&text[tokens[k].start as usize..tokens[k].end as usize].to_lowercase()).into_owned()
    };
    let is_kill = |i: usize| {
        let w = word(i);
        // "shot dead": a death word after one of toll_dead_after
        let kill = t.victim_verb.contains(&w)
            || (i > a && t.dead_after.iter().any(|(before, dead)| w == *dead && word(i - 1) == *before));
        kill && i > a && !t.be.contains(&word(i - 1)) && !t.listed("toll_unrealised", &word(i - 1))
    };
    let stop = |k: usize| tokens[k].is(flag::PUNCT) || t.victims_end.contains(&word(k));
    let joins = |k: usize| word(k) == "," || t.is_and(&word(k));
    let mut singles = 0;
    for i in (a..end).filter(|&i| is_kill(i)) {
        let mut k = i + 1;
        // ("killed an estimated 30", but "killed an inspector": an article is a hedge's only
        // before another)
        let hedge = |k: usize| t.is_hedge(&word(k)) && (!t.singular_det.contains(&word(k)) || t.is_hedge(&word(k + 1)));
        while k + 1 < end && hedge(k) {
            k += 1;
        }
        // "killed the justice commissioner, Zannah Malam, in ...": a name after a comma that
        // follows one person with a determiner is that person's name
        let mut named_next = false;
        loop {
            if k >= end {
                break;
            }
            let numbered = number_at(t, text, tokens, k, end).is_some_and(|(_, n)| {
                k += n;
                true
            });
            // "killing himself and two soldiers", "robbing and killing him"
            let pronoun = !numbered && k < end && (t.reflexive.contains(&word(k)) || t.object_one.contains(&word(k)));
            if pronoun {
                let reflexive = t.reflexive.contains(&word(k));
                // "one militant killed himself": counted with its subject
                if !(reflexive && counted_at.contains(&i)) {
                    singles += 1;
                }
                k += 1;
                if k < end && joins(k) {
                    k += 1;
                    continue;
                }
                break;
            }
            let det = !numbered && (t.singular_det.contains(&word(k)) || t.one_det.contains(&word(k)));
            if !numbered && !det && !tokens[k].is(flag::CAPITAL) {
                break;
            }
            let apposed = named_next && !numbered && !det && k > 0 && word(k - 1) == ",";
            let first = k;
            while k < end && !stop(k) {
                k += 1;
            }
            if (first..k).any(|q| t.is_not_dead(&word(q))) {
                break; // "... and a boy were wounded"
            }
            named_next = false;
            if !numbered && !apposed {
                let last = if k > first { word(k - 1) } else { String::new() };
                if last.is_empty() || last.ends_with('s') || t.group_head.contains(&last) {
                    break;
                }
                singles += 1;
                named_next = det;
            }
            if k < end && joins(k) {
                k += 1;
                // ("a soldier, Moussa Traore, and a civilian")
                if apposed && k < end && t.is_and(&word(k)) {
                    k += 1;
                }
            } else {
                break;
            }
        }
    }
    singles
}

/// "Soldiers dragged nine people from their homes and shot them dead", "arrested five men and
/// executed them": a killing verb whose object is a pronoun of many counts the people counted
/// last before it.
fn killed_them(t: &Tolls, text: &str, tokens: &[Token], (a, end): (usize, usize)) -> Option<u32> {
    let word = |k: usize| word_at(text, tokens, k);
    let verb = (a + 1..end.saturating_sub(1)).find(|&i| {
        let (before, here) = (word(i - 1), word(i));
        let kill = t.victim_verb.contains(&*fold(&here)) || t.listed("toll_shot", &here);
        // ("killing only themselves")
        let object = if t.is_hedge(&word(i + 1)) { i + 2 } else { i + 1 };
        kill && !t.be.contains(&*fold(&before))
            && !t.listed("toll_unrealised", &before)
            && object < end
            && t.listed("toll_object_many", &word(object))
            // "shot them": only with "dead" after it
            && (t.victim_verb.contains(&*fold(&here)) || (object + 1 < end && t.is_death(&word(object + 1))))
    })?;
    let mut k = verb;
    while k > a {
        k -= 1;
        if matches!(&*word(k), "." | ";" | ":") {
            return None;
        }
        if let Some((n, len)) = number_at(t, text, tokens, k, end) {
            let unit = k + len < end && t.is_unit(&word(k + len));
            if is_day(t, text, tokens, k, len, (a, end)) || unit || tokens[k].is(flag::NUMBER) && word(k).len() == 4 {
                return None;
            }
            return Some(n);
        }
    }
    None
}

/// "The body of a farmer was discovered", "a corpse was found in the bush": one body, found.
fn body_found(t: &Tolls, text: &str, tokens: &[Token], (a, end): (usize, usize)) -> bool {
    let word = |k: usize| word_at(text, tokens, k);
    let found = (a..end).any(|k| t.listed("toll_found", &word(k)));
    found
        && (a + 1..end).any(|i| {
            // (its article at most two words before it: "the lifeless body of")
            t.listed("toll_body_one", &word(i))
                && (i.saturating_sub(2).max(a)..i).any(|k| {
                    let w = fold(&word(k)).into_owned();
                    t.one_det.contains(&w) || t.singular_det.contains(&w)
                })
                && (i + 1 == end || !tokens[i + 1].is(flag::NUMBER))
        })
}

/// "killed a teacher", "shot dead the village chief": one victim named in the singular.
fn killed_one(t: &Tolls, text: &str, tokens: &[Token], (a, end): (usize, usize)) -> bool {
    let word = |k: usize| word_at(text, tokens, k);
    // "an official was killed", "a woman was reportedly shot dead": "was" is one person
    let passive_singular = (a + 1..end).any(|i| {
        let dead = t.death_one.contains(&*fold(&word(i))) || t.listed_pair("toll_passive_dead", &word(i - 1), &word(i));
        let back = |n: usize| i.checked_sub(n).filter(|&k| k >= a).map(word).unwrap_or_default();
        let is_be = |w: Cow<str>| t.passive_one.contains(&*fold(&w));
        // ("a man has been killed")
        let has_been = |n: usize| n > 1 && t.listed_pair("toll_passive_one_pair", &back(n), &back(n - 1));
        // "was shot and killed", "was abducted and killed": a verb joined to the death word
        let joined = || t.is_and(&back(1)) && i >= a + 2 && tokens[i - 2].is(flag::VERBAL);
        let was = || {
            (is_be(back(1))
                || is_be(back(2))
                || has_been(2)
                || has_been(3)
                || (is_be(back(3)) && (t.listed("toll_shot", &back(1)) || joined())))
                && !t.listed("toll_unrealised", &back(1))
        };
        // "The officer died", "a soldier succumbed to his wounds", "he later died of his wounds"
        let he = |k: usize| t.listed("toll_subject_one", &back(k));
        let one_died = || {
            t.listed("toll_died", &word(i))
                && ((t.one_det.contains(&*fold(&back(2))) && !back(1).ends_with('s'))
                    || he(1)
                    || (he(2) && t.listed("toll_died_adverb", &back(1))))
        };
        (dead && was()) || one_died()
    });
    if passive_singular {
        return true;
    }
    // "beat a detainee to death", "ont battu à mort le 10 avril un citoyen", "a child who
    // succumbed to his wounds"
    let one_more = (a + 2..end).any(|i| {
        let back = |n: usize| i.checked_sub(n).filter(|&k| k >= a).map(word).unwrap_or_default();
        // the phrase ends at token i
        let said = |phrase: &Vec<String>| {
            i + 1 >= a + phrase.len() && phrase_at(text, tokens, i + 1 - phrase.len(), end, phrase)
        };
        let one = |w: &str| t.one_det.contains(&*fold(w));
        let named_before = || {
            t.to_death.iter().filter(|p| said(p)).any(|p| {
                let n = p.len();
                // ("burned him to death": a pronoun of one)
                ((n + 1..n + 5).any(|m| one(&back(m))) && !back(n).ends_with('s'))
                    || t.object_one.contains(&*fold(&back(n)))
            })
        };
        // the victim after the phrase, past a date
        let named_after = || {
            t.to_death_then_victim.iter().any(said) && {
                let mut k = i + 1;
                while k < end && t.in_date(text, tokens, k, a, end) {
                    k += 1;
                }
                k + 1 < end && one(&word(k)) && !word(k + 1).ends_with('s')
            }
        };
        let who_died = || t.listed("toll_died", &word(i)) && t.listed("toll_who", &back(1)) && !back(2).ends_with('s');
        // "a militant blew himself up", "the bomber detonated herself"
        let blew_up = || t.reflexive.contains(&*fold(&word(i))) && t.listed("toll_blew", &back(1));
        // "shot him dead", "shoot a civilian dead"
        let shot_one_dead = || {
            t.listed("toll_adjective", &word(i))
                && ((t.listed("toll_shot", &back(2)) && t.object_one.contains(&*fold(&back(1))))
                    || (t.listed("toll_shot", &back(3)) && one(&back(2)) && !back(1).ends_with('s')))
        };
        named_before() || named_after() || who_died() || blew_up() || shot_one_dead()
    });
    if one_more || body_found(t, text, tokens, (a, end)) {
        return true;
    }
    (a..end).any(|i| {
        if i == a {
            return false;
        }
        let (before, here) = (word(i - 1), word(i));
        let shot_dead = t.dead_after.iter().any(|(b, d)| *b == before && *d == here);
        let kill = shot_dead || t.victim_verb.contains(&*fold(&here));
        let active = kill && !t.be.contains(&*fold(&before)) && !t.listed("toll_unrealised", &fold(&before));
        if !active {
            return false;
        }
        // "killed a teacher", "the killing of a commander", "assassinated GATIA commander X"
        let det_at = |k: usize| k < end && t.one_det.contains(&*fold(&word(k)));
        let start = if det_at(i + 1) {
            i + 2
        } else if i + 2 < end && t.listed_pair("toll_killing_of", &word(i), &word(i + 1)) && det_at(i + 2) {
            // ("protested the killing of a trader", "riots following the killing of a boy": a
            // cause told in passing, not this report's death)
            let cause = (i.saturating_sub(3).max(a)..i).any(|k| t.listed("toll_cause", &word(k)));
            if cause {
                return false;
            }
            i + 3
        } else if i + 1 < end && tokens[i + 1].is(flag::CAPITAL) {
            i + 1
        } else {
            return false;
        };
        if start >= end {
            return false;
        }
        // the noun: the next word that is not an adjective-like lower-case modifier before "of"/punctuation
        // ("a Lagos-based trader": a hyphen joins words of the noun phrase)
        let hyphen = |k: usize| word(k) == "-" && tokens[k].start == tokens[k - 1].end;
        let noun = (start..end.min(start + 5)).find(|&k| {
            k + 1 >= end
                || (tokens[k + 1].is(flag::PUNCT) && !hyphen(k + 1))
                || t.listed("toll_one_noun_end", &word(k + 1))
        });
        noun.is_some_and(|k| !word(k).ends_with('s') && !t.listed("toll_not_one", &word(k)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deaths(text: &str) -> Option<u32> {
        let t = crate::tests::segmented(text).0;
        count(crate::tests::english().tolls(), text, &t, (0, t.len()))
    }

    #[test]
    fn counts_the_dead_only() {
        assert_eq!(deaths("Gunmen attacked the village, killing 6 civilians."), Some(6));
        assert_eq!(deaths("At least a dozen soldiers were killed in the ambush."), Some(12));
        assert_eq!(deaths("The clashes left two dead and five wounded."), Some(2));
        assert_eq!(deaths("The attack left 14 dead."), Some(14));
        assert_eq!(deaths("Militants killed three soldiers and two civilians."), Some(5));
        assert_eq!(deaths("Twenty-five people died in the raid."), Some(25));
        assert_eq!(deaths("Militiamen killed a teacher near the market."), Some(1));
        assert_eq!(deaths("Five soldiers were wounded in 2020."), None);
        assert_eq!(deaths("10 Dozo hunters (Bambara) were killed and 13 wounded when they were ambushed."), Some(10));
        assert_eq!(deaths("Unknown gunmen shot dead three street vendors in Nono."), Some(3));
        assert_eq!(deaths("An ICRC official was killed in Gao by unidentified assailants."), Some(1));
        assert_eq!(deaths("Four gendarmes and one civilian were killed by the blast."), Some(5));
        assert_eq!(deaths("The officer died and his family were injured."), Some(1));
        assert_eq!(deaths("Gunmen shot a herder near Gusau and he later died of his wounds."), Some(1));
        assert_eq!(deaths("He died in hospital on Monday."), Some(1));
        assert_eq!(deaths("They died in hospital on Monday."), None);
        assert_eq!(deaths("The raid led to the killing of a senior commander."), Some(1));
        assert_eq!(deaths("Gunmen killed the driver and a passenger near the town."), Some(2));
        assert_eq!(deaths("Militants killed four farmers and a volunteer fighter in the village."), Some(5));
        assert_eq!(deaths("Soldiers killed an unknown number of militants."), None);
        assert_eq!(deaths("Nine civilians including two musicians were killed by the blast."), Some(9));
        assert_eq!(deaths("The army killed between two and six militants in the village."), Some(2));
        assert_eq!(deaths("Protesters marched through the capital."), None);
    }

    #[test]
    fn a_count_right_after_a_killing_verb_is_of_the_dead() {
        assert_eq!(deaths("A suicide bomber killed 12 in a camp for displaced families."), Some(12));
        assert_eq!(deaths("Gunmen killed four, two wounded."), Some(4));
    }

    #[test]
    fn killings_told_in_more_words() {
        assert_eq!(deaths("Troops shot to death two commanders of the group."), Some(2));
        assert_eq!(deaths("Vigilantes beat to death three suspected thieves."), Some(3));
        assert_eq!(deaths("Soldiers neutralize 14 fighters near the lake."), Some(14));
        assert_eq!(deaths("Police gun down two robbers on the expressway."), Some(2));
        assert_eq!(deaths("Herders killed another farmer near the river."), Some(1));
        assert_eq!(deaths("In the clash 1 fighter & 2 soldiers were killed."), Some(3));
    }

    #[test]
    fn a_killing_that_caused_the_report_is_not_its_death() {
        assert_eq!(deaths("Traders protested the killing of a colleague by a soldier in Onitsha."), None);
        assert_eq!(deaths("Youths rioted following the killing of a boy by the police."), None);
        assert_eq!(deaths("The attack led to the killing of a commander."), Some(1));
    }

    #[test]
    fn a_crowd_is_not_counted_by_the_death_it_protests() {
        assert_eq!(
            deaths("Over 3,000 students, angered by the death of three classmates, stormed the Government House."),
            None
        );
    }

    #[test]
    fn bodies_found_are_the_dead() {
        assert_eq!(deaths("The bodies of around twenty herders were found near the river."), Some(20));
        assert_eq!(deaths("A corpse was discovered in the bush outside Gamboru."), Some(1));
        assert_eq!(deaths("The lifeless body of the trader was recovered on Monday."), Some(1));
        // a body that no one found is no death
        assert_eq!(deaths("The electoral body of the state met on Monday."), None);
    }

    #[test]
    fn a_count_that_kills_is_not_counted_dead() {
        assert_eq!(deaths("Two soldiers killed three police officers at the checkpoint."), Some(3));
        assert_eq!(deaths("Two gunmen have shot dead a tailor in Kano."), Some(1));
        // a passive headline, a time after the verb and a toll with no comma are deaths
        assert_eq!(deaths("Two soldiers killed in an ambush near Diffa."), Some(2));
        assert_eq!(deaths("Three herders died a day after the raid."), Some(3));
        assert_eq!(deaths("One gendarme killed two wounded in the attack."), Some(1));
    }

    #[test]
    fn dates_times_and_distances_are_no_tolls() {
        assert_eq!(deaths("On March 4, two herders were killed near the well."), Some(2));
        assert_eq!(deaths("On 11-12 March, gunmen killed three traders."), Some(3));
        assert_eq!(deaths("Gunmen attacked the home of the mayor (killed six days earlier) and burned it."), None);
        assert_eq!(deaths("A bus hit a mine 12 km from the town, killing four passengers."), Some(4));
    }

    #[test]
    fn more_ways_to_say_killed() {
        assert_eq!(deaths("Gunmen assassinated three local councillors near the mosque."), Some(3));
        assert_eq!(deaths("Thirty-one hunters and one herder were killed during the fighting."), Some(32));
        assert_eq!(deaths("A bomber blew up his car, killing himself and three policemen."), Some(4));
        assert_eq!(deaths("Robbers entered the shop, beating and killing him."), Some(1));
        assert_eq!(deaths("Policemen beat a suspect to death at the station."), Some(1));
        assert_eq!(deaths("Gunmen wounded two guards, including one who succumbed the next day."), Some(1));
        assert_eq!(deaths("One of the four soldiers later succumbed to his wounds."), Some(1));
        assert_eq!(deaths("Gunmen killed the headman and two of his sons at the well."), Some(3));
        assert_eq!(deaths("Two guards, five bandits, and three traders were killed in the raid."), Some(10));
    }

    #[test]
    fn the_wounded_and_animals_are_not_counted_in_lists() {
        assert_eq!(deaths("Soldiers repelled the raid, killing three, four soldiers and a boy were wounded."), Some(3));
        assert_eq!(deaths("Militiamen burned two huts and killed five goats in the hamlet."), None);
        assert_eq!(deaths("Gunmen killed two herders and four camels near the well."), Some(2));
        assert_eq!(deaths("Gunmen shot a trader, and torched a lorry and three motorbikes, killing one."), Some(1));
        assert_eq!(deaths("Rebels killed a herder, and burned a truck and two motorcycles."), Some(1));
    }

    #[test]
    fn hostages_and_dashes() {
        assert_eq!(deaths("Militants executed three hostages near the river."), Some(3));
        assert_eq!(deaths("Two hostages were killed by their captors."), Some(2));
        assert_eq!(deaths("Three soldiers - two officers and a driver - were killed near the border."), Some(3));
        assert_eq!(deaths("The gunmen killed three with guns and machetes."), Some(3));
        assert_eq!(deaths("Two soldiers and the attackers were killed in the fight."), Some(2));
        assert_eq!(deaths("30 people including a policeman and 10 children were killed by the blast."), Some(30));
        assert_eq!(deaths("Gunmen killed 12 people including two children, and four others died later."), Some(16));
    }

    #[test]
    fn ranges_slashed_dates_and_names_in_apposition() {
        assert_eq!(deaths("Between 12 and 15 villagers died in the raid."), Some(12));
        assert_eq!(deaths("8 - 11 killed and 40 wounded when a bomb went off at the bus station."), Some(8));
        assert_eq!(deaths("Three to five herders were killed near the well."), Some(3));
        assert_eq!(deaths("On 3-4 May, two guards were killed."), Some(2));
        assert_eq!(deaths("A bomber on 21/06 killed himself near the gate."), Some(1));
        assert_eq!(deaths("Twin blasts killed at least 31 people at the fair."), Some(31));
        assert_eq!(deaths("Gunmen shot dead the district officer, Ali Musa, near his farm."), Some(1));
        assert_eq!(deaths("Raiders killed a teacher, Fatima Bello, and a nurse in the town."), Some(2));
        assert_eq!(deaths("Raiders killed Usman, Bala and Sani at the market."), Some(3));
        assert_eq!(deaths("Nine are killed at Dunga village."), Some(9));
        assert_eq!(deaths("A herder was killed and two others are unaccounted for."), Some(1));
        assert_eq!(deaths("Two guards and a dozen raiders died (coded as 14 total fatalities)."), Some(14));
        assert_eq!(deaths("Four guards, two drivers and a cook were killed in the ambush."), Some(7));
        assert_eq!(deaths("Two bombers killed themselves and 6 traders, injuring at least one guard."), Some(8));
        assert_eq!(deaths("A couple was shot and killed by gunmen on their farm."), Some(2));
    }

    #[test]
    fn wounding_verbs_joined_verbs_and_one_shot_dead() {
        assert_eq!(deaths("A blast hit the depot, killing nine injuring 30."), Some(9));
        assert_eq!(deaths("Three herders were kidnapped and killed."), Some(3));
        assert_eq!(deaths("Police took a trader from his shop and shot him dead."), Some(1));
        assert_eq!(deaths("Soldiers shoot a fisherman dead near the lake."), Some(1));
        assert_eq!(deaths("A chief has been killed by raiders near his farm."), Some(1));
        assert_eq!(deaths("The three bombers blew up at the gate, killing only themselves."), Some(3));
    }

    #[test]
    fn counts_in_words_possessives_and_brackets() {
        assert_eq!(deaths("Fighting between two clans near the well left one dead."), Some(1));
        assert_eq!(deaths("Gunmen killed a herder and his three sons near the well."), Some(4));
        assert_eq!(deaths("Gunmen killed 5 people (a teacher and her 4 pupils) near the school."), Some(5));
    }

    #[test]
    fn prisoners_and_escapees_are_alive() {
        assert_eq!(deaths("Six rebels were killed and three taken prisoner in the clash."), Some(6));
        assert_eq!(deaths("They seized five traders; two were shot dead and one managed to escape."), Some(2));
        assert_eq!(deaths("Two soldiers were killed and four motorbikes recovered by the army."), Some(2));
    }

    #[test]
    fn the_members_of_a_count_are_not_added() {
        assert_eq!(deaths("Bandits killed seven miners including three Ghanaians and two Togolese."), Some(7));
        assert_eq!(deaths("Four people including a teacher, a nurse, and a boy were killed."), Some(4));
    }

    #[test]
    fn a_complement_after_of_and_a_lone_comma_before_the_verb() {
        assert_eq!(deaths("Four members of the Ansongo Youth Movement (AYM) were shot dead by soldiers."), Some(4));
        assert_eq!(deaths("Three members of the local hunters' association were killed by gunmen."), Some(3));
        assert_eq!(deaths("Two men said to be members of the militia, were reportedly shot dead by police."), Some(2));
        assert_eq!(deaths("A herder was abducted and killed by gunmen near the well."), Some(1));
        assert_eq!(deaths("A trader was shot and killed by robbers on the road."), Some(1));
        // the complement ends at the verb: no death said of the members
        assert_eq!(deaths("Five members of the committee fled when gunmen arrived."), None);
    }

    #[test]
    fn results_pronouns_and_compound_nouns() {
        assert_eq!(deaths("Troops raided a camp near the lake, killing four and recovering rifles."), Some(4));
        assert_eq!(deaths("Gunmen seized six traders at the market and shot them dead."), Some(6));
        assert_eq!(deaths("Soldiers arrested seven herders and executed them near the well."), Some(7));
        assert_eq!(deaths("The raid on the camp resulted in the death of eleven fighters."), Some(11));
        assert_eq!(deaths("A robber shot and killed a Kano-based trader at the market."), Some(1));
        assert_eq!(deaths("A driver is shot and killed by bandits on the road."), Some(1));
        assert_eq!(deaths("Bandits killed five farmers who had refused to be abducted."), Some(5));
        assert_eq!(deaths("Separatists gunned down a gendarme at the checkpoint."), Some(1));
        assert_eq!(deaths("Troops neutralised eight militants near the lake."), Some(8));
        // a cause, not a toll; a near miss
        assert_eq!(deaths("Gunmen killed a 45-year-old farmer near Jos."), Some(1));
        assert_eq!(deaths("A five-year-old boy was killed in the crossfire."), Some(1));
        assert_eq!(deaths("One death, three injuries in the ambush."), Some(1));
        assert_eq!(deaths("Traders protested over the killing of four colleagues by bandits."), None);
        assert_eq!(deaths("A thief is nearly lynched by a crowd at the market."), None);
    }

    #[test]
    fn singular_victims_conjoined_to_a_count() {
        assert_eq!(deaths("Three self-defence fighters, the village head and a child were killed."), Some(5));
        // (an article is no hedge before a noun)
        assert_eq!(deaths("Bandits killed an imam and a trader near the mosque."), Some(2));
        assert_eq!(deaths("Bandits killed an imam and two others near the mosque."), Some(3));
    }

    #[test]
    fn a_victim_of_a_verb_in_the_present_and_not_of_an_attempt() {
        assert_eq!(deaths("Gunmen kill a trader in his shop."), Some(1));
        assert_eq!(deaths("A soldier kills a motorist at a checkpoint."), Some(1));
        assert_eq!(deaths("Gunmen attempted to kill a trader in his shop."), None);
        assert_eq!(deaths("The kidnappers said they would kill the hostage."), None);
    }

    #[test]
    fn a_count_before_verbs_joined_to_the_death_word() {
        assert_eq!(deaths("Eleven farmers were ambushed and killed by gunmen near the river."), Some(11));
        assert_eq!(deaths("Militants attacked the camp, killing two soldiers and wounding one."), Some(2));
    }

    #[test]
    fn a_bomber_s_own_death() {
        assert_eq!(deaths("A militant blew himself up near the checkpoint."), Some(1));
        assert_eq!(deaths("One suspected militant killed himself while laying a mine."), Some(1));
    }

    #[test]
    fn a_recorded_toll_stands_for_the_counts() {
        assert_eq!(deaths("Unknown fatalities coded as 10."), Some(10));
        assert_eq!(deaths("Several fighters were killed. Unknown militant fatalities assessed as 3."), Some(3));
        assert_eq!(deaths("A total of 40 rebels were killed or captured (coded as 20 fatalities)."), Some(20));
    }

    #[test]
    fn a_toll_split_among_events() {
        let split = |text: &str| {
            let t = crate::tests::segmented(text).0;
            split_among(crate::tests::english().tolls(), text, &t, (0, t.len()))
        };
        assert_eq!(split("Fatalities are split across three events."), Some(3));
        assert_eq!(split("The fatalities were spread over two villages (2,1)."), Some(2));
        assert_eq!(split("The herd was split between two owners."), None);
        assert_eq!(split("Fatalities are split across"), None);
        assert_eq!(split("Fatalities split"), None);
        // a stem in the table ("fatalit*") takes the word misspelt too
        assert_eq!(split("Fatalites divided among 4 incidents."), Some(4));
        assert_eq!(split("Deaths spread over two places."), Some(2));
        assert_eq!(split("Fatalities split between both events."), Some(2));
        assert_eq!(split("Ten fatalities spread across the 4 events."), Some(4));
        assert_eq!(split("Deaths disaggregated across the three districts."), Some(3));
    }

    #[test]
    fn one_named_before_others_and_asides_between_commas() {
        // the one named before "N others" is one more
        assert_eq!(deaths("The district governor and four other people were killed by the blast."), Some(5));
        assert_eq!(deaths("A shepherd and two others were killed near the well."), Some(3));
        // but not a group, a plural, or an active list counted already
        assert_eq!(deaths("The villagers and two others were killed near the well."), Some(2));
        assert_eq!(deaths("Gunmen killed the mayor and four others in the market."), Some(5));
        // an aside between commas before the death word
        assert_eq!(deaths("Three herders, seized by gunmen last week, were found dead near the river."), Some(3));
        // commas that end a count keep it
        assert_eq!(deaths("Five soldiers were killed, two civilians wounded, and a truck was burnt."), Some(5));
    }
}
