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

const fn t(english: &'static str, side: Side, rank: Rank) -> Title {
    Title {
        english,
        side,
        rank,
        needs_place: false,
    }
}

const fn placed(english: &'static str, side: Side, rank: Rank) -> Title {
    Title {
        english,
        side,
        rank,
        needs_place: true,
    }
}

use Rank::*;
use Side::*;

/// Literal titles; the longest match wins (`vice governor` over `governor`).
const TITLES: &[(&str, Title)] = &[
    // English
    (
        "communist party secretary",
        t("Party Secretary", China, PartySecretary),
    ),
    (
        "party secretary",
        t("Party Secretary", China, PartySecretary),
    ),
    ("party chief", t("Party Secretary", China, PartySecretary)),
    (
        "deputy party secretary",
        t("Deputy Party Secretary", China, ViceMayor),
    ),
    (
        "executive vice governor",
        t("Executive Vice Governor", Either, ViceGovernor),
    ),
    ("vice governor", t("Vice Governor", Either, ViceGovernor)),
    ("governor", t("Governor", Either, Governor)),
    ("vice mayor", t("Vice Mayor", Either, ViceMayor)),
    ("mayor", t("Mayor", Either, Mayor)),
    ("premier", t("Premier", China, National)),
    ("president", t("President", Either, Official)),
    ("prime minister", t("Prime Minister", Korea, Minister)),
    ("president xi", t("President", China, National)),
    ("vice premier", t("Vice Premier", China, National)),
    ("state councilor", t("State Councilor", China, National)),
    ("foreign minister", t("Foreign Minister", Korea, Minister)),
    (
        "first vice foreign minister",
        t("First Vice Foreign Minister", Korea, ViceGovernor),
    ),
    (
        "vice foreign minister",
        t("Vice Foreign Minister", Either, ViceGovernor),
    ),
    ("deputy minister", t("Deputy Minister", Korea, Official)),
    ("vice minister", t("Vice Minister", Either, ViceGovernor)),
    ("minister", t("Minister", Either, Minister)),
    ("ambassador", t("Ambassador", Either, Resident)),
    ("consul general", t("Consul General", Either, Resident)),
    ("speaker", t("Speaker", Either, Congress)),
    ("council chairman", t("Council Chairman", Korea, Congress)),
    ("chairman", t("Chairman", Either, Congress)),
    ("vice chair", t("Vice Chair", Either, Congress)),
    ("vice chairman", t("Vice Chairman", Either, Congress)),
    (
        "secretary general",
        t("Secretary General", Either, Official),
    ),
    (
        "secretary-general",
        t("Secretary-General", Either, Official),
    ),
    (
        "deputy secretary-general",
        t("Deputy Secretary-General", Either, Official),
    ),
    (
        "member of the standing committee",
        t("Member of the Standing Committee", China, ViceGovernor),
    ),
    ("propaganda chief", t("Propaganda Chief", China, Congress)),
    (
        "head of its propaganda department",
        t("Head of the Propaganda Department", China, Congress),
    ),
    ("bureau director", t("Bureau Director", Either, Official)),
    ("deputy director", t("Deputy Director", Either, Official)),
    ("director", t("Director", Either, Official)),
    ("commissioner", t("Commissioner", Either, Official)),
    (
        "administrative vice governor",
        t("Administrative Vice Governor", Korea, ViceGovernor),
    ),
    // Korean
    ("당서기", t("Party Secretary", China, PartySecretary)),
    ("서기", placed("Party Secretary", China, PartySecretary)),
    ("부성장", t("Vice Governor", China, ViceGovernor)),
    ("성장", placed("Governor", China, Governor)),
    ("부시장", placed("Vice Mayor", Either, ViceMayor)),
    ("시장", placed("Mayor", Either, Mayor)),
    ("도지사", t("Governor", Korea, Governor)),
    ("지사", placed("Governor", Korea, Governor)),
    (
        "정무부지사",
        t("Vice Governor for Political Affairs", Korea, ViceGovernor),
    ),
    (
        "행정부지사",
        t("Administrative Vice Governor", Korea, ViceGovernor),
    ),
    (
        "경제부지사",
        t("Economic Vice Governor", Korea, ViceGovernor),
    ),
    ("부지사", t("Vice Governor", Korea, ViceGovernor)),
    ("국무총리", t("Prime Minister", Korea, Minister)),
    ("총리", placed("Prime Minister", Either, Minister)),
    ("외교부 장관", t("Foreign Minister", Korea, Minister)),
    ("장관", t("Minister", Korea, Minister)),
    ("1차관", t("First Vice Minister", Korea, ViceGovernor)),
    ("차관", t("Vice Minister", Korea, ViceGovernor)),
    ("대통령", t("President", Korea, National)),
    ("국가주석", t("President", China, National)),
    ("국가부주석", t("Vice President", China, National)),
    ("의장", t("Chair", Either, Congress)),
    ("대사", placed("Ambassador", Either, Resident)),
    ("총영사", t("Consul General", Either, Resident)),
    ("주임위원", t("Committee Chair", China, Congress)),
    ("부주임", t("Vice Chair", China, Congress)),
    (
        "선전부장",
        t("Head of the Propaganda Department", China, Congress),
    ),
    ("비서장", t("Secretary-General", China, Official)),
    ("협회장", t("President", Korea, Official)),
    ("회장", placed("Chairman", Either, Official)),
    ("단장", t("Head of the Delegation", Either, Official)),
    ("구청장", t("District Mayor", Korea, ViceMayor)),
    ("군수", t("County Governor", Korea, ViceMayor)),
    // Chinese
    ("省委书记", t("Party Secretary", China, PartySecretary)),
    ("市委书记", t("Party Secretary", China, PartySecretary)),
    ("区委书记", t("Party Secretary", China, PartySecretary)),
    ("县委书记", t("Party Secretary", China, PartySecretary)),
    ("党委书记", t("Party Secretary", China, Official)),
    ("书记", t("Party Secretary", China, PartySecretary)),
    (
        "省委副书记",
        t("Deputy Party Secretary", China, ViceGovernor),
    ),
    ("市委副书记", t("Deputy Party Secretary", China, ViceMayor)),
    (
        "省委常委",
        t(
            "Member of the Provincial Standing Committee",
            China,
            ViceGovernor,
        ),
    ),
    (
        "常务副省长",
        t("Executive Vice Governor", China, ViceGovernor),
    ),
    ("副省长", t("Vice Governor", China, ViceGovernor)),
    ("省长", t("Governor", China, Governor)),
    ("副市长", t("Vice Mayor", Either, ViceMayor)),
    ("市长", t("Mayor", Either, Mayor)),
    ("副主席", t("Vice Chairman", China, ViceGovernor)),
    ("副知事", t("Vice Governor", Korea, ViceGovernor)),
    ("知事", t("Governor", Korea, Governor)),
    ("国务院总理", t("Premier", China, National)),
    ("国务总理", t("Prime Minister", Korea, Minister)),
    ("总理", t("Premier", Either, Minister)),
    ("委员长", t("Chairman", China, National)),
    ("国务委员", t("State Councilor", China, National)),
    ("国家主席", t("President", China, National)),
    ("总统", t("President", Korea, National)),
    ("首相", t("Prime Minister", Other, National)),
    ("大使", t("Ambassador", Either, Resident)),
    ("总领事", t("Consul General", Either, Resident)),
    ("公使", t("Minister", Either, Resident)),
    ("公参", t("Minister-Counsellor", Either, Resident)),
    (
        "常委会副主任",
        t("Vice Chair of the Standing Committee", China, Congress),
    ),
    (
        "常委会主任",
        t("Chair of the Standing Committee", China, Congress),
    ),
    ("副主任", t("Vice Chair", China, Congress)),
    ("议长", t("Speaker", Korea, Congress)),
    ("会长", t("President", Either, Official)),
    ("副会长", t("Vice President", Either, Official)),
    ("局长", t("Director", Either, Official)),
    ("厅长", t("Director", Either, Official)),
    ("社长", t("President", Either, Official)),
    ("院长", t("President", Either, Official)),
    ("理事长", t("Chairman", Either, Official)),
    ("秘书长", t("Secretary-General", Either, Official)),
    ("室长", t("Director", Either, Official)),
    ("议员", t("Lawmaker", Either, Official)),
];

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
        } else if title.needs_place {
            let glued = before.is_some_and(|c| !c.is_whitespace() && c != '(' && c != '[');
            let lone_surname = {
                let head: Vec<char> = text[..m.start()].chars().rev().take(3).collect();
                head.len() >= 2
                    && head[0] == ' '
                    && is_hangul(head[1])
                    && head.get(2).is_none_or(|c| !is_hangul(*c))
            };
            // 시장/성장/지사 followed by more syllables are other words (성장세, 시장을 ...
            // are allowed: a particle after a title is common, so only a few are refused).
            let compound = after.is_some_and(|c| matches!(c, '세' | '률' | '동' | '성' | '님'));
            if !(glued || lone_surname) || compound {
                continue;
            }
        }
        out.push(TitleHit {
            start: m.start(),
            end: m.end(),
            title,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<&'static str> {
        find(text).into_iter().map(|h| h.title.english).collect()
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
    }
}
