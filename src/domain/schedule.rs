//! When a digest falls due and which days it covers: a weekly digest the last Monday-Sunday
//! week that ends on or before the day it is posted (a Sunday post covers the week ending
//! that day), a monthly one the calendar month before, both reckoned
//! in DIGEST_TIMEZONE (an IANA name, Asia/Seoul unless set; DST rules included, hence
//! chrono-tz). Pure: the caller passes "now" (crate::clock).

use chrono::{DateTime, Datelike, Days, Months, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;

pub use crate::configuration::TIMEZONE_VAR;
pub const DEFAULT_TIMEZONE: &str = "Asia/Seoul";

/// DIGEST_TIMEZONE as a time zone; `Err` says what is wrong in one sentence.
pub fn timezone() -> Result<Tz, String> {
    let name = match crate::configuration::settings().digest_timezone.as_str() {
        "" => DEFAULT_TIMEZONE,
        name => name,
    };
    name.parse::<Tz>().map_err(|_| {
        format!("{TIMEZONE_VAR}={name} is not an IANA time zone name such as Asia/Seoul or Europe/Berlin")
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frequency {
    Weekly,
    Monthly,
}

impl Frequency {
    pub fn parse(s: &str) -> Option<Frequency> {
        match s {
            "weekly" => Some(Frequency::Weekly),
            "monthly" => Some(Frequency::Monthly),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Frequency::Weekly => "weekly",
            Frequency::Monthly => "monthly",
        }
    }
}

/// The days a digest covers, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    /// The period a digest posted on `day` covers.
    pub fn before(frequency: Frequency, day: NaiveDate) -> Period {
        match frequency {
            // The Monday-Sunday week that ended last on or before `day`: posted on a Sunday,
            // the week ending that day; on any other day, the week before it.
            Frequency::Weekly => {
                let back = (day.weekday().num_days_from_monday() + 1) % 7;
                let sunday = day - Days::new(u64::from(back));
                Period {
                    from: sunday - Days::new(6),
                    to: sunday,
                }
            }
            Frequency::Monthly => {
                let first = day.with_day(1).expect("every month has a first day");
                Period {
                    from: first - Months::new(1),
                    to: first - Days::new(1),
                }
            }
        }
    }

    /// The period of the same length just before this one.
    pub fn previous(self, frequency: Frequency) -> Period {
        Period::before(frequency, self.from)
    }

    /// "June 2024" for a month, "2024-06-03 to 2024-06-09" otherwise.
    pub fn label(self, frequency: Frequency) -> String {
        match frequency {
            Frequency::Monthly => self.from.format("%B %Y").to_string(),
            Frequency::Weekly => format!("{} to {}", self.from, self.to),
        }
    }
}

/// When a digest falls due: weekly on `weekday` (ISO, 1 Monday .. 7 Sunday), monthly on
/// `day` (1-28), at `hour` o'clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Due {
    pub frequency: Frequency,
    pub weekday: u32,
    pub day: u32,
    pub hour: u32,
}

impl Due {
    /// The day of the schedule on or before `today`.
    fn on_or_before(&self, today: NaiveDate) -> NaiveDate {
        match self.frequency {
            Frequency::Weekly => {
                let back = (today.weekday().number_from_monday() + 7 - self.weekday) % 7;
                today - Days::new(u64::from(back))
            }
            Frequency::Monthly => {
                let this = today
                    .with_day(self.day)
                    .expect("days 1-28 exist in every month");
                if this <= today {
                    this
                } else {
                    this - Months::new(1)
                }
            }
        }
    }

    fn step_back(&self, day: NaiveDate) -> NaiveDate {
        match self.frequency {
            Frequency::Weekly => day - Days::new(7),
            Frequency::Monthly => day - Months::new(1),
        }
    }

    fn step_on(&self, day: NaiveDate) -> NaiveDate {
        match self.frequency {
            Frequency::Weekly => day + Days::new(7),
            Frequency::Monthly => day + Months::new(1),
        }
    }

    /// The hour of `day` in `tz` as an instant (a clock change that skips the hour moves it
    /// to the first instant after; one that repeats it takes the first).
    fn instant(&self, day: NaiveDate, tz: Tz) -> DateTime<Utc> {
        let mut local = day.and_hms_opt(self.hour, 0, 0).expect("hours are 0-23");
        for _ in 0..4 {
            if let Some(t) = tz.from_local_datetime(&local).earliest() {
                return t.with_timezone(&Utc);
            }
            local += chrono::Duration::minutes(30);
        }
        Utc.from_utc_datetime(&local)
    }

    /// The latest time at or before `now` the digest fell due, and the period it covers.
    pub fn latest(&self, now: DateTime<Utc>, tz: Tz) -> (DateTime<Utc>, Period) {
        let today = now.with_timezone(&tz).date_naive();
        let mut day = self.on_or_before(today);
        if self.instant(day, tz) > now {
            day = self.step_back(day);
        }
        (self.instant(day, tz), Period::before(self.frequency, day))
    }

    /// The first time after `now` the digest falls due.
    pub fn next(&self, now: DateTime<Utc>, tz: Tz) -> DateTime<Utc> {
        let (last, _) = self.latest(now, tz);
        let day = self.step_on(last.with_timezone(&tz).date_naive());
        self.instant(day, tz)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    const SEOUL: Tz = chrono_tz::Asia::Seoul;

    #[test]
    fn a_monthly_digest_covers_the_month_before() {
        let due = Due {
            frequency: Frequency::Monthly,
            weekday: 1,
            day: 1,
            hour: 9,
        };
        let (when, p) = due.latest(at("2024-07-01T09:05:00+09:00"), SEOUL);
        assert_eq!(when, at("2024-07-01T09:00:00+09:00"));
        assert_eq!((p.from, p.to), (day("2024-06-01"), day("2024-06-30")));
        assert_eq!(p.label(Frequency::Monthly), "June 2024");
        // Five minutes early it is still May's turn; Seoul's morning is the day before in UTC.
        let (_, p) = due.latest(at("2024-07-01T08:55:00+09:00"), SEOUL);
        assert_eq!(p.from, day("2024-05-01"));
        let (_, p) = due.latest(at("2024-09-01T10:00:00+09:00"), SEOUL);
        assert_eq!((p.from, p.to), (day("2024-08-01"), day("2024-08-31")));
        assert_eq!(
            due.next(at("2024-07-01T09:05:00+09:00"), SEOUL),
            at("2024-08-01T09:00:00+09:00")
        );
        assert_eq!(
            p.previous(Frequency::Monthly),
            Period {
                from: day("2024-07-01"),
                to: day("2024-07-31")
            }
        );
    }

    #[test]
    fn a_weekly_digest_covers_monday_to_sunday_before() {
        let due = Due {
            frequency: Frequency::Weekly,
            weekday: 3, // Wednesday
            day: 1,
            hour: 8,
        };
        // Thursday 2024-06-13: due Wednesday the 12th, covering 3-9 June.
        let (when, p) = due.latest(at("2024-06-13T12:00:00+09:00"), SEOUL);
        assert_eq!(when, at("2024-06-12T08:00:00+09:00"));
        assert_eq!((p.from, p.to), (day("2024-06-03"), day("2024-06-09")));
        // Wednesday 07:00: last week's Wednesday, covering 27 May - 2 June.
        let (_, p) = due.latest(at("2024-06-12T07:00:00+09:00"), SEOUL);
        assert_eq!((p.from, p.to), (day("2024-05-27"), day("2024-06-02")));
        assert_eq!(
            p.previous(Frequency::Weekly).from,
            day("2024-05-20"),
            "the week before"
        );
    }

    #[test]
    fn item11_a_sunday_night_digest_covers_the_week_ending_that_day() {
        let due = Due {
            frequency: Frequency::Weekly,
            weekday: 7,
            day: 1,
            hour: 23,
        };
        // Sunday 2024-06-16, 23:05: the week of 10-16 June, not the one before.
        let (when, p) = due.latest(at("2024-06-16T23:05:00+09:00"), SEOUL);
        assert_eq!(when, at("2024-06-16T23:00:00+09:00"));
        assert_eq!((p.from, p.to), (day("2024-06-10"), day("2024-06-16")));
        // Monday morning: still that week (the digest fell due on Sunday).
        let (_, p) = due.latest(at("2024-06-17T09:00:00+09:00"), SEOUL);
        assert_eq!((p.from, p.to), (day("2024-06-10"), day("2024-06-16")));
        assert_eq!(p.previous(Frequency::Weekly).from, day("2024-06-03"));
    }

    #[test]
    fn an_hour_a_clock_change_skips_moves_on() {
        let due = Due {
            frequency: Frequency::Monthly,
            weekday: 1,
            day: 10, // 10 March 2024: 02:00 to 03:00 does not exist in New York
            hour: 2,
        };
        let ny: Tz = chrono_tz::America::New_York;
        let (when, _) = due.latest(at("2024-03-20T00:00:00Z"), ny);
        assert_eq!(when, at("2024-03-10T03:00:00-04:00"));
    }
}
