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

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const NUMBERS: [&str; 10] = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

/// Whether a lowercase word is a month's or a weekday's full name ("march", "tuesday"; not "jan").
pub fn is_full_calendar_name(word: &str) -> bool {
    MONTHS.contains(&word) || WEEKDAYS.contains(&word)
}

/// Whether a word names a month or a day of the week (so it is a date, not a place: "in March").
pub fn is_date_word(word: &str) -> bool {
    month_of(word).is_some() || WEEKDAYS.iter().any(|d| d.eq_ignore_ascii_case(word))
}

fn month_of(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| *m == w || (w.len() >= 3 && m.starts_with(&w) && (w.len() == 3 || w == "sept")))
        .map(|i| i as u32 + 1)
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
        (i < range.1 && tokens[i].is(flag::NUMBER)).then(|| word(i).parse().ok()).flatten()
    };
    let year_at = |i: usize| num(i).filter(|y| (1900..2100).contains(y)).map(|y| y as i32);
    let anchor = article.map(split_day);
    let mut i = range.0;
    while i < range.1 {
        let w = word(i);
        // only numbers, capitalised words (months, weekdays) and a few others can start a date
        let t = tokens[i];
        let candidate = t.is(flag::NUMBER | flag::CAPITAL)
            || ["yesterday", "today", "overnight", "tonight", "last", "this", "in", "since", "by", "past", "recent"]
                .iter()
                .chain(NUMBERS.iter())
                .any(|c| w.eq_ignore_ascii_case(c));
        if !candidate {
            i += 1;
            continue;
        }
        let lower = w.to_ascii_lowercase();
        let mut found: Option<(DateMention, usize)> = None;
        let at =
            |y: i32, m: u32, d: u32, p: Precision| DateMention { token: i, year: y, month: m, day: d, precision: p };
        // "the Movement of June 5", "the 4 September Movement": a name, not a date
        let in_name = i > range.0 + 1
            && word(i - 1).eq_ignore_ascii_case("of")
            && tokens[i - 2].is(flag::CAPITAL)
            && !matches!(word(i - 2).to_ascii_lowercase().as_str(), "on" | "night" | "morning" | "evening");
        if in_name {
            i += 1;
            continue;
        }
        let span_end = num(i + 2).filter(|e| {
            matches!(word(i + 1).to_ascii_lowercase().as_str(), "-" | "to" | "and" | "\u{2013}") && (1..=31).contains(e)
        });
        if let (Some(d), Some(e)) = (num(i).filter(|d| (1..=31).contains(d)), span_end) {
            // "11-12 March", "between 24 and 26 July 2020", "the night of 14 to 15 June"
            if let Some(m) = month_of(word(i + 3)).filter(|_| tokens[i + 3].is(flag::CAPITAL) && e > d) {
                let p = if e - d <= 1 { Precision::Day } else { Precision::Week };
                match year_at(i + 4) {
                    Some(y) if valid(y, m, d) => found = Some((at(y, m, d, p), 5)),
                    _ => found = recent(anchor, m, Some(e)).map(|(y, m, _)| (at(y, m, d, p), 4)),
                }
            }
        }
        if found.is_some() {
        } else if let Some(d) = num(i).filter(|d| (1..=31).contains(d)) {
            // 31 December 2020 / 31 December
            if let Some(m) = month_of(word(i + 1)).filter(|_| tokens[i + 1].is(flag::CAPITAL)) {
                match year_at(i + 2) {
                    Some(y) if valid(y, m, d) => found = Some((at(y, m, d, Precision::Day), 3)),
                    _ => found = recent(anchor, m, Some(d)).map(|(y, m, d)| (at(y, m, d, Precision::Day), 2)),
                }
            }
        } else if let Some(m) = month_of(w).filter(|_| {
            tokens[i].is(flag::CAPITAL)
                && (lower != "may" && lower != "march" || month_context(word(i.wrapping_sub(1)), word(i + 1)))
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
        } else if let Some(wd) = WEEKDAYS.iter().position(|d| *d == lower).filter(|_| tokens[i].is(flag::CAPITAL)) {
            found = anchor.map(|(y, m, d)| {
                let today = days_from_civil(y, m, d);
                let today_wd = (today + 3).rem_euclid(7) as usize; // 1970-01-01 was a Thursday
                let back = (today_wd + 7 - wd) % 7;
                let (y, m, d) = civil_from_days(today - back as i64);
                (at(y, m, d, Precision::Day), 1)
            });
        } else if let Some((y, m, d)) = anchor {
            found = relative(&lower, word(i + 1), word(i + 2), (y, m, d))
                .map(|(date, p, n)| (at(date.0, date.1, date.2, p), n));
        }
        if found.is_none() && matches!(lower.as_str(), "in" | "since" | "by") {
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

/// "May" and "March" are months after "in", "early", "late", "mid", "since", "until" or before a number.
fn month_context(before: &str, after: &str) -> bool {
    matches!(
        before.to_ascii_lowercase().as_str(),
        "in" | "early" | "late" | "mid" | "since" | "until" | "of" | "-" | "on" | "by" | "last" | "next" | "this"
    ) || after.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// The most recent month `m` (and day `d`) at or before the article's date.
fn recent(anchor: Option<(i32, u32, u32)>, m: u32, d: Option<u32>) -> Option<(i32, u32, u32)> {
    let (y, am, ad) = anchor?;
    let after = m > am || (m == am && d.is_some_and(|d| d > ad));
    let year = if after { y - 1 } else { y };
    let day = d.unwrap_or(1);
    valid(year, m, day).then_some((year, m, day))
}

/// yesterday, today, overnight, N days ago, last week/month/year, this year.
fn relative(
    w: &str,
    next: &str,
    next2: &str,
    (y, m, d): (i32, u32, u32),
) -> Option<((i32, u32, u32), Precision, usize)> {
    let today = days_from_civil(y, m, d);
    let shift = |n: i64| civil_from_days(today - n);
    let count = |s: &str| {
        s.parse::<i64>()
            .ok()
            .or_else(|| NUMBERS.iter().position(|n| *n == s.to_ascii_lowercase()).map(|p| p as i64 + 1))
    };
    match (w, next.to_ascii_lowercase().as_str()) {
        ("yesterday", _) => Some((shift(1), Precision::Day, 1)),
        ("today" | "overnight" | "tonight", _) => Some((shift(0), Precision::Day, 1)),
        ("last", "year") => Some(((y - 1, 1, 1), Precision::Year, 2)),
        ("this", "year") => Some(((y, 1, 1), Precision::Year, 2)),
        ("last", "month") => {
            let (py, pm) = if m == 1 { (y - 1, 12) } else { (y, m - 1) };
            Some(((py, pm, 1), Precision::Month, 2))
        }
        ("this", "month") => Some(((y, m, 1), Precision::Month, 2)),
        ("last" | "past", "week") => Some((shift(7), Precision::Week, 2)),
        ("this", "week") => Some((shift(0), Precision::Week, 2)),
        // "in the past days", "in recent days", "over the past few days"
        ("past" | "recent", "days") => Some((shift(7), Precision::Week, 2)),
        ("past", "few") if next2.eq_ignore_ascii_case("days") => Some((shift(7), Precision::Week, 3)),
        _ => {
            let n = count(w)?;
            let unit = next.to_ascii_lowercase();
            let ago = next2.eq_ignore_ascii_case("ago");
            match unit.as_str() {
                "day" | "days" if ago => Some((shift(n), Precision::Day, 3)),
                "week" | "weeks" if ago => Some((shift(7 * n), Precision::Day, 3)),
                _ => None,
            }
        }
    }
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

    #[test]
    fn recent_months_look_back() {
        assert_eq!(recent(Some((2021, 10, 19)), 3, None), Some((2021, 3, 1)));
        assert_eq!(recent(Some((2021, 2, 19)), 3, None), Some((2020, 3, 1)));
        assert_eq!(recent(Some((2021, 10, 19)), 10, Some(25)), Some((2020, 10, 25)));
        assert_eq!(recent(None, 3, None), None);
    }
}
