//! Romanized names for officials proposed by intake: Korean names in Hangul by Revised
//! Romanization with the spellings Korean media use for surnames and name syllables
//! (오세훈 → Oh Se-hoon: an approximation the moderator can correct), Chinese names in
//! Hanzi by pinyin (信长星 → Xin Changxing), and Chinese names in Korean transliteration
//! back to pinyin (자오하이산 → Zhao Haishan) by inverting the National Institute of Korean
//! Language's table for Chinese (the one tools/gen_cities.py writes Korean city names with).

use std::collections::HashMap;
use std::sync::LazyLock;

use pinyin::{ToPinyin, ToPinyinMulti};

use super::sentences::{is_han, is_hangul};

const KOREAN_SURNAMES: &[(&str, &str)] = &[
    ("남궁", "Namgoong"),
    ("황보", "Hwangbo"),
    ("제갈", "Jegal"),
    ("선우", "Sunwoo"),
    ("독고", "Dokgo"),
    ("사공", "Sagong"),
    ("김", "Kim"),
    ("이", "Lee"),
    ("박", "Park"),
    ("최", "Choi"),
    ("정", "Jung"),
    ("강", "Kang"),
    ("조", "Cho"),
    ("윤", "Yoon"),
    ("장", "Jang"),
    ("임", "Lim"),
    ("한", "Han"),
    ("오", "Oh"),
    ("서", "Seo"),
    ("신", "Shin"),
    ("권", "Kwon"),
    ("황", "Hwang"),
    ("안", "Ahn"),
    ("송", "Song"),
    ("유", "Yoo"),
    ("류", "Ryu"),
    ("홍", "Hong"),
    ("전", "Jeon"),
    ("고", "Ko"),
    ("문", "Moon"),
    ("양", "Yang"),
    ("손", "Son"),
    ("배", "Bae"),
    ("백", "Baek"),
    ("허", "Heo"),
    ("남", "Nam"),
    ("심", "Shim"),
    ("노", "Noh"),
    ("하", "Ha"),
    ("곽", "Kwak"),
    ("성", "Sung"),
    ("차", "Cha"),
    ("주", "Joo"),
    ("우", "Woo"),
    ("구", "Koo"),
    ("민", "Min"),
    ("나", "Na"),
    ("진", "Jin"),
    ("지", "Ji"),
    ("엄", "Eom"),
    ("채", "Chae"),
    ("원", "Won"),
    ("천", "Cheon"),
    ("방", "Bang"),
    ("공", "Kong"),
    ("현", "Hyun"),
    ("함", "Ham"),
    ("변", "Byun"),
    ("염", "Yeom"),
    ("여", "Yeo"),
    ("추", "Choo"),
    ("도", "Do"),
    ("석", "Seok"),
    ("선", "Sun"),
    ("설", "Seol"),
    ("마", "Ma"),
    ("길", "Gil"),
    ("연", "Yeon"),
    ("위", "Wi"),
    ("표", "Pyo"),
    ("명", "Myung"),
    ("기", "Ki"),
    ("반", "Ban"),
    ("왕", "Wang"),
    ("금", "Keum"),
    ("옥", "Ok"),
    ("육", "Yook"),
    ("인", "In"),
    ("맹", "Maeng"),
    ("제", "Je"),
    ("모", "Mo"),
    ("탁", "Tak"),
    ("국", "Kook"),
    ("어", "Eo"),
    ("은", "Eun"),
    ("편", "Pyeon"),
    ("용", "Yong"),
    ("예", "Ye"),
    ("경", "Kyung"),
    ("봉", "Bong"),
    ("부", "Boo"),
];

/// Is this syllable a common Korean surname?
pub fn korean_surname(first: &str) -> bool {
    KOREAN_SURNAMES.iter().any(|(h, _)| *h == first)
}

/// Name syllables as media usually spell them (RR would write hun, su, hyeon, yeong ...).
const MEDIA: &[(&str, &str)] = &[
    ("훈", "hoon"),
    ("순", "soon"),
    ("수", "soo"),
    ("우", "woo"),
    ("주", "joo"),
    ("현", "hyun"),
    ("영", "young"),
    ("형", "hyung"),
    ("경", "kyung"),
    ("병", "byung"),
    ("명", "myung"),
    ("석", "seok"),
    ("섭", "seob"),
    ("식", "sik"),
    ("욱", "wook"),
    ("희", "hee"),
    ("철", "chul"),
    ("윤", "yoon"),
    ("준", "joon"),
    ("중", "joong"),
    ("성", "sung"),
    ("선", "sun"),
    ("춘", "choon"),
    ("혁", "hyuk"),
    ("택", "taek"),
    ("복", "bok"),
    ("규", "kyu"),
    ("정", "jung"),
];

const INITIALS: [&str; 19] = [
    "g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p",
    "h",
];
const VOWELS: [&str; 21] = [
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we",
    "wi", "yu", "eu", "ui", "i",
];
const FINALS: [&str; 28] = [
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p",
    "t", "t", "ng", "t", "t", "k", "t", "p", "t",
];

fn rr_syllable(c: char) -> String {
    let Some(code) = (c as u32).checked_sub(0xAC00).filter(|n| *n < 11172) else {
        return c.to_string();
    };
    let (i, v, f) = (code / 588, (code % 588) / 28, code % 28);
    let initial = if i == 5 { "r" } else { INITIALS[i as usize] };
    format!("{initial}{}{}", VOWELS[v as usize], FINALS[f as usize])
}

fn capitalized(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// A Korean name in Hangul, romanized: 오세훈 → Oh Se-hoon, 김동연 → Kim Dong-yeon.
pub fn korean(name: &str) -> String {
    let name: String = name.chars().filter(|c| is_hangul(*c)).collect();
    let (surname, given) = KOREAN_SURNAMES
        .iter()
        .find(|(h, _)| name.starts_with(h) && name.chars().count() > h.chars().count())
        .map(|(h, r)| (r.to_string(), &name[h.len()..]))
        .unwrap_or_else(|| {
            let first = name.chars().next().unwrap_or(' ');
            (
                capitalized(&rr_syllable(first)),
                &name[first.len_utf8().min(name.len())..],
            )
        });
    let parts: Vec<String> = given
        .chars()
        .enumerate()
        .map(|(i, c)| {
            let media = MEDIA
                .iter()
                .find(|(h, _)| h.starts_with(c))
                .map(|(_, r)| r.to_string());
            let mut s = media.unwrap_or_else(|| rr_syllable(c));
            // RR writes ㄹ as l at a syllable's end, r at its start (but "ri" reads as "li"
            // in no name): keep r.
            if i > 0 && s.starts_with('r') {
                s = format!("r{}", &s[1..]);
            }
            s
        })
        .collect();
    if parts.is_empty() {
        return surname;
    }
    format!("{surname} {}", capitalized(&parts.join("-")))
}

/// Two-character Chinese surnames.
const COMPOUND_SURNAMES: &[&str] = &[
    "欧阳", "司马", "上官", "诸葛", "东方", "夏侯", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙",
    "宇文", "司徒", "轩辕", "端木", "歐陽", "諸葛",
];

/// Surnames whose reading differs from the character's first reading.
const SURNAME_READINGS: &[(char, &str)] = &[
    ('单', "shan"),
    ('單', "shan"),
    ('曾', "zeng"),
    ('解', "xie"),
    ('仇', "qiu"),
    ('查', "zha"),
    ('区', "ou"),
    ('區', "ou"),
    ('朴', "piao"),
    ('乐', "yue"),
    ('樂', "yue"),
    ('缪', "miao"),
    ('翟', "zhai"),
    ('覃', "qin"),
    ('盖', "ge"),
    ('尉', "yu"),
    ('沈', "shen"),
    ('任', "ren"),
    ('华', "hua"),
    ('華', "hua"),
    ('纪', "ji"),
    ('召', "shao"),
    ('秘', "bi"),
    ('阚', "kan"),
    ('贾', "jia"),
    ('賈', "jia"),
    ('叶', "ye"),
    ('葉', "ye"),
    ('石', "shi"),
    ('万', "wan"),
    ('萬', "wan"),
    ('折', "she"),
    ('长', "chang"),
];

/// Given-name characters whose usual reading in names is not the first one listed.
const NAME_READINGS: &[(char, &str)] = &[
    ('长', "chang"),
    ('長', "chang"),
    ('行', "xing"),
    ('重', "chong"),
    ('乐', "le"),
    ('朝', "chao"),
    ('调', "tiao"),
    ('茜', "qian"),
    ('伯', "bo"),
    ('艾', "ai"),
];

fn char_pinyin(c: char) -> Option<String> {
    if let Some((_, r)) = NAME_READINGS.iter().find(|(h, _)| *h == c) {
        return Some(r.to_string());
    }
    c.to_pinyin()
        .map(|p| p.plain().replace('ü', "v").replace("v", "ü"))
}

/// A Chinese name in Hanzi as pinyin: 信长星 → Xin Changxing; an ethnic name's parts
/// (separated by a middle dot) each capitalized: 木合亚提·加尔木哈买提 → Muheyati
/// Jiaermuhamaiti.
pub fn chinese(name: &str) -> String {
    let parts: Vec<&str> = name
        .split(['·', '・', '•', '‧'])
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() > 1 {
        return parts
            .iter()
            .map(|p| capitalized(&p.chars().filter_map(char_pinyin).collect::<String>()))
            .collect::<Vec<_>>()
            .join(" ");
    }
    let chars: Vec<char> = name.chars().filter(|c| is_han(*c)).collect();
    if chars.is_empty() {
        return name.to_string();
    }
    let two: String = chars.iter().take(2).collect();
    let surname_len = if chars.len() > 2 && COMPOUND_SURNAMES.contains(&two.as_str()) {
        2
    } else {
        1
    };
    let surname: String = chars[..surname_len]
        .iter()
        .filter_map(|c| {
            SURNAME_READINGS
                .iter()
                .find(|(h, _)| h == c)
                .map(|(_, r)| r.to_string())
                .or_else(|| char_pinyin(*c))
        })
        .collect();
    let given: String = chars[surname_len..]
        .iter()
        .filter_map(|c| char_pinyin(*c))
        .collect();
    if given.is_empty() {
        capitalized(&surname)
    } else {
        format!("{} {}", capitalized(&surname), capitalized(&given))
    }
}

// Pinyin → Hangul, as tools/gen_cities.py writes it (외래어 표기법, 중국어), inverted below.
const INITIAL_JAMO: &[(&str, u32)] = &[
    ("zh", 12),
    ("ch", 14),
    ("sh", 9),
    ("b", 7),
    ("p", 17),
    ("m", 6),
    ("f", 17),
    ("d", 3),
    ("t", 16),
    ("n", 2),
    ("l", 5),
    ("g", 0),
    ("k", 15),
    ("h", 18),
    ("j", 12),
    ("q", 14),
    ("x", 9),
    ("r", 5),
    ("z", 13),
    ("c", 14),
    ("s", 10),
];
const FINAL_HANGUL: &[(&str, &str)] = &[
    ("a", "아"),
    ("o", "오"),
    ("e", "어"),
    ("ai", "아이"),
    ("ei", "에이"),
    ("ao", "아오"),
    ("ou", "어우"),
    ("an", "안"),
    ("en", "언"),
    ("ang", "앙"),
    ("eng", "엉"),
    ("ong", "웅"),
    ("i", "이"),
    ("ia", "야"),
    ("ie", "예"),
    ("iao", "야오"),
    ("iu", "유"),
    ("ian", "옌"),
    ("in", "인"),
    ("iang", "양"),
    ("ing", "잉"),
    ("iong", "융"),
    ("u", "우"),
    ("ua", "와"),
    ("uo", "워"),
    ("uai", "와이"),
    ("ui", "우이"),
    ("uan", "완"),
    ("un", "운"),
    ("uang", "왕"),
    ("ü", "위"),
    ("üe", "웨"),
    ("üan", "위안"),
    ("ün", "윈"),
];
const ZERO_HANGUL: &[(&str, &str)] = &[
    ("a", "아"),
    ("o", "오"),
    ("e", "어"),
    ("ai", "아이"),
    ("ei", "에이"),
    ("ao", "아오"),
    ("ou", "어우"),
    ("an", "안"),
    ("en", "언"),
    ("ang", "앙"),
    ("eng", "엉"),
    ("er", "얼"),
    ("yi", "이"),
    ("ya", "야"),
    ("ye", "예"),
    ("yao", "야오"),
    ("you", "유"),
    ("yan", "옌"),
    ("yin", "인"),
    ("yang", "양"),
    ("ying", "잉"),
    ("yong", "융"),
    ("wu", "우"),
    ("wa", "와"),
    ("wo", "워"),
    ("wai", "와이"),
    ("wei", "웨이"),
    ("wan", "완"),
    ("wen", "원"),
    ("wang", "왕"),
    ("weng", "웡"),
    ("yu", "위"),
    ("yue", "웨"),
    ("yuan", "위안"),
    ("yun", "윈"),
];

/// A pinyin syllable in Hangul, or None for one the table does not cover.
pub fn pinyin_to_hangul(syllable: &str) -> Option<String> {
    let s = syllable.to_lowercase().replace('v', "ü");
    if let Some((_, h)) = ZERO_HANGUL.iter().find(|(p, _)| *p == s) {
        return Some(h.to_string());
    }
    let (initial, cho) = INITIAL_JAMO.iter().find(|(i, _)| s.starts_with(i))?;
    let mut fin = s[initial.len()..].to_string();
    if matches!(*initial, "j" | "q" | "x") && fin.starts_with('u') {
        fin = format!("ü{}", &fin[1..]);
    }
    let blocks = if fin == "i" && matches!(*initial, "zh" | "ch" | "sh" | "r" | "z" | "c" | "s") {
        "으".to_string()
    } else {
        FINAL_HANGUL.iter().find(|(f, _)| *f == fin)?.1.to_string()
    };
    let first = blocks.chars().next()? as u32 - 0xAC00;
    let (mut jung, jong) = ((first / 28) % 21, first % 28);
    // ㅈ ㅉ ㅊ take no y-glide: 쟈 → 자, 쥬 → 주.
    if matches!(cho, 12..=14) {
        jung = match jung {
            2 => 0,
            3 => 1,
            6 => 4,
            7 => 5,
            12 => 8,
            17 => 13,
            j => j,
        };
    }
    let c = char::from_u32(0xAC00 + (cho * 21 + jung) * 28 + jong)?;
    Some(format!("{c}{}", blocks.chars().skip(1).collect::<String>()))
}

/// Hangul transliterations → the pinyin syllable most characters read as (장 is zhang
/// more often than jiang).
static HANGUL_PINYIN: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    let mut count: HashMap<String, usize> = HashMap::new();
    for code in 0x4E00u32..=0x9FFF {
        if let Some(c) = char::from_u32(code) {
            for p in c.to_pinyin_multi().into_iter().flatten() {
                *count.entry(p.plain().to_string()).or_default() += 1;
            }
        }
    }
    let mut best: HashMap<String, (String, usize)> = HashMap::new();
    for (syllable, n) in count {
        if let Some(h) = pinyin_to_hangul(&syllable) {
            let e = best.entry(h).or_insert((syllable.clone(), 0));
            // Retroflex initials first (자오 is Zhao before Jiao, 장 Zhang before Jiang): the
            // surnames reports transliterate most.
            let retroflex = |p: &str| ["zh", "ch", "sh"].iter().any(|r| p.starts_with(r));
            let better = (retroflex(&syllable), n) > (retroflex(&e.0), e.1);
            if better || (n == e.1 && syllable < e.0 && retroflex(&syllable) == retroflex(&e.0)) {
                *e = (syllable, n);
            }
        }
    }
    best.into_iter().map(|(h, (p, _))| (h, p)).collect()
});

/// A Chinese name in Korean transliteration back to pinyin: 자오하이산 → Zhao Haishan,
/// 마쥔윈 → Ma Junyun. The split into syllables takes the fewest pieces the table knows.
/// The Sino-Korean reading of a name written in Chinese characters (`吴世勋` → `오세훈`),
/// by data/hanja_hangul.tsv (Unicode's Unihan readings), the initial-sound rule applied to
/// the first syllable (`李` 리 → 이, `柳` 류 → 유). `None` when a character has no reading.
pub fn hangul_reading(hanzi: &str) -> Option<String> {
    static READINGS: LazyLock<HashMap<char, &'static str>> = LazyLock::new(|| {
        include_str!("../../data/hanja_hangul.tsv")
            .lines()
            .filter_map(|l| {
                let (c, readings) = l.split_once('\t')?;
                Some((c.chars().next()?, readings.split(';').next()?))
            })
            .collect()
    });
    const INITIAL: [(&str, &str); 20] = [
        ("리", "이"),
        ("류", "유"),
        ("려", "여"),
        ("례", "예"),
        ("료", "요"),
        ("륙", "육"),
        ("륜", "윤"),
        ("률", "율"),
        ("량", "양"),
        ("렴", "염"),
        ("림", "임"),
        ("린", "인"),
        ("라", "나"),
        ("로", "노"),
        ("뢰", "뇌"),
        ("루", "누"),
        ("녀", "여"),
        ("뉴", "유"),
        ("니", "이"),
        ("념", "염"),
    ];
    let mut out = String::new();
    for (i, c) in hanzi.chars().enumerate() {
        let reading = *READINGS.get(&c)?;
        // As a surname, 金 is read 김 (its reading as a word is 금).
        let reading = if i == 0 && c == '金' { "김" } else { reading };
        let reading = if i == 0 {
            INITIAL
                .iter()
                .find(|(from, _)| *from == reading)
                .map_or(reading, |(_, to)| to)
        } else {
            reading
        };
        out.push_str(reading);
    }
    Some(out)
}

/// Whether a Hangul word's last two syllables spell one Chinese syllable ending in 이 (후이
/// hui, 카이 kai, 웨이 wei) and the word reads as a Chinese name: there the 이 belongs to the
/// name (`리웨이`, `왕카이`), it is not the subject particle.
pub fn ends_in_chinese_i(word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    n >= 3
        && chars[n - 1] == '이'
        && HANGUL_PINYIN.contains_key(&chars[n - 2..].iter().collect::<String>())
        && chinese_from_hangul(word).is_some()
}

pub fn chinese_from_hangul(name: &str) -> Option<String> {
    let normalized = name.replace("앤", "안").replace("쟝", "장");
    let chars: Vec<char> = normalized.chars().filter(|c| is_hangul(*c)).collect();
    let n = chars.len();
    if n == 0 {
        return None;
    }
    // best[i]: fewest pieces for chars[..i], with the pieces.
    let mut best: Vec<Option<Vec<String>>> = vec![None; n + 1];
    best[0] = Some(Vec::new());
    for i in 0..n {
        let Some(so_far) = best[i].clone() else {
            continue;
        };
        for len in 1..=3.min(n - i) {
            let piece: String = chars[i..i + len].iter().collect();
            if let Some(p) = HANGUL_PINYIN.get(&piece) {
                let mut next = so_far.clone();
                next.push(p.clone());
                if best[i + len].as_ref().is_none_or(|b| b.len() > next.len()) {
                    best[i + len] = Some(next);
                }
            }
        }
    }
    let pieces = best[n].clone()?;
    let (surname, given) = pieces.split_first()?;
    Some(if given.is_empty() {
        capitalized(surname)
    } else {
        format!("{} {}", capitalized(surname), capitalized(&given.concat()))
    })
}

/// A Chinese name in Hanzi in Korean transcription (the National Institute of Korean
/// Language's rules for Chinese): 信长星 → 신창싱. `None` when a character has no reading.
pub fn chinese_in_hangul(hanzi: &str) -> Option<String> {
    let mut out = String::new();
    for c in hanzi.chars().filter(|c| !c.is_whitespace()) {
        if matches!(c, '·' | '・' | '•' | '‧') {
            out.push('·');
            continue;
        }
        out.push_str(&pinyin_to_hangul(&char_pinyin(c)?)?);
    }
    (!out.is_empty()).then_some(out)
}

fn all_of(s: &str, f: fn(char) -> bool) -> bool {
    let mut letters = s.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some() && letters.all(f)
}

/// The other readings of an official's spellings, generated so that a name in one script
/// finds them in the others: a Korean name in Hangul gets its romanization (김동연 → Kim
/// Dong-yeon); a Chinese name in Hanzi its pinyin and Korean transcription (信长星 → Xin
/// Changxing, 신창싱); a Korean name in Hanja its Sino-Korean reading and that reading's
/// romanization (吴世勋 → 오세훈, Oh Se-hoon); a Chinese name in Hangul its pinyin (신창싱 →
/// Xin Changxing). Spellings already given are left out, and so is the reading of a Korean
/// name's Hanja when its Hangul is given: a character has more than one reading (吳怜勳 is
/// 오영훈, not 오령훈), and the Hangul on record is the person's own.
pub fn readings(spellings: &[&str], chinese_side: bool) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let hangul_given = spellings.iter().any(|s| in_hangul(s.trim()));
    for s in spellings {
        let s = s.trim();
        if in_hangul(s) {
            if chinese_side {
                out.extend(chinese_from_hangul(s));
            } else {
                out.push(korean(s));
            }
        } else if in_han(s) {
            if chinese_side {
                out.push(chinese(s));
                out.extend(chinese_in_hangul(s));
            } else if let Some(hangul) = hangul_reading(s).filter(|_| !hangul_given) {
                out.push(korean(&hangul));
                out.push(hangul);
            }
        }
    }
    let given: Vec<String> = spellings.iter().map(|s| s.trim().to_lowercase()).collect();
    let mut seen = std::collections::HashSet::new();
    out.retain(|r| {
        !r.trim().is_empty() && !given.contains(&r.to_lowercase()) && seen.insert(r.clone())
    });
    out
}

/// Whether every letter of `s` is Hangul (and it has one).
pub fn in_hangul(s: &str) -> bool {
    all_of(s, crate::intake::sentences::is_hangul)
}

/// Whether every letter of `s` is a Chinese character (and it has one).
pub fn in_han(s: &str) -> bool {
    all_of(s, crate::intake::sentences::is_han)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn korean_names_as_media_write_them() {
        assert_eq!(korean("오세훈"), "Oh Se-hoon");
        assert_eq!(korean("김동연"), "Kim Dong-yeon");
        assert_eq!(korean("이상욱"), "Lee Sang-wook");
        assert_eq!(korean("권기식"), "Kwon Gi-sik");
    }

    #[test]
    fn a_korean_names_hanja_is_read_only_when_its_hangul_is_not_given() {
        assert_eq!(readings(&["吴世勋"], false), ["Oh Se-hoon", "오세훈"]);
        assert_eq!(readings(&["오영훈", "吴怜勋"], false), ["Oh Young-hoon"]);
    }

    #[test]
    fn chinese_names_in_hanzi_and_in_hangul() {
        assert_eq!(chinese("信长星"), "Xin Changxing");
        assert_eq!(chinese("单义"), "Shan Yi");
        assert_eq!(chinese("木合亚提·加尔木哈买提"), "Muheyati Jiaermuhamaiti");
        assert!(pinyin_to_hangul("qingdao").is_none());
        assert_eq!(pinyin_to_hangul("qing").as_deref(), Some("칭"));
        assert_eq!(pinyin_to_hangul("xiang").as_deref(), Some("샹"));
        assert_eq!(
            chinese_from_hangul("자오하이산").as_deref(),
            Some("Zhao Haishan")
        );
        assert_eq!(chinese_from_hangul("마쥔윈").as_deref(), Some("Ma Junyun"));
        assert_eq!(
            chinese_from_hangul("샤오샹양").as_deref(),
            Some("Xiao Xiangyang")
        );
        assert_eq!(
            chinese_from_hangul("허원취앤").as_deref(),
            Some("He Wenquan")
        );
    }
}
