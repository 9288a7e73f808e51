//! The closed classes of a language that shallow parsing leans on (auxiliaries, negators,
//! determiners, pronouns, conjunctions, prepositions) and its cue words (agreement and place nouns,
//! calendar and toll words). They are data, one table per language (data/lang/<code>/grammar.tsv),
//! so a language is a set of tables, not a fork of the coder; everything open-class lives in the
//! dictionaries.

use palaver_lexicon::{Lexicon, WordId};
use rustc_hash::{FxHashMap, FxHashSet};

/// The grammatical class of a function word; `Other` for everything else.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Word {
    #[default]
    Other,
    /// is, was, were, been, being
    Be,
    /// has, have, had
    Have,
    /// do, does, did
    Do,
    /// will, would, could, may, might, must, should, can, shall
    Modal,
    /// not, n't, never
    Not,
    /// get, got, gotten (as in "got arrested")
    Get,
    /// a, an, the, this, its, their, ...
    Det,
    /// he, she, they, it, both (as a subject)
    Pronoun,
    /// which, who, whom, whose, that
    Relative,
    /// and, or
    And,
    /// but, while, whereas, although, because, though, if, unless, when, after, before
    Subordinator,
    /// by
    By,
    /// of
    Of,
    /// to
    To,
    /// reportedly, also, previously, ... (and words in -ly)
    Adverb,
    /// in, at, near, ...: what follows is a place, not a party.
    Locative,
    /// Any other preposition.
    Preposition,
}

impl Word {
    /// Words that may start a sentence after an abbreviation such as "U.S.".
    pub fn starts_sentence(self) -> bool {
        matches!(self, Word::Det | Word::Pronoun | Word::Subordinator)
    }

    /// Auxiliaries, negators and adverbs that stand between a subject and its verb.
    pub fn in_verb_group(self) -> bool {
        matches!(self, Word::Be | Word::Have | Word::Do | Word::Modal | Word::Not | Word::Get | Word::Adverb)
    }
}

/// Where a language's tables come from: a file name to cite and its text.
pub struct GrammarSource<'a> {
    /// The ISO 639-1 code of the language ("en", "fr").
    pub lang: &'a str,
    /// The file name errors cite.
    pub name: &'a str,
    /// The table's text (see data/lang/en/grammar.tsv for the format).
    pub text: &'a str,
    /// The language's words in lower case, one a line (`#` comments), or "" where it has no such
    /// list: in text whose case tells nothing, any other word is taken for a name.
    pub words: &'static str,
}

impl GrammarSource<'_> {
    /// The words of one key of the table, as written, before the table is read into a
    /// [`Grammar`] (the lexicon needs the elisions to split its phrases as the text is split).
    pub fn list(&self, key: &str) -> Vec<String> {
        self.text
            .lines()
            .filter_map(|l| l.split_once('\t'))
            .filter(|(k, _)| k.trim() == key)
            .flat_map(|(_, words)| words.split_whitespace().map(str::to_lowercase))
            .collect()
    }
}

/// English's tables, compiled in.
pub const ENGLISH: GrammarSource<'static> = GrammarSource {
    lang: "en",
    name: "data/lang/en/grammar.tsv",
    text: include_str!("../../../data/lang/en/grammar.tsv"),
    words: include_str!("../../../data/lang/en/words.txt"),
};

/// French's tables, compiled in.
pub const FRENCH: GrammarSource<'static> = GrammarSource {
    lang: "fr",
    name: "data/lang/fr/grammar.tsv",
    text: include_str!("../../../data/lang/fr/grammar.tsv"),
    words: "",
};

/// What the grammar says of one word of the text ([`Grammar::classify`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Classified {
    pub class: Word,
    /// Its number among the list words (0: in no list).
    pub list_word: u16,
    /// It may open a date ([`crate::dates::Calendar::opens_date`]).
    pub opens_date: bool,
}

/// A list of the grammar table by number ([`Grammar::list_id`]): a stage that tests every token
/// against a list finds its number once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ListId(u16);

/// The list of the last words of the locative phrases ("close to": "to"), derived from them: a
/// phrase can end at a token only if the token is one.
pub const LOCATIVE_PHRASE_ENDS: &str = "locative_phrase.ends";

/// The embedded tables of a language, by its ISO 639-1 code.
pub fn embedded(lang: &str) -> Option<GrammarSource<'static>> {
    [ENGLISH, FRENCH].into_iter().find(|g| g.lang == lang)
}

/// The closed classes and cue words of one language, read from its table (data/lang/<code>/).
#[derive(Debug)]
pub struct Grammar {
    lang: String,
    /// Classes by normal form (accents folded).
    classes: FxHashMap<String, Word>,
    /// Classes of words with accents, by lower-cased text: French "à" is no "a".
    exact: FxHashMap<String, Word>,
    agreement: FxHashSet<String>,
    place: FxHashSet<String>,
    plan: FxHashSet<String>,
    stative: FxHashSet<String>,
    adverb_suffix: Vec<String>,
    not_adverb: FxHashSet<String>,
    /// Verbs whose infinitive complement did not happen: "refused to attack", "failed to agree".
    negating: Vec<WordId>,
    /// Verbs whose infinitive complement is an act to come ("plans to impose", "vowed to attack").
    intending: Vec<WordId>,
    /// Verb lemmas whose compound tenses take "be" in the active voice (French "ils sont venus").
    active_with_be: Vec<WordId>,
    /// Reflexive pronouns, lower-case ("se", "s'").
    reflexive: Vec<String>,
    /// Every other key of the table (calendar, tolls): words by key, for the stages that read them.
    lists: FxHashMap<String, Vec<String>>,
    /// Every word of the lists, numbered from 1: a token carries its number (see
    /// [`Grammar::list_word`]), so testing it against a list is a bit test, not a scan of the
    /// list (which some stages would make on every token).
    list_words: FxHashMap<String, u16>,
    /// Each list's number, in key order.
    list_ids: FxHashMap<String, u16>,
    /// Per numbered word, a bit per list it is in (`stride` u64s a word; word 0 is in none).
    member: Vec<u64>,
    stride: usize,
    /// Class, list-word number and whether it may open a date, by normal form, for
    /// [`Grammar::classify`].
    by_norm: FxHashMap<String, (Option<Word>, u16, bool)>,
    /// Words after a name that make it a region ("region", "local_government_area"), and
    /// phrases that say where ("close_to"): each split into its words at `_`.
    region_words: Vec<Vec<String>>,
    locative_phrases: Vec<Vec<String>>,
    calendar: crate::dates::Calendar,
    tolls: crate::fatalities::Tolls,
    /// The words table ([`GrammarSource::words`]) and its set, built the first time text with no
    /// case needs it (most text never does).
    words_text: &'static str,
    words: std::sync::OnceLock<FxHashSet<&'static str>>,
}

/// The normal form of a word already lower-cased (accents folded only where there are any).
fn fold(word: &str) -> std::borrow::Cow<'_, str> {
    if word.is_ascii() {
        std::borrow::Cow::Borrowed(word)
    } else {
        std::borrow::Cow::Owned(palaver_lexicon::words::normalize(word))
    }
}

fn class_of_key(key: &str) -> Option<Word> {
    Some(match key {
        "be" => Word::Be,
        "have" => Word::Have,
        "do" => Word::Do,
        "modal" => Word::Modal,
        "not" => Word::Not,
        "get" => Word::Get,
        "det" => Word::Det,
        "pronoun" => Word::Pronoun,
        "relative" => Word::Relative,
        "and" => Word::And,
        "subordinator" => Word::Subordinator,
        "by" => Word::By,
        "of" => Word::Of,
        "to" => Word::To,
        "adverb" => Word::Adverb,
        "locative" => Word::Locative,
        "preposition" => Word::Preposition,
        _ => return None,
    })
}

impl Grammar {
    /// English's tables; verbs are looked up in the lexicon's vocabulary.
    pub fn new(lexicon: &Lexicon) -> Self {
        match Grammar::read(&ENGLISH, lexicon) {
            Ok(g) => g,
            Err(e) => unreachable!("the embedded English table is checked by tests: {e}"),
        }
    }

    /// Reads a language's table. A line that cannot be read is an error naming file and line.
    pub fn read(source: &GrammarSource<'_>, lexicon: &Lexicon) -> Result<Self, String> {
        let mut g = Grammar {
            lang: source.lang.to_string(),
            classes: FxHashMap::default(),
            exact: FxHashMap::default(),
            agreement: FxHashSet::default(),
            place: FxHashSet::default(),
            plan: FxHashSet::default(),
            stative: FxHashSet::default(),
            adverb_suffix: Vec::new(),
            not_adverb: FxHashSet::default(),
            negating: Vec::new(),
            intending: Vec::new(),
            active_with_be: Vec::new(),
            reflexive: Vec::new(),
            lists: FxHashMap::default(),
            list_words: FxHashMap::default(),
            list_ids: FxHashMap::default(),
            member: Vec::new(),
            stride: 0,
            by_norm: FxHashMap::default(),
            region_words: Vec::new(),
            locative_phrases: Vec::new(),
            calendar: crate::dates::Calendar::default(),
            tolls: crate::fatalities::Tolls::default(),
            words_text: source.words,
            words: std::sync::OnceLock::new(),
        };
        for (n, line) in source.text.lines().enumerate() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((key, words)) = line.split_once('\t') else {
                return Err(format!("{}:{}: expected a key, a tab and words", source.name, n + 1));
            };
            let key = key.trim();
            for w in words.split_whitespace() {
                let lower = w.to_lowercase();
                let norm = palaver_lexicon::words::normalize(w);
                match key {
                    "agreement" => drop(g.agreement.insert(norm)),
                    "place" => drop(g.place.insert(norm)),
                    "plan" => drop(g.plan.insert(norm)),
                    "stative" => drop(g.stative.insert(norm)),
                    "adverb_suffix" => g.adverb_suffix.push(norm),
                    "not_adverb" => drop(g.not_adverb.insert(norm)),
                    "reflexive" => g.reflexive.push(lower),
                    "negating" | "intending" | "active_with_be" => {
                        let id = lexicon.vocab.get(&norm);
                        if id != 0 {
                            match key {
                                "negating" => g.negating.push(id),
                                "intending" => g.intending.push(id),
                                _ => g.active_with_be.push(id),
                            }
                        }
                    }
                    _ => match class_of_key(key) {
                        // a word with accents is its own: "à" leaves "a" to "avoir"
                        Some(class) if lower != norm => drop(g.exact.entry(lower).or_insert(class)),
                        Some(class) => drop(g.classes.entry(norm).or_insert(class)),
                        None => g.lists.entry(key.to_string()).or_default().push(lower),
                    },
                }
            }
        }
        let phrases = |key: &str| -> Vec<Vec<String>> {
            g.list(key).iter().map(|w| w.split('_').map(str::to_string).collect()).collect()
        };
        (g.region_words, g.locative_phrases) = (phrases("region_word"), phrases("locative_phrase"));
        g.number_list_words().map_err(|e| format!("{}: {e}", source.name))?;
        let lists: Vec<(String, Vec<String>)> = g.lists.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        g.calendar = crate::dates::Calendar::read(&lists).map_err(|e| format!("{}: {e}", source.name))?;
        g.tolls = crate::fatalities::Tolls::read(&lists).map_err(|e| format!("{}: {e}", source.name))?;
        g.index_normal_forms();
        Ok(g)
    }

    /// The language's calendar words.
    pub fn calendar(&self) -> &crate::dates::Calendar {
        &self.calendar
    }

    /// The language's toll words.
    pub fn tolls(&self) -> &crate::fatalities::Tolls {
        &self.tolls
    }

    /// Whether the language has a words table ([`Grammar::is_word`]).
    pub fn knows_words(&self) -> bool {
        !self.words_text.is_empty()
    }

    /// Whether a lower-cased word is in the language's words table.
    pub fn is_word(&self, lower: &str) -> bool {
        let words = self.words.get_or_init(|| {
            self.words_text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
        });
        words.contains(lower)
    }

    /// The language's ISO 639-1 code.
    pub fn lang(&self) -> &str {
        &self.lang
    }

    /// The words listed under a key of the table that is no word class (calendar and toll words),
    /// lower-cased, in file order; empty when the table has none.
    pub fn list(&self, key: &str) -> &[String] {
        self.lists.get(key).map_or(&[], Vec::as_slice)
    }

    /// Whether a word of the text, in any case, is one of `key`'s words (no allocation for ASCII
    /// words of up to 64 bytes).
    pub fn has(&self, key: &str, raw: &str) -> bool {
        let list = self.list_id(key);
        let listed = |w: &str| self.list_words.get(w).is_some_and(|&n| self.listed_in(list, n));
        if !raw.is_ascii() {
            return listed(&raw.to_lowercase());
        }
        if !raw.bytes().any(|b| b.is_ascii_uppercase()) {
            return listed(raw);
        }
        let mut buf = [0u8; 64];
        match buf.get_mut(..raw.len()) {
            Some(lower) => {
                lower.copy_from_slice(raw.as_bytes());
                lower.make_ascii_lowercase();
                std::str::from_utf8(lower).is_ok_and(listed)
            }
            None => listed(&raw.to_ascii_lowercase()),
        }
    }

    /// Numbers the lists and their words, and marks which word is in which list.
    /// Besides the table's own lists, [`LOCATIVE_PHRASE_ENDS`]: the last words of its locative
    /// phrases.
    fn number_list_words(&mut self) -> Result<(), String> {
        let mut lists: Vec<(String, Vec<String>)> = self.lists.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        let ends = self.locative_phrases.iter().filter_map(|p| p.last().cloned()).collect();
        lists.push((LOCATIVE_PHRASE_ENDS.to_string(), ends));
        lists.sort();
        self.list_ids = lists.iter().enumerate().map(|(n, (k, _))| (k.clone(), n as u16)).collect();
        self.stride = lists.len().div_ceil(64).max(1);
        self.member = vec![0; self.stride];
        for (n, (_, words)) in lists.iter().enumerate() {
            for w in words {
                let next = self.list_words.len() + 1;
                let id = *self.list_words.entry(w.clone()).or_insert(next as u16);
                if id as usize >= u16::MAX as usize {
                    return Err("more than 65,534 distinct words in the lists".into());
                }
                if self.member.len() < (id as usize + 1) * self.stride {
                    self.member.resize((id as usize + 1) * self.stride, 0);
                }
                self.member[id as usize * self.stride + n / 64] |= 1 << (n % 64);
            }
        }
        Ok(())
    }

    /// Class, list-word number and may-open-a-date by normal form ([`Grammar::classify`]), once
    /// the classes, the lists and the calendar are read.
    fn index_normal_forms(&mut self) {
        self.by_norm = self.classes.iter().map(|(w, &c)| (w.clone(), (Some(c), 0, false))).collect();
        for (w, &n) in &self.list_words {
            self.by_norm.entry(w.clone()).or_insert((None, 0, false)).1 = n;
        }
        for w in self.calendar.starters() {
            self.by_norm.entry(w.to_string()).or_insert((None, 0, false)).2 = true;
        }
    }

    /// The number of a word of the text among the lists' words (0: in none), found once per
    /// token. `norm` is its normal form, which is its lower-cased spelling for ASCII words with no
    /// dot; other words are lower-cased here, as [`Grammar::has`] does.
    pub fn list_word(&self, raw: &str, norm: &str) -> u16 {
        if raw.is_ascii() && !raw.contains('.') {
            return self.list_words.get(norm).copied().unwrap_or(0);
        }
        self.list_words.get(&raw.to_lowercase()).copied().unwrap_or(0)
    }

    /// Whether a token is one of `key`'s words, in any case: [`Grammar::has`] on its number.
    pub fn has_token(&self, key: &str, t: &crate::text::Token) -> bool {
        self.in_list(self.list_id(key), t)
    }

    /// A list's number, for stages that test every token against it ([`Grammar::in_list`]).
    pub fn list_id(&self, key: &str) -> ListId {
        ListId(self.list_ids.get(key).copied().unwrap_or(u16::MAX))
    }

    /// Whether a token is one of a list's words, in any case.
    pub fn in_list(&self, list: ListId, t: &crate::text::Token) -> bool {
        self.listed_in(list, t.list_word)
    }

    /// Whether the list word numbered `word` is in a list.
    fn listed_in(&self, list: ListId, word: u16) -> bool {
        let n = list.0 as usize;
        word != 0
            && list.0 != u16::MAX
            && self.member.get(word as usize * self.stride + n / 64).is_some_and(|bits| bits & (1 << (n % 64)) != 0)
    }

    /// Whether a word of the text, as written, is one of `key`'s words (which are lower-case).
    pub fn has_exactly(&self, key: &str, raw: &str) -> bool {
        let list = self.list_id(key);
        self.list_words.get(raw).is_some_and(|&n| self.listed_in(list, n))
    }

    /// The words and phrases after a name that make it a region or a district (`region_word`),
    /// each as its words.
    pub fn region_words(&self) -> &[Vec<String>] {
        &self.region_words
    }

    /// The phrases that say where, whose words alone do not (`locative_phrase`: "close to").
    pub fn locative_phrases(&self) -> &[Vec<String>] {
        &self.locative_phrases
    }

    /// Whether a word of the text is, in any case, this lower-case word of a list (no allocation
    /// for ASCII words).
    #[inline]
    pub fn same_word(raw: &str, listed: &str) -> bool {
        raw.eq_ignore_ascii_case(listed) || (!raw.is_ascii() && raw.to_lowercase() == listed)
    }

    /// Whether a word names an agreement, which a later sentence can refer back to ("the deal").
    pub fn is_agreement_noun(&self, norm: &str) -> bool {
        self.agreement.contains(&*fold(norm))
    }

    /// Whether a sentence with no actor in it still speaks of an agreement ("The deal broke down"),
    /// whose parties an earlier sentence named.
    pub fn mentions_agreement(&self, text: &str, tokens: &[crate::text::Token], range: (usize, usize)) -> bool {
        tokens[range.0..range.1]
            .iter()
            .any(|t| self.is_agreement_noun(&text[t.start as usize..t.end as usize].to_lowercase()))
    }

    /// Whether a noun names a kind of place ("the city of Beirut": a place, not its government).
    pub fn is_place_noun(&self, norm: &str) -> bool {
        self.place.contains(&*fold(norm))
    }

    /// Whether a noun names an actor's plan or move ("the approach", "la démarche"), which stands
    /// for its author when it is acted on.
    pub fn is_plan_noun(&self, norm: &str) -> bool {
        self.plan.contains(&*fold(norm))
    }

    /// Whether a past participle before "to" names a state of its subject ("prepared to").
    pub fn is_stative_participle(&self, norm: &str) -> bool {
        self.stative.contains(&*fold(norm))
    }

    /// Whether a participle after a form of "be" is still active: a verb that forms its
    /// compound tenses with "be" ("des habitants sont descendus dans la rue") after a finite
    /// "be" (not the passive's own participle: "ont été descendus"), or a reflexive verb ("se
    /// sont affrontés"). `be` is that form of "be", lower-cased.
    pub fn active_after_be(&self, lemma: WordId, be: &str, reflexive: bool) -> bool {
        reflexive
            || (lemma != 0 && self.active_with_be.contains(&lemma) && !self.list("passive_be").iter().any(|w| w == be))
    }

    /// Whether a word is a reflexive pronoun that joins the verb group ("se", "s'"; any case).
    pub fn is_reflexive(&self, raw: &str) -> bool {
        self.reflexive.iter().any(|w| w.eq_ignore_ascii_case(raw))
    }

    /// Whether a verb lemma negates its infinitive complement ("refused to negotiate").
    pub fn negates_complement(&self, lemma: WordId) -> bool {
        lemma != 0 && self.negating.contains(&lemma)
    }

    /// Whether a verb lemma makes its infinitive complement an act to come ("plans to impose").
    pub fn intends_complement(&self, lemma: WordId) -> bool {
        lemma != 0 && self.intending.contains(&lemma)
    }

    /// The class of a normalised word.
    pub fn class(&self, norm: &str) -> Word {
        if let Some(c) = self.classes.get(norm) {
            return *c;
        }
        self.unlisted_class(norm)
    }

    /// The class of a word in no class list: an adverb by its suffix ("reportedly"), else `Other`.
    fn unlisted_class(&self, norm: &str) -> Word {
        if norm.len() > 4
            && self.adverb_suffix.iter().any(|x| norm.ends_with(x.as_str()))
            && !self.not_adverb.contains(norm)
        {
            return Word::Adverb;
        }
        Word::Other
    }

    /// The words of the class lists by normal form, with their classes.
    pub fn classed_words(&self) -> impl Iterator<Item = (&str, Word)> {
        self.classes.iter().map(|(w, &c)| (w.as_str(), c))
    }

    /// A token's class ([`Grammar::class_of`]), its number among the list words
    /// ([`Grammar::list_word`]) and whether it may open a date: for the ASCII words with no dot
    /// that make most of any text, one look-up of the normal form (which is then the lower-cased
    /// spelling) finds all three.
    pub fn classify(&self, raw: &str, norm: &str) -> Classified {
        if raw.is_ascii() && !raw.contains('.') {
            return match self.by_norm.get(norm) {
                Some(&(class, list_word, opens_date)) => {
                    Classified { class: class.unwrap_or_else(|| self.unlisted_class(norm)), list_word, opens_date }
                }
                None => Classified { class: self.unlisted_class(norm), list_word: 0, opens_date: false },
            };
        }
        Classified {
            class: self.class_of(raw, norm),
            list_word: self.list_word(raw, norm),
            opens_date: self.calendar.opens_date(norm),
        }
    }

    /// The class of a word of the text: its own lower-cased spelling first where the language
    /// lists words with accents, then its normal form.
    pub fn class_of(&self, raw: &str, norm: &str) -> Word {
        if !self.exact.is_empty() && !raw.is_ascii() {
            if let Some(c) = self.exact.get(&raw.to_lowercase()) {
                return *c;
            }
        }
        self.class(norm)
    }
}
