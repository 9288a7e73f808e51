//! The closed classes of English that shallow parsing leans on: auxiliaries, negators, determiners,
//! pronouns, conjunctions, prepositions. Kept here as small word lists (they are grammar, not
//! dictionary content); everything open-class lives in the dictionaries.

use palaver_lexicon::{Lexicon, WordId};
use rustc_hash::FxHashMap;

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

const CLASSES: &[(Word, &[&str])] = &[
    (Word::Be, &["be", "is", "are", "was", "were", "been", "being", "am"]),
    (Word::Have, &["has", "have", "had", "having"]),
    (Word::Do, &["do", "does", "did"]),
    (Word::Modal, &["will", "would", "could", "may", "might", "must", "should", "can", "shall", "ca", "wo"]),
    (Word::Not, &["not", "n't", "never"]),
    (Word::Get, &["get", "gets", "got", "gotten"]),
    (
        Word::Det,
        &[
            "a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her", "our", "some", "any",
            "all", "each", "several", "many", "other", "another", "no",
        ],
    ),
    (Word::Pronoun, &["he", "she", "they", "it", "both", "we", "i", "you"]),
    (Word::Relative, &["which", "who", "whom", "whose"]),
    (Word::And, &["and", "or", "&", "nor"]),
    (
        Word::Subordinator,
        &[
            "but", "while", "whereas", "although", "because", "though", "if", "unless", "when", "after", "before",
            "since", "until", "as", "where", "so",
        ],
    ),
    (Word::By, &["by"]),
    (Word::Of, &["of"]),
    (Word::To, &["to"]),
    (
        Word::Adverb,
        &[
            "also",
            "reportedly",
            "allegedly",
            "previously",
            "then",
            "still",
            "already",
            "yet",
            "just",
            "again",
            "later",
            "recently",
            "jointly",
            "quietly",
            "reportedly",
            "first",
            "now",
            "once",
            "subsequently",
            "eventually",
            "finally",
            "further",
            "even",
            "only",
            "vigorously",
            "strongly",
            "repeatedly",
            "formally",
            "officially",
            "publicly",
            "reportedly",
            "apparently",
            "presumably",
        ],
    ),
    (
        Word::Locative,
        &[
            "in",
            "at",
            "near",
            "inside",
            "outside",
            "across",
            "around",
            "within",
            "throughout",
            "along",
            "during",
            "amid",
            "outside",
        ],
    ),
    (
        Word::Preposition,
        &[
            "on", "with", "from", "for", "against", "into", "over", "about", "between", "among", "without", "toward",
            "towards", "through", "under", "upon", "despite",
        ],
    ),
];

/// Nouns for agreements, which later sentences refer back to with "the deal", "the truce".
const AGREEMENT_NOUNS: &[&str] =
    &["deal", "agreement", "accord", "truce", "ceasefire", "cease-fire", "pact", "accords", "treaty", "armistice"];

/// Nouns for kinds of place, after which "of X" names a place.
const PLACE_NOUNS: &[&str] = &[
    "northwest",
    "northeast",
    "southwest",
    "southeast",
    "quarter",
    "neighbourhood",
    "neighborhood",
    "vicinity",
    "hamlet",
    "locality",
    "circle",
    "cercle",
    "axis",
    "periphery",
    "villages",
    "towns",
    "city",
    "town",
    "village",
    "capital",
    "region",
    "province",
    "district",
    "port",
    "area",
    "outskirts",
    "suburb",
    "suburbs",
    "streets",
    "centre",
    "center",
    "heart",
    "north",
    "south",
    "east",
    "west",
    "state",
    "county",
    "municipality",
    "community",
    "communities",
    "commune",
    "prefecture",
    "department",
    "governorate",
    "island",
];

/// Past participles that, after "be" and before "to", say what state the subject is in rather than
/// what was done to it: "is prepared to talk", "are determined to fight".
const STATIVE_PARTICIPLES: &[&str] =
    &["prepared", "committed", "determined", "resolved", "inclined", "disposed", "poised", "dedicated"];

/// Function-word classes, looked up by normal form.
#[derive(Debug)]
pub struct Grammar {
    classes: FxHashMap<&'static str, Word>,
    /// Verbs whose infinitive complement did not happen: "refused to attack", "failed to agree".
    negating: Vec<WordId>,
}

impl Grammar {
    /// Builds the tables; verbs are looked up in the lexicon's vocabulary.
    pub fn new(lexicon: &Lexicon) -> Self {
        let mut classes = FxHashMap::default();
        for (class, words) in CLASSES {
            for w in *words {
                classes.entry(*w).or_insert(*class);
            }
        }
        let negating = ["refuse", "decline", "fail", "deny", "reject"]
            .iter()
            .map(|w| lexicon.vocab.get(w))
            .filter(|&id| id != 0)
            .collect();
        Grammar { classes, negating }
    }

    /// Whether a word names an agreement, which a later sentence can refer back to ("the deal").
    pub fn is_agreement_noun(&self, norm: &str) -> bool {
        AGREEMENT_NOUNS.contains(&norm)
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
        PLACE_NOUNS.contains(&norm)
    }

    /// Whether a past participle before "to" names a state of its subject ("prepared to").
    pub fn is_stative_participle(&self, norm: &str) -> bool {
        STATIVE_PARTICIPLES.contains(&norm)
    }

    /// Whether a verb lemma negates its infinitive complement ("refused to negotiate").
    pub fn negates_complement(&self, lemma: WordId) -> bool {
        lemma != 0 && self.negating.contains(&lemma)
    }

    /// The class of a normalised word.
    pub fn class(&self, norm: &str) -> Word {
        if let Some(c) = self.classes.get(norm) {
            return *c;
        }
        if norm.len() > 4
            && norm.ends_with("ly")
            && !matches!(
                norm,
                "early"
                    | "family"
                    | "italy"
                    | "rally"
                    | "ally"
                    | "supply"
                    | "reply"
                    | "assembly"
                    | "july"
                    | "daily"
                    | "weekly"
                    | "monthly"
                    | "only"
            )
        {
            return Word::Adverb;
        }
        Word::Other
    }
}
