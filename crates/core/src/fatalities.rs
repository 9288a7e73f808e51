//! How many people a sentence says were killed: "killing 6 civilians", "at least a dozen soldiers
//! were killed", "two dead and five wounded" (two), "the attack left 14 dead", "killed a teacher"
//! (one). Deaths only: the wounded, injured and missing are not counted.

use crate::text::{flag, Token};

const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 10] = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

/// Words that say the people just counted died.
fn is_death(w: &str) -> bool {
    matches!(
        w,
        "killed"
            | "dead"
            | "died"
            | "die"
            | "dies"
            | "slain"
            | "executed"
            | "massacred"
            | "murdered"
            | "deaths"
            | "death"
            | "fatalities"
            | "bodies"
            | "corpses"
            | "lifeless"
            | "beheaded"
            | "assassinated"
            | "lynched"
    )
}

/// Verbs after which a number counts the dead: "killing 6", "killed at least 12", "left 14 dead".
fn is_killing(w: &str) -> bool {
    matches!(
        w,
        "killing"
            | "killed"
            | "kills"
            | "kill"
            | "executing"
            | "executed"
            | "massacring"
            | "massacred"
            | "claiming"
            | "dead"
    )
}

fn is_hedge(w: &str) -> bool {
    matches!(
        w,
        "between"
            | "at"
            | "least"
            | "about"
            | "some"
            | "around"
            | "nearly"
            | "almost"
            | "over"
            | "more"
            | "than"
            | "up"
            | "to"
            | "an"
            | "estimated"
            | "approximately"
            | "roughly"
    )
}

/// A number starting at token `i`: digits, words ("twenty-five", "a dozen"); its value and length.
fn number_at(text: &str, tokens: &[Token], i: usize, end: usize) -> Option<(u32, usize)> {
    let word = |k: usize| -> String {
        if k < end {
            text[tokens[k].start as usize..tokens[k].end as usize].to_ascii_lowercase()
        } else {
            String::new()
        }
    };
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
    if w == "dozen" || (w == "a" && word(i + 1) == "dozen") {
        return Some((12, if w == "a" { 2 } else { 1 }));
    }
    if let Some(t) = TENS.iter().position(|x| !x.is_empty() && *x == w) {
        let mut value = t as u32 * 10;
        let mut len = 1;
        if word(i + 1) == "-" {
            if let Some(u) = UNITS.iter().position(|x| *x == word(i + 2)).filter(|&u| (1..10).contains(&u)) {
                value += u as u32;
                len = 3;
            }
        }
        return Some((value, len));
    }
    let u = UNITS.iter().position(|x| *x == w).filter(|&u| u > 0)? as u32;
    if word(i + 1) == "hundred" {
        return Some((u * 100, 2));
    }
    Some((u, 1))
}

/// The deaths a sentence reports, if it reports any.
pub fn count(text: &str, tokens: &[Token], range: (usize, usize)) -> Option<u32> {
    let (a, end) = range;
    if a >= end {
        return None;
    }
    // most sentences speak of no death: look for a cue before any work
    let sentence = text[tokens[a].start as usize..tokens[end - 1].end as usize].to_ascii_lowercase();
    const CUES: [&str; 13] = [
        "kill", "dead", "died", "death", "slain", "execut", "massacr", "murder", "behead", "lynch", "fatal", "bodies",
        "succumb",
    ];
    if !CUES.iter().any(|c| sentence.contains(c)) && !sentence.contains("corpse") && !sentence.contains("assassin") {
        return None;
    }
    let word = |k: usize| -> String { text[tokens[k].start as usize..tokens[k].end as usize].to_ascii_lowercase() };
    let mut total = 0u32;
    let mut found = false;
    let mut last_counted = None::<usize>;
    // numbers that are part of a count already made ("nine, including two ...")
    let mut part_of: Vec<usize> = Vec::new();
    let mut i = a;
    while i < end {
        if part_of.contains(&i) {
            i += 1;
            continue;
        }
        let Some((value, len)) = number_at(text, tokens, i, end) else {
            i += 1;
            continue;
        };
        let mut after = i + len;
        // "between two and six": the lower bound, as ACLED codes it
        if i > a && word(i - 1) == "between" && after + 1 < end && word(after) == "and" {
            if let Some((_, n)) = number_at(text, tokens, after + 1, end) {
                after += 1 + n;
            }
        }
        // "6 civilians were killed", "14 dead", "two people died"
        let mut k = after;
        let mut words = 0;
        let mut counted = false;
        let mut not_dead = false;
        while k < end && words < 5 {
            let w = word(k);
            if is_death(&w) {
                counted = true;
                break;
            }
            if matches!(
                w.as_str(),
                "wounded" | "injured" | "hurt" | "missing" | "abducted" | "kidnapped" | "arrested" | "displaced"
            ) {
                not_dead = true;
                break;
            }
            if w == "(" {
                // "10 Ansar (JNIM) militants were killed": step over the brackets
                while k < end && word(k) != ")" {
                    k += 1;
                }
                k += 1;
                continue;
            }
            // "nine civilians including two musicians were killed": the count is the first
            if w == "including" || w == "among" {
                words = 0;
                k += 1;
                while k < end && (number_at(text, tokens, k, end).is_some() || tokens[k].is(flag::NUMBER)) {
                    part_of.push(k);
                    k += 1;
                }
                continue;
            }
            // "four gendarmes and one civilian were killed": conjoined counts share the verb
            if w == "and" || w == "," {
                if let Some((_, n)) = (k + 1 < end).then(|| number_at(text, tokens, k + 1, end)).flatten() {
                    k += 1 + n;
                    continue;
                }
            }
            if tokens[k].is(flag::PUNCT) || tokens[k].is(flag::NUMBER) || w == "and" {
                break;
            }
            k += 1;
            words += 1;
        }
        // "killing 6", "killed at least 12"
        if !counted && !not_dead {
            let mut b = i;
            while b > a && is_hedge(&word(b - 1)) {
                b -= 1;
            }
            counted = b > a && is_killing(&word(b - 1));
            // "killed three soldiers and two civilians"
            let listed = b > a && matches!(word(b - 1).as_str(), "and" | ",");
            counted |= listed && last_counted.is_some_and(|e| e + 4 >= b);
        }
        if counted {
            total += value;
            found = true;
            last_counted = Some(after);
        }
        i = after;
    }
    // "killed four farmers and a volunteer", "killed the driver and a passenger": one each
    let singles = singular_victims(text, tokens, range);
    if found {
        total += singles;
    } else if singles > 0 {
        found = true;
        total = singles;
    } else {
        found = killed_one(text, tokens, range);
        total = u32::from(found);
    }
    found.then_some(total)
}

/// The victims named in the singular in the lists after killing verbs: "killed the driver and a
/// passenger" (2), "killed four farmers and a volunteer" (1, the four being counted as a number).
fn singular_victims(text: &str, tokens: &[Token], (a, end): (usize, usize)) -> u32 {
    let word = |k: usize| -> String { text[tokens[k].start as usize..tokens[k].end as usize].to_ascii_lowercase() };
    let is_kill = |i: usize| {
        let w = word(i);
        let kill = matches!(
            w.as_str(),
            "killed" | "killing" | "executed" | "assassinated" | "murdered" | "beheaded" | "lynched"
        ) || (w == "dead" && i > a && word(i - 1) == "shot");
        kill && i > a && !matches!(word(i - 1).as_str(), "was" | "were" | "been" | "be" | "being")
    };
    let stop = |k: usize| {
        tokens[k].is(flag::PUNCT)
            || matches!(
                word(k).as_str(),
                "and"
                    | "in"
                    | "at"
                    | "near"
                    | "on"
                    | "from"
                    | "during"
                    | "who"
                    | "while"
                    | "after"
                    | "before"
                    | "by"
                    | "with"
            )
    };
    let mut singles = 0;
    for i in (a..end).filter(|&i| is_kill(i)) {
        let mut k = i + 1;
        while k < end && is_hedge(&word(k)) {
            k += 1;
        }
        loop {
            if k >= end {
                break;
            }
            let numbered = number_at(text, tokens, k, end).is_some_and(|(_, n)| {
                k += n;
                true
            });
            let det = !numbered && matches!(word(k).as_str(), "a" | "an" | "the" | "one" | "his" | "her");
            if !numbered && !det && !tokens[k].is(flag::CAPITAL) {
                break;
            }
            let first = k;
            while k < end && !stop(k) {
                k += 1;
            }
            if !numbered {
                let last = if k > first { word(k - 1) } else { String::new() };
                if last.is_empty() || last.ends_with('s') || matches!(last.as_str(), "number" | "people" | "others") {
                    break;
                }
                singles += 1;
            }
            if k < end && matches!(word(k).as_str(), "and" | ",") {
                k += 1;
            } else {
                break;
            }
        }
    }
    singles
}

/// "killed a teacher", "shot dead the village chief": one victim named in the singular.
fn killed_one(text: &str, tokens: &[Token], (a, end): (usize, usize)) -> bool {
    let word = |k: usize| -> String { text[tokens[k].start as usize..tokens[k].end as usize].to_ascii_lowercase() };
    // "an official was killed", "a woman was reportedly shot dead": "was" is one person
    let passive_singular = (a + 1..end).any(|i| {
        let dead =
            matches!(word(i).as_str(), "killed" | "executed" | "assassinated" | "murdered" | "beheaded" | "lynched")
                || (word(i) == "dead" && matches!(word(i - 1).as_str(), "shot" | "found"));
        let back = |n: usize| i.checked_sub(n).filter(|&k| k >= a).map(word).unwrap_or_default();
        let was = back(1) == "was" || back(2) == "was" || (back(3) == "was" && back(1) == "shot");
        // "The officer died", "a soldier succumbed to his wounds"
        let one_died = matches!(word(i).as_str(), "died" | "succumbed")
            && matches!(back(2).as_str(), "the" | "a" | "an" | "one")
            && !back(1).ends_with('s');
        (dead && was) || one_died
    });
    if passive_singular {
        return true;
    }
    (a..end).any(|i| {
        let shot_dead = word(i) == "dead" && i > a && word(i - 1) == "shot";
        let kill = shot_dead
            || matches!(
                word(i).as_str(),
                "killed" | "killing" | "executed" | "assassinated" | "murdered" | "beheaded" | "lynched"
            );
        let active = kill && i > a && !matches!(word(i - 1).as_str(), "was" | "were" | "been" | "be" | "being");
        // "killed a teacher", "the killing of a commander", "assassinated GATIA commander X"
        let det_at = |k: usize| k < end && matches!(word(k).as_str(), "a" | "an" | "the" | "one");
        let start = if det_at(i + 1) {
            i + 2
        } else if word(i) == "killing" && i + 2 < end && word(i + 1) == "of" && det_at(i + 2) {
            i + 3
        } else if i + 1 < end && tokens[i + 1].is(flag::CAPITAL) {
            i + 1
        } else {
            return false;
        };
        if !active || start >= end {
            return false;
        }
        // the noun: the next word that is not an adjective-like lower-case modifier before "of"/punctuation
        let noun = (start..end.min(start + 4)).find(|&k| {
            k + 1 >= end
                || tokens[k + 1].is(flag::PUNCT)
                || matches!(word(k + 1).as_str(), "of" | "in" | "at" | "near" | "and" | "who" | "on")
        });
        noun.is_some_and(|k| !word(k).ends_with('s') && word(k) != "number")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deaths(text: &str) -> Option<u32> {
        let t = crate::tests::segmented(text).0;
        count(text, &t, (0, t.len()))
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
        assert_eq!(deaths("The raid led to the killing of a senior commander."), Some(1));
        assert_eq!(deaths("Gunmen killed the driver and a passenger near the town."), Some(2));
        assert_eq!(deaths("Militants killed four farmers and a volunteer fighter in the village."), Some(5));
        assert_eq!(deaths("Soldiers killed an unknown number of militants."), None);
        assert_eq!(deaths("Nine civilians including two musicians were killed by the blast."), Some(9));
        assert_eq!(deaths("The army killed between two and six militants in the village."), Some(2));
        assert_eq!(deaths("Protesters marched through the capital."), None);
    }
}
