//! The words filter (`--text`, `?text=`): what people type, read as words and turned into an
//! SQLite FTS5 query that SQLite can always run.
//!
//! The language:
//!
//! - plain words must all appear: `peace deal` (punctuation is not a word: `'; DROP` looks for
//!   `DROP`; `don't` is the words `don` `t` side by side, as the sentences were indexed);
//! - `"a phrase"` in double quotes (a quote left open runs to the end);
//! - `word*` and `"a phrase"*` match a prefix of the last word;
//! - `AND`, `OR` and `NOT` in capitals (in lower case they are words): `jnim OR hunters`,
//!   `truce NOT broke` (truce without broke; `AND NOT` means the same); NOT binds tightest, then
//!   AND (also between words side by side), then OR;
//! - `( ... )` groups (a group left open closes at the end).
//!
//! What cannot be read is refused with what to fix: an operator with no words on one side
//! (`NOT war`, `peace OR`), a `)` that closes nothing, an empty group, groups nested deeper than
//! [`MAX_DEPTH`], more than [`MAX_TERMS`] words, or nothing to look for at all (`'`).
//! Every query given out is fully quoted and parenthesised: no user text reaches FTS5's syntax.

/// Deepest nesting of groups.
pub const MAX_DEPTH: usize = 16;
/// Most words and phrases in one query.
pub const MAX_TERMS: usize = 256;

#[derive(Clone, Debug, PartialEq)]
enum Token {
    /// A word or a phrase, and whether it ends in `*`.
    Term(String, bool),
    And,
    Or,
    Not,
    Open,
    Close,
}

/// A parsed query.
#[derive(Clone, Debug, PartialEq)]
enum Node {
    Term(String, bool),
    And(Vec<Node>),
    Or(Vec<Node>),
    /// The first, without any of the others.
    Not(Box<Node>, Vec<Node>),
}

/// Whether FTS5's tokenizer (unicode61) finds a token in a text: letters and digits.
fn has_token(s: &str) -> bool {
    s.chars().any(char::is_alphanumeric)
}

/// Space, and control characters (FTS5 reads a NUL as the end of its query: found by fuzzing).
fn separates(c: char) -> bool {
    c.is_whitespace() || c.is_control()
}

fn lex(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some(&(at, c)) = chars.peek() {
        if separates(c) {
            chars.next();
        } else if c == '(' {
            chars.next();
            out.push(Token::Open);
        } else if c == ')' {
            chars.next();
            out.push(Token::Close);
        } else if c == '"' {
            chars.next();
            let start = at + 1;
            let mut end = text.len();
            for (i, c) in chars.by_ref() {
                if c == '"' {
                    end = i;
                    break;
                }
            }
            let prefix = chars.next_if(|&(_, c)| c == '*').is_some();
            while chars.next_if(|&(_, c)| c == '*').is_some() {}
            let phrase = text[start..end].replace(separates, " ");
            if has_token(&phrase) {
                out.push(Token::Term(phrase, prefix));
            }
        } else {
            let mut end = text.len();
            while let Some(&(i, c)) = chars.peek() {
                if separates(c) || c == '"' || c == '(' || c == ')' {
                    end = i;
                    break;
                }
                chars.next();
            }
            let word = &text[at..end];
            match word {
                "AND" => out.push(Token::And),
                "OR" => out.push(Token::Or),
                "NOT" => out.push(Token::Not),
                _ => {
                    let stem = word.trim_end_matches('*');
                    if has_token(stem) {
                        out.push(Token::Term(stem.to_string(), stem.len() < word.len()));
                    }
                }
            }
        }
    }
    out
}

struct Parser {
    tokens: Vec<Token>,
    at: usize,
    depth: usize,
}

fn name(t: Option<&Token>) -> &'static str {
    match t {
        Some(Token::And) => "AND",
        Some(Token::Or) => "OR",
        Some(Token::Not) => "NOT",
        Some(Token::Close) => "a )",
        Some(Token::Open) => "a (",
        Some(Token::Term(..)) => "a word",
        None => "the end",
    }
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.at)
    }

    fn starts_operand(&self) -> bool {
        matches!(self.peek(), Some(Token::Term(..) | Token::Open))
    }

    /// or := and (OR and)*
    fn or(&mut self) -> Result<Node, String> {
        let mut parts = vec![self.and()?];
        while self.peek() == Some(&Token::Or) {
            self.at += 1;
            parts.push(self.operand_after("OR", Self::and)?);
        }
        Ok(if parts.len() == 1 { parts.remove(0) } else { Node::Or(parts) })
    }

    /// and := not ((AND)? not | AND NOT not)*
    fn and(&mut self) -> Result<Node, String> {
        let mut parts = vec![self.not()?];
        let mut without = Vec::new();
        loop {
            match self.peek() {
                Some(Token::And) => {
                    self.at += 1;
                    if self.peek() == Some(&Token::Not) {
                        // "truce AND NOT broke" is "truce NOT broke"
                        self.at += 1;
                        without.push(self.operand_after("AND NOT", Self::atom)?);
                    } else {
                        parts.push(self.operand_after("AND", Self::not)?);
                    }
                }
                // after "AND NOT x": "NOT y" excludes y too
                Some(Token::Not) => {
                    self.at += 1;
                    without.push(self.operand_after("NOT", Self::atom)?);
                }
                _ if self.starts_operand() => parts.push(self.not()?),
                _ => break,
            }
        }
        let all = if parts.len() == 1 { parts.remove(0) } else { Node::And(parts) };
        Ok(if without.is_empty() { all } else { Node::Not(Box::new(all), without) })
    }

    /// not := atom (NOT atom)*
    fn not(&mut self) -> Result<Node, String> {
        let first = self.atom()?;
        let mut without = Vec::new();
        while self.peek() == Some(&Token::Not) {
            self.at += 1;
            without.push(self.operand_after("NOT", Self::atom)?);
        }
        Ok(if without.is_empty() { first } else { Node::Not(Box::new(first), without) })
    }

    /// What follows an operator: words, or a clear refusal.
    fn operand_after(&mut self, op: &str, f: fn(&mut Self) -> Result<Node, String>) -> Result<Node, String> {
        if !self.starts_operand() {
            return Err(format!(
                "{op} needs words after it, and {} follows: put a word, a \"phrase\" or a (group) after {op}, or leave {op} out",
                name(self.peek())
            ));
        }
        f(self)
    }

    /// atom := term | ( or )
    fn atom(&mut self) -> Result<Node, String> {
        match self.peek().cloned() {
            Some(Token::Term(t, prefix)) => {
                self.at += 1;
                Ok(Node::Term(t, prefix))
            }
            Some(Token::Open) => {
                self.at += 1;
                self.depth += 1;
                if self.depth > MAX_DEPTH {
                    return Err(format!("groups are nested more than {MAX_DEPTH} deep: take some ( ) away"));
                }
                if matches!(self.peek(), Some(Token::Close) | None) {
                    return Err("a group ( ) holds no word: put words in it or take it away".into());
                }
                let inner = self.or()?;
                match self.peek() {
                    Some(Token::Close) => self.at += 1,
                    None => {} // a group left open closes at the end
                    Some(t) => return Err(format!("unexpected {} in a group", name(Some(t)))),
                }
                self.depth -= 1;
                Ok(inner)
            }
            Some(t @ (Token::And | Token::Or)) => {
                let op = name(Some(&t));
                Err(format!("{op} needs words before it: write it between two words, as in peace {op} talks"))
            }
            Some(Token::Not) => {
                Err("NOT needs words before it (truce NOT broke finds truce without broke); it cannot stand first"
                    .into())
            }
            Some(Token::Close) => Err("a ) closes no group: take it away or add a ( before it".into()),
            None => Err("no words to look for".into()),
        }
    }
}

fn quote(term: &str, prefix: bool) -> String {
    let mut s = String::with_capacity(term.len() + 3);
    s.push('"');
    s.push_str(&term.replace('"', "\"\""));
    s.push('"');
    if prefix {
        s.push('*');
    }
    s
}

fn emit(node: &Node, out: &mut String) {
    let group = |n: &Node, out: &mut String| match n {
        Node::Term(t, p) => out.push_str(&quote(t, *p)),
        other => {
            out.push('(');
            emit(other, out);
            out.push(')');
        }
    };
    let list = |parts: &[Node], op: &str, out: &mut String| {
        for (i, p) in parts.iter().enumerate() {
            if i > 0 {
                out.push_str(op);
            }
            group(p, out);
        }
    };
    match node {
        Node::Term(t, p) => out.push_str(&quote(t, *p)),
        Node::And(parts) => list(parts, " AND ", out),
        Node::Or(parts) => list(parts, " OR ", out),
        Node::Not(first, without) => {
            group(first, out);
            for w in without {
                out.push_str(" NOT ");
                group(w, out);
            }
        }
    }
}

/// Reads what was typed into the words filter; gives the FTS5 query to run, or what to fix.
pub fn translate(text: &str) -> Result<String, String> {
    let tokens = lex(text);
    let terms = tokens.iter().filter(|t| matches!(t, Token::Term(..))).count();
    if terms == 0 {
        return Err(format!("the words filter {text:?} has no word to look for (letters or digits)"));
    }
    if terms > MAX_TERMS {
        return Err(format!("the words filter has {terms} words; at most {MAX_TERMS}"));
    }
    let mut p = Parser { tokens, at: 0, depth: 0 };
    let node = p.or().map_err(|e| format!("the words filter {text:?}: {e}"))?;
    if p.at < p.tokens.len() {
        let what = match p.peek() {
            Some(Token::Close) => "a ) closes no group: take it away or add a ( before it".to_string(),
            t => format!("unexpected {}", name(t)),
        };
        return Err(format!("the words filter {text:?}: {what}"));
    }
    let mut out = String::new();
    emit(&node, &mut out);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> String {
        translate(text).unwrap_or_else(|e| panic!("{text:?} refused: {e}"))
    }

    fn refused(text: &str) -> String {
        match translate(text) {
            Ok(q) => panic!("{text:?} read as {q:?}"),
            Err(e) => e,
        }
    }

    #[test]
    fn plain_words_are_words() {
        assert_eq!(ok("ambushed"), r#""ambushed""#);
        assert_eq!(ok("peace deal"), r#""peace" AND "deal""#);
        assert_eq!(ok("'; DROP"), r#""DROP""#);
        assert_eq!(ok("don't"), r#""don't""#);
        assert_eq!(ok("text:peace ^deal +x NEAR"), r#""text:peace" AND "^deal" AND "+x" AND "NEAR""#);
        assert_eq!(ok("Ménaka"), r#""Ménaka""#);
        assert_eq!(ok("peace and war or not"), r#""peace" AND "and" AND "war" AND "or" AND "not""#);
        assert_eq!(ok("peace\0deal\u{1b}"), r#""peace" AND "deal""#, "control characters separate words");
        assert_eq!(ok("\"peace\0deal"), r#""peace deal""#);
    }

    #[test]
    fn quotes_make_phrases_even_left_open() {
        assert_eq!(ok(r#""peace deal" Niono"#), r#""peace deal" AND "Niono""#);
        assert_eq!(ok(r#""unterminated"#), r#""unterminated""#);
        assert_eq!(ok(r#"truce "broke down"#), r#""truce" AND "broke down""#);
        assert_eq!(ok(r#"a"b"c"#), r#""a" AND "b" AND "c""#);
        assert_eq!(ok(r#""" peace "#), r#""peace""#, "an empty phrase is no word");
    }

    #[test]
    fn prefixes_keep_their_star() {
        assert_eq!(ok("negotiat*"), r#""negotiat"*"#);
        assert_eq!(ok(r#""peace tal"* OR truce**"#), r#""peace tal"* OR "truce"*"#);
        assert_eq!(ok("* peace"), r#""peace""#);
    }

    #[test]
    fn operators_group_and_bind_as_documented() {
        assert_eq!(ok("jnim OR hunters"), r#""jnim" OR "hunters""#);
        assert_eq!(ok("a b OR c"), r#"("a" AND "b") OR "c""#);
        assert_eq!(ok("truce NOT broke"), r#""truce" NOT "broke""#);
        assert_eq!(ok("truce AND NOT broke"), r#""truce" NOT "broke""#);
        assert_eq!(ok("a AND NOT b NOT c d"), r#"("a" AND "d") NOT "b" NOT "c""#);
        assert_eq!(ok("a NOT b c"), r#"("a" NOT "b") AND "c""#);
        assert_eq!(ok("a (b OR c)"), r#""a" AND ("b" OR "c")"#);
        assert_eq!(ok("(a OR b) NOT (c d)"), r#"("a" OR "b") NOT ("c" AND "d")"#);
        assert_eq!(ok("(a OR b"), r#""a" OR "b""#, "a group left open closes at the end");
        assert_eq!(ok("((a))"), r#""a""#);
    }

    #[test]
    fn what_cannot_be_read_says_what_to_fix() {
        assert!(refused("NOT war").contains("NOT needs words before it"));
        assert!(refused("peace OR").contains("OR needs words after it"));
        assert!(refused("AND peace").contains("AND needs words before it"));
        assert!(refused("peace AND OR war").contains("AND needs words after it, and OR follows"));
        assert!(refused("peace AND NOT").contains("AND NOT needs words after it"));
        assert!(refused("peace)").contains("a ) closes no group"));
        assert!(refused("peace () war").contains("holds no word"));
        assert!(refused("'").contains("no word to look for"));
        assert!(refused("\"\"").contains("no word to look for"));
        assert!(refused(&"(".repeat(MAX_DEPTH + 1).replace('(', "(a ")).contains("nested"));
        assert!(refused(&"a ".repeat(MAX_TERMS + 1)).contains("at most"));
    }

    #[test]
    fn quotes_inside_words_are_doubled() {
        // A quote can only reach a term through a word that lexing split off; check the quoting itself.
        assert_eq!(quote(r#"a"b"#, false), r#""a""b""#);
    }

    /// Every translation runs in SQLite's FTS5 without an error, whatever was typed.
    #[test]
    fn every_translation_runs_in_fts5() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE VIRTUAL TABLE f USING fts5 (text);
             INSERT INTO f (text) VALUES ('the truce broke down near Niono'), ('JNIM and hunters signed a deal');",
        )
        .unwrap();
        let inputs = [
            "'; DROP",
            "\"unterminated",
            "truce",
            "truce NOT broke",
            "(jnim OR hunters) deal",
            "negotiat* OR \"broke dow\"*",
            "a (b (c (d OR e) NOT f) g) OR h",
            "don't ^x text:y NEAR(a b)",
            "🔥 war",
            "\u{345} peace",
            "((((((((((((((((a))))))))))))))))",
            "text=%22unterminated&cameo=20&\u{1b}\0\0\0\0\0\0\u{0}021-03",
            "\"a\0b\"",
            "a OR (b NOT (c OR (d e NOT (f OR (g h NOT (i OR (j k NOT (l OR (m n NOT (o OR (p q NOT (r OR (s t NOT (u OR (v w)))))))))))))))",
        ];
        let mut found = 0;
        for text in inputs {
            let Ok(q) = translate(text) else { continue };
            let n: i64 = conn
                .query_row("SELECT COUNT(*) FROM f WHERE f MATCH ?1", [&q], |r| r.get(0))
                .unwrap_or_else(|e| panic!("{text:?} -> {q:?}: {e}"));
            found += n;
        }
        assert!(found >= 3, "the queries find the rows they name ({found})");
        let q = translate("truce NOT broke").unwrap();
        let n: i64 = conn.query_row("SELECT COUNT(*) FROM f WHERE f MATCH ?1", [&q], |r| r.get(0)).unwrap();
        assert_eq!(n, 0);
        let q = translate("(jnim OR hunters) deal").unwrap();
        let n: i64 = conn.query_row("SELECT COUNT(*) FROM f WHERE f MATCH ?1", [&q], |r| r.get(0)).unwrap();
        assert_eq!(n, 1);
    }
}
