//! Text as the search index reads it. SQLite's tokenizer keeps a run of Hangul, Hanzi or
//! Kana as one word, so `서울` would not find `서울에서` and many names (two characters)
//! are too short for trigrams. Such runs are indexed, and searched, as their overlapping
//! pairs of characters (as Lucene's CJK analyzer does), plus the run's last character on its
//! own, so that a one-character search finds any word it begins. Latin text is left to the
//! tokenizer (whole words, English endings folded). Both sides go through NFKC first, so
//! full-width letters from a CJK input method match.

use unicode_normalization::UnicodeNormalization;

/// Characters written without spaces between words.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x11FF        // Hangul Jamo
        | 0x3040..=0x30FF      // Hiragana, Katakana
        | 0x3130..=0x318F      // Hangul Compatibility Jamo
        | 0x3400..=0x4DBF      // CJK Extension A
        | 0x4E00..=0x9FFF      // CJK Unified Ideographs
        | 0xAC00..=0xD7AF      // Hangul Syllables
        | 0xF900..=0xFAFF      // CJK Compatibility Ideographs
        | 0x20000..=0x2FA1F    // CJK Extensions B.., supplement
    )
}

/// The pieces of a text: Latin words as they are, CJK runs as their characters.
enum Piece {
    Other(String),
    Cjk(Vec<char>),
}

fn pieces(text: &str) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    for c in text.nfkc() {
        let cjk = is_cjk(c);
        match out.last_mut() {
            Some(Piece::Cjk(run)) if cjk => run.push(c),
            Some(Piece::Other(s)) if !cjk => s.push(c),
            _ => out.push(if cjk {
                Piece::Cjk(vec![c])
            } else {
                Piece::Other(c.to_string())
            }),
        }
    }
    out
}

/// A CJK run as index tokens: its pairs, then its last character alone.
fn bigrams(run: &[char]) -> Vec<String> {
    let mut out: Vec<String> = run.windows(2).map(|w| w.iter().collect()).collect();
    if let Some(last) = run.last() {
        out.push(last.to_string());
    }
    out
}

/// The text to index for `text`.
pub fn index_form(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for piece in pieces(text) {
        match piece {
            Piece::Other(s) => out.push_str(&s),
            Piece::Cjk(run) => {
                out.push(' ');
                out.push_str(&bigrams(&run).join(" "));
                out.push(' ');
            }
        }
    }
    out
}

/// One term of a search: what it matches, as an FTS5 expression, and the text to look for
/// when showing where it matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub fts: String,
    pub shown: String,
    /// For a prefix (`semicon*`, or one CJK character): the beginning the words share, as
    /// `words` keeps them, so the search can name those words instead (FTS5 gathers every
    /// match of a prefix up front; of named words, only what a page needs).
    pub prefix: Option<String>,
}

/// Korean particles a search word may end in (`부산에서`, `제주의`), longest first.
const PARTICLES: [&str; 18] = [
    "에서는",
    "에서",
    "에게",
    "으로",
    "에는",
    "까지",
    "부터",
    "과의",
    "와의",
    "에",
    "의",
    "은",
    "는",
    "을",
    "를",
    "와",
    "과",
    "로",
];

/// A Hangul word without the particle it ends in, when two syllables or more remain.
fn without_particle(run: &[char]) -> Option<&[char]> {
    if !run.iter().all(|c| ('\u{AC00}'..='\u{D7A3}').contains(c)) {
        return None;
    }
    let word: String = run.iter().collect();
    PARTICLES.iter().find_map(|p| {
        let n = p.chars().count();
        (word.ends_with(p) && run.len() >= n + 2).then(|| &run[..run.len() - n])
    })
}

/// The terms of what a user typed: Latin words whole (`"word"`, or a prefix with `*`),
/// CJK runs as the phrase of their pairs (a single character as a prefix of any pair).
/// Other FTS syntax is treated as plain text. At most 20 terms.
pub fn query_terms(text: &str) -> Vec<Term> {
    let mut terms = Vec::new();
    for piece in pieces(text) {
        match piece {
            Piece::Cjk(run) => {
                let shown: String = run.iter().collect();
                let phrase = |run: &[char]| {
                    let pairs: Vec<String> = run.windows(2).map(|w| w.iter().collect()).collect();
                    format!("\"{}\"", pairs.join(" "))
                };
                let (fts, prefix) = if run.len() == 1 {
                    (format!("\"{shown}\"*"), Some(shown.clone()))
                } else {
                    match without_particle(&run) {
                        // `부산에서` finds Busan: the word, or the word without its particle.
                        Some(stem) => (format!("({} OR {})", phrase(&run), phrase(stem)), None),
                        None => (phrase(&run), None),
                    }
                };
                terms.push(Term { fts, shown, prefix });
            }
            Piece::Other(s) => {
                let mut word = String::new();
                let chars: Vec<char> = s.chars().chain([' ']).collect();
                for c in chars {
                    if c.is_alphanumeric() {
                        word.push(c);
                    } else if !word.is_empty() {
                        let star = if c == '*' { "*" } else { "" };
                        let w = std::mem::take(&mut word);
                        terms.push(Term {
                            fts: format!("\"{w}\"{star}"),
                            prefix: (c == '*').then(|| fold(&w)),
                            shown: w,
                        });
                    }
                }
            }
        }
    }
    terms.truncate(20);
    terms
}

/// A word as the tokenizer compares it: lowercase, without diacritics.
fn fold(word: &str) -> String {
    word.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The words of an indexed text (its `index_form`), as `fold` makes them: the vocabulary a
/// prefix search names words from. Numbers are left out (record numbers are not searched by
/// their beginning), and so is anything longer than a word.
pub fn words(indexed: &str) -> impl Iterator<Item = String> + '_ {
    indexed
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && w.chars().count() <= 40)
        .filter(|w| !w.chars().all(|c| c.is_ascii_digit()))
        .map(fold)
}

/// A short piece of `text` around the first place a term matches, without markers (a
/// table shows it as it is), or its beginning when none is found.
pub fn snippet(text: &str, terms: &[Term], width: usize) -> String {
    let flat: String = text
        .nfkc()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let lower = flat.to_lowercase();
    // Byte offsets in `lower` match `flat` only where lowercasing keeps lengths; find by
    // characters to stay safe.
    let chars: Vec<char> = flat.chars().collect();
    let lower_chars: Vec<char> = lower.chars().collect();
    let at = terms.iter().find_map(|t| {
        let needle: Vec<char> = t.shown.to_lowercase().chars().collect();
        if needle.is_empty() || lower_chars.len() != chars.len() {
            return None;
        }
        lower_chars
            .windows(needle.len())
            .position(|w| w == needle.as_slice())
    });
    let start = at.map_or(0, |i| i.saturating_sub(width / 3));
    let piece: String = chars.iter().skip(start).take(width).collect();
    let mut out = piece.trim().to_string();
    if start > 0 {
        out = format!("…{out}");
    }
    if start + width < chars.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_runs_become_pairs_and_latin_stays() {
        assert_eq!(
            index_form("서울에서 met 江苏省"),
            " 서울 울에 에서 서  met  江苏 苏省 省 "
        );
        assert_eq!(index_form("ＯＮＬＩＮＥ"), "ONLINE");
    }

    #[test]
    fn queries_match_what_the_index_holds() {
        let fts = |s: &str| {
            query_terms(s)
                .into_iter()
                .map(|t| t.fts)
                .collect::<Vec<_>>()
        };
        assert_eq!(fts("서울"), ["\"서울\""]);
        assert_eq!(fts("江苏省代表团"), ["\"江苏 苏省 省代 代表 表团\""]);
        assert_eq!(fts("省"), ["\"省\"*"]);
        assert_eq!(fts("semicon* Jeju"), ["\"semicon\"*", "\"Jeju\""]);
    }

    #[test]
    fn snippets_show_the_match_plainly() {
        let terms = query_terms("batteries");
        let s = snippet(
            "A long purpose about many things and then electric vehicle batteries for Jiangsu",
            &terms,
            30,
        );
        assert!(s.contains("batteries"), "{s}");
        assert!(!s.contains("**"));
    }
}
