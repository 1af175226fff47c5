//! Calendar dates without time zones: a `Day`, a `Month`, and a `FlexDate` that is either
//! (a visit known only to the month keeps that precision).

use std::fmt;

use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;

use crate::error::{Message, UserError};
use crate::msg;

const MIN_YEAR: i32 = 1949;
const MAX_YEAR: i32 = 2100;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(NaiveDate);

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    year: i32,
    month: u32,
}

/// A date given to the day or only to the month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlexDate {
    Day(Day),
    Month(Month),
}

/// An inclusive range of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateRange {
    pub from: Day,
    pub to: Day,
}

fn bad_date(input: &str) -> UserError {
    UserError::from(msg!("date-not-a-date", input = shorten(input)))
}

/// The input as a message shows it: at most 40 characters, or "(empty)".
fn shorten(input: &str) -> Message {
    let trimmed: String = input.chars().filter(|c| !c.is_control()).take(40).collect();
    if trimmed.is_empty() {
        msg!("input-empty")
    } else {
        Message::verbatim(trimmed)
    }
}

fn check_year(year: i32, input: &str) -> Result<(), UserError> {
    if (MIN_YEAR..=MAX_YEAR).contains(&year) {
        Ok(())
    } else {
        Err(UserError::from(msg!(
            "date-out-of-range",
            input = shorten(input),
            min = MIN_YEAR.to_string(),
            max = MAX_YEAR.to_string()
        )))
    }
}

/// A date as written (`domain::written`), or the sentence that says why it is not one.
fn written(input: &str) -> Result<super::written::Written, UserError> {
    use super::written::{NotADate, read};
    read(input).map_err(|e| match e {
        NotADate::Unknown => bad_date(input),
        NotADate::Ambiguous(month_first, day_first) => {
            let iso = |w: super::written::Written| {
                format!("{:04}-{:02}-{:02}", w.year, w.month, w.day.unwrap_or(1))
            };
            UserError::from(msg!(
                "date-ambiguous",
                input = shorten(input),
                month_first = iso(month_first),
                day_first = iso(day_first)
            ))
        }
    })
}

/// A calendar day from a written date, or why not.
fn calendar_day(w: super::written::Written, day: u32, input: &str) -> Result<Day, UserError> {
    check_year(w.year, input)?;
    NaiveDate::from_ymd_opt(w.year, w.month, day)
        .map(Day)
        .ok_or_else(|| UserError::from(msg!("date-not-real", input = shorten(input))))
}

impl Day {
    /// A day as people write it (`2024-05-29`, `2024/5/29`, `May 29, 2024`, `2024년 5월
    /// 29일`, `2024年5月29日`, ...); shown and stored as YYYY-MM-DD.
    pub fn parse(input: &str) -> Result<Day, UserError> {
        let input = input.trim();
        let w = written(input)?;
        let Some(day) = w.day else {
            return Err(UserError::from(msg!(
                "date-is-month",
                input = shorten(input)
            )));
        };
        calendar_day(w, day, input)
    }

    pub fn from_naive(d: NaiveDate) -> Day {
        Day(d)
    }

    pub fn naive(self) -> NaiveDate {
        self.0
    }

    pub fn month(self) -> Month {
        Month {
            year: self.0.year(),
            month: self.0.month(),
        }
    }

    pub fn today() -> Day {
        Day(crate::clock::today())
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

impl Month {
    /// A month as people write it (`2024-05`, `2024/5`, `May 2024`, `2024년 5월`,
    /// `2024年5月`); shown and stored as YYYY-MM.
    pub fn parse(input: &str) -> Result<Month, UserError> {
        let input = input.trim();
        let w = written(input)
            .map_err(|_| UserError::from(msg!("month-not-a-month", input = shorten(input))))?;
        if w.day.is_some() {
            return Err(UserError::from(msg!(
                "month-is-day",
                input = shorten(input)
            )));
        }
        check_year(w.year, input)?;
        if !(1..=12).contains(&w.month) {
            return Err(UserError::from(msg!(
                "month-out-of-range",
                input = shorten(input)
            )));
        }
        Ok(Month {
            year: w.year,
            month: w.month,
        })
    }

    pub fn first_day(self) -> Day {
        Day(NaiveDate::from_ymd_opt(self.year, self.month, 1).expect("valid month"))
    }

    pub fn last_day(self) -> Day {
        Day(self
            .next()
            .first_day()
            .0
            .pred_opt()
            .expect("not the first day ever"))
    }

    pub fn next(self) -> Month {
        self.plus(1)
    }

    /// This month moved by `n` months (negative goes back).
    pub fn plus(self, n: i32) -> Month {
        let index = self.year * 12 + self.month as i32 - 1 + n;
        Month {
            year: index.div_euclid(12),
            month: index.rem_euclid(12) as u32 + 1,
        }
    }

    /// Number of months from `self` to `other`, inclusive of both.
    pub fn count_to(self, other: Month) -> i32 {
        (other.year * 12 + other.month as i32) - (self.year * 12 + self.month as i32) + 1
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn number(self) -> u32 {
        self.month
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl Serialize for Month {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl Serialize for Day {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl FlexDate {
    /// A day or a month, as people write them (see `Day::parse` and `Month::parse`).
    pub fn parse(input: &str) -> Result<FlexDate, UserError> {
        let input = input.trim();
        match written(input)?.day {
            Some(_) => Day::parse(input).map(FlexDate::Day),
            None => Month::parse(input).map(FlexDate::Month),
        }
    }

    /// Rebuilds a stored date from its first day and precision.
    pub fn from_stored(first_day: &str, precision: &str) -> Option<FlexDate> {
        let day = Day::parse(first_day).ok()?;
        Some(if precision == "month" {
            FlexDate::Month(day.month())
        } else {
            FlexDate::Day(day)
        })
    }

    pub fn first_day(self) -> Day {
        match self {
            FlexDate::Day(d) => d,
            FlexDate::Month(m) => m.first_day(),
        }
    }

    pub fn last_day(self) -> Day {
        match self {
            FlexDate::Day(d) => d,
            FlexDate::Month(m) => m.last_day(),
        }
    }

    /// Whether this date falls within a span given by its first and last day (YYYY-MM-DD):
    /// a day inside it, or a month (known only to the month) that overlaps it.
    pub fn falls_within(self, from: &str, to: &str) -> bool {
        let (first, last) = (self.first_day().to_string(), self.last_day().to_string());
        match self {
            FlexDate::Day(_) => first.as_str() >= from && first.as_str() <= to,
            FlexDate::Month(_) => first.as_str() <= to && last.as_str() >= from,
        }
    }

    pub fn precision(self) -> &'static str {
        match self {
            FlexDate::Day(_) => "day",
            FlexDate::Month(_) => "month",
        }
    }
}

impl fmt::Display for FlexDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FlexDate::Day(d) => d.fmt(f),
            FlexDate::Month(m) => m.fmt(f),
        }
    }
}

impl DateRange {
    /// A range from optional `from`/`to` bounds, each a day or a month (a month `to`
    /// means its last day). Either bound may be open.
    pub fn from_bounds(
        from: Option<FlexDate>,
        to: Option<FlexDate>,
    ) -> Result<DateRange, UserError> {
        let from = from.map(FlexDate::first_day).unwrap_or(
            Month {
                year: MIN_YEAR,
                month: 1,
            }
            .first_day(),
        );
        let to = to.map(FlexDate::last_day).unwrap_or(
            Month {
                year: MAX_YEAR,
                month: 12,
            }
            .last_day(),
        );
        if to < from {
            return Err(UserError::from(msg!(
                "range-reversed",
                to = to.to_string(),
                from = from.to_string()
            )));
        }
        Ok(DateRange { from, to })
    }

    pub fn months(from: Month, to: Month) -> DateRange {
        DateRange {
            from: from.first_day(),
            to: to.last_day(),
        }
    }

    pub fn is_open(&self) -> bool {
        self.from.month()
            == (Month {
                year: MIN_YEAR,
                month: 1,
            })
            || self.to.month()
                == (Month {
                    year: MAX_YEAR,
                    month: 12,
                })
    }

    pub fn contains(&self, day: Day) -> bool {
        self.from <= day && day <= self.to
    }
}

/// How a range reads: its open ends and its ends as typed (months where they fall on month
/// boundaries, as a month was most likely what was asked for).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RangeShape {
    All,
    From(String),
    Until(String),
    One(String),
    Between(String, String),
}

impl DateRange {
    pub fn shape(&self) -> RangeShape {
        let min = Month {
            year: MIN_YEAR,
            month: 1,
        }
        .first_day();
        let max = Month {
            year: MAX_YEAR,
            month: 12,
        }
        .last_day();
        let (from, to) = (self.from.month(), self.to.month());
        let whole = |open_from: bool, open_to: bool| {
            (open_from || self.from == from.first_day()) && (open_to || self.to == to.last_day())
        };
        let (open_from, open_to) = (self.from == min, self.to == max);
        match (open_from, open_to) {
            (true, true) => RangeShape::All,
            (false, true) if whole(false, true) => RangeShape::From(from.to_string()),
            (false, true) => RangeShape::From(self.from.to_string()),
            (true, false) if whole(true, false) => RangeShape::Until(to.to_string()),
            (true, false) => RangeShape::Until(self.to.to_string()),
            (false, false) if whole(false, false) && from == to => {
                RangeShape::One(from.to_string())
            }
            (false, false) if whole(false, false) => {
                RangeShape::Between(from.to_string(), to.to_string())
            }
            (false, false) => RangeShape::Between(self.from.to_string(), self.to.to_string()),
        }
    }
}

/// English, for logs and data; people read `crate::i18n::format::range`.
impl fmt::Display for DateRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.shape() {
            RangeShape::All => f.write_str("all dates"),
            RangeShape::From(from) => write!(f, "from {from}"),
            RangeShape::Until(to) => write!(f, "until {to}"),
            RangeShape::One(one) => f.write_str(&one),
            RangeShape::Between(from, to) => write!(f, "{from} to {to}"),
        }
    }
}

/// A record may be dated at most this far ahead: a planned visit, up to a year.
pub fn latest_allowed() -> Day {
    add_months(Day::today(), 12)
}

/// Refuses a record's date more than a year ahead (2099 is a typo, not a plan).
pub fn check_not_far(field: &str, date: FlexDate) -> Result<(), UserError> {
    let limit = latest_allowed();
    if date.first_day() > limit {
        return Err(UserError::from(msg!(
            "date-too-far",
            field = field,
            date = date.to_string(),
            limit = limit.to_string()
        )));
    }
    Ok(())
}

/// A record's span: the end on or after the start, neither more than a year ahead. A
/// refusal names the field that is wrong.
pub fn check_span(start: FlexDate, end: Option<FlexDate>) -> Result<(), (&'static str, UserError)> {
    check_not_far("start", start).map_err(|e| ("start", e))?;
    if let Some(end) = end {
        if end.last_day() < start.first_day() {
            return Err((
                "end",
                UserError::from(msg!(
                    "end-before-start",
                    end = end.to_string(),
                    start = start.to_string()
                )),
            ));
        }
        check_not_far("end", end).map_err(|e| ("end", e))?;
    }
    Ok(())
}

/// Adds whole months to a day, clamping to the month's end.
pub fn add_months(day: Day, n: u32) -> Day {
    Day(day.0.checked_add_months(Months::new(n)).unwrap_or(day.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_on_month_boundaries_read_as_months() {
        let range = |from: &str, to: &str| {
            let d = |t: &str| (!t.is_empty()).then(|| FlexDate::parse(t).unwrap());
            DateRange::from_bounds(d(from), d(to)).unwrap().to_string()
        };
        assert_eq!(range("2024-06", "2024-06"), "2024-06");
        assert_eq!(range("2024-01", "2024-06-30"), "2024-01 to 2024-06");
        assert_eq!(range("2024-04", ""), "from 2024-04");
        assert_eq!(range("", "2024-06"), "until 2024-06");
        assert_eq!(
            range("2024-06-16", "2024-06-30"),
            "2024-06-16 to 2024-06-30"
        );
        assert_eq!(range("2024-04-05", ""), "from 2024-04-05");
        assert_eq!(range("", ""), "all dates");
    }

    #[test]
    fn days_parse_strictly() {
        assert_eq!(Day::parse("2024-05-29").unwrap().to_string(), "2024-05-29");
        assert_eq!(Day::parse("2024-5-29").unwrap().to_string(), "2024-05-29");
        assert_eq!(
            Day::parse("2024년 5월 29일").unwrap().to_string(),
            "2024-05-29"
        );
        let err = Day::parse("04/05/2024").unwrap_err();
        assert!(
            err.to_string().contains("2024-04-05 or 2024-05-04"),
            "{err}"
        );
        for bad in [
            "2024-02-30",
            "2024-13-01",
            "24-05-29",
            "",
            "yesterday",
            "2024-05-29x",
        ] {
            assert!(Day::parse(bad).is_err(), "{bad} should not parse");
        }
        assert!(Day::parse("2024-02-29").is_ok(), "leap day");
        assert!(Day::parse("2023-02-29").is_err(), "no leap day in 2023");
    }

    #[test]
    fn months_parse_and_step() {
        let m = Month::parse("2024-12").unwrap();
        assert_eq!(m.next().to_string(), "2025-01");
        assert_eq!(m.plus(-12).to_string(), "2023-12");
        assert_eq!(m.last_day().to_string(), "2024-12-31");
        assert_eq!(
            Month::parse("2024-02").unwrap().last_day().to_string(),
            "2024-02-29"
        );
        assert_eq!(Month::parse("2024-01").unwrap().count_to(m), 12);
        assert_eq!(Month::parse("April 2024").unwrap().to_string(), "2024-04");
        assert_eq!(Month::parse("2024-1").unwrap().to_string(), "2024-01");
        for bad in ["2024-13", "2024-00", "9999-99", "2024", "2024-05-01"] {
            assert!(Month::parse(bad).is_err(), "{bad} should not parse");
        }
    }

    #[test]
    fn flex_dates_keep_precision() {
        let d = FlexDate::parse("2024-06").unwrap();
        assert_eq!(d.precision(), "month");
        assert_eq!(d.first_day().to_string(), "2024-06-01");
        assert_eq!(d.last_day().to_string(), "2024-06-30");
        assert_eq!(FlexDate::from_stored("2024-06-01", "month"), Some(d));
        assert!(FlexDate::parse("2024-02-30").is_err());
    }

    #[test]
    fn ranges_refuse_inverted_bounds() {
        let from = FlexDate::parse("2024-05").ok();
        let to = FlexDate::parse("2024-04-30").ok();
        assert!(DateRange::from_bounds(from, to).is_err());
        let r = DateRange::from_bounds(from, None).unwrap();
        assert!(r.contains(Day::parse("2030-01-01").unwrap()));
        assert!(!r.contains(Day::parse("2024-04-30").unwrap()));
    }
}
