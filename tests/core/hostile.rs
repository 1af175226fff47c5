//! Hostile and malformed input, one row a case: each is refused with a clear sentence and
//! changes nothing, or is stored verbatim and shown harmlessly.

use crate::helpers::TestApp;

enum Expect {
    Refused(&'static str),
    Stored,
}
use Expect::*;

#[tokio::test]
async fn every_hostile_input_is_refused_or_stored_verbatim() {
    let t = TestApp::new().await;
    t.people().await;
    t.ok("/record visit add province:Hainan start:2020-01-01")
        .await;
    t.ok("/record visit add province:Hainan start:2020-02-01")
        .await;
    t.ok("/record visit delete id:2").await;
    let long = |n: usize| "x".repeat(n);
    let cases: Vec<(String, Expect)> = vec![
        ("/record visit add province:Hainan start:2024-02-30".into(), Refused("real calendar date")),
        ("/record visit add province:Hainan start:9999-99".into(), Refused("out of range")),
        ("/record visit add province:Hainan start:yesterday".into(), Refused("YYYY-MM-DD")),
        ("/record visit add province:Hainan start:\"\"".into(), Refused("YYYY-MM-DD")),
        ("/record visit add province:Hainan start:1800-01-01".into(), Refused("out of range")),
        ("/record visit add province:Hainan start:2024-05-01 size:-1".into(), Refused("between 1 and")),
        ("/record visit add province:Hainan start:2024-05-01 size:99999999999999999999999".into(), Refused("whole number")),
        ("/record visit add province:Hainan start:2024-05-01 size:3.5".into(), Refused("whole number")),
        (format!("/record visit add province:Hainan start:2024-05-02 city:{}", long(100)), Stored),
        (format!("/record visit add province:Hainan start:2024-05-03 city:{}", long(101)), Refused("at most 100")),
        (format!("/record visit add province:Hainan start:2024-05-04 purpose:{}", long(1000)), Stored),
        (format!("/record visit add province:Hainan start:2024-05-05 purpose:{}", long(1001)), Refused("at most 1000")),
        ("/record visit add province:Hainan start:2024-05-06 city:\"Hai\u{0}kou\"".into(), Refused("control character")),
        ("/record visit add province:Hainan start:2024-05-07 city:\"Hai\u{1b}[31mkou\"".into(), Refused("control character")),
        ("/record visit add province:Hainan start:2024-05-08 city:\"\u{202e}uokiaH\"".into(), Stored),
        ("/record visit add province:Hainan start:2024-05-09 purpose:\"@everyone <@&123> <@456> **bold** ```\"".into(), Stored),
        ("/record visit add province:Hainan start:2024-05-10 purpose:\"Robert'); DROP TABLE visits;--\"".into(), Stored),
        ("/record visit add province:\"Hainan'; DELETE FROM visits; --\" start:2024-05-11".into(), Refused("not a Chinese province")),
        ("/record visit add province:Hainan start:2024-05-12 source:javascript:alert(1)".into(), Refused("web link")),
        ("/record visit add province:Hainan start:2024-05-13 purpose:'=HYPERLINK(\"x\")'".into(), Stored),
        ("/visits show id:999999".into(), Refused("no visit #999999")),
        ("/visits show id:2".into(), Refused("no visit #2")),
        ("/record visit edit id:2 size:3".into(), Refused("no visit #2")),
        ("/visits show id:abc".into(), Refused("whole number")),
        ("/visits show id:0".into(), Refused("1 or more")),
        ("/visits list page:0".into(), Refused("between 1 and")),
        ("/export what:secrets format:csv".into(), Refused("one of")),
        ("/record visit add province:Hainan start:2024-05-14 force:maybe".into(), Refused("true or false")),
        (format!("/search text:{}", long(201)), Refused("at most 200")),
        ("/search text:'\" OR 1=1 --'".into(), Stored),
        (format!("/official show name:{}", long(100)), Refused("No official called")),
        ("/record meeting add date:2024-05-01 officials:\";;;\"".into(), Refused("at least one official")),
    ];
    for (line, expect) in cases {
        let before = t.fingerprint().await;
        match (t.run(&line).await, expect) {
            (
                Err(
                    e @ (delegation_bot::error::Error::User(_)
                    | delegation_bot::error::Error::Refused(_)),
                ),
                Refused(text),
            ) => {
                let e = e.user_message();
                assert!(e.contains(text), "{line}: {e}");
                assert!(
                    !e.contains('\n') && e.chars().count() < 400,
                    "{line}: one short sentence: {e}"
                );
                assert_eq!(before, t.fingerprint().await, "{line} changed the database");
            }
            (Ok(_), Stored) => {}
            (other, Stored) => panic!("{line} should be stored: {other:?}"),
            (other, Refused(text)) => panic!("{line} should be refused with `{text}`: {other:?}"),
        }
    }
    // What was stored comes back verbatim.
    let list = t.ok("/visits list from:2024-05-09 to:2024-05-10").await;
    for v in list["visits"].as_array().unwrap() {
        let shown = t.ok(&format!("/visits show id:{}", v["id"])).await;
        let purpose = shown["purpose"].as_str().unwrap();
        assert!(
            purpose.starts_with("@everyone") || purpose.starts_with("Robert'); DROP"),
            "{purpose}"
        );
    }
}

#[tokio::test]
async fn hostile_import_files() {
    let t = TestApp::new().await;
    let before = t.fingerprint().await;
    let mut big = String::from("province,start\nHainan,2001-01-01\nHainan,not-a-date\n");
    for i in 0..100_000 {
        big.push_str(&format!("Hainan,2002-01-{:02}\n", i % 28 + 1));
    }
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("rows.csv", big.into_bytes(), "line 3, column `start`"),
        (
            "latin1.csv",
            b"province,start,city\nHainan,2024-01-01,S\xe3o Paulo\n".to_vec(),
            "not UTF-8",
        ),
        (
            "header.csv",
            b"visit;date\nHainan;2024-01-01\n".to_vec(),
            "header must name the columns",
        ),
        (
            "dupes.csv",
            b"province,start\nHainan,2024-01-01\nHainan,2024-01-01\n".to_vec(),
            "line 3, column `start`: the visit at line 2 of this file",
        ),
        (
            "object.json",
            br#"{"visit": {"province": "Hainan"}}"#.to_vec(),
            "not a section",
        ),
        ("number.json", b"42".to_vec(), "array of records"),
        (
            "items.json",
            br#"[1, 2]"#.to_vec(),
            "item 1 is not an object",
        ),
        (
            "broken.json",
            br#"[{"province": "Hainan", "start": "2024-01-01"}"#.to_vec(),
            "not valid JSON",
        ),
        ("empty.csv", b"".to_vec(), "is empty"),
        (
            "header-only.csv",
            b"province,start\n".to_vec(),
            "holds no records",
        ),
    ];
    for (name, bytes, expected) in cases {
        let msg = t.import_refused(name, &bytes[..]).await;
        assert!(msg.contains(expected), "{name}: {msg}");
    }
    assert_eq!(before, t.fingerprint().await);
    // Quoted newlines, a BOM and formula-looking cells are data: stored verbatim.
    let path = t.dir.path().join("fine.csv");
    std::fs::write(&path, "\u{feff}province,start,purpose\nHainan,2024-01-01,\"line one\nline two\"\nFujian,2024-01-02,=1+1\n").unwrap();
    t.ok(&format!(
        "/data import file:\"{}\" confirm:true",
        path.display()
    ))
    .await;
    let list = t.ok("/visits list").await;
    assert_eq!(list["total"], 2);
    for v in list["visits"].as_array().unwrap() {
        let shown = t.ok(&format!("/visits show id:{}", v["id"])).await;
        let p = shown["purpose"].as_str().unwrap();
        assert!(p == "line one\nline two" || p == "=1+1", "{p:?}");
    }
}
