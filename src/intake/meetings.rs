//! Whom the delegation met (a sentence that has them meeting, signing with or being
//! received by named officials; `joined`, `参加会见`, `배석` add people to the meeting
//! before), the places it went to, and visits of other delegations the report mentions in
//! passing (`궁정 산둥성장이 3월 ... 한국을 찾아`).

use std::sync::LazyLock;

use chrono::Datelike;
use regex::Regex;

use super::assemble::{Delegation, Reading, VISIT, about_delegation};
use super::dates::When;
use super::lexicon::Hit;
use super::titles::{Rank, Side};
use super::{Evidence, MeetingDraft, VisitDraft};

use super::pattern as re;

pub(super) static MEET: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bmet\b|\bmeets?\b|\bmeetings? with\b|\bmeeting (?-i:[A-Z])|\bpaid (a )?(courtesy )?(call|visit) on\b|\bheld talks\b|\btalks with\b|\bsat down\b|\bcalled on\b|courtesy call|\breceived\b|\bhosted\b|\bwelcom(ed|es)\b|\bwelcome (dinner|banquet|luncheon|lunch|reception|ceremony)\b|\bgreet|\blunch|\bdinner\b|\bluncheon\b|\bbriefed\b|\bsigned\b|접견|면담|만나|만났|만난|만남|체결|서명했|서명하|협약을 맺|협정을 맺|각서를 맺|签约|签订|회담|환담|맞아|맞이|맞았|맞은|마주 앉|마주앉|양편에 앉|양쪽에 앉|예방|오찬|만찬|간담회|회동|재회|환영했|환영하며|환영하고|영접|방문을 받|会见|会谈|会晤|见面|会面|拜会|拜访|座谈|接见|接待|宴请|签署",
    )
});
static NOT_MET: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)did not meet|didn't meet|not meet him|had been expected|was expected to|\bwill (meet|hold talks|sign|call on)|\b(is|are) (scheduled|set|due|expected) to (meet|hold|sign|call)|\bplans? to meet|만나지 않|만나지 못|가능성|성사되면|만날 (예정|계획)|(만나|면담하|회담하|접견하)[^.]{0,40}(할|될) (예정|계획)|未会见|将(会见|会谈|签署|与)",
    )
});
static JOINED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bjoined\b|\balso present\b|\baccompanied\b|\bincluded\b|参加会见|陪同会见|陪同|배석|참석했|함께했|함께 했|함께한|동행",
    )
});
static MEMBERS_LISTED: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\bincluded\b|\bincluding\b|\bmembers\b|포함|구성|成员|随团|包括"));
static SEPARATE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bmeetings\b|separate|one after the other|respectively|back-to-back|차례로|각각|分别|先后",
    )
});
static OFFICE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)city hall|county office|provincial (government|office)|\bcalled on\b|\bcourtesy call\b|도청|시청|구청|군청|예방|市政厅|市政府|道厅|郡厅|拜会|拜访|의회",
    )
});
static TOUR: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\btoured\b|\bvisited\b|둘러|견학|시찰|참관|방문|찾아|参观|考察|走访")
});

pub static ELSEWHERE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bwhen (he|she|kim|oh|park|lee)\b|\btraveled to\b|\bvisited (china|beijing|boao)|\blast (october|year)|\bat the time\b|방중|중국을 방문|순방|당시|(았|었|했)을 때|访华|来华|当时",
    )
});

/// A meeting announced, not yet held (`면담할 예정이다`, `20일 만난다`, `will meet`, `将会见`):
/// a future or planned verb and no verb in the past tense.
fn planned(text: &str) -> bool {
    static PLANNED: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)예정|계획이|방침이|만난다|갖는다|맺는다|연다\b|\bwill\b|\b(is|are) to\b|\bplans? to\b|将(会见|会谈|与|同|于|出席|签署|拜会)|拟",
        )
    });
    static HELD: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)했다|였다|었다|았다|했으며|했고|가졌|나눴|\b(met|held|signed|was|were|had|received|hosted)\b|了",
        )
    });
    // `면담할 예정이라고 전했다`: the verb of reporting is not the meeting's.
    static REPORTED: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?:이라|라|다)고\s*(?:전했|밝혔|말했|설명했|덧붙였|했)다"));
    PLANNED.is_match(text) && !HELD.is_match(&REPORTED.replace_all(text, ""))
}

/// `인천광역시(시장 유정복)는`: the head of a body named in brackets after it, who describes
/// the body (the subject of the sentence) and was at no meeting for it.
fn bracketed_head(text: &str, start: usize) -> bool {
    static HEAD: LazyLock<Regex> = LazyLock::new(|| {
        re(r"[가-힣]\((?:시장|도지사|지사|군수|구청장|회장|위원장|의장|원장|이사장|청장|대표)\s*$")
    });
    HEAD.is_match(&text[..start])
}

fn date_text(w: When) -> String {
    match w {
        When::Month(..) => w.start_text(),
        _ => w.first().to_string(),
    }
}

/// Whether the place `h` of sentence `si` is someone's office rather than a place: a title
/// right after it (`Seoul Mayor`, `Seoul's mayor`, `서울시장`, `Jeju (제주) Governor`) or a
/// person (`서울 오세훈`).
fn is_office(r: &Reading, si: usize, h: &Hit) -> bool {
    let text = r.text(si);
    let title_after = r.found.titles[si].iter().any(|t| {
        t.gap_after(text, h.start, h.end).is_some_and(|gap| {
            // Not past a clause's end (`仁川广域市议会，议长…`).
            (gap.chars().count() <= 3 && !gap.contains([',', '，', '、', '。', ';']))
                || gap.trim() == "'s"
                || gap.trim_start().starts_with('(')
        })
    });
    title_after
        || r.found
            .mentions
            .iter()
            .any(|m| m.sentence == si && m.start >= h.end && text[h.end..m.start].trim().is_empty())
}

/// The Korean place a sentence sets something in: the most specific place named there
/// that is not someone's office (`Seoul Mayor`, `제주도 정무부지사`, `济州道知事`).
fn place_in(r: &Reading, si: usize) -> Option<String> {
    let hits = &r.found.hits[si];
    hits.iter()
        .enumerate()
        .filter(|(i, h)| {
            h.place().is_some()
                && !hits
                    .get(i + 1)
                    .is_some_and(|n| n.place().is_some() && n.start == h.end)
        })
        .map(|(_, h)| h)
        .filter(|h| !is_office(r, si, h))
        .max_by_key(|h| (h.detail(), std::cmp::Reverse(h.start)))
        .and_then(|h| h.place().map(String::from))
}

struct Building {
    date: Option<When>,
    place: Option<String>,
    people: Vec<usize>,
    counterparts: Vec<usize>,
    evidence: Evidence,
    sentence: usize,
}

pub fn meetings(r: &Reading, leader: usize, d: &Delegation) -> Vec<MeetingDraft> {
    let mut built: Vec<Building> = Vec::new();
    let mut last_meeting: Option<(usize, usize)> = None;
    for (si, s) in r.doc.sentences.iter().enumerate() {
        if s.headline {
            continue;
        }
        let text = &s.text;
        let people = r.people_in(si);
        let is_delegation = |p: &usize| d.members.contains(p);
        let described = |p: &usize| {
            r.found
                .mentions
                .iter()
                .filter(|m| m.sentence == si && m.person == *p)
                .all(|m| bracketed_head(text, m.start))
        };
        let counterparts: Vec<usize> = people
            .iter()
            .copied()
            .filter(|p| !is_delegation(p))
            .filter(|p| {
                let q = r.person(*p);
                q.side != Side::China
                    || q.rank() == Rank::Resident
                    || !q.known && q.province.is_none() && q.city.is_none()
            })
            .filter(|p| r.person(*p).rank() != Rank::National)
            .collect();
        // The body's head in brackets is the host only when no one else of the body is named
        // (`한중친선협회(회장 이세기)가 ... 오찬을 열었다`, not `인천시(시장 박남춘)는 박준하
        // 행정부시장이 ... 접견하고`).
        let counterparts: Vec<usize> = if counterparts.iter().any(|p| !described(p)) {
            counterparts.into_iter().filter(|p| !described(p)).collect()
        } else {
            counterparts
        };
        let meets = MEET.is_match(text)
            && !NOT_MET.is_match(text)
            && !ELSEWHERE.is_match(text)
            && !planned(text);
        if !meets {
            let target = built
                .iter()
                .position(|b| {
                    people
                        .iter()
                        .any(|p| b.counterparts.contains(p) || b.people.contains(p))
                })
                .or(last_meeting
                    .filter(|(_, at)| si - at <= 3)
                    .map(|(mi, _)| mi));
            // A list of the delegation's members (`대표단에는 ... 등이 포함됐다. ... 배석했다`) says
            // who came, not who sat in; a meeting told of another time is no one's here.
            let members_listed = MEMBERS_LISTED.is_match(text);
            if JOINED.is_match(text)
                && !ELSEWHERE.is_match(text)
                && let Some(mi) = target
            {
                for p in people {
                    let q = r.person(p);
                    if members_listed && q.side == Side::China {
                        continue;
                    }
                    if !built[mi].people.contains(&p) && q.rank() != Rank::National {
                        built[mi].people.push(p);
                    }
                }
            }
            continue;
        }
        let whole = [
            "delegation",
            "代表团",
            "대표단",
            "일행",
            "一行",
            "Chinese side",
            "중국 측",
        ]
        .iter()
        .any(|w| text.contains(w));
        // The delegation's people named here (members, or officials of its province
        // travelling with it); a past visitor from elsewhere makes it another story.
        let home = &d.provinces;
        let referenced = about_delegation(r, si, leader, d);
        let strangers = people.iter().any(|p| {
            let q = r.person(*p);
            q.side == Side::China
                && q.rank() != Rank::Resident
                && q.province.as_ref().is_some_and(|prov| !home.contains(prov))
        });
        if strangers && !people.contains(&leader) && !referenced {
            continue;
        }
        let mut ours: Vec<usize> = people
            .iter()
            .copied()
            .filter(|p| {
                let q = r.person(*p);
                q.side == Side::China
                    && q.rank() != Rank::Resident
                    && q.rank() != Rank::National
                    && !counterparts.contains(p)
                    && (is_delegation(p)
                        || q.province.as_ref().is_none_or(|prov| home.contains(prov)))
            })
            .collect();
        if whole {
            for m in &d.members {
                if !ours.contains(m) {
                    ours.push(*m);
                }
            }
        } else if ours.is_empty() && (referenced || !counterparts.is_empty()) {
            ours.push(leader);
        }
        if ours.is_empty() || counterparts.is_empty() {
            if !ours.is_empty()
                && let Some((mi, at)) = last_meeting
                && si - at <= 2
            {
                for p in ours {
                    if !built[mi].people.contains(&p) {
                        built[mi].people.push(p);
                    }
                }
            }
            continue;
        }
        let mut dates: Vec<When> = r.dates[si]
            .iter()
            .map(|m| m.when)
            .filter(|w| w.is_day())
            .collect();
        // `visited from June 11 to 13, meeting the governor on June 12`: a meeting is held on
        // one day, the range is the visit's.
        if dates.iter().any(|w| matches!(w, When::Day(_))) {
            dates.retain(|w| matches!(w, When::Day(_)));
        }
        let mut place = place_in(r, si);
        // No place said: where the host's office is, where the report has them received there
        // or called on (`called on Sejong Mayor Choi`, `윤 군수는 군청에서 맞았다`).
        if place.is_none() && OFFICE.is_match(text) {
            place = counterparts.iter().find_map(|c| r.person(*c).place.clone());
        }
        let split = counterparts.len() > 1 && (SEPARATE.is_match(text) || dates.len() > 1);
        let groups: Vec<(Vec<usize>, Option<When>)> = if split {
            counterparts
                .iter()
                .map(|c| {
                    let at = r
                        .found
                        .mentions
                        .iter()
                        .find(|m| m.sentence == si && m.person == *c)
                        .map_or(0, |m| m.end);
                    let when = r.dates[si]
                        .iter()
                        .filter(|m| m.when.is_day())
                        .find(|m| m.start >= at)
                        .or(r.dates[si].iter().rfind(|m| m.when.is_day()))
                        .map(|m| m.when);
                    (vec![*c], when)
                })
                .collect()
        } else {
            vec![(counterparts.clone(), dates.first().copied())]
        };
        for (group, when) in groups {
            let mut evidence = Evidence::new();
            evidence.insert("officials".into(), text.clone());
            if when.is_some() {
                evidence.insert("date".into(), text.clone());
            }
            if place.is_some() {
                evidence.insert("place".into(), text.clone());
            }
            let mut all = ours.clone();
            all.extend(group.iter().copied());
            // The same meeting told again: merge.
            let same = built.iter().position(|b| {
                let shared = b.counterparts.iter().any(|c| group.contains(c));
                let subset = group.iter().all(|c| b.counterparts.contains(c))
                    || b.counterparts.iter().all(|c| group.contains(c));
                let dates_agree = match (b.date, when) {
                    (Some(a), Some(w)) => a.first() == w.first(),
                    _ => true,
                };
                shared && subset && dates_agree
            });
            match same {
                Some(i) => {
                    let b = &mut built[i];
                    for p in all {
                        if !b.people.contains(&p) {
                            b.people.push(p);
                        }
                    }
                    for c in &group {
                        if !b.counterparts.contains(c) {
                            b.counterparts.push(*c);
                        }
                    }
                    if b.date.is_none() {
                        b.date = when;
                        if when.is_some() {
                            b.evidence.insert("date".into(), text.clone());
                        }
                    }
                    if b.place.is_none() && place.is_some() {
                        b.place = place.clone();
                        b.evidence.insert("place".into(), text.clone());
                    }
                    last_meeting = Some((i, si));
                }
                None => {
                    built.push(Building {
                        date: when,
                        place: place.clone(),
                        people: all,
                        counterparts: group,
                        evidence,
                        sentence: si,
                    });
                    last_meeting = Some((built.len() - 1, si));
                }
            }
        }
    }
    built.sort_by_key(|b| b.sentence);
    built
        .into_iter()
        .map(|b| MeetingDraft {
            date: b.date.map(date_text),
            officials: b.people.iter().map(|p| r.person(*p).name.clone()).collect(),
            place: b.place,
            visit: Some(0),
            evidence: b.evidence,
        })
        .collect()
}

/// The Korean places the delegation went to, in the order the report names them.
pub fn places(r: &Reading, leader: usize, d: &Delegation, evidence: &mut Evidence) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut areas: Vec<String> = Vec::new();
    for (si, s) in r.doc.sentences.iter().enumerate() {
        let text = &s.text;
        let subjectless = r.doc.lang != super::sentences::Lang::En
            && TOUR.is_match(text)
            && !r
                .people_in(si)
                .iter()
                .any(|p| r.person(*p).side == Side::China && !d.members.contains(p));
        if s.headline
            || !(about_delegation(r, si, leader, d) || subjectless)
            || ELSEWHERE.is_match(text)
        {
            continue;
        }
        if !(VISIT.is_match(text)
            || MEET.is_match(text)
            || TOUR.is_match(text)
            || !r.dates[si].is_empty())
        {
            continue;
        }
        let titles = &r.found.titles[si];
        let hits = &r.found.hits[si];
        for (hi, h) in hits.iter().enumerate() {
            let Some(place) = h.place() else { continue };
            // `대구경북신공항` is an airport's name, `경북 경주시` a city with its province,
            // `at the invitation of Daegu` no place the delegation went to.
            let next = hits
                .get(hi + 1)
                .filter(|n| n.place().is_some() && n.detail() > 0);
            if let Some(n) = next {
                let gap = &text[h.end..n.start];
                if gap.is_empty()
                    || (gap.trim().is_empty() && n.detail() > h.detail() && gap.len() <= 2)
                {
                    continue;
                }
            }
            let head = &text[..h.start];
            if head.ends_with("invitation of ")
                || head.ends_with("invitation of the ")
                || head.ends_with("invitation of Daegu and ")
            {
                continue;
            }
            let possessive_office = text[h.end..].starts_with("'s ") && {
                let rest = &text[h.end + 3..];
                titles.iter().any(|t| {
                    t.start >= h.end + 3
                        && t.start - (h.end + 3) <= 30
                        && !rest[..t.start - h.end - 3].contains(',')
                })
            };
            if is_office(r, si, h) || possessive_office {
                continue;
            }
            if !out.iter().any(|p| p == place) {
                if out.is_empty() {
                    evidence.insert("places".into(), text.clone());
                }
                out.push(place.to_string());
                if h.detail() == 0 {
                    areas.push(place.to_string());
                }
            }
        }
    }
    // Neighbourhoods (`首尔汝矣岛`, `Incheon's Songdo`) where the report names a city or
    // province too: the delegation went to the city.
    if out.iter().any(|p| !areas.contains(p)) {
        out.retain(|p| !areas.contains(p));
    }
    out
}

/// Other visits the report states with their time: earlier ones by other Chinese officials
/// (`궁정 산둥성장이 3월, 멍판리 칭다오시장이 5월 ... 각각 한국을 찾아`, `지난주에는 왕셴쿠이
/// 헤이룽장성 당서기가 ... 한국을 다녀갔다`), the leader's own earlier one (`지난 6월에 이어 올해만
/// 두 번째`), and other provinces' leaders coming on their own days (`26일부터 28일까지는 왕샤오둥
/// 후베이성장이, 다음 달 1일부터는 인리 쓰촨성장이 한국을 방문한다`).
pub fn earlier_visits(r: &Reading, leader: usize, d: &Delegation) -> Vec<VisitDraft> {
    static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\bin (january|february|march|april|may|june|july|august|september|october|november|december)\b|\b(late|early|mid)[- ](january|february|march|april|may|june|july|august|september|october|november|december)\b|\blast (week|month|year)\b|\bprevious\b|\bbefore\b|에 이어|각각|앞서|지난 ?\d{1,2}월|지난주|지난달|지난해|\d{1,2}월에도|此前|曾于|去年|上月",
        )
    });
    static KOREA: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?i)방한|한국을|한국에|来韩|访韩|赴韩|\b(South )?Korea\b"));
    let published = r.doc.published;
    // `지난주`, `지난달`, `last week`: the month they fall in.
    let relative_month = |text: &str| -> Option<When> {
        let back = if text.contains("지난주") || text.to_lowercase().contains("last week") {
            7
        } else if text.contains("지난달") || text.to_lowercase().contains("last month") {
            published.day() as i64 + 1
        } else {
            return None;
        };
        let day = published - chrono::Duration::days(back);
        Some(When::Month(day.year(), day.month()))
    };
    let mut out: Vec<VisitDraft> = Vec::new();
    for (si, s) in r.doc.sentences.iter().enumerate() {
        let text = &s.text;
        if s.headline || !VISIT.is_match(text) {
            continue;
        }
        let people = r.people_in(si);
        // A Korean trip to China told as background (`김 지사가 허베이성을 찾았을 때 왕 성장과`):
        // the Chinese official named there stayed at home.
        let to_china = r.found.hits[si].iter().any(|h| {
            h.official().is_none()
                && h.place().is_none()
                && super::assemble::destination(text, h.start, h.end, false)
        });
        if to_china {
            continue;
        }
        let earlier = BEFORE.is_match(text);
        // Days of their own, for other provinces' leaders in a sentence without ours.
        let own_days = !people.contains(&leader) && !earlier && KOREA.is_match(text);
        let mut dates: Vec<(usize, When)> = r.dates[si]
            .iter()
            .filter(|m| match m.when {
                When::Month(..) => earlier && m.when.first() < published,
                _ => own_days,
            })
            .map(|m| (m.start, m.when))
            .collect();
        if dates.is_empty()
            && earlier
            && let Some(w) = relative_month(text)
        {
            dates.push((0, w));
        }
        if dates.is_empty() {
            continue;
        }
        for p in people {
            let q = r.person(p);
            if q.side != Side::China
                || q.rank() == Rank::Resident
                || q.rank() == Rank::National
                || (p != leader && d.members.contains(&p))
            {
                continue;
            }
            let own_province = q
                .province
                .as_ref()
                .is_some_and(|prov| !d.provinces.contains(prov));
            if own_days && !own_province {
                continue;
            }
            let (at, end) = r
                .found
                .mentions
                .iter()
                .find(|m| m.sentence == si && m.person == p)
                .map_or((0, 0), |m| (m.start, m.end));
            // The date in this person's clause (`궁정 산둥성장이 3월, 멍판리 칭다오시장이 5월`,
            // `26일부터 28일까지는 왕샤오둥 후베이성장이, 다음 달 1일부터는 인리 쓰촨성장이`),
            // else the nearest after the name.
            let clause_start = text[..at]
                .rfind([',', '，', '、', ';'])
                .map_or(0, |i| i + 1);
            let clause_end = text[end..]
                .find([',', '，', '、', ';'])
                .map_or(text.len(), |i| end + i);
            let chosen = dates
                .iter()
                .find(|(start, _)| *start >= clause_start && *start < clause_end)
                .or(dates.iter().find(|(start, _)| *start >= end));
            let Some((_, when)) = chosen.or(dates.last()) else {
                continue;
            };
            if p == leader && !text.contains("이어") && !text.contains("previous") {
                continue;
            }
            let start = match when {
                When::Month(..) => when.start_text(),
                _ => when.first().to_string(),
            };
            if out.iter().any(|v| {
                v.leader.as_deref() == Some(q.name.as_str())
                    && v.start.as_deref() == Some(start.as_str())
            }) {
                continue;
            }
            let province = q.province.clone();
            let mut evidence = Evidence::new();
            evidence.insert("start".into(), text.clone());
            evidence.insert("leader".into(), text.clone());
            let places = place_in(r, si).into_iter().collect();
            out.push(VisitDraft {
                provinces: province.into_iter().collect(),
                city: q.city.as_ref().map(|c| c.0.clone()),
                level: Some(
                    if q.city.is_some() {
                        "municipal"
                    } else {
                        "provincial"
                    }
                    .into(),
                ),
                leader: Some(q.name.clone()),
                start: Some(start),
                end: when.end_day().map(|d| d.to_string()),
                places,
                purpose: None,
                size: None,
                evidence,
            });
        }
    }
    out
}
