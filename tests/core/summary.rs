//! The per-month counts kept by triggers must always agree with counting the records
//! themselves: after every kind of write (adds, edits that move dates or provinces, deletes,
//! undo, an official changing province, forum links, sources), each report read through the
//! summary equals the same report counted from the records.

use delegation_bot::domain::{DateRange, Day, Month};
use delegation_bot::store::counts::{self, Split};
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

/// The reports' definitions, counted straight from the records: the oracle the summary
/// tables must agree with.
mod records {
    use delegation_bot::domain::DateRange;
    use delegation_bot::store::counts::{Coverage, Host, ProvinceRank, Totals};
    use sqlx::SqlitePool;

    /// The reports' rule for a record's date against the range ?1..?2: a day inside it, or
    /// a record known only to its month (stored on the first) whose month overlaps it.
    fn within(date: &str, precision: &str) -> String {
        format!(
            "({precision} = 'day' AND {date} BETWEEN ?1 AND ?2
              OR {precision} = 'month' AND {date} BETWEEN substr(?1, 1, 7) || '-01' AND ?2)"
        )
    }

    /// `sql` with `{v}`, `{m}`, `{f}` standing for the rule on visits, meetings and forums.
    fn rule(sql: &str) -> String {
        sql.replace("{v}", &within("v.start_date", "v.start_precision"))
            .replace("{m}", &within("m.date", "m.date_precision"))
            .replace("{f}", &within("f.start_date", "f.start_precision"))
    }

    async fn grouped(db: &SqlitePool, sql: &str, r: DateRange) -> Vec<(i64, i64)> {
        sqlx::query_as(sqlx::AssertSqlSafe(rule(sql)))
            .bind(r.from.to_string())
            .bind(r.to.to_string())
            .fetch_all(db)
            .await
            .unwrap()
    }

    pub async fn provinces(db: &SqlitePool, r: DateRange) -> Vec<ProvinceRank> {
        let visits = grouped(
            db,
            "SELECT p.region_id, count(*) FROM visits v JOIN visit_provinces p ON p.visit_id = v.id
            WHERE v.deleted_at IS NULL AND {v} GROUP BY 1",
            r,
        )
        .await;
        let meetings = grouped(db, "SELECT region_id, count(DISTINCT id) FROM (
              SELECT p.region_id, m.id FROM meetings m JOIN visit_provinces p ON p.visit_id = m.visit_id
               WHERE m.deleted_at IS NULL AND {m}
              UNION ALL
              SELECT o.province_id, m.id FROM meetings m JOIN meeting_participants mp ON mp.meeting_id = m.id
                JOIN officials o ON o.id = mp.official_id
               WHERE m.deleted_at IS NULL AND {m} AND o.province_id IS NOT NULL) GROUP BY 1", r).await;
        let forums = grouped(db, "SELECT p.region_id, count(DISTINCT f.id) FROM forums f
              JOIN forum_visits fv ON fv.forum_id = f.id JOIN visits v ON v.id = fv.visit_id AND v.deleted_at IS NULL
              JOIN visit_provinces p ON p.visit_id = v.id
             WHERE f.deleted_at IS NULL AND {f} GROUP BY 1", r).await;
        let regions: Vec<(i64, String)> =
            sqlx::query_as("SELECT id, name FROM regions WHERE country = 'CN'")
                .fetch_all(db)
                .await
                .unwrap();
        let get = |rows: &[(i64, i64)], id: i64| {
            rows.iter().find(|(r, _)| *r == id).map_or(0, |(_, n)| *n)
        };
        let mut ranks: Vec<ProvinceRank> = regions
            .into_iter()
            .map(|(id, province)| ProvinceRank {
                province,
                visits: get(&visits, id),
                meetings: get(&meetings, id),
                forums: get(&forums, id),
            })
            .filter(|p| p.visits + p.meetings + p.forums > 0)
            .collect();
        ranks.sort_by(|a, b| {
            (b.visits, b.meetings, b.forums)
                .cmp(&(a.visits, a.meetings, a.forums))
                .then_with(|| a.province.cmp(&b.province))
        });
        ranks
    }

    /// `by_month` counts the visits dated by month only whose month the range does not
    /// wholly cover (`every_month`: all of those in the range, as a split that reads days
    /// only sees them).
    pub async fn coverage(
        db: &SqlitePool,
        r: DateRange,
        provinces: &[i64],
        every_month: bool,
    ) -> Coverage {
        let (visits, sourced, by_month): (i64, i64, i64) = sqlx::query_as(sqlx::AssertSqlSafe(rule(
            "SELECT count(*), coalesce(sum(EXISTS (SELECT 1 FROM visit_sources s WHERE s.visit_id = v.id)), 0),
                    coalesce(sum(v.start_precision = 'month' AND (?4 OR v.start_date < ?1 OR date(v.start_date, '+1 month', '-1 day') > ?2)), 0)
               FROM visits v WHERE v.deleted_at IS NULL AND {v}
                AND (?3 = '[]' OR EXISTS (SELECT 1 FROM visit_provinces p WHERE p.visit_id = v.id
                                         AND p.region_id IN (SELECT value FROM json_each(?3))))",
        )))
        .bind(r.from.to_string()).bind(r.to.to_string()).bind(serde_json::to_string(provinces).unwrap())
        .bind(every_month)
        .fetch_one(db).await.unwrap();
        Coverage {
            visits,
            sourced,
            by_month,
        }
    }

    pub async fn totals(db: &SqlitePool, r: DateRange) -> Totals {
        let (visits, meetings, forums, officials_met) = sqlx::query_as(sqlx::AssertSqlSafe(rule(
            "SELECT (SELECT count(*) FROM visits v WHERE v.deleted_at IS NULL AND {v}),
                    (SELECT count(*) FROM meetings m WHERE m.deleted_at IS NULL AND {m}),
                    (SELECT count(*) FROM forums f WHERE f.deleted_at IS NULL AND {f}),
                    (SELECT count(DISTINCT mp.official_id) FROM meeting_participants mp JOIN meetings m ON m.id = mp.meeting_id
                      WHERE m.deleted_at IS NULL AND {m})",
        )))
        .bind(r.from.to_string()).bind(r.to.to_string()).fetch_one(db).await.unwrap();
        Totals {
            visits,
            meetings,
            forums,
            officials_met,
        }
    }

    pub async fn top_hosts(db: &SqlitePool, r: DateRange, limit: i64) -> Vec<Host> {
        sqlx::query_as(sqlx::AssertSqlSafe(rule(
            "SELECT o.name, o.title, count(*) AS meetings FROM meeting_participants mp
               JOIN meetings m ON m.id = mp.meeting_id JOIN officials o ON o.id = mp.official_id
              WHERE m.deleted_at IS NULL AND o.deleted_at IS NULL AND o.country = 'Korea' AND {m}
              GROUP BY o.id ORDER BY meetings DESC, o.name LIMIT ?3",
        )))
        .bind(r.from.to_string())
        .bind(r.to.to_string())
        .bind(limit)
        .fetch_all(db)
        .await
        .unwrap()
    }
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
    // Day-precise bounds: whole months from month_stats, the edges from day_stats.
    for (from, to) in [
        ("2024-01-15", "2024-03-10"),
        ("2024-02-03", "2024-02-20"),
        ("2024-02-16", "2024-02-16"),
        ("2024-01-31", "2024-02-01"),
    ] {
        periods.push(DateRange {
            from: Day::parse(from).unwrap(),
            to: Day::parse(to).unwrap(),
        });
    }
    let ids = province_ids(t).await;
    let mut selections: Vec<Vec<i64>> = vec![vec![]];
    selections.extend(ids.iter().map(|id| vec![*id]));
    selections.push(ids.iter().copied().take(2).collect());
    selections.push(ids.iter().copied().skip(1).take(3).collect());
    selections.push(ids.clone());
    for range in periods {
        // Each period as the reports split it, and as days only (day_stats throughout).
        let by_days = Split {
            months: None,
            head: Some(range),
            tail: None,
            days_only: false,
        };
        for (split, every_month) in [(Split::of(range), false), (by_days, true)] {
            let at = format!("{range} as {split:?} {when}");
            assert_eq!(
                counts::provinces(db, split).await.unwrap(),
                records::provinces(db, range).await,
                "provinces {at}"
            );
            assert_eq!(
                counts::totals(db, split).await.unwrap(),
                records::totals(db, range).await,
                "totals {at}"
            );
            assert_eq!(
                counts::top_hosts(db, split, 10).await.unwrap(),
                records::top_hosts(db, range, 10).await,
                "top hosts {at}"
            );
            for selection in &selections {
                assert_eq!(
                    counts::coverage(db, split, selection).await.unwrap(),
                    records::coverage(db, range, selection, every_month).await,
                    "coverage of {selection:?} {at}"
                );
            }
        }
    }
    // Visits per month: one province, and several at once (joint visits count once).
    for m in ["2023-12", "2024-01", "2024-02", "2024-03"] {
        let range = DateRange::months(month(m), month(m));
        for selection in &selections {
            let rows = counts::month_counts(db, month(m), month(m), selection)
                .await
                .unwrap();
            let from_rows: i64 = rows.iter().map(|(_, n)| n).sum();
            assert_eq!(
                from_rows,
                records::coverage(db, range, selection, false).await.visits,
                "{m} {selection:?} {when}"
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
    let stale: i64 = sqlx::query_scalar(
        "SELECT (SELECT count(*) FROM stale_days) + (SELECT count(*) FROM stale_officials)",
    )
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
    // As if typed into the sqlite3 shell: the trigger marks the days, nothing recounts them.
    sqlx::query("UPDATE visits SET start_date = '2024-06-02' WHERE id = 1")
        .execute(&t.app.db)
        .await
        .unwrap();
    let url = format!("sqlite://{}", t.dir.path().join("test.db").display());
    let reopened = delegation_bot::store::open(&url).await.unwrap();
    let june = counts::month_counts(
        &reopened,
        Month::parse("2024-05").unwrap(),
        Month::parse("2024-06").unwrap(),
        &[],
    )
    .await
    .unwrap();
    assert_eq!(june, vec![("2024-06".to_string(), 1)]);
}

#[tokio::test]
async fn a_bulk_load_is_counted_like_single_writes() {
    let t = TestApp::new().await;
    // Someone met in two months before the load, whom the load does not touch: the one
    // pass must still know January was not their first meeting when counting March.
    t.people().await;
    for day in ["2024-01-10", "2024-03-05"] {
        t.ok(&format!(
            "/record meeting add date:{day} officials:\"Oh Se-hoon; Xin Changxing\""
        ))
        .await;
    }
    // Enough meetings that the refresh recounts the people in one pass (over 5,000 stale
    // month-and-official pairs) rather than pair by pair; mixed into the records above.
    delegation_bot::synthetic::generate(&t.app, &t.moderator, 4000, 11, true)
        .await
        .unwrap();
    let pairs: i64 = sqlx::query_scalar("SELECT count(*) FROM official_month_stats")
        .fetch_one(&t.app.db)
        .await
        .unwrap();
    assert!(pairs > 5000, "{pairs} pairs");
    assert_summary_agrees(&t, "after a bulk load").await;
    // And a single write on top of it.
    t.ok("/record visit add province:Jiangsu start:2024-02-10 force:true")
        .await;
    assert_summary_agrees(&t, "after a write on a bulk load").await;
}

#[tokio::test]
async fn a_database_from_before_the_kept_counts_of_people_met_is_counted_and_mended_on_upgrade() {
    let t = TestApp::new().await;
    delegation_bot::synthetic::generate(&t.app, &t.moderator, 300, 7, false)
        .await
        .unwrap();
    let year = DateRange::months(
        Month::parse("2024-01").unwrap(),
        Month::parse("2024-12").unwrap(),
    );
    let expected = records::totals(&t.app.db, year).await;
    assert!(expected.officials_met > 10, "{expected:?}");
    // As the database was before migration 0022: no kept counts, the migration pending, and
    // `prev` left empty as the old bulk recount left it for officials it did not touch.
    for sql in [
        "DROP TRIGGER official_prev_counts_insert",
        "DROP TRIGGER official_prev_counts_delete",
        "DROP TRIGGER official_prev_counts_update",
        "DROP TABLE official_prev_counts",
        "UPDATE official_month_stats SET prev = NULL",
        "DELETE FROM _sqlx_migrations WHERE version IN (22, 23)",
    ] {
        sqlx::query(sql).execute(&t.app.db).await.unwrap();
    }
    let url = format!("sqlite://{}", t.dir.path().join("test.db").display());
    let reopened = delegation_bot::store::open(&url).await.unwrap();
    assert_eq!(counts::totals(&reopened, year).await.unwrap(), expected);
}
