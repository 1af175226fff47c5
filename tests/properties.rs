//! Property tests of the console command-line parser and the date parser.

use delegation_bot::domain::{Day, FlexDate, Month};
use delegation_bot::request::Request;
use proptest::prelude::*;

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
    fn quoted_values_arrive_intact(v in "[^\"'\\p{C}]{1,80}") {
        prop_assume!(!v.trim().is_empty());
        let line = format!("/search text:\"{v}\" page:2");
        match Request::parse_line(&line) {
            Ok(r) => {
                prop_assert_eq!(r.text("text"), Some(v.trim()));
                prop_assert_eq!(r.page(), 2);
            }
            // Only a documented limit or the spam check may refuse a value.
            Err(e) => prop_assert!(e.0.contains("at most") || e.0.contains("spam"), "{}", e.0),
        }
    }

    #[test]
    fn a_request_survives_being_written_back_as_a_line(v in "[^\"\\p{C}]{1,60}", page in 1i64..1000) {
        prop_assume!(!v.trim().is_empty());
        if let Ok(r) = Request::parse_line(&format!("/search text:\"{v}\" page:{page}")) {
            let again = Request::parse_line(&r.to_line()).unwrap();
            prop_assert_eq!(again.text("text"), r.text("text"));
            prop_assert_eq!(again.page(), page);
        }
    }
}
