//! Records keep their integrity (issue 11): each test reproduces one way records used to go
//! wrong, or Korean and Chinese input used to be refused, and checks it no longer does.

use delegation_bot::domain::Day;

use crate::helpers::TestApp;

/// A visit with meetings on both of its last days: (visit id, meeting ids).
async fn visit_with_meetings(t: &TestApp) -> (i64, Vec<i64>) {
    t.people().await;
    let v = t
        .ok("/record visit add province:Liaoning start:2024-04-22 end:2024-04-26")
        .await["id"]
        .as_i64()
        .unwrap();
    let mut meetings = Vec::new();
    for day in ["2024-04-24", "2024-04-25"] {
        let m = t
            .ok(&format!(
                "/record meeting add date:{day} officials:\"Xin Changxing; Oh Se-hoon\" visit:{v}"
            ))
            .await;
        meetings.push(m["id"].as_i64().unwrap());
    }
    (v, meetings)
}

#[tokio::test]
async fn shrinking_a_visit_never_strands_its_meetings() {
    let t = TestApp::new().await;
    let (v, meetings) = visit_with_meetings(&t).await;
    let msg = t
        .refused(&format!("/record visit edit id:{v} end:2024-04-24"))
        .await;
    assert!(
        msg.contains(&format!("#{} (2024-04-25)", meetings[1])),
        "{msg}"
    );
    assert!(!msg.contains(&format!("#{} (", meetings[0])), "{msg}");
    t.ok(&format!("/record visit edit id:{v} end:2024-04-25"))
        .await;
}

#[tokio::test]
async fn deleting_a_visit_says_what_holds_on_to_it() {
    let t = TestApp::new().await;
    let (v, meetings) = visit_with_meetings(&t).await;
    t.ok(&format!(
        "/record forum add name:\"Shenyang Week\" kind:conference start:2024-04-24 visit:{v}"
    ))
    .await;
    let before = t.fingerprint().await;
    let msg = t.refused(&format!("/record visit delete id:{v}")).await;
    assert!(
        msg.contains("2 meetings") && msg.contains("meetings:unlink"),
        "{msg}"
    );
    assert!(msg.contains("1 forum"), "{msg}");
    assert_eq!(before, t.fingerprint().await);
    // Unlink: the meetings stay, without the visit; /provinces shows no orphan.
    t.ok(&format!("/record visit delete id:{v} meetings:unlink"))
        .await;
    let history = t.ok("/official history name:\"Oh Se-hoon\"").await;
    let kept = history["meetings"].as_array().unwrap();
    assert_eq!(kept.len(), 2, "{history}");
    assert!(kept.iter().all(|m| m["visit"].is_null()), "{history}");
    let p = t.ok("/provinces from:2024-04 to:2024-04").await;
    assert!(
        p["provinces"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["province"] != "Liaoning" || r["visits"] != 0 || r["meetings"] == 0),
        "{p}"
    );
    // One undo brings back the visit, its meetings' link and its forum link.
    t.ok("/data undo").await;
    let shown = t.ok(&format!("/visits show id:{v}")).await;
    assert_eq!(shown["meetings"].as_array().unwrap().len(), 2, "{shown}");
    assert_eq!(shown["forums"].as_array().unwrap().len(), 1, "{shown}");
    // Delete: the meetings go with it, as one change.
    t.ok(&format!("/record visit delete id:{v} meetings:delete"))
        .await;
    let gone = t
        .refused(&format!(
            "/record meeting edit id:{} place:Seoul",
            meetings[1]
        ))
        .await;
    assert!(gone.contains("no meeting"), "{gone}");
    t.ok("/data undo").await;
    assert_eq!(
        t.ok(&format!("/visits show id:{v}")).await["meetings"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

#[tokio::test]
async fn merging_people_of_two_sides_needs_force_and_keeps_meetings_whole() {
    let t = TestApp::new().await;
    t.ok("/record official add name:\"Cho Tae-yul\" country:Korea title:\"Foreign Minister\"")
        .await;
    t.ok("/record official add name:\"Hao Peng\" country:China province:Liaoning")
        .await;
    t.ok("/record official add name:\"Hao Feng\" country:China province:Liaoning")
        .await;
    let msg = t
        .refused("/record official merge keep:\"Cho Tae-yul\" remove:\"Hao Peng\"")
        .await;
    assert!(
        msg.contains("different sides") && msg.contains("force:true"),
        "{msg}"
    );
    t.ok("/record meeting add date:2024-04-24 officials:\"Hao Peng; Hao Feng\"")
        .await;
    let msg = t
        .refused("/record official merge keep:\"Hao Peng\" remove:\"Hao Feng\"")
        .await;
    assert!(msg.contains("one participant"), "{msg}");
    t.ok("/record meeting add date:2024-04-25 officials:\"Hao Peng; Hao Feng; Cho Tae-yul\"")
        .await;
    t.ok("/record meeting delete id:1").await;
    t.ok("/record official merge keep:\"Hao Peng\" remove:\"Hao Feng\"")
        .await;
    let history = t.ok("/official history name:\"Hao Peng\"").await;
    assert_eq!(
        history["meetings"][0]["counterparts"],
        serde_json::json!(["Cho Tae-yul"]),
        "{history}"
    );
}

#[tokio::test]
async fn a_month_matches_any_days_of_it() {
    let t = TestApp::with_sample().await; // Jiangsu's visit is dated 2024-06, no day.
    let jiangsu = |data: &serde_json::Value| {
        data["provinces"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["province"] == "Jiangsu")
            .map(|p| p["visits"].as_i64().unwrap())
            .unwrap_or(0)
    };
    for (from, to) in [
        ("2024-06-16", "2024-06-30"),
        ("2024-06-01", "2024-06-01"),
        ("2024-05-31", "2024-06-02"),
    ] {
        let p = t.ok(&format!("/provinces from:{from} to:{to}")).await;
        assert_eq!(jiangsu(&p), 1, "{from}..{to}: {p}");
    }
    let p = t.ok("/provinces from:2024-07-01 to:2024-07-20").await;
    assert_eq!(jiangsu(&p), 0);
    let list = t
        .run("/visits list from:2024-06-16 to:2024-06-30")
        .await
        .unwrap();
    assert_eq!(list.data["total"], 1);
    assert!(
        list.footer.unwrap().contains("dated by month only"),
        "the footer says how it matched"
    );
    let history = t
        .ok("/official history name:\"Oh Se-hoon\" from:2024-06-20 to:2024-06-21")
        .await;
    assert_eq!(history["meetings"][0]["date"], "2024-06");
    // Search titles show the month as it is known.
    let found = t.ok("/search text:Jiangsu").await;
    let titles: Vec<&str> = found["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["title"].as_str().unwrap())
        .collect();
    assert!(titles.iter().any(|t| t.ends_with("2024-06")), "{titles:?}");
    assert!(
        !titles.iter().any(|t| t.contains("2024-06-01")),
        "{titles:?}"
    );
}

#[tokio::test]
async fn dates_far_ahead_are_refused_and_plans_do_not_move_reports() {
    let t = TestApp::new().await;
    let msg = t
        .refused("/record visit add province:Hainan start:2099-05-01")
        .await;
    assert!(msg.contains("more than a year ahead"), "{msg}");
    let soon = delegation_bot::domain::date::add_months(Day::today(), 2);
    let planned = t
        .ok(&format!("/record visit add province:Hainan start:{soon}"))
        .await;
    let shown = t.ok(&format!("/visits show id:{}", planned["id"])).await;
    assert_eq!(shown["planned"], true);
    let monthly = t.ok("/visits monthly").await;
    assert_eq!(monthly["to"], Day::today().month().to_string());
    let stats = t.ok("/stats").await;
    assert_eq!(stats["to"], Day::today().month().to_string());
    let msg = t
        .import_refused("far.csv", b"province,start\nHainan,2099-05-01\n")
        .await;
    assert!(
        msg.contains("column `start`") && msg.contains("a year ahead"),
        "{msg}"
    );
}

#[tokio::test]
async fn names_are_one_line_of_printable_text() {
    let t = TestApp::new().await;
    for line in [
        "/record official add name:\"Oh\nSe-hoon\" country:Korea",
        "/record official add name:\"Oh\u{1b}[31m\" country:Korea",
    ] {
        let msg = t.refused(line).await;
        assert!(
            msg.contains("one line") || msg.contains("control character"),
            "{msg}"
        );
    }
    t.ok("/record official add name:\"Oh Se-hoon\" country:Korea")
        .await;
    let msg = t
        .refused("/record official alias name:\"Oh Se-hoon\" alias:\"Oh\nSehoon\"")
        .await;
    assert!(msg.contains("one line"), "{msg}");
}

#[tokio::test]
async fn quotes_and_apostrophes_are_typed_as_people_expect() {
    let t = TestApp::new().await;
    t.ok(r#"/record official add name:"=HYPERLINK(\"x\")" country:Other"#)
        .await;
    let shown = t.ok(r#"/official show name:"=HYPERLINK(\"x\")""#).await;
    assert_eq!(shown["name"], r#"=HYPERLINK("x")"#);
    t.ok("/record visit add province:Shaanxi start:2024-03-01 city:Xi'an")
        .await;
    assert_eq!(t.ok("/visits list city:Xi'an").await["total"], 1);
    let help = t.run("/help").await.unwrap();
    assert!(
        help.text.unwrap().contains(r#"\""#),
        "/help shows how to type a quote"
    );
    let one = t.run("/help visits list").await.unwrap();
    assert!(
        one.fields.iter().all(|f| !f.name.ends_with(':')),
        "option names, not `from::`"
    );
}

#[tokio::test]
async fn small_things_people_run_into() {
    let t = TestApp::new().await;
    t.people().await;
    // One source, one alias can go.
    let v = t
        .ok("/record visit add province:Jiangsu start:2024-06-10 source:https://example.org/a")
        .await["id"]
        .as_i64()
        .unwrap();
    t.ok(&format!(
        "/record visit edit id:{v} source:https://example.org/b"
    ))
    .await;
    t.ok(&format!(
        "/record visit edit id:{v} remove_source:https://example.org/a"
    ))
    .await;
    let shown = t.ok(&format!("/visits show id:{v}")).await;
    assert_eq!(shown["sources"].as_array().unwrap().len(), 1, "{shown}");
    assert_eq!(shown["sources"][0]["url"], "https://example.org/b");
    t.ok("/record official alias name:\"Oh Se-hoon\" alias:\"Oh Sehun\"")
        .await;
    t.ok("/record official unalias name:\"Oh Se-hoon\" alias:\"Oh Sehun\"")
        .await;
    let msg = t.refused("/official show name:\"Oh Sehun\"").await;
    assert!(msg.contains("No official"), "{msg}");
    let msg = t
        .refused("/record official unalias name:\"Oh Se-hoon\" alias:\"Oh Se-hoon\"")
        .await;
    assert!(msg.contains("their name"), "{msg}");
    // Officials separated by commas: say to use ;.
    let msg = t
        .refused("/record meeting add date:2024-06-10 officials:\"Xin Changxing, Oh Se-hoon\"")
        .await;
    assert!(msg.contains("separate officials with ;"), "{msg}");
    // No Korean place offered as an example of a Chinese province.
    let msg = t.refused("/visits monthly province:\",\"").await;
    assert!(!msg.contains("Seoul"), "{msg}");
    // The help example of every command runs.
    t.ok("/forums list from:2024").await;
}

#[tokio::test]
async fn korean_and_chinese_names_of_places_resolve() {
    let t = TestApp::new().await;
    for (typed, province) in [
        ("랴오닝성", "Liaoning"),
        ("산둥성", "Shandong"),
        ("상해", "Shanghai"),
        ("흑룡강", "Heilongjiang"),
        ("ＪＩＡＮＧＳＵ", "Jiangsu"),
    ] {
        let v = t
            .ok(&format!(
                "/record visit add province:{typed} start:2024-01-0{} force:true",
                1
            ))
            .await;
        let shown = t.ok(&format!("/visits show id:{}", v["id"])).await;
        assert_eq!(shown["provinces"][0], province, "{typed}");
    }
    for (typed, place) in [
        ("\"Gyeonggi Province\"", "Gyeonggi"),
        ("경기도", "Gyeonggi"),
        ("\"Seoul Metropolitan City\"", "Seoul"),
    ] {
        let v = t
            .ok(&format!(
                "/record visit add province:Hainan start:2024-02-01 places:{typed} force:true"
            ))
            .await;
        let shown = t.ok(&format!("/visits show id:{}", v["id"])).await;
        assert_eq!(shown["places"][0], place, "{typed}");
    }
    // A Chinese city typed where a province is wanted says whose city it is.
    let msg = t
        .refused("/record visit add province:Shenzhen start:2024-03-01")
        .await;
    assert!(msg.contains("Shenzhen is a city in Guangdong"), "{msg}");
    let msg = t.refused("/visits monthly province:칭다오").await;
    assert!(msg.contains("Shandong"), "{msg}");
    // Hangul decomposed into jamo (file names made on macOS) is the same name.
    t.ok("/record official add name:\"Oh Se-hoon\" country:Korea local_name:오세훈")
        .await;
    let jamo = "\u{110B}\u{1169}\u{1109}\u{1166}\u{1112}\u{116E}\u{11AB}";
    assert_eq!(
        t.ok(&format!("/official show name:{jamo}")).await["name"],
        "Oh Se-hoon"
    );
}

#[tokio::test]
async fn choices_and_dates_take_what_people_type() {
    let t = TestApp::new().await;
    for (typed, country) in [
        ("CN", "China"),
        ("ROK", "Korea"),
        ("한국", "Korea"),
        ("中国", "China"),
    ] {
        let name = format!("Person {typed}");
        t.ok(&format!(
            "/record official add name:\"{name}\" country:{typed}"
        ))
        .await;
        assert_eq!(
            t.ok(&format!("/official show name:\"{name}\"")).await["country"],
            country
        );
    }
    for (typed, level) in [("성급", "provincial"), ("市级", "municipal")] {
        let v = t
            .ok(&format!(
                "/record visit add province:Hebei start:2024-03-01 level:{typed} force:true"
            ))
            .await;
        assert_eq!(
            t.ok(&format!("/visits show id:{}", v["id"])).await["level"],
            level
        );
    }
    for typed in [
        "2024/04/23",
        "2024.04.23",
        "\"2024. 4. 23.\"",
        "\"April 23, 2024\"",
        "\"23 April 2024\"",
        "\"2024년 4월 23일\"",
        "2024年4月23日",
    ] {
        let v = t
            .ok(&format!(
                "/record visit add province:Hubei start:{typed} force:true"
            ))
            .await;
        assert_eq!(
            t.ok(&format!("/visits show id:{}", v["id"])).await["start"],
            "2024-04-23",
            "{typed}"
        );
    }
    for typed in ["\"2024년 4월\"", "\"April 2024\""] {
        let v = t
            .ok(&format!(
                "/record visit add province:Hunan start:{typed} force:true"
            ))
            .await;
        assert_eq!(
            t.ok(&format!("/visits show id:{}", v["id"])).await["start"],
            "2024-04"
        );
    }
    let msg = t
        .refused("/record visit add province:Hunan start:04/05/2024")
        .await;
    assert!(msg.contains("2024-04-05 or 2024-05-04"), "{msg}");
}

#[tokio::test]
async fn tables_are_cut_by_display_width() {
    use delegation_bot::reply::{Table, display_width};
    let mut table = Table::new(&["#", "Name"], &[true, false]);
    let hangul = "가".repeat(40); // 80 columns, 40 characters
    table.row(vec!["1".into(), hangul.clone()]);
    table.row(vec!["2".into(), "x".repeat(30)]);
    let text = table.render();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[2].ends_with("..."), "a wide cell is cut: {text}");
    assert!(display_width(lines[2]) <= 65, "{text}");
    assert!(!lines[3].contains("..."), "a cell that fits is whole");
    // Columns line up by width, not by characters.
    let width = |l: &str| display_width(l);
    assert!(width(lines[0]) <= width(lines[2]));
}

#[tokio::test]
async fn search_reads_korean_and_chinese_and_finds_people_by_any_alias() {
    let t = TestApp::new().await;
    t.ok("/record official add name:\"Hao Peng\" country:China province:Liaoning local_name:郝鹏 aliases:하오펑")
        .await;
    t.ok("/record official add name:\"Kim Dong-yeon\" country:Korea")
        .await;
    t.ok("/record visit add province:Liaoning start:2024-04-24 leader:\"Hao Peng\" purpose:\"서울에서 경제협력 논의\"")
        .await;
    t.ok("/record visit add province:Jiangsu start:2024-06-10 purpose:江苏省代表团访问首尔 force:true")
        .await;
    t.ok("/record meeting add date:2024-04-24 officials:\"Hao Peng; Kim Dong-yeon\" summary:\"Semiconductors and batteries\"")
        .await;
    let found = |data: &serde_json::Value| -> Vec<String> {
        data["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| format!("{} {}", r["entity"].as_str().unwrap(), r["id"]))
            .collect()
    };
    let hits = t.ok("/search text:서울").await;
    assert!(found(&hits).contains(&"visit 1".to_string()), "{hits}");
    let hits = t.ok("/search text:江苏").await;
    assert!(found(&hits).contains(&"visit 2".to_string()), "{hits}");
    let hits = t.ok("/search text:代表团").await;
    assert_eq!(found(&hits), ["visit 2"], "{hits}");
    let hits = t.ok("/search text:苏").await;
    assert!(
        found(&hits).contains(&"visit 2".to_string()),
        "a single character: {hits}"
    );
    // An alias finds the person, the visits they led and the meetings they were in.
    let hits = t.ok("/search text:하오펑").await;
    let got = found(&hits);
    for want in ["official 1", "visit 1", "meeting 1"] {
        assert!(got.contains(&want.to_string()), "{want}: {hits}");
    }
    let hits = t.ok("/search text:semicon*").await;
    assert_eq!(found(&hits), ["meeting 1"], "{hits}");
    // Snippets are plain text from what was written.
    let reply = t.run("/search text:semiconductors").await.unwrap();
    let table = reply.table.unwrap().render();
    assert!(!table.contains("**"), "{table}");
    assert!(table.contains("Semiconductors and batteries"), "{table}");
}

#[tokio::test]
async fn every_stored_spelling_of_a_city_or_place_has_the_key_people_type() {
    // The cities migration is generated by a script; its keys must be what `normalize`
    // makes of each spelling, or a city typed as written would not be found.
    let t = TestApp::new().await;
    for table in ["city_aliases", "region_aliases"] {
        let rows: Vec<(String, String)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT norm, alias FROM {table}"
        )))
        .fetch_all(&t.app.db)
        .await
        .unwrap();
        assert!(rows.len() > 100, "{table}");
        for (norm, alias) in rows {
            assert_eq!(
                norm,
                delegation_bot::domain::normalize(&alias),
                "{table}: {alias}"
            );
        }
    }
}

#[tokio::test]
async fn an_upgrade_re_keys_the_spellings_of_places_and_cities_too() {
    // A database whose keys were made by an older `normalize`: as if each table's first
    // spelling had been keyed differently, and the names not re-keyed since (version 2
    // re-keyed officials' spellings only, and skipped places without a word).
    let t = TestApp::new().await;
    for table in ["region_aliases", "city_aliases"] {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "UPDATE {table} SET norm = 'stale ' || norm
              WHERE (norm, alias) IN (SELECT norm, alias FROM {table} LIMIT 1)"
        )))
        .execute(&t.app.db)
        .await
        .unwrap();
    }
    sqlx::query("UPDATE settings SET value = '2' WHERE key = 'names_version'")
        .execute(&t.app.db)
        .await
        .unwrap();
    let url = format!("sqlite://{}", t.dir.path().join("test.db").display());
    let reopened = delegation_bot::store::open(&url).await.unwrap();
    for table in ["region_aliases", "city_aliases"] {
        let stale: Vec<(String, String)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT norm, alias FROM {table} WHERE norm LIKE 'stale %'"
        )))
        .fetch_all(&reopened)
        .await
        .unwrap();
        assert_eq!(stale, [], "{table} re-keyed");
    }
}
