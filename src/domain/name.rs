//! Names and the closed vocabularies of the domain.

/// The key under which names are compared: case, spaces, hyphens and punctuation do not
/// matter, local scripts are kept as they are ("Oh Se-hoon" and "oh sehoon" are one key).
/// Unicode compatibility forms come first (NFKC), so full-width Latin from a CJK input
/// method (`ＯＨ`) and Hangul decomposed into jamo (files made on macOS) give the same key
/// as what a Korean keyboard types.
pub fn normalize(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    name.nfkc()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A closed vocabulary: an enum whose values parse from their label or any alias (compared
/// by `normalize`), with the labels the catalog offers as choices. `$what` is the id of the
/// message that names the vocabulary in a refusal ("country").
macro_rules! vocabulary {
    ($(#[$m:meta])* $name:ident, $what:literal, { $($variant:ident => $label:literal [$($alias:literal),*]),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            /// Every label, in order: what the catalog offers as choices.
            pub fn labels() -> Vec<&'static str> {
                Self::ALL.iter().map(|v| v.label()).collect()
            }

            pub fn parse(input: &str) -> Result<$name, $crate::error::UserError> {
                use $crate::domain::name::normalize;
                let key = normalize(input);
                $(
                    if !key.is_empty() && (key == normalize($label) $(|| key == normalize($alias))*) {
                        return Ok($name::$variant);
                    }
                )+
                let labels: Vec<&str> = Self::ALL.iter().map(|v| v.label()).collect();
                Err($crate::error::UserError::from($crate::msg!(
                    "not-in-vocabulary",
                    input = input.chars().take(40).collect::<String>(),
                    what = $crate::msg!($what),
                    choices = labels.join(", ")
                )))
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.label())
            }
        }
    };
}
pub(crate) use vocabulary;

vocabulary!(
    /// Which side an official is on.
    Country, "vocabulary-country", {
        China => "China" ["CN", "PRC", "Chinese", "People's Republic of China", "中国", "中國", "中华人民共和国", "중국", "중화인민공화국"],
        Korea => "Korea" ["KR", "South Korea", "ROK", "Korean", "Republic of Korea", "대한민국", "한국", "남한", "韩国", "韓國", "大韩民国"],
        Other => "Other" ["기타", "其他"],
    }
);

vocabulary!(
    /// The kind of an event a delegation attends.
    ForumKind, "vocabulary-forum-kind", {
        Investment => "investment forum" ["investment", "invest", "투자 포럼", "투자", "投资论坛", "投资"],
        Business => "business forum" ["business", "비즈니스 포럼", "경제 포럼", "商务论坛", "经贸论坛", "企业论坛"],
        Promotion => "promotion conference" ["promotion", "promo", "설명회", "투자설명회", "홍보설명회", "推介会", "投资推介会", "说明会"],
        Conference => "conference" ["summit", "회의", "컨퍼런스", "대회", "会议", "大会", "峰会"],
        Other => "other" ["기타", "其他"],
    }
);

vocabulary!(
    /// The administrative level a delegation comes from.
    VisitLevel, "vocabulary-visit-level", {
        Provincial => "provincial" ["province", "성급", "성", "省级", "省"],
        Municipal => "municipal" ["city", "municipality", "시급", "시", "市级", "市"],
        County => "county" ["district", "현급", "현", "구", "县级", "县", "区"],
        Party => "party" ["cpc", "당", "당위원회", "党委", "党"],
        Other => "other" ["기타", "其他"],
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalization_ignores_case_spaces_and_hyphens() {
        assert_eq!(normalize("Oh Se-hoon"), "ohsehoon");
        assert_eq!(normalize("  oh   SEHOON "), "ohsehoon");
        assert_eq!(normalize("오세훈"), "오세훈");
        assert_eq!(normalize("Xin Changxing (辛长兴)"), "xinchangxing辛长兴");
    }

    #[test]
    fn keys_hold_for_any_keyboard() {
        assert_eq!(normalize("ＯＨ Ｓｅ－ｈｏｏｎ"), "ohsehoon");
        // 오세훈 as macOS writes it in file names: jamo, not syllables.
        let decomposed: String = "\u{110B}\u{1169}\u{1109}\u{1166}\u{1112}\u{116E}\u{11AB}".into();
        assert_eq!(normalize(&decomposed), normalize("오세훈"));
    }

    #[test]
    fn vocabularies_accept_aliases_and_refuse_the_rest() {
        assert_eq!(Country::parse("south korea").unwrap(), Country::Korea);
        assert_eq!(Country::parse("中国").unwrap(), Country::China);
        assert_eq!(
            ForumKind::parse("Investment").unwrap(),
            ForumKind::Investment
        );
        for (typed, country) in [
            ("CN", "China"),
            ("ROK", "Korea"),
            ("South Korea", "Korea"),
            ("중국", "China"),
            ("韩国", "Korea"),
            ("PRC", "China"),
        ] {
            assert_eq!(Country::parse(typed).unwrap().label(), country, "{typed}");
        }
        assert_eq!(VisitLevel::parse("省级").unwrap(), VisitLevel::Provincial);
        assert_eq!(
            ForumKind::parse("투자설명회").unwrap(),
            ForumKind::Promotion
        );
        assert_eq!(
            super::super::vocabulary_choice(&Country::labels(), "한국"),
            Some("Korea")
        );
        let err = ForumKind::parse("party").unwrap_err();
        assert!(err.to_string().contains("investment forum"), "{err}");
    }
}
