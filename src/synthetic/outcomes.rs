//! Synthetic outcomes (about one visit in five comes to one, dated within it) and
//! officials' careers (some with two or three posts in turn). They draw from their own
//! random stream, so the visits, meetings and forums of a seed stay what they were.

use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::vocabulary::{CN_TITLES, KR_TITLES, TOPICS};
use super::{Made, new, zipf};
use crate::domain::{Amount, Currency, Day, FlexDate, Money, OutcomeKind, OutcomeStatus};
use crate::store::{outcome, post, visit};

/// Picks by weight.
fn weighted<T: Copy>(rng: &mut ChaCha8Rng, items: &[(T, u32)]) -> T {
    let total: u32 = items.iter().map(|(_, w)| w).sum();
    let mut at = rng.random_range(0..total);
    for (item, w) in items {
        if at < *w {
            return *item;
        }
        at -= w;
    }
    items[0].0
}

/// An amount as deals are announced: a round figure in the currency's usual unit (억 for
/// won and yen, millions for the others).
fn amount(rng: &mut ChaCha8Rng) -> Money {
    use Currency::*;
    let currency = weighted(rng, &[(Krw, 40), (Usd, 30), (Cny, 20), (Eur, 5), (Jpy, 5)]);
    let unit: i64 = match currency {
        Krw | Jpy => 100_000_000,
        _ => 1_000_000,
    };
    let units = rng.random_range(1..=3000i64) * unit;
    Money {
        amount: Amount::from_minor(units * 100).expect("positive"),
        currency,
        about: false,
    }
}

/// One outcome for about one visit in five, dated within the visit, from its provinces,
/// with the Korean places it went to as the Korean side; some linked to one of its
/// meetings or to a forum it attended.
pub(super) fn make_outcomes(
    rng: &mut ChaCha8Rng,
    made: &mut Made,
    first: i64,
    korean: &[crate::store::region::Region],
    seed: u64,
) {
    use OutcomeKind::*;
    use OutcomeStatus::*;
    let mut meetings_of: std::collections::HashMap<i64, Vec<i64>> = Default::default();
    for m in &made.meetings {
        if let Some(v) = m.fields.visit_id {
            meetings_of.entry(v).or_default().push(m.id);
        }
    }
    let mut forum_of: std::collections::HashMap<i64, i64> = Default::default();
    for f in &made.forums {
        for v in &f.fields.visits {
            forum_of.insert(*v, f.id);
        }
    }
    let mut id = first;
    for v in &made.visits {
        if !rng.random_bool(0.2) {
            continue;
        }
        let f: &visit::Fields = &v.fields;
        let kind = weighted(
            rng,
            &[
                (Mou, 40),
                (Agreement, 20),
                (Pledge, 20),
                (Contract, 10),
                (SisterCity, 5),
                (Other, 5),
            ],
        );
        let status = weighted(
            rng,
            &[
                (Announced, 15),
                (Signed, 55),
                (InProgress, 15),
                (Realized, 10),
                (Cancelled, 5),
            ],
        );
        let date = match (f.start, f.end) {
            (FlexDate::Day(s), Some(end)) => {
                let days = (end.first_day().naive() - s.naive()).num_days().max(0) as u64;
                FlexDate::Day(Day::from_naive(
                    s.naive() + chrono::Days::new(rng.random_range(0..=days)),
                ))
            }
            (start, _) => start,
        };
        let with_amount = match kind {
            Pledge | Contract => 0.9,
            Agreement => 0.4,
            _ => 0.2,
        };
        let amount = rng.random_bool(with_amount).then(|| amount(rng));
        let topic = TOPICS[zipf(rng, TOPICS.len())];
        let place = f
            .places
            .first()
            .and_then(|p| korean.iter().find(|k| k.id == *p))
            .map_or("Seoul", |k| k.name.as_str());
        let meeting_id = meetings_of
            .get(&v.id)
            .filter(|_| rng.random_bool(0.3))
            .map(|ms| ms[rng.random_range(0..ms.len())]);
        made.outcomes.push(new(
            id,
            outcome::Fields {
                kind,
                title: format!("[synthetic] {} on {topic} ({})", kind.label(), v.id),
                date,
                status,
                provinces: f.provinces.clone(),
                city: None,
                korean_side: Some(format!("{place} government")),
                amount,
                visit_id: Some(v.id),
                meeting_id,
                forum_id: forum_of
                    .get(&v.id)
                    .copied()
                    .filter(|_| rng.random_bool(0.5)),
                summary: Some(format!(
                    "[synthetic] {} reached during visit {}.",
                    kind, v.id
                )),
                sources: vec![visit::Source {
                    url: format!("https://example.org/synthetic/{seed}/outcome/{id}"),
                    title: Some(format!("[synthetic] {} on {topic}", kind.label())),
                    published: None,
                }],
            },
        ));
        id += 1;
    }
}

/// Each official's posts: their title, held since a day in 2017-2024, and for three in ten
/// one or two earlier posts in turn before it, each ending the day before the next began.
pub(super) fn make_positions(rng: &mut ChaCha8Rng, made: &mut Made) {
    let origin = Day::parse("2017-01-01").expect("valid").naive();
    for o in &made.officials {
        let f = &o.fields;
        let Some(title) = &f.title else { continue };
        let mut start = origin + chrono::Days::new(rng.random_range(0..2740));
        let current = post::Fields {
            title: title.clone(),
            organization: f.organization.clone(),
            province_id: f.province_id,
            from: Some(FlexDate::Day(Day::from_naive(start))),
            to: None,
        };
        made.posts.push((o.id, current));
        let earlier = if rng.random_bool(0.3) {
            rng.random_range(1..=2)
        } else {
            0
        };
        let titles: &[&str] = if f.country == "China" {
            &CN_TITLES
        } else {
            &KR_TITLES
        };
        for k in 0..earlier {
            let end = start - chrono::Days::new(1);
            start = end - chrono::Days::new(rng.random_range(300..1500));
            // A month-only start, as a source may give it, now and then.
            let from = if rng.random_bool(0.2) {
                FlexDate::Month(Day::from_naive(start).month().next())
            } else {
                FlexDate::Day(Day::from_naive(start))
            };
            let base = titles[rng.random_range(0..titles.len())];
            let place = f
                .organization
                .as_deref()
                .unwrap_or("")
                .trim_end_matches(" Provincial Government");
            let place = place.trim_end_matches(" government");
            let mut earlier_title = if f.country == "China" {
                format!("{base} {place}")
            } else {
                format!("{base} of {place}")
            };
            if earlier_title == *title || k > 0 {
                earlier_title = format!("{earlier_title} (term {})", earlier - k);
            }
            made.posts.push((
                o.id,
                post::Fields {
                    title: earlier_title,
                    organization: f.organization.clone(),
                    province_id: f.province_id,
                    from: Some(from),
                    to: Some(FlexDate::Day(Day::from_naive(end))),
                },
            ));
        }
    }
}
