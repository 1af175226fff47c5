//! Edits and deletes of meetings, forums and officials; autocomplete; help; hostile text.

use delegation_bot::catalog::Lookup;

use crate::helpers::{TestApp, id};

#[tokio::test]
async fn meetings_are_edited_and_deleted() {
    let t = TestApp::new().await;
    t.people().await;
    let m = id(&t.ok("/record meeting add date:2024-06-12 officials:\"Xin Changxing; Oh Se-hoon\" place:Seoul").await);
    t.ok(&format!(
        "/record meeting edit id:{m} officials:\"Xin Changxing; Han Duck-soo\" clear:place"
    ))
    .await;
    let h = t.ok("/official history name:\"Xin Changxing\"").await;
    assert_eq!(
        h["meetings"][0]["counterparts"],
        serde_json::json!(["Han Duck-soo"])
    );
    assert!(h["meetings"][0]["place"].is_null());
    t.refused(&format!("/record meeting edit id:{m}")).await;
    t.ok(&format!("/record meeting delete id:{m}")).await;
    assert_eq!(
        t.ok("/official history name:\"Xin Changxing\"").await["meetings"],
        serde_json::json!([])
    );
    t.refused(&format!("/record meeting delete id:{m}")).await;
}

#[tokio::test]
async fn forums_are_edited_and_deleted() {
    let t = TestApp::new().await;
    let f = id(&t
        .ok("/record forum add name:\"Jeju Forum\" kind:conference start:2024-05-29")
        .await);
    t.ok(&format!(
        "/record forum edit id:{f} edition:19th organizer:\"Jeju Province\" end:2024-05-31"
    ))
    .await;
    let shown = t.ok(&format!("/forums show id:{f}")).await;
    assert_eq!(
        (shown["edition"].as_str(), shown["end"].as_str()),
        (Some("19th"), Some("2024-05-31"))
    );
    let msg = t
        .refused(&format!("/record forum edit id:{f} end:2024-05-01"))
        .await;
    assert!(msg.contains("before the start"), "{msg}");
    t.ok(&format!("/record forum delete id:{f}")).await;
    t.refused(&format!("/forums show id:{f}")).await;
    t.refused("/record forum link forum:1 visit:1").await;
}

#[tokio::test]
async fn officials_are_edited_and_renamed() {
    let t = TestApp::new().await;
    t.people().await;
    t.ok("/record official edit name:\"Oh Se-hoon\" new_name:\"Oh Sehoon\" title:\"Mayor of Seoul (4th term)\" clear:province").await;
    let p = t.ok("/official show name:\"Oh Se-hoon\"").await;
    assert_eq!(
        p["name"], "Oh Sehoon",
        "the old spelling still finds the renamed official"
    );
    assert_eq!(p["title"], "Mayor of Seoul (4th term)");
    let msg = t
        .refused("/record official edit name:\"Han Duck-soo\" new_name:\"Oh Young-hun\"")
        .await;
    assert!(msg.contains("already names Oh Young-hun"), "{msg}");
}

#[tokio::test]
async fn autocomplete_ranks_exact_prefix_then_substring() {
    let t = TestApp::with_sample().await;
    let p = t.app.suggest(Lookup::Province, "jiang").await.unwrap();
    assert_eq!(&p[..2], ["Jiangsu", "Jiangxi"]);
    let p = t
        .app
        .suggest(Lookup::Province, "Hainan, guang")
        .await
        .unwrap();
    assert_eq!(
        p,
        vec!["Guangdong", "Guangxi"],
        "completes the item being typed"
    );
    let o = t.app.suggest(Lookup::Official, "oh").await.unwrap();
    assert!(
        o.contains(&"Oh Se-hoon".to_string()) && o.contains(&"Oh Young-hun".to_string()),
        "{o:?}"
    );
    // A substring of a spelling, typed or generated (오영훈 reads Oh Young-hoon too).
    let o = t.app.suggest(Lookup::Official, "hoon").await.unwrap();
    assert_eq!(o, vec!["Oh Se-hoon", "Oh Young-hun"]);
    // The province first, then the city in it (제주시), by its Korean name.
    let k = t.app.suggest(Lookup::Place, "제주").await.unwrap();
    assert_eq!(k, vec!["Jeju", "Jeju City"]);
    let f = t.app.suggest(Lookup::Forum, "jeju").await.unwrap();
    assert!(f[0].starts_with("#1 Jeju Forum"), "{f:?}");
    let long = "x".repeat(5000);
    assert!(
        t.app
            .suggest(Lookup::Official, &long)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(t.app.suggest(Lookup::Province, "").await.unwrap().len() <= 25);
}

#[tokio::test]
async fn help_lists_commands_from_the_catalog() {
    let t = TestApp::new().await;
    let all = t.ok("/help").await;
    assert_eq!(
        all["commands"].as_array().unwrap().len(),
        delegation_bot::catalog::COMMANDS.len()
    );
    let one = t.ok("/help record visit add").await;
    assert!(
        one["usage"]
            .as_str()
            .unwrap()
            .starts_with("/record visit add province:… start:…")
    );
    let group = t.ok("/help visits").await;
    assert_eq!(group["commands"].as_array().unwrap().len(), 3);
    t.refused("/help nothing").await;
    let member = t.app.run_line(&t.member, "/help").await.unwrap();
    assert!(
        !member.fields.iter().any(|f| f.value.contains("/record")),
        "members are not shown write commands"
    );
    // Discord cuts a field at 1,024 characters: the list is split, and nothing is lost.
    let moderator = t.app.run_line(&t.moderator, "/help").await.unwrap();
    assert!(
        moderator
            .fields
            .iter()
            .all(|f| f.value.chars().count() <= 1024)
    );
    for c in delegation_bot::catalog::COMMANDS.iter() {
        let line = format!("{} — ", c.name());
        assert!(
            moderator
                .fields
                .iter()
                .any(|f| f.value.lines().any(|l| l.starts_with(&line))),
            "{} is missing from /help",
            c.name()
        );
    }
}

#[tokio::test]
async fn hostile_text_is_stored_verbatim_and_harmless() {
    let t = TestApp::new().await;
    let purpose = "'); DROP TABLE visits; -- @everyone <@&123> ```";
    let v = id(&t
        .ok(&format!(
            "/record visit add province:Hainan start:2024-05-29 purpose:\"{purpose}\""
        ))
        .await);
    assert_eq!(
        t.ok(&format!("/visits show id:{v}")).await["purpose"],
        purpose
    );
    assert_eq!(t.ok("/visits list").await["total"], 1);
    let msg = t
        .refused("/record visit add province:Hainan start:2024-07-01 city:\"a\u{7}b\"")
        .await;
    assert!(msg.contains("control character"), "{msg}");
}

#[tokio::test]
async fn exports_in_both_formats() {
    let t = TestApp::with_sample().await;
    let csv = t.run("/export what:officials format:csv").await.unwrap();
    let text = String::from_utf8(csv.attachments[0].bytes.clone()).unwrap();
    assert!(
        text.starts_with(
            "\u{feff}id,version,name,local_name,country,title,organization,province,aliases,posts,database\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("Oh Se-hoon,오세훈,Korea,Mayor of Seoul"),
        "{text}"
    );
    let json = t.run("/export what:all format:json").await.unwrap();
    assert_eq!(json.attachments.len(), 1);
    let v: serde_json::Value = serde_json::from_slice(&json.attachments[0].bytes).unwrap();
    assert_eq!(v["visits"].as_array().unwrap().len(), 2);
    assert_eq!(v["meetings"].as_array().unwrap().len(), 2);
    assert_eq!(v["outcomes"], serde_json::json!([]));
    let all_csv = t.run("/export what:all format:csv").await.unwrap();
    let names: Vec<&str> = all_csv
        .attachments
        .iter()
        .map(|a| a.filename.split('-').next().unwrap())
        .collect();
    assert_eq!(
        names,
        ["officials", "visits", "forums", "meetings", "outcomes"]
    );
}

#[tokio::test]
async fn gambling_spam_is_refused_with_the_offending_part_named() {
    let t = TestApp::new().await;
    let before = t.fingerprint().await;
    let msg = t.refused("/record visit add province:Hainan start:2024-05-29 purpose:\"Investment 온라인카지노 추천\"").await;
    assert!(
        msg.contains("`purpose`") && msg.contains("온라인카지노"),
        "{msg}"
    );
    let path = t.dir.path().join("spam.csv");
    std::fs::write(&path, "province,start,purpose\nHainan,2024-05-01,Talks\nHainan,2024-06-01,best online casino here\n").unwrap();
    let msg = t
        .refused(&format!(
            "/data import file:\"{}\" confirm:true",
            path.display()
        ))
        .await;
    assert!(
        msg.contains("line 3, column `purpose`") && msg.contains("online casino"),
        "{msg}"
    );
    assert_eq!(before, t.fingerprint().await);
    // Real news about Jeju's casino resorts is not spam.
    t.ok("/record visit add province:Hainan start:2024-05-29 purpose:\"Casino resort investment in Jeju\"").await;
}
