//! A visit the report tells without naming who led it (`A delegation from Jiangsu Province
//! visited Korea from September 10 to 12`): drafted from the sentence that says so, with
//! no leader; the moderator adds one once known.

use std::sync::LazyLock;

use regex::Regex;

use chrono::Duration;

use super::assemble::{Reading, VISIT};
use super::dates;
use super::meetings::MEET;
use super::pattern as re;
use super::{Evidence, VisitDraft};

/// The words for a delegation in the three languages.
static DELEGATION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bdelegations?\b|\bofficials\b|대표단|방문단|방한단|사절단|일행|공무원|代表团|访问团|考察团|经贸团|一行|人员|官员",
    )
});

/// The first sentence of the lede that has a Chinese province's or city's delegation
/// visiting, as a visit with no leader.
pub fn visit(r: &Reading) -> Option<VisitDraft> {
    let lede = (0..r.doc.sentences.len())
        .filter(|si| !r.doc.sentences[*si].headline)
        .take(4);
    for si in lede {
        let text = r.text(si);
        let hits = &r.found.hits[si];
        // `오세훈 서울시장은 서울시청에서 충칭시 대표단을 만났다`: a delegation met in Korea
        // came to Korea.
        let met_here = MEET.is_match(text)
            && (hits.iter().any(|h| h.place().is_some())
                || r.people_in(si)
                    .iter()
                    .any(|p| r.person(*p).side == super::titles::Side::Korea));
        if !(VISIT.is_match(text) || met_here) || !DELEGATION.is_match(text) {
            continue;
        }
        // Officials of several regions travelling together (`from Beijing and the provinces
        // of Jiangsu, Shandong and Yunnan`): each region named.
        let provinces: Vec<String> = hits
            .iter()
            .filter(|h| h.official().is_none())
            .filter_map(|h| {
                h.province()
                    .map(String::from)
                    .or_else(|| h.cities().first().map(|c| c.1.to_string()))
            })
            .fold(Vec::new(), |mut out, p| {
                if !out.contains(&p) {
                    out.push(p);
                }
                out
            });
        if provinces.is_empty() {
            continue;
        }
        let city = hits
            .iter()
            .find_map(|h| h.cities().first().filter(|c| !c.2).map(|c| c.0.to_string()));
        let when = r.dates[si].first().map(|d| d.when);
        // `a four-day visit`, `为期四天`: the last day from the first.
        let end = when.and_then(|w| w.end_day()).or_else(|| {
            let w = when.filter(|w| w.is_day())?;
            let days = dates::duration(text)?;
            Some(w.first() + Duration::days(days - 1))
        });
        let places: Vec<String> = hits
            .iter()
            .filter_map(|h| h.place().map(String::from))
            .fold(Vec::new(), |mut out, p| {
                if !out.contains(&p) {
                    out.push(p);
                }
                out
            });
        let mut evidence = Evidence::new();
        evidence.insert("provinces".into(), text.to_string());
        if when.is_some() {
            evidence.insert("start".into(), text.to_string());
        }
        let level = if provinces.len() > 1 {
            "other"
        } else if city.is_some() {
            "municipal"
        } else {
            "provincial"
        };
        return Some(VisitDraft {
            provinces,
            level: Some(level.to_string()),
            city,
            leader: None,
            start: when.map(|w| w.start_text()),
            end: end.map(|d| d.to_string()),
            places,
            purpose: None,
            size: None,
            evidence,
        });
    }
    None
}
