//! Property tests of the console command-line parser, the date parser, and the requests
//! saved behind buttons.

use delegation_bot::catalog;
use delegation_bot::domain::{Day, FlexDate, Month};
use delegation_bot::request::{Request, Upload, Value};
use delegation_bot::store::state;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn date_parsers_never_panic(s in "\\PC{0,24}") {
        let _ = Day::parse(&s);
        let _ = Month::parse(&s);
        let _ = FlexDate::parse(&s);
    }

    #[test]
    fn real_days_round_trip(y in 1949i32..=2100, m in 1u32..=12, d in 1u32..=31) {
        let text = format!("{y:04}-{m:02}-{d:02}");
        match chrono::NaiveDate::from_ymd_opt(y, m, d) {
            Some(_) => prop_assert_eq!(Day::parse(&text).unwrap().to_string(), text),
            None => prop_assert!(Day::parse(&text).is_err()),
        }
    }

    #[test]
    fn months_keep_their_precision(y in 1949i32..=2100, m in 1u32..=12) {
        let text = format!("{y:04}-{m:02}");
        let f = FlexDate::parse(&text).unwrap();
        prop_assert_eq!(f.precision(), "month");
        prop_assert_eq!(f.to_string(), text);
        prop_assert!(f.first_day() <= f.last_day());
    }

    #[test]
    fn the_line_parser_never_panics(s in "\\PC{0,120}") {
        let _ = Request::parse_line(&s);
        let _ = Request::parse_line(&format!("/visits list {s}"));
    }

    #[test]
    fn quoted_values_arrive_intact(v in "[^\\p{C}]{1,80}") {
        prop_assume!(!v.trim().is_empty());
        // Inside quotes a quote is typed \" and a backslash \\ (as /help says).
        let typed = v.replace('\\', "\\\\").replace('"', "\\\"");
        let line = format!("/search text:\"{typed}\" page:2");
        match Request::parse_line(&line) {
            Ok(r) => {
                prop_assert_eq!(r.text(delegation_bot::catalog::arg::TEXT), Some(v.trim()));
                prop_assert_eq!(r.page(), 2);
            }
            // Only a documented limit or the spam check may refuse a value.
            Err(e) => prop_assert!(e.to_string().contains("at most") || e.to_string().contains("spam"), "{}", e),
        }
    }

    #[test]
    fn a_request_survives_being_written_back_as_a_line(v in "[^\"\\p{C}]{1,60}", page in 1i64..1000) {
        prop_assume!(!v.trim().is_empty());
        if let Ok(r) = Request::parse_line(&format!("/search text:\"{v}\" page:{page}")) {
            let again = Request::parse_line(&r.to_line()).unwrap();
            prop_assert_eq!(again.text(delegation_bot::catalog::arg::TEXT), r.text(delegation_bot::catalog::arg::TEXT));
            prop_assert_eq!(again.page(), page);
        }
    }
}

/// Whatever a member types (both kinds of quote, backslashes, colons) comes back unchanged
/// through every path that stores a request and runs it again: a page button, a delete
/// confirmation, an import confirmation with its file. They used to be a command line
/// parsed again, which broke on `Kim "Danny" O'Neil`.
#[test]
fn saved_requests_replay_any_text() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("bot.db").display());
    let db = rt.block_on(state::open(&url)).unwrap();
    let replay = |kind: &str, req: &Request| {
        let file = match req.upload() {
            Some(Upload::Bytes { name, bytes }) => Some((name.as_str(), &bytes[..])),
            _ => None,
        };
        let id = rt
            .block_on(state::save(&db, kind, "discord:1", &req.to_json(), file))
            .unwrap();
        let saved = rt.block_on(state::load(&db, id)).unwrap().unwrap();
        let upload = saved.file.map(|(name, bytes)| Upload::bytes(name, bytes));
        Request::from_json(&saved.request, upload).unwrap()
    };
    let paths: [(&[&str], &str); 4] = [
        (&["official", "history"], "name"),
        (&["search"], "text"),
        (&["visits", "list"], "official"),
        (&["record", "official", "delete"], "name"),
    ];
    let mut runner = TestRunner::new(Config::with_cases(300));
    let text = "[a-zA-Z0-9 \"'\\\\:,;.()-]{1,60}";
    runner
        .run(&(text, 1i64..1000), |(v, page)| {
            prop_assume!(!v.trim().is_empty());
            for (path, option) in paths {
                let spec = catalog::find(path).unwrap().0;
                let req = match Request::build(spec, vec![(option.to_string(), v.clone())]) {
                    Ok(r) => r,
                    // Only a documented limit or the spam check may refuse a value.
                    Err(e) => {
                        prop_assert!(
                            e.to_string().contains("at most") || e.to_string().contains("spam"),
                            "{}",
                            e
                        );
                        continue;
                    }
                };
                let req = if spec.option("page").is_some() {
                    req.with(delegation_bot::catalog::arg::PAGE, Value::Int(page))
                } else {
                    req
                };
                let again = replay("page", &req);
                prop_assert_eq!(again.spec.id, spec.id);
                prop_assert_eq!(
                    again.text(delegation_bot::catalog::Opt(option)),
                    req.text(delegation_bot::catalog::Opt(option))
                );
                if spec.option("page").is_some() {
                    prop_assert_eq!(
                        again.int(delegation_bot::catalog::arg::PAGE),
                        req.int(delegation_bot::catalog::arg::PAGE)
                    );
                }
            }
            let bytes = format!(
                "province,start,purpose\nHainan,2024-05-29,\"{}\"\n",
                v.replace('"', "\"\"")
            );
            let import = Request::build(
                catalog::find(&["data", "import"]).unwrap().0,
                vec![("file".into(), "x".into())],
            )
            .unwrap()
            .with(
                delegation_bot::catalog::arg::FILE,
                Value::File(Upload::bytes(
                    format!("{v}.csv"),
                    bytes.clone().into_bytes(),
                )),
            )
            .with(delegation_bot::catalog::arg::CONFIRM, Value::Bool(true));
            let again = replay("confirm", &import);
            prop_assert_eq!(
                again.file(delegation_bot::catalog::arg::FILE),
                import.file(delegation_bot::catalog::arg::FILE)
            );
            prop_assert!(again.flag(delegation_bot::catalog::arg::CONFIRM));
            Ok(())
        })
        .unwrap();
}
