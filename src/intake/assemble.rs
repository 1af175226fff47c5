//! From what the report names to the draft: who leads the delegation, from where, when it
//! came and left, where it went, whom it met, what it attended and signed; or why the
//! report is not about a visit.

use std::sync::LazyLock;

use chrono::Duration;
use regex::Regex;

use super::dates::{self, Bound, Context, DateMention, When};
use super::lexicon::Lexicon;
use super::people::{self, Found, Person};
use super::sentences::{Doc, Lang};
use super::titles::{Rank, Side};
use super::{Draft, Evidence, ForumDraft, NewOfficial, OutcomeDraft, VisitDraft, events, meetings};

use super::pattern as re;
use crate::error::Message;
use crate::msg;

pub static VISIT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bvisit(ed|ing|s)?\b|\btrip\b|\btour(ed|ing)?\b|\barriv(ed|es|al)\b|\bcame\b|\bin South Korea\b|\bswing through\b|\bstopp(ed|ing)\b|\bflew\b|\bmoved on\b|방한|방문|다녀갔|다녀간|찾아|찾았|찾은|찾는|머물|머무|입국|도착|들어와|访韩|访问|到访|抵达|出访|来韩|赴韩|走访|拜访|出席|率团|率.{0,12}代表团",
    )
});
static LEAD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bled\b|\bleading\b|\bleads\b|\bheaded\b|\bheads\b|\bdelegation\b|率|带领|团长|이끄|이끈|이끌|단장|비롯|대표단|일행|방한단|방문단|사절단|代表团|一行",
    )
});
static FOREIGN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bJapan(ese)?\b|\bSingapore\b|\bUnited States\b|\bVietnam(ese)?\b|\bRussia\b|\bMongolia\b|일본|베트남|미국|싱가포르|러시아|日本|美国|越南|新加坡|俄罗斯|蒙古|尼泊尔",
    )
});
/// A meeting held over a screen: the word for it with what was held that way (`online
/// shopping platforms`, `온라인 판매` are trade, not a video call).
static VIDEO: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)video link|video call|videoconferenc|video conferenc|\bvirtual(ly)? (meeting|talks|conference|forum|event|ceremony|signing|summit)|\b(held|met|joined|took place|signed) (virtually|online)\b|\bonline (meeting|talks|conference|forum|event|ceremony|signing|summit|session)|\bvia (video|zoom|webex)\b|live video|on-screen|화상\s*(회의|회담|면담|간담회|협약|통화|으로|연결|상봉|교류회|설명회)|온라인\s*(으로|회의|회담|면담|간담회|협약|화상|영상|교류회|설명회|방식)|비대면|실시간 전송|视频(会议|会见|会谈|连线|方式|签约|交流|对话)|以视频|线上(会议|会见|会谈|方式|举行|签约|交流|对话|推介)|云(签约|会见|推介|端)",
    )
});
/// A physical arrival, which no video call has.
static IN_PERSON: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\barrived\b|\bflew\b|방한|입국|도착|访韩|抵达|来韩|赴韩"));
static CHINA_TRIP: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)중국을 방문|방중|현지시간|visited China|visit to China|trip to China|delegation in China|\bin China this week|访华",
    )
});
/// The Boao forum is held in China: a report opening with it is about a trip there, one
/// mentioning it later (a forum each side sends delegations to) need not be.
static BOAO: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)보아오|博鳌|\bBoao\b"));
/// A visit still being arranged (`방한이 추진되고 있다`, `일정을 조율하고 있다`, `성사되면`,
/// `is considering a visit`): not yet a visit. One scheduled (`방한할 예정이다`, `will visit
/// on April 10`, `将访问`) is listed as a visit with its dates.
static TENTATIVE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)방한을? 추진|방문을? 추진|추진되|추진 중|추진하고 있|조율|성사되면|검토하고 있|타진|\bconsider(s|ing)? (a )?(visit|trip)|\bin talks\b|\bbeing arranged\b|\bseeking to visit|\bmay visit\b|拟|酝酿|商谈",
    )
});
/// Whether a visit starting `start` (a day or a month) may begin after the report of
/// `published`: a month is, when it is the report's own month.
fn after_report(start: &str, published: &str) -> bool {
    start > published || (start.len() == 7 && published.starts_with(start))
}

/// Whether the opening of the report has the visit still being arranged.
fn tentative(r: &Reading) -> bool {
    r.doc
        .sentences
        .iter()
        .take(6)
        .any(|s| TENTATIVE.is_match(&s.text))
}

static SIZE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(\d{1,4}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty|thirty)-(?:member|strong|person)\b|(\d{1,4})\s*(?:여\s*)?명|一行\s*(\d{1,4})\s*人|共\s*(\d{1,4})\s*人|(\d{1,4})\s*人的代表团|모두\s*(\d{1,4})\s*명",
    )
});
static ARRIVE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\barriv(ed|es|ing)\b|\bbegan\b|입국|도착|들어와|抵达|到达"));
static DEPART: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bwrapped up\b|\bended\b|\bconcluded\b|\buntil\b|\bleft\b|\bdepart|출국|귀국|돌아갈|离开|返回|回国|까지",
    )
});
static CONGRESS: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)people's congress|legislat|인대|인민대표대회|人大|정치협상|政协"));
static PARTY: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)市委代表团|党委代表团|party delegation|propaganda|선전부|宣传部|당 대표단")
});

fn size_word(w: &str) -> Option<i64> {
    Some(match w.to_lowercase().as_str() {
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "twenty" => 20,
        "thirty" => 30,
        n => n.parse().ok()?,
    })
}

/// Everything read from the report, sentence by sentence.
pub struct Reading<'a> {
    pub doc: &'a Doc,
    pub found: Found,
    pub dates: Vec<Vec<DateMention>>,
    pub vague: Vec<String>,
}

impl<'a> Reading<'a> {
    /// The people, names and dates of each sentence.
    pub fn new(doc: &'a Doc, lexicon: &Lexicon) -> Reading<'a> {
        let found = people::find(doc, lexicon);
        let mut ctx = Context::default();
        let dates = doc
            .sentences
            .iter()
            .map(|s| dates::scan(&s.text, doc.published, &mut ctx))
            .collect();
        Reading {
            doc,
            found,
            dates,
            vague: ctx.vague,
        }
    }

    pub fn text(&self, si: usize) -> &str {
        &self.doc.sentences[si].text
    }

    /// People mentioned in a sentence, in order, each once.
    pub fn people_in(&self, si: usize) -> Vec<usize> {
        let mut out = Vec::new();
        for m in self.found.mentions.iter().filter(|m| m.sentence == si) {
            if !out.contains(&m.person) {
                out.push(m.person);
            }
        }
        out
    }

    pub fn person(&self, i: usize) -> &Person {
        &self.found.people[i]
    }

    pub fn mentions_of(&self, p: usize) -> impl Iterator<Item = usize> + '_ {
        self.found
            .mentions
            .iter()
            .filter(move |m| m.person == p)
            .map(|m| m.sentence)
    }
}

pub fn assemble(doc: &Doc, lexicon: &Lexicon) -> Draft {
    let r = Reading::new(doc, lexicon);
    let mut draft = Draft::default();
    if !r.vague.is_empty() {
        draft
            .notes
            .push(msg!("draft-note-vague", phrases = r.vague.join(", ")));
    }
    let leader = leader(&r);
    let _ = Lang::En;
    if let Some((kind, reason)) = not_a_visit(&r, leader) {
        // No one named as leading it, yet a province's delegation came: a visit all the same.
        if leader.is_none()
            && kind == "no_specific_visit"
            && let Some(v) = super::unled::visit(&r)
        {
            // Announced (after the report) is listed, as a led visit is; still being
            // arranged is not a visit yet.
            let ahead = v
                .start
                .as_deref()
                .is_some_and(|s| after_report(s, &doc.published.to_string()));
            if ahead && tentative(&r) {
                draft.not_a_visit = Some(msg!("draft-not-visit-announced"));
                draft.not_a_visit_kind = Some("no_specific_visit".into());
                return draft;
            }
            draft.visits.push(v);
            draft.notes.push(msg!("draft-note-no-leader"));
            return draft;
        }
        draft.not_a_visit = Some(reason);
        draft.not_a_visit_kind = Some(kind.to_string());
        return draft;
    }
    let Some(leader) = leader else {
        return draft;
    };
    let delegation = delegation(&r, leader);
    let mut visit = visit(&r, leader, &delegation);
    // A visit after the report: announced, so listed, unless the report has it still
    // being arranged.
    if let Some(start) = &visit.start
        && after_report(start, &doc.published.to_string())
        && tentative(&r)
    {
        draft.not_a_visit = Some(msg!("draft-not-visit-announced"));
        draft.not_a_visit_kind = Some("no_specific_visit".into());
        return draft;
    }
    let met = meetings::meetings(&r, leader, &delegation);
    visit.places = meetings::places(&r, leader, &delegation, &mut visit.evidence);
    draft.forums = forums(&r, leader, &delegation);
    // Where it met people and attended forums, it went.
    for place in met
        .iter()
        .filter_map(|m| m.place.as_ref())
        .chain(draft.forums.iter().filter_map(|f| f.place.as_ref()))
    {
        if !visit.places.contains(place) {
            visit.places.push(place.clone());
        }
    }
    draft.visits.push(visit);
    draft.meetings = met;
    draft.outcomes = outcomes(&r, leader, &delegation, &draft.visits[0]);
    draft
        .visits
        .extend(meetings::earlier_visits(&r, leader, &delegation));
    draft.new_officials = new_officials(&r, &draft);
    for o in r.found.people.iter().filter(|p| p.guessed && !p.known) {
        draft.notes.push(msg!(
            "draft-note-romanized",
            name = &o.name,
            local = o.local.clone().unwrap_or_default()
        ));
    }
    draft
}

/// Who leads the delegation: the most senior Chinese local official the report has
/// visiting, leading or heading something, earlier mentions winning ties.
fn leader(r: &Reading) -> Option<usize> {
    let mut best: Option<(i64, usize)> = None;
    for (i, p) in r.found.people.iter().enumerate() {
        if p.side != Side::China || matches!(p.rank(), Rank::Resident | Rank::National) {
            continue;
        }
        let sentences: Vec<usize> = r.mentions_of(i).collect();
        let Some(first) = sentences.iter().min().copied() else {
            continue;
        };
        let leads = sentences.iter().any(|s| {
            let t = r.text(*s);
            LEAD.is_match(t) || VISIT.is_match(t)
        });
        let lede: Vec<usize> = (0..r.doc.sentences.len()).take(3).collect();
        let in_lede = sentences.iter().any(|s| lede.contains(s));
        let elsewhere = sentences
            .iter()
            .all(|s| super::meetings::ELSEWHERE.is_match(r.text(*s)));
        let mut score = p.rank().weight() as i64 * 10 + if leads { 60 } else { 0 };
        score += sentences.len().min(10) as i64 * 3;
        score -= first.min(20) as i64 * 2;
        if in_lede {
            score += 50;
        }
        // Told only of another trip (`김 지사가 허베이성을 찾았을 때 왕 성장과`): no leader
        // of this one while anyone else may be.
        if elsewhere {
            score -= 200;
        }
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, i));
        }
    }
    best.map(|(_, i)| i)
}

/// Whether the opening's trip goes to China: the places it has someone travel to or hold
/// events in (`하얼빈시를 공식 방문`, `톈진서`, `라싸에서`, `在南京`, `visited Harbin`) are
/// Chinese, and no Korean place (`충남도청에서`, `서울을 찾아`, `在首尔`) nor Korea itself
/// (`방한`, `访韩`, `arrived in South Korea`) is such a destination. The places a delegation
/// comes *from* (`경남도 방문단`, `全罗南道议会副议长`) say nothing of the direction.
fn events_in_china(r: &Reading, opening: &[usize]) -> bool {
    let (china, korea) = destinations(r, opening);
    china > 0 && korea == 0
}

/// Whether the opening has the delegation travel to a third country (`visited Japan`,
/// `访问日本`, `일본을 방문`) and nowhere in Korea.
fn trip_elsewhere(r: &Reading, opening: &[usize]) -> bool {
    static TO_OTHER: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(visit(ed|ing|s)?|trip to|tour of|arrived in) (Japan|Singapore|Vietnam|Russia|Mongolia|the United States|the U\.S\.)\b|访问(日本|新加坡|越南|俄罗斯|蒙古|美国)|访日|赴日|(일본|베트남|싱가포르|러시아|몽골|미국)을 (공식 )?방문|방일",
        )
    });
    opening.iter().any(|si| TO_OTHER.is_match(r.text(*si))) && destinations(r, opening).1 == 0
}

/// How often the opening has someone go to, or hold events in, China and Korea.
fn destinations(r: &Reading, opening: &[usize]) -> (usize, usize) {
    static TO_KOREA: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)방한|내한|찾아온|찾아왔|찾아와|한국을 (공식 )?(방문|찾)|한국에 (도착|입국)|입국|访韩|来韩|赴韩|访问韩国|抵达韩国|在韩(国)?期间|\b(visit(ed|ing|s)?|trip to|tour of|arrived in|in|to) (South )?Korea\b",
        )
    });
    static TO_CHINA: LazyLock<Regex> = LazyLock::new(|| {
        re(r"(?i)방중|중국을 (공식 )?(방문|찾)|访华|来华|\b(visit(ed|ing|s)?|trip to) China\b")
    });
    let (mut china, mut korea) = (0, 0);
    for si in opening {
        let text = r.text(*si);
        korea += TO_KOREA.find_iter(text).count();
        // A trip told as background (`남 지사가 광둥성을 찾아 ... 당시`) is not this one.
        if super::meetings::ELSEWHERE.is_match(text) {
            continue;
        }
        china += TO_CHINA.find_iter(text).count();
        for h in &r.found.hits[*si] {
            if h.official().is_some() {
                continue;
            }
            let chinese = h.province().is_some() || !h.cities().is_empty();
            if h.place().is_none() && !chinese {
                continue;
            }
            if destination(text, h.start, h.end, h.place().is_some()) {
                if h.place().is_some() {
                    korea += 1;
                } else {
                    china += 1;
                }
            }
        }
    }
    (china, korea)
}

/// Whether the place named at `start..end` is where someone goes or where something takes
/// place, by the words around it: `하얼빈시를 (공식) 방문`, `톈진(天津)시에서`, `톈진서`
/// (a headline's `에서`), `산둥성 방문`, `在南京`, `访问广州`, `visited Harbin`, `in Seoul`.
pub(super) fn destination(text: &str, start: usize, end: usize, korean: bool) -> bool {
    static KO_AFTER: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^(?:(?: [가-힣A-Za-z0-9]+){0,2}?에서(?:[^는]|$)|서[ ,…·]|(?:을|를|에|으로|로) ?(?:공식 |다시 |직접 )?(?:방문|찾|순방|도착|들러|입국)| ?(?:방문|순방|도착)(?:[^가-힣]|$|해|하|했|한|길|을|중))",
        )
    });
    // Travel itself for a Chinese place (`businesses in Yantai` goes nowhere); for a Korean
    // one, being there is enough (`in Seoul`, `at the Government Complex Seoul`).
    static EN_TRAVEL: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(visited|visiting|toured|touring|visit to|trip to|arrived in|traveled to|travelled to|flew to)( the)?( city of| province of)?\s*$",
        )
    });
    static EN_THERE: LazyLock<Regex> = LazyLock::new(|| {
        re(r"(?i)\b(in|at|to)( the)?( city of| province of)?\s*$|\bat the [A-Z][^,;]{0,40}$")
    });
    let mut after = &text[end..];
    // A name's characters in brackets (`톈진(天津)시를`).
    if let Some(rest) = after.strip_prefix(['(', '（'])
        && let Some(close) = rest.find([')', '）'])
    {
        after = &rest[close + rest[close..].chars().next().map_or(1, char::len_utf8)..];
    }
    let suffixes: &[&str] = if korean {
        &[
            "특별자치도",
            "특별자치시",
            "특별시",
            "광역시",
            "도청",
            "시청",
            "군청",
            "도",
            "시",
            "군",
            "구",
        ]
    } else {
        &["자치구", "자치주", "성", "시", "현", "省", "市"]
    };
    if let Some(s) = suffixes.iter().find(|s| after.starts_with(**s)) {
        after = &after[s.len()..];
    }
    // `산둥성에서 온 대표단`: where they came from.
    let from = after.split_once("에서").is_some_and(|(_, rest)| {
        let rest = rest.trim_start();
        ["온", "왔", "오", "찾아온", "방한", "출발"]
            .iter()
            .any(|w| rest.starts_with(w))
    });
    let before = text[..start].trim_end();
    (KO_AFTER.is_match(after) && !from)
        || ["在", "赴", "访问", "抵达", "到访", "走访"]
            .iter()
            .any(|w| before.ends_with(w))
        || if korean {
            EN_THERE.is_match(&text[..start]) || EN_TRAVEL.is_match(&text[..start])
        } else {
            EN_TRAVEL.is_match(&text[..start])
        }
}

/// Why the report gives no visit, if it does not.
fn not_a_visit(r: &Reading, leader: Option<usize>) -> Option<(&'static str, Message)> {
    // The lede: the first sentences of the article proper (a subhead or a byline line does
    // not end as a sentence does).
    let lede: Vec<usize> = (0..r.doc.sentences.len())
        .filter(|s| !r.doc.sentences[*s].headline)
        .filter(|s| super::sentences::ends_as_sentence(r.text(*s)))
        .take(3)
        .collect();
    let all: Vec<usize> = (0..r.doc.sentences.len()).collect();
    // The headline, the subhead and the lede: where a report says who went where.
    let mut opening: Vec<usize> = (0..r.doc.sentences.len().min(3)).collect();
    opening.extend(lede.iter().copied().filter(|s| *s >= 3));
    let lede_text: String = lede
        .iter()
        .map(|s| r.text(*s))
        .collect::<Vec<_>>()
        .join(" ");
    let head_and_lede: String = r
        .doc
        .sentences
        .iter()
        .take(4)
        .map(|s| s.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    if VIDEO.is_match(&head_and_lede) && !IN_PERSON.is_match(&head_and_lede) {
        return Some(("video_call", msg!("draft-not-visit-video-call")));
    }
    static HOSTED_IN_CHINA: LazyLock<Regex> =
        LazyLock::new(|| re(r"在[^，。、]{1,6}(会见|会谈|接见)[^，。]{0,12}韩国"));
    // `在首尔会见韩国国务总理`: met in Korea, so the visit is China's.
    let hosted_in_china = lede.iter().any(|si| {
        HOSTED_IN_CHINA.find_iter(r.text(*si)).any(|m| {
            !r.found.hits[*si]
                .iter()
                .any(|h| h.place().is_some() && h.start >= m.start() && h.end <= m.end())
        })
    });
    let opens_in_boao = lede.first().is_some_and(|s| BOAO.is_match(r.text(*s)));
    if (CHINA_TRIP.is_match(&lede_text) || opens_in_boao) && !lede_text.contains("在沈阳连续")
        || hosted_in_china
        || events_in_china(r, &opening)
    {
        return Some((
            "korean_delegation_in_china",
            msg!("draft-not-visit-korean-delegation"),
        ));
    }
    if trip_elsewhere(r, &opening) {
        return Some(("other_country", msg!("draft-not-visit-other-country")));
    }
    // Named only beside the local leader (`시진핑 주석의 측근 천민얼`), a national figure
    // describes the visitor; they are the visitor where a sentence has them alone visiting
    // or leading, before any local leader is named.
    let first_local = leader
        .and_then(|l| r.mentions_of(l).min())
        .unwrap_or(usize::MAX);
    let national = r.found.people.iter().enumerate().find(|(i, p)| {
        let visits_alone = r.mentions_of(*i).any(|s| {
            leader.is_none_or(|l| !r.people_in(s).contains(&l))
                && (VISIT.is_match(r.text(s)) || LEAD.is_match(r.text(s)))
        });
        p.side == Side::China
            && p.rank() == Rank::National
            && r.mentions_of(*i)
                .any(|s| lede.contains(&s) || r.doc.sentences[s].headline)
            && r.mentions_of(*i).min().unwrap_or(usize::MAX) <= first_local
            && (visits_alone || leader.is_none())
    });
    if let Some((_, n)) = national {
        return Some((
            "national_level",
            msg!("draft-not-visit-national", name = &n.name),
        ));
    }
    let Some(l) = leader else {
        if FOREIGN.is_match(&head_and_lede) {
            return Some(("other_country", msg!("draft-not-visit-other-country")));
        }
        return Some(("no_specific_visit", msg!("draft-not-visit-no-delegation")));
    };
    let leader = r.person(l);
    let chinese_place = r
        .found
        .hits
        .iter()
        .take(4)
        .flatten()
        .any(|h| h.province().is_some() || !h.cities().is_empty());
    if leader.province.is_none() && !chinese_place && FOREIGN.is_match(&head_and_lede) {
        return Some(("other_country", msg!("draft-not-visit-other-country")));
    }
    let visit_sentences: Vec<&usize> = all
        .iter()
        .filter(|s| VISIT.is_match(r.text(**s)) && r.mentions_of(l).any(|m| m == **s))
        .collect();
    let planned = !visit_sentences.is_empty()
        && visit_sentences
            .iter()
            .all(|s| TENTATIVE.is_match(r.text(**s)));
    if planned {
        return Some(("no_specific_visit", msg!("draft-not-visit-not-taken-place")));
    }
    None
}

/// The delegation: its leader and the Chinese officials listed as its members.
pub struct Delegation {
    pub members: Vec<usize>,
    pub provinces: Vec<String>,
    /// The sentence that lists the members (evidence for a joint delegation).
    pub listed_in: Option<usize>,
}

fn delegation(r: &Reading, leader: usize) -> Delegation {
    let p = r.person(leader);
    let mut provinces: Vec<String> = p.province.iter().cloned().collect();
    let mut members = vec![leader];
    let mut listed_in = None;
    static MEMBERS: LazyLock<Regex> = LazyLock::new(|| {
        re(r"(?i)includ|members|成员|随团|구성|꾸려|포함|團員|headed by|团长|단장")
    });
    for si in 0..r.doc.sentences.len() {
        let people = r.people_in(si);
        if !people.contains(&leader) && !LEAD.is_match(r.text(si)) {
            continue;
        }
        if !MEMBERS.is_match(r.text(si)) {
            continue;
        }
        let chinese: Vec<usize> = people
            .iter()
            .copied()
            .filter(|i| {
                let q = r.person(*i);
                q.side == Side::China && q.rank() != Rank::Resident && q.rank() != Rank::National
            })
            .collect();
        let mut listed: Vec<String> = r.found.hits[si]
            .iter()
            .filter(|h| h.official().is_none())
            .filter_map(|h| {
                h.province()
                    .map(String::from)
                    .or_else(|| h.cities().first().map(|c| c.1.to_string()))
            })
            .collect();
        listed.dedup();
        if chinese.len() >= 2 || listed.len() >= 2 {
            for c in chinese {
                if !members.contains(&c) {
                    members.push(c);
                }
            }
            if listed.len() >= 2 && people.contains(&leader) {
                for prov in listed {
                    if !provinces.contains(&prov) {
                        provinces.push(prov);
                    }
                }
                listed_in = Some(si);
            }
        }
    }
    // Members named elsewhere as travelling with the delegation (`随团访韩的烟台市市长陈飞`).
    for m in &members {
        if let Some(prov) = &r.person(*m).province
            && provinces.is_empty()
        {
            provinces.push(prov.clone());
        }
    }
    if provinces.is_empty() {
        // No office named for the leader: the province the report names most beside the
        // delegation.
        // A sentence naming the leader counts thrice (`A Shandong Province delegation led by
        // Governor Zhou`), and of two provinces named as often the first named wins: a
        // second delegation told later does not take the leader.
        let mut counts: Vec<(String, usize)> = Vec::new();
        for si in 0..r.doc.sentences.len() {
            let names_leader = r.people_in(si).contains(&leader);
            if !LEAD.is_match(r.text(si)) && !names_leader {
                continue;
            }
            for h in &r.found.hits[si] {
                let prov = h
                    .province()
                    .map(String::from)
                    .or_else(|| h.cities().first().map(|c| c.1.to_string()));
                if let Some(prov) = prov {
                    let weight = if names_leader { 3 } else { 1 };
                    match counts.iter_mut().find(|(p, _)| *p == prov) {
                        Some(c) => c.1 += weight,
                        None => counts.push((prov, weight)),
                    }
                }
            }
        }
        // Nothing beside the delegation (`산시성 부성장` the gazetteer cannot place, as Shanxi
        // and Shaanxi share a Korean spelling): the province the report names most, outside
        // background told of another time.
        if counts.is_empty() {
            for si in 0..r.doc.sentences.len() {
                if super::meetings::ELSEWHERE.is_match(r.text(si)) {
                    continue;
                }
                for h in r.found.hits[si].iter().filter(|h| h.official().is_none()) {
                    if let Some(prov) = h.province() {
                        match counts.iter_mut().find(|(p, _)| p == prov) {
                            Some(c) => c.1 += 1,
                            None => counts.push((prov.to_string(), 1)),
                        }
                    }
                }
            }
        }
        let best = counts.iter().map(|(_, n)| *n).max();
        if let Some((prov, _)) = counts.into_iter().find(|(_, n)| Some(*n) == best) {
            provinces.push(prov);
        }
    }
    Delegation {
        members,
        provinces,
        listed_in,
    }
}

/// Sentences about the delegation: its leader or members named, or the delegation itself.
pub fn about_delegation(r: &Reading, si: usize, leader: usize, d: &Delegation) -> bool {
    let people = r.people_in(si);
    let home = r.found.hits[si].iter().any(|h| {
        h.province()
            .is_some_and(|p| d.provinces.iter().any(|x| x == p))
            || h.cities()
                .iter()
                .any(|c| d.provinces.iter().any(|x| x == c.1))
    });
    people.contains(&leader)
        || people.iter().any(|p| d.members.contains(p))
        || LEAD.is_match(r.text(si))
        || pronoun(r, si)
        || (home && (VISIT.is_match(r.text(si)) || HELD.is_match(r.text(si))))
}

/// An event held (`嘉兴市政府对韩贸易投资座谈会21日在首尔举行`, `산둥성 투자설명회가 서울에서
/// 열렸다`): with the delegation's home named, the delegation's own.
static HELD: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)(was|were) held|took place|举行|举办|召开|열렸|열린|개최됐|개최했|개최한|개최하")
});

pub fn pronoun(r: &Reading, si: usize) -> bool {
    static PRONOUN: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)^(he|she|they)\b|\b(him|her|his|the visitors|the chinese (side|visitors|delegation)|the two|both sides)\b|^그는|^그가|두 사람|양측|두 도시|양 도시|他|她|双方|两市|两地",
        )
    });
    PRONOUN.is_match(r.text(si))
}

fn visit(r: &Reading, leader: usize, d: &Delegation) -> VisitDraft {
    let p = r.person(leader);
    let mut evidence = Evidence::new();
    let first_mention = r.mentions_of(leader).min();
    let quote = |si: Option<usize>| si.map(|s| r.text(s).to_string());
    if let Some(s) = p.evidence.or(first_mention) {
        evidence.insert("leader".into(), r.text(s).to_string());
        evidence.insert(
            "provinces".into(),
            quote(d.listed_in.or(Some(s))).unwrap_or_default(),
        );
    }
    let (city, level) = level(r, p, leader);
    let (start, end, date_evidence) = visit_dates(r, leader, d, &attended(r, leader, d));
    if let Some((field, s)) = date_evidence.0 {
        evidence.insert(field.into(), r.text(s).to_string());
    }
    if let Some(s) = date_evidence.1 {
        evidence.insert("end".into(), r.text(s).to_string());
    }
    let mut size = None;
    for si in 0..r.doc.sentences.len() {
        if !about_delegation(r, si, leader, d) && !LEAD.is_match(r.text(si)) {
            continue;
        }
        if let Some(c) = SIZE.captures(r.text(si)) {
            let n = (1..=6)
                .filter_map(|i| c.get(i))
                .find_map(|m| size_word(m.as_str()));
            if let Some(n) = n.filter(|n| (2..=500).contains(n)) {
                let t = r.text(si);
                // A count of guests or companies is not the delegation's size.
                let about_guests = [
                    "participants",
                    "guests",
                    "people from",
                    "참석",
                    "관객",
                    "기업",
                    "嘉宾",
                    "企业",
                    "出席",
                ]
                .iter()
                .any(|w| t.contains(w))
                    && ![
                        "delegation",
                        "대표단",
                        "방한단",
                        "代表团",
                        "一行",
                        "일행",
                        "사절단",
                        "방문단",
                        "group",
                    ]
                    .iter()
                    .any(|w| t.contains(w));
                if !about_guests {
                    size = Some(n);
                    evidence.insert("size".into(), t.to_string());
                    break;
                }
            }
        }
    }
    VisitDraft {
        provinces: d.provinces.clone(),
        city,
        level: Some(level.to_string()),
        leader: Some(p.name.clone()),
        start,
        end,
        places: Vec::new(),
        purpose: None,
        size,
        evidence,
    }
}

fn level(r: &Reading, p: &Person, leader: usize) -> (Option<String>, &'static str) {
    let texts: String = r
        .mentions_of(leader)
        .map(|s| r.text(s))
        .collect::<Vec<_>>()
        .join(" ");
    let title_text = p
        .evidence
        .map(|s| r.text(s).to_string())
        .unwrap_or_default();
    let city = p.city.as_ref().map(|c| c.0.clone()).or(p.county.clone());
    if CONGRESS.is_match(&title_text) {
        return (city, "other");
    }
    if PARTY.is_match(&texts) {
        return (city, "party");
    }
    if p.county.is_some() {
        return (city, "county");
    }
    if p.city.is_some() {
        return (city, "municipal");
    }
    if p.rank() == Rank::Official && p.province.is_some() {
        return (city, "other");
    }
    (city, "provincial")
}

type DateEvidence = (Option<(&'static str, usize)>, Option<usize>);

/// The visit's first and last day: a range said of the visit, an arrival and a departure,
/// a length of stay, else the first day the delegation is reported doing something.
fn visit_dates(
    r: &Reading,
    leader: usize,
    d: &Delegation,
    attended: &[(When, usize)],
) -> (Option<String>, Option<String>, DateEvidence) {
    let mut range: Option<(When, usize)> = None;
    let mut trip_month: Option<(When, usize)> = None;
    let mut arrival: Option<(When, usize)> = None;
    let mut departure: Option<(When, usize)> = None;
    let mut length: Option<i64> = None;
    let mut activities: Vec<(When, usize)> = Vec::new();
    for (si, s) in r.doc.sentences.iter().enumerate() {
        if s.headline || !about_delegation(r, si, leader, d) {
            continue;
        }
        let text = &s.text;
        let dates = &r.dates[si];
        if dates.is_empty() {
            if let Some(n) = dates::duration(text).filter(|_| VISIT.is_match(text)) {
                length = length.or(Some(n));
            }
            continue;
        }
        let foreign = FOREIGN.is_match(text);
        let visit = VISIT.is_match(text);
        if let Some(n) = dates::duration(text).filter(|_| visit) {
            length = length.or(Some(n));
        }
        // An arrival and a departure in one sentence (`1일 입국했으며 4일 출국할 예정`).
        if ARRIVE.is_match(text) && DEPART.is_match(text) && dates.len() >= 2 && visit {
            arrival.get_or_insert((dates[0].when, si));
            departure.get_or_insert((dates[dates.len() - 1].when, si));
            continue;
        }
        let arrive_at = ARRIVE.find(text).map(|m| m.start());
        for m in dates {
            match m.when {
                When::Range(..) if visit && !foreign => {
                    range.get_or_insert((m.when, si));
                }
                When::Range(..) | When::Day(_) if foreign => {
                    trip_month.get_or_insert((
                        When::Month(
                            m.when.first().year_ce().1 as i32,
                            m.when.first().month0() + 1,
                        ),
                        si,
                    ));
                }
                When::Day(_)
                    if m.bound == Bound::Until
                        || (DEPART.is_match(text)
                            && !ARRIVE.is_match(text)
                            && dates.len() == 1) =>
                {
                    departure.get_or_insert((m.when, si));
                }
                When::Day(_)
                    if visit
                        && arrive_at.is_some_and(|a| {
                            // The date said of the arrival: the one nearest after the verb, or
                            // before it in Korean and Chinese word order.
                            let after = dates.iter().find(|d| d.start >= a);
                            let chosen = after.or(dates.iter().rev().find(|d| d.end <= a));
                            chosen.is_some_and(|d| d.start == m.start)
                        }) =>
                {
                    arrival.get_or_insert((m.when, si));
                    activities.push((m.when, si));
                }
                When::Day(_) | When::Range(..) => activities.push((m.when, si)),
                When::Month(..) if visit && !foreign && m.when.first() <= r.doc.published => {
                    trip_month.get_or_insert((m.when, si));
                }
                When::Month(..) => {}
            }
        }
    }
    // Forums the delegation attended: their days are its days.
    for (w, si) in attended {
        match w {
            When::Range(..) if range.is_none() && arrival.is_none() => range = Some((*w, *si)),
            _ => activities.push((*w, *si)),
        }
    }
    // A date years before the report (`sister cities since Dec. 7, 1993`) is background,
    // not the visit's, where the report gives a recent one too.
    let recent = |w: &When| {
        let published = r.doc.published;
        w.first() >= published - Duration::days(365) && w.first() <= published + Duration::days(62)
    };
    if activities.iter().any(|(w, _)| recent(w)) {
        activities.retain(|(w, _)| recent(w));
    }
    let day = |w: When| w.first();
    let (start, start_si, field) = if let Some((w, si)) = range {
        (Some(w), Some(si), "start")
    } else if let Some((w, si)) = arrival {
        (Some(w), Some(si), "start")
    } else if let Some((w, si)) = activities.iter().min_by_key(|(w, _)| w.first()).copied() {
        (Some(When::Day(w.first())), Some(si), "start")
    } else if let Some((w, si)) = trip_month {
        (Some(w), Some(si), "start")
    } else {
        (None, None, "start")
    };
    let mut end: Option<(chrono::NaiveDate, usize)> = range
        .and_then(|(w, si)| w.end_day().map(|e| (e, si)))
        .or(departure.map(|(w, si)| (day(w), si)));
    if end.is_none()
        && let (Some(n), Some(s)) = (length, start)
        && s.is_day()
    {
        end = Some((s.first() + Duration::days(n - 1), start_si.unwrap_or(0)));
    }
    let start = match (start, end, length) {
        (None, Some((e, _)), Some(n)) => Some(When::Day(e - Duration::days(n - 1))),
        (s, _, _) => s,
    };
    let end = end.filter(|(e, _)| start.is_none_or(|s| *e > s.first()));
    (
        start.map(|s| match s {
            When::Range(a, _) => a.to_string(),
            other => other.start_text(),
        }),
        end.map(|(e, _)| e.to_string()),
        (start_si.map(|s| (field, s)), end.map(|(_, s)| s)),
    )
}

use chrono::Datelike;

/// The days of the forums the delegation attended, with their sentences.
fn attended(r: &Reading, leader: usize, d: &Delegation) -> Vec<(When, usize)> {
    forums(r, leader, d)
        .into_iter()
        .filter_map(|f| {
            let si = r
                .doc
                .sentences
                .iter()
                .position(|s| Some(&s.text) == f.evidence.get("name"))?;
            let w = r.dates[si]
                .iter()
                .find(|m| Some(m.when.first().to_string()) == f.start)?
                .when;
            Some((w, si))
        })
        .collect()
}

fn forums(r: &Reading, leader: usize, d: &Delegation) -> Vec<ForumDraft> {
    static ATTEND: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)attend|took part|addressed|staged|\bheld\b|\bhold\b|opened|opening|toured|sidelines|\bled\b|\bfor the\b|\bat the\b|\bto the\b|出席|举办|举行|开幕|参加|走进|在.{0,10}举行|참석|열고|열린|개최|열렸|가졌|방문",
        )
    });
    static NOT_ATTENDED: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\binvit|\bnext\b|\basked\b|\bwill\b|\bin (19|20)\d\d\b|\bsince\b|\bfirst held\b|초청|예정|내년|이후|邀请|将于|曾",
        )
    });
    let mut out: Vec<ForumDraft> = Vec::new();
    for (si, s) in r.doc.sentences.iter().enumerate() {
        if s.headline {
            continue;
        }
        let text = &s.text;
        let about = about_delegation(r, si, leader, d)
            || r.found.hits[si].iter().any(|h| h.place().is_some());
        if !about || !ATTEND.is_match(text) || NOT_ATTENDED.is_match(text) {
            continue;
        }
        let stranger = r.people_in(si).iter().any(|p| {
            let q = r.person(*p);
            q.side == Side::China
                && q.rank() != Rank::Resident
                && q.province
                    .as_ref()
                    .is_some_and(|prov| !d.provinces.contains(prov))
        });
        if stranger && !r.people_in(si).contains(&leader) {
            continue;
        }
        for e in events::events(text) {
            if e.name.to_lowercase().contains("festival") || e.name.contains("축제") {
                continue;
            }
            let key = crate::domain::normalize(&e.name);
            let dates: Vec<&DateMention> = r.dates[si].iter().collect();
            let when = dates
                .iter()
                .find(|m| m.start >= e.end)
                .or(dates.iter().rev().find(|m| m.end <= e.start))
                .map(|m| m.when);
            let place = r.found.hits[si]
                .iter()
                .filter(|h| h.place().is_some())
                .max_by_key(|h| h.detail())
                .and_then(|h| h.place().map(String::from));
            let mut evidence = Evidence::new();
            evidence.insert("name".into(), text.clone());
            if let Some(existing) = out.iter_mut().find(|f| {
                let k = crate::domain::normalize(&f.name);
                k.contains(&key) || key.contains(&k)
            }) {
                if existing.start.is_none() {
                    existing.start = when.map(|w| w.first().to_string());
                    existing.end = when.and_then(|w| w.end_day()).map(|d| d.to_string());
                }
                existing.place = existing.place.take().or(place);
                existing.edition = existing.edition.take().or(e.edition);
                continue;
            }
            out.push(ForumDraft {
                name: e.name.clone(),
                kind: e.kind.to_string(),
                edition: e.edition,
                start: when.map(|w| match w {
                    When::Month(..) => w.start_text(),
                    _ => w.first().to_string(),
                }),
                end: when.and_then(|w| w.end_day()).map(|d| d.to_string()),
                place,
                visit: Some(0),
                evidence,
            });
        }
    }
    out
}

fn outcomes(r: &Reading, leader: usize, d: &Delegation, visit: &VisitDraft) -> Vec<OutcomeDraft> {
    let mut out = Vec::new();
    for (si, s) in r.doc.sentences.iter().enumerate() {
        if s.headline || !about_delegation(r, si, leader, d) && r.found.hits[si].is_empty() {
            continue;
        }
        let text = &s.text;
        let Some(signed) = events::signed(text) else {
            continue;
        };
        if dates::duration(text).is_some() && signed.kind == "sister-city" {
            continue;
        }
        // Ties signed long ago are history, not an outcome of this visit.
        static HISTORY: LazyLock<Regex> = LazyLock::new(|| {
            re(
                r"(?i)\bsince\b|\bin (19|20)\d\d\b|\b(19|20)\d\d년|(19|20)\d\d年|이후|以来|曾|had signed|have been|became",
            )
        });
        if HISTORY.is_match(text) {
            continue;
        }
        let korean_side = r.found.hits[si]
            .iter()
            .find_map(|h| h.place().map(String::from))
            .or_else(|| {
                r.people_in(si)
                    .into_iter()
                    .find(|p| r.person(*p).side == Side::Korea)
                    .map(|p| r.person(p).name.clone())
            });
        let chinese_side = visit
            .city
            .clone()
            .or_else(|| visit.provinces.first().cloned());
        let mut evidence = Evidence::new();
        evidence.insert("title".into(), text.clone());
        out.push(OutcomeDraft {
            kind: signed.kind.to_string(),
            title: events::agreed(text),
            date: r.dates[si].first().map(|m| m.when.start_text()),
            chinese_side,
            korean_side,
            amount: signed.amount,
            currency: signed.currency,
            visit: Some(0),
            evidence,
        });
    }
    once_each(out)
}

/// A report names one agreement more than once (the lead, then the details): the same kind
/// with the same amount, or a title that holds the other's, is one outcome (the first
/// mention, whose amount or Korean side a later one may fill in).
fn once_each(drafted: Vec<OutcomeDraft>) -> Vec<OutcomeDraft> {
    let mut out: Vec<OutcomeDraft> = Vec::new();
    for o in drafted {
        let key = crate::domain::normalize(&o.title);
        let same = out.iter_mut().find(|e| {
            let other = crate::domain::normalize(&e.title);
            e.kind == o.kind
                && ((o.amount.is_some() && e.amount == o.amount && e.currency == o.currency)
                    || (!key.is_empty()
                        && !other.is_empty()
                        && (other.contains(&key) || key.contains(&other))))
        });
        match same {
            Some(e) => {
                if e.amount.is_none() {
                    e.amount = o.amount;
                    e.currency = o.currency;
                }
                if e.korean_side.is_none() {
                    e.korean_side = o.korean_side;
                }
            }
            None => out.push(o),
        }
    }
    out
}

fn new_officials(r: &Reading, draft: &Draft) -> Vec<NewOfficial> {
    let mut named: Vec<&str> = Vec::new();
    for v in &draft.visits {
        named.extend(v.leader.as_deref());
    }
    for m in &draft.meetings {
        named.extend(m.officials.iter().map(String::as_str));
    }
    let mut out: Vec<NewOfficial> = Vec::new();
    for p in r.found.people.iter().filter(|p| !p.known) {
        if !named.contains(&p.name.as_str()) || out.iter().any(|o| o.name == p.name) {
            continue;
        }
        let mut evidence = Evidence::new();
        if let Some(s) = p.evidence {
            evidence.insert("title".into(), r.text(s).to_string());
        }
        out.push(NewOfficial {
            name: p.name.clone(),
            local_name: p.local.clone(),
            title: p.title_text.clone(),
            country: match p.side {
                Side::China => "China",
                Side::Korea => "Korea",
                _ => {
                    if r.doc.lang == Lang::Zh {
                        "China"
                    } else {
                        "Other"
                    }
                }
            }
            .to_string(),
            aliases: p
                .aliases
                .iter()
                .filter(|a| Some(*a) != p.local.as_ref())
                .cloned()
                .collect(),
            evidence,
        });
    }
    out
}

/// What the engine read, sentence by sentence (people, their titles and places, dates): for
/// a developer asking why a report drafts as it does (`bench intake --trace CASE`).
pub fn trace(doc: &Doc, lexicon: &Lexicon) -> String {
    let Reading { found, dates, .. } = Reading::new(doc, lexicon);
    let mut out = String::new();
    for (i, s) in doc.sentences.iter().enumerate() {
        let dates = &dates[i];
        out.push_str(&format!(
            "[{i}]{} {}\n",
            if s.headline { " (headline)" } else { "" },
            s.text
        ));
        for m in found.mentions.iter().filter(|m| m.sentence == i) {
            out.push_str(&format!(
                "    person {} at {}..{}\n",
                m.person, m.start, m.end
            ));
        }
        for d in dates {
            out.push_str(&format!("    date {:?} {:?}\n", d.when, d.bound));
        }
        for t in &found.titles[i] {
            out.push_str(&format!(
                "    title {} at {}..{}\n",
                t.title.english, t.start, t.end
            ));
        }
        for h in &found.hits[i] {
            out.push_str(&format!(
                "    name {:?} at {}..{}\n",
                &s.text[h.start..h.end],
                h.start,
                h.end
            ));
        }
    }
    for (i, p) in found.people.iter().enumerate() {
        out.push_str(&format!(
            "person {i}: {} ({:?}) known={} side={:?} rank={:?} province={:?} city={:?} place={:?} title={:?}\n",
            p.name,
            p.local,
            p.known,
            p.side,
            p.rank(),
            p.province,
            p.city,
            p.place,
            p.title_text
        ));
    }
    out
}
