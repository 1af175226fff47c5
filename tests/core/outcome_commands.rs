//! `/outcome add|edit|delete`, `/outcomes list|show` and the outcomes in the other
//! records' views, typed as a user types them (issue 12).

use serde_json::json;

use crate::helpers::{TestApp, id};

const ADD: &str = "/outcome add kind:MOU title:\"Workation MOU\" date:2024-06-03 province:Jiangsu korean_side:\"Jeju Province\" amount:\"1.5 billion\" currency:USD source:https://example.org/mou";

#[tokio::test]
async fn an_outcome_is_added_shown_and_listed_with_its_amount_grouped() {
    let t = TestApp::new().await;
    let o = id(&t.ok(ADD).await);
    let shown = t.run(&format!("/outcomes show id:{o}")).await.unwrap();
    assert_eq!(shown.title, format!("Outcome #{o} · Workation MOU"));
    let field = |name: &str| {
        shown
            .fields
            .iter()
            .find(|f| f.name == name)
            .unwrap_or_else(|| panic!("no field {name}"))
            .value
            .clone()
    };
    assert_eq!(field("Amount"), "USD 1,500,000,000");
    assert_eq!(field("Status"), "signed", "signed unless said otherwise");
    assert_eq!(field("Chinese side"), "Jiangsu");
    assert_eq!(field("Korean side"), "Jeju Province");
    assert_eq!(
        shown.data["amount"],
        serde_json::json!({"currency": "USD", "amount": "1500000000"})
    );
    assert_eq!(shown.data["sources"][0]["url"], "https://example.org/mou");
    // /search finds it by its title and by its Korean side.
    for words in ["workation", "jeju province"] {
        let found = t.ok(&format!("/search text:\"{words}\"")).await;
        assert_eq!(
            (
                found["results"][0]["entity"].as_str(),
                found["results"][0]["id"].as_i64()
            ),
            (Some("outcome"), Some(o)),
            "{words}: {found}"
        );
    }

    // Each written form of an amount, and a currency written in the amount itself.
    for (n, (typed, currency, shown)) in [
        ("1500000000", "KRW", "KRW 1,500,000,000"),
        ("1,500,000,000", "KRW", "KRW 1,500,000,000"),
        ("15억", "KRW", "KRW 1,500,000,000"),
        ("1조 5천억", "KRW", "KRW 1,500,000,000,000"),
    ]
    .into_iter()
    .enumerate()
    {
        let d = t
            .ok(&format!(
                "/outcome add kind:\"investment pledge\" title:\"Pledge {n}\" date:2024-07 province:Hainan amount:\"{typed}\" currency:{currency} force:true"
            ))
            .await;
        let v = t.ok(&format!("/outcomes show id:{}", id(&d))).await;
        assert_eq!(
            (
                v["amount"]["currency"].as_str().unwrap(),
                v["date"].as_str().unwrap()
            ),
            (currency, "2024-07"),
            "{typed}"
        );
        let r = t
            .run(&format!("/outcomes show id:{}", id(&d)))
            .await
            .unwrap();
        assert!(
            r.fields
                .iter()
                .any(|f| f.name == "Amount" && f.value == shown),
            "{typed}: {:?}",
            r.fields
        );
    }
    let list = t.ok("/outcomes list").await;
    assert_eq!(list["total"], 5);
    assert_eq!(list["outcomes"][0]["title"], "Pledge 3", "newest first");
    assert_eq!(list["outcomes"][4]["id"], o);
}

#[tokio::test]
async fn bad_input_is_one_sentence_saying_what_to_type_and_changes_nothing() {
    let t = TestApp::new().await;
    let before = t.fingerprint().await;
    let base = "/outcome add kind:MOU title:T date:2024-06-03 province:Jiangsu";
    for (extra, says) in [
        ("amount:-5 currency:USD", "negative"),
        ("amount:\"1.5 billion\"", "currency"),
        ("currency:USD", "amount"),
        ("amount:\"USD 5 million\" currency:KRW", "KRW"),
        ("amount:\"$5 and 3억\"", ""),
        ("visit:99", "There is no visit #99"),
        ("meeting:99", "There is no meeting #99"),
        ("forum:99", "There is no forum #99"),
        ("source_title:x", "source:https"),
    ] {
        let msg = t.refused(&format!("{base} {extra}")).await;
        assert!(msg.contains(says), "{extra}: {msg}");
        assert!(msg.ends_with('.'), "{extra}: one sentence: {msg}");
    }
    let msg = t
        .refused("/outcome add kind:treaty title:T date:2024-06-03")
        .await;
    assert!(msg.contains("MOU"), "{msg}");
    let msg = t
        .refused("/outcome add kind:MOU title:T date:2099-01-01")
        .await;
    assert!(msg.contains("more than a year ahead"), "{msg}");
    let msg = t.refused("/outcomes show id:7").await;
    assert_eq!(
        msg,
        "There is no outcome #7; /outcomes list shows the numbers."
    );
    let msg = t.refused("/outcome edit id:7 status:realized").await;
    assert!(msg.contains("There is no outcome #7"), "{msg}");
    assert_eq!(t.fingerprint().await, before, "nothing written");

    let member = t
        .app
        .run_line(&t.member, "/outcome add kind:MOU title:T date:2024-06-03")
        .await;
    assert!(matches!(member, Err(delegation_bot::error::Error::User(_))));
    assert_eq!(t.fingerprint().await, before);
}

#[tokio::test]
async fn the_same_outcome_for_a_province_within_a_week_is_refused_unless_forced() {
    let t = TestApp::new().await;
    let first = id(&t.ok(ADD).await);
    let before = t.fingerprint().await;
    // Same kind, title (any case) and province, six days later.
    let again =
        "/outcome add kind:MOU title:\"workation mou\" date:2024-06-09 province:Jiangsu,Hainan";
    let msg = t.refused(again).await;
    assert!(
        msg.contains(&format!("Outcome #{first}")) && msg.contains("force:true"),
        "{msg}"
    );
    assert_eq!(t.fingerprint().await, before);
    // A week and a day later, another province or kind, it is not a repeat; forced, it is
    // recorded.
    t.ok("/outcome add kind:MOU title:\"Workation MOU\" date:2024-06-11 province:Jiangsu")
        .await;
    let forced = id(&t.ok(&format!("{again} force:true")).await);
    assert!(forced > first);
    t.ok("/outcome add kind:MOU title:\"Workation MOU\" date:2024-06-03 province:Shandong")
        .await;
    t.ok("/outcome add kind:agreement title:\"Workation MOU\" date:2024-06-03 province:Jiangsu")
        .await;
    // An edit that makes one a repeat is refused the same way.
    let other = id(&t
        .ok("/outcome add kind:MOU title:\"Tourism MOU\" date:2024-06-04 province:Jiangsu")
        .await);
    let msg = t
        .refused(&format!("/outcome edit id:{other} title:\"Workation MOU\""))
        .await;
    assert!(msg.contains(&format!("Outcome #{first}")), "{msg}");
}

#[tokio::test]
async fn edits_change_clear_and_check_the_version_and_each_write_is_undone() {
    let t = TestApp::new().await;
    let o = id(&t.ok(ADD).await);
    let added = t.ok(&format!("/outcomes show id:{o}")).await;

    t.ok(&format!(
        "/outcome edit id:{o} status:realized amount:\"2,000,000\" currency:EUR summary:\"Signed in Jeju\""
    ))
    .await;
    let v = t.ok(&format!("/outcomes show id:{o}")).await;
    assert_eq!(v["status"], "realized");
    assert_eq!(
        v["amount"],
        serde_json::json!({"currency": "EUR", "amount": "2000000"})
    );
    assert_eq!(v["version"], 2);
    t.ok(&format!("/outcome edit id:{o} clear:amount,korean_side"))
        .await;
    let v = t.ok(&format!("/outcomes show id:{o}")).await;
    assert!(v["amount"].is_null() && v["korean_side"].is_null(), "{v}");
    // An edit made against an older version is refused, naming what changed.
    let msg = t
        .refused(&format!("/outcome edit id:{o} title:X version:1"))
        .await;
    assert!(msg.contains("changed since version 1"), "{msg}");
    let msg = t.refused(&format!("/outcome edit id:{o}")).await;
    assert!(msg.contains("Say what to change"), "{msg}");

    // Undo the clear, then the edit: back to the outcome as added.
    t.ok("/data undo").await;
    assert_eq!(
        t.ok(&format!("/outcomes show id:{o}")).await["amount"]["currency"],
        "EUR"
    );
    t.ok("/data undo").await;
    let back = t.ok(&format!("/outcomes show id:{o}")).await;
    for key in [
        "title",
        "status",
        "amount",
        "korean_side",
        "summary",
        "provinces",
    ] {
        assert_eq!(back[key], added[key], "{key}");
    }

    // Delete, and undo the delete.
    let deleted = t.run(&format!("/outcome delete id:{o}")).await.unwrap();
    assert_eq!(deleted.title, format!("Outcome #{o} deleted"));
    assert_eq!(t.ok("/outcomes list").await["total"], 0);
    t.refused(&format!("/outcomes show id:{o}")).await;
    t.ok("/data undo").await;
    assert_eq!(t.ok("/outcomes list").await["total"], 1);

    // Undo the add: gone for good.
    t.ok("/data undo").await;
    assert_eq!(t.ok("/outcomes list").await["total"], 0);
    let left: i64 = sqlx::query_scalar("SELECT count(*) FROM outcomes")
        .fetch_one(&t.app.db)
        .await
        .unwrap();
    assert_eq!(left, 0);
}

#[tokio::test]
async fn the_list_filters_by_province_kind_status_and_dates_and_pages() {
    let t = TestApp::new().await;
    for day in 1..=12 {
        t.ok(&format!(
            "/outcome add kind:MOU title:\"MOU {day}\" date:2024-03-{day:02} province:Jiangsu"
        ))
        .await;
    }
    t.ok(
        "/outcome add kind:contract title:Ferries date:2024-04 province:Shandong status:announced",
    )
    .await;
    t.ok("/outcome add kind:\"sister-city\" title:\"Haikou and Jeju\" date:2024-05-30 province:Hainan")
        .await;

    let all = t.ok("/outcomes list").await;
    assert_eq!(
        (all["total"].as_i64(), all["pages"].as_i64()),
        (Some(14), Some(2))
    );
    let page2 = t.ok("/outcomes list page:2").await;
    let titles: Vec<&str> = page2["outcomes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["MOU 4", "MOU 3", "MOU 2", "MOU 1"]);

    let jiangsu = t.ok("/outcomes list province:Jiangsu").await;
    assert_eq!(jiangsu["total"], 12);
    let kinds = t.ok("/outcomes list kind:contract").await;
    assert_eq!(kinds["total"], 1);
    assert_eq!(kinds["outcomes"][0]["date"], "2024-04");
    assert_eq!(t.ok("/outcomes list status:announced").await["total"], 1);
    // Days and months: a month-only date matches when its month overlaps the range.
    assert_eq!(
        t.ok("/outcomes list from:2024-03-05 to:2024-03-10").await["total"],
        6
    );
    assert_eq!(
        t.ok("/outcomes list from:2024-04-15 to:2024-05-30").await["total"],
        2
    );
    assert_eq!(t.ok("/outcomes list from:2024-05").await["total"], 1);
    let none = t
        .run("/outcomes list province:Hainan kind:MOU")
        .await
        .unwrap();
    assert!(none.text.unwrap().contains("No outcomes match"));
}

#[tokio::test]
async fn deleting_what_an_outcome_came_of_unlinks_it_and_undo_links_it_again() {
    let t = TestApp::new().await;
    let visit = id(&t
        .ok("/record visit add province:Hainan start:2024-05-29 end:2024-05-31 places:Jeju")
        .await);
    let forum = id(&t
        .ok("/record forum add name:\"Jeju Forum\" kind:conference start:2024-05-29 edition:19th")
        .await);
    let o = id(&t
        .ok(&format!(
            "/outcome add kind:MOU title:\"Free trade port MOU\" date:2024-05-30 province:Hainan visit:{visit} forum:{forum} amount:\"15亿元\""
        ))
        .await);
    // The visit's and the forum's views list it.
    let shown = t.run(&format!("/visits show id:{visit}")).await.unwrap();
    let line = &shown
        .fields
        .iter()
        .find(|f| f.name == "Outcomes")
        .unwrap()
        .value;
    assert!(
        line.contains(&format!("#{o}")) && line.contains("CNY 1,500,000,000"),
        "{line}"
    );
    assert_eq!(shown.data["outcomes"][0]["id"], o);
    let f = t.ok(&format!("/forums show id:{forum}")).await;
    assert_eq!(f["outcomes"][0]["title"], "Free trade port MOU");

    let deleted = t.ok(&format!("/record visit delete id:{visit}")).await;
    assert_eq!(deleted["outcomes"], serde_json::json!([o]));
    let v = t.ok(&format!("/outcomes show id:{o}")).await;
    let links: Vec<&str> = v["links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["entity"].as_str().unwrap())
        .collect();
    assert_eq!(links, ["forum"], "the visit link went with the visit");
    t.ok("/data undo").await;
    let v = t.ok(&format!("/outcomes show id:{o}")).await;
    assert_eq!(v["links"][0]["id"], visit, "undo links it again");

    t.ok(&format!("/record forum delete id:{forum}")).await;
    let v = t.ok(&format!("/outcomes show id:{o}")).await;
    assert_eq!(v["links"].as_array().unwrap().len(), 1);
    t.ok("/data undo").await;
    let f = t.ok(&format!("/forums show id:{forum}")).await;
    assert_eq!(f["outcomes"][0]["id"], o);
}

#[tokio::test]
async fn stats_count_outcomes_by_kind_and_sum_pledges_per_currency_and_period() {
    let t = TestApp::new().await;
    for line in [
        "/outcome add kind:\"investment pledge\" title:A date:2024-03-02 province:Jiangsu amount:\"1.5 billion\" currency:USD",
        "/outcome add kind:\"investment pledge\" title:B date:2024-03 province:Jiangsu amount:\"$0.25 billion\"",
        "/outcome add kind:\"investment pledge\" title:C date:2024-04-10 province:Hainan amount:15억 currency:KRW",
        // Cancelled: counted, but its amount is not pledged.
        "/outcome add kind:contract title:D date:2024-04-11 province:Hainan amount:\"USD 7\" status:cancelled",
        "/outcome add kind:MOU title:E date:2024-04-12 province:Hainan",
        // Outside the period.
        "/outcome add kind:MOU title:F date:2024-06-01 province:Shandong amount:\"USD 9\"",
    ] {
        t.ok(line).await;
    }
    let s = t.ok("/stats from:2024-03 to:2024-04").await;
    let o = &s["outcomes"];
    assert_eq!(o["count"], 5);
    assert_eq!(
        o["by_kind"],
        json!({"MOU": 1, "investment pledge": 3, "contract": 1})
    );
    assert_eq!(
        o["pledged"],
        json!([
            {"currency": "KRW", "amount": "1500000000"},
            {"currency": "USD", "amount": "1750000000"}
        ])
    );
    let r = t.run("/stats from:2024-03 to:2024-04").await.unwrap();
    let pledged = &r
        .fields
        .iter()
        .find(|f| f.name.starts_with("Pledged"))
        .unwrap()
        .value;
    assert_eq!(pledged, "KRW 1,500,000,000\nUSD 1,750,000,000");
    let march = t.ok("/stats from:2024-03 to:2024-03").await;
    assert_eq!(march["outcomes"]["count"], 2);
    assert_eq!(
        march["outcomes"]["pledged"],
        json!([{"currency": "USD", "amount": "1750000000"}])
    );
    let none = t.ok("/stats from:2023-01 to:2023-02").await;
    assert_eq!(
        none["outcomes"],
        json!({"count": 0, "by_kind": {}, "pledged": [], "realized": []})
    );

    // /provinces: an outcomes column, with a province that has nothing but outcomes.
    t.ok("/record visit add province:Jiangsu start:2024-03-01")
        .await;
    let p = t.ok("/provinces from:2024-03 to:2024-04").await;
    assert_eq!(
        p["provinces"],
        json!([
            {"province": "Jiangsu", "visits": 1, "meetings": 0, "forums": 0, "outcomes": 2},
            {"province": "Hainan", "visits": 0, "meetings": 0, "forums": 0, "outcomes": 3},
        ])
    );
    let table = t
        .run("/provinces from:2024-03 to:2024-04")
        .await
        .unwrap()
        .table
        .unwrap()
        .render();
    assert!(table.contains("Outcomes"), "{table}");
}

#[tokio::test]
async fn a_hand_made_outcomes_sheet_imports_and_repeats_within_it_are_refused() {
    let t = TestApp::new().await;
    let path = t.dir.path().join("outcomes.csv");
    std::fs::write(
        &path,
        "종류,제목,날짜,성,금액,통화\nMOU,Workation MOU,2024-06-03,Jiangsu,15억,KRW\n투자 약속,Battery plant,2024-06,\"Jiangsu, Shandong\",$1.5 billion,\n",
    )
    .unwrap();
    let done = t
        .ok(&format!(
            "/data import file:\"{}\" confirm:true",
            path.display()
        ))
        .await;
    assert_eq!(done["counts"]["outcomes"]["created"], 2, "{done}");
    let list = t.ok("/outcomes list").await;
    assert_eq!(
        list["outcomes"][0]["amount"],
        json!({"currency": "KRW", "amount": "1500000000"})
    );
    assert_eq!(
        list["outcomes"][1]["amount"],
        json!({"currency": "USD", "amount": "1500000000"})
    );
    // Undo takes the import back as one change.
    t.ok("/data undo").await;
    assert_eq!(t.ok("/outcomes list").await["total"], 0);

    let before = t.fingerprint().await;
    std::fs::write(
        &path,
        "kind,title,date,province\nMOU,Workation MOU,2024-06-03,Jiangsu\nMOU,workation mou,2024-06-08,Jiangsu\nMOU,Other,2024-06-03,Jiangsu\n",
    )
    .unwrap();
    let msg = t
        .import_refused("outcomes.csv", &std::fs::read(&path).unwrap())
        .await;
    assert!(
        msg.contains("line 3") && msg.contains("the outcome at line 2 of this file"),
        "{msg}"
    );
    assert_eq!(t.fingerprint().await, before, "nothing imported");
}

#[tokio::test]
async fn the_audit_log_shows_an_outcomes_history_field_by_field() {
    let t = TestApp::new().await;
    let o = id(&t.ok(ADD).await);
    t.ok(&format!(
        "/outcome edit id:{o} status:realized amount:\"2 billion\""
    ))
    .await;
    let r = t
        .run(&format!("/data audit entity:outcome id:{o}"))
        .await
        .unwrap();
    let table = r.table.unwrap().render();
    let what = &r.data;
    let changes = what.to_string();
    assert!(changes.contains("status: signed → realized"), "{changes}");
    assert!(
        changes.contains("amount: USD 1,500,000,000 → USD 2,000,000,000"),
        "{changes}"
    );
    assert!(table.contains("create"), "{table}");
    let recent = t.run("/data audit").await.unwrap().table.unwrap().render();
    assert!(recent.contains("edit outcome #1"), "{recent}");
}
