//! Stage 5, resolving: a mention becomes an actor record (the code in force on the article's
//! date, country, sector), and a coded event becomes an event record with its ontology facts.

use crate::coding::Coded;
use crate::dates::DateMention;
use crate::event::{ActorRecord, Event, Evidence, Plover, Spans};
use crate::mentions::Mention;
use crate::text::Token;
use palaver_lexicon::{Agent, DayNumber, Lexicon};

/// The PLOVER sector of an actor code: that of its first part that is a CAMEO actor type.
fn sector_of_code(lex: &Lexicon, code: &str) -> Option<String> {
    (0..code.len() / 3).filter_map(|i| code.get(i * 3..i * 3 + 3)).find_map(|p| lex.sector_of_type(p)).map(String::from)
}

/// What resolving needs to know about the article.
pub struct Context<'a> {
    pub lexicon: &'a Lexicon,
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub doc_id: &'a str,
    /// The article's date, as a day number.
    pub day: Option<DayNumber>,
    /// The article's date as written (`YYYY-MM-DD`).
    pub date: Option<&'a str>,
    /// The country the article is mostly about: agents with no country of their own take it...
    pub country: Option<u32>,
    /// ...unless the sentence names one country, which they take instead.
    pub sentence_country: Option<u32>,
    /// The country insurgents with no country of their own take: the article's, not counting
    /// foreign armies named by their country.
    pub insurgents_country: Option<u32>,
    /// The article's language (ISO 639-1).
    pub lang: &'a str,
}

impl Context<'_> {
    pub fn bytes(&self, start: usize, end: usize) -> [usize; 2] {
        [self.tokens[start].start as usize, self.tokens[end - 1].end as usize]
    }

    /// The actor record of a mention.
    pub fn actor(&self, m: &Mention) -> ActorRecord {
        let [a, b] = self.bytes(m.start, m.end);
        let lex = self.lexicon;
        let mut r = ActorRecord {
            text: self.text[a..b].to_string(),
            code: None,
            actor_id: None,
            name: None,
            country: None,
            sector: None,
        };
        if let Some(i) = m.who.actor {
            let actor = &lex.actors[i as usize];
            r.code = actor.code_on(self.day).map(String::from);
            if let (true, Some(agent), Some(code)) =
                (actor.takes_agents, m.who.agent.map(|a| &lex.agents[a as usize]), &r.code)
            {
                if !code.ends_with(&agent.role) && !code.starts_with(&agent.role) {
                    r.code = Some(if agent.prefix {
                        format!("{}{code}", agent.role)
                    } else {
                        format!("{code}{}", agent.role)
                    });
                }
                r.sector = agent.sector.clone();
            } else if let (Some(agent), Some(code), None) =
                (m.who.agent.map(|a| &lex.agents[a as usize]), &r.code, self.day)
            {
                // "Israeli Prime Minister Ehud Barak" with no article date: the title says which office
                let country = code.get(..3).filter(|c| lex.country_by_code(c).is_some());
                if let (Some(country), false) = (country, agent.prefix) {
                    r.code = Some(format!("{country}{}", agent.role));
                    r.sector = agent.sector.clone();
                }
            }
            r.actor_id = Some(actor.id.clone());
            r.name = Some(actor.name.clone());
            r.country = actor.country.clone();
            r.sector = r
                .sector
                .take()
                .or_else(|| actor.sector.clone())
                .or_else(|| r.code.as_deref().and_then(|c| sector_of_code(lex, c)));
            return r;
        }
        let agent = m.who.agent.map(|i| &lex.agents[i as usize]);
        let insurgent = agent.is_some_and(|a| matches!(a.sector.as_deref(), Some("REB" | "INS" | "SEP")));
        let article_country = if insurgent { self.insurgents_country } else { self.country };
        let country = m.who.country.or(if agent.is_some() { self.sentence_country.or(article_country) } else { None });
        let country = country.map(|i| &lex.countries[i as usize]);
        let role = match (agent, m.who.capital, m.who.people) {
            (Some(agent), _, _) => Some(agent.role.as_str()),
            (None, true, _) => Some("GOV"),
            (None, _, true) => Some("CVL"),
            _ => None,
        };
        r.sector = agent.and_then(|a| a.sector.clone()).or_else(|| role.map(String::from));
        r.country = country.map(|c| c.iso3.clone());
        let prefix = agent.is_some_and(|a| a.prefix);
        r.code = match (country, role) {
            (Some(c), Some(role)) if prefix => Some(format!("{}{}", role, c.cameo)),
            (Some(c), Some(role)) => Some(format!("{}{}", c.cameo, role)),
            (Some(c), None) => Some(c.cameo.clone()),
            (None, Some(role)) => Some(role.to_string()),
            (None, None) => None,
        };
        r
    }

    /// The actor record of an event's side, with the sector its agent takes in violence where the
    /// dictionary gives one: `armed_sector` for the author ("Fulani herdsmen attacked the village":
    /// a communal militia), `victim_sector` for the victim ("a mob lynched a suspected thief": a
    /// civilian), as ACLED codes them.
    fn side_in(&self, m: &Mention, root: &str, sector: fn(&Agent) -> Option<&String>) -> ActorRecord {
        let mut r = self.actor(m);
        if matches!(root, "18" | "19" | "20") && m.who.actor.is_none() {
            if let Some(s) = m.who.agent.and_then(|a| sector(&self.lexicon.agents[a as usize])) {
                r.sector = Some(s.clone());
            }
        }
        r
    }

    /// "attacked the village of X", "opened fire on a market": a violent event whose object is a
    /// settlement (one of `places`, the grammar's `settlement_target`) and no actor has its
    /// inhabitants as target (civilians of the sentence's country).
    pub fn settlement_target(&self, places: &[String], event: &mut Event, verb_end: usize, sentence_end: usize) {
        let violent = matches!(event.cameo_root.as_str(), "18" | "19" | "20");
        if !violent || event.target.is_some() {
            return;
        }
        let word = |i: usize| &self.text[self.tokens[i].start as usize..self.tokens[i].end as usize];
        let found = (verb_end..sentence_end.min(verb_end + 5))
            .find(|&i| places.iter().any(|p| crate::grammar::Grammar::same_word(word(i), p)));
        let Some(i) = found else { return };
        let country = self.sentence_country.or(self.country).map(|c| &self.lexicon.countries[c as usize]);
        event.target = Some(ActorRecord {
            text: self.text[self.tokens[i].start as usize..self.tokens[i].end as usize].to_string(),
            code: Some(country.map_or("CVL".to_string(), |c| format!("{}CVL", c.cameo))),
            actor_id: None,
            name: None,
            country: country.map(|c| c.iso3.clone()),
            sector: Some("CVL".into()),
        });
        event.evidence.spans.target = Some(self.bytes(i, i + 1));
    }

    /// Puts the actors a pronoun stands for in place of the pronoun (`Some(None)`: no one found).
    pub fn replace_sides(&self, event: &mut Event, source: Option<Option<&Mention>>, target: Option<Option<&Mention>>) {
        if let Some(m) = source {
            event.source = m.map(|m| self.actor(m));
            event.evidence.spans.source = m.map(|m| self.bytes(m.start, m.end));
        }
        if let Some(m) = target {
            event.target = m.map(|m| self.actor(m));
            event.evidence.spans.target = m.map(|m| self.bytes(m.start, m.end));
        }
    }

    /// The tokens of the relative clause between commas (", which ... ,") that holds token `i`, if
    /// it stands in one within the sentence (bytes `sentence`).
    fn relative_clause(&self, i: usize, sentence: (usize, usize)) -> Option<(usize, usize)> {
        let inside =
            |k: usize| self.tokens.get(k).is_some_and(|t| (sentence.0..sentence.1).contains(&(t.start as usize)));
        let raw = |k: usize| &self.text[self.tokens[k].start as usize..self.tokens[k].end as usize];
        let comma = (0..i).rev().take_while(|&k| inside(k)).find(|&k| raw(k) == ",")?;
        if !inside(comma + 1) || self.tokens[comma + 1].class != crate::grammar::Word::Relative {
            return None;
        }
        let end = (i..).take_while(|&k| inside(k)).find(|&k| raw(k) == ",")?;
        Some((comma + 1, end))
    }

    /// The event record of a coded event in sentence `index`.
    pub fn event(
        &self,
        index: usize,
        ordinal: usize,
        sentence: (usize, usize),
        mentions: &[Mention],
        dates: &[DateMention],
        c: &Coded,
    ) -> Event {
        let lex = self.lexicon;
        let pattern = &lex.patterns[c.pattern as usize];
        let code = &lex.cameo[c.code as usize];
        let side = |m: Option<usize>| m.map(|k| &mentions[k]);
        let span = |m: Option<&Mention>| m.map(|m| self.bytes(m.start, m.end));
        let verb = self.bytes(c.verb.0, c.verb.1);
        // "Around 25 July (between 24 - 26 July)": a date in brackets only details another
        let bracketed = |d: &DateMention| {
            let at = self.tokens.get(d.token).map_or(sentence.0, |t| t.start as usize);
            let before = self.text.get(sentence.0.min(at)..at).unwrap_or("");
            before.matches('(').count() > before.matches(')').count()
        };
        // "On 22 August, militants killed a farmer abducted on 10 August": a date that opens the
        // sentence is the date of all it reports
        let leading = dates.first().filter(|d| {
            let at = self.tokens.get(d.token).map_or(sentence.0, |t| t.start as usize);
            let before = self.text.get(sentence.0.min(at)..at).unwrap_or("").trim();
            !before.contains(',') && before.split_whitespace().count() <= 2 && !bracketed(d)
        });
        // "France, which first intervened in 2013, opposes the talks": a date in a relative clause
        // between commas is the date of that clause's verb only
        let aside = |d: &DateMention| {
            let clause = self.relative_clause(d.token, sentence);
            clause.is_some_and(|(a, b)| !(a..b).contains(&c.verb.0))
        };
        let when = leading
            .or_else(|| dates.iter().filter(|d| !aside(d)).min_by_key(|d| (bracketed(d), d.token.abs_diff(c.verb.0))));
        let (date, precision) = match when {
            Some(d) => (Some(d.iso()), d.precision.name()),
            None => (self.date.map(String::from), "document"),
        };
        Event {
            doc_id: self.doc_id.to_string(),
            event_id: format!("{}:{}:{}", self.doc_id, index, ordinal),
            sentence_index: index,
            date,
            date_precision: precision.into(),
            source: side(c.source).map(|m| self.side_in(m, &code.root, |a| a.armed_sector.as_ref())),
            target: side(c.target).map(|m| self.side_in(m, &code.root, |a| a.victim_sector.as_ref())),
            cameo: code.code.clone(),
            cameo_root: code.root.clone(),
            quad_class: code.quad_class,
            goldstein: code.goldstein,
            plover: Plover { event: code.plover_event.clone(), mode: code.plover_mode.clone() },
            acled: None,
            location: None,
            fatalities: None,
            negated: c.negated,
            attribution: side(c.speaker).map(|m| self.actor(m)),
            mediator: None,
            lang: self.lang.to_string(),
            evidence: Evidence {
                sentence: self.text[sentence.0..sentence.1].to_string(),
                verb: self.text[verb[0]..verb[1]].to_string(),
                spans: Spans { source: span(side(c.source)), target: span(side(c.target)), verb },
            },
            rule: pattern.origin.to_string(),
        }
    }
}
