//! Dates as people write them, in English, Korean and Chinese: `2024-04-23`, `2024/04/23`,
//! `2024.04.23`, `2024. 4. 23.`, `April 23, 2024`, `23 April 2024`, `2024년 4월 23일`,
//! `2024年4月23日`, and the same forms without the day for a month. A form whose day and
//! month could be read either way round (`04/05/2024`) is refused with the reason.

/// A written date: year, month, and the day when one is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    pub year: i32,
    pub month: u32,
    pub day: Option<u32>,
}

/// Why a text is not a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotADate {
    /// No form matches.
    Unknown,
    /// Both readings are possible: (month first, day first).
    Ambiguous(Written, Written),
}

/// English month names, lower case, January first.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A month's English name, whole or shortened to at least three letters (`Sept` too).
fn month_name(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(&w))
        .map(|i| i as u32 + 1)
}

fn number(word: &str, digits: std::ops::RangeInclusive<usize>) -> Option<u32> {
    (digits.contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
}

/// A day number, also as `23rd`.
fn day_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    number(w, 1..=2)
}

pub fn read(input: &str) -> Result<Written, NotADate> {
    let plain = super::text::plain(input);
    let text = without_weekday(plain.as_str());
    // Korean 년 월 일 and Chinese 年 月 日 mark the parts: read them as separators.
    let marked = text.contains(['년', '年']);
    // `24년 5월 20일`: a Korean or Chinese year of two digits is this century's.
    let short_year = text.split(['년', '年']).next().map(str::trim);
    let text = &match short_year {
        Some(y) if marked && y.len() == 2 && y.bytes().all(|b| b.is_ascii_digit()) => {
            format!("20{}", text.trim_start())
        }
        _ => text.to_string(),
    };
    let cleaned: String = text
        .chars()
        .map(|c| match c {
            '년' | '월' | '年' | '月' => '-',
            '일' | '日' => ' ',
            c => c,
        })
        .collect();
    let cleaned = cleaned.trim().trim_end_matches('.').trim();
    if cleaned.chars().any(|c| c.is_ascii_alphabetic()) && !marked {
        return english(cleaned);
    }
    numeric(cleaned)
}

/// The date without the weekday people add after it in brackets: `2024년 5월 20일(월)`,
/// `2024.5.20(月)`, `2024年5月20日（周一）`, `May 20, 2024 (Mon)`.
fn without_weekday(text: &str) -> &str {
    let trimmed = text.trim_end();
    let Some(open) = trimmed.strip_suffix(')').and_then(|t| t.rfind('(')) else {
        return text;
    };
    let inside = trimmed[open + 1..trimmed.len() - 1].trim().to_lowercase();
    let inside = inside.trim_end_matches('.');
    let korean = inside.strip_suffix("요일").unwrap_or(inside);
    let chinese = ["周", "星期", "礼拜", "禮拜", "週"]
        .iter()
        .find_map(|p| inside.strip_prefix(p))
        .unwrap_or(inside);
    const ENGLISH: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    let weekday = ["월", "화", "수", "목", "금", "토", "일"].contains(&korean)
        || ["一", "二", "三", "四", "五", "六", "日", "天"].contains(&chinese)
        || ["月", "火", "水", "木", "金", "土"].contains(&inside)
        || ENGLISH
            .iter()
            .any(|d| inside.starts_with(d) && inside.len() <= 9);
    if weekday {
        trimmed[..open].trim_end()
    } else {
        text
    }
}

/// `2024-04-23`, `2024/4/23`, `2024. 4. 23`, `2024-04`, and day-or-month-first forms with
/// the year last when only one reading is possible.
fn numeric(text: &str) -> Result<Written, NotADate> {
    let parts: Vec<&str> = text
        .split(['-', '/', '.'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if text.contains(char::is_whitespace) && !text.contains(['-', '/', '.']) {
        return Err(NotADate::Unknown);
    }
    match parts.as_slice() {
        [y, m] => Ok(Written {
            year: number(y, 4..=4).ok_or(NotADate::Unknown)? as i32,
            month: number(m, 1..=2).ok_or(NotADate::Unknown)?,
            day: None,
        }),
        [y, m, d] if y.len() == 4 => Ok(Written {
            year: number(y, 4..=4).ok_or(NotADate::Unknown)? as i32,
            month: number(m, 1..=2).ok_or(NotADate::Unknown)?,
            day: Some(number(d, 1..=2).ok_or(NotADate::Unknown)?),
        }),
        [a, b, y] if y.len() == 4 => {
            let (a, b) = (
                number(a, 1..=2).ok_or(NotADate::Unknown)?,
                number(b, 1..=2).ok_or(NotADate::Unknown)?,
            );
            let year = number(y, 4..=4).ok_or(NotADate::Unknown)? as i32;
            let month_first = Written {
                year,
                month: a,
                day: Some(b),
            };
            let day_first = Written {
                year,
                month: b,
                day: Some(a),
            };
            match (a <= 12, b <= 12) {
                (true, true) if a != b => Err(NotADate::Ambiguous(month_first, day_first)),
                (true, _) => Ok(month_first),
                (false, true) => Ok(day_first),
                (false, false) => Err(NotADate::Unknown),
            }
        }
        _ => Err(NotADate::Unknown),
    }
}

/// `April 23, 2024`, `Apr 23 2024`, `23 April 2024`, `April 2024`.
fn english(text: &str) -> Result<Written, NotADate> {
    let words: Vec<&str> = text
        .split([' ', ',', '\t'])
        .filter(|w| !w.is_empty())
        .collect();
    let months: Vec<u32> = words.iter().filter_map(|w| month_name(w)).collect();
    let [month] = months.as_slice() else {
        return Err(NotADate::Unknown);
    };
    let rest: Vec<&&str> = words.iter().filter(|w| month_name(w).is_none()).collect();
    let year = rest
        .iter()
        .find_map(|w| number(w, 4..=4))
        .ok_or(NotADate::Unknown)? as i32;
    let days: Vec<u32> = rest.iter().filter_map(|w| day_number(w)).collect();
    if rest.len() > 1 + days.len() || days.len() > 1 {
        return Err(NotADate::Unknown);
    }
    Ok(Written {
        year,
        month: *month,
        day: days.first().copied(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(s: &str) -> (i32, u32, Option<u32>) {
        let w = read(s).unwrap_or_else(|e| panic!("{s}: {e:?}"));
        (w.year, w.month, w.day)
    }

    #[test]
    fn a_weekday_in_brackets_and_a_short_korean_year() {
        for s in [
            "2024년 5월 20일(월)",
            "2024년 5월 20일 (월요일)",
            "2024.5.20(月)",
            "2024年5月20日（周一）",
            "2024年5月20日(星期一)",
            "May 20, 2024 (Mon)",
            "24년 5월 20일",
            "24년 5월 20일(월)",
        ] {
            assert_eq!(ymd(s), (2024, 5, Some(20)), "{s}");
        }
        // Brackets that hold something else are not a weekday.
        assert!(read("2024년 5월 20일(예정)").is_err());
    }

    #[test]
    fn the_forms_people_write() {
        for s in [
            "2024-04-23",
            "2024/04/23",
            "2024.04.23",
            "2024. 4. 23.",
            "April 23, 2024",
            "Apr 23 2024",
            "23 April 2024",
            "23rd April 2024",
            "2024년 4월 23일",
            "2024년4월23일",
            "2024年4月23日",
            "23/04/2024",
        ] {
            assert_eq!(ymd(s), (2024, 4, Some(23)), "{s}");
        }
        for s in [
            "2024-04",
            "2024/4",
            "2024. 4.",
            "April 2024",
            "2024년 4월",
            "2024年4月",
        ] {
            assert_eq!(ymd(s), (2024, 4, None), "{s}");
        }
    }

    #[test]
    fn ambiguous_and_unknown_forms_are_refused() {
        assert!(matches!(read("04/05/2024"), Err(NotADate::Ambiguous(..))));
        for s in [
            "yesterday",
            "2024",
            "24-05-29",
            "April",
            "May 5",
            "2024-04-23x",
            "13/13/2024",
        ] {
            assert!(read(s).is_err(), "{s}");
        }
    }
}
