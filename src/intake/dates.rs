//! Dates as reports write them: absolute (`May 29 to 31`, `2024년 5월 29일부터 31일까지`,
//! `5月29日至31日`), partial (`24일`, `on Tuesday`, `the same day`, `지난 6월`) resolved against
//! the publication date only when that is unambiguous, with the precision kept; `last
//! week` and the like are left empty and flagged.

use std::sync::LazyLock;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use regex::{Captures, Regex};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Day(NaiveDate),
    Range(NaiveDate, NaiveDate),
    Month(i32, u32),
}

impl When {
    pub fn first(self) -> NaiveDate {
        match self {
            When::Day(d) | When::Range(d, _) => d,
            When::Month(y, m) => NaiveDate::from_ymd_opt(y, m, 1).expect("valid month"),
        }
    }

    /// `YYYY-MM-DD`, or `YYYY-MM` for a month.
    pub fn start_text(self) -> String {
        match self {
            When::Day(d) | When::Range(d, _) => d.to_string(),
            When::Month(y, m) => format!("{y:04}-{m:02}"),
        }
    }

    pub fn end_day(self) -> Option<NaiveDate> {
        match self {
            When::Range(_, e) => Some(e),
            _ => None,
        }
    }

    pub fn is_day(self) -> bool {
        !matches!(self, When::Month(..))
    }
}

/// What a date is said to be in its sentence: a plain date, where something ends
/// (`until Wednesday`, `26일까지`) or begins (`since`, `부터`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    Plain,
    Until,
}

#[derive(Debug, Clone, Copy)]
pub struct DateMention {
    pub start: usize,
    pub end: usize,
    pub when: When,
    pub bound: Bound,
    /// Read from context (`the same day`, `이날`, a bare weekday) rather than written out.
    pub relative: bool,
}

/// What the scan of earlier sentences leaves for the next: the last day written out, which
/// `the same day` and `이날` refer to, and the last month named with a day, which a bare
/// `2日` continues.
#[derive(Debug, Clone, Default)]
pub struct Context {
    pub last_day: Option<NaiveDate>,
    pub last_month: Option<(i32, u32)>,
    /// Phrases that were too vague to resolve (`last week`), for the draft's notes.
    pub vague: Vec<String>,
}

use super::pattern as re;

const MONTH_EN: &str = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";

static ISO: LazyLock<Regex> = LazyLock::new(|| re(r"(\d{4})[-./](\d{1,2})[-./](\d{1,2})"));
static CJK_FULL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(\d{4})\s*[년年]\s*(\d{1,2})\s*[월月]\s*(\d{1,2})\s*[일日](?:\s*(?:부터|~|∼|-|–|至|到|—)\s*(?:(\d{1,2})\s*[월月]\s*)?(\d{1,2})\s*[일日](까지)?)?",
    )
});
static CJK_MD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(\d{1,2})\s*[월月]\s*(\d{1,2})\s*[일日](?:\s*(?:부터|~|∼|-|–|至|到|—)\s*(?:(\d{1,2})\s*[월月]\s*)?(\d{1,2})\s*[일日](까지)?)?",
    )
});
static CJK_D: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(\d{1,2})\s*(?:[일日]\s*)?(?:부터|~|∼|-|–|至|到)\s*(\d{1,2})\s*[일日](까지)?|(\d{1,2})\s*[일日](까지|부터)?",
    )
});
static EN_MD: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b{MONTH_EN}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:\s*(?:-|–|to|through|and|until)\s*(?:{MONTH_EN}\.?\s+)?(\d{{1,2}})\b)?(?:,?\s*(\d{{4}}))?"
    ))
});
static EN_DM: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"\b(\d{{1,2}})\s+{MONTH_EN}\b(?:,?\s*(\d{{4}}))?")));
static EN_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b(?:(last|next|this|early|late|mid|mid-)\s*)?{MONTH_EN}\b(?:,?\s*(\d{{4}}))?"
    ))
});
static CJK_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:(\d{4})\s*[년年]\s*|(지난해|작년|올해|금년|지난|오는|내년|今年|去年|明年)\s*)?(\d{1,2})\s*[월月]",
    )
});
static THIS_MONTH: LazyLock<Regex> =
    LazyLock::new(|| re(r"本月|이달|this month|earlier this month|当月"));
static WEEKDAY_EN: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b(?:(last|next|this)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
});
static WEEKDAY_CJK: LazyLock<Regex> =
    LazyLock::new(|| re(r"([월화수목금토일])요일|(?:周|星期|礼拜)([一二三四五六日天])"));
static SAME_DAY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)the same day|that day|that afternoon|that evening|that morning|later that day|이날|당일|같은 날|当天|同日|当日|当晚|当天下午|此间",
    )
});
static DAY_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)the day before|the previous day|전날|前一天|前日"));
static DAY_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)the next day|the following day|이튿날|다음 날|다음날|次日|翌日|第二天")
});
static VAGUE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(last|next|this) week\b|\brecently\b|지난주|다음 주|다음주|이번 주|上周|下周|本周|最近|近日",
    )
});
static FUTURE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bwill\b|\bis to\b|\bare to\b|\bdue\b|\bscheduled\b|\bnext\b|\bplans? to\b|예정|계획|将|拟",
    )
});

pub fn month_number(name: &str) -> u32 {
    let n = name.to_ascii_lowercase();
    [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    .iter()
    .position(|m| n.starts_with(m))
    .map_or(1, |i| i as u32 + 1)
}

fn num(c: &Captures, i: usize) -> Option<u32> {
    c.get(i).and_then(|m| m.as_str().parse().ok())
}

/// A month and day without a year: the publication year, unless that puts it more than
/// two months after publication (then the year before).
fn md(published: NaiveDate, month: u32, day: u32) -> Option<NaiveDate> {
    let d = NaiveDate::from_ymd_opt(published.year(), month, day)?;
    if d > published + Duration::days(62) {
        NaiveDate::from_ymd_opt(published.year() - 1, month, day)
    } else {
        Some(d)
    }
}

/// A month without a year: the most recent such month (this one counts), or the next one
/// when the sentence speaks of the future.
fn month_only(published: NaiveDate, month: u32, future: bool) -> (i32, u32) {
    let y = published.year();
    if future {
        if month >= published.month() {
            (y, month)
        } else {
            (y + 1, month)
        }
    } else if month <= published.month() {
        (y, month)
    } else {
        (y - 1, month)
    }
}

fn range(start: NaiveDate, end: Option<NaiveDate>) -> When {
    match end {
        Some(e) if e > start => When::Range(start, e),
        _ => When::Day(start),
    }
}

/// A day of the month without a month: the month named last with a day, else the
/// publication month (a day up to a week after publication is a plan of that month; a
/// later one is of the month before).
fn bare_day(published: NaiveDate, ctx: &Context, day: u32, future: bool) -> Option<NaiveDate> {
    if let Some((y, m)) = ctx.last_month
        && let Some(d) = NaiveDate::from_ymd_opt(y, m, day)
        && d <= published + Duration::days(7)
    {
        return Some(d);
    }
    if (day <= published.day() + 7 || future)
        && let Some(d) = NaiveDate::from_ymd_opt(published.year(), published.month(), day)
    {
        return Some(d);
    }
    let prev = published.with_day(1)? - Duration::days(1);
    NaiveDate::from_ymd_opt(prev.year(), prev.month(), day)
}

fn weekday(published: NaiveDate, wd: Weekday, modifier: &str, future: bool) -> NaiveDate {
    let back = (published.weekday().num_days_from_monday() + 7 - wd.num_days_from_monday()) % 7;
    let last = published - Duration::days(back as i64);
    match modifier {
        "last" if back == 0 => last - Duration::days(7),
        "next" => {
            let ahead = (7 - back) % 7;
            published + Duration::days(if ahead == 0 { 7 } else { ahead as i64 })
        }
        _ if future && back != 0 => published + Duration::days((7 - back) as i64),
        _ => last,
    }
}

fn weekday_of(name: &str) -> Option<Weekday> {
    Some(match name {
        "Monday" | "월" | "一" => Weekday::Mon,
        "Tuesday" | "화" | "二" => Weekday::Tue,
        "Wednesday" | "수" | "三" => Weekday::Wed,
        "Thursday" | "목" | "四" => Weekday::Thu,
        "Friday" | "금" | "五" => Weekday::Fri,
        "Saturday" | "토" | "六" => Weekday::Sat,
        "Sunday" | "일" | "日" | "天" => Weekday::Sun,
        _ => return None,
    })
}

struct Found {
    mentions: Vec<DateMention>,
}

impl Found {
    fn free(&self, start: usize, end: usize) -> bool {
        self.mentions
            .iter()
            .all(|m| end <= m.start || start >= m.end)
    }

    fn push(&mut self, start: usize, end: usize, when: Option<When>, bound: Bound, relative: bool) {
        if let Some(when) = when
            && self.free(start, end)
        {
            self.mentions.push(DateMention {
                start,
                end,
                when,
                bound,
                relative,
            });
        }
    }
}

/// Every date in a sentence, resolved; `ctx` carries what earlier sentences said.
pub fn scan(text: &str, published: NaiveDate, ctx: &mut Context) -> Vec<DateMention> {
    let mut f = Found {
        mentions: Vec::new(),
    };
    static PAST: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(arrived|met|visited|held|was|were|signed|attended|called|received|toured|said|ended|wrapped|began)\b",
        )
    });
    let future = FUTURE.is_match(text) && !PAST.is_match(text);
    let until = |s: &str, end: usize| {
        let after = &s[end..];
        if after.starts_with("까지") || after.trim_start().starts_with("까지") {
            return Bound::Until;
        }
        let before = &s[..end];
        let tail: String = before.chars().rev().take(24).collect::<String>();
        let tail: String = tail.chars().rev().collect();
        if tail.contains("until ") || tail.contains("till ") {
            Bound::Until
        } else {
            Bound::Plain
        }
    };
    for c in ISO.captures_iter(text) {
        let m = c.get(0).expect("whole match");
        let d = NaiveDate::from_ymd_opt(
            c[1].parse().unwrap_or(0),
            num(&c, 2).unwrap_or(0),
            num(&c, 3).unwrap_or(0),
        );
        f.push(m.start(), m.end(), d.map(When::Day), Bound::Plain, false);
    }
    for c in CJK_FULL.captures_iter(text) {
        let m = c.get(0).expect("whole match");
        let y: i32 = c[1].parse().unwrap_or(0);
        let (mo, d) = (num(&c, 2).unwrap_or(0), num(&c, 3).unwrap_or(0));
        let start = NaiveDate::from_ymd_opt(y, mo, d);
        let end =
            num(&c, 5).and_then(|d2| NaiveDate::from_ymd_opt(y, num(&c, 4).unwrap_or(mo), d2));
        let bound = if c.get(6).is_some() && end.is_none() {
            Bound::Until
        } else {
            Bound::Plain
        };
        f.push(
            m.start(),
            m.end(),
            start.map(|s| range(s, end)),
            bound,
            false,
        );
    }
    for c in CJK_MD.captures_iter(text) {
        let m = c.get(0).expect("whole match");
        let (mo, d) = (num(&c, 1).unwrap_or(0), num(&c, 2).unwrap_or(0));
        let start = md(published, mo, d);
        let end = match (start, num(&c, 4)) {
            (Some(s), Some(d2)) => NaiveDate::from_ymd_opt(s.year(), num(&c, 3).unwrap_or(mo), d2),
            _ => None,
        };
        let bound = until(text, m.end());
        f.push(
            m.start(),
            m.end(),
            start.map(|s| range(s, end)),
            bound,
            false,
        );
    }
    for c in EN_MD.captures_iter(text) {
        let m = c.get(0).expect("whole match");
        let mo = month_number(&c[1]);
        let d = num(&c, 2).unwrap_or(0);
        let start = match c.get(5) {
            Some(y) => NaiveDate::from_ymd_opt(y.as_str().parse().unwrap_or(0), mo, d),
            None => md(published, mo, d),
        };
        let end = match (start, num(&c, 4)) {
            (Some(s), Some(d2)) => NaiveDate::from_ymd_opt(
                s.year(),
                c.get(3).map_or(mo, |m2| month_number(m2.as_str())),
                d2,
            ),
            _ => None,
        };
        let bound = until(text, m.start());
        f.push(
            m.start(),
            m.end(),
            start.map(|s| range(s, end)),
            bound,
            false,
        );
    }
    for c in EN_DM.captures_iter(text) {
        let m = c.get(0).expect("whole match");
        let (d, mo) = (num(&c, 1).unwrap_or(0), month_number(&c[2]));
        let day = match c.get(3) {
            Some(y) => NaiveDate::from_ymd_opt(y.as_str().parse().unwrap_or(0), mo, d),
            None => md(published, mo, d),
        };
        f.push(m.start(), m.end(), day.map(When::Day), Bound::Plain, false);
    }
    // Record the month context before the bare days that continue it.
    let mut named: Vec<&DateMention> = f.mentions.iter().filter(|m| m.when.is_day()).collect();
    named.sort_by_key(|m| m.start);
    let month_before = |at: usize, ctx: &Context| -> Context {
        let mut local = ctx.clone();
        if let Some(m) = named.iter().rev().find(|m| m.end <= at) {
            let d = m.when.first();
            local.last_month = Some((d.year(), d.month()));
        }
        local
    };
    let mut bare = Vec::new();
    for c in CJK_D.captures_iter(text) {
        let m = c.get(0).expect("whole match");
        // `1박 2일` is a length of stay, not a date; `20일 일정` neither.
        let before: String = text[..m.start()].chars().rev().take(2).collect();
        if before.contains('박') || text[m.end()..].trim_start().starts_with("일정") {
            continue;
        }
        if !f.free(m.start(), m.end()) {
            continue;
        }
        let mut local = month_before(m.start(), ctx);
        let head = text[..m.start()].trim_end();
        // `다음 달 1일`, `지난달 20일`: a day of the month after or before publication.
        let shift = if head.ends_with("다음 달")
            || head.ends_with("다음달")
            || head.ends_with("내달")
            || head.ends_with("下月")
            || head.ends_with("下个月")
        {
            Some(1)
        } else if head.ends_with("지난달")
            || head.ends_with("지난 달")
            || head.ends_with("上月")
            || head.ends_with("上个月")
        {
            Some(-1)
        } else {
            None
        };
        let shifted = shift.map(|k| {
            let m0 = published.year() * 12 + published.month0() as i32 + k;
            (m0.div_euclid(12), m0.rem_euclid(12) as u32 + 1)
        });
        if shifted.is_some() {
            local.last_month = shifted;
        }
        // `오는 26일`: the coming 26th, whatever the verb.
        let future = future || head.ends_with("오는");
        let bare_day = |published: NaiveDate, local: &Context, day: u32, future: bool| match shifted
        {
            Some((y, mo)) => NaiveDate::from_ymd_opt(y, mo, day),
            None => bare_day(published, local, day, future),
        };
        let (when, bound) = if let (Some(a), Some(b)) = (num(&c, 1), num(&c, 2)) {
            let s = bare_day(published, &local, a, future);
            let e = s.and_then(|s| NaiveDate::from_ymd_opt(s.year(), s.month(), b));
            (s.map(|s| range(s, e)), Bound::Plain)
        } else {
            let d = num(&c, 4).and_then(|d| bare_day(published, &local, d, future));
            let bound = if c.get(5).is_some_and(|m| m.as_str() == "까지") {
                Bound::Until
            } else {
                Bound::Plain
            };
            (d.map(When::Day), bound)
        };
        bare.push((m.start(), m.end(), when, bound));
    }
    for (s, e, w, r) in bare {
        f.push(s, e, w, r, false);
    }
    // `on Tuesday, July 8`, `Nov. 12 (Tuesday)`, `15일(화요일)`: the weekday of a date written
    // out beside it is that date, not a day of its own.
    let beside_date = |f: &Found, start: usize, end: usize| {
        f.mentions.iter().any(|d| {
            !d.relative
                && ((d.start >= end && text[end..d.start].trim_matches([' ', ',', '(']).is_empty())
                    || (d.end <= start
                        && text[d.end..start].trim_matches([' ', ',', '(']).is_empty()))
        })
    };
    for c in WEEKDAY_EN.captures_iter(text) {
        let m = c.get(0).expect("whole match");
        if beside_date(&f, m.start(), m.end()) {
            continue;
        }
        let modifier = c.get(1).map_or("", |m| m.as_str());
        let wd = weekday_of(&c[2]).expect("named weekday");
        // "from Tuesday to Thursday": the second counts on from the first.
        let prior = f
            .mentions
            .iter()
            .filter(|p| p.relative && p.end <= m.start() && m.start() - p.end <= 6)
            .map(|p| p.when.first())
            .next_back();
        let day = match prior {
            Some(p) => {
                let ahead =
                    (7 + wd.num_days_from_monday() - p.weekday().num_days_from_monday()) % 7;
                p + Duration::days(ahead as i64)
            }
            None => weekday(published, wd, modifier, future && modifier != "last"),
        };
        let bound = until(text, m.start());
        f.push(m.start(), m.end(), Some(When::Day(day)), bound, true);
    }
    for c in WEEKDAY_CJK.captures_iter(text) {
        let m = c.get(0).expect("whole match");
        if beside_date(&f, m.start(), m.end()) {
            continue;
        }
        let name = c.get(1).or(c.get(2)).map_or("", |m| m.as_str());
        if let Some(wd) = weekday_of(name) {
            let day = weekday(published, wd, "", future);
            f.push(m.start(), m.end(), Some(When::Day(day)), Bound::Plain, true);
        }
    }
    for c in EN_MONTH.captures_iter(text) {
        let m = c.get(0).expect("whole match");
        let name = &c[2];
        // "May" alone is also a verb: only with a year or a modifier.
        if name == "May" && c.get(1).is_none() && c.get(3).is_none() {
            continue;
        }
        let mo = month_number(name);
        let when = match (c.get(3), c.get(1).map(|m| m.as_str())) {
            (Some(y), _) => When::Month(y.as_str().parse().unwrap_or(0), mo),
            (None, Some("next")) => {
                let (y, m) = month_only(published, mo, true);
                When::Month(y, m)
            }
            (None, Some("last")) => {
                let (y, mo2) = month_only(published, mo, false);
                if (y, mo2) == (published.year(), published.month()) {
                    When::Month(y - 1, mo2)
                } else {
                    When::Month(y, mo2)
                }
            }
            _ => {
                let (y, m) = month_only(published, mo, future);
                When::Month(y, m)
            }
        };
        f.push(m.start(), m.end(), Some(when), Bound::Plain, false);
    }
    for c in CJK_MONTH.captures_iter(text) {
        let m = c.get(0).expect("whole match");
        let mo = num(&c, 3).unwrap_or(0);
        if !(1..=12).contains(&mo) {
            continue;
        }
        let when = match (c.get(1), c.get(2).map(|m| m.as_str())) {
            (Some(y), _) => When::Month(y.as_str().parse().unwrap_or(0), mo),
            (None, Some("지난해" | "작년" | "去年")) => {
                When::Month(published.year() - 1, mo)
            }
            (None, Some("내년" | "明年")) => When::Month(published.year() + 1, mo),
            (None, Some("올해" | "금년" | "今年")) => When::Month(published.year(), mo),
            (None, Some("오는")) => {
                let (y, m) = month_only(published, mo, true);
                When::Month(y, m)
            }
            (None, Some("지난")) => {
                let (y, m) = month_only(published, mo, false);
                When::Month(y, m)
            }
            _ => {
                let (y, m) = month_only(published, mo, future);
                When::Month(y, m)
            }
        };
        f.push(m.start(), m.end(), Some(when), Bound::Plain, false);
    }
    for m in THIS_MONTH.find_iter(text) {
        f.push(
            m.start(),
            m.end(),
            Some(When::Month(published.year(), published.month())),
            Bound::Plain,
            true,
        );
    }
    let base = |at: usize, f: &Found| {
        f.mentions
            .iter()
            .filter(|m| m.when.is_day() && m.end <= at)
            .max_by_key(|m| m.end)
            .map(|m| m.when.first())
            .or(ctx.last_day)
    };
    let mut anaphoric = Vec::new();
    for (regex, shift) in [(&*SAME_DAY, 0), (&*DAY_BEFORE, -1), (&*DAY_AFTER, 1)] {
        for m in regex.find_iter(text) {
            if let Some(d) = base(m.start(), &f) {
                anaphoric.push((m.start(), m.end(), d + Duration::days(shift)));
            }
        }
    }
    for (s, e, d) in anaphoric {
        f.push(s, e, Some(When::Day(d)), Bound::Plain, true);
    }
    for m in VAGUE.find_iter(text) {
        ctx.vague.push(m.as_str().to_string());
    }
    f.mentions.sort_by_key(|m| m.start);
    if let Some(last) = f.mentions.iter().rev().find(|m| m.when.is_day()) {
        ctx.last_day = Some(last.when.end_day().unwrap_or(last.when.first()));
        if !last.relative {
            let d = last.when.first();
            ctx.last_month = Some((d.year(), d.month()));
        }
    }
    f.mentions
}

/// When a report was written, read from its text when nobody says: its dateline (`SEOUL,
/// May 20, 2024 --`, `SEOUL, May 20 (Yonhap) --`: the latest such day up to `today` when
/// the year is left out), else the latest date it states in full (`May 20, 2024`,
/// `2024년 5월 20일`), not after `today`. A year stated in the report then carries to the
/// dates it leaves without one.
pub fn written_on(lines: &[String], today: NaiveDate) -> Option<NaiveDate> {
    static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
        re(&format!(
            r"^[A-Z][A-Za-z .'-]{{1,30}},\s+{MONTH_EN}\.?\s+(\d{{1,2}})(?:,\s*(\d{{4}}))?\s*(?:\([^)]{{1,30}}\))?\s*(?:--|—|–|-)"
        ))
    });
    if let Some(c) = lines
        .iter()
        .take(3)
        .find_map(|l| DATELINE.captures(l.trim()))
    {
        let (mo, d) = (month_number(&c[1]), num(&c, 2).unwrap_or(0));
        let day = match num(&c, 3) {
            Some(y) => NaiveDate::from_ymd_opt(y as i32, mo, d),
            None => NaiveDate::from_ymd_opt(today.year(), mo, d)
                .filter(|d| *d <= today)
                .or_else(|| NaiveDate::from_ymd_opt(today.year() - 1, mo, d)),
        };
        if day.is_some() {
            return day;
        }
    }
    let mut stated = Vec::new();
    for line in lines {
        for c in ISO.captures_iter(line).chain(CJK_FULL.captures_iter(line)) {
            stated.extend(NaiveDate::from_ymd_opt(
                c[1].parse().unwrap_or(0),
                num(&c, 2).unwrap_or(0),
                num(&c, 3).unwrap_or(0),
            ));
        }
        for c in EN_MD.captures_iter(line) {
            if let Some(y) = num(&c, 5) {
                stated.extend(NaiveDate::from_ymd_opt(
                    y as i32,
                    month_number(&c[1]),
                    num(&c, 2).unwrap_or(0),
                ));
            }
        }
        for c in EN_DM.captures_iter(line) {
            if let Some(y) = num(&c, 3) {
                stated.extend(NaiveDate::from_ymd_opt(
                    y as i32,
                    month_number(&c[2]),
                    num(&c, 1).unwrap_or(0),
                ));
            }
        }
    }
    stated.into_iter().filter(|d| *d <= today).max()
}

/// How many days a stay lasts, when the sentence says so: `a three-day visit`, `1박 2일`,
/// `2박 3일`, `为期三天`.
pub fn duration(text: &str) -> Option<i64> {
    static EN: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(two|three|four|five|six|seven|eight|nine|ten|\d+)[- ]day\b|\bspent (two|three|four|five|six|seven) days\b",
        )
    });
    static KO: LazyLock<Regex> = LazyLock::new(|| re(r"(\d+)\s*박\s*(\d+)\s*일"));
    static ZH: LazyLock<Regex> = LazyLock::new(|| re(r"为期\s*([一二三四五六七八九十\d]+)\s*天"));
    let word = |w: &str| -> Option<i64> {
        Some(match w.to_lowercase().as_str() {
            "two" | "二" | "两" => 2,
            "three" | "三" => 3,
            "four" | "四" => 4,
            "five" | "五" => 5,
            "six" | "六" => 6,
            "seven" | "七" => 7,
            "eight" | "八" => 8,
            "nine" | "九" => 9,
            "ten" | "十" => 10,
            other => other.parse().ok()?,
        })
    };
    if let Some(c) = KO.captures(text) {
        return c[2].parse().ok();
    }
    if let Some(c) = ZH.captures(text) {
        return word(&c[1]);
    }
    EN.captures(text)
        .and_then(|c| word(c.get(1).or(c.get(2)).map_or("", |m| m.as_str())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn whens(text: &str, published: NaiveDate) -> Vec<When> {
        scan(text, published, &mut Context::default())
            .into_iter()
            .map(|m| m.when)
            .collect()
    }

    #[test]
    fn absolute_ranges_in_three_languages() {
        let p = day(2024, 6, 1);
        let r = When::Range(day(2024, 5, 29), day(2024, 5, 31));
        assert_eq!(
            whens("in South Korea from May 29 to 31, stopping", p),
            vec![r]
        );
        assert_eq!(whens("2024년 5월 29일부터 31일까지 방한", p), vec![r]);
        assert_eq!(whens("5月29日至31日，海南省省长", p), vec![r]);
        assert_eq!(
            whens("on a Dec. 1-4 visit", day(2019, 12, 4)),
            vec![When::Range(day(2019, 12, 1), day(2019, 12, 4))]
        );
    }

    #[test]
    fn a_weekday_beside_its_date_is_that_date() {
        // 2024-06-21 is a Friday; July 8, 2024 a Monday.
        let p = day(2024, 7, 20);
        assert_eq!(
            whens("called on the mayor on Monday, July 8, at city hall", p),
            vec![When::Day(day(2024, 7, 8))]
        );
        assert_eq!(
            whens("on July 8 (Monday) the delegation", p),
            vec![When::Day(day(2024, 7, 8))]
        );
        assert_eq!(
            whens("대표단은 8일(월요일) 시청을", p),
            vec![When::Day(day(2024, 7, 8))]
        );
    }

    #[test]
    fn partial_dates_read_against_publication() {
        // 2024-06-21 is a Friday.
        let p = day(2024, 6, 21);
        assert_eq!(
            whens("met him on Thursday", p),
            vec![When::Day(day(2024, 6, 20))]
        );
        assert_eq!(
            whens("이 총리는 3일 오후", day(2019, 12, 3)),
            vec![When::Day(day(2019, 12, 3))]
        );
        assert_eq!(
            whens("4일 출국할 예정", day(2019, 12, 3)),
            vec![When::Day(day(2019, 12, 4))]
        );
        assert_eq!(
            whens("今年6月，威海", day(2019, 7, 2)),
            vec![When::Month(2019, 6)]
        );
        assert_eq!(
            whens("runs from Tuesday to Thursday", day(2025, 10, 29)),
            vec![When::Day(day(2025, 10, 28)), When::Day(day(2025, 10, 30))]
        );
        assert_eq!(whens("1박 2일 일정으로", p), vec![]);
        assert_eq!(
            whens("오는 26일 부여에서 열리는 회의", day(2023, 7, 11)),
            vec![When::Day(day(2023, 7, 26))]
        );
        let mut ctx = Context::default();
        scan("6月4日，会见。", p, &mut ctx);
        let again = scan("当天下午，出席。", p, &mut ctx);
        assert_eq!(again[0].when, When::Day(day(2024, 6, 4)));
        let mut ctx = Context::default();
        scan("They met last week.", p, &mut ctx);
        assert_eq!(ctx.vague, vec!["last week"]);
    }

    #[test]
    fn lengths_of_stay() {
        assert_eq!(duration("during a three-day visit that began"), Some(3));
        assert_eq!(duration("2박 3일 일정으로"), Some(3));
        assert_eq!(duration("进行为期三天的正式访问"), Some(3));
        assert_eq!(duration("no length here"), None);
    }
}
