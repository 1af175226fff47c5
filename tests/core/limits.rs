//! Every command's reply, on a large database with names at their maximum length, fits
//! Discord's limits once rendered.

use std::collections::HashSet;

use delegation_bot::catalog::COMMANDS;
use delegation_bot::discord::render;

use crate::helpers::TestApp;

#[tokio::test]
async fn every_reply_fits_discord_once_rendered() {
    let t = TestApp::new().await;
    delegation_bot::synthetic::generate(&t.app, &t.moderator, 3000, 3, false)
        .await
        .unwrap();
    let long = |c: char, n: usize| std::iter::repeat_n(c, n).collect::<String>();
    let name = format!("Kim {}", long('k', 96));
    let other = format!("Lee {}", long('l', 96));
    let purpose = long('p', 1000);
    let lines = vec![
        // Watches first, so the changes below are news for them (their messages are
        // checked at the end); the digest over the synthetic data.
        "/watch add channel:300000000000000777 province:Jiangsu".into(),
        "/watch add channel:300000000000000778 place:Seoul kind:visits".into(),
        "/watches".into(),
        "/digest set channel:300000000000000779 frequency:weekly weekday:friday hour:8".into(),
        "/digests frequency:monthly".into(),
        "/digest off".into(),
        format!(
            "/record official add name:\"{name}\" country:Korea title:\"{}\" organization:\"{}\" local_name:\"{}\" aliases:\"{}\"",
            long('t', 200),
            long('o', 200),
            long('김', 100),
            long('a', 100)
        ),
        format!("/record official add name:\"{other}\" country:China province:Jiangsu"),
        format!(
            "/record official edit name:\"{other}\" title:\"{}\"",
            long('x', 200)
        ),
        format!(
            "/record official alias name:\"{other}\" alias:\"{}\"",
            long('y', 100)
        ),
        format!(
            "/record visit add province:\"Guangdong, Jiangsu, Shandong, Zhejiang, Fujian, Hainan, Hebei, Henan\" start:2012-01-02 end:2012-01-09 city:\"{}\" leader:\"{other}\" places:\"Seoul, Busan, Incheon, Jeju, Daegu, Ulsan\" purpose:\"{purpose}\" size:10000 source:https://example.org/{} source_title:\"{}\" source_date:2012-01-10",
            long('c', 100),
            long('u', 450),
            long('s', 200)
        ),
        "/record visit edit id:3001 size:9999".into(),
        format!(
            "/record meeting add date:2012-01-03 officials:\"{name}; {other}\" place:\"{}\" visit:3001 summary:\"{purpose}\"",
            long('m', 100)
        ),
        "/record meeting edit id:1 place:Seoul".into(),
        format!(
            "/record forum add name:\"{}\" kind:\"investment forum\" start:2012-01-04 place:\"{}\" organizer:\"{}\" edition:\"{}\" visit:3001",
            long('f', 200),
            long('q', 100),
            long('r', 200),
            long('e', 100)
        ),
        "/record forum edit id:1 place:Jeju".into(),
        "/record forum link forum:2 visit:3001".into(),
        format!(
            "/outcome add kind:\"investment pledge\" title:\"{}\" date:2012-01-05 province:\"Guangdong, Jiangsu, Shandong, Zhejiang, Fujian, Hainan, Hebei, Henan\" city:\"{}\" korean_side:\"{}\" amount:\"1조 5천억\" currency:KRW visit:3001 meeting:1 forum:2 summary:\"{purpose}\" source:https://example.org/{} source_title:\"{}\" source_date:2012-01-10",
            long('o', 200),
            long('c', 100),
            long('k', 200),
            long('u', 450),
            long('s', 200)
        ),
        "/outcome edit id:1 status:realized amount:\"999,999,999,999\" currency:JPY".into(),
        "/outcomes list".into(),
        "/outcomes list province:Guangdong from:2012-01 to:2012-01".into(),
        "/outcomes list page:60".into(),
        "/outcomes show id:1".into(),
        "/forums show id:2".into(),
        format!(
            "/record official post name:\"{name}\" title:\"{}\" from:2011-01 to:2011-12 organization:\"{}\" province:Jiangsu",
            long('t', 200),
            long('o', 200)
        ),
        format!(
            "/record official post name:\"{name}\" title:\"{}\" from:2011-01 to:2011-12",
            long('v', 200)
        ),
        format!("/official show name:\"{name}\""),
        format!("/record official post-remove name:\"{name}\" id:1"),
        "/outcome delete id:2".into(),
        "/visits monthly".into(),
        "/visits monthly from:2015-01 to:2034-12".into(),
        "/visits list".into(),
        "/visits list page:300".into(),
        "/visits show id:3001".into(),
        format!("/official history name:\"{name}\""),
        format!("/official show name:\"{other}\""),
        "/official show name:\"Wang Jianguo\"".into(),
        "/forums list".into(),
        "/forums show id:1".into(),
        "/provinces".into(),
        "/stats from:2015-01 to:2034-12".into(),
        "/search text:synthetic".into(),
        "/export what:all format:json".into(),
        "/help".into(),
        "/help record visit add".into(),
        "/settings language:ko".into(),
        "/data audit".into(),
        "/data audit entity:visit id:3001".into(),
        "/record meeting delete id:1".into(),
        "/record forum delete id:1".into(),
        "/record visit delete id:2".into(),
        "/data undo".into(),
        format!(
            "/record official unalias name:\"{other}\" alias:\"{}\"",
            "x".repeat(90)
        ),
        format!("/record official merge keep:\"{name}\" remove:\"{other}\" force:true"),
        "/record official delete name:\"Lee Synthetic\"".into(),
    ];
    let mut covered = HashSet::new();
    for line in &lines {
        let req = delegation_bot::request::Request::parse_line(line)
            .unwrap_or_else(|e| panic!("{line}: {e}"));
        covered.insert(req.spec.id);
        let reply = match t.app.handle(&t.moderator, &req).await {
            Ok(r) => r,
            Err(
                e @ (delegation_bot::error::Error::User(_)
                | delegation_bot::error::Error::Refused(_)),
            ) => {
                let e = e.user_message();
                assert!(e.chars().count() <= 2000, "{line}: error too long");
                continue;
            }
            Err(e) => panic!("{line}: {e:?}"),
        };
        check(line, &reply);
    }
    let newest: i64 = sqlx::query_scalar("SELECT max(id) FROM outcomes")
        .fetch_one(&t.app.db)
        .await
        .unwrap();
    let shown = t.run(&format!("/outcomes show id:{newest}")).await.unwrap();
    assert!(
        shown.title.contains(&long('o', 200)),
        "the long outcome was added"
    );
    check("/outcomes show (longest)", &shown);
    let path = t.dir.path().join("v.csv");
    std::fs::write(&path, "province,start\nHainan,2011-01-01\n").unwrap();
    let reply = t
        .run(&format!("/data import file:\"{}\"", path.display()))
        .await
        .unwrap();
    check("import", &reply);
    covered.insert(delegation_bot::catalog::CommandId::DataImport);
    // A long report (a dozen of intake's fixtures end to end) drafts into many visits,
    // meetings, forums and new officials: the draft still fits one embed.
    let cases = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/intake/cases"));
    let mut reports: Vec<_> = std::fs::read_dir(cases)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    reports.sort();
    let text: Vec<String> = reports
        .iter()
        .take(12)
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let path = t.dir.path().join("report.txt");
    std::fs::write(&path, text.join("\n\n")).unwrap();
    let line = format!(
        "/record draft file:\"{}\" published:2024-06-01",
        path.display()
    );
    let reply = t.run(&line).await.unwrap();
    assert!(reply.confirm.is_some(), "{}: {:?}", reply.title, reply.text);
    assert!(reply.fields.len() > 5, "{:?}", reply.fields);
    check(&line, &reply);
    covered.insert(delegation_bot::catalog::CommandId::RecordDraft);
    // What the watches were told, as their channel messages would show it.
    let told = delegation_bot::store::outbox::pending(&t.app.db, 1000)
        .await
        .unwrap();
    assert!(
        told.len() > 3,
        "the changes above were news: {}",
        told.len()
    );
    for d in &told {
        check(
            "a watch message",
            &delegation_bot::commands::watch::notice(&d.notice),
        );
    }
    let removed = t.run("/watch remove id:2").await.unwrap();
    check("/watch remove", &removed);
    covered.insert(delegation_bot::catalog::CommandId::WatchRemove);
    for c in COMMANDS.iter() {
        assert!(covered.contains(&c.id), "{} is not exercised", c.name());
    }
}

fn check(line: &str, reply: &delegation_bot::reply::Reply) {
    let text = render::embed_text(reply);
    let embed = serde_json::to_value(render::embed(&text, Some("chart.png"))).unwrap();
    let count = |v: &serde_json::Value| v.as_str().map(|s| s.chars().count()).unwrap_or(0);
    assert!(count(&embed["title"]) <= render::TITLE_MAX, "{line}");
    assert!(
        count(&embed["description"]) <= render::DESCRIPTION_MAX,
        "{line}"
    );
    assert!(
        count(&embed["footer"]["text"]) <= render::FOOTER_MAX,
        "{line}"
    );
    let fields = embed["fields"].as_array().cloned().unwrap_or_default();
    assert!(fields.len() <= render::FIELDS_MAX, "{line}");
    let mut total =
        count(&embed["title"]) + count(&embed["description"]) + count(&embed["footer"]["text"]);
    for f in &fields {
        assert!(
            count(&f["name"]) <= render::FIELD_NAME_MAX
                && count(&f["value"]) <= render::FIELD_VALUE_MAX,
            "{line}"
        );
        total += count(&f["name"]) + count(&f["value"]);
    }
    assert!(total <= render::EMBED_TOTAL_MAX, "{line}: {total}");
    assert!(
        !embed["title"].as_str().unwrap_or("").is_empty(),
        "{line}: every embed has a title"
    );
    // What a table shows must be the reply's first rows, not nothing, when rows exist.
    if let Some(table) = &reply.table
        && !table.rows.is_empty()
    {
        assert!(
            text.description.contains("```"),
            "{line}: the table was dropped"
        );
    }
    // Discord takes at most 25 MiB of attachments per message.
    assert!(
        reply
            .attachments
            .iter()
            .map(|a| a.bytes.len())
            .sum::<usize>()
            < 25 * 1024 * 1024,
        "{line}"
    );
}
