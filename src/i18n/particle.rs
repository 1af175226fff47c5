//! Korean particles after a word the message does not know in advance: `을` or `를`, `은`
//! or `는`, `이` or `가`, `과` or `와`, `으로` or `로` depend on whether the word's last
//! syllable ends in a consonant (받침). Messages call `JOSA($word, "을")`; a word whose
//! sound cannot be told (a Latin word) keeps both forms, `을(를)`.

use fluent_bundle::FluentValue;

/// The pairs: the form after a final consonant, the form after a vowel.
const PAIRS: [(&str, &str); 5] = [
    ("을", "를"),
    ("은", "는"),
    ("이", "가"),
    ("과", "와"),
    ("으로", "로"),
];

/// How a word ends, as far as the particle after it cares.
#[derive(Debug, PartialEq)]
enum End {
    Vowel,
    /// ㄹ, which takes `로` like a vowel and `을` like a consonant.
    Rieul,
    Consonant,
    Unknown,
}

fn end_of(word: &str) -> End {
    let Some(last) = word
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .chars()
        .last()
    else {
        return End::Unknown;
    };
    match last {
        '가'..='힣' => match (last as u32 - 0xAC00) % 28 {
            0 => End::Vowel,
            8 => End::Rieul,
            _ => End::Consonant,
        },
        // Digits as Koreans read them: 영 일 이 삼 사 오 육 칠 팔 구.
        '0' | '3' | '6' => End::Consonant,
        '1' | '7' | '8' => End::Rieul,
        '2' | '4' | '5' | '9' => End::Vowel,
        _ => End::Unknown,
    }
}

/// `particle` (either form of a pair) as it goes after `word`.
pub fn after(word: &str, particle: &str) -> String {
    let Some(&(consonant, vowel)) = PAIRS.iter().find(|(c, v)| *c == particle || *v == particle)
    else {
        return particle.to_string();
    };
    let form = match (end_of(word), consonant) {
        (End::Vowel, _) | (End::Rieul, "으로") => vowel,
        (End::Consonant | End::Rieul, _) => consonant,
        (End::Unknown, "으로") => "(으)로",
        (End::Unknown, _) => return format!("{consonant}({vowel})"),
    };
    form.to_string()
}

/// The Fluent function `JOSA(word, particle)`.
pub fn josa<'a>(positional: &[FluentValue<'a>], _: &fluent_bundle::FluentArgs) -> FluentValue<'a> {
    let text = |v: Option<&FluentValue>| match v {
        Some(FluentValue::String(s)) => s.to_string(),
        Some(FluentValue::Number(n)) => n.as_string().to_string(),
        _ => String::new(),
    };
    let word = text(positional.first());
    let particle = text(positional.get(1));
    FluentValue::from(after(&word, &particle))
}

#[cfg(test)]
mod tests {
    use super::after;

    #[test]
    fn particles_follow_the_last_sound() {
        assert_eq!(after("박형준", "을"), "을");
        assert_eq!(after("오세훈", "를"), "을");
        assert_eq!(after("하이난성", "은"), "은");
        assert_eq!(after("번호", "은"), "는");
        assert_eq!(after("서울", "으로"), "로");
        assert_eq!(after("부산", "으로"), "으로");
        assert_eq!(after("#3", "과"), "과");
        assert_eq!(after("#2", "과"), "와");
        assert_eq!(after("id:10", "으로"), "으로");
        assert_eq!(after("`종류`", "은"), "는");
        assert_eq!(after("console", "으로"), "(으)로");
        assert_eq!(after("from", "이"), "이(가)");
    }
}
