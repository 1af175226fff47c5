//! Issue 20: what a week of real use still broke, one test per numbered item (the test's
//! name says which). Each failed on the code before its fix.

use crate::helpers::*;

/// Writes `csv` into the test's folder and imports it; returns the reply's text.
async fn import(t: &TestApp, name: &str, csv: &str) -> String {
    import_with(t, name, csv, "").await
}

/// The same with more options (`force:true`).
async fn import_with(t: &TestApp, name: &str, csv: &str, options: &str) -> String {
    let path = t.dir.path().join(name);
    std::fs::write(&path, csv).unwrap();
    let r = t
        .run(&format!(
            "/data import file:\"{}\" confirm:true {options}",
            path.display()
        ))
        .await
        .unwrap_or_else(|e| panic!("import {name}: {e:?}"));
    format!("{} {}", r.title, r.text.unwrap_or_default())
}

#[tokio::test]
async fn item02_sums_of_huge_amounts_never_overflow() {
    let t = TestApp::new().await;
    // 200 of the largest amount one outcome may state, spread over 2024...
    let mut spread = String::from("kind,title,date,province,amount,currency\n");
    for i in 0..200 {
        spread.push_str(&format!(
            "investment pledge,Pledge {i},2024-{:02}-{:02},Jiangsu,999999999999999.99,USD\n",
            i % 12 + 1,
            i % 28 + 1
        ));
    }
    // (All the same amount: forced past the duplicate rule.)
    import_with(&t, "spread.csv", &spread, "force:true").await;
    // ...and 200 more within one month: the kept monthly sum passes 2^63 hundredths.
    let mut month = String::from("kind,title,date,province,amount,currency\n");
    for i in 0..200 {
        month.push_str(&format!(
            "investment pledge,June pledge {i},2024-06-{:02},Shandong,999999999999999.99,USD\n",
            i % 28 + 1
        ));
    }
    import_with(&t, "month.csv", &month, "force:true").await;

    let stats = t.ok("/stats from:2024-01 to:2024-12").await;
    assert_eq!(stats["outcomes"]["count"], 400);
    assert_eq!(
        stats["outcomes"]["pledged"],
        serde_json::json!([{"currency": "USD", "amount": "399999999999999996"}])
    );
    let june = t.ok("/stats from:2024-06 to:2024-06").await;
    assert_eq!(june["outcomes"]["count"], 217);
}

#[tokio::test]
async fn item02_a_failed_read_never_says_a_change_was_not_made() {
    let t = TestApp::new().await;
    // Break a table every report reads, as a damaged file would.
    sqlx::query("DROP TABLE month_stats")
        .execute(&t.app.db)
        .await
        .unwrap();
    let e = t.run("/visits monthly").await.unwrap_err();
    let said = e.user_message();
    assert!(!said.contains("change"), "{said}");
    assert!(said.contains("something went wrong"), "{said}");
    // A write that fails says nothing was changed.
    sqlx::query("DROP TABLE visit_places")
        .execute(&t.app.db)
        .await
        .unwrap();
    let e = t
        .run("/record visit add province:Jiangsu start:2024-06-19 places:Seoul")
        .await
        .unwrap_err();
    assert!(
        e.user_message().contains("not made"),
        "{}",
        e.user_message()
    );
}

/// The post each participant held, in each meeting of `name`'s history.
async fn posts_in_history(t: &TestApp, name: &str) -> Vec<serde_json::Value> {
    t.ok(&format!("/official history name:\"{name}\"")).await["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["posts"].clone())
        .collect()
}

#[tokio::test]
async fn item03_a_title_from_the_sample_or_an_import_is_a_post() {
    let t = TestApp::with_sample().await;
    let posts = posts_in_history(&t, "Xin Changxing").await;
    assert!(!posts.is_empty());
    for r in &posts {
        assert_eq!(
            r["Xin Changxing"], "Party Secretary of Jiangsu",
            "{posts:?}"
        );
    }
    let xin = t.ok("/official show name:\"Xin Changxing\"").await;
    assert_eq!(xin["posts"][0]["title"], "Party Secretary of Jiangsu");
    assert_eq!(xin["posts"][0]["from"], serde_json::json!(null));

    import(
        &t,
        "people.csv",
        "name,country,title\nKim Dong-yeon,Korea,Governor of Gyeonggi\n",
    )
    .await;
    let kim = t.ok("/official show name:\"Kim Dong-yeon\"").await;
    assert_eq!(kim["title"], "Governor of Gyeonggi");
    assert_eq!(kim["posts"][0]["title"], "Governor of Gyeonggi");
}

#[tokio::test]
async fn item03_a_new_title_does_not_rename_past_meetings() {
    let t = TestApp::with_sample().await;
    let before = posts_in_history(&t, "Han Duck-soo").await;
    assert_eq!(before[0]["Han Duck-soo"], "Prime Minister");
    t.ok("/record official edit name:\"Han Duck-soo\" title:\"Former Prime Minister\"")
        .await;
    assert_eq!(
        posts_in_history(&t, "Han Duck-soo").await,
        before,
        "a 2024 meeting keeps the post held then"
    );
    let han = t.ok("/official show name:\"Han Duck-soo\"").await;
    assert_eq!(han["title"], "Former Prime Minister");
    let today = delegation_bot::clock::today().to_string();
    let posts = han["posts"].as_array().unwrap();
    assert!(
        posts
            .iter()
            .any(|p| p["title"] == "Former Prime Minister" && p["from"] == today),
        "{posts:?}"
    );
    assert!(
        posts
            .iter()
            .any(|p| p["title"] == "Prime Minister" && p["to"] == today),
        "{posts:?}"
    );
}

/// A month `n` months from today, as `YYYY-MM`.
fn months_from_today(n: i32) -> String {
    use chrono::Datelike;
    let today = delegation_bot::clock::today();
    let months = today.year() * 12 + today.month0() as i32 + n;
    format!("{}-{:02}", months / 12, months % 12 + 1)
}

#[tokio::test]
async fn item04_the_title_is_the_latest_starting_post_held_today() {
    let t = TestApp::new().await;
    t.people().await;
    let title = |v: serde_json::Value| v["title"].clone();
    // A post that starts in the future is not today's title.
    let future = months_from_today(6);
    t.ok(&format!(
        "/record official post name:\"Oh Se-hoon\" title:\"Minister of the Interior\" from:{future}"
    ))
    .await;
    assert_eq!(
        title(t.ok("/official show name:\"Oh Se-hoon\"").await),
        "Mayor of Seoul"
    );

    // A post with an end in the future is held today.
    let (from, to) = ("2020-01".to_string(), months_from_today(12));
    let said = t
        .run(&format!(
            "/record official post name:\"Liu Xiaoming\" title:\"Governor of Hainan\" from:{from} to:{to}"
        ))
        .await
        .unwrap()
        .text
        .unwrap();
    assert!(!said.contains("no title"), "{said}");
    let leader = t
        .ok(&format!(
            "/record official post name:\"Liu Xiaoming\" title:\"Special Envoy\" from:{}",
            months_from_today(-1)
        ))
        .await;
    assert_eq!(
        title(t.ok("/official show name:\"Liu Xiaoming\"").await),
        "Special Envoy",
        "the latest-starting post held today"
    );
    // Removing the title's post: the post still held (to a future end) is the title again.
    let said = t
        .run(&format!(
            "/record official post-remove name:\"Liu Xiaoming\" id:{}",
            leader["id"]
        ))
        .await
        .unwrap()
        .text
        .unwrap();
    assert!(
        said.contains("Their title is now Governor of Hainan"),
        "{said}"
    );
    assert_eq!(
        title(t.ok("/official show name:\"Liu Xiaoming\"").await),
        "Governor of Hainan"
    );

    // clear:title while a post is held ends it, so the title and the career agree.
    t.ok("/record official edit name:\"Liu Xiaoming\" clear:title")
        .await;
    let liu = t.ok("/official show name:\"Liu Xiaoming\"").await;
    assert_eq!(liu["title"], serde_json::json!(null));
    let yesterday = delegation_bot::clock::today()
        .pred_opt()
        .unwrap()
        .to_string();
    assert!(
        liu["posts"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["to"] == yesterday
                || p["to"].as_str().is_some_and(|to| to < yesterday.as_str())),
        "{liu}"
    );
}

#[tokio::test]
async fn item05_an_outcome_linked_to_a_visit_is_dated_within_it_and_for_its_provinces() {
    let t = TestApp::with_sample().await;
    // Visit 1 of the sample: Hainan, 2024-05-29 to 2024-05-31.
    let visit = t.ok("/visits show id:1").await;
    assert_eq!(visit["provinces"], serde_json::json!(["Hainan"]), "{visit}");
    let before = t.fingerprint().await;
    let said = t
        .refused(
            "/outcome add kind:MOU title:\"Tourism MOU\" date:2023-07-01 province:Hainan visit:1",
        )
        .await;
    assert!(
        said.contains("outside visit #1") && said.contains("force:true"),
        "{said}"
    );
    let said = t
        .refused(
            "/outcome add kind:MOU title:\"Tourism MOU\" date:2024-05-30 province:Jiangsu visit:1",
        )
        .await;
    assert!(
        said.contains("Jiangsu") && said.contains("did not come from (Hainan)"),
        "{said}"
    );
    assert_eq!(t.fingerprint().await, before, "nothing written");
    // A month-precision date overlapping the visit's days fits.
    t.ok("/outcome add kind:MOU title:\"Tourism MOU\" date:2024-05 province:Hainan visit:1")
        .await;
    // Forced, and the reply says so.
    let r = t
        .run("/outcome add kind:agreement title:\"Later deal\" date:2024-09-01 province:Hainan visit:1 force:true")
        .await
        .unwrap();
    let text = r.text.unwrap();
    assert!(
        text.contains("although it is dated 2024-09-01, outside visit #1"),
        "{text}"
    );
    // An edit that moves it out of the visit is refused; one that touches nothing the
    // rule reads is not.
    let id = r.data["id"].as_i64().unwrap();
    t.ok(&format!("/outcome edit id:{id} status:realized"))
        .await;
    let said = t
        .refused(&format!("/outcome edit id:{id} province:Jiangsu"))
        .await;
    assert!(said.contains("did not come from"), "{said}");
    // The same rule in an import.
    let path = t.dir.path().join("outcomes.csv");
    std::fs::write(
        &path,
        "kind,title,date,province,visit\nMOU,Imported,2023-07-01,Hainan,1\n",
    )
    .unwrap();
    let said = t
        .refused(&format!(
            "/data import file:\"{}\" confirm:true",
            path.display()
        ))
        .await;
    assert!(said.contains("outside visit #1"), "{said}");
}

#[tokio::test]
async fn item06_the_same_pledge_under_another_title_is_a_duplicate() {
    let t = TestApp::new().await;
    t.ok("/outcome add kind:\"investment pledge\" title:\"Battery materials plant\" date:2024-06-20 province:Jiangsu amount:\"$300 million\"")
        .await;
    let said = t
        .refused("/outcome add kind:\"investment pledge\" title:\"Jiangsu firms pledge to invest in a Seoul research centre\" date:2024-06-22 province:Jiangsu amount:\"300,000,000\" currency:USD")
        .await;
    assert!(
        said.contains("Outcome #1") && said.contains("amount"),
        "{said}"
    );
    // Another amount, or another province, is another pledge.
    t.ok("/outcome add kind:\"investment pledge\" title:\"Second plant\" date:2024-06-22 province:Jiangsu amount:\"$200 million\"")
        .await;
    t.ok("/outcome add kind:\"investment pledge\" title:\"Shandong plant\" date:2024-06-22 province:Shandong amount:\"$300 million\"")
        .await;
    // In one file too.
    let path = t.dir.path().join("pledges.csv");
    std::fs::write(
        &path,
        "kind,title,date,province,amount,currency\n\
         MOU,Tourism MOU,2024-08-01,Hainan,15억,KRW\n\
         MOU,MOU on tourism exchanges,2024-08-03,Hainan,1500000000,KRW\n",
    )
    .unwrap();
    let said = t
        .refused(&format!(
            "/data import file:\"{}\" confirm:true",
            path.display()
        ))
        .await;
    assert!(said.contains("line 3") && said.contains("amount"), "{said}");
}

const CHANNEL: &str = "300000000000000777";

#[tokio::test]
async fn item07_a_merge_moves_watches_and_a_deleted_subject_pauses_its_watch() {
    let t = TestApp::with_sample().await;
    t.ok("/record official add name:\"Oh Yong-hun\" country:Korea")
        .await;
    let w = t
        .ok(&format!(
            "/watch add channel:{CHANNEL} official:\"Oh Yong-hun\""
        ))
        .await;
    let said = t
        .run("/record official merge keep:\"Oh Young-hun\" remove:\"Oh Yong-hun\"")
        .await
        .unwrap()
        .text
        .unwrap();
    assert!(
        said.contains(&format!("Watch #{} now follows Oh Young-hun", w["id"])),
        "{said}"
    );
    let listed = t.ok("/watches").await;
    assert_eq!(listed["watches"][0]["official"], "Oh Young-hun", "{listed}");
    assert_eq!(listed["watches"][0]["paused_at"], serde_json::json!(null));
    // The moved watch fires on the kept person's meetings.
    t.ok("/record meeting add date:2024-05-30 officials:\"Liu Xiaoming; Oh Young-hun\" place:Jeju")
        .await;
    let pending = delegation_bot::store::outbox::pending(&t.app.db, 10)
        .await
        .unwrap();
    assert_eq!(pending.len(), 1, "{pending:?}");

    // A watch whose official is deleted is shown paused, with the reason.
    t.ok("/record official add name:\"Kim Test\" country:Korea")
        .await;
    t.ok(&format!(
        "/watch add channel:{CHANNEL} official:\"Kim Test\""
    ))
    .await;
    let said = t
        .run("/record official delete name:\"Kim Test\"")
        .await
        .unwrap()
        .text
        .unwrap();
    assert!(said.contains("is paused"), "{said}");
    let listed = t.run("/watches").await.unwrap();
    let paused = &listed.data["watches"][1];
    assert!(paused["paused_at"].is_string(), "{paused}");
    assert_eq!(paused["paused_reason"], "Kim Test was deleted");
    let shown = listed
        .fields
        .iter()
        .map(|f| f.value.clone())
        .collect::<String>();
    assert!(
        shown.contains("Paused") && shown.contains("/watch remove"),
        "{shown}"
    );
}

/// The (kind, id) of every record `/search` finds for `text`.
async fn found(t: &TestApp, text: &str) -> Vec<(String, i64)> {
    let data = t.ok(&format!("/search text:\"{text}\"")).await;
    data["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["entity"].as_str().unwrap().to_string(),
                r["id"].as_i64().unwrap(),
            )
        })
        .collect()
}

#[tokio::test]
async fn item08_an_alias_added_later_finds_the_persons_records() {
    let t = TestApp::with_sample().await;
    // 신창싱 is generated for him; a spelling seen in a report but on no record is not.
    assert!(found(&t, "신창씽").await.is_empty());
    t.ok("/record official alias name:\"Xin Changxing\" alias:신창씽")
        .await;
    let hits = found(&t, "신창씽").await;
    for kind in ["official", "visit", "meeting"] {
        assert!(hits.iter().any(|(k, _)| k == kind), "{kind} in {hits:?}");
    }
    // Undone, the spelling finds nothing again.
    t.ok("/data undo").await;
    assert!(
        found(&t, "신창씽").await.is_empty(),
        "{:?}",
        found(&t, "신창씽").await
    );

    // After a merge, the kept person's older records answer to the merged spelling.
    t.ok("/record official add name:\"Oh Sehun\" country:Korea aliases:\"오세훈시장\"")
        .await;
    t.ok("/record official merge keep:\"Oh Se-hoon\" remove:\"Oh Sehun\"")
        .await;
    let hits = found(&t, "오세훈시장").await;
    assert!(hits.iter().any(|(k, _)| k == "meeting"), "{hits:?}");
}

/// The digest of the days `from..=to` (a week or a month), as the bot would post it now.
async fn digest_of(
    t: &TestApp,
    frequency: delegation_bot::domain::schedule::Frequency,
    from: &str,
    to: &str,
) -> delegation_bot::reply::Reply {
    use delegation_bot::domain::schedule::Period;
    let upto = delegation_bot::store::digest::current_batch(&t.app.db)
        .await
        .unwrap();
    let period = Period {
        from: from.parse().unwrap(),
        to: to.parse().unwrap(),
    };
    delegation_bot::commands::digest::digest(&t.app, frequency, period, upto)
        .await
        .unwrap()
}

#[tokio::test]
async fn item11_a_week_counts_no_month_only_record_and_lists_it_apart_once() {
    use delegation_bot::domain::schedule::Frequency::Weekly;
    let t = TestApp::new().await;
    t.ok("/record visit add province:Jiangsu start:2024-06-12")
        .await;
    t.ok("/record visit add province:Shandong start:2024-06")
        .await;
    t.ok("/outcome add kind:MOU title:\"June MOU\" date:2024-06 province:Shandong")
        .await;
    let week = digest_of(&t, Weekly, "2024-06-10", "2024-06-16").await;
    assert_eq!(week.data["visits"], 1, "{}", week.data);
    assert_eq!(week.data["top_provinces"][0]["province"], "Jiangsu");
    assert_eq!(week.data["top_provinces"].as_array().unwrap().len(), 1);
    assert_eq!(week.data["outcomes"]["count"], 0);
    let apart = week.data["month_only"].as_array().unwrap();
    assert_eq!(apart.len(), 2, "{apart:?}");
    assert!(apart.iter().all(|m| m["month"] == "2024-06"));
    assert!(
        week.fields
            .iter()
            .any(|f| f.name.starts_with("Dated to the month only")
                && f.value.contains("Visit #2 · Shandong · 2024-06")),
        "{:?}",
        week.fields
    );
    // Another week of June counts it no more than this one did.
    let other = digest_of(&t, Weekly, "2024-06-03", "2024-06-09").await;
    assert_eq!(other.data["visits"], 0);
    // The month counts it.
    let month = digest_of(
        &t,
        delegation_bot::domain::schedule::Frequency::Monthly,
        "2024-06-01",
        "2024-06-30",
    )
    .await;
    assert_eq!(month.data["visits"], 2);
    assert!(month.data["month_only"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn item12_a_month_only_date_is_shown_as_its_month() {
    let t = TestApp::with_sample().await;
    t.ok("/record official add name:\"Kim Test\" country:Korea")
        .await;
    let m = t
        .ok("/record meeting add date:2024-06 officials:\"Kim Test; Xin Changxing\" place:Seoul")
        .await;
    let month = digest_of(
        &t,
        delegation_bot::domain::schedule::Frequency::Monthly,
        "2024-06-01",
        "2024-06-30",
    )
    .await;
    let new = month.data["new_officials"].to_string();
    assert!(new.contains("\"first_met\":\"2024-06\""), "{new}");
    assert!(!new.contains("2024-06-01"), "{new}");
    t.ok(&format!("/record meeting delete id:{}", m["id"]))
        .await;
    let audit = t.run("/data audit").await.unwrap();
    let text = format!("{:?}", audit.table.unwrap().render());
    assert!(
        text.contains(&format!("delete meeting #{} 2024-06", m["id"])),
        "{text}"
    );
    assert!(!text.contains("2024-06-01"), "{text}");
    // A refusal naming a month-only visit's dates shows them as months.
    t.ok("/record visit add province:Hubei start:2023-03").await;
    let said = t
        .refused("/record meeting add date:2024-01-02 officials:\"Kim Test\" visit:3")
        .await;
    assert!(said.contains("(2023-03 to 2023-03)"), "{said}");
}

#[tokio::test]
async fn item13_a_line_break_inside_a_quoted_cell_from_excel_is_read() {
    let t = TestApp::new().await;
    // Excel writes CRLF inside a quoted cell, and CRLF between rows.
    import(
        &t,
        "excel.csv",
        "province,start,purpose\r\nJiangsu,2024-06-19,\"Courtesy calls.\r\nInvestment briefing.\"\r\n",
    )
    .await;
    let v = t.ok("/visits show id:1").await;
    assert_eq!(v["purpose"], "Courtesy calls.\nInvestment briefing.");
    // Where the field is one line, the refusal names the column.
    let said = t
        .import_refused(
            "places.csv",
            b"province,start,city\r\nJiangsu,2024-07-01,\"Nanjing\r\nSuzhou\"\r\n",
        )
        .await;
    assert!(
        said.contains("`city`") && said.contains("one line"),
        "{said}"
    );
}

#[tokio::test]
async fn item14_full_width_digits_and_invisible_characters_in_dates_and_numbers() {
    let t = TestApp::with_sample().await;
    let list = t.ok("/visits list from:２０２４-０５").await;
    assert_eq!(list["total"], 2, "{list}");
    let v = t.ok("/visits show id:２").await;
    assert_eq!(v["id"], 2);
    let v = t.ok("/visits list from:2024-05\u{200B}").await;
    assert_eq!(v["total"], 2);
    t.ok("/record visit add province:Hubei start:２０２４年６月１日\u{FEFF}")
        .await;
    // In a file too.
    import(
        &t,
        "wide.csv",
        "province,start,size\nHunan,２０２４－０７－０１,１２\n",
    )
    .await;
    let v = t.ok("/visits list province:Hunan").await;
    assert_eq!(v["visits"][0]["start"], "2024-07-01", "{v}");
}

#[tokio::test]
async fn item15_amounts_ranges_bare_units_fractions_and_approximations() {
    let t = TestApp::new().await;
    for (typed, says) in [
        ("\"$1-2 billion\"", "range"),
        ("억 currency:KRW", "no number"),
        ("\"0.01 KRW\"", "fraction of a won"),
    ] {
        let said = t
            .refused(&format!(
                "/outcome add kind:MOU title:Test date:2024-06-01 province:Jiangsu amount:{typed}"
            ))
            .await;
        assert!(said.contains(says), "{typed}: {said}");
    }
    let o = t
        .ok("/outcome add kind:\"investment pledge\" title:\"Plant\" date:2024-06-01 province:Jiangsu amount:\"약 10억 원 규모\"")
        .await;
    let shown = t.ok(&format!("/outcomes show id:{}", o["id"])).await;
    assert_eq!(shown["amount"]["about"], true, "{shown}");
    assert_eq!(shown["amount"]["amount"], "1000000000");
    let r = t
        .run(&format!("/outcomes show id:{}", o["id"]))
        .await
        .unwrap();
    let text = format!("{:?}", r.fields);
    assert!(text.contains("about KRW 1,000,000,000"), "{text}");
    t.ok("/outcome add kind:\"investment pledge\" title:\"Dollars\" date:2024-06-02 province:Shandong amount:\"3억 불\"")
        .await;
    // Kept through an export re-imported elsewhere, and in the sums.
    let stats = t.ok("/stats from:2024-06 to:2024-06").await;
    assert_eq!(
        stats["outcomes"]["pledged"][0],
        serde_json::json!({"currency": "KRW", "amount": "1000000000", "about": true})
    );
    let export = t.run("/export what:outcomes format:csv").await.unwrap();
    let csv = String::from_utf8_lossy(&export.attachments[0].bytes).to_string();
    assert!(csv.contains("about 1000000000"), "{csv}");
    let other = TestApp::new().await;
    import(&other, "outcomes.csv", &csv).await;
    let again = other.ok("/outcomes show id:1").await;
    assert_eq!(again["amount"], shown["amount"]);
}

/// Every command a reply or refusal shows for someone to type: `/word ... name:value ...`.
fn printed_commands(text: &str) -> Vec<String> {
    let re = regex::Regex::new(
        r#"/(?:[a-z][a-z-]*)(?: [a-z][a-z-]*)*(?: [a-z_]+:(?:"(?:[^"\\]|\\.)*"|[^\s".;,)]+))+"#,
    )
    .unwrap();
    re.find_iter(text).map(|m| m.as_str().to_string()).collect()
}

#[tokio::test]
async fn item16_every_printed_hint_types_back() {
    let t = TestApp::new().await;
    let name = r#"Kim "Danny" O'Neil"#;
    let mut said = Vec::new();
    let typed = delegation_bot::domain::text::typed("name", name);
    let add = t
        .run(&format!(
            "/record official add {typed} country:Korea title:Mayor"
        ))
        .await
        .unwrap();
    said.push(add.text.clone().unwrap());
    said.push(t.refused(&format!("/record official edit {typed}")).await);
    let role = t
        .run(&format!(
            "/record official post {typed} title:Envoy from:2020-01"
        ))
        .await
        .unwrap();
    said.push(role.text.clone().unwrap());
    said.push(
        t.refused(&format!(
            "/record official post {typed} title:Envoy from:2021-01"
        ))
        .await,
    );
    said.push(
        t.refused(&format!(
            "/record meeting add date:2024-01-02 officials:\"{}, Oh Se-hoon\"",
            name.replace('"', "\\\"")
        ))
        .await,
    );
    let hints: Vec<String> = said.iter().flat_map(|s| printed_commands(s)).collect();
    assert!(hints.len() >= 4, "{said:?}");
    for hint in &hints {
        let parsed = delegation_bot::request::Request::parse_line(hint)
            .unwrap_or_else(|e| panic!("{hint} does not type back: {e}"));
        if let Some(n) = parsed.to_json()["options"]["name"].as_str() {
            assert_eq!(n, name, "{hint}");
        }
    }
}

#[tokio::test]
async fn item17_messages_say_what_happened() {
    let t = TestApp::new().await;
    // An empty database says so, and how to fill it.
    let monthly = t.run("/visits monthly").await.unwrap();
    assert!(monthly.text.unwrap().contains("Nothing is recorded yet"));
    // ... and only that: no "no visits match; widen the filters" beside it.
    let list = t.run("/visits list").await.unwrap().text.unwrap();
    assert!(list.starts_with("Nothing is recorded yet"), "{list}");
    assert!(!list.contains("widen"), "{list}");
    // A watch on one official says what it follows.
    t.people().await;
    let w = t
        .run(&format!(
            "/watch add channel:{CHANNEL} official:\"Oh Se-hoon\""
        ))
        .await
        .unwrap();
    let text = w.text.unwrap();
    assert!(!text.contains("changes to with"), "{text}");
    assert!(text.contains("with Oh Se-hoon"), "{text}");
    // An option in another script that names no option is an unknown option, not a bad
    // value of another one; a localized option name (issue 22) is that option.
    let said = t.refused("/visits show 숫자:3").await;
    assert!(said.contains("no option `숫자`"), "{said}");
    let said = t.refused("/visits show 번호:3").await;
    assert!(said.contains("no visit #3"), "{said}");
    // A file link given as url: is refused as url.
    let said = t.refused("/record draft url:file:///etc/passwd").await;
    assert!(said.contains("`url`"), "{said}");
}

#[tokio::test]
async fn item17_the_import_preview_compares_amounts_and_dates_as_read() {
    let t = TestApp::new().await;
    t.ok("/outcome add kind:MOU title:\"Workation MOU\" date:2024-06-03 province:Jiangsu amount:\"15억 원\"")
        .await;
    let export = t.run("/export what:outcomes format:csv").await.unwrap();
    let csv = String::from_utf8_lossy(&export.attachments[0].bytes).to_string();
    let path = t.dir.path().join("edited.csv");
    // The same amount and date as a person retypes them: nothing changes.
    std::fs::write(
        &path,
        csv.replace("1500000000", "15억")
            .replace("2024-06-03", "2024/6/3"),
    )
    .unwrap();
    let preview = t
        .ok(&format!("/data import file:\"{}\"", path.display()))
        .await;
    assert_eq!(preview["counts"]["outcomes"]["updated"], 0, "{preview}");
    // Another amount: shown as amounts.
    std::fs::write(&path, csv.replace("1500000000", "20억")).unwrap();
    let r = t
        .run(&format!("/data import file:\"{}\"", path.display()))
        .await
        .unwrap();
    let shown = r.table.unwrap().render();
    assert!(
        shown.contains("amount: KRW 1,500,000,000 → KRW 2,000,000,000"),
        "{shown}"
    );
}
