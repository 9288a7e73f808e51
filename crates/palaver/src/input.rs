//! Reading articles: a text file, a directory of `.txt` files, JSONL records, or standard input.
//! A bad record is reported with its file and line and skipped; the others are still read.

use palaver_core::Article;
use serde_json::Value;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// The longest record (a JSONL line or a text file) that is read; longer ones are reported.
pub const MAX_RECORD: usize = 4 << 20;

/// An article with where it came from ("file:line").
#[derive(Debug)]
pub struct Record {
    pub article: Article,
    pub origin: String,
}

/// A record that could not be read.
#[derive(Debug, PartialEq, Eq)]
pub struct InputError {
    pub origin: String,
    pub message: String,
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.origin, self.message)
    }
}

/// What a reader yields: an article or the reason a record was skipped.
pub type Item = Result<Record, InputError>;

fn err(origin: impl Into<String>, message: impl Into<String>) -> Item {
    Err(InputError { origin: origin.into(), message: message.into() })
}

/// Every input named on the command line, in order, as a stream of items.
pub fn read_all(paths: &[PathBuf], mut emit: impl FnMut(Item) -> bool) {
    for path in paths {
        if !read_path(path, &mut emit) {
            return;
        }
    }
}

/// Reads one path; returns false when the consumer asked to stop.
fn read_path(path: &Path, emit: &mut impl FnMut(Item) -> bool) -> bool {
    if path.as_os_str() == "-" {
        let stdin = io::stdin();
        return read_stream("<stdin>", &mut stdin.lock(), emit);
    }
    let name = path.display().to_string();
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => return emit(err(name, format!("cannot open: {e}"))),
    };
    if meta.is_dir() {
        return read_dir(path, emit);
    }
    match File::open(path) {
        Ok(f) => {
            let mut r = BufReader::with_capacity(1 << 16, f);
            if is_jsonl_name(path) {
                read_jsonl(&name, &mut r, emit)
            } else {
                emit(read_text(&name, stem(path), &mut r))
            }
        }
        Err(e) => emit(err(name, format!("cannot open: {e}"))),
    }
}

fn is_jsonl_name(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some("jsonl" | "ndjson" | "json"))
}

fn stem(path: &Path) -> String {
    path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "article".into())
}

/// The `.txt` files of a directory, in name order; other files are reported and skipped.
fn read_dir(dir: &Path, emit: &mut impl FnMut(Item) -> bool) -> bool {
    let name = dir.display().to_string();
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => return emit(err(name, format!("cannot list directory: {e}"))),
    };
    entries.sort();
    for p in entries {
        let is_txt = p.extension().is_some_and(|e| e == "txt");
        let go = if p.is_dir() {
            true
        } else if is_txt || is_jsonl_name(&p) {
            read_path(&p, emit)
        } else {
            emit(err(p.display().to_string(), "skipped: not a .txt or .jsonl file"))
        };
        if !go {
            return false;
        }
    }
    true
}

/// Standard input: JSONL when the first non-blank byte is `{`, one article of text otherwise.
pub fn read_stream(name: &str, r: &mut impl BufRead, emit: &mut impl FnMut(Item) -> bool) -> bool {
    let first = loop {
        let buf = match r.fill_buf() {
            Ok(b) => b,
            Err(e) => return emit(err(name, format!("cannot read: {e}"))),
        };
        if buf.is_empty() {
            break None;
        }
        match buf.iter().position(|b| !b.is_ascii_whitespace()) {
            Some(p) => break Some(buf[p]),
            None => {
                let n = buf.len();
                r.consume(n);
            }
        }
    };
    match first {
        None => emit(err(name, "empty input: no article to code")),
        Some(b'{') => read_jsonl(name, r, emit),
        Some(_) => emit(read_text(name, "stdin".into(), r)),
    }
}

/// One text file as one article.
fn read_text(name: &str, id: String, r: &mut impl Read) -> Item {
    let mut bytes = Vec::new();
    if let Err(e) = r.take(MAX_RECORD as u64 + 1).read_to_end(&mut bytes) {
        return err(name, format!("cannot read: {e}"));
    }
    if bytes.len() > MAX_RECORD {
        return err(name, format!("longer than {} MiB: not coded", MAX_RECORD >> 20));
    }
    if bytes.contains(&0) {
        return err(name, "binary file (it holds NUL bytes): not coded");
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => return err(name, format!("invalid UTF-8 at byte {}: not coded", e.utf8_error().valid_up_to())),
    };
    if text.trim().is_empty() {
        return err(name, "empty file: no article to code");
    }
    Ok(Record { article: Article::new(id, text), origin: name.to_string() })
}

/// Reads a line of at most [`MAX_RECORD`] bytes. Returns Ok(None) at the end, Ok(Some(false))
/// for a line that was too long (and has been skipped), Ok(Some(true)) for a line in `buf`.
fn read_line_limited(r: &mut impl BufRead, buf: &mut Vec<u8>) -> io::Result<Option<bool>> {
    buf.clear();
    let mut too_long = false;
    let mut any = false;
    loop {
        let chunk = r.fill_buf()?;
        if chunk.is_empty() {
            return Ok(any.then_some(!too_long));
        }
        any = true;
        let (take, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(p) => (p + 1, true),
            None => (chunk.len(), false),
        };
        if !too_long {
            if buf.len() + take > MAX_RECORD + 1 {
                too_long = true;
                buf.clear();
            } else {
                buf.extend_from_slice(&chunk[..take]);
            }
        }
        r.consume(take);
        if done {
            return Ok(Some(!too_long));
        }
    }
}

/// JSONL records, one a line: `{id, text, date?, title?, source?, url?}`.
fn read_jsonl(name: &str, r: &mut impl BufRead, emit: &mut impl FnMut(Item) -> bool) -> bool {
    let mut buf = Vec::new();
    let mut line = 0usize;
    let mut any = false;
    loop {
        line += 1;
        let origin = format!("{name}:{line}");
        let item = match read_line_limited(r, &mut buf) {
            Ok(None) => break,
            Err(e) => return emit(err(origin, format!("cannot read: {e}"))),
            Ok(Some(false)) => err(origin, format!("line longer than {} MiB: not coded", MAX_RECORD >> 20)),
            Ok(Some(true)) => {
                if buf.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                parse_record(&origin, &buf, line)
            }
        };
        any = true;
        if !emit(item) {
            return false;
        }
    }
    if !any {
        return emit(err(name, "empty file: no record to code"));
    }
    true
}

/// One JSONL line into an article.
pub fn parse_record(origin: &str, bytes: &[u8], line: usize) -> Item {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => return err(origin, format!("invalid UTF-8 at byte {}: record not coded", e.valid_up_to())),
    };
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => return err(origin, format!("malformed JSON ({e}): record not coded")),
    };
    let Value::Object(obj) = value else {
        return err(origin, "a record must be a JSON object: record not coded");
    };
    let field = |k: &str| -> Result<Option<String>, String> {
        match obj.get(k) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(Value::Number(n)) if k == "id" => Ok(Some(n.to_string())),
            Some(_) => Err(format!("field {k:?} must be a string: record not coded")),
        }
    };
    let get = |k: &str| field(k);
    let (id, text, date, title, source, url) =
        match (get("id"), get("text"), get("date"), get("title"), get("source"), get("url")) {
            (Ok(a), Ok(b), Ok(c), Ok(d), Ok(e), Ok(f)) => (a, b, c, d, e, f),
            (a, b, c, d, e, f) => {
                let m = [a, b, c, d, e, f].into_iter().find_map(Result::err).unwrap_or_default();
                return err(origin, m);
            }
        };
    let Some(text) = text else {
        return err(origin, "no \"text\" field: record not coded");
    };
    let lang = match get("lang") {
        Ok(lang) => lang,
        Err(m) => return err(origin, m),
    };
    let id = id.unwrap_or_else(|| format!("line{line}"));
    let article = Article { id, text, date, title, source, url, lang };
    Ok(Record { article, origin: origin.to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(input: &[u8]) -> Vec<Item> {
        let mut out = Vec::new();
        read_stream("t", &mut io::Cursor::new(input), &mut |i| {
            out.push(i);
            true
        });
        out
    }

    #[test]
    fn jsonl_bad_lines_are_reported_and_others_kept() {
        let input = b"{\"id\":\"a\",\"text\":\"x\"}\n{bad\n\n{\"id\":\"b\",\"text\":\"\xff\"}\n[1]\n{\"id\":2,\"text\":\"y\",\"date\":\"2021-01-02\"}\n";
        let got = items(input);
        assert_eq!(got.len(), 5);
        assert_eq!(got[0].as_ref().unwrap().article.id, "a");
        assert!(got[1].as_ref().unwrap_err().message.contains("malformed JSON"));
        assert_eq!(got[1].as_ref().unwrap_err().origin, "t:2");
        assert!(got[2].as_ref().unwrap_err().message.contains("UTF-8"));
        assert_eq!(got[2].as_ref().unwrap_err().origin, "t:4");
        assert!(got[3].as_ref().unwrap_err().message.contains("JSON object"));
        assert_eq!(got[4].as_ref().unwrap().article.id, "2");
    }

    #[test]
    fn overlong_line_is_skipped_without_losing_the_next() {
        let mut input = b"{\"id\":\"big\",\"text\":\"".to_vec();
        input.extend(std::iter::repeat_n(b'a', MAX_RECORD + 10));
        input.extend_from_slice(b"\"}\n{\"id\":\"small\",\"text\":\"ok\"}\n");
        let got = items(&input);
        assert!(got[0].as_ref().unwrap_err().message.contains("longer than"));
        assert_eq!(got[1].as_ref().unwrap().article.id, "small");
    }

    #[test]
    fn text_stdin_and_empty_input() {
        let got = items(b"  Gunmen attacked a camp.");
        assert_eq!(got[0].as_ref().unwrap().article.text, "  Gunmen attacked a camp.");
        assert!(items(b"  \n").pop().unwrap().unwrap_err().message.contains("empty"));
    }

    #[test]
    fn never_panics_on_random_bytes() {
        let alphabet = b"{}\":,\n\\ax\xff\xc3 0[]tid";
        let mut seed = 0x9e3779b97f4a7c15u64;
        for n in 0..2000 {
            let mut bytes = Vec::new();
            for _ in 0..(n % 97) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                bytes.push(alphabet[(seed % alphabet.len() as u64) as usize]);
            }
            let _ = items(&bytes);
            let _ = parse_record("t", &bytes, 1);
        }
    }
}
