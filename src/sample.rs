//! Data to try the bot with: the sample set from the mid-2024 news report (shipped as an
//! import file) and a deterministic synthetic set of any size for load tests.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::commands::{Actor, App};
use crate::domain::{Day, FlexDate};
use crate::error::{Result, user_err};
use crate::store::{audit, forum, meeting, official, search, visit};
use crate::transfer::import;

pub const SAMPLE_JSON: &str = include_str!("../data/sample.json");

/// True when the database holds no live record of any kind.
pub async fn is_empty(app: &App) -> Result<bool> {
    let n: i64 = sqlx::query_scalar(
        "SELECT (SELECT count(*) FROM visits WHERE deleted_at IS NULL) + (SELECT count(*) FROM officials WHERE deleted_at IS NULL)
              + (SELECT count(*) FROM meetings WHERE deleted_at IS NULL) + (SELECT count(*) FROM forums WHERE deleted_at IS NULL)",
    )
    .fetch_one(&app.db)
    .await?;
    Ok(n == 0)
}

/// Loads the sample set as one import batch (so /data undo removes it again).
pub async fn load_sample(app: &App, actor: &Actor) -> Result<String> {
    let loaded: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM visits WHERE dataset = 'sample' AND deleted_at IS NULL",
    )
    .fetch_one(&app.db)
    .await?;
    if loaded > 0 {
        return user_err("The sample data is loaded already; /visits list shows it.");
    }
    let items = import::parse("sample.json", SAMPLE_JSON.as_bytes())?;
    let (counts, _) =
        crate::commands::import_items(app, actor, "sample data", items, "sample", false, true)
            .await?;
    let parts: Vec<String> = counts
        .iter()
        .map(|(k, c)| format!("{} {}", c.created, k.name()))
        .collect();
    Ok(format!(
        "Loaded the sample data set ({}), from the mid-2024 news report; every record is marked as sample data.",
        parts.join(", ")
    ))
}

/// Zipf-like choice of an index below `n`: index 0 is the most popular.
fn zipf(rng: &mut ChaCha8Rng, n: usize) -> usize {
    // Inverse-CDF of a continuous 1/x law over [1, n+1): cheap and close enough.
    let u: f64 = rng.random();
    (((n as f64 + 1.0).powf(u)) - 1.0)
        .floor()
        .min(n as f64 - 1.0) as usize
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

/// Makes `visits` synthetic visits with officials, aliases, meetings, forums and sources in
/// proportion, spread over ten years. The same seed gives the same data.
pub async fn synthetic(
    app: &App,
    actor: &Actor,
    visits: usize,
    seed: u64,
    force: bool,
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
    let cn: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM regions WHERE country = 'CN' ORDER BY id")
            .fetch_all(&app.db)
            .await?;
    let kr: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, name FROM regions WHERE country = 'KR' ORDER BY id")
            .fetch_all(&app.db)
            .await?;
    let cn_names: Vec<String> =
        sqlx::query_scalar("SELECT name FROM regions WHERE country = 'CN' ORDER BY id")
            .fetch_all(&app.db)
            .await?;
    // Popularity order of provinces: a fixed shuffle of the reference list per seed.
    let mut order: Vec<usize> = (0..cn.len()).collect();
    for i in (1..order.len()).rev() {
        order.swap(i, rng.random_range(0..=i));
    }

    let mut tx = app.db.begin_with("BEGIN IMMEDIATE").await?;
    // One audit batch says what was loaded; per-record snapshots would double the file
    // for data that is thrown away after a benchmark.
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

    let n_cn = (visits / 8).max(10);
    let n_kr = (visits / 40).max(8);
    let mut cn_officials: Vec<(i64, usize)> = Vec::new(); // (id, province index)
    let mut kr_officials: Vec<i64> = Vec::new();
    let mut taken = std::collections::HashSet::new();
    let mut unique_name =
        |rng: &mut ChaCha8Rng, surnames: &[&str], given: &[&str], long: bool| -> String {
            let mut base = format!(
                "{} {}",
                surnames[zipf(rng, surnames.len())],
                given[rng.random_range(0..given.len())]
            );
            if long {
                // Names near the documented maximum length exercise every limit downstream.
                base = format!("{base} {}", "Synthetic-Long-Name ".repeat(5))
                    .chars()
                    .take(crate::domain::text::NAME_MAX - 8)
                    .collect::<String>()
                    .trim()
                    .to_string();
            }
            let mut name = base.clone();
            let mut k = 2;
            while !taken.insert(crate::domain::normalize(&name)) {
                name = format!("{base} {k}");
                k += 1;
            }
            name
        };
    for i in 0..n_cn {
        let p = order[zipf(&mut rng, cn.len())];
        let name = unique_name(&mut rng, &CN_SURNAMES, &CN_GIVEN, i % 97 == 0);
        let f = official::Fields {
            name: name.clone(),
            local_name: None,
            country: "China".into(),
            title: Some(format!(
                "{} {}",
                CN_TITLES[rng.random_range(0..CN_TITLES.len())],
                cn_names[p]
            )),
            organization: Some(format!("{} Provincial Government", cn_names[p])),
            province_id: Some(cn[p]),
        };
        let aliases: Vec<String> = if rng.random_bool(0.3) {
            vec![name.replace(' ', "")]
        } else {
            vec![]
        };
        let id = official::create(&mut tx, &f, &aliases, None, "synthetic").await?;
        cn_officials.push((id, p));
    }
    for _ in 0..n_kr {
        let name = unique_name(&mut rng, &KR_SURNAMES, &KR_GIVEN, false);
        let place = &kr[zipf(&mut rng, kr.len())].1;
        let f = official::Fields {
            name: name.clone(),
            local_name: None,
            country: "Korea".into(),
            title: Some(format!(
                "{} of {place}",
                KR_TITLES[rng.random_range(0..KR_TITLES.len())]
            )),
            organization: Some(format!("{place} government")),
            province_id: None,
        };
        let aliases: Vec<String> = if rng.random_bool(0.5) {
            vec![name.replace('-', "")]
        } else {
            vec![]
        };
        kr_officials.push(official::create(&mut tx, &f, &aliases, None, "synthetic").await?);
    }

    let first = Day::parse("2015-01-01").expect("valid").naive();
    let span_days = 3652;
    let mut visit_ids = Vec::with_capacity(visits);
    let mut meetings = 0;
    for v in 0..visits {
        // Activity grows over the decade, as it did in the real record.
        let t: f64 = rng.random::<f64>().sqrt();
        let start_day = Day::from_naive(first + chrono::Days::new((t * span_days as f64) as u64));
        let month_only = rng.random_bool(0.1);
        let start = if month_only {
            FlexDate::Month(start_day.month())
        } else {
            FlexDate::Day(start_day)
        };
        let end = (!month_only).then(|| {
            FlexDate::Day(Day::from_naive(
                start_day.naive() + chrono::Days::new(rng.random_range(0..5)),
            ))
        });
        let joint = if rng.random_bool(0.02) {
            rng.random_range(2..=16)
        } else if rng.random_bool(0.08) {
            rng.random_range(2..=4)
        } else {
            1
        };
        let mut provinces: Vec<i64> = Vec::new();
        while provinces.len() < joint.min(cn.len()) {
            let p = cn[order[zipf(&mut rng, cn.len())]];
            if !provinces.contains(&p) {
                provinces.push(p);
            }
        }
        let leaders: Vec<&(i64, usize)> = cn_officials
            .iter()
            .filter(|(_, p)| cn[*p] == provinces[0])
            .collect();
        let leader = if leaders.is_empty() {
            None
        } else {
            Some(leaders[zipf(&mut rng, leaders.len())].0)
        };
        let mut places: Vec<i64> = Vec::new();
        for _ in 0..rng.random_range(1..=3) {
            let p = kr[zipf(&mut rng, kr.len())].0;
            if !places.contains(&p) {
                places.push(p);
            }
        }
        let topic = TOPICS[zipf(&mut rng, TOPICS.len())];
        let f = visit::Fields {
            provinces,
            start,
            end,
            city: None,
            level: Some(
                if rng.random_bool(0.8) {
                    "provincial"
                } else {
                    "municipal"
                }
                .into(),
            ),
            leader_id: leader,
            places,
            purpose: Some(format!(
                "[synthetic] Talks on {topic} and investment promotion; visit {v}."
            )),
            size: Some(rng.random_range(5..60)),
            sources: (0..rng.random_range(1..=2))
                .map(|k| visit::Source {
                    url: format!("https://example.org/synthetic/{seed}/{v}/{k}"),
                    title: Some(format!("[synthetic] Delegation visit on {topic}")),
                    published: None,
                })
                .collect(),
        };
        let id = visit::create(&mut tx, &f, None, "synthetic").await?;
        visit_ids.push((id, f.start, f.end));
        for _ in 0..rng.random_range(0..=3) {
            let mut participants: Vec<i64> = leader.into_iter().collect();
            for _ in 0..rng.random_range(1..=2) {
                let k = kr_officials[zipf(&mut rng, kr_officials.len())];
                if !participants.contains(&k) {
                    participants.push(k);
                }
            }
            let day = match (f.start, f.end) {
                (FlexDate::Day(s), Some(FlexDate::Day(e))) => {
                    let len = (e.naive() - s.naive()).num_days().max(0) as u64;
                    FlexDate::Day(Day::from_naive(
                        s.naive() + chrono::Days::new(rng.random_range(0..=len)),
                    ))
                }
                (s, _) => s,
            };
            let m = meeting::Fields {
                date: day,
                place: Some(kr[zipf(&mut rng, kr.len())].1.clone()),
                summary: Some(format!(
                    "[synthetic] Discussed {}.",
                    TOPICS[zipf(&mut rng, TOPICS.len())]
                )),
                visit_id: Some(id),
                participants,
            };
            meeting::create(&mut tx, &m, None, "synthetic").await?;
            meetings += 1;
        }
    }
    let n_forums = (visits / 20).max(1);
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
    for i in 0..n_forums {
        let (name, kind) = FORUM_NAMES[zipf(&mut rng, FORUM_NAMES.len())];
        let (vid, start, end) = visit_ids[rng.random_range(0..visit_ids.len())];
        let f = forum::Fields {
            name: format!("[synthetic] {name}"),
            kind: kind.into(),
            edition: Some(format!("{}th", 5 + i % 20)),
            start,
            end,
            place: Some(kr[zipf(&mut rng, kr.len())].1.clone()),
            organizer: None,
            visits: vec![vid],
        };
        forum::create(&mut tx, &f, None, "synthetic").await?;
    }
    search::rebuild(&mut tx).await?;
    tx.commit().await?;
    Ok(format!(
        "Made {visits} synthetic visits, {} officials, {meetings} meetings and {n_forums} forums (seed {seed}); all marked [synthetic].",
        n_cn + n_kr
    ))
}
