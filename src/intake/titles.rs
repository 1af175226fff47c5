//! Officials' titles in the three languages, with the side they belong to when the title
//! alone tells (`부성장`, `省委书记` are Chinese; `도지사`, `知事`, `국무총리` Korean), how senior
//! they are (who leads a delegation), and whether they mark a national-level visitor
//! (`Premier`, `委员长`) or someone resident in Korea (an ambassador).

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::sentences::is_hangul;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    China,
    Korea,
    /// Told by the place or organization beside it (`Incheon Mayor`, `青岛市长`).
    Either,
    /// A third country's (`首相` Japan's prime minister).
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rank {
    National,
    PartySecretary,
    Governor,
    Mayor,
    ViceGovernor,
    Minister,
    Congress,
    ViceMayor,
    Official,
    /// Ambassadors and consuls: in Korea already, never part of a visiting delegation.
    Resident,
}

impl Rank {
    /// Who leads: a party secretary before a governor before a mayor ...
    pub fn weight(self) -> u8 {
        match self {
            Rank::National => 20,
            Rank::PartySecretary => 10,
            Rank::Governor => 9,
            Rank::Mayor => 8,
            Rank::Minister => 8,
            Rank::ViceGovernor => 6,
            Rank::Congress => 5,
            Rank::ViceMayor => 5,
            Rank::Official => 3,
            Rank::Resident => 1,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Title {
    /// The title in English, as a proposed official's `title` says it.
    pub english: &'static str,
    pub side: Side,
    pub rank: Rank,
    /// Only after a place or a surname (`인천시장`, `박 시장`): the bare word is also an
    /// everyday one (`시장` market, `성장` growth, `지사` branch office).
    pub needs_place: bool,
}

fn side(word: &str) -> Side {
    match word {
        "China" => Side::China,
        "Korea" => Side::Korea,
        "Other" => Side::Other,
        "Either" => Side::Either,
        _ => panic!("data/titles.tsv: no side is called {word}"),
    }
}

fn rank(word: &str) -> Rank {
    match word {
        "National" => Rank::National,
        "PartySecretary" => Rank::PartySecretary,
        "Governor" => Rank::Governor,
        "Mayor" => Rank::Mayor,
        "ViceGovernor" => Rank::ViceGovernor,
        "Minister" => Rank::Minister,
        "Congress" => Rank::Congress,
        "ViceMayor" => Rank::ViceMayor,
        "Resident" => Rank::Resident,
        "Official" => Rank::Official,
        _ => panic!("data/titles.tsv: no rank is called {word}"),
    }
}

/// Titles read beside those of `data/titles.tsv`, in its columns: the spellings newsrooms
/// give the same offices (`vice-governor`, `deputy mayor`), offices of districts, counties
/// and autonomous prefectures (`区长`, `县长`, `州长`), and assistants whose title holds a
/// higher one (`省长助理` is no governor).
const MORE_TITLES: &str = "\
vice-governor\tVice Governor\tEither\tViceGovernor
executive vice-governor\tExecutive Vice Governor\tEither\tViceGovernor
deputy governor\tVice Governor\tEither\tViceGovernor
vice-mayor\tVice Mayor\tEither\tViceMayor
executive vice mayor\tExecutive Vice Mayor\tEither\tViceMayor
executive vice-mayor\tExecutive Vice Mayor\tEither\tViceMayor
deputy mayor\tVice Mayor\tEither\tViceMayor
vice-chairman\tVice Chairman\tEither\tCongress
vice chairwoman\tVice Chairwoman\tEither\tCongress
vice-chairwoman\tVice Chairwoman\tEither\tCongress
deputy party chief\tDeputy Party Secretary\tChina\tViceMayor
party committee secretary\tParty Secretary\tChina\tPartySecretary
assistant governor\tAssistant Governor\tChina\tOfficial
assistant mayor\tAssistant Mayor\tEither\tOfficial
district chief\tDistrict Chief\tEither\tViceMayor
district head\tDistrict Head\tEither\tViceMayor
magistrate\tMagistrate\tEither\tViceMayor
区长\tDistrict Head\tChina\tViceMayor
副区长\tDeputy District Head\tChina\tOfficial
县长\tCounty Magistrate\tChina\tViceMayor
副县长\tDeputy County Magistrate\tChina\tOfficial
州长\tPrefecture Governor\tEither\tMayor
副州长\tVice Prefecture Governor\tChina\tViceMayor
省长助理\tAssistant Governor\tChina\tOfficial
市长助理\tAssistant Mayor\tEither\tOfficial
성장조리\tAssistant Governor\tChina\tOfficial
시장조리\tAssistant Mayor\tChina\tOfficial
";

/// The titles of `data/titles.tsv` (its header says what each column means), then
/// `MORE_TITLES`.
static TITLES: LazyLock<Vec<(&'static str, Title)>> = LazyLock::new(|| {
    include_str!("../../data/titles.tsv")
        .lines()
        .chain(MORE_TITLES.lines())
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let cols: Vec<&'static str> = l.split('\t').collect();
            let title = Title {
                english: cols[1],
                side: side(cols[2]),
                rank: rank(cols[3]),
                needs_place: cols.get(4) == Some(&"placed"),
            };
            (cols[0], title)
        })
        .collect()
});

static AUTOMATON: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .kind(Some(AhoCorasickKind::DFA))
        .build(TITLES.iter().map(|(p, _)| *p))
        .expect("titles build")
});

#[derive(Debug, Clone, Copy)]
pub struct TitleHit {
    pub start: usize,
    pub end: usize,
    pub title: Title,
    /// A title that needs a place standing apart from the word before it (`치치하얼 시장`):
    /// a title only where that word is a place (the caller knows the places).
    pub loose: bool,
}

impl TitleHit {
    /// The text between a place found at `start..end` and this title when the title comes
    /// after it; empty when the two share the place's suffix (`산둥성` + `성장`, `칭다오시` +
    /// `시장`, `青岛市` + `市长`); `None` when the title does not follow the place.
    pub fn gap_after<'t>(&self, text: &'t str, start: usize, end: usize) -> Option<&'t str> {
        if self.start >= end {
            return Some(&text[end..self.start]);
        }
        let shared = start < self.start
            && end < self.end
            && matches!(&text[self.start..end], "성" | "시" | "도" | "省" | "市");
        shared.then_some("")
    }
}

/// Every title in a sentence, left to right. English titles are whole words; a title
/// that needs a place is kept only right after a non-space character (`인천시장`,
/// `济州道知事`) or after a lone surname (`박 시장`, `류 서기`).
pub fn find(text: &str) -> Vec<TitleHit> {
    let mut out = Vec::new();
    for m in AUTOMATON.find_iter(text) {
        let (pattern, title) = TITLES[m.pattern().as_usize()];
        let before = text[..m.start()].chars().next_back();
        let after = text[m.end()..].chars().next();
        if pattern.is_ascii() {
            // A plural (`governors`) is a title still; `governorship` is not.
            let rest = &text[m.end()..];
            let plural = rest.starts_with('s')
                && !rest[1..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_alphanumeric());
            if before.is_some_and(|c| c.is_alphanumeric())
                || (after.is_some_and(|c| c.is_alphanumeric()) && !plural)
            {
                continue;
            }
        } else if text[m.end()..]
            .chars()
            .take_while(|c| is_hangul(*c))
            .take(2)
            .any(|c| c == '급')
        {
            // `부시장급`, `차관보급`: a rank, not someone's title.
            continue;
        } else if title.needs_place {
            let glued = before.is_some_and(|c| !c.is_whitespace() && c != '(' && c != '[');
            let lone_surname = {
                let head: Vec<char> = text[..m.start()].chars().rev().take(3).collect();
                head.len() >= 2
                    && head[0] == ' '
                    && is_hangul(head[1])
                    && head.get(2).is_none_or(|c| !is_hangul(*c))
            };
            // 시장/성장/지사 followed by more syllables are other words (`성장세`, `세계시장대화`,
            // `시장개척`): after such a title only a particle, or a word of an office
            // (`시장실`, `회장단`), is glued on.
            const TAKES: &str = "은는이가을를의에께과와도로으만측단등실겸";
            let compound = after.is_some_and(|c| is_hangul(c) && !TAKES.contains(c));
            // `양빙(楊兵) 시장`: a name with its characters is a person's, so is the title.
            let after_name = text[..m.start()].trim_end().ends_with([')', '）']);
            if compound {
                continue;
            }
            out.push(TitleHit {
                start: m.start(),
                end: m.end(),
                title,
                loose: !(glued || lone_surname || after_name),
            });
            continue;
        }
        out.push(TitleHit {
            start: m.start(),
            end: m.end(),
            title,
            loose: false,
        });
    }
    committee_secretaries(text, &mut out);
    out
}

/// `secretary of the CPC Dalian Municipal Committee`, `deputy secretary of the Gansu
/// Provincial Party Committee`: a party secretary named by the committee, which English
/// reports put after the title (the bare word `secretary` is no title of its own).
fn committee_secretaries(text: &str, out: &mut Vec<TitleHit>) {
    static SECRETARY: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(
            r"(?-u:\b)(?i:(deputy )?secretary of the )(?:(?i:CPC|CCP|Communist Party of China|Chinese Communist Party) )?(?:[A-Z][A-Za-z'’-]* ){1,4}(?i:(?:Provincial|Municipal|City|Prefectural|Prefecture|Autonomous Regional|Regional|District|County) (?:Party )?Committee)",
        )
        .expect("a valid pattern")
    });
    for c in SECRETARY.captures_iter(text) {
        let whole = c.get(0).expect("match");
        let deputy = c.get(1).is_some();
        let at = whole
            .as_str()
            .to_ascii_lowercase()
            .find("secretary")
            .unwrap_or(0);
        let end = whole.start() + at + "secretary".len();
        if out.iter().any(|t| t.start < end && t.end > whole.start()) {
            continue;
        }
        let title = if deputy {
            Title {
                english: "Deputy Party Secretary",
                side: Side::China,
                rank: Rank::ViceGovernor,
                needs_place: false,
            }
        } else {
            Title {
                english: "Party Secretary",
                side: Side::China,
                rank: Rank::PartySecretary,
                needs_place: false,
            }
        };
        out.push(TitleHit {
            start: whole.start(),
            end,
            title,
            loose: false,
        });
    }
    out.sort_by_key(|t| t.start);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<&'static str> {
        find(text)
            .into_iter()
            .filter(|h| !h.loose)
            .map(|h| h.title.english)
            .collect()
    }

    #[test]
    fn titles_in_three_languages() {
        assert_eq!(
            names("Executive Vice Governor Zhang met Governor Lee and Seoul Mayor Oh."),
            vec!["Executive Vice Governor", "Governor", "Mayor"]
        );
        assert_eq!(
            names("山东省副省长邓云锋、济州道知事吴怜勋"),
            vec!["Vice Governor", "Governor"]
        );
        assert_eq!(
            names("박남춘 인천시장이 왕 서기를 맞았다"),
            vec!["Mayor", "Party Secretary"]
        );
        assert!(names("글로벌 시장 진출과 새로운 성장동력").is_empty());
        assert!(names("the governorship").is_empty());
        assert!(TITLES.len() > 100, "every row of data/titles.tsv reads");
    }

    #[test]
    fn spellings_and_offices_beyond_the_table() {
        assert_eq!(
            names("Wang Lei, secretary of the CPC Dalian Municipal Committee, spoke."),
            vec!["Party Secretary"]
        );
        assert_eq!(
            names("Li Ming, deputy secretary of the Gansu Provincial Party Committee"),
            vec!["Deputy Party Secretary"]
        );
        assert!(names("the secretary of the meeting").is_empty());
        assert_eq!(names("Jilin vice-governor Li"), vec!["Vice Governor"]);
        assert_eq!(names("Deputy Mayor Kim"), vec!["Vice Mayor"]);
        assert_eq!(names("延边州州长金明"), vec!["Prefecture Governor"]);
        assert_eq!(names("省长助理王明"), vec!["Assistant Governor"]);
    }
}
