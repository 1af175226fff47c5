//! The cleaned report as sentences, with its language (by the script most of it is in)
//! and the publication date partial dates are read against.

use chrono::NaiveDate;

use super::clean::Cleaned;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Ko,
    Zh,
}

#[derive(Debug, Clone)]
pub struct Sentence {
    pub text: String,
    /// The first line of the report (its headline): a summary, never dated activity.
    pub headline: bool,
}

pub struct Doc {
    pub sentences: Vec<Sentence>,
    pub lang: Lang,
    pub published: NaiveDate,
}

pub fn is_hangul(c: char) -> bool {
    ('\u{ac00}'..='\u{d7a3}').contains(&c)
}

pub fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

fn language(lines: &[String]) -> Lang {
    let (mut ko, mut zh, mut en) = (0usize, 0usize, 0usize);
    for c in lines.iter().flat_map(|l| l.chars()) {
        if is_hangul(c) {
            ko += 1;
        } else if is_han(c) {
            zh += 1;
        } else if c.is_ascii_alphabetic() {
            en += 1;
        }
    }
    // A Latin letter carries less than a syllable or a character.
    if ko * 3 >= en && ko >= zh {
        Lang::Ko
    } else if zh * 3 >= en {
        Lang::Zh
    } else {
        Lang::En
    }
}

const ABBREVIATIONS: [&str; 24] = [
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mr",
    "mrs", "ms", "dr", "st", "no", "gov", "gen", "u.s", "p.m", "a.m", "vs",
];

/// Splits a line into sentences: at 。！？ always, and at . ! ? followed by a space unless the
/// word before the full stop is an abbreviation ("Dec. 4", "4 p.m. the same day").
pub(super) fn split(line: &str) -> Vec<String> {
    let chars: Vec<char> = line.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let end = match c {
            '。' | '！' | '？' => true,
            '.' | '!' | '?' => {
                let next_space = chars.get(i + 1).is_none_or(|n| n.is_whitespace());
                let word: String = chars[start..i]
                    .iter()
                    .rev()
                    .take_while(|c| !c.is_whitespace() && **c != '(')
                    .collect::<String>()
                    .chars()
                    .rev()
                    .collect::<String>()
                    .to_lowercase();
                let next_capital = chars.get(i + 2).is_some_and(|n| n.is_uppercase());
                let clock = matches!(word.as_str(), "p.m" | "a.m") && next_capital;
                let abbreviation = c == '.'
                    && !clock
                    && (ABBREVIATIONS.contains(&word.as_str())
                        || (word.len() == 1 && word.chars().all(|c| c.is_alphabetic())));
                let next_lower = chars
                    .get(i + 2)
                    .is_some_and(|n| n.is_lowercase() && n.is_ascii());
                next_space && !abbreviation && !next_lower
            }
            _ => false,
        };
        if end {
            // Keep a closing quote or bracket with its sentence.
            while chars
                .get(i + 1)
                .is_some_and(|n| matches!(n, '"' | '”' | '’' | '」' | '）' | ')'))
            {
                i += 1;
            }
            let s: String = chars[start..=i].iter().collect();
            if !s.trim().is_empty() {
                out.push(s.trim().to_string());
            }
            start = i + 1;
        }
        i += 1;
    }
    let rest: String = chars[start.min(chars.len())..].iter().collect();
    if !rest.trim().is_empty() {
        out.push(rest.trim().to_string());
    }
    out
}

/// Whether a line reads as a headline: it does not end as a sentence does.
fn is_headline(line: &str) -> bool {
    !ends_as_sentence(line)
}

/// Whether a line or sentence ends with a sentence's final stop (quotes and brackets
/// around the end aside): a headline, a subhead or a byline line does not.
pub fn ends_as_sentence(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(['"', '”', '’', '\'', '」', '）', ')'])
        .ends_with(['.', '。', '!', '！', '?', '？'])
}

impl Doc {
    pub fn new(cleaned: &Cleaned, published: NaiveDate) -> Doc {
        let lang = language(&cleaned.lines);
        // The first line is a headline by its shape, not its place: a line of its own, above
        // others, that does not end as a sentence does. A one-line paste (Discord's text
        // option) or a report starting with its lead has none.
        let titled =
            cleaned.lines.len() > 1 && cleaned.lines.first().is_some_and(|l| is_headline(l));
        let mut sentences = Vec::new();
        for (para, line) in cleaned.lines.iter().enumerate() {
            for text in split(line) {
                sentences.push(Sentence {
                    text,
                    headline: para == 0 && titled,
                });
            }
        }
        Doc {
            sentences,
            lang,
            published,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_end_where_they_end_in_each_script() {
        assert_eq!(
            split("Liu is leading a Dec. 1-4 visit. He met Lee at 4 p.m. the same day. Done."),
            vec![
                "Liu is leading a Dec. 1-4 visit.",
                "He met Lee at 4 p.m. the same day.",
                "Done."
            ]
        );
        assert_eq!(
            split("10日，赵豪志在仁川会见刘正福。他说，合作。"),
            vec!["10日，赵豪志在仁川会见刘正福。", "他说，合作。"]
        );
        assert_eq!(
            split("류 서기는 1일 입국했다. 방한단은 15명이다."),
            vec!["류 서기는 1일 입국했다.", "방한단은 15명이다."]
        );
    }
}
