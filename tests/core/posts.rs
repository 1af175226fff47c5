//! Officials' posts over time (issue 12): the title held on a date at the edges of a post,
//! the overlap rule, careers, undo, the titles of a page of meetings and of /stats's top
//! hosts, and the migration that turns each official's title into a post.

use std::str::FromStr;

use delegation_bot::domain::{DateRange, Month};
use delegation_bot::store::{self, counts, post};
use sqlx::sqlite::{SqliteConnectOptions, SqlitePool};

use crate::helpers::TestApp;
use crate::store_writes::*;

async fn title_on(t: &TestApp, official: i64, when: &str) -> Option<String> {
    post::title_on(&t.app.db, official, date(when))
        .await
        .unwrap()
}

async fn posts_table(t: &TestApp) -> String {
    let rows: Vec<String> = sqlx::query_scalar(
        "SELECT json_array(id, official_id, title, from_date, from_precision, to_date, to_precision) FROM posts ORDER BY id",
    )
    .fetch_all(&t.app.db)
    .await
    .unwrap();
    rows.join("\n")
}

/// Xin Changxing's career as the reports give it, with a month-only end and start between
/// two of his posts; and a post that ends on a given day with nothing after it.
async fn careers(t: &TestApp) -> (i64, i64) {
    let xin = add_official(
        t,
        "kim",
        "Xin Changxing",
        "China",
        Some("Party Secretary of Jiangsu"),
    )
    .await;
    for (title, from, to) in [
        ("Governor of Qinghai", "2018-03-15", "2020-05"),
        ("Party Secretary of Qinghai", "2020-06", "2022-12-08"),
        ("Party Secretary of Jiangsu", "2022-12-09", ""),
    ] {
        add_post(t, "kim", xin, &post(title, from, to))
            .await
            .unwrap();
    }
    // No title given: a title would be a post of unknown dates, held on every day.
    let oh = add_official(t, "kim", "Oh Se-hoon", "Korea", None).await;
    add_post(
        t,
        "kim",
        oh,
        &post("Acting Mayor of Seoul", "2019-01-01", "2019-06-30"),
    )
    .await
    .unwrap();
    (xin, oh)
}

#[tokio::test]
async fn the_title_on_a_date_counts_the_first_and_last_day_and_whole_months() {
    let t = TestApp::new().await;
    let (xin, oh) = careers(&t).await;
    for (who, when, title) in [
        (xin, "2018-03-14", None),
        (xin, "2018-03-15", Some("Governor of Qinghai")),
        (xin, "2018-03", Some("Governor of Qinghai")),
        (xin, "2020-05-31", Some("Governor of Qinghai")),
        (xin, "2020-05", Some("Governor of Qinghai")),
        (xin, "2020-06-01", Some("Party Secretary of Qinghai")),
        (xin, "2022-12-08", Some("Party Secretary of Qinghai")),
        (xin, "2022-12-09", Some("Party Secretary of Jiangsu")),
        // Two posts share December 2022: the one begun later.
        (xin, "2022-12", Some("Party Secretary of Jiangsu")),
        (xin, "2031-01-01", Some("Party Secretary of Jiangsu")),
        (oh, "2018-12-31", None),
        (oh, "2018-12", None),
        (oh, "2019-01", Some("Acting Mayor of Seoul")),
        (oh, "2019-06-30", Some("Acting Mayor of Seoul")),
        (oh, "2019-06", Some("Acting Mayor of Seoul")),
        // The day after: no post, and not his current title instead.
        (oh, "2019-07-01", None),
        (oh, "2019-07", None),
    ] {
        assert_eq!(title_on(&t, who, when).await.as_deref(), title, "{when}");
    }
}

#[tokio::test]
async fn a_page_of_meetings_names_each_participant_by_the_title_then() {
    let t = TestApp::new().await;
    let (xin, oh) = careers(&t).await;
    let nobody = add_official(&t, "kim", "Han Duck-soo", "Korea", None).await;
    let m1 = add_meeting(&t, "kim", "2019-06-30", vec![xin, oh, nobody]).await;
    let m2 = add_meeting(&t, "kim", "2019-07", vec![xin, oh]).await;
    let m3 = add_meeting(&t, "kim", "2022-12", vec![xin]).await;
    let mut conn = t.app.db.acquire().await.unwrap();
    let posts = post::posts_for_meetings(&mut conn, &[m1, m2, m3])
        .await
        .unwrap();
    let of = |m: i64| -> Vec<(String, String)> {
        posts
            .get(&m)
            .map(|r| r.iter().map(|(a, b)| (a.clone(), b.clone())).collect())
            .unwrap_or_default()
    };
    let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
    assert_eq!(
        of(m1),
        [
            pair("Oh Se-hoon", "Acting Mayor of Seoul"),
            pair("Xin Changxing", "Governor of Qinghai")
        ]
    );
    assert_eq!(of(m2), [pair("Xin Changxing", "Governor of Qinghai")]);
    assert_eq!(
        of(m3),
        [pair("Xin Changxing", "Party Secretary of Jiangsu")]
    );
}

#[tokio::test]
async fn overlapping_posts_of_one_title_are_refused_and_change_nothing() {
    let t = TestApp::new().await;
    let (xin, oh) = careers(&t).await;
    let before = posts_table(&t).await;
    for (who, p, says) in [
        (
            xin,
            post("Party Secretary of Jiangsu", "2023-01", ""),
            "already holds `Party Secretary of Jiangsu`",
        ),
        (
            xin,
            post("party secretary of  JIANGSU", "2030-01-01", "2030-02-01"),
            "overlaps",
        ),
        // The last day of a post counts for it: the next may begin the day after.
        (
            oh,
            post("Acting Mayor of Seoul", "2019-06-30", ""),
            "from 2019-01-01 to 2019-06-30",
        ),
        // A month-only end covers the whole month.
        (
            xin,
            post("Governor of Qinghai", "2020-05-31", "2020-07-01"),
            "from 2018-03-15 to 2020-05",
        ),
        (
            oh,
            post("Mayor", "2020-05-01", "2020-04-30"),
            "before the start",
        ),
        (
            oh,
            post("Mayor | Seoul", "2020-05-01", ""),
            "may not contain `|`",
        ),
    ] {
        let msg = refusal(add_post(&t, "kim", who, &p).await);
        assert!(msg.contains(says), "{p:?}: {msg}");
    }
    assert_eq!(posts_table(&t).await, before, "refusals write nothing");
    // The day after the end, another title meanwhile, an earlier term: all fine.
    add_post(
        &t,
        "kim",
        oh,
        &post("Acting Mayor of Seoul", "2019-07-01", "2019-08"),
    )
    .await
    .unwrap();
    add_post(
        &t,
        "kim",
        xin,
        &post("Member of the Central Committee", "2022-10", ""),
    )
    .await
    .unwrap();
    add_post(
        &t,
        "kim",
        xin,
        &post("Governor of Qinghai", "2015-01", "2018-03-14"),
    )
    .await
    .unwrap();
}

#[tokio::test]
async fn a_career_lists_newest_first_and_adding_or_removing_a_post_is_undone() {
    let t = TestApp::new().await;
    let (xin, oh) = careers(&t).await;
    let career = post::career(&t.app.db, xin).await.unwrap();
    let titles: Vec<(&str, Option<&str>, Option<&str>)> = career
        .iter()
        .map(|p| (p.title.as_str(), p.from.as_deref(), p.to.as_deref()))
        .collect();
    assert_eq!(
        titles,
        [
            ("Party Secretary of Jiangsu", Some("2022-12-09"), None),
            (
                "Party Secretary of Qinghai",
                Some("2020-06"),
                Some("2022-12-08")
            ),
            ("Governor of Qinghai", Some("2018-03-15"), Some("2020-05")),
        ]
    );
    // Removing one is an audited change to the official; undo puts it back, same number.
    let qinghai = career[1].id;
    let msg = refusal(remove_post(&t, "kim", oh, qinghai).await);
    assert!(msg.contains("not one of Oh Se-hoon's"), "{msg}");
    remove_post(&t, "kim", xin, qinghai).await.unwrap();
    assert_eq!(post::career(&t.app.db, xin).await.unwrap().len(), 2);
    assert_eq!(title_on(&t, xin, "2021-01-01").await, None);
    let added = add_post(&t, "kim", xin, &post("Deputy", "2021-01-01", "2021-02-01"))
        .await
        .unwrap();
    assert_eq!(
        title_on(&t, xin, "2021-01-01").await.as_deref(),
        Some("Deputy")
    );
    undo(&t, "kim").await.unwrap();
    assert_eq!(
        title_on(&t, xin, "2021-01-01").await,
        None,
        "the add undone"
    );
    // The number the undone post had is not given again.
    let again = add_post(&t, "kim", xin, &post("Deputy", "2021-01-01", "2021-02-01"))
        .await
        .unwrap();
    assert!(again > added, "{again} after {added}");
    undo(&t, "kim").await.unwrap();
    undo(&t, "kim").await.unwrap();
    assert_eq!(
        title_on(&t, xin, "2021-01-01").await.as_deref(),
        Some("Party Secretary of Qinghai"),
        "the removal undone"
    );
    assert_eq!(post::career(&t.app.db, xin).await.unwrap(), career);
}

#[tokio::test]
async fn top_hosts_carry_the_title_of_their_latest_meeting_in_the_period() {
    let t = TestApp::new().await;
    let (xin, oh) = careers(&t).await;
    add_post(&t, "kim", oh, &post("Mayor of Seoul", "2021-04-08", ""))
        .await
        .unwrap();
    let han = add_official(&t, "kim", "Han Duck-soo", "Korea", None).await;
    add_meeting(&t, "kim", "2019-03", vec![xin, oh, han]).await;
    add_meeting(&t, "kim", "2019-05-02", vec![xin, oh]).await;
    add_meeting(&t, "kim", "2021-06-01", vec![xin, oh]).await;
    let month = |m: &str| Month::parse(m).unwrap();
    let hosts = |from: &str, to: &str| {
        let db = t.app.db.clone();
        let range = DateRange::months(month(from), month(to));
        async move {
            counts::top_hosts_then(&db, range, 5)
                .await
                .unwrap()
                .into_iter()
                .map(|h| (h.name, h.title, h.meetings))
                .collect::<Vec<_>>()
        }
    };
    let host =
        |name: &str, title: Option<&str>, n: i64| (name.to_string(), title.map(String::from), n);
    assert_eq!(
        hosts("2019-01", "2019-12").await,
        [
            host("Oh Se-hoon", Some("Acting Mayor of Seoul"), 2),
            // No post of his covers 2019: no title, not today's.
            host("Han Duck-soo", None, 1),
        ]
    );
    assert_eq!(
        hosts("2019-01", "2021-12").await,
        [
            host("Oh Se-hoon", Some("Mayor of Seoul"), 3),
            host("Han Duck-soo", None, 1)
        ]
    );
    // The counts are top_hosts' own; only the titles differ.
    let now: Vec<(String, Option<String>, i64)> = counts::top_hosts(
        &t.app.db,
        DateRange::months(month("2019-01"), month("2019-12")),
        5,
    )
    .await
    .unwrap()
    .into_iter()
    .map(|h| (h.name, h.title, h.meetings))
    .collect();
    assert_eq!(
        now,
        [
            host("Oh Se-hoon", Some("Mayor of Seoul"), 2),
            host("Han Duck-soo", None, 1)
        ]
    );
}

#[tokio::test]
async fn the_migration_turns_each_title_into_a_post_still_held() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("old.db").display());
    let old = SqlitePool::connect_with(
        SqliteConnectOptions::from_str(&url)
            .unwrap()
            .create_if_missing(true)
            .foreign_keys(true),
    )
    .await
    .unwrap();
    store::MIGRATOR.run_to(15, &old).await.unwrap();
    let jiangsu: i64 =
        sqlx::query_scalar("SELECT id FROM regions WHERE country = 'CN' AND name = 'Jiangsu'")
            .fetch_one(&old)
            .await
            .unwrap();
    for (name, title, organization, province, deleted) in [
        (
            "Xin Changxing",
            Some(" Party Secretary of Jiangsu "),
            Some("CPC Jiangsu Committee"),
            Some(jiangsu),
            None,
        ),
        ("Oh Se-hoon", Some("Mayor of Seoul"), Some(" "), None, None),
        ("No Title", None, None, None, None),
        ("Blank Title", Some("  "), None, None, None),
        (
            "Gone",
            Some("Former Governor"),
            None,
            None,
            Some("2024-01-01T00:00:00Z"),
        ),
    ] {
        sqlx::query(
            "INSERT INTO officials (name, country, title, organization, province_id, created_at, updated_at, deleted_at)
             VALUES (?, 'China', ?, ?, ?, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z', ?)",
        )
        .bind(name)
        .bind(title)
        .bind(organization)
        .bind(province)
        .bind(deleted)
        .execute(&old)
        .await
        .unwrap();
    }
    old.close().await;

    let db = store::open(&url).await.unwrap();
    type Post = (
        String,
        String,
        Option<String>,
        Option<i64>,
        Option<String>,
        Option<String>,
    );
    let posts: Vec<Post> = sqlx::query_as(
        "SELECT o.name, p.title, p.organization, p.province_id, p.from_date, p.to_date
               FROM posts p JOIN officials o ON o.id = p.official_id ORDER BY p.id",
    )
    .fetch_all(&db)
    .await
    .unwrap();
    let row = |name: &str, title: &str, org: Option<&str>, province: Option<i64>| {
        (
            name.to_string(),
            title.to_string(),
            org.map(String::from),
            province,
            None,
            None,
        )
    };
    assert_eq!(
        posts,
        [
            row(
                "Xin Changxing",
                "Party Secretary of Jiangsu",
                Some("CPC Jiangsu Committee"),
                Some(jiangsu)
            ),
            row("Oh Se-hoon", "Mayor of Seoul", None, None),
            row("Gone", "Former Governor", None, None),
        ]
    );
    // Start unknown, still held: the title on any date, and the career says so.
    let xin: i64 = sqlx::query_scalar("SELECT id FROM officials WHERE name = 'Xin Changxing'")
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(
        post::title_on(&db, xin, date("2010-01-01"))
            .await
            .unwrap()
            .as_deref(),
        Some("Party Secretary of Jiangsu")
    );
    let career = post::career(&db, xin).await.unwrap();
    assert_eq!(
        (career[0].from.as_deref(), career[0].to.as_deref()),
        (None, None)
    );
    assert_eq!(career[0].province.as_deref(), Some("Jiangsu"));
}
