//! A visit the report tells without naming who led it (`A delegation from Jiangsu Province
//! visited Korea from September 10 to 12`): drafted from the sentence that says so, with
//! no leader; the moderator adds one once known.

use std::sync::LazyLock;

use regex::Regex;

use super::assemble::{Reading, VISIT};
use super::pattern as re;
use super::{Evidence, VisitDraft};

/// The words for a delegation in the three languages.
static DELEGATION: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\bdelegations?\b|대표단|방문단|방한단|사절단|일행|代表团|访问团|考察团|经贸团|一行")
});

/// The first sentence of the lede that has a Chinese province's or city's delegation
/// visiting, as a visit with no leader.
pub fn visit(r: &Reading) -> Option<VisitDraft> {
    let lede = (0..r.doc.sentences.len())
        .filter(|si| !r.doc.sentences[*si].headline)
        .take(4);
    for si in lede {
        let text = r.text(si);
        if !VISIT.is_match(text) || !DELEGATION.is_match(text) {
            continue;
        }
        let hits = &r.found.hits[si];
        let Some(province) = hits.iter().find_map(|h| {
            h.province()
                .map(String::from)
                .or_else(|| h.cities().first().map(|c| c.1.to_string()))
        }) else {
            continue;
        };
        let city = hits
            .iter()
            .find_map(|h| h.cities().first().filter(|c| !c.2).map(|c| c.0.to_string()));
        let when = r.dates[si].first().map(|d| d.when);
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
        return Some(VisitDraft {
            provinces: vec![province],
            level: Some(
                if city.is_some() {
                    "municipal"
                } else {
                    "provincial"
                }
                .to_string(),
            ),
            city,
            leader: None,
            start: when.map(|w| w.start_text()),
            end: when.and_then(|w| w.end_day()).map(|d| d.to_string()),
            places,
            purpose: None,
            size: None,
            evidence,
        });
    }
    None
}
