//! The names the database knows, found in running text: provinces, China's cities, Korean
//! places and officials (by every alias: `Oh Se-hoon`, `Oh Sehoon`, `오세훈`, `信长星`, `신창싱`).
//! Built once per draft from `store::names::Spellings`, searched with one aho-corasick
//! automaton over a folded copy of the text (lowercase; hyphens, apostrophes and middle
//! dots dropped; spaces collapsed), so `Xi'an`, `Xian` and `Oh Se-hoon`/`Oh Sehoon` match.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, MatchKind};

use super::sentences::{is_han, is_hangul};
use crate::store::names::Spellings;
use crate::store::region::Country;

#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    Province {
        id: i64,
        name: String,
    },
    City {
        name: String,
        province: String,
        county: bool,
    },
    /// A Korean place; `detail` grows from province (1) to city (3) and district (4).
    Place {
        id: i64,
        name: String,
        detail: u8,
    },
    Official {
        id: i64,
        name: String,
        country: String,
    },
}

/// A name found in a text: byte offsets into the original text, and what it may mean.
#[derive(Debug, Clone)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub targets: Vec<Target>,
}

impl Hit {
    pub fn province(&self) -> Option<&str> {
        self.targets.iter().find_map(|t| match t {
            Target::Province { name, .. } => Some(name.as_str()),
            _ => None,
        })
    }

    /// The cities it may name (two for Suzhou, Taizhou, ...).
    pub fn cities(&self) -> Vec<(&str, &str, bool)> {
        self.targets
            .iter()
            .filter_map(|t| match t {
                Target::City {
                    name,
                    province,
                    county,
                } => Some((name.as_str(), province.as_str(), *county)),
                _ => None,
            })
            .collect()
    }

    pub fn place(&self) -> Option<&str> {
        self.targets.iter().find_map(|t| match t {
            Target::Place { name, .. } => Some(name.as_str()),
            _ => None,
        })
    }

    /// How specific a Korean place is: a province 1, a metropolitan city 2, a city 3, a
    /// district 4; a neighbourhood within a city (`Yeouido`, `Songdo`) 0.
    pub fn detail(&self) -> u8 {
        self.targets
            .iter()
            .find_map(|t| match t {
                Target::Place { detail, .. } => Some(*detail),
                _ => None,
            })
            .unwrap_or(0)
    }

    pub fn official(&self) -> Option<(&str, &str)> {
        self.targets.iter().find_map(|t| match t {
            Target::Official { name, country, .. } => Some((name.as_str(), country.as_str())),
            _ => None,
        })
    }
}

pub struct Lexicon {
    automaton: AhoCorasick,
    targets: Vec<Vec<Target>>,
    /// Per pattern: how strict its edges are (see `edges_ok`).
    edges: Vec<Edge>,
    /// Officials by display name: their side (China, Korea, Other).
    pub sides: HashMap<String, String>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Edge {
    /// Latin letters: whole words only.
    Word,
    /// Hangul: not glued to a syllable before; anything after (particles).
    Hangul,
    /// A short Hangul place name that is also an everyday word (`지난` Jinan / "last",
    /// `저장` Zhejiang / "saving", `경기` Gyeonggi / "a game"): only with a place suffix.
    HangulSuffixed,
    /// A Korean place whose name is also an everyday noun (`강화` Ganghwa / "strengthening",
    /// `예산` Yesan / "budget", `진도` Jindo / "progress"): only with its own suffix
    /// (`강화군`, `강화도`, `진도(珍島)`).
    HangulPlaceWord,
    /// The same in Chinese characters (`高兴` Goheung / "glad"): only with a suffix.
    HanPlaceWord,
    /// Chinese characters: no word boundaries in the script.
    Free,
}

/// Lowercase, without hyphens, apostrophes and middle dots, spaces collapsed; with the
/// original byte offset of each folded byte (and one past the end).
pub fn fold(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    let mut space = false;
    for (i, c) in text.char_indices() {
        // A possessive (`Dalian's governor`, `Seoul’s mayor`) ends the name: a space, so the
        // name is still a whole word (`Xi'an` keeps its apostrophe dropped).
        if matches!(c, '\'' | '’')
            && !out.is_empty()
            && text[i + c.len_utf8()..].starts_with('s')
            && !text[i + c.len_utf8() + 1..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
        {
            if !space {
                out.push(' ');
                map.push(i);
            }
            space = true;
            continue;
        }
        if matches!(c, '-' | '\'' | '’' | '‘' | '·' | '‧' | '•') {
            continue;
        }
        if c.is_whitespace() {
            if !space && !out.is_empty() {
                out.push(' ');
                map.push(i);
            }
            space = true;
            continue;
        }
        space = false;
        for l in c.to_lowercase() {
            let before = out.len();
            out.push(l);
            map.extend(std::iter::repeat_n(i, out.len() - before));
        }
    }
    map.push(text.len());
    (out, map)
}

/// Whether a short Hangul name of a Chinese place reads only as that place: it holds a
/// syllable Korean words hardly use but transliterations of Chinese do (`쑤`, `둥`, `톈`), or
/// it is a province or city name no Korean word shares (`광시`, `우한`). Others (`지난`
/// Jinan / "last", `한중` Hanzhong / "Korea-China", `선전` Shenzhen / "publicity") count only
/// with a place suffix.
fn transliterated(name: &str) -> bool {
    const SYLLABLES: &str =
        "쑤쓰둥쯔쭌쭤퉁톈샹셴뤄룽몐츠칭윈잉궈쥔녠롄옌쉬샤싼둬뤼펀벙첸좡훙톄닝딩젠짱쿤릉쥐";
    const NAMES: [&str; 12] = [
        "광시", "허난", "후난", "지린", "푸젠", "우한", "난징", "청두", "창춘", "난창", "시닝",
        "라싸",
    ];
    name.chars().any(|c| SYLLABLES.contains(c)) || NAMES.contains(&name)
}

/// Korean place names that are also common Sino-Korean nouns in news prose (`협력을
/// 강화하기로`, `예산을 늘려`, `영광이다`).
const PLACE_WORDS: [&str; 12] = [
    "강화", "진도", "영광", "예산", "공주", "보은", "화성", "고성", "성주", "기장", "인제", "청도",
];

/// Korean places whose names in Chinese characters are common Chinese words or Chinese
/// places (`高兴` Goheung / "glad", `长城` Jangseong / the Great Wall, `南海` Namhae / the
/// South China Sea, `扶余` Buyeo / Fuyu in Jilin): only with their suffix (`高兴郡`).
const HAN_PLACE_WORDS: [&str; 14] = [
    "高兴", "光明", "和顺", "东海", "南海", "长城", "新安", "青松", "长水", "太白", "利川", "高阳",
    "扶余", "江华",
];

fn edge_of(folded: &str, korean_place: bool) -> Edge {
    let first = folded.chars().next().unwrap_or(' ');
    if korean_place && HAN_PLACE_WORDS.contains(&folded) {
        Edge::HanPlaceWord
    } else if first.is_ascii_alphanumeric() {
        Edge::Word
    } else if is_hangul(first) {
        if korean_place && PLACE_WORDS.contains(&folded) {
            Edge::HangulPlaceWord
        } else if folded.chars().count() <= 2 && !korean_place && !transliterated(folded) {
            Edge::HangulSuffixed
        } else {
            Edge::Hangul
        }
    } else {
        Edge::Free
    }
}

impl Lexicon {
    pub fn build(spellings: &Spellings) -> Lexicon {
        let mut by_pattern: HashMap<String, (Vec<Target>, Edge)> = HashMap::new();
        let mut add = |alias: &str, target: Target, korean_place: bool| {
            let (folded, _) = fold(alias.trim());
            if folded.chars().count() < 2 {
                return;
            }
            let edge = edge_of(&folded, korean_place);
            let entry = by_pattern
                .entry(folded)
                .or_insert_with(|| (Vec::new(), edge));
            if !entry.0.contains(&target) {
                entry.0.push(target);
            }
        };
        let mut sides = HashMap::new();
        for (country, alias, id, name, kind) in &spellings.regions {
            let target = match country {
                Country::China => Target::Province {
                    id: *id,
                    name: name.clone(),
                },
                Country::Korea => Target::Place {
                    id: *id,
                    name: name.clone(),
                    detail: match kind.as_str() {
                        "province" | "special self-governing province" => 1,
                        "district" => 4,
                        // A neighbourhood (`Yeouido`, `Songdo`): the city it is in is
                        // the place a report's delegation went to.
                        "area" => 0,
                        k if k.ends_with(" city") => 2,
                        _ => 3,
                    },
                },
            };
            add(alias, target, *country == Country::Korea);
        }
        for (alias, city) in &spellings.cities {
            add(
                alias,
                Target::City {
                    name: city.name.clone(),
                    province: city.province.clone(),
                    county: city.county_level,
                },
                false,
            );
        }
        for (alias, id, name, country) in &spellings.officials {
            sides.insert(name.clone(), country.clone());
            add(
                alias,
                Target::Official {
                    id: *id,
                    name: name.clone(),
                    country: country.clone(),
                },
                true,
            );
        }
        let mut patterns: Vec<(String, (Vec<Target>, Edge))> = by_pattern.into_iter().collect();
        patterns.sort_by(|a, b| a.0.cmp(&b.0));
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(patterns.iter().map(|(p, _)| p.as_str()))
            .expect("the automaton builds");
        let (targets, edges) = patterns.into_iter().map(|(_, (t, e))| (t, e)).unzip();
        Lexicon {
            automaton,
            targets,
            edges,
            sides,
        }
    }

    /// Every known name in `text`, left to right, none overlapping.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        let (folded, map) = fold(text);
        let mut out = Vec::new();
        for m in self.automaton.find_iter(&folded) {
            let i = m.pattern().as_usize();
            if !edges_ok(&folded, m.start(), m.end(), self.edges[i]) {
                continue;
            }
            let mut hit = Hit {
                start: map[m.start()],
                end: map[m.end()],
                targets: self.targets[i].clone(),
            };
            if hit.place().is_some() && not_korean_place(text, &hit) {
                hit.targets.retain(|t| !matches!(t, Target::Place { .. }));
                if hit.targets.is_empty() {
                    continue;
                }
            }
            out.push(hit);
        }
        out
    }
}

fn edges_ok(folded: &str, start: usize, end: usize, edge: Edge) -> bool {
    let before = folded[..start].chars().next_back();
    let after = folded[end..].chars().next();
    match edge {
        Edge::Word => {
            !before.is_some_and(|c| c.is_alphanumeric() && !is_han(c) && !is_hangul(c))
                && !after.is_some_and(|c| c.is_alphanumeric() && !is_han(c) && !is_hangul(c))
        }
        Edge::Hangul => !before.is_some_and(is_hangul),
        // Not `주` (州): `지난주` is "last week", not Jinan.
        Edge::HangulSuffixed => {
            !before.is_some_and(is_hangul)
                && after.is_some_and(|c| {
                    matches!(
                        c,
                        '성' | '시' | '(' | '（' | '省' | '市' | '자' | '위' | '현' | '도'
                    )
                })
        }
        Edge::HangulPlaceWord => {
            !before.is_some_and(is_hangul)
                && after.is_some_and(|c| matches!(c, '군' | '시' | '도' | '읍' | '면' | '(' | '（'))
        }
        Edge::HanPlaceWord => {
            after.is_some_and(|c| matches!(c, '市' | '郡' | '区' | '道' | '(' | '（'))
        }
        Edge::Free => true,
    }
}

/// What the script around a Korean place's name says it is not:
/// - written in Chinese characters and also the name of a Chinese province or city (`海南`
///   Hainan / Haenam, `河南` Henan / Hanam, `泰安` Tai'an / Taean, `广州`): the Chinese one,
///   as a report writes Korean places in Hangul (a Chinese report spells the Korean one out,
///   `京畿道河南市`, a longer name found as such);
/// - in Hangul followed by `성` (`해남성`, `하남성`): the Sino-Korean reading of a Chinese
///   province;
/// - in Hangul with one more syllable glued on that no place name takes (`홍성주 대구시
///   경제부시장`): a person's name that begins like a place.
fn not_korean_place(text: &str, h: &Hit) -> bool {
    let surface = &text[h.start..h.end];
    let chinese_too = h
        .targets
        .iter()
        .any(|t| matches!(t, Target::Province { .. } | Target::City { .. }));
    if surface.chars().all(is_han) {
        return chinese_too;
    }
    if !surface.chars().all(is_hangul) {
        return false;
    }
    let mut after = text[h.end..].chars();
    let (next, then) = (after.next(), after.next());
    let word_ends =
        |c: Option<char>| c.is_none_or(|c| !is_hangul(c) || "은는이을의에과와".contains(c));
    if next == Some('성') && word_ends(then) {
        return true;
    }
    // Suffixes of a place (`시`, `군`, `항`, `대` a university) and one-syllable particles.
    const TAKES: &str = "시군구도읍면동리항역청대산은는이가을를의에와과로서만측";
    surface.chars().count() == 2
        && next.is_some_and(|c| is_hangul(c) && !TAKES.contains(c))
        && !then.is_some_and(is_hangul)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon() -> Lexicon {
        Lexicon::build(&Spellings {
            regions: vec![
                (
                    Country::China,
                    "Shandong".into(),
                    15,
                    "Shandong".into(),
                    "province".into(),
                ),
                (
                    Country::China,
                    "산둥".into(),
                    15,
                    "Shandong".into(),
                    "province".into(),
                ),
                (
                    Country::China,
                    "저장".into(),
                    11,
                    "Zhejiang".into(),
                    "province".into(),
                ),
                (
                    Country::Korea,
                    "Seoul".into(),
                    34,
                    "Seoul".into(),
                    "special city".into(),
                ),
                (
                    Country::Korea,
                    "首尔".into(),
                    34,
                    "Seoul".into(),
                    "special city".into(),
                ),
            ],
            officials: vec![
                ("Oh Se-hoon".into(), 1, "Oh Se-hoon".into(), "Korea".into()),
                ("신창싱".into(), 2, "Xin Changxing".into(), "China".into()),
            ],
            cities: vec![],
        })
    }

    #[test]
    fn names_are_found_in_every_script_and_spelling() {
        let l = lexicon();
        let text = "Mayor Oh Sehoon of Seoul met 신창싱 중국 산둥성 당서기 in 首尔市.";
        let hits = l.find(text);
        let found: Vec<&str> = hits.iter().map(|h| &text[h.start..h.end]).collect();
        assert_eq!(found, vec!["Oh Sehoon", "Seoul", "신창싱", "산둥", "首尔"]);
        assert_eq!(hits[0].official(), Some(("Oh Se-hoon", "Korea")));
        assert!(l.find("Seoulite").is_empty(), "whole words only");
        let hits = l.find("Seoul's mayor and Shandong’s governor");
        assert_eq!(hits.len(), 2, "a possessive ends a name: {hits:?}");
        assert_eq!(hits[0].end, "Seoul".len());
        assert!(l.find("파일을 저장하다").is_empty(), "저장 is also a word");
    }
}
