//! What a record's audit snapshot names, read by its keys alone: how a watch matches a kind
//! of record whose tables this code does not know (outcomes, when they land).

use serde_json::Value as Json;

/// What a record's JSON names, by the keys it is found under: provinces, Korean places
/// and officials (ids or names), and the visits, meetings and forums it links to.
#[derive(Debug, Default, PartialEq)]
pub struct Mentions {
    pub provinces: Vec<Json>,
    pub places: Vec<Json>,
    pub officials: Vec<Json>,
    pub visits: Vec<i64>,
    pub meetings: Vec<i64>,
    pub forums: Vec<i64>,
}

impl Mentions {
    pub fn of(json: &Json) -> Mentions {
        let mut m = Mentions::default();
        m.walk(json, &[]);
        m
    }

    fn walk(&mut self, v: &Json, path: &[String]) {
        match v {
            Json::Object(o) => {
                for (k, child) in o {
                    let mut p = path.to_vec();
                    p.push(k.to_lowercase());
                    self.walk(child, &p);
                }
            }
            Json::Array(a) => a.iter().for_each(|c| self.walk(c, path)),
            Json::Null | Json::Bool(_) => {}
            leaf => {
                let under =
                    |words: &[&str]| path.iter().any(|k| words.iter().any(|w| k.contains(w)));
                let last = path.last().map(String::as_str).unwrap_or("");
                let link = |word: &str| {
                    last == word
                        || last == format!("{word}_id")
                        || last == format!("{word}s")
                        || (path.len() >= 2 && path[path.len() - 2] == format!("{word}s"))
                };
                if under(&["province"]) {
                    self.provinces.push(leaf.clone());
                } else if under(&["place", "korean"]) {
                    self.places.push(leaf.clone());
                } else if under(&["official", "leader", "participant"]) {
                    self.officials.push(leaf.clone());
                } else if let Some(n) = leaf.as_i64() {
                    if link("visit") {
                        self.visits.push(n);
                    } else if link("meeting") {
                        self.meetings.push(n);
                    } else if link("forum") {
                        self.forums.push(n);
                    }
                }
            }
        }
    }

    /// Whether one of `values` is the id, or holds the name (case aside).
    pub fn names(&self, values: &[Json], id: Option<i64>, name: Option<&str>) -> bool {
        values.iter().any(|v| match v {
            Json::Number(n) => id.is_some() && n.as_i64() == id,
            Json::String(s) => name.is_some_and(|name| {
                crate::domain::normalize(s).contains(&crate::domain::normalize(name))
            }),
            _ => false,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_snapshot_of_an_unknown_kind_is_read_by_its_keys() {
        let outcome = json!({
            "id": 7, "version": 2, "kind": "MOU", "title": "Workation MOU",
            "provinces": [{"id": 11, "name": "Jiangsu"}], "korean_side": "Jeju Province",
            "visit_id": 3, "meeting_id": null, "forums": [4, 5],
            "officials": ["Xin Changxing"]
        });
        let m = Mentions::of(&outcome);
        assert_eq!(m.provinces, vec![json!(11), json!("Jiangsu")]);
        assert_eq!(m.places, vec![json!("Jeju Province")]);
        assert_eq!(m.officials, vec![json!("Xin Changxing")]);
        assert_eq!(
            (&m.visits, &m.meetings, &m.forums),
            (&vec![3], &vec![], &vec![4, 5])
        );
        assert!(m.names(&m.provinces, Some(11), None));
        assert!(m.names(&m.places, None, Some("Jeju")));
        assert!(!m.names(&m.places, None, Some("Busan")));
    }
}
