//! CSV and JSON files of records: what `/export` writes and `/data import` reads. One set
//! of column names serves both formats, so whatever export writes, import accepts.

pub mod export;
pub mod import;

/// The kinds of record a file can hold, in the order an import applies them (later kinds
/// refer to earlier ones by name or number).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Officials,
    Visits,
    Forums,
    Meetings,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Officials, Kind::Visits, Kind::Forums, Kind::Meetings];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Officials => "officials",
            Kind::Visits => "visits",
            Kind::Forums => "forums",
            Kind::Meetings => "meetings",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == s)
    }

    /// The columns export writes, in order. Import accepts these and `EXTRA`.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            Kind::Visits => &[
                "id", "province", "city", "level", "start", "end", "leader", "places", "purpose",
                "size", "sources",
            ],
            Kind::Officials => &[
                "id",
                "name",
                "local_name",
                "country",
                "title",
                "organization",
                "province",
                "aliases",
            ],
            Kind::Meetings => &["id", "date", "officials", "place", "visit", "summary"],
            Kind::Forums => &[
                "id",
                "name",
                "kind",
                "edition",
                "start",
                "end",
                "place",
                "organizer",
                "visits",
            ],
        }
    }

    /// Columns a hand-made file may use besides the exported ones.
    pub fn extra(self) -> &'static [&'static str] {
        match self {
            Kind::Visits => &[
                "source",
                "source_title",
                "source_date",
                "end_date",
                "start_date",
            ],
            _ => &[],
        }
    }

    pub fn required(self) -> &'static [&'static str] {
        match self {
            Kind::Visits => &["province", "start"],
            Kind::Officials => &["name", "country"],
            Kind::Meetings => &["date", "officials"],
            Kind::Forums => &["name", "kind", "start"],
        }
    }

    /// Which kind a set of column names describes.
    pub fn detect<'a>(columns: impl IntoIterator<Item = &'a str> + Clone) -> Option<Kind> {
        let has = |c: &str| columns.clone().into_iter().any(|x| x == c);
        if has("officials") && has("date") {
            Some(Kind::Meetings)
        } else if has("kind") && has("name") {
            Some(Kind::Forums)
        } else if has("country") && has("name") {
            Some(Kind::Officials)
        } else if has("province") && (has("start") || has("start_date")) {
            Some(Kind::Visits)
        } else {
            None
        }
    }
}

/// Spreadsheet programs run cells that start with these as formulas; export prefixes
/// such a cell with `'` and import takes it off again.
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

pub fn neutralize(cell: &str) -> String {
    if cell.starts_with(FORMULA_START) && cell != "-" {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

pub fn unneutralize(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_START) => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralized_and_restored() {
        for cell in ["=1+1", "+82 10", "@SUM(A1)", "-3"] {
            let safe = neutralize(cell);
            assert!(safe.starts_with('\''), "{cell}");
            assert_eq!(unneutralize(&safe), cell);
        }
        assert_eq!(neutralize("Jeju"), "Jeju");
        assert_eq!(unneutralize("'quoted"), "'quoted");
    }

    #[test]
    fn kinds_are_detected_from_columns() {
        assert_eq!(Kind::detect(["province", "start"]), Some(Kind::Visits));
        assert_eq!(
            Kind::detect(["date", "officials", "place"]),
            Some(Kind::Meetings)
        );
        assert_eq!(Kind::detect(["name", "country"]), Some(Kind::Officials));
        assert_eq!(Kind::detect(["name", "kind", "start"]), Some(Kind::Forums));
        assert_eq!(Kind::detect(["foo"]), None);
    }
}
