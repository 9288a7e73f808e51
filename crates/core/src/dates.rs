//! Date expressions in a sentence, anchored to the article's date: "on 31 December 2020",
//! "December 31, 2020", "in March" (the most recent March at or before the article), "on Tuesday",
//! "yesterday", "two days ago", "last year", "in 2013"; spans by their first day ("11-12 March",
//! "between 24 and 26 July", "the night of 14 to 15 June": a day if they cover two, else a week;
//! "last week", "in the past days": a week). Without an article date, only expressions that carry
//! their own year resolve. A date inside a name is none ("the Movement of June 5").

use crate::text::{flag, Token};
use palaver_lexicon::DayNumber;

/// How precisely a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Precision {
    Day,
    /// A span of a few days ("between 24 and 26 July", "last week"), dated by its first day.
    Week,
    Month,
    Year,
}

impl Precision {
    /// The name the event record uses.
    pub fn name(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::Year => "year",
        }
    }
}

/// A date found in the text: the token where it stands, the date and its precision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateMention {
    pub token: usize,
    pub year: i32,
    pub month: u32,
    pub day: u32,
    pub precision: Precision,
}

impl DateMention {
    /// ISO 8601 at the precision known.
    pub fn iso(&self) -> String {
        match self.precision {
            Precision::Day | Precision::Week => format!("{:04}-{:02}-{:02}", self.year, self.month, self.day),
            Precision::Month => format!("{:04}-{:02}", self.year, self.month),
            Precision::Year => format!("{:04}", self.year),
        }
    }
}

/// A language's calendar words, read from its grammar table (data/lang/<code>/grammar.tsv):
/// month and weekday names, numbers, relative phrases and the words around dates.
#[derive(Debug, Default)]
pub struct Calendar {
    months: Vec<(String, u32)>,
    weekdays: Vec<(String, u32)>,
    numbers: Vec<(String, u32)>,
    /// Months and weekdays are dates only when capitalised (English); else in any case (French).
    capitalised: bool,
    ambiguous_months: Vec<String>,
    month_context: Vec<String>,
    year_prefix: Vec<String>,
    day_span: Vec<String>,
    /// Articles before a day ("le 5 mars"), which the second day of a span may take.
    day_det: Vec<String>,
    name_exception: Vec<String>,
    ordinal_suffix: Vec<String>,
    relative: Vec<Relative>,
    /// Words that may open a date: months, weekdays, and the first words of relative dates and
    /// years ("yesterday", "last", "in"); with numbers, the only tokens the scan stops at.
    starters: rustc_hash::FxHashSet<String>,
}

/// Whether a word of the text is this normal form: plain ASCII words compared without allocating.
fn same(word: &str, norm: &str) -> bool {
    if word.is_ascii() && !word.contains('.') {
        word.eq_ignore_ascii_case(norm)
    } else {
        palaver_lexicon::words::normalize(word) == norm
    }
}

/// Whether a word of the text is one of these normal forms.
fn among(list: &[String], word: &str) -> bool {
    list.iter().any(|n| same(word, n))
}

/// The value of a word in a list of normal forms: plain ASCII words are compared without
/// allocating (most words of a text are), others by their normal form.
fn find_word(list: &[(String, u32)], word: &str) -> Option<u32> {
    if word.is_ascii() && !word.contains('.') {
        list.iter().find(|(n, _)| n.eq_ignore_ascii_case(word)).map(|&(_, k)| k)
    } else {
        let w = palaver_lexicon::words::normalize(word);
        list.iter().find(|(n, _)| *n == w).map(|&(_, k)| k)
    }
}

/// A relative date phrase: its words (`#` a count), the shift and the precision it gives.
#[derive(Debug)]
struct Relative {
    words: Vec<String>,
    unit: Unit,
    shift: i64,
    precision: Precision,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unit {
    Day,
    Month,
    Year,
}

impl Calendar {
    /// The calendar of a grammar table's lists; `Err` names a key that cannot be read.
    pub fn read(lists: &[(String, Vec<String>)]) -> Result<Self, String> {
        let mut c = Calendar::default();
        let fold = |w: &str| palaver_lexicon::words::normalize(w);
        for (key, words) in lists {
            let mut parts = key.split('.');
            let head = parts.next().unwrap_or("");
            let rest: Vec<&str> = parts.collect();
            let n = || {
                rest.first()
                    .and_then(|n| n.parse::<u32>().ok())
                    .ok_or_else(|| format!("{key}: expected a number after the dot"))
            };
            match head {
                "month" => {
                    let m = n()?;
                    c.months.extend(words.iter().map(|w| (fold(w), m)));
                }
                "weekday" => {
                    let d = n()?;
                    c.weekdays.extend(words.iter().map(|w| (fold(w), d)));
                }
                "number" => {
                    let v = n()?;
                    c.numbers.extend(words.iter().map(|w| (fold(w), v)));
                }
                "calendar_capitalised" => c.capitalised = words.iter().any(|w| w == "yes"),
                "ambiguous_month" => c.ambiguous_months.extend(words.iter().map(|w| fold(w))),
                "month_context" => c.month_context.extend(words.iter().map(|w| fold(w))),
                "year_prefix" => c.year_prefix.extend(words.iter().map(|w| fold(w))),
                "day_span" => c.day_span.extend(words.iter().map(|w| fold(w))),
                "day_det" => c.day_det.extend(words.iter().map(|w| fold(w))),
                "name_exception" => c.name_exception.extend(words.iter().map(|w| fold(w))),
                "ordinal_suffix" => c.ordinal_suffix.extend(words.iter().map(|w| fold(w))),
                "relative" => {
                    let [unit, shift, precision] = rest[..] else {
                        return Err(format!("{key}: expected relative.UNIT.SHIFT.PRECISION"));
                    };
                    let unit = match unit {
                        "day" => Unit::Day,
                        "month" => Unit::Month,
                        "year" => Unit::Year,
                        _ => return Err(format!("{key}: unit {unit:?} is not day, month or year")),
                    };
                    let shift: i64 = shift.parse().map_err(|_| format!("{key}: shift {shift:?} is not a number"))?;
                    let precision = match precision {
                        "day" => Precision::Day,
                        "week" => Precision::Week,
                        "month" => Precision::Month,
                        "year" => Precision::Year,
                        _ => return Err(format!("{key}: precision {precision:?} is not day, week, month or year")),
                    };
                    for phrase in words {
                        let words: Vec<String> = phrase.split('_').map(fold).collect();
                        c.relative.push(Relative { words, unit, shift, precision });
                    }
                }
                _ => {}
            }
        }
        let mut starters: Vec<String> = c.relative.iter().map(|r| r.words[0].clone()).filter(|w| w != "#").collect();
        starters.extend(c.year_prefix.iter().cloned());
        starters.extend(c.numbers.iter().map(|(w, _)| w.clone()));
        // months and weekdays open dates too: a capitalised word that is none of these is no date
        starters.extend(c.months.iter().chain(&c.weekdays).map(|(w, _)| w.clone()));
        starters.sort();
        starters.dedup();
        c.starters = starters.into_iter().collect();
        Ok(c)
    }

    /// Whether a word, by its normal form, may open a date (a month, a weekday, a relative date,
    /// a year, a number word). The text stage asks once per token ([`flag::OPENS_DATE`]).
    pub fn opens_date(&self, norm: &str) -> bool {
        self.starters.contains(norm)
    }

    /// The normal forms that may open a date.
    pub fn starters(&self) -> impl Iterator<Item = &str> {
        self.starters.iter().map(String::as_str)
    }

    fn month_of(&self, word: &str) -> Option<u32> {
        let w = word.trim_end_matches('.');
        if w.len() < 3 {
            return None;
        }
        find_word(&self.months, w)
    }

    fn weekday_of(&self, word: &str) -> Option<u32> {
        find_word(&self.weekdays, word)
    }

    /// A number written as a word ("three", "trois").
    pub fn number_word(&self, word: &str) -> Option<u32> {
        find_word(&self.numbers, word)
    }

    /// Whether a word is a month's or a weekday's full name ("march", "tuesday"; not "jan").
    pub fn is_full_name(&self, word: &str) -> bool {
        let w = palaver_lexicon::words::normalize(word);
        let full = |list: &[(String, u32)]| {
            list.iter().any(|(n, k)| *n == w && list.iter().filter(|(_, j)| j == k).all(|(m, _)| m.len() <= n.len()))
        };
        full(&self.months) || full(&self.weekdays)
    }

    /// Whether a month name stands for a month between these words: an ambiguous one ("March",
    /// "May") only after a context word or before a number ("a peace deal in March", not "the
    /// Peaceful March of Pittsburgh").
    pub fn is_month_between(&self, before: &str, word: &str, after: &str) -> bool {
        self.month_of(word).is_some() && (!among(&self.ambiguous_months, word) || month_context(self, before, after))
    }

    /// Whether a word names a month or a day of the week (so it is a date, not a place: "in March").
    pub fn is_date_word(&self, word: &str) -> bool {
        self.month_of(word).is_some() || self.weekday_of(word).is_some()
    }
}

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
pub fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// The civil date of a day count since 1970-01-01.
pub fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    ((yoe + era * 400 + i64::from(m <= 2)) as i32, m, d)
}

fn split_day(day: DayNumber) -> (i32, u32, u32) {
    ((day / 10000) as i32, day / 100 % 100, day % 100)
}

fn valid(y: i32, m: u32, d: u32) -> bool {
    (1..=12).contains(&m) && d >= 1 && civil_from_days(days_from_civil(y, m, d)) == (y, m, d)
}

/// Finds the dates of the sentence `range`.
pub fn find(
    text: &str,
    tokens: &[Token],
    range: (usize, usize),
    article: Option<DayNumber>,
    cal: &Calendar,
    caseless: bool,
    out: &mut Vec<DateMention>,
) {
    out.clear();
    let word = |i: usize| -> &str {
        if i < range.1 {
            &text[tokens[i].start as usize..tokens[i].end as usize]
        } else {
            ""
        }
    };
    let num = |i: usize| -> Option<u32> {
        if i >= range.1 {
            return None;
        }
        let w = word(i);
        if tokens[i].is(flag::NUMBER) {
            return w.parse().ok();
        }
        // "le 1er mars"
        cal.ordinal_suffix
            .iter()
            .find_map(|s| w.strip_suffix(s.as_str()))
            .filter(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|d| d.parse().ok())
    };
    // months and weekdays in English are capitalised; in French they are not
    // (in a text with no capitals, as lower-cased corpora are, any case goes)
    let capitalised = cal.capitalised && !caseless;
    let cased = |i: usize| !capitalised || (i < range.1 && tokens[i].is(flag::CAPITAL));
    let year_at = |i: usize| num(i).filter(|y| (1900..2100).contains(y)).map(|y| y as i32);
    let anchor = article.map(split_day);
    let mut i = range.0;
    while i < range.1 {
        let w = word(i);
        // only numbers, capitalised words (months, weekdays) and a few others can start a date
        let t = tokens[i];
        // (the test is cheap: most words are none of these)
        let candidate = t.is(flag::NUMBER) || w.starts_with(|c: char| c.is_ascii_digit()) || t.is(flag::OPENS_DATE);
        if !candidate {
            i += 1;
            continue;
        }

        let mut found: Option<(DateMention, usize)> = None;
        let at =
            |y: i32, m: u32, d: u32, p: Precision| DateMention { token: i, year: y, month: m, day: d, precision: p };
        // "the Movement of June 5", "the 4 September Movement": a name, not a date
        let in_name = i > range.0 + 1
            && tokens[i - 1].class == crate::grammar::Word::Of
            && tokens[i - 2].is(flag::CAPITAL)
            && !among(&cal.name_exception, word(i - 2));
        if in_name {
            // the rest of the name's date too: "le Mouvement du 5 juin" is no June
            let mut n = 1;
            while n < 3 && (num(i + n).is_some_and(|d| (1..=31).contains(&d)) || cal.month_of(word(i + n)).is_some()) {
                n += 1;
            }
            i += n;
            continue;
        }
        // "entre le 4 et le 5 mars": the second day may take the article that opens a date
        let det = usize::from(i + 2 < range.1 && among(&cal.day_det, word(i + 2)));
        let span_end = num(i + 2 + det).filter(|e| among(&cal.day_span, word(i + 1)) && (1..=31).contains(e));
        if let (Some(d), Some(e)) = (num(i).filter(|d| (1..=31).contains(d)), span_end) {
            // "11-12 March", "between 24 and 26 July 2020", "the night of 14 to 15 June"
            if let Some(m) = cal.month_of(word(i + 3 + det)).filter(|_| cased(i + 3 + det) && e > d) {
                let p = if e - d <= 1 { Precision::Day } else { Precision::Week };
                match year_at(i + 4 + det) {
                    Some(y) if valid(y, m, d) => found = Some((at(y, m, d, p), 5 + det)),
                    _ => found = recent(anchor, m, Some(e)).map(|(y, m, _)| (at(y, m, d, p), 4 + det)),
                }
            }
        }
        if found.is_some() {
        } else if let Some(date) = numeric(&word, &num, &|k| tokens[k].start, &|k| tokens[k].end, i, range.1, anchor) {
            found = Some(date(i));
        } else if let Some(d) = num(i).filter(|d| (1..=31).contains(d)) {
            // 31 December 2020 / 31 December
            if let Some(m) = cal.month_of(word(i + 1)).filter(|_| cased(i + 1)) {
                match year_at(i + 2) {
                    Some(y) if valid(y, m, d) => found = Some((at(y, m, d, Precision::Day), 3)),
                    _ => found = recent(anchor, m, Some(d)).map(|(y, m, d)| (at(y, m, d, Precision::Day), 2)),
                }
            }
        } else if let Some(m) = cal.month_of(w).filter(|_| {
            cased(i) && (!among(&cal.ambiguous_months, w) || month_context(cal, word(i.wrapping_sub(1)), word(i + 1)))
        }) {
            let comma = usize::from(word(i + 2) == ",");
            if let Some(d) = num(i + 1).filter(|d| (1..=31).contains(d)) {
                match year_at(i + 2 + comma) {
                    Some(y) if valid(y, m, d) => found = Some((at(y, m, d, Precision::Day), 3 + comma)),
                    _ => found = recent(anchor, m, Some(d)).map(|(y, m, d)| (at(y, m, d, Precision::Day), 2)),
                }
            } else if let Some(y) = year_at(i + 1) {
                found = Some((at(y, m, 1, Precision::Month), 2));
            } else {
                found = recent(anchor, m, None).map(|(y, m, _)| (at(y, m, 1, Precision::Month), 1));
            }
        } else if let Some(wd) = cal.weekday_of(w).filter(|_| cased(i)) {
            // "dimanche 12 mars": the date that follows says it
            let dated = num(i + 1).is_some_and(|d| (1..=31).contains(&d)) && cal.month_of(word(i + 2)).is_some();
            found = anchor.filter(|_| !dated).map(|(y, m, d)| {
                let wd = wd as usize - 1;
                let today = days_from_civil(y, m, d);
                let today_wd = (today + 3).rem_euclid(7) as usize; // 1970-01-01 was a Thursday
                let back = (today_wd + 7 - wd) % 7;
                let (y, m, d) = civil_from_days(today - back as i64);
                (at(y, m, d, Precision::Day), 1)
            });
        } else if let Some((y, m, d)) = anchor {
            found = relative(cal, &word, &num, i, (y, m, d)).map(|(date, p, n)| (at(date.0, date.1, date.2, p), n));
        }
        if found.is_none() && among(&cal.year_prefix, w) {
            if let Some(y) = year_at(i + 1) {
                found = Some((DateMention { token: i + 1, year: y, month: 1, day: 1, precision: Precision::Year }, 2));
            }
        }
        match found {
            Some((d, n)) => {
                out.push(d);
                i += n;
            }
            None => i += 1,
        }
    }
}

/// How many days before the article a numeric date without its year ("on 25/04") may lie: a
/// report gives a bare day and month for recent days only, and a pair of numbers further back is
/// more likely a score or a ratio than a date.
const NUMERIC_DAYS_BACK: i64 = 62;

/// A numeric date at token `i`, written without spaces: "25/04/2016", "25/04/16", "25/04" (the
/// year the article's, or the one before). Day first, as the world's press and ACLED write it,
/// unless only month first makes a date or, without a year, only month first falls within
/// [`NUMERIC_DAYS_BACK`] of the article: the most recent reading wins. Returns the mention
/// (given its token) and its length in tokens. Without a year, one of the two numbers has two
/// digits ("04/7", "25/4"): "3/4" is a fraction.
fn numeric<'t>(
    word: &impl Fn(usize) -> &'t str,
    num: &impl Fn(usize) -> Option<u32>,
    start: &impl Fn(usize) -> u32,
    end: &impl Fn(usize) -> u32,
    i: usize,
    stop: usize,
    anchor: Option<(i32, u32, u32)>,
) -> Option<impl Fn(usize) -> (DateMention, usize)> {
    let joined = |k: usize| k + 1 < stop && end(k) == start(k + 1);
    if !(joined(i) && word(i + 1) == "/" && joined(i + 1)) {
        return None;
    }
    let (a, b) = (num(i)?, num(i + 2)?);
    let year = (joined(i + 2) && word(i + 3) == "/" && joined(i + 3))
        .then(|| {
            let w = word(i + 4);
            let y = num(i + 4)? as i32;
            match w.len() {
                4 if (1900..2100).contains(&y) => Some(y),
                // "25/04/16": the century of the article, or this one's
                2 => Some(anchor.map_or(2000, |(ay, _, _)| ay - ay.rem_euclid(100)) + y),
                _ => None,
            }
        })
        .flatten();
    let readings = [(a, b), (b, a)]; // (day, month): day first, then month first
    let (y, m, d, n) = match year {
        Some(y) => {
            let &(d, m) = readings.iter().find(|&&(d, m)| (1..=12).contains(&m) && valid(y, m, d))?;
            (y, m, d, 5)
        }
        // "3/4 of the voters", "a 2/3 majority": single digits without a year are a fraction
        None if word(i).len() < 2 && word(i + 2).len() < 2 => return None,
        None => {
            let (ay, am, ad) = anchor?;
            let today = days_from_civil(ay, am, ad);
            let best = readings
                .iter()
                .filter(|&&(d, m)| (1..=12).contains(&m) && (1..=31).contains(&d))
                .filter_map(|&(d, m)| recent(anchor, m, Some(d)))
                .filter(|&(y, m, d)| {
                    let back = today - days_from_civil(y, m, d);
                    (-NEAR_FUTURE_DAYS..=NUMERIC_DAYS_BACK).contains(&back)
                })
                .min_by_key(|&(y, m, d)| (today - days_from_civil(y, m, d)).abs())?;
            (best.0, best.1, best.2, 3)
        }
    };
    Some(move |token| (DateMention { token, year: y, month: m, day: d, precision: Precision::Day }, n))
}

/// An ambiguous month name ("May", "March") is a month after one of the calendar's context words
/// ("in", "early", "since") or before a number.
fn month_context(cal: &Calendar, before: &str, after: &str) -> bool {
    among(&cal.month_context, before) || after.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// How far past the article's date a day without a year may lie and still be of the article's
/// year: a report names the day of a meeting to come ("talks open on 25 October") or carries a
/// date a little earlier than the events it reports, far more often than it names a day of
/// nearly a year ago without its year.
const NEAR_FUTURE_DAYS: i64 = 14;

/// The most recent month `m` (and day `d`) at or before the article's date, or the day `d` of
/// month `m` in the article's year when it falls within [`NEAR_FUTURE_DAYS`] after it.
fn recent(anchor: Option<(i32, u32, u32)>, m: u32, d: Option<u32>) -> Option<(i32, u32, u32)> {
    let (y, am, ad) = anchor?;
    // "on 3 January" in a report of 28 December
    let soon = |year: i32| {
        d.filter(|&d| valid(year, m, d)).is_some_and(|d| {
            let ahead = days_from_civil(year, m, d) - days_from_civil(y, am, ad);
            (1..=NEAR_FUTURE_DAYS).contains(&ahead)
        })
    };
    let after = m > am || (m == am && d.is_some_and(|d| d > ad));
    let year = if soon(y + 1) {
        y + 1
    } else if after && !soon(y) {
        y - 1
    } else {
        y
    };
    let day = d.unwrap_or(1);
    valid(year, m, day).then_some((year, m, day))
}

/// The calendar's relative phrase at token `i` ("yesterday", "two days ago", "la semaine
/// dernière"), the longest that matches: its date, precision and length in tokens.
fn relative<'t>(
    cal: &Calendar,
    word: &impl Fn(usize) -> &'t str,
    num: &impl Fn(usize) -> Option<u32>,
    i: usize,
    (y, m, d): (i32, u32, u32),
) -> Option<((i32, u32, u32), Precision, usize)> {
    let count = |k: usize| num(k).or_else(|| cal.number_word(word(k)));
    // (the first word's count is asked by every rule that opens with one: found once)
    let first = std::cell::OnceCell::new();
    let mut best: Option<(&Relative, i64)> = None;
    for r in &cal.relative {
        if best.is_some_and(|(b, _)| b.words.len() >= r.words.len()) {
            continue;
        }
        let mut n = 1i64;
        let matched = r.words.iter().enumerate().all(|(k, w)| {
            if w == "#" {
                let c = if k == 0 { *first.get_or_init(|| count(i)) } else { count(i + k) };
                c.map(|c| n = i64::from(c)).is_some()
            } else {
                same(word(i + k), w)
            }
        });
        if matched {
            best = Some((r, n));
        }
    }
    let (r, n) = best?;
    let shift = r.shift * n;
    let date = match r.unit {
        Unit::Day => civil_from_days(days_from_civil(y, m, d) + shift),
        Unit::Month => {
            let months = i64::from(y) * 12 + i64::from(m) - 1 + shift;
            (months.div_euclid(12) as i32, months.rem_euclid(12) as u32 + 1, 1)
        }
        Unit::Year => (y + shift as i32, 1, 1),
    };
    Some((date, r.precision, r.words.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_days_round_trip() {
        for (y, m, d) in [(1970, 1, 1), (2000, 2, 29), (2021, 10, 19), (1999, 12, 31)] {
            assert_eq!(civil_from_days(days_from_civil(y, m, d)), (y, m, d));
        }
        assert_eq!(days_from_civil(1970, 1, 2), 1);
        assert!(!valid(2021, 2, 29));
    }

    fn numeric_at(text: &str, anchor: Option<(i32, u32, u32)>) -> Option<(i32, u32, u32, usize)> {
        let mut spans = Vec::new();
        palaver_lexicon::words::split_words(text, &mut spans);
        let word = |k: usize| spans.get(k).map_or("", |s| &text[s.start..s.end]);
        let num = |k: usize| word(k).parse().ok();
        let start = |k: usize| spans[k].start as u32;
        let end = |k: usize| spans[k].end as u32;
        numeric(&word, &num, &start, &end, 0, spans.len(), anchor).map(|f| {
            let (d, n) = f(0);
            (d.year, d.month, d.day, n)
        })
    }

    #[test]
    fn numeric_dates_read_day_first_unless_only_month_first_is_recent() {
        let anchor = Some((2016, 4, 27));
        assert_eq!(numeric_at("25/04 in Warri", anchor), Some((2016, 4, 25, 3)));
        assert_eq!(numeric_at("25/04/2016", None), Some((2016, 4, 25, 5)));
        assert_eq!(numeric_at("04/25/2016", None), Some((2016, 4, 25, 5)));
        assert_eq!(numeric_at("13/05/15", Some((2015, 6, 1))), Some((2015, 5, 13, 5)));
        // month first only where day first is no recent day: a report of 6 July 2015 on "04/07"
        assert_eq!(numeric_at("04/07", Some((2015, 7, 6))), Some((2015, 7, 4, 3)));
        assert_eq!(numeric_at("4/26", anchor), Some((2016, 4, 26, 3)));
        // a ratio or a score, far from the article's days, is no date
        assert_eq!(numeric_at("3/4 of the voters", anchor), None);
        assert_eq!(numeric_at("21/22 season", anchor), None);
        assert_eq!(numeric_at("25 / 04", anchor), None);
        assert_eq!(numeric_at("25/04", None), None);
    }

    #[test]
    fn recent_months_look_back() {
        assert_eq!(recent(Some((2021, 10, 19)), 3, None), Some((2021, 3, 1)));
        assert_eq!(recent(Some((2021, 2, 19)), 3, None), Some((2020, 3, 1)));
        assert_eq!(recent(Some((2021, 10, 19)), 10, Some(25)), Some((2021, 10, 25)));
        assert_eq!(recent(Some((2021, 10, 19)), 11, Some(25)), Some((2020, 11, 25)));
        assert_eq!(recent(Some((2021, 12, 28)), 1, Some(3)), Some((2022, 1, 3)));
        assert_eq!(recent(None, 3, None), None);
    }
}
