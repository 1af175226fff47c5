//! The people a report names: officials the database knows (by any alias), and others
//! found beside a title (`Vice Governor Song Junji`, `김희현 제주도 정무부지사`,
//! `山东省副省长邓云锋`), each with the side they are on and the province, city or Korean
//! place their office belongs to. Later mentions are found by full name, by surname
//! (`Liu`, `류 서기`) and, for the delegation, by `he`, `the delegation`, `일행`, `一行`.

use std::sync::LazyLock;

use regex::Regex;

use super::lexicon::{Hit, Lexicon};
use super::romanize;
use super::sentences::{Doc, Lang, is_han, is_hangul};
use super::titles::{self, Rank, Side, Title, TitleHit};

#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    /// As the database spells it (known) or romanized (new).
    pub name: String,
    pub known: bool,
    /// The local-script form seen (Hangul or Hanzi).
    pub local: Option<String>,
    pub aliases: Vec<String>,
    pub side: Side,
    pub title: Option<Title>,
    /// Where their office is: a Chinese province, a Chinese city (with its province), a
    /// county, a Korean place.
    pub province: Option<String>,
    pub city: Option<(String, String)>,
    pub county: Option<String>,
    pub place: Option<String>,
    /// What they were called where first found, for a proposed official's title.
    pub title_text: Option<String>,
    /// Forms to find later mentions by.
    pub forms: Vec<String>,
    /// The surname, for `Liu said` and `류 서기는`.
    pub surname: Option<String>,
    /// The sentence where the title was found (evidence).
    pub evidence: Option<usize>,
    /// Romanized by rule from Chinese characters of a Korean name (a note for the reader).
    pub guessed: bool,
}

impl Person {
    pub fn rank(&self) -> Rank {
        self.title.map_or(Rank::Official, |t| t.rank)
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Mention {
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    pub person: usize,
}

/// What the pass over the report found per sentence.
pub struct Found {
    pub people: Vec<Person>,
    pub mentions: Vec<Mention>,
    pub hits: Vec<Vec<Hit>>,
    pub titles: Vec<Vec<TitleHit>>,
}

use super::pattern as re;

const PINYIN_SURNAMES: &str = "wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie song tang han feng deng cao peng zeng xiao tian dong yuan pan yu jiang cai jia ding wei xue ye yan lu du dai xia zhong tan liao fan jin shi yao fu fang bai zou meng xiong qin qiu yin duan lei hou long tao mao hao gong shao wan qian lou xin shan sheng qu ren kong cui chang mu ni ning ou ke geng guan qi wen zhan che ai an bao bi bian cheng chi cong dang di diao dou ge gu hong ji jian jiao ju kang kuang lai lan lang le lian ling miao min mo nie niu pang pei pu qiao rao rong ruan sang sha shang shen shu si su tong tu weng xi xian xiang xing you yue yun zang zhai zhen zhuang zhuo zuo";
const KOREAN_ROMAN_SURNAMES: &str = "kim lee yi rhee park pak choi choe jung jeong chung kang cho jo yoon yun jang chang lim im han oh seo suh shin kwon hwang ahn an song yoo yu ryu hong jeon chun ko koh moon mun yang son bae baek paik heo huh nam shim sim noh roh ha kwak sung seong cha joo ju woo koo ku min na jin ji eom um chae won cheon bang kong hyun ham byun yeom yeo choo do seok sun seol ma gil yeon wi pyo myung ki ban wang keum ok yook in maeng je mo tak kook eun yong ye kyung bong boo";

fn roman_surname(s: &str) -> bool {
    let l = s.to_lowercase();
    PINYIN_SURNAMES.split(' ').any(|x| x == l) || KOREAN_ROMAN_SURNAMES.split(' ').any(|x| x == l)
}

/// Hanzi that begin Chinese (and Korean, in Chinese script) names.
const HANZI_SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐韩冯邓曹彭曾肖田董袁潘于蒋蔡贾丁魏薛叶阎余杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文庞樊兰殷施陶洪翟安颜倪严牛温芦季俞章鲁葛伍韦申尤毕聂丛焦向柳邢路岳齐沿梅莫庄辛管祝左涂谷祁时舒耿牟卜路詹关苗凌费纪靳盛童欧甄项曲成游阳裴席卫查屈鲍位覃霍翁隋植甘景薄单包司柏宁柯阮桂闵解强柴华车冉房边辜吉饶刁瞿戚丘古米池滕晋苑邬臧畅宫来缪苟全褚廉简娄盖符奚木穆党燕郎邸冀谈姬屠连郁晏栾鄂卞仲母迟禹权朴玄咸卢宣南楼信荣鹿訾鄢劳揭闫喻鞠俄帅麦和钮元孙千车卓鄭劉陳楊黃趙吳張馬許葉羅謝蕭駱";

fn hanzi_surname(c: char) -> bool {
    HANZI_SURNAMES.contains(c)
}

/// Characters that end a Chinese name written before a verb or a list mark.
const ZH_STOPS: &str = "在与率会表说出等一到和及同向为对的是陪参致作带发提指举签也还将已分先介就均赴访前应共以于由被把接主了着讲称时、，。；：（()）」”“ 专抵于同回强认希欢祝感就代再并看首";

const HANGUL_STOPWORDS: &[&str] = &[
    // Where someone stands in a photo, and words of a quote, are not names.
    "오른쪽",
    "왼쪽",
    "가운데",
    "앞줄",
    "뒷줄",
    "우리의",
    "우리",
    "이번",
    "지난",
    "중국",
    "한국",
    "시청",
    "도청",
    "일행",
    "대표단",
    "방문단",
    "관계자",
    "당시",
    "이날",
    "양측",
    "두",
    "우리",
    "국내",
    "현지",
    "오는",
    "최근",
    "올해",
    "내년",
    "기념",
    "교류",
    "협력",
    "경제",
    "정무",
    "행정",
    "위원",
    "상무",
    "중앙",
    "공산당",
    "인민",
    "정부",
    "의회",
    "동구",
    "부산",
    "서울",
    "당",
    "시",
    "도",
    "성",
    "주한",
    "주제주",
    "주광주",
    "전",
    "현",
    "경북도",
    "충남도",
    "충북도",
    "전남도",
    "제주도",
    "인대",
    "외교부",
    "외사교무위원회",
    "관리위원회",
    "상무위원회",
    "인민대표대회",
    "당위원회",
    "뎬중신구",
    "통상",
];

/// Who a mention of a title with a name refers to: (name start, name end, local form).
fn english_name_after(text: &str, at: usize) -> Option<(usize, usize)> {
    static NAME: LazyLock<Regex> = LazyLock::new(|| {
        // `Incheon's administrative vice mayor, Park Deok-su`: the name after an apposition's
        // comma.
        re(r"^,?\s*([A-Z][a-z]{0,7})\s+([A-Z][a-z]+(?:['’-][A-Za-z][a-z]*)?)\b")
    });
    let c = NAME.captures(&text[at..])?;
    if !roman_surname(&c[1]) {
        return None;
    }
    let m1 = c.get(1)?;
    let m2 = c.get(2)?;
    let end = at + m2.end() - possessive(m2.as_str());
    Some((at + m1.start(), end))
}

fn english_name_before(text: &str, title: usize) -> Option<(usize, usize)> {
    static NAME: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"([A-Z][a-z]{0,7})\s+([A-Z][a-z]+(?:['’-][A-Za-z][a-z]*)?)(\s*\([^)]*\))?,\s*(?:the |a |an |who is |also )?[^,;]{0,70}$",
        )
    });
    let window_start = text[..title]
        .char_indices()
        .rev()
        .nth(110)
        .map_or(0, |(i, _)| i);
    let window = &text[window_start..title];
    let c = NAME.captures(window)?;
    if !roman_surname(&c[1]) {
        return None;
    }
    // No other name or sentence break between: the clause is the name's apposition.
    let between = &window[c.get(2)?.end()..];
    if between.contains(" and ") && between.contains(',') {
        return None;
    }
    let m2 = c.get(2)?;
    Some((
        window_start + c.get(1)?.start(),
        window_start + m2.end() - possessive(m2.as_str()),
    ))
}

/// Bytes of a trailing `'s`, which is no part of a name.
fn possessive(word: &str) -> usize {
    if word.ends_with("'s") || word.ends_with("’s") {
        word.len() - word.trim_end_matches("'s").trim_end_matches("’s").len()
    } else {
        0
    }
}

/// A given name written in pinyin syllables (`Junji`, `Yingchun`), as Chinese names are in
/// English reports; Korean ones are hyphenated (`Dae-jin`) or not pinyin (`Minseok`).
fn pinyin_given(given: &str) -> bool {
    let g = given.to_lowercase();
    if g.contains('-') || g.is_empty() {
        return false;
    }
    fn split(s: &str) -> bool {
        if s.is_empty() {
            return true;
        }
        (1..=6.min(s.len())).rev().any(|n| {
            s.is_char_boundary(n) && romanize::pinyin_to_hangul(&s[..n]).is_some() && split(&s[n..])
        })
    }
    split(&g.replace(['\'', '’'], ""))
}

fn paren_after(text: &str, at: usize) -> Option<String> {
    let rest = &text[at..];
    let inner = rest.strip_prefix('(').or_else(|| rest.strip_prefix('（'))?;
    let close = inner.find([')', '）'])?;
    let inside = &inner[..close];
    if inside.contains("音译") || inside.contains("音譯") {
        return None;
    }
    let hanzi: String = inside
        .split([',', '，', '·', ' '])
        .next()
        .unwrap_or("")
        .chars()
        .filter(|c| is_han(*c))
        .collect();
    (hanzi.chars().count() >= 2).then_some(hanzi)
}

/// A Korean-text name in brackets right after its title (`부시장(루샤예·51)`), age or
/// other words after a `·` or comma aside.
fn korean_name_in_paren_after(text: &str, at: usize) -> Option<(usize, usize)> {
    let rest = &text[at..];
    let open = if rest.starts_with('(') {
        1
    } else if rest.starts_with('（') {
        '（'.len_utf8()
    } else {
        return None;
    };
    let inner = &rest[open..];
    let end = inner.find([')', '）', '·', ',', '，', ' '])?;
    let name = &inner[..end];
    let n = name.chars().count();
    let plausible = (2..=5).contains(&n)
        && name.chars().all(is_hangul)
        && (is_korean_name(name) || romanize::chinese_from_hangul(name).is_some())
        && !HANGUL_STOPWORDS.contains(&name);
    plausible.then_some((at + open, at + open + end))
}

/// `옌청경제기술개발구 서기`, `창사시 외사판공실 주임`: a place's body (one word starting with the
/// place, or the place and one more word) right before a title is its office.
fn office_of_place(between: &str) -> bool {
    let words: Vec<&str> = between.split_whitespace().collect();
    between.ends_with(' ')
        && (1..=2).contains(&words.len())
        && words.iter().all(|w| w.chars().all(is_hangul))
}

/// `이시종 지사와`, `천민얼 서기는`: a loose title right after a full name (three syllables,
/// one word of its own), Korean by its surname for a Korean or either side's title, a
/// transliteration for a Chinese one; not after a noun (`반도체 시장`, `부동산 시장`).
fn full_name_before(text: &str, t: &TitleHit) -> bool {
    const NOUN_ENDINGS: &str = "체업적형품물력재차쪽계권별층류산부";
    let Some(head) = text[..t.start].strip_suffix(' ') else {
        return false;
    };
    let word_start = head
        .char_indices()
        .rev()
        .find(|(_, c)| !is_hangul(*c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &head[word_start..];
    if word.chars().count() != 3
        || HANGUL_STOPWORDS.contains(&word)
        || is_korean_word(word)
        || word.ends_with(|c| NOUN_ENDINGS.contains(c))
    {
        return false;
    }
    if t.title.side == Side::China {
        romanize::chinese_from_hangul(word).is_some()
    } else {
        is_korean_name(word)
    }
}

/// `협회(회장 이세기)`, `(위원장 김○○·62)`: a bracket opening on a title, a Korean name after.
fn korean_name_in_brackets_after(text: &str, t: &TitleHit) -> Option<(usize, usize)> {
    if !text[..t.start].ends_with(['(', '（']) {
        return None;
    }
    let rest = text[t.end..].strip_prefix(' ')?;
    let end = rest.find([')', '）', '·', ',', '，', ' '])?;
    let name = &rest[..end];
    let plausible = name.chars().count() == 3
        && name.chars().all(is_hangul)
        && is_korean_name(name)
        && !HANGUL_STOPWORDS.contains(&name);
    let start = t.end + 1;
    plausible.then_some((start, start + end))
}

fn zh_name_after(text: &str, at: usize) -> Option<(usize, usize)> {
    let rest = &text[at..];
    let chars: Vec<(usize, char)> = rest.char_indices().take(30).collect();
    let first = chars.first()?.1;
    if !hanzi_surname(first) {
        return None;
    }
    // An ethnic name: parts joined by a middle dot.
    let dot = chars.iter().position(|(_, c)| *c == '·').filter(|dot| {
        chars[..*dot]
            .iter()
            .all(|(_, c)| is_han(*c) && !ZH_STOPS.contains(*c))
    });
    if let Some(dot) = dot {
        let end = chars
            .iter()
            .skip(dot + 1)
            .take_while(|(_, c)| is_han(*c) && !ZH_STOPS.contains(*c))
            .last()
            .map(|(i, c)| i + c.len_utf8())?;
        return Some((at, at + end));
    }
    let is_name_char = |c: char| is_han(c) && !ZH_STOPS.contains(c);
    let len = chars
        .iter()
        .take(3)
        .take_while(|(_, c)| is_name_char(*c))
        .count();
    let len = if len == 3 { 3 } else { len };
    if len < 2 {
        return None;
    }
    let end = chars.get(len).map_or(rest.len(), |(i, _)| *i);
    Some((at, at + end))
}

fn context_side(text: &str, before: usize) -> Option<Side> {
    let head: String = text[..before]
        .chars()
        .rev()
        .take(14)
        .collect::<String>()
        .chars()
        .rev()
        .collect();
    let china = ["Chinese", "China's", "중국", "中国", "中", "中方"];
    // `韩中城市友好协会会长`: a body named Korea-first in a Chinese report is Korea's.
    let korea = [
        "South Korea",
        "Korean",
        "한국",
        "韩国",
        "韓國",
        "韩中",
        "韓中",
        "韩方",
    ];
    let last = |words: &[&str]| {
        words
            .iter()
            .flat_map(|w| head.match_indices(w).map(|(i, w)| i + w.len()))
            .filter(|end| !head[..*end].ends_with("韩中") && !head[..*end].ends_with("韓中"))
            .max()
    };
    let c = last(&china);
    let k = korea
        .iter()
        .flat_map(|w| head.match_indices(w).map(|(i, w)| i + w.len()))
        .max();
    match (c, k) {
        (Some(c), Some(k)) => Some(if c > k { Side::China } else { Side::Korea }),
        (Some(_), None) => Some(Side::China),
        (None, Some(_)) => Some(Side::Korea),
        _ => None,
    }
}

/// The office a title belongs to: the place named right before it (`Qingdao Mayor`,
/// `山东省副省长`, `인천시장`), or after `of` in the same clause (`governor of China's Hainan
/// Province`).
fn office<'a>(text: &str, hits: &'a [Hit], t: &TitleHit, lang: Lang) -> Vec<&'a Hit> {
    // English: the words between are checked below (`Dalian's Communist Party chief`).
    let reach_back = if lang == Lang::En { 30 } else { 40 };
    let delimiters: &[char] = if lang == Lang::En {
        &[',', ';', '(', '"']
    } else {
        &[',', '，', '、', '。', ';', '“', '"']
    };
    let clause_start = text[..t.start].rfind(delimiters).map_or(0, |i| i + 1);
    let mut out: Vec<&Hit> = hits
        .iter()
        .filter(|h| {
            h.official().is_none()
                && t.gap_after(text, h.start, h.end).is_some()
                && h.start >= clause_start
                && t.start.saturating_sub(h.end) <= reach_back
        })
        .collect();
    if lang == Lang::En {
        // `Qingdao Mayor`, `Dalian's Communist Party chief`: the place, its possessive and
        // the words of the office's name.
        out.retain(|h| {
            let gap = t.gap_after(text, h.start, h.end).unwrap_or_default();
            let rest = gap.trim();
            let rest = rest
                .strip_prefix("'s")
                .or_else(|| rest.strip_prefix("’s"))
                .unwrap_or(rest);
            rest.split_whitespace().all(|w| {
                [
                    "Communist",
                    "CPC",
                    "CCP",
                    "Provincial",
                    "Municipal",
                    "City",
                    "Party",
                ]
                .contains(&w)
            })
        });
        let after = &text[t.end..];
        let clause_end = after.find([',', ';', '.', '(']).map_or(after.len(), |i| i);
        if after.trim_start().starts_with("of") || after.trim_start().starts_with("for") {
            out.extend(hits.iter().filter(|h| {
                h.official().is_none() && h.start >= t.end && h.start < t.end + clause_end
            }));
        }
    }
    out
}

/// The Korean-text name a title follows: the nearest name-like word before it, past the
/// office's words (`마쥔윈 빈저우시 당 선전부장`, `샤오샹양(肖向陽) 중국 구이저우성 ... 주임위원`),
/// never past another title or person.
fn korean_name_before(
    text: &str,
    hits: &[Hit],
    mentions: &[Mention],
    si: usize,
    title_start: usize,
    titles: &[TitleHit],
    side: Side,
) -> Option<(usize, usize)> {
    let head = &text[..title_start];
    let mut end = head.trim_end().len();
    // A title glued to the word before it (`아주처장`, `국제협력팀장`): that word is the office.
    let glued = !head.is_empty() && end == head.len();
    for step in 0..7 {
        let token_start = head[..end].rfind(char::is_whitespace).map_or(0, |i| i + 1);
        let token = &head[token_start..end];
        if token.is_empty() {
            return None;
        }
        if let Some(m) = mentions
            .iter()
            .find(|m| m.sentence == si && m.start < end && m.end > token_start)
        {
            return Some((m.start, m.end));
        }
        if titles
            .iter()
            .any(|t| t.start >= token_start && t.end <= end)
            && end != head.trim_end().len()
        {
            return None;
        }
        let core_end = token
            .char_indices()
            .find(|(_, c)| !is_hangul(*c))
            .map_or(token.len(), |(i, _)| i);
        let core = &token[..core_end];
        let paren = paren_after(token, core_end);
        let paren_is_place = paren.as_ref().is_some_and(|p| {
            hits.iter()
                .any(|h| h.official().is_none() && text[h.start..h.end].contains(p.as_str()))
        });
        let is_place = hits
            .iter()
            .any(|h| h.official().is_none() && h.start <= token_start + 3 && h.end > token_start);
        let n = core.chars().count();
        // `중훙장 산시성 부성장`: Shanxi and Shaanxi share one Korean spelling, so the
        // gazetteer cannot hold it bare; before a title it is the office, not a name.
        // `니마오강(倪懋鋼) 푸양구 판공실 부주임`: a word ending as a district, county or bureau
        // does (`푸양구`, `유현`, `상무청`) is the office the name comes before.
        let unknown_office = ["산시성", "산시"].contains(&core)
            || (n >= 3
                && paren.is_none()
                && !is_korean_name(core)
                && core.ends_with(['구', '현', '청', '국', '처']));
        let office_word = (glued && step == 0 && !is_place) || unknown_office;
        // `왕 서기`: a surname before a title is a later mention, not a new name.
        if n == 1
            && end == head.trim_end().len()
            && !["당", "시", "도", "성", "현", "구", "군", "주"].contains(&core)
        {
            return None;
        }
        let plausible = paren.is_some()
            || (is_korean_name(core) && side != Side::China)
            || (side != Side::Korea
                && romanize::chinese_from_hangul(core).is_some()
                && !is_korean_word(core));
        // `황융중(黃永忠)` is a name; `창주탄(長株潭)일체화발전센터`, with words glued after the
        // characters, is a body's name.
        let rest_is_paren_only = core_end == token.len()
            || (token[core_end..].starts_with(['(', '（'])
                && token[core_end..].find([')', '）']).is_some_and(|close| {
                    !token[core_end + close..].chars().skip(1).any(is_hangul)
                }));
        if (2..=5).contains(&n)
            && !office_word
            && rest_is_paren_only
            && !is_place
            && !paren_is_place
            && !HANGUL_STOPWORDS.contains(&core)
            && plausible
        {
            return Some((token_start, token_start + core_end));
        }
        // A quote opens before this word: what stands before it is another clause.
        if token.starts_with(['"', '“', '\'', '‘', '「', '『', '《']) {
            return None;
        }
        end = token_start.saturating_sub(1);
        if end == 0 {
            return None;
        }
        while end > 0 && !head.is_char_boundary(end) {
            end -= 1;
        }
    }
    None
}

/// Words a Korean report puts before a title that read like a transliterated name.
fn is_korean_word(w: &str) -> bool {
    const ENDINGS: [char; 12] = [
        '은', '는', '이', '가', '을', '를', '의', '에', '서', '과', '와', '도',
    ];
    (w.ends_with(ENDINGS) && !romanize::ends_in_chinese_i(w))
        || ["오후", "오전", "이날", "당일", "지난", "관련"].contains(&w)
}

fn is_korean_name(run: &str) -> bool {
    let n = run.chars().count();
    let first: String = run.chars().take(1).collect();
    (n == 3 || n == 2) && romanize::korean_surname(&first)
}

pub fn find(doc: &Doc, lexicon: &Lexicon) -> Found {
    let mut found = Found {
        people: Vec::new(),
        mentions: Vec::new(),
        hits: Vec::new(),
        titles: Vec::new(),
    };
    for s in &doc.sentences {
        found.hits.push(lexicon.find(&s.text));
        // A loose title (`시장` apart from the word before it) is one after a place.
        let hits = found.hits.last().expect("pushed");
        let titles = titles::find(&s.text)
            .into_iter()
            .filter(|t| {
                !t.loose
                    || hits.iter().any(|h| {
                        h.official().is_none()
                            && h.end <= t.start
                            && (s.text[h.end..t.start].trim().is_empty()
                                || office_of_place(&s.text[h.start..t.start]))
                    })
                    || korean_name_in_brackets_after(&s.text, t).is_some()
                    || full_name_before(&s.text, t)
            })
            .collect();
        found.titles.push(titles);
    }
    // Known officials, by any alias.
    for (si, hits) in found.hits.iter().enumerate() {
        for h in hits {
            if let Some((name, country)) = h.official() {
                let side = match country {
                    "China" => Side::China,
                    "Korea" => Side::Korea,
                    _ => Side::Other,
                };
                let p = person_index(&mut found.people, name, true, side);
                let surface = &doc.sentences[si].text[h.start..h.end];
                let person = &mut found.people[p];
                if !surface.is_ascii() {
                    if person.local.is_none() && surface.chars().any(is_hangul) {
                        person.local = Some(surface.to_string());
                    }
                    if !person.forms.iter().any(|f| f == surface) {
                        person.forms.push(surface.to_string());
                    }
                }
                found.mentions.push(Mention {
                    sentence: si,
                    start: h.start,
                    end: h.end,
                    person: p,
                });
            }
        }
    }
    // Titles: the person they name and the office they belong to.
    for (si, s) in doc.sentences.iter().enumerate() {
        let text = &s.text;
        let hits = found.hits[si].clone();
        for t in found.titles[si].clone() {
            let offices = office(text, &hits, &t, doc.lang);
            let known_near = found.mentions.iter().find(|m| {
                m.sentence == si
                    && ((m.end <= t.start && t.start - m.end <= 40 && doc.lang != Lang::Zh)
                        || (m.start >= t.end && m.start - t.end <= 3))
            });
            let span = match doc.lang {
                Lang::En => english_name_after(text, t.end)
                    .filter(|(a, _)| *a - t.end <= 2)
                    .or_else(|| english_name_before(text, t.start)),
                Lang::Zh => zh_name_after(text, t.end),
                Lang::Ko => korean_name_in_paren_after(text, t.end)
                    .or_else(|| korean_name_in_brackets_after(text, &t))
                    .or_else(|| {
                        korean_name_before(
                            text,
                            &hits,
                            &found.mentions,
                            si,
                            t.start,
                            &found.titles[si],
                            t.title.side,
                        )
                    }),
            };
            // A known official already named here: the title describes them.
            let covering = span.and_then(|(a, b)| {
                found
                    .mentions
                    .iter()
                    .find(|m| m.sentence == si && m.start < b && m.end > a)
                    .map(|m| m.person)
            });
            let person = if covering.is_some() {
                covering
            } else if let Some(m) = known_near {
                span.is_none().then_some(m.person)
            } else {
                None
            };
            let person = match (person, span) {
                (Some(p), _) => p,
                (None, Some((a, b))) => {
                    let surface = text[a..b].trim().to_string();
                    let chinese_office = offices
                        .iter()
                        .any(|h| h.province().is_some() || !h.cities().is_empty());
                    new_person(&mut found, doc, si, &surface, (a, b), &t, chinese_office)
                }
                (None, None) => continue,
            };
            let p = &mut found.people[person];
            if p.title.is_none() || p.rank().weight() < t.title.rank.weight() {
                p.title = Some(t.title);
                p.evidence = Some(si);
            }
            for h in offices {
                if let Some(prov) = h.province() {
                    p.province.get_or_insert_with(|| prov.to_string());
                }
                if let Some((city, prov, county)) = h.cities().first().copied() {
                    if county {
                        p.county.get_or_insert_with(|| city.to_string());
                    } else {
                        p.city
                            .get_or_insert_with(|| (city.to_string(), prov.to_string()));
                    }
                    p.province.get_or_insert_with(|| prov.to_string());
                }
                if let Some(place) = h.place() {
                    p.place.get_or_insert_with(|| place.to_string());
                }
            }
            if p.side == Side::Either || (p.side == Side::Other && !p.known) {
                p.side = match t.title.side {
                    Side::Either => {
                        if p.province.is_some() {
                            Side::China
                        } else if p.place.is_some() {
                            Side::Korea
                        } else {
                            context_side(text, t.start).unwrap_or(Side::Either)
                        }
                    }
                    s => s,
                };
            }
            if !p.known && p.title_text.is_none() {
                let of = p
                    .city
                    .as_ref()
                    .map(|c| c.0.clone())
                    .or(p.province.clone())
                    .or(p.place.clone());
                p.title_text = Some(match of {
                    Some(o) => format!("{} of {o}", t.title.english),
                    None => t.title.english.to_string(),
                });
            }
        }
    }
    if doc.lang == Lang::En {
        korean_names_untitled(doc, &mut found);
    }
    for p in &mut found.people {
        if p.side == Side::Either {
            p.side = guess_side(p);
        }
        // China's ministers are national officials, not a province's.
        if p.side == Side::China
            && let Some(t) = &mut p.title
            && t.english.contains("Minister")
            && t.rank != Rank::Resident
        {
            t.rank = Rank::National;
        }
    }
    known_in_another_script(&mut found, lexicon);
    later_mentions(doc, &mut found);
    found
}

/// Korean names in an English report that no title introduced (`Liang and Yoon Joo-young,
/// the province's investment and trade policy officer, met ...`): a Korean surname and a
/// hyphenated given name (`Joo-young`), the way Korean names alone are romanized, name a
/// Korean; their office is for the reader to fill in.
fn korean_names_untitled(doc: &Doc, found: &mut Found) {
    static NAME: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"\b([A-Z][a-z]{0,6}) ([A-Z][a-z]{1,5}-[a-z]{2,5}), (?:the|a|an) [^,;.]{0,60}\b(?:officer|official|director|chief|head|lawmaker|chair(?:man|woman)?|president|secretary|minister|governor|mayor|speaker|commissioner|envoy|ambassador|consul)\b",
        )
    });
    for (si, s) in doc.sentences.iter().enumerate() {
        for c in NAME.captures_iter(&s.text) {
            let (Some(first), Some(given)) = (c.get(1), c.get(2)) else {
                continue;
            };
            let (start, end) = (first.start(), given.end());
            let surname = first.as_str();
            if !KOREAN_ROMAN_SURNAMES
                .split(' ')
                .any(|x| x == surname.to_lowercase())
            {
                continue;
            }
            let taken = found
                .mentions
                .iter()
                .any(|x| x.sentence == si && x.start < end && x.end > start);
            if taken {
                continue;
            }
            let p = person_index(&mut found.people, &s.text[start..end], false, Side::Korea);
            let person = &mut found.people[p];
            person.surname.get_or_insert_with(|| surname.to_string());
            person.evidence.get_or_insert(si);
            found.mentions.push(Mention {
                sentence: si,
                start,
                end,
                person: p,
            });
        }
    }
}

/// Someone on record written in another script than the record has (`吴世勋` for 오세훈,
/// `신창싱` for Xin Changxing): matched by the Korean reading of the characters and by the
/// romanized name, so Confirm does not propose them anew.
fn known_in_another_script(found: &mut Found, lexicon: &Lexicon) {
    for p in found.people.iter_mut().filter(|p| !p.known) {
        let mut readings = vec![p.name.clone()];
        for form in p.forms.iter().chain(p.local.iter()) {
            if form.chars().all(is_han) {
                readings.extend(romanize::hangul_reading(form));
            }
        }
        let on_record = readings.iter().find_map(|r| {
            if let Some(side) = lexicon.sides.get(r) {
                return Some((r.clone(), side.clone()));
            }
            lexicon
                .find(r)
                .into_iter()
                .find(|h| h.start == 0 && h.end == r.len())
                .and_then(|h| h.official().map(|(n, c)| (n.to_string(), c.to_string())))
        });
        if let Some((name, country)) = on_record {
            p.name = name;
            p.known = true;
            p.side = match country.as_str() {
                "China" => Side::China,
                "Korea" => Side::Korea,
                _ => p.side,
            };
        }
    }
    // Found under both scripts: one person, the first found.
    for i in 0..found.people.len() {
        if let Some(first) = (0..i).find(|j| found.people[*j].name == found.people[i].name) {
            for m in found.mentions.iter_mut().filter(|m| m.person == i) {
                m.person = first;
            }
        }
    }
}

fn guess_side(p: &Person) -> Side {
    match &p.local {
        Some(l) if l.chars().all(is_han) => Side::China,
        Some(l) if l.chars().all(is_hangul) && is_korean_name(l) => Side::Korea,
        _ if p.name.contains('-') => Side::Korea,
        _ => Side::Either,
    }
}

fn person_index(people: &mut Vec<Person>, name: &str, known: bool, side: Side) -> usize {
    if let Some(i) = people.iter().position(|p| p.name == name) {
        return i;
    }
    people.push(Person {
        name: name.to_string(),
        known,
        local: None,
        aliases: Vec::new(),
        side,
        title: None,
        province: None,
        city: None,
        county: None,
        place: None,
        title_text: None,
        forms: vec![name.to_string()],
        surname: None,
        evidence: None,
        guessed: false,
    });
    people.len() - 1
}

fn new_person(
    found: &mut Found,
    doc: &Doc,
    si: usize,
    surface: &str,
    (a, b): (usize, usize),
    t: &TitleHit,
    chinese_office: bool,
) -> usize {
    let text = &doc.sentences[si].text;
    let paren = paren_after(text, b);
    let mut guessed = false;
    let (name, local, surname) = if surface.chars().any(is_hangul) {
        // `류화 장자제시 시장`: the office of a Chinese city is a Chinese official's, whose
        // name may read as a Korean one too.
        let chinese_title = t.title.side == Side::China
            || (chinese_office && romanize::chinese_from_hangul(surface).is_some());
        // A name with its characters in brackets is Chinese in a Korean report; so is one
        // that reads as Chinese and not as Korean.
        let chinese = chinese_title
            || paren.is_some()
            || (!is_korean_name(surface) && romanize::chinese_from_hangul(surface).is_some());
        if chinese {
            let name = paren
                .as_deref()
                .map(romanize::chinese)
                .or_else(|| romanize::chinese_from_hangul(surface))
                .unwrap_or_else(|| surface.to_string());
            (
                name,
                Some(surface.to_string()),
                surface.chars().take(1).collect(),
            )
        } else {
            (
                romanize::korean(surface),
                Some(surface.to_string()),
                surface.chars().take(1).collect(),
            )
        }
    } else if surface.chars().any(is_han) {
        let korean = text[b..].starts_with("（音译）") || text[b..].starts_with("(音译)");
        if korean {
            guessed = true;
        }
        (
            romanize::chinese(surface),
            Some(surface.to_string()),
            surface.chars().take(1).collect(),
        )
    } else {
        let surname = surface.split_whitespace().next().unwrap_or("").to_string();
        (surface.to_string(), paren.clone(), surname)
    };
    // `마오 상무부성장`: a Chinese surname of two syllables, alone before a title, is a later
    // mention of the Chinese official whose name begins with it.
    let surname_of = |p: &Person| {
        surface.chars().count() == 2
            && surface.chars().all(is_hangul)
            && p.side != Side::Korea
            && p.forms.iter().any(|f| {
                f.len() > surface.len() && f.starts_with(surface) && f.chars().all(is_hangul)
            })
    };
    // The same person met under another form (English name and a Hanzi in brackets).
    if let Some(i) = found.people.iter().position(|p| {
        p.name == name || local.as_ref().is_some_and(|l| p.forms.contains(l)) || surname_of(p)
    }) {
        let p = &mut found.people[i];
        if !p.forms.iter().any(|f| f == surface) {
            p.forms.push(surface.to_string());
        }
        found.mentions.push(Mention {
            sentence: si,
            start: a,
            end: b,
            person: i,
        });
        return i;
    }
    let korean_in_chinese = surface.chars().all(is_han)
        && (text[b..].starts_with("（音译）") || text[b..].starts_with("(音译)"));
    let side = if korean_in_chinese {
        Side::Korea
    } else if (surface.chars().any(is_hangul)
        && (paren.is_some()
            || (!is_korean_name(surface) && romanize::chinese_from_hangul(surface).is_some())))
        || surface.is_ascii() && surface.split_whitespace().nth(1).is_some_and(pinyin_given)
    {
        Side::China
    } else {
        Side::Either
    };
    let mut forms = vec![surface.to_string()];
    let mut aliases = Vec::new();
    if let Some(p) = &paren {
        aliases.push(p.clone());
        forms.push(p.clone());
    }
    if name != surface {
        forms.push(name.clone());
    }
    found.people.push(Person {
        name,
        known: false,
        local: local.or(paren.clone()),
        aliases,
        side,
        title: None,
        province: None,
        city: None,
        county: None,
        place: None,
        title_text: None,
        forms,
        surname: Some(surname),
        evidence: Some(si),
        guessed,
    });
    let i = found.people.len() - 1;
    found.mentions.push(Mention {
        sentence: si,
        start: a,
        end: b,
        person: i,
    });
    i
}

/// Later mentions: full forms anywhere, surnames where they stand alone.
fn later_mentions(doc: &Doc, found: &mut Found) {
    for (i, p) in found.people.iter_mut().enumerate() {
        if p.surname.is_none() {
            // A known official: their surname from the romanized name or the local form.
            p.surname = if p.name.contains(' ') {
                p.name.split_whitespace().next().map(String::from)
            } else {
                None
            };
        }
        let _ = i;
    }
    let mut extra = Vec::new();
    for (si, s) in doc.sentences.iter().enumerate() {
        let taken: Vec<(usize, usize)> = found
            .mentions
            .iter()
            .filter(|m| m.sentence == si)
            .map(|m| (m.start, m.end))
            .collect();
        let free = |a: usize, b: usize, extra: &[Mention]| {
            taken.iter().all(|(x, y)| b <= *x || a >= *y)
                && extra
                    .iter()
                    .filter(|m| m.sentence == si)
                    .all(|m| b <= m.start || a >= m.end)
        };
        for (pi, p) in found.people.iter().enumerate() {
            for form in &p.forms {
                if form.chars().count() < 2 {
                    continue;
                }
                for (a, _) in s.text.match_indices(form.as_str()) {
                    let b = a + form.len();
                    if free(a, b, &extra) {
                        extra.push(Mention {
                            sentence: si,
                            start: a,
                            end: b,
                            person: pi,
                        });
                    }
                }
            }
        }
        // Surnames: `Liu said` (English), `류 서기는` (Korean, before a title).
        static EN_SURNAME: LazyLock<Regex> =
            LazyLock::new(|| re(r"\b([A-Z][a-z]{1,7})\b(\s+[A-Z][a-z]+)?"));
        static KO_SURNAME: LazyLock<Regex> = LazyLock::new(|| {
            re(
                r"(^|[^가-힣])([가-힣])\s(서기|당서기|부성장|성장|시장|지사|도지사|총리|장관|부지사|의장|회장|부주임|주임|단장|대사|차관|부시장|비서장|선전부장|위원장|주임위원)",
            )
        });
        match doc.lang {
            Lang::En => {
                for c in EN_SURNAME.captures_iter(&s.text) {
                    if c.get(2).is_some() {
                        continue;
                    }
                    let m = c.get(1).expect("group");
                    let word = m.as_str();
                    if !free(m.start(), m.end(), &extra) {
                        continue;
                    }
                    let candidates: Vec<usize> = found
                        .people
                        .iter()
                        .enumerate()
                        .filter(|(_, p)| p.surname.as_deref() == Some(word))
                        .map(|(i, _)| i)
                        .collect();
                    let pick = match candidates.as_slice() {
                        [] => None,
                        [one] => Some(*one),
                        many => most_recent(found, &extra, si, many),
                    };
                    if let Some(pi) = pick {
                        extra.push(Mention {
                            sentence: si,
                            start: m.start(),
                            end: m.end(),
                            person: pi,
                        });
                    }
                }
            }
            Lang::Ko => {
                for c in KO_SURNAME.captures_iter(&s.text) {
                    let m = c.get(2).expect("group");
                    let title = &c[3];
                    let candidates: Vec<usize> = found
                        .people
                        .iter()
                        .enumerate()
                        .filter(|(_, p)| {
                            p.local
                                .as_deref()
                                .or(p
                                    .forms
                                    .iter()
                                    .find(|f| f.chars().all(is_hangul))
                                    .map(|f| f.as_str()))
                                .is_some_and(|l| l.starts_with(m.as_str()))
                                && compatible(p, title)
                        })
                        .map(|(i, _)| i)
                        .collect();
                    let pick = match candidates.as_slice() {
                        [] => None,
                        [one] => Some(*one),
                        many => most_recent(found, &extra, si, many),
                    };
                    if let Some(pi) = pick
                        && free(m.start(), m.end(), &extra)
                    {
                        extra.push(Mention {
                            sentence: si,
                            start: m.start(),
                            end: c.get(3).expect("group").end(),
                            person: pi,
                        });
                    }
                }
            }
            Lang::Zh => {}
        }
    }
    found.mentions.extend(extra);
    found.mentions.sort_by_key(|m| (m.sentence, m.start, m.end));
}

fn compatible(p: &Person, title: &str) -> bool {
    let Some(t) = p.title else { return true };
    match title {
        "서기" | "당서기" => t.rank == Rank::PartySecretary,
        "부성장" => t.rank == Rank::ViceGovernor,
        "성장" => t.rank == Rank::Governor,
        "시장" => matches!(t.rank, Rank::Mayor | Rank::Governor),
        "지사" | "도지사" => t.rank == Rank::Governor,
        "부지사" => t.rank == Rank::ViceGovernor,
        _ => true,
    }
}

fn most_recent(found: &Found, extra: &[Mention], si: usize, candidates: &[usize]) -> Option<usize> {
    found
        .mentions
        .iter()
        .chain(extra.iter())
        .filter(|m| m.sentence <= si && candidates.contains(&m.person))
        .max_by_key(|m| (m.sentence, m.start))
        .map(|m| m.person)
}
