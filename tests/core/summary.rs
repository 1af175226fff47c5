//! The per-month counts kept by triggers must always agree with counting the records
//! themselves: after every kind of write (adds, edits that move dates or provinces, deletes,
//! undo, an official changing province, forum links, sources), each report read through the
//! summary equals the same report counted from the records.

use delegation_bot::domain::{DateRange, Day, Month};
use delegation_bot::report::{self, Split};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::helpers::TestApp;

const PROVINCES: [&str; 5] = ["Jiangsu", "Hainan", "Guangdong", "Shandong", "Zhejiang"];

fn day(rng: &mut ChaCha8Rng) -> String {
    // Three months and their edges, so writes move records across month boundaries.
    let d = Day::parse("2024-01-01").unwrap().naive() + chrono::Days::new(rng.random_range(0..91));
    if rng.random_bool(0.15) {
        d.format("%Y-%m").to_string()
    } else {
        d.format("%Y-%m-%d").to_string()
    }
}

fn provinces(rng: &mut ChaCha8Rng) -> String {
    let n = rng.random_range(1..=3);
    let mut picked: Vec<&str> = Vec::new();
    while picked.len() < n {
        let p = PROVINCES[rng.random_range(0..PROVINCES.len())];
        if !picked.contains(&p) {
            picked.push(p);
        }
    }
    picked.join(", ")
}

/// One random write; refusals (a deleted id, nothing to undo) are part of the mix.
/// Returns whether it was applied.
async fn random_write(t: &TestApp, rng: &mut ChaCha8Rng, step: usize) -> bool {
    let visit = rng.random_range(1..=12);
    let official = |rng: &mut ChaCha8Rng| format!("Official {}", rng.random_range(0..6));
    let line = match rng.random_range(0..13) {
        0..=2 => format!(
            "/record visit add province:\"{}\" start:{} force:true{}",
            provinces(rng),
            day(rng),
            if rng.random_bool(0.5) {
                format!(" source:https://example.org/{step}")
            } else {
                String::new()
            }
        ),
        3 => format!("/record visit edit id:{visit} start:{}", day(rng)),
        4 => format!(
            "/record visit edit id:{visit} province:\"{}\"",
            provinces(rng)
        ),
        5 => format!("/record visit delete id:{visit}"),
        6 | 7 => format!(
            "/record meeting add date:{} officials:\"{}; {}\"{}",
            day(rng),
            official(rng),
            official(rng),
            if rng.random_bool(0.6) {
                format!(" visit:{visit}")
            } else {
                String::new()
            }
        ),
        8 => format!("/record meeting delete id:{}", rng.random_range(1..=8)),
        9 => format!(
            "/record forum add name:\"Forum {step}\" kind:conference start:{} visit:{visit}",
            day(rng)
        ),
        10 => format!(
            "/record forum link forum:{} visit:{visit}",
            rng.random_range(1..=4)
        ),
        11 => format!(
            "/record official edit name:\"{}\" province:{}",
            official(rng),
            PROVINCES[rng.random_range(0..PROVINCES.len())]
        ),
        _ => "/data undo".to_string(),
    };
    t.run(&line).await.is_ok()
}

async fn assert_summary_agrees(t: &TestApp, when: &str) {
    let db = &t.app.db;
    let month = |m: &str| Month::parse(m).unwrap();
    let mut periods = vec![DateRange::from_bounds(None, None).unwrap()];
    for (from, to) in [
        ("2024-01", "2024-03"),
        ("2024-02", "2024-02"),
        ("2023-12", "2024-04"),
    ] {
        periods.push(DateRange::months(month(from), month(to)));
    }
    // Day-precise bounds: whole months from the summary, the edges from the records.
    for (from, to) in [("2024-01-15", "2024-03-10"), ("2024-02-03", "2024-02-20")] {
        periods.push(DateRange {
            from: Day::parse(from).unwrap(),
            to: Day::parse(to).unwrap(),
        });
    }
    for range in periods {
        let (fast, slow) = (Split::of(range), Split::records(range));
        assert_eq!(
            report::provinces(db, fast).await.unwrap(),
            report::provinces(db, slow).await.unwrap(),
            "provinces {range} {when}"
        );
        assert_eq!(
            report::totals(db, fast).await.unwrap(),
            report::totals(db, slow).await.unwrap(),
            "totals {range} {when}"
        );
        assert_eq!(
            report::top_hosts(db, fast, 10).await.unwrap(),
            report::top_hosts(db, slow, 10).await.unwrap(),
            "top hosts {range} {when}"
        );
        assert_eq!(
            report::coverage(db, fast, &[]).await.unwrap(),
            report::coverage(db, slow, &[]).await.unwrap(),
            "coverage {range} {when}"
        );
    }
    // One province, and several at once (joint visits must count once), month by month.
    let ids = province_ids(t).await;
    let mut selections: Vec<Vec<i64>> = ids.iter().map(|id| vec![*id]).collect();
    selections.push(ids.iter().copied().take(2).collect());
    selections.push(ids.iter().copied().skip(1).take(3).collect());
    selections.push(ids.clone());
    for m in ["2024-01", "2024-02", "2024-03"] {
        let range = DateRange::months(month(m), month(m));
        for selection in &selections {
            let rows = report::month_counts(db, month(m), month(m), selection)
                .await
                .unwrap();
            let counted = report::coverage(db, Split::records(range), selection)
                .await
                .unwrap();
            let from_rows: i64 = rows.iter().map(|(_, n)| n).sum();
            assert_eq!(from_rows, counted.visits, "{m} {selection:?} {when}");
            assert_eq!(
                report::coverage(db, range, selection).await.unwrap(),
                counted,
                "{m} {selection:?} coverage {when}"
            );
        }
    }
}

async fn province_ids(t: &TestApp) -> Vec<i64> {
    sqlx::query_scalar("SELECT DISTINCT region_id FROM visit_provinces ORDER BY 1")
        .fetch_all(&t.app.db)
        .await
        .unwrap()
}

#[tokio::test]
async fn monthly_counts_agree_with_the_records_after_every_kind_of_write() {
    let t = TestApp::new().await;
    for i in 0..6 {
        let (country, province) = if i % 2 == 0 {
            (
                "China",
                format!(" province:{}", PROVINCES[i % PROVINCES.len()]),
            )
        } else {
            ("Korea", String::new())
        };
        t.ok(&format!(
            "/record official add name:\"Official {i}\" country:{country}{province}"
        ))
        .await;
    }
    let mut rng = ChaCha8Rng::seed_from_u64(7);
    let mut applied = 0;
    for step in 0..160 {
        applied += usize::from(random_write(&t, &mut rng, step).await);
        if step % 20 == 19 {
            assert_summary_agrees(&t, &format!("after step {step}")).await;
        }
    }
    assert!(applied > 100, "most writes apply ({applied} of 160)");
    let stale: i64 = sqlx::query_scalar("SELECT count(*) FROM stale_months")
        .fetch_one(&t.app.db)
        .await
        .unwrap();
    assert_eq!(stale, 0, "every write leaves the counts current");
    let rows: i64 = sqlx::query_scalar("SELECT count(*) FROM month_stats")
        .fetch_one(&t.app.db)
        .await
        .unwrap();
    assert!(rows > 10, "the writes filled the summary ({rows} rows)");
}

#[tokio::test]
async fn a_hand_edit_outside_the_bot_is_counted_at_the_next_start() {
    let t = TestApp::new().await;
    t.ok("/record visit add province:Hainan start:2024-05-10")
        .await;
    // As if typed into the sqlite3 shell: the trigger marks the month, nothing recounts it.
    sqlx::query("UPDATE visits SET start_date = '2024-06-02' WHERE id = 1")
        .execute(&t.app.db)
        .await
        .unwrap();
    let url = format!("sqlite://{}", t.dir.path().join("test.db").display());
    let reopened = delegation_bot::store::open(&url).await.unwrap();
    let june = report::month_counts(
        &reopened,
        Month::parse("2024-05").unwrap(),
        Month::parse("2024-06").unwrap(),
        &[],
    )
    .await
    .unwrap();
    assert_eq!(june, vec![("2024-06".to_string(), 1)]);
}
