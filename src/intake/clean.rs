//! What a report copied off a news portal carries besides the article: gambling spam,
//! portal boilerplate (bylines, copyright lines, "related articles", share buttons),
//! photo captions and metadata lines. They are dropped and listed in the draft; the
//! publication date is read from the metadata on the way.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use crate::domain::spam;
use crate::domain::written::MONTHS;

pub struct Cleaned {
    /// The article's lines, in order (the first is usually the headline).
    pub lines: Vec<String>,
    pub removed: Vec<String>,
    /// The publication date found in the metadata, if any.
    pub published: Option<NaiveDate>,
}

use super::pattern as re;

/// Spam that the domain's list does not name but that copied Korean news carries.
static SPAM: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(카지노|바카라|슬롯|토토|먹튀|놀이터|가입머니|첫충|casino|baccarat|betting|slot site|sign up today|가입코드|꽁머니|博彩|赌场|百家乐)",
    )
});

/// Whole lines of portal furniture.
static BOILERPLATE: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?i)(©|ⓒ|Ⓒ|\(c\)\s|all rights reserved|저작권자|무단\s?전재|재배포|재판매|版权所有|未经授权|",
        r"^related( articles| stories|:)|^관련(기사|뉴스)|^相关(新闻|专题|报道)|^点击进入|^subscribe|구독|좋아요\s*\d|",
        r"기사\s?더보기|责任编辑|【编辑|^编辑：|【纠错】|【打印】|分享到|^字号|^\(END\)$|^\(끝\)$|^（完）$|^\(完\)$|",
        r"^by\s+[A-Z][a-z]+|reporter\s|기자\s*$|기자\s+[\w.]+@|^[\w.]+@[\w.]+$|@[\w-]+\.(com|kr|cn|net|org)|^source:|원문 출처|",
        r"이 기사를 공유|기사 오류|기사제보|실시간 뉴스|기후위기시계|terms of service|privacy policy|newsletter|",
        r"^\[한국어 표기법|^\(记者|^（记者|^\(시사|^\[.{1,20}=.{1,20}\]\s*\S{2,4}\s*기자)"
    ))
});

/// A copyright notice, however long the portal makes it: one that opens with the mark, or
/// reserves the rights in so many words (a report about a copyright agreement does neither).
static NOTICE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(©|ⓒ|Ⓒ|\(c\)\s|copyright\b)|all rights reserved|\b(unauthorized|no) (reproduction|redistribution)|무단\s?전재|재배포\s?금지|版权所有|未经授权不得",
    )
});

/// Photo captions, in the three languages' usual forms.
static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?i)^(\(photo|\[photo|\(caption|\[caption|▲|\[사진|사진\s*=|/사진|图为|图：|（图）|\(图\)|【图|",
        r"\[[^\]]{1,20}제공[^\]]*\]|좌로부터|\(?자료사진)|",
        r"\((오른쪽|왼쪽|앞줄|뒷줄|가운데)|(오른쪽|왼쪽)\s*(다섯|네|세|두|첫)?\s*번째\)|",
        r"/\s*\S*\s*제공\s*$|제공\]?\s*$|^\[?\S+ 제공\.|",
        r"^\[[^\]]*(제공|사진)[^\]]*\]\s*$"
    ))
});

/// Metadata lines: when the page was published or updated, and from where.
static META: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(published|updated|posted|입력|수정|发布时间|发布|时间|来源|日期|date)\s*[:：]?|来源[:：]|입력\s*\d{4}|\d{2}:\d{2}\s*(\||来源|$)",
    )
});

/// A line that is nothing but a date ("March 13, 2023", "2024-06-01").
static DATE_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s*((January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},\s*\d{4}|\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日)\s*$",
    )
});

static FULL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(\d{4})\s*[-./년年]\s*(\d{1,2})\s*[-./월月]\s*(\d{1,2})|(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2}),\s*(\d{4})",
    )
});

/// A byline or dateline at the start of a paragraph: "(서울=연합뉴스) 홍길동 기자 =",
/// "[경북=○○일보]", "本网济州7月20日电（记者 王涵）", "SEOUL, June 21 --".
static LEAD_IN: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"^(\([^()]{1,20}=[^()]{1,20}\)\s*(\S{2,4}\s*기자\s*=)?\s*|",
        r"\[[^\[\]]{1,30}(=|기자)[^\[\]]*\]\s*|",
        r"\[신화망[^\]]*\]\s*|",
        r"[^\s，。]{0,12}\d{1,2}月\d{1,2}日(电|讯)\s*(（[^）]*）|\([^)]*\))?\s*|",
        r"本网讯\s*|",
        r"[A-Z][A-Z ]{2,20},\s+[A-Z][a-z]{2,4}\.?\s+\d{1,2}\s*(\([^)]*\))?\s*--\s*|",
        r"[A-Z][A-Z ]{2,20}\s*--\s*)"
    ))
});

fn date_in(line: &str) -> Option<NaiveDate> {
    let c = FULL_DATE.captures(line)?;
    if let Some(y) = c.get(1) {
        let y: i32 = y.as_str().parse().ok()?;
        let m: u32 = c[2].parse().ok()?;
        let d: u32 = c[3].parse().ok()?;
        return NaiveDate::from_ymd_opt(y, m, d);
    }
    let m = MONTHS.iter().position(|m| m.eq_ignore_ascii_case(&c[4]))? as u32 + 1;
    NaiveDate::from_ymd_opt(c[6].parse().ok()?, m, c[5].parse().ok()?)
}

pub fn clean(text: &str) -> Cleaned {
    let mut out = Cleaned {
        lines: Vec::new(),
        removed: Vec::new(),
        published: None,
    };
    let mut updated = None;
    let mut in_related = false;
    for raw in text.lines() {
        let line = raw.trim().trim_matches('\u{feff}').trim();
        if line.is_empty() {
            in_related = false;
            continue;
        }
        let is_list_item = line.starts_with("- ") || line.starts_with("· ");
        if in_related && is_list_item {
            out.removed.push(line.to_string());
            continue;
        }
        in_related = false;
        let short = line.chars().count() <= 80;
        if short && (spam::check("text", line).is_err() || SPAM.is_match(line)) {
            out.removed.push(line.to_string());
            continue;
        }
        // In a long line (a paragraph, or a whole report pasted as one line) only the
        // sentences that carry spam go; the report around them stays.
        // Furniture pasted inside a long line (a whole report as one line) goes the same way,
        // sentence by sentence: a copyright notice, a caption, a related-articles list.
        let furniture = |s: &str| {
            let short = s.chars().count() <= 80;
            static INLINE: LazyLock<Regex> = LazyLock::new(|| {
                re(
                    r"(?i)^related (articles|stories)|^관련(기사|뉴스)|구독하기|^相关(新闻|报道)|@[\w-]+\.(com|kr|cn|net|org)",
                )
            });
            NOTICE.is_match(s) || (short && (CAPTION.is_match(s) || INLINE.is_match(s)))
        };
        let line = &if spam::check("text", line).is_err()
            || (!short && super::sentences::split(line).iter().any(|s| furniture(s)))
        {
            let (kept, spam): (Vec<String>, Vec<String>) =
                super::sentences::split(line).into_iter().partition(|s| {
                    spam::check("text", s).is_ok() && !SPAM.is_match(s) && (short || !furniture(s))
                });
            out.removed.extend(spam);
            if kept.is_empty() {
                continue;
            }
            kept.join(" ")
        } else {
            line.to_string()
        };
        let lower = line.to_lowercase();
        if DATE_ONLY.is_match(line) || (short && META.is_match(line)) {
            if let Some(d) = date_in(line) {
                if lower.contains("updated") || line.contains("수정") {
                    updated = updated.or(Some(d));
                } else {
                    out.published = out.published.or(Some(d));
                }
            }
            out.removed.push(line.to_string());
            continue;
        }
        if (short || line.starts_with('(') || line.starts_with('[') || line.starts_with('▲'))
            && CAPTION.is_match(line)
        {
            out.removed.push(line.to_string());
            continue;
        }
        if (short && BOILERPLATE.is_match(line))
            || (line.chars().count() <= 300 && NOTICE.is_match(line))
        {
            if lower.starts_with("related") || line.starts_with("관련") || line.starts_with("相关")
            {
                in_related = true;
            }
            out.removed.push(line.to_string());
            continue;
        }
        let mut content = line.to_string();
        if let Some(m) = LEAD_IN.find(&content) {
            let lead = m.as_str().trim().to_string();
            content = content[m.end()..].trim().to_string();
            if !lead.is_empty() {
                out.removed.push(lead);
            }
        }
        if content.is_empty() {
            continue;
        }
        out.lines.push(content);
    }
    out.published = out.published.or(updated);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spam_boilerplate_and_captions_are_dropped_and_listed() {
        let text = "Headline here\n\nPublished: 2024.06.01 09:12 | Updated: 2024.06.01 11:40\n\nSEOUL, June 21 -- Xin Changxing met Oh Se-hoon.\n\nonline casino bonus 100% -- sign up today\n\n(Photo: Oh, right, greets Xin. / Seoul City)\n\n온라인카지노 추천 ☞ 신규가입 즉시 지급\n\nRelated articles\n- Another story\n\nCopyright © Example Daily (example.org). All rights reserved. Unauthorized reproduction and redistribution prohibited.\n\nThe two signed an agreement on copyright protection for films.";
        let c = clean(text);
        assert_eq!(
            c.lines,
            vec![
                "Headline here",
                "Xin Changxing met Oh Se-hoon.",
                "The two signed an agreement on copyright protection for films."
            ]
        );
        assert!(
            c.removed.iter().any(|r| r.starts_with("Copyright ©")),
            "a long notice too"
        );
        assert_eq!(c.published, NaiveDate::from_ymd_opt(2024, 6, 1));
        assert!(c.removed.iter().any(|r| r.contains("casino")));
        assert!(c.removed.iter().any(|r| r.contains("온라인카지노")));
        assert!(c.removed.iter().any(|r| r.starts_with("(Photo")));
        assert!(c.removed.iter().any(|r| r == "- Another story"));
    }

    #[test]
    fn korean_and_chinese_bylines_are_taken_off_the_paragraph() {
        let c = clean(
            "(서울=연합뉴스) 홍길동 기자 = 이낙연 국무총리는 3일 접견했다.\n本网济州7月20日电（记者 王涵）7月19日，开幕。",
        );
        assert_eq!(c.lines[0], "이낙연 국무총리는 3일 접견했다.");
        assert_eq!(c.lines[1], "7月19日，开幕。");
    }
}
