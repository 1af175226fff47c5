//! Forums and conferences a delegation attended (name, edition, dates, place) and the
//! outcomes signed (MOU, agreement, contract; the amount exactly as written, with its
//! currency, never summed across currencies).

use std::sync::LazyLock;

use regex::Regex;

use super::pattern as re;

#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub name: String,
    pub kind: &'static str,
    pub edition: Option<String>,
    pub start: usize,
    pub end: usize,
}

const ORDINALS: &[(&str, &str)] = &[
    ("first", "1st"),
    ("second", "2nd"),
    ("third", "3rd"),
    ("fourth", "4th"),
    ("fifth", "5th"),
    ("sixth", "6th"),
    ("seventh", "7th"),
    ("eighth", "8th"),
    ("ninth", "9th"),
    ("tenth", "10th"),
];

fn cn_number(s: &str) -> Option<u32> {
    if let Ok(n) = s.parse() {
        return Some(n);
    }
    let digit = |c: char| "零一二三四五六七八九".find(c).map(|i| (i / 3) as u32);
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        ['十'] => Some(10),
        ['十', b] => Some(10 + digit(*b)?),
        [a, '十'] => Some(digit(*a)? * 10),
        [a, '十', b] => Some(digit(*a)? * 10 + digit(*b)?),
        [a] => digit(*a),
        _ => None,
    }
}

fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, 11) | (2, 12) | (3, 13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

fn kind_of(name: &str) -> &'static str {
    let l = name.to_lowercase();
    if l.contains("investment")
        || name.contains("投资")
        || name.contains("투자")
        || name.contains("招商")
    {
        if l.contains("conference")
            || l.contains("fair")
            || name.contains("说明会")
            || name.contains("推介")
            || name.contains("설명회")
        {
            "promotion conference"
        } else {
            "investment forum"
        }
    } else if l.contains("promotion")
        || l.contains("presentation")
        || name.contains("推介")
        || name.contains("설명회")
    {
        "promotion conference"
    } else if l.contains("forum") || name.contains("论坛") || name.contains("포럼") {
        if l.contains("business") || l.contains("trade") || name.contains("经贸") {
            "business forum"
        } else {
            "conference"
        }
    } else if l.contains("trade")
        || l.contains("economic")
        || name.contains("经贸")
        || name.contains("경제")
        || l.contains("business")
    {
        "business forum"
    } else {
        "conference"
    }
}

/// Event names in a sentence.
pub fn events(text: &str) -> Vec<Event> {
    // English: Capitalized words ending in an event noun, `for/of/and` joining, an
    // optional edition before.
    static EN: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r#"(?:\b(\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+)?((?:\d{4}\s+)?(?:[A-Z][\w'’().-]*(?:\s+(?:\([A-Za-z]+\)|[A-Z][\w'’.-]*|and|of|on|between)){0,9}?\s+)?(?:Forum|Conference|Seminar|Symposium|Expo|Fair|Week|Dialogue|Summit|Presentation|Exchange|Promotion Conference|Investment Briefing|Year|Day))\b(?:\s+(?:for|on)\s+(?:[A-Z][\w'’-]*)(?:\s+(?:and|of|for)\s+[A-Z][\w'’-]*)+)?"#,
        )
    });
    static QUOTED: LazyLock<Regex> = LazyLock::new(|| re(r#"[“"'‘]([^“”"'‘’]{4,60})[”"'’]"#));
    static ZH: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(第([一二三四五六七八九十\d]+)届)?((?:\d{4})?[\p{Han}A-Za-z0-9—\-·（）()]{2,30}?(?:论坛|推介会|说明会|洽谈会|交流会|研讨会|恳谈会|博览会|交易会|交流周|知事会议|推进会|周))",
        )
    });
    static KO: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(제(\d+)회\s*)?([가-힣A-Za-z0-9·\-]{2,20}(?:\s[가-힣A-Za-z0-9·\-]{1,12}){0,4}?\s?(?:포럼|설명회|박람회|세미나|교류회|상담회|심포지엄))",
        )
    });
    static EVENT_WORD: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)(forum|conference|seminar|symposium|expo|fair|week|dialogue|summit|presentation|exchange|promotion|briefing|论坛|推介|说明会|洽谈会|交流会|研讨会|恳谈会|博览会|周|会议|推进会|포럼|설명회|박람회|세미나|교류회|상담회|의 날|의 해|주간|年|year)",
        )
    });
    let mut out: Vec<Event> = Vec::new();
    for c in QUOTED.captures_iter(text) {
        let m = c.get(1).expect("group");
        let name = m.as_str().trim();
        if EVENT_WORD.is_match(name) {
            out.push(Event {
                name: name.to_string(),
                kind: kind_of(name),
                edition: None,
                start: m.start(),
                end: m.end(),
            });
        }
    }
    let overlaps = |out: &[Event], a: usize, b: usize| out.iter().any(|e| a < e.end && b > e.start);
    for c in EN.captures_iter(text) {
        let m = c.get(2).expect("group");
        let whole = c.get(0).expect("whole");
        let mut name = whole.as_str()[m.start() - whole.start()..]
            .trim()
            .to_string();
        for lead in ["The ", "the ", "A ", "An "] {
            if let Some(rest) = name.strip_prefix(lead) {
                name = rest.to_string();
            }
        }
        if name.split_whitespace().count() < 2 || overlaps(&out, whole.start(), whole.end()) {
            continue;
        }
        let edition = c.get(1).map(|e| {
            let e = e.as_str().to_lowercase();
            ORDINALS
                .iter()
                .find(|(w, _)| *w == e)
                .map_or(e.clone(), |(_, n)| n.to_string())
        });
        out.push(Event {
            kind: kind_of(&name),
            name,
            edition,
            start: whole.start(),
            end: whole.end(),
        });
    }
    for c in ZH.captures_iter(text) {
        let m = c.get(3).expect("group");
        let mut start = m.start();
        let mut name = m.as_str();
        // Drop a leading date or place phrase glued on: keep from the last comma-free run.
        for sep in [
            '，', '、', '在', '的', '于', '日', '举', '行', '席', '办', '了', '届',
        ] {
            if let Some(i) = name.rfind(sep)
                && i + sep.len_utf8() < name.len()
                && name[i + sep.len_utf8()..].chars().count() >= 4
            {
                start += i + sep.len_utf8();
                name = &name[i + sep.len_utf8()..];
            }
        }
        if name.chars().count() < 6
            || overlaps(&out, start, m.end())
            || text[m.end()..].starts_with('年')
        {
            continue;
        }
        let edition = c.get(2).and_then(|n| cn_number(n.as_str())).or_else(|| {
            let before = &text[..start];
            let b = before.rfind('第')?;
            cn_number(before[b + '第'.len_utf8()..].trim_end_matches('届'))
        });
        out.push(Event {
            name: name.to_string(),
            kind: kind_of(name),
            edition: edition.map(ordinal),
            start,
            end: m.end(),
        });
    }
    for c in KO.captures_iter(text) {
        let m = c.get(3).expect("group");
        let name = m.as_str().trim();
        if overlaps(&out, m.start(), m.end()) || name.starts_with("이날") {
            continue;
        }
        // Only named events: an organizer's generic "회의" or "간담회" alone is no name.
        if name.split_whitespace().count() < 2 && name.chars().count() < 6 {
            continue;
        }
        out.push(Event {
            name: name.to_string(),
            kind: kind_of(name),
            edition: c.get(2).map(|n| ordinal(n.as_str().parse().unwrap_or(0))),
            start: m.start(),
            end: m.end(),
        });
    }
    out.sort_by_key(|e| e.start);
    out
}

#[derive(Debug, Clone, PartialEq)]
pub struct Signed {
    pub kind: &'static str,
    pub amount: Option<String>,
    pub currency: Option<String>,
}

/// An outcome signed in a sentence, if any: its kind and any amount.
pub fn signed(text: &str) -> Option<Signed> {
    static SIGN: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\bsign(ed|ing|s)?\b|\bmemorand(um|a)\b|\bMOUs?\b|签署|签订|签约|结为|缔结|서명|체결|맺|협약|양해각서|합의서|협정서",
        )
    });
    if !SIGN.is_match(text) {
        return None;
    }
    let l = text.to_lowercase();
    let kind = if l.contains("memorand")
        || l.contains("mou")
        || text.contains("谅解备忘录")
        || text.contains("양해각서")
    {
        "MOU"
    } else if l.contains("sister")
        || l.contains("friendship city")
        || text.contains("友好城市")
        || text.contains("자매결연")
        || text.contains("우호도시")
    {
        "sister-city"
    } else if text.contains("项目") && (text.contains("签约") || text.contains("亿"))
        || l.contains("contract")
    {
        "contract"
    } else if l.contains("agreement")
        || l.contains("pact")
        || text.contains("协议")
        || text.contains("协定")
        || text.contains("협약")
        || text.contains("합의서")
        || text.contains("협정")
        || text.contains("宣言")
        || l.contains("declaration")
    {
        "agreement"
    } else {
        return None;
    };
    let (amount, currency) = amount(text).unzip();
    Some(Signed {
        kind,
        amount,
        currency,
    })
}

/// An amount written out: `28.05亿元人民币` → (2805000000, CNY), `$1.2 billion` → USD,
/// `1조 5천억 원 규모` → KRW. The figure's span is found here and read by the one amount
/// reader (`domain::Money`), so intake reads every form a moderator may type.
pub fn amount(text: &str) -> Option<(String, String)> {
    static SPAN: LazyLock<Regex> = LazyLock::new(|| {
        re(concat!(
            // Korean and Chinese: digits and units, then the currency word.
            r"(?:약|约|大约)?\s*\d[\d,.]*\s*(?:조|억|만|천|亿|万|千)?(?:\s*\d[\d,.]*\s*(?:조|억|만|천|亿|万|千))*\s*",
            r"(?:원|달러|위안|불|엔|유로|美元|韩元|日元|欧元|元人民币|元|人民币)",
            // English: a sign or code before the figure, a scale after it.
            r"|(?i:US\$|\$|₩|€|USD|KRW|CNY|RMB|EUR|JPY)\s?\d[\d,.]*(?:\s*(?i:trillion|billion|million|thousand|bn|tn))?",
            // English: a figure, a scale and a currency word.
            r"|\d[\d,.]*\s*(?i:trillion|billion|million)\s*(?i:US dollars|dollars|yuan|won|euros|yen)",
        ))
    });
    SPAN.find_iter(text).find_map(|m| {
        let money = crate::domain::Money::parse(m.as_str(), None).ok()?;
        Some((money.amount.decimal(), money.currency.label().to_string()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_in_three_languages() {
        let e = events(
            "Liu and Oh sat down on the sidelines of the 19th Jeju Forum for Peace and Prosperity, which ran",
        );
        assert_eq!(e[0].name, "Jeju Forum for Peace and Prosperity");
        assert_eq!(e[0].edition.as_deref(), Some("19th"));
        let e = events("代表团先在济州出席第十九届济州和平繁荣论坛，刘小明");
        assert_eq!(e[0].name, "济州和平繁荣论坛");
        assert_eq!(e[0].edition.as_deref(), Some("19th"));
    }

    #[test]
    fn amounts_are_exact() {
        assert_eq!(
            amount("签约总额达28.05亿元人民币。"),
            Some(("2805000000".into(), "CNY".into()))
        );
        assert_eq!(
            amount("총 500억 원 규모"),
            Some(("50000000000".into(), "KRW".into()))
        );
        assert_eq!(
            amount("a $1.25 billion plant"),
            Some(("1250000000".into(), "USD".into()))
        );
        assert_eq!(
            signed("两市签署港口经济合作协议").unwrap().kind,
            "agreement"
        );
    }
}

/// The longest title an outcome drafted from a report gets: what was agreed, not the
/// sentence that says so.
pub const TITLE_MAX: usize = 80;

/// What a sentence says was agreed, as a short title: the object of "signed" (`a memorandum
/// of understanding on …`), the noun phrase before `체결`/`서명` (`관광 교류 확대를 위한
/// 업무협약`), the name in `《…》` or after `签署` — cut at a word to `TITLE_MAX`.
pub fn agreed(text: &str) -> String {
    static EN: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\bsign(?:ed|ing|s)?\s+(?:off\s+on\s+)?(?:a|an|the|two|three|four|five|\d+)?\s*(.+?)(?:\s+(?:with|between|during|at|in front of|before|witnessed by|in the presence of|as part of|after|while|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b|[,;.]|$)",
        )
    });
    static ZH_BOOK: LazyLock<Regex> = LazyLock::new(|| re(r"《([^》]{2,60})》"));
    static ZH: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?:签署|签订|缔结|签约)了?(?:[一二三四五六七八九十两\d]+[份项个])?([^，。；、]{2,40}?(?:备忘录|协议书|协议|协定|合作书|意向书|合同|宣言|框架|项目|关系))",
        )
    });
    static KO: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"([^.,。]{2,80}?(?:양해각서|협약|협정|합의서|의향서|결연|MOU|계약)(?:\s*\([^)]{1,20}\))?)\s*(?:을|를|도|이|가)?\s*(?:체결|서명|맺|교환)",
        )
    });
    let t = text.trim();
    let found = if let Some(c) = ZH_BOOK.captures(t) {
        c[1].to_string()
    } else if let Some(c) = ZH.captures(t) {
        c[1].to_string()
    } else if let Some(c) = KO.captures(t) {
        // The phrase begins after the sentence's subject or a clause before it.
        let phrase = c[1].trim();
        let cut = phrase
            .rfind(|c: char| [',', '，', '·'].contains(&c))
            .map_or(0, |i| {
                i + phrase[i..].chars().next().map_or(1, char::len_utf8)
            });
        let mut phrase = phrase[cut..].trim();
        for marker in ["은 ", "는 ", "이 ", "가 ", "와 ", "과 ", "에서 ", "서 "] {
            if let Some(i) = phrase.rfind(marker) {
                let after = &phrase[i + marker.len()..];
                if after.chars().count() >= 4 {
                    phrase = after;
                }
            }
        }
        // Nor do the words that date or join it: "이날", "지난 15일", "또한".
        static LEAD: LazyLock<Regex> = LazyLock::new(|| {
            re(
                r"^(?:(?:이날|오늘|어제|앞서|또한?|이어|이어서|한편|특히|현지\s*시간\s*\d+일|지난\s*\d+일|\d+일)(?:에|에는|엔)?\s+)+",
            )
        });
        LEAD.replace(phrase, "").to_string()
    } else if let Some(c) = EN.captures(t) {
        c[1].to_string()
    } else {
        t.to_string()
    };
    shorten_title(found.trim().trim_end_matches(['.', '。']))
}

/// `s` cut at a word boundary to `TITLE_MAX` characters, with `…` when cut; the first
/// letter capitalized.
fn shorten_title(s: &str) -> String {
    let mut out = String::new();
    for word in s.split_inclusive(char::is_whitespace) {
        if out.chars().count() + word.trim_end().chars().count() > TITLE_MAX - 1 {
            break;
        }
        out.push_str(word);
    }
    if out.is_empty() {
        out = s.chars().take(TITLE_MAX - 1).collect();
    }
    let mut out = out.trim_end().to_string();
    if out.chars().count() < s.chars().count() {
        out.push('…');
    }
    let mut chars = out.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => out,
    }
}

#[cfg(test)]
mod agreed_tests {
    use super::{TITLE_MAX, agreed};

    #[test]
    fn titles_say_what_was_agreed_in_each_language() {
        for (text, title) in [
            (
                "On Thursday the two governors signed a memorandum of understanding on a joint workation program with Jeju Province, officials said.",
                "Memorandum of understanding on a joint workation program",
            ),
            (
                "양 지역은 이날 관광 교류 확대를 위한 업무협약(MOU)을 체결했다.",
                "관광 교류 확대를 위한 업무협약(MOU)",
            ),
            (
                "双方签署了《江苏省与首尔市友好交流合作备忘录》。",
                "江苏省与首尔市友好交流合作备忘录",
            ),
            ("会上，双方签署了经贸合作协议。", "经贸合作协议"),
        ] {
            assert_eq!(agreed(text), title, "{text}");
        }
        let long = format!("They signed {}.", "a very long agreement ".repeat(10));
        assert!(agreed(&long).chars().count() <= TITLE_MAX);
    }
}
