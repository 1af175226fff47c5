//! A deterministic synthetic data set of any size, shaped like the real record (officials
//! per visit, meetings per official, aliases, joint delegations, long names, searchable
//! text), for load tests and benchmarks. Rows are written in bulk: a million visits take
//! minutes, not hours.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::commands::{Actor, App};
use crate::domain::{Day, FlexDate, normalize};
use crate::error::{Result, user_err};
use crate::progress::Progress;
use crate::store::bulk::{insert as bulk, next_id};
use crate::store::{audit, now, search, summary};

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

const CN_SURNAMES: [&str; 20] = [
    "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma",
    "Zhu", "Hu", "Guo", "He", "Lin", "Gao", "Luo",
];
const CN_GIVEN: [&str; 24] = [
    "Jianguo",
    "Xiaoming",
    "Changxing",
    "Wei",
    "Hong",
    "Jun",
    "Lei",
    "Yong",
    "Haiyan",
    "Zhiqiang",
    "Guoqing",
    "Xiuying",
    "Jianhua",
    "Dongsheng",
    "Lihua",
    "Mingyuan",
    "Qiang",
    "Ping",
    "Yunfei",
    "Zhenhua",
    "Xiaodong",
    "Hailong",
    "Ruixue",
    "Tianyu",
];
const KR_SURNAMES: [&str; 12] = [
    "Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Oh",
];
const KR_GIVEN: [&str; 20] = [
    "Min-su",
    "Ji-hoon",
    "Young-hun",
    "Se-hoon",
    "Duck-soo",
    "Seo-yeon",
    "Hyun-woo",
    "Eun-ji",
    "Jae-won",
    "Sung-min",
    "Ha-eun",
    "Dong-hyun",
    "Soo-jin",
    "Jin-ho",
    "Mi-kyung",
    "Tae-yang",
    "Yoon-seo",
    "Kyung-soo",
    "Hye-jin",
    "Sang-woo",
];
const CN_TITLES: [&str; 5] = [
    "Party Secretary of",
    "Governor of",
    "Vice Governor of",
    "Mayor of the capital of",
    "Commerce Department head of",
];
const KR_TITLES: [&str; 6] = [
    "Mayor",
    "Governor",
    "Vice Mayor",
    "Minister",
    "Vice Minister",
    "Assembly Speaker",
];
const TOPICS: [&str; 12] = [
    "semiconductor supply chains",
    "electric vehicle batteries",
    "tourism and direct flights",
    "free trade port investment",
    "biotechnology cooperation",
    "cultural exchange",
    "port logistics",
    "green hydrogen",
    "agricultural trade",
    "education and students",
    "sister-city relations",
    "cosmetics and consumer goods",
];

const FORUM_NAMES: [(&str, &str); 5] = [
    ("Jeju Forum", "conference"),
    ("Korea-China Investment Forum", "investment forum"),
    ("Provincial Business Forum", "business forum"),
    (
        "Free Trade Port Promotion Conference",
        "promotion conference",
    ),
    ("Korea-China Economic Cooperation Conference", "conference"),
];

struct Official {
    id: i64,
    name: String,
    country: &'static str,
    title: String,
    organization: String,
    province: Option<i64>,
}

struct Visit {
    id: i64,
    start: FlexDate,
    end: Option<FlexDate>,
    level: &'static str,
    leader: Option<i64>,
    purpose: String,
    size: i64,
}

struct Meeting {
    id: i64,
    date: FlexDate,
    place: String,
    summary: String,
    visit: i64,
}

struct Forum {
    id: i64,
    name: String,
    kind: &'static str,
    edition: String,
    start: FlexDate,
    place: String,
}

/// Makes `visits` synthetic visits with officials, meetings, forums and sources in
/// proportion, spread over 2015-2024. The same seed gives the same data.
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
    let real: i64 = sqlx::query_scalar(
        "SELECT (SELECT count(*) FROM visits WHERE dataset != 'synthetic' AND deleted_at IS NULL)
              + (SELECT count(*) FROM officials WHERE dataset != 'synthetic' AND deleted_at IS NULL)",
    )
    .fetch_one(&app.db)
    .await?;
    if real > 0 && !force {
        return user_err(
            "This database holds real or sample records; use an empty database (DATABASE_URL=sqlite://load.db) or add --force to mix synthetic data in.",
        );
    }
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let cn: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, name FROM regions WHERE country = 'CN' ORDER BY id")
            .fetch_all(&app.db)
            .await?;
    let kr: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, name FROM regions WHERE country = 'KR' ORDER BY id")
            .fetch_all(&app.db)
            .await?;
    // Popularity order of provinces: a fixed shuffle of the reference list per seed.
    let mut order: Vec<usize> = (0..cn.len()).collect();
    for i in (1..order.len()).rev() {
        order.swap(i, rng.random_range(0..=i));
    }
    let mut tx = app.db.begin_with("BEGIN IMMEDIATE").await?;
    // The whole load is one transaction; with less cache than it writes, SQLite rereads
    // its own pages from the WAL (100,000 visits: 35 s instead of 13). This connection
    // keeps the larger cap; only the bulk tools come here.
    sqlx::query("PRAGMA cache_size = -1048576")
        .execute(&mut *tx)
        .await?;
    // One audit batch says what was loaded; per-record snapshots would double the file for
    // data that is thrown away after a benchmark (and undo skips it).
    audit::begin(
        &mut tx,
        &audit::Author {
            id: &actor.id,
            name: &actor.name,
        },
        "synthetic",
        &format!("synthetic data: {visits} visits, seed {seed}"),
    )
    .await?;
    let stamp = now();

    // Officials: Chinese ones belong to a province; a few have names at the length limit.
    let mut taken = std::collections::HashSet::new();
    let mut officials: Vec<Official> = Vec::new();
    let mut aliases: Vec<(String, String, i64)> = Vec::new();
    let mut id = next_id(&mut tx, "officials").await?;
    let (n_cn, n_kr) = ((visits / 8).max(10), (visits / 40).max(8));
    let mut by_province: Vec<Vec<i64>> = vec![Vec::new(); cn.len()];
    for i in 0..n_cn + n_kr {
        let chinese = i < n_cn;
        let (surnames, given): (&[&str], &[&str]) = if chinese {
            (&CN_SURNAMES, &CN_GIVEN)
        } else {
            (&KR_SURNAMES, &KR_GIVEN)
        };
        let mut base = format!(
            "{} {}",
            surnames[zipf(&mut rng, surnames.len())],
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
            let p = order[zipf(&mut rng, cn.len())];
            by_province[p].push(id);
            let pname = &cn[p].1;
            (
                format!(
                    "{} {pname}",
                    CN_TITLES[rng.random_range(0..CN_TITLES.len())]
                ),
                format!("{pname} Provincial Government"),
                Some(cn[p].0),
            )
        } else {
            let place = &kr[zipf(&mut rng, kr.len())].1;
            (
                format!(
                    "{} of {place}",
                    KR_TITLES[rng.random_range(0..KR_TITLES.len())]
                ),
                format!("{place} government"),
                None,
            )
        };
        aliases.push((normalize(&name), name.clone(), id));
        if rng.random_bool(0.4) {
            let other = if chinese {
                name.replace(' ', "")
            } else {
                name.replace('-', "")
            };
            if taken.insert(normalize(&other)) {
                aliases.push((normalize(&other), other, id));
            }
        }
        officials.push(Official {
            id,
            name,
            country: if chinese { "China" } else { "Korea" },
            title,
            organization,
            province,
        });
        id += 1;
    }
    let korean: Vec<i64> = officials
        .iter()
        .filter(|o| o.country == "Korea")
        .map(|o| o.id)
        .collect();

    // Visits, their provinces, places and sources; meetings with their participants.
    let first = Day::parse("2015-01-01").expect("valid").naive();
    let mut visit_rows = Vec::with_capacity(visits);
    let mut provinces_rows: Vec<(i64, i64)> = Vec::new();
    let mut places_rows: Vec<(i64, i64, i64)> = Vec::new();
    let mut sources_rows: Vec<(i64, String, String)> = Vec::new();
    let mut meetings: Vec<Meeting> = Vec::new();
    let mut participants: Vec<(i64, i64)> = Vec::new();
    let mut vid = next_id(&mut tx, "visits").await?;
    let mut mid = next_id(&mut tx, "meetings").await?;
    for v in 0..visits {
        if v % 1000 == 0 {
            progress.report("making", v as u64, visits as u64);
        }
        // Activity grows over the decade, as it did in the real record.
        let t: f64 = rng.random::<f64>().sqrt();
        let start_day = Day::from_naive(first + chrono::Days::new((t * 3652.0) as u64));
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
            let p = order[zipf(&mut rng, cn.len())];
            if !provs.contains(&p) {
                provs.push(p);
            }
        }
        let leaders = &by_province[provs[0]];
        let leader = (!leaders.is_empty()).then(|| in_office(&mut rng, leaders, t));
        let mut places: Vec<i64> = Vec::new();
        for _ in 0..rng.random_range(1..=3) {
            let p = kr[zipf(&mut rng, kr.len())].0;
            if !places.contains(&p) {
                places.push(p);
            }
        }
        let topic = TOPICS[zipf(&mut rng, TOPICS.len())];
        provinces_rows.extend(provs.iter().map(|p| (vid, cn[*p].0)));
        places_rows.extend(places.iter().enumerate().map(|(i, p)| (vid, *p, i as i64)));
        for k in 0..rng.random_range(1..=2) {
            sources_rows.push((
                vid,
                format!("https://example.org/synthetic/{seed}/{v}/{k}"),
                format!("[synthetic] Delegation visit on {topic}"),
            ));
        }
        for _ in 0..rng.random_range(0..=3) {
            let mut people: Vec<i64> = leader.into_iter().collect();
            for _ in 0..rng.random_range(1..=2) {
                let k = in_office(&mut rng, &korean, t);
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
            participants.extend(people.iter().map(|p| (mid, *p)));
            meetings.push(Meeting {
                id: mid,
                date,
                place: kr[zipf(&mut rng, kr.len())].1.clone(),
                summary: format!(
                    "[synthetic] Discussed {}.",
                    TOPICS[zipf(&mut rng, TOPICS.len())]
                ),
                visit: vid,
            });
            mid += 1;
        }
        visit_rows.push(Visit {
            id: vid,
            start,
            end,
            level: if rng.random_bool(0.8) {
                "provincial"
            } else {
                "municipal"
            },
            leader,
            purpose: format!("[synthetic] Talks on {topic} and investment promotion; visit {v}."),
            size: rng.random_range(5..60),
        });
        vid += 1;
    }
    let mut forums = Vec::new();
    let mut forum_visits = Vec::new();
    let mut fid = next_id(&mut tx, "forums").await?;
    for i in 0..(visits / 20).max(1) {
        let (name, kind) = FORUM_NAMES[zipf(&mut rng, FORUM_NAMES.len())];
        let v = &visit_rows[rng.random_range(0..visit_rows.len())];
        forum_visits.push((fid, v.id));
        forums.push(Forum {
            id: fid,
            name: format!("[synthetic] {name}"),
            kind,
            edition: format!("{}th", 5 + i % 20),
            start: v.start,
            place: kr[zipf(&mut rng, kr.len())].1.clone(),
        });
        fid += 1;
    }

    let s = stamp.as_str();
    progress.report("writing", visits as u64, visits as u64);
    bulk(&mut tx, "INSERT INTO officials (id, name, country, title, organization, province_id, dataset, created_at, updated_at) ", &officials, |b, o| {
        b.push_bind(o.id).push_bind(o.name.clone()).push_bind(o.country).push_bind(o.title.clone()).push_bind(o.organization.clone()).push_bind(o.province).push_bind("synthetic").push_bind(s.to_string()).push_bind(s.to_string());
    })
    .await?;
    bulk(
        &mut tx,
        "INSERT INTO official_aliases (norm, alias, official_id) ",
        &aliases,
        |b, (n, a, o)| {
            b.push_bind(n.clone()).push_bind(a.clone()).push_bind(*o);
        },
    )
    .await?;
    bulk(&mut tx, "INSERT INTO visits (id, start_date, start_precision, end_date, end_precision, span_end, level, leader_id, purpose, size, dataset, created_at, updated_at) ", &visit_rows, |b, v| {
        b.push_bind(v.id)
            .push_bind(v.start.first_day().to_string())
            .push_bind(v.start.precision())
            .push_bind(v.end.map(|e| e.first_day().to_string()))
            .push_bind(v.end.map(|e| e.precision()))
            .push_bind(v.end.unwrap_or(v.start).last_day().to_string())
            .push_bind(v.level)
            .push_bind(v.leader)
            .push_bind(v.purpose.clone())
            .push_bind(v.size)
            .push_bind("synthetic")
            .push_bind(s.to_string())
            .push_bind(s.to_string());
    })
    .await?;
    bulk(
        &mut tx,
        "INSERT INTO visit_provinces (visit_id, region_id) ",
        &provinces_rows,
        |b, (v, r)| {
            b.push_bind(*v).push_bind(*r);
        },
    )
    .await?;
    bulk(
        &mut tx,
        "INSERT INTO visit_places (visit_id, region_id, position) ",
        &places_rows,
        |b, (v, r, p)| {
            b.push_bind(*v).push_bind(*r).push_bind(*p);
        },
    )
    .await?;
    bulk(
        &mut tx,
        "INSERT INTO visit_sources (visit_id, url, title) ",
        &sources_rows,
        |b, (v, u, t)| {
            b.push_bind(*v).push_bind(u.clone()).push_bind(t.clone());
        },
    )
    .await?;
    bulk(&mut tx, "INSERT INTO meetings (id, date, date_precision, place, summary, visit_id, dataset, created_at, updated_at) ", &meetings, |b, m| {
        b.push_bind(m.id)
            .push_bind(m.date.first_day().to_string())
            .push_bind(m.date.precision())
            .push_bind(m.place.clone())
            .push_bind(m.summary.clone())
            .push_bind(m.visit)
            .push_bind("synthetic")
            .push_bind(s.to_string())
            .push_bind(s.to_string());
    })
    .await?;
    bulk(
        &mut tx,
        "INSERT OR IGNORE INTO meeting_participants (meeting_id, official_id) ",
        &participants,
        |b, (m, o)| {
            b.push_bind(*m).push_bind(*o);
        },
    )
    .await?;
    bulk(&mut tx, "INSERT INTO forums (id, name, kind, edition, start_date, start_precision, place, dataset, created_at, updated_at) ", &forums, |b, f| {
        b.push_bind(f.id)
            .push_bind(f.name.clone())
            .push_bind(f.kind)
            .push_bind(f.edition.clone())
            .push_bind(f.start.first_day().to_string())
            .push_bind(f.start.precision())
            .push_bind(f.place.clone())
            .push_bind("synthetic")
            .push_bind(s.to_string())
            .push_bind(s.to_string());
    })
    .await?;
    bulk(
        &mut tx,
        "INSERT INTO forum_visits (forum_id, visit_id) ",
        &forum_visits,
        |b, (f, v)| {
            b.push_bind(*f).push_bind(*v);
        },
    )
    .await?;
    progress.report("indexing", visits as u64, visits as u64);
    search::rebuild(&mut tx).await?;
    progress.report("counting", visits as u64, visits as u64);
    summary::commit(tx).await?;
    Ok(format!(
        "Made {visits} synthetic visits, {} officials, {} meetings and {} forums (seed {seed}); all marked [synthetic].",
        officials.len(),
        meetings.len(),
        forums.len()
    ))
}
