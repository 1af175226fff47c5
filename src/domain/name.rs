//! Names and the closed vocabularies of the domain.

use std::fmt;

use crate::error::UserError;

/// The key under which names are compared: case, spaces, hyphens and punctuation do not
/// matter, local scripts are kept as they are ("Oh Se-hoon" and "oh sehoon" are one key).
pub fn normalize(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

macro_rules! vocabulary {
    ($(#[$m:meta])* $name:ident, $what:literal, { $($variant:ident => $label:literal [$($alias:literal),*]),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            pub fn parse(input: &str) -> Result<$name, UserError> {
                let key = normalize(input);
                $(
                    if key == normalize($label) $(|| key == normalize($alias))* {
                        return Ok($name::$variant);
                    }
                )+
                let labels: Vec<&str> = Self::ALL.iter().map(|v| v.label()).collect();
                Err(UserError::new(format!(
                    "`{}` is not a {}; type one of: {}.",
                    input.chars().take(40).collect::<String>(),
                    $what,
                    labels.join(", ")
                )))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.label())
            }
        }
    };
}

vocabulary!(
    /// Which side an official is on.
    Country, "country", {
        China => "China" ["CN", "PRC", "Chinese", "中国", "중국"],
        Korea => "Korea" ["KR", "South Korea", "ROK", "Korean", "대한민국", "한국"],
        Other => "Other" [],
    }
);

vocabulary!(
    /// The kind of an event a delegation attends.
    ForumKind, "forum kind", {
        Investment => "investment forum" ["investment", "invest"],
        Business => "business forum" ["business"],
        Promotion => "promotion conference" ["promotion", "promo"],
        Conference => "conference" ["summit"],
        Other => "other" [],
    }
);

vocabulary!(
    /// The administrative level a delegation comes from.
    VisitLevel, "delegation level", {
        Provincial => "provincial" ["province"],
        Municipal => "municipal" ["city", "municipality"],
        County => "county" ["district"],
        Party => "party" ["cpc"],
        Other => "other" [],
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
    fn vocabularies_accept_aliases_and_refuse_the_rest() {
        assert_eq!(Country::parse("south korea").unwrap(), Country::Korea);
        assert_eq!(Country::parse("中国").unwrap(), Country::China);
        assert_eq!(
            ForumKind::parse("Investment").unwrap(),
            ForumKind::Investment
        );
        let err = ForumKind::parse("party").unwrap_err();
        assert!(err.0.contains("investment forum"), "{err}");
    }
}
