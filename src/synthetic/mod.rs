//! A deterministic synthetic data set of any size, shaped like the real record (officials
//! per visit, meetings per official, aliases, joint delegations, long names, searchable
//! text), for load tests and benchmarks. Records are made here and written by the store's
//! bulk inserts, as an import writes them: a million visits take minutes, not hours.

mod outcomes;
mod vocabulary;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::commands::{Actor, App};
use crate::domain::{Day, FlexDate, normalize};
use crate::error::{Result, user_err};
use crate::progress::Progress;
use crate::store::bulk::{New, next_id};
use crate::store::change::Change;
use crate::store::kind;
use crate::store::region::{self, Country, Region};
use crate::store::{self, audit, forum, meeting, official, outcome, post, search, visit};
use vocabulary::*;

const DATASET: &str = "synthetic";

/// Zipf-like choice of an index below `n`: index 0 is the most popular.
fn zipf(rng: &mut ChaCha8Rng, n: usize) -> usize {
    // Inverse-CDF of a continuous 1/x law over [1, n+1): cheap and close enough.
    let u: f64 = rng.random();
    (((n as f64 + 1.0).powf(u)) - 1.0)
        .floor()
        .min(n as f64 - 1.0) as usize
}

/// An official in office at time `t` (0..1 across the decade): people serve in turn, a few
/// dozen at a time, the most senior of them most often. So meetings per person stay in the
/// tens to hundreds at every size, as in the real record, instead of one name collecting a
/// fixed share of everything.
fn in_office(rng: &mut ChaCha8Rng, pool: &[i64], t: f64) -> i64 {
    let base = ((t * pool.len() as f64) as usize).min(pool.len() - 1);
    pool[(base + zipf(rng, pool.len().min(40))) % pool.len()]
}

/// Everything one run makes, ready for the store's bulk inserts.
#[derive(Default)]
struct Made {
    officials: Vec<New<official::Fields>>,
    aliases: Vec<(String, String, i64)>,
    visits: Vec<New<visit::Fields>>,
    meetings: Vec<New<meeting::Fields>>,
    forums: Vec<New<forum::Fields>>,
    outcomes: Vec<New<outcome::Fields>>,
    /// (official, post)
    posts: Vec<(i64, post::Fields)>,
}

/// The first free id of each kind, so synthetic records can be mixed into a live file.
struct FirstIds {
    official: i64,
    visit: i64,
    meeting: i64,
    forum: i64,
    outcome: i64,
}

/// The reference places records point at; the provinces in a fixed popularity order.
struct Places {
    provinces: Vec<Region>,
    korean: Vec<Region>,
}

/// Makes `visits` synthetic visits with officials (and their posts), meetings, forums,
/// outcomes and sources in proportion, spread over 2015-2024. The same seed gives the same
/// data.
pub async fn generate(
    app: &App,
    actor: &Actor,
    visits: usize,
    seed: u64,
    force: bool,
) -> Result<String> {
    generate_with(app, actor, visits, seed, force, &Progress::none()).await
}

/// `generate`, reporting its progress (made, written, indexed) to `progress`.
pub async fn generate_with(
    app: &App,
    actor: &Actor,
    visits: usize,
    seed: u64,
    force: bool,
    progress: &Progress,
) -> Result<String> {
    let real = store::live_records(&app.db, None).await?
        - store::live_records(&app.db, Some(DATASET)).await?;
    if real > 0 && !force {
        return user_err(
            "This database holds real or sample records; use an empty database (DATABASE_URL=sqlite://load.db) or add --force to mix synthetic data in.",
        );
    }
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut places = Places {
        provinces: region::all(&app.db, Country::China).await?,
        korean: region::all(&app.db, Country::Korea).await?,
    };
    // Popularity order of provinces: a fixed shuffle of the reference list per seed.
    for i in (1..places.provinces.len()).rev() {
        places.provinces.swap(i, rng.random_range(0..=i));
    }
    // One audit batch says what was loaded; per-record snapshots would double the file for
    // data that is thrown away after a benchmark (and undo skips it).
    let mut tx = Change::begin(
        app.begin().await?,
        &audit::Author {
            id: &actor.id,
            name: &actor.name,
        },
        DATASET,
        &format!("synthetic data: {visits} visits, seed {seed}"),
    )
    .await?;
    let cache = store::bulk::widen_cache(&mut tx).await?;
    let first = FirstIds {
        official: next_id(&mut tx, "officials").await?,
        visit: next_id(&mut tx, "visits").await?,
        meeting: next_id(&mut tx, "meetings").await?,
        forum: next_id(&mut tx, "forums").await?,
        outcome: next_id(&mut tx, "outcomes").await?,
    };
    let made = make(&mut rng, &places, &first, visits, seed, progress);

    progress.report("writing", visits as u64, visits as u64);
    let officials = kind::NewOfficials {
        rows: &made.officials,
        aliases: &made.aliases,
        readings: &[],
        posts: &made.posts,
    };
    kind::insert_officials(&mut tx, officials, DATASET, None).await?;
    kind::insert_many(&mut tx, &made.visits, DATASET).await?;
    kind::insert_many(&mut tx, &made.meetings, DATASET).await?;
    kind::insert_many(&mut tx, &made.forums, DATASET).await?;
    kind::insert_many(&mut tx, &made.outcomes, DATASET).await?;
    progress.report("indexing", visits as u64, visits as u64);
    search::rebuild(&mut tx).await?;
    progress.report("counting", visits as u64, visits as u64);
    store::bulk::restore_cache(&mut tx, cache).await?;
    tx.commit().await?;
    Ok(format!(
        "Made {visits} synthetic visits, {} officials ({} posts), {} meetings, {} forums and {} outcomes (seed {seed}); all marked [synthetic].",
        made.officials.len(),
        made.posts.len(),
        made.meetings.len(),
        made.forums.len(),
        made.outcomes.len()
    ))
}

fn new<F>(id: i64, fields: F) -> New<F> {
    New {
        id,
        version: 1,
        fields,
    }
}

fn make(
    rng: &mut ChaCha8Rng,
    places: &Places,
    first: &FirstIds,
    visits: usize,
    seed: u64,
    progress: &Progress,
) -> Made {
    let mut made = Made::default();
    let by_province = make_officials(rng, places, first.official, visits, &mut made);
    let korean: Vec<i64> = made
        .officials
        .iter()
        .filter(|o| o.fields.country == "Korea")
        .map(|o| o.id)
        .collect();
    let kr = &places.korean;
    let cn = &places.provinces;

    // Visits with their provinces, places and sources; meetings with their participants.
    let first_day = Day::parse("2015-01-01").expect("valid").naive();
    let mut mid = first.meeting;
    for v in 0..visits {
        if v % 1000 == 0 {
            progress.report("making", v as u64, visits as u64);
        }
        let vid = first.visit + v as i64;
        // Activity grows over the decade, as it did in the real record.
        let t: f64 = rng.random::<f64>().sqrt();
        let start_day = Day::from_naive(first_day + chrono::Days::new((t * 3652.0) as u64));
        let month_only = rng.random_bool(0.1);
        let start = if month_only {
            FlexDate::Month(start_day.month())
        } else {
            FlexDate::Day(start_day)
        };
        let length = rng.random_range(0..5u64);
        let end = (!month_only).then(|| {
            FlexDate::Day(Day::from_naive(
                start_day.naive() + chrono::Days::new(length),
            ))
        });
        let joint = if rng.random_bool(0.02) {
            rng.random_range(2..=16)
        } else if rng.random_bool(0.08) {
            rng.random_range(2..=4)
        } else {
            1
        };
        let mut provs: Vec<usize> = Vec::new();
        while provs.len() < joint.min(cn.len()) {
            let p = zipf(rng, cn.len());
            if !provs.contains(&p) {
                provs.push(p);
            }
        }
        let leaders = &by_province[provs[0]];
        let leader = (!leaders.is_empty()).then(|| in_office(rng, leaders, t));
        let mut visited: Vec<i64> = Vec::new();
        for _ in 0..rng.random_range(1..=3) {
            let p = kr[zipf(rng, kr.len())].id;
            if !visited.contains(&p) {
                visited.push(p);
            }
        }
        let topic = TOPICS[zipf(rng, TOPICS.len())];
        let sources = (0..rng.random_range(1..=2))
            .map(|k| visit::Source {
                url: format!("https://example.org/synthetic/{seed}/{v}/{k}"),
                title: Some(format!("[synthetic] Delegation visit on {topic}")),
                published: None,
            })
            .collect();
        for _ in 0..rng.random_range(0..=3) {
            let mut people: Vec<i64> = leader.into_iter().collect();
            for _ in 0..rng.random_range(1..=2) {
                let k = in_office(rng, &korean, t);
                if !people.contains(&k) {
                    people.push(k);
                }
            }
            let date = match start {
                FlexDate::Day(s) => FlexDate::Day(Day::from_naive(
                    s.naive() + chrono::Days::new(rng.random_range(0..=length)),
                )),
                month => month,
            };
            let place = kr[zipf(rng, kr.len())].name.clone();
            let summary = format!("[synthetic] Discussed {}.", TOPICS[zipf(rng, TOPICS.len())]);
            made.meetings.push(new(
                mid,
                meeting::Fields {
                    date,
                    place: Some(place),
                    summary: Some(summary),
                    visit_id: Some(vid),
                    participants: people,
                },
            ));
            mid += 1;
        }
        let level = if rng.random_bool(0.8) {
            "provincial"
        } else {
            "municipal"
        };
        made.visits.push(new(
            vid,
            visit::Fields {
                provinces: provs.iter().map(|p| cn[*p].id).collect(),
                start,
                end,
                city: None,
                level: Some(level.to_string()),
                leader_id: leader,
                places: visited,
                purpose: Some(format!(
                    "[synthetic] Talks on {topic} and investment promotion; visit {v}."
                )),
                size: Some(rng.random_range(5..60)),
                sources,
            },
        ));
    }
    for i in 0..(visits / 20).max(1) {
        let (name, kind) = FORUM_NAMES[zipf(rng, FORUM_NAMES.len())];
        let v = &made.visits[rng.random_range(0..made.visits.len())];
        let (visit_id, start) = (v.id, v.fields.start);
        made.forums.push(new(
            first.forum + i as i64,
            forum::Fields {
                name: format!("[synthetic] {name}"),
                kind: kind.to_string(),
                edition: Some(format!("{}th", 5 + i % 20)),
                start,
                end: None,
                place: Some(kr[zipf(rng, kr.len())].name.clone()),
                organizer: None,
                visits: vec![visit_id],
            },
        ));
    }
    // Outcomes and careers from a stream of their own: the records above stay as they
    // were for a seed.
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x0c7c_0e5e);
    outcomes::make_outcomes(&mut rng, &mut made, first.outcome, kr, seed);
    outcomes::make_positions(&mut rng, &mut made);
    made
}

/// Chinese officials, each serving one province (a few with names at the length limit),
/// and Korean ones; some carry a second spelling as an alias. Returns each province's
/// officials, in the provinces' order.
fn make_officials(
    rng: &mut ChaCha8Rng,
    places: &Places,
    first: i64,
    visits: usize,
    made: &mut Made,
) -> Vec<Vec<i64>> {
    let (cn, kr) = (&places.provinces, &places.korean);
    let mut taken = std::collections::HashSet::new();
    let mut by_province: Vec<Vec<i64>> = vec![Vec::new(); cn.len()];
    let (n_cn, n_kr) = ((visits / 8).max(10), (visits / 40).max(8));
    for i in 0..n_cn + n_kr {
        let id = first + i as i64;
        let chinese = i < n_cn;
        let (surnames, given): (&[&str], &[&str]) = if chinese {
            (&CN_SURNAMES, &CN_GIVEN)
        } else {
            (&KR_SURNAMES, &KR_GIVEN)
        };
        let mut base = format!(
            "{} {}",
            surnames[zipf(rng, surnames.len())],
            given[rng.random_range(0..given.len())]
        );
        if chinese && i % 97 == 0 {
            base = format!("{base} {}", "Synthetic-Long-Name ".repeat(5))
                .chars()
                .take(crate::domain::text::NAME_MAX - 8)
                .collect::<String>()
                .trim()
                .to_string();
        }
        let mut name = base.clone();
        let mut k = 2;
        while !taken.insert(normalize(&name)) {
            name = format!("{base} {k}");
            k += 1;
        }
        let (title, organization, province) = if chinese {
            let p = zipf(rng, cn.len());
            by_province[p].push(id);
            let pname = &cn[p].name;
            let title = CN_TITLES[rng.random_range(0..CN_TITLES.len())];
            (
                format!("{title} {pname}"),
                format!("{pname} Provincial Government"),
                Some(cn[p].id),
            )
        } else {
            let place = &kr[zipf(rng, kr.len())].name;
            let title = KR_TITLES[rng.random_range(0..KR_TITLES.len())];
            (
                format!("{title} of {place}"),
                format!("{place} government"),
                None,
            )
        };
        made.aliases.push((normalize(&name), name.clone(), id));
        if rng.random_bool(0.4) {
            let other = if chinese {
                name.replace(' ', "")
            } else {
                name.replace('-', "")
            };
            if taken.insert(normalize(&other)) {
                made.aliases.push((normalize(&other), other, id));
            }
        }
        made.officials.push(new(
            id,
            official::Fields {
                name,
                local_name: None,
                country: if chinese { "China" } else { "Korea" }.to_string(),
                title: Some(title),
                organization: Some(organization),
                province_id: province,
            },
        ));
    }
    by_province
}
