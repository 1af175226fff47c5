//! `/record official post|post-remove`, the career in `/official show`, the title held on
//! the day in `/official history`, and /stats's top hosts as titled then (issue 12).

use serde_json::json;

use crate::helpers::{TestApp, id};

/// Xin Changxing's career as the reports give it; Oh Se-hoon as acting mayor in 2019.
async fn careers(t: &TestApp) {
    t.people().await;
    for line in [
        "/record official post name:\"Xin Changxing\" title:\"Governor of Qinghai\" from:2018-03-15 to:2020-05 province:Qinghai",
        "/record official post name:\"Xin Changxing\" title:\"Party Secretary of Qinghai\" from:2020-06 to:2022-12-08 organization:\"CPC Qinghai Committee\"",
        "/record official post name:\"Xin Changxing\" title:\"Party Secretary of Jiangsu\" from:2022-12-09",
        "/record official post name:\"Oh Se-hoon\" title:\"Acting Mayor of Seoul\" from:2019-01-01 to:2019-06-30",
    ] {
        t.ok(line).await;
    }
}

#[tokio::test]
async fn show_lists_the_career_newest_first_with_numbers() {
    let t = TestApp::new().await;
    careers(&t).await;
    let r = t
        .run("/official show name:\"Xin Changxing\"")
        .await
        .unwrap();
    let posts = &r.data["posts"];
    let titles: Vec<&str> = posts
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["title"].as_str().unwrap())
        .collect();
    // The dated Jiangsu post replaced the undated one his title was carried over as.
    assert_eq!(
        titles,
        [
            "Party Secretary of Jiangsu",
            "Party Secretary of Qinghai",
            "Governor of Qinghai"
        ]
    );
    let qinghai = &posts[2];
    assert_eq!(
        (
            qinghai["province"].clone(),
            qinghai["from"].clone(),
            qinghai["to"].clone()
        ),
        (json!("Qinghai"), json!("2018-03-15"), json!("2020-05"))
    );
    for key in ["id", "title", "organization", "province", "from", "to"] {
        assert!(posts[0].get(key).is_some(), "posts carry {key}");
    }
    assert_eq!(posts[1]["organization"], "CPC Qinghai Committee");
    let career = &r.fields.iter().find(|f| f.name == "Career").unwrap().value;
    assert!(
        career.starts_with(&format!(
            "#{} Party Secretary of Jiangsu · since 2022-12-09",
            posts[0]["id"]
        )),
        "{career}"
    );
    // Oh Se-hoon keeps his carried-over title beside the dated acting post.
    let oh = t.ok("/official show name:\"Oh Se-hoon\"").await;
    assert_eq!(oh["posts"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn history_names_each_participant_by_the_title_held_that_day() {
    let t = TestApp::new().await;
    careers(&t).await;
    for (date, who) in [
        // First day of a post, last day of a post, and month-only dates at the edges.
        ("2018-03-15", "Xin Changxing; Oh Se-hoon"),
        ("2020-05", "Xin Changxing; Oh Se-hoon"),
        ("2022-12-08", "Xin Changxing; Oh Se-hoon"),
        ("2022-12-09", "Xin Changxing; Han Duck-soo"),
        ("2018-03-14", "Xin Changxing; Oh Se-hoon"),
        ("2019-06-30", "Xin Changxing; Oh Se-hoon"),
    ] {
        t.ok(&format!(
            "/record meeting add date:{date} officials:\"{who}\" place:Seoul"
        ))
        .await;
    }
    let h = t.ok("/official history name:\"Xin Changxing\"").await;
    let posts: Vec<(String, serde_json::Value)> = h["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["date"].as_str().unwrap().to_string(), m["posts"].clone()))
        .collect();
    let at = |date: &str| posts.iter().find(|(d, _)| d == date).unwrap().1.clone();
    assert_eq!(
        at("2018-03-14")["Xin Changxing"],
        "",
        "the day before his first post"
    );
    assert_eq!(at("2018-03-15")["Xin Changxing"], "Governor of Qinghai");
    assert_eq!(at("2020-05")["Xin Changxing"], "Governor of Qinghai");
    assert_eq!(
        at("2022-12-08")["Xin Changxing"],
        "Party Secretary of Qinghai"
    );
    assert_eq!(
        at("2022-12-09")["Xin Changxing"],
        "Party Secretary of Jiangsu"
    );
    assert_eq!(at("2022-12-09")["Han Duck-soo"], "Prime Minister");
    assert_eq!(at("2019-06-30")["Oh Se-hoon"], "Acting Mayor of Seoul");
    // Oh's carried-over title has no dates: it covers any day his dated post does not.
    assert_eq!(at("2018-03-15")["Oh Se-hoon"], "Mayor of Seoul");
    let r = t
        .run("/official history name:\"Xin Changxing\" from:2019-06-30 to:2019-06-30")
        .await
        .unwrap();
    let table = r.table.unwrap().render();
    assert!(
        table.contains("Oh Se-hoon (Acting Mayor of Seoul)"),
        "{table}"
    );
}

#[tokio::test]
async fn stats_top_hosts_carry_the_title_on_the_meeting_date() {
    let t = TestApp::new().await;
    careers(&t).await;
    t.ok("/record official post-remove name:\"Oh Se-hoon\" id:2")
        .await;
    t.ok("/record meeting add date:2019-03-02 officials:\"Xin Changxing; Oh Se-hoon\"")
        .await;
    let s = t.ok("/stats from:2019-01 to:2019-12").await;
    assert_eq!(
        s["top_hosts"][0],
        json!({"name": "Oh Se-hoon", "title": "Acting Mayor of Seoul", "meetings": 1})
    );
}

#[tokio::test]
async fn a_post_that_changes_within_the_month_of_the_meeting_is_read_by_the_day() {
    let t = TestApp::new().await;
    careers(&t).await;
    t.ok("/record official post-remove name:\"Oh Se-hoon\" id:2")
        .await;
    t.ok("/record meeting add date:2019-03-02 officials:\"Xin Changxing; Oh Se-hoon\"")
        .await;
    let host = |s: serde_json::Value| s["top_hosts"][0]["title"].clone();
    assert_eq!(
        host(t.ok("/stats from:2019-01 to:2019-12").await),
        "Acting Mayor of Seoul"
    );
    // A post starting mid-March: the meeting of 2 March was still under the old one.
    t.ok("/record official post name:\"Oh Se-hoon\" title:\"Mayor of Seoul\" from:2019-03-15")
        .await;
    assert_eq!(
        host(t.ok("/stats from:2019-01 to:2019-12").await),
        "Acting Mayor of Seoul"
    );
    t.ok("/record meeting add date:2019-03-20 officials:\"Xin Changxing; Oh Se-hoon\"")
        .await;
    assert_eq!(
        host(t.ok("/stats from:2019-01 to:2019-12").await),
        "Mayor of Seoul"
    );
}

#[tokio::test]
async fn posts_are_refused_clearly_and_each_write_is_undone() {
    let t = TestApp::new().await;
    careers(&t).await;
    let before = t.fingerprint().await;
    for (line, says) in [
        (
            "/record official post name:\"Xin Changxing\" title:\"Governor of Qinghai\" from:2020-05-31",
            "post-remove name:\"Xin Changxing\"",
        ),
        (
            "/record official post name:\"Xin Changxing\" title:Mayor from:2020-05 to:2020-04",
            "before the start",
        ),
        (
            "/record official post name:Nobody title:Mayor from:2020-05",
            "Nobody",
        ),
        (
            "/record official post name:\"Xin Changxing\" title:Mayor from:2020-05 province:Atlantis",
            "Atlantis",
        ),
        (
            "/record official post-remove name:\"Oh Se-hoon\" id:3",
            "not one of Oh Se-hoon's",
        ),
    ] {
        let msg = t.refused(line).await;
        assert!(msg.contains(says), "{line}: {msg}");
    }
    assert_eq!(t.fingerprint().await, before, "refusals write nothing");

    let n = careers_len(&t).await;
    let post = id(&t
        .ok("/record official post name:\"Xin Changxing\" title:Deputy from:2017-01 to:2018-01")
        .await);
    assert_eq!(careers_len(&t).await, n + 1);
    t.ok("/data undo").await;
    assert_eq!(careers_len(&t).await, n);
    let first = t.ok("/official show name:\"Xin Changxing\"").await["posts"][0]["id"]
        .as_i64()
        .unwrap();
    t.ok(&format!(
        "/record official post-remove name:\"Xin Changxing\" id:{first}"
    ))
    .await;
    assert_eq!(careers_len(&t).await, n - 1);
    t.ok("/data undo").await;
    let back = t.ok("/official show name:\"Xin Changxing\"").await;
    assert_eq!(back["posts"][0]["id"], first, "back under its own number");
    assert!(post > first);
}

async fn careers_len(t: &TestApp) -> usize {
    t.ok("/official show name:\"Xin Changxing\"").await["posts"]
        .as_array()
        .unwrap()
        .len()
}

#[tokio::test]
async fn a_merge_brings_the_duplicates_posts_and_undo_takes_them_back() {
    let t = TestApp::new().await;
    careers(&t).await;
    t.ok(
        "/record official add name:\"Hsin Chang-hsing\" country:China title:\"Governor of Qinghai\"",
    )
    .await;
    t.ok("/record official post name:\"Hsin Chang-hsing\" title:\"Vice Governor of Qinghai\" from:2016-01 to:2018-03-14")
        .await;
    // The same post as the kept record's: not brought twice.
    t.ok("/record official post name:\"Hsin Chang-hsing\" title:\"Governor of Qinghai\" from:2018-03-15 to:2020-05")
        .await;
    let before = t.ok("/official show name:\"Xin Changxing\"").await["posts"].clone();
    t.ok("/record official merge keep:\"Xin Changxing\" remove:\"Hsin Chang-hsing\"")
        .await;
    let after = t.ok("/official show name:\"Xin Changxing\"").await["posts"].clone();
    let titles: Vec<&str> = after
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "Party Secretary of Jiangsu",
            "Party Secretary of Qinghai",
            "Governor of Qinghai",
            "Vice Governor of Qinghai"
        ]
    );
    t.ok("/data undo").await;
    assert_eq!(
        t.ok("/official show name:\"Xin Changxing\"").await["posts"],
        before
    );
    let back = t.ok("/official show name:\"Hsin Chang-hsing\"").await["posts"].clone();
    assert_eq!(back.as_array().unwrap().len(), 2, "{back}");
}

#[tokio::test]
async fn editing_the_title_ends_the_post_held_today_and_opens_the_new_one() {
    let t = TestApp::new().await;
    t.people().await;
    let today = delegation_bot::clock::today();
    let yesterday = today.pred_opt().unwrap().to_string();
    let today = today.to_string();
    let posts = |v: &serde_json::Value| -> Vec<(String, serde_json::Value, serde_json::Value)> {
        v["posts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                (
                    p["title"].as_str().unwrap().to_string(),
                    p["from"].clone(),
                    p["to"].clone(),
                )
            })
            .collect()
    };
    let said = t
        .run("/record official edit name:\"Han Duck-soo\" title:\"Acting President\"")
        .await
        .unwrap()
        .text
        .unwrap();
    assert!(
        said.contains("Their post Prime Minister ends today"),
        "{said}"
    );
    let han = t.ok("/official show name:\"Han Duck-soo\"").await;
    assert_eq!(
        posts(&han),
        [
            ("Acting President".into(), json!(today), json!(null)),
            ("Prime Minister".into(), json!(null), json!(today)),
        ]
    );
    assert_eq!(han["title"], "Acting President");
    // Clearing the title ends the post held as of yesterday (one begun today goes).
    t.ok("/record official edit name:\"Han Duck-soo\" clear:title")
        .await;
    let han = t.ok("/official show name:\"Han Duck-soo\"").await;
    assert_eq!(han["title"], json!(null));
    assert_eq!(
        posts(&han),
        [("Prime Minister".into(), json!(null), json!(yesterday))],
        "the post begun today is gone; the one held today ended yesterday"
    );
    t.ok("/data undo").await;
    t.ok("/data undo").await;
    let back = t.ok("/official show name:\"Han Duck-soo\"").await;
    assert_eq!(
        posts(&back),
        [("Prime Minister".into(), json!(null), json!(null))]
    );
    assert_eq!(back["title"], "Prime Minister");
}

#[tokio::test]
async fn a_row_without_positions_leaves_the_career_as_it_is() {
    let t = TestApp::new().await;
    careers(&t).await;
    let career = t.ok("/official show name:\"Xin Changxing\"").await["posts"].clone();
    let reply = t.run("/export what:officials format:json").await.unwrap();
    let mut file: serde_json::Value = serde_json::from_slice(&reply.attachments[0].bytes).unwrap();
    // As a file exported before careers were: no posts; and one field edited.
    for o in file["officials"].as_array_mut().unwrap() {
        o.as_object_mut().unwrap().remove("posts");
        if o["name"] == "Xin Changxing" {
            o["local_name"] = json!("信長星");
        }
    }
    let path = t.dir.path().join("old.json");
    std::fs::write(&path, serde_json::to_vec(&file).unwrap()).unwrap();
    let done = t
        .ok(&format!(
            "/data import file:\"{}\" confirm:true",
            path.display()
        ))
        .await;
    assert_eq!(done["counts"]["officials"]["updated"], 1, "{done}");
    let after = t.ok("/official show name:\"Xin Changxing\"").await;
    assert_eq!(after["local_name"], "信長星");
    assert_eq!(after["posts"], career);
}

/// Removes one of `name`'s posts; what the reply says.
async fn remove_post(t: &TestApp, name: &str, id: &str) -> String {
    let line = format!("/record official post-remove name:\"{name}\" id:{id}");
    t.run(&line).await.unwrap().text.unwrap_or_default()
}

#[tokio::test]
async fn removing_the_post_a_title_came_from_makes_the_title_the_post_now_held() {
    let t = TestApp::new().await;
    careers(&t).await;
    let post = id(&t
        .ok("/record official post name:\"Han Duck-soo\" title:\"Acting President\" from:2024-12-27")
        .await);
    let title = |v: serde_json::Value| v["title"].clone();
    assert_eq!(
        title(t.ok("/official show name:\"Han Duck-soo\"").await),
        "Acting President"
    );
    // The post was a mistake: his title goes back to the one still held (carried, undated).
    let said = remove_post(&t, "Han Duck-soo", &post.to_string()).await;
    assert!(
        said.contains("Their title is now Prime Minister."),
        "{said}"
    );
    assert_eq!(
        title(t.ok("/official show name:\"Han Duck-soo\"").await),
        "Prime Minister"
    );
    t.ok("/data undo").await;
    assert_eq!(
        title(t.ok("/official show name:\"Han Duck-soo\"").await),
        "Acting President"
    );

    // With no post still held, no title: the profile never names a post the career lacks.
    let jiangsu = t.ok("/official show name:\"Xin Changxing\"").await["posts"][0]["id"].clone();
    let said = remove_post(&t, "Xin Changxing", &jiangsu.to_string()).await;
    assert!(said.contains("no title now"), "{said}");
    assert_eq!(
        title(t.ok("/official show name:\"Xin Changxing\"").await),
        json!(null)
    );

    // Removing a past post leaves the title alone.
    let qinghai = t.ok("/official show name:\"Xin Changxing\"").await["posts"][0]["id"].clone();
    t.ok(&format!(
        "/record official post-remove name:\"Xin Changxing\" id:{qinghai}"
    ))
    .await;
    let oh = t.ok("/official show name:\"Oh Se-hoon\"").await;
    let acting = oh["posts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["title"] == "Acting Mayor of Seoul")
        .unwrap()["id"]
        .clone();
    t.ok(&format!(
        "/record official post-remove name:\"Oh Se-hoon\" id:{acting}"
    ))
    .await;
    assert_eq!(
        title(t.ok("/official show name:\"Oh Se-hoon\"").await),
        "Mayor of Seoul"
    );
}

/// The commands were `role` and `role-remove` before one word was chosen for a held office:
/// what people typed then still works at the console.
#[tokio::test]
async fn the_old_role_commands_still_type() {
    let t = TestApp::new().await;
    t.people().await;
    let added = t
        .ok("/record official role name:\"Xin Changxing\" title:\"Governor of Qinghai\" from:2018-03-15 to:2020-05")
        .await;
    let shown = t.ok("/official show name:\"Xin Changxing\"").await;
    let post = shown["posts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["title"] == "Governor of Qinghai")
        .unwrap_or_else(|| panic!("{added}"))["id"]
        .clone();
    t.ok(&format!(
        "/record official role-remove name:\"Xin Changxing\" id:{post}"
    ))
    .await;
    let shown = t.ok("/official show name:\"Xin Changxing\"").await;
    assert!(
        shown["posts"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["title"] != "Governor of Qinghai")
    );
}
