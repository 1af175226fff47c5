use crate::helpers::{TestApp, id};

#[tokio::test]
async fn add_show_and_list_a_visit() {
    let t = TestApp::new().await;
    t.people().await;
    let data = t
        .ok("/record visit add province:Hainan start:2024-05-29 end:2024-05-31 leader:\"Liu Xiaoming\" places:\"Jeju, Seoul\" purpose:\"Jeju Forum\" size:30 source:https://example.org/a source_title:\"Report\" source_date:2024-06-01")
        .await;
    let v = id(&data);
    let shown = t.ok(&format!("/visits show id:{v}")).await;
    assert_eq!(shown["provinces"], serde_json::json!(["Hainan"]));
    assert_eq!(shown["start"], "2024-05-29");
    assert_eq!(shown["end"], "2024-05-31");
    assert_eq!(shown["leader"], "Liu Xiaoming");
    assert_eq!(shown["places"], serde_json::json!(["Jeju", "Seoul"]));
    assert_eq!(shown["size"], 30);
    assert_eq!(shown["sources"][0]["url"], "https://example.org/a");
    assert_eq!(shown["sources"][0]["title"], "Report");
    let list = t.ok("/visits list").await;
    assert_eq!(list["total"], 1);
    assert_eq!(list["visits"][0]["id"], v);
    assert_eq!(
        list["visits"][0]["places"],
        serde_json::json!(["Jeju", "Seoul"])
    );
}

#[tokio::test]
async fn month_precision_is_kept_and_counted_in_its_month() {
    let t = TestApp::new().await;
    let v = id(&t
        .ok("/record visit add province:Jiangsu start:2024-06")
        .await);
    let shown = t.ok(&format!("/visits show id:{v}")).await;
    assert_eq!(shown["start"], "2024-06");
    let monthly = t.ok("/visits monthly from:2024-05 to:2024-07").await;
    let counts: Vec<i64> = monthly["months"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["visits"].as_i64().unwrap())
        .collect();
    assert_eq!(counts, vec![0, 1, 0]);
}

#[tokio::test]
async fn joint_delegations_count_once_and_match_each_province() {
    let t = TestApp::new().await;
    t.ok("/record visit add province:\"Guangdong, Jiangsu, Shandong\" start:2024-03-10")
        .await;
    t.ok("/record visit add province:Hainan start:2024-03-20")
        .await;
    let monthly = t.ok("/visits monthly from:2024-03 to:2024-03").await;
    assert_eq!(monthly["total"], 2, "a joint visit counts once");
    for p in ["Guangdong", "jiangsu", "山东"] {
        let list = t.ok(&format!("/visits list province:{p}")).await;
        assert_eq!(list["total"], 1, "filtering by {p} finds the joint visit");
    }
    let ranks = t.ok("/provinces from:2024-03 to:2024-03").await;
    let names: Vec<&str> = ranks["provinces"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["province"].as_str().unwrap())
        .collect();
    assert_eq!(
        names.len(),
        4,
        "the joint visit counts for each of its provinces: {names:?}"
    );
    let stats = t.ok("/stats from:2024-03 to:2024-03").await;
    assert_eq!(stats["totals"]["visits"], 2);
}

#[tokio::test]
async fn overlapping_visit_from_the_same_province_is_refused_unless_forced() {
    let t = TestApp::new().await;
    let first = id(&t
        .ok("/record visit add province:Hainan start:2024-05-29 end:2024-05-31")
        .await);
    let before = t.fingerprint().await;
    let msg = t
        .refused("/record visit add province:\"Hainan, Fujian\" start:2024-05-30")
        .await;
    assert!(
        msg.contains(&format!("#{first}")) && msg.contains("force:true"),
        "{msg}"
    );
    assert_eq!(before, t.fingerprint().await);
    // A month-precision visit covers the whole month.
    t.refused("/record visit add province:Hainan start:2024-05")
        .await;
    // Another province, or other dates, are fine; force records both.
    t.ok("/record visit add province:Fujian start:2024-05-30")
        .await;
    t.ok("/record visit add province:Hainan start:2024-06-01")
        .await;
    t.ok("/record visit add province:Hainan start:2024-05-30 force:true")
        .await;
    assert_eq!(t.ok("/visits list").await["total"], 4);
}

#[tokio::test]
async fn bad_input_changes_nothing_and_says_what_to_type() {
    let t = TestApp::new().await;
    t.people().await;
    t.ok("/record visit add province:Hainan start:2024-05-29")
        .await;
    let before = t.fingerprint().await;
    let long = "x".repeat(1001);
    let cases = [
        (
            "/record visit add province:Hainan start:2024-02-30",
            "real calendar date",
        ),
        (
            "/record visit add province:Hainan start:2024-13",
            "no such month",
        ),
        (
            "/record visit add province:Hainan start:2024-05-10 end:2024-05-01",
            "before the start",
        ),
        (
            "/record visit add province:Atlantis start:2024-05-10",
            "not a Chinese province",
        ),
        (
            "/record visit add province:Hainan start:2024-05-10 places:Tokyo",
            "not a Korean place",
        ),
        (
            "/record visit add province:Hainan start:2024-05-10 leader:\"Liu Xiaomin\"",
            "did you mean `Liu Xiaoming`",
        ),
        (
            "/record visit add province:Hainan start:2024-05-10 size:0",
            "between 1 and",
        ),
        (
            "/record visit add province:Hainan start:2024-05-10 source:not-a-link",
            "http",
        ),
        (
            "/record visit add province:Hainan start:2024-05-10 bogus:1",
            "no option `bogus`",
        ),
        ("/record visit add start:2024-05-10", "needs `province:`"),
        (
            &format!("/record visit add province:Hainan start:2024-05-10 purpose:{long}"),
            "at most 1000",
        ),
        ("/record visit edit id:999 size:3", "no visit #999"),
        ("/record visit delete id:999", "no visit #999"),
        ("/visits show id:999", "no visit #999"),
    ];
    for (line, expected) in cases {
        let msg = t.refused(line).await;
        assert!(msg.contains(expected), "{line}: {msg}");
        assert!(!msg.contains('\n'), "one sentence: {msg}");
    }
    assert_eq!(
        before,
        t.fingerprint().await,
        "refused input changed the database"
    );
}

#[tokio::test]
async fn members_cannot_write() {
    let t = TestApp::new().await;
    let before = t.fingerprint().await;
    let err = t
        .app
        .run_line(
            &t.member,
            "/record visit add province:Hainan start:2024-05-29",
        )
        .await
        .unwrap_err();
    assert!(err.to_string().contains("Only moderators"), "{err}");
    assert_eq!(before, t.fingerprint().await);
    // Reading is open to all.
    assert!(t.app.run_line(&t.member, "/visits list").await.is_ok());
}

#[tokio::test]
async fn edit_changes_fields_and_clears_what_clear_names() {
    let t = TestApp::new().await;
    t.people().await;
    let v = id(&t.ok("/record visit add province:Hainan start:2024-05-29 city:Haikou leader:\"Liu Xiaoming\" size:10").await);
    t.ok(&format!(
        "/record visit edit id:{v} size:25 clear:city places:Jeju source:https://example.org/b"
    ))
    .await;
    let shown = t.ok(&format!("/visits show id:{v}")).await;
    assert_eq!(shown["size"], 25);
    assert!(shown["city"].is_null());
    assert_eq!(shown["leader"], "Liu Xiaoming", "untouched fields stay");
    assert_eq!(shown["places"], serde_json::json!(["Jeju"]));
    assert_eq!(shown["version"], 2);
    let msg = t.refused(&format!("/record visit edit id:{v}")).await;
    assert!(msg.contains("Say what to change"), "{msg}");
}

/// Dates and numbers can be emptied too: Discord cannot send `-` for them (issue 10).
#[tokio::test]
async fn clear_empties_dates_numbers_and_lists() {
    let t = TestApp::new().await;
    t.people().await;
    let v = id(&t.ok("/record visit add province:Hainan start:2024-05-29 end:2024-05-31 level:provincial leader:\"Liu Xiaoming\" places:Jeju size:10 source:https://example.org/a").await);
    t.ok(&format!(
        "/record visit edit id:{v} clear:\"end, size,LEVEL\",leader,places,source"
    ))
    .await;
    let shown = t.ok(&format!("/visits show id:{v}")).await;
    for field in ["end", "size", "level", "leader"] {
        assert!(shown[field].is_null(), "{field}: {shown}");
    }
    assert_eq!(shown["places"], serde_json::json!([]));
    assert_eq!(shown["sources"], serde_json::json!([]));
    for (line, says) in [
        (
            format!("/record visit edit id:{v} clear:start"),
            "`clear` takes fields from: end, city",
        ),
        (
            format!("/record visit edit id:{v} size:3 clear:size"),
            "both given and cleared",
        ),
        (
            format!("/record visit edit id:{v} city:-"),
            "write clear:city",
        ),
    ] {
        let msg = t.refused(&line).await;
        assert!(msg.contains(says), "{line}: {msg}");
    }
    assert_eq!(
        t.ok(&format!("/visits show id:{v}")).await["version"],
        2,
        "refusals change nothing"
    );
}

#[tokio::test]
async fn deleted_visits_vanish_from_every_answer() {
    let t = TestApp::new().await;
    let v = id(&t
        .ok("/record visit add province:Hainan start:2024-05-29 purpose:\"Free trade port\"")
        .await);
    t.ok(&format!("/record visit delete id:{v}")).await;
    assert_eq!(t.ok("/visits list").await["total"], 0);
    assert_eq!(
        t.ok("/visits monthly from:2024-05 to:2024-05").await["total"],
        0
    );
    assert_eq!(t.ok("/search text:\"free trade\"").await["total"], 0);
    t.refused(&format!("/visits show id:{v}")).await;
    // The record is kept for the audit log.
    let history = t.ok(&format!("/data audit entity:visit id:{v}")).await;
    assert_eq!(history["entries"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn list_filters_and_pages() {
    let t = TestApp::new().await;
    t.people().await;
    for day in 1..=23 {
        t.ok(&format!(
            "/record visit add province:Jiangsu start:2023-01-{day:02} force:true places:Seoul"
        ))
        .await;
    }
    t.ok("/record visit add province:Hainan start:2024-05-29 places:Jeju city:Haikou leader:\"Liu Xiaoming\"").await;
    let first = t.ok("/visits list").await;
    assert_eq!(
        (first["total"].as_i64(), first["pages"].as_i64()),
        (Some(24), Some(3))
    );
    assert_eq!(first["visits"][0]["start"], "2024-05-29", "newest first");
    let third = t.ok("/visits list page:3").await;
    assert_eq!(third["visits"].as_array().unwrap().len(), 4);
    assert_eq!(t.ok("/visits list place:jeju").await["total"], 1);
    assert_eq!(t.ok("/visits list city:haik").await["total"], 1);
    assert_eq!(
        t.ok("/visits list official:\"liu xiaoming\"").await["total"],
        1
    );
    assert_eq!(
        t.ok("/visits list from:2023-01-10 to:2023-01").await["total"],
        14
    );
    // A year bounds a range by its first and last month.
    assert_eq!(
        t.ok("/visits list from:2023 to:2023").await["total"],
        t.ok("/visits list from:2023-01 to:2023-12").await["total"]
    );
    let msg = t.refused("/visits list from:24").await;
    assert!(msg.contains("YYYY-MM"), "{msg}");
}
