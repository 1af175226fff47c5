//! JSON files of records: an array of records of one kind, or an object with a `database`
//! identity and one array per kind. A key given twice in one object is refused (serde_json
//! would keep the last one silently), naming the key and where it is.

use crate::transfer::Columns;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::item::kind_name;
use super::item::{Item, Location};
use super::{DATABASE, Entity};
use crate::error::UserError;
use crate::msg;

/// How the refusal of a repeated key starts, in serde's error text (the key follows).
const REPEATED: &str = "repeated key: ";

/// Deserializes any JSON value, refusing objects with a repeated key.
struct Strict;

impl<'de> DeserializeSeed<'de> for Strict {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Strict {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(v.into())
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(v.into())
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(Strict)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut out = Vec::new();
        while let Some(v) = seq.next_element_seed(Strict)? {
            out.push(v);
        }
        Ok(Value::Array(out))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if out.contains_key(&key) {
                return Err(de::Error::custom(format!(
                    "{REPEATED}{}",
                    key.chars().take(40).collect::<String>()
                )));
            }
            let value = map.next_value_seed(Strict)?;
            out.insert(key, value);
        }
        Ok(Value::Object(out))
    }
}

/// Parses JSON text, refusing repeated keys.
fn strict(name: &str, text: &str) -> Result<Value, UserError> {
    let mut d = serde_json::Deserializer::from_str(text);
    let value = Strict.deserialize(&mut d).and_then(|v| d.end().map(|_| v));
    value.map_err(|e| {
        // Our own refusal (a repeated key) names the key before serde's position suffix.
        let text = e.to_string();
        let said = text
            .rsplit_once(" at line ")
            .map_or(text.as_str(), |(s, _)| s);
        let what = match said.strip_prefix(REPEATED) {
            Some(key) if e.is_data() => msg!("import-json-key-twice", key = key),
            _ => msg!("import-json-invalid"),
        };
        UserError::from(msg!(
            "import-json-error",
            file = name,
            line = e.line(),
            column = e.column(),
            what = what
        ))
    })
}

/// What a JSON file holds: the database it names at the top (if any), the kinds of its
/// sections, and its records.
#[derive(Debug)]
pub struct Records {
    pub identity: Option<String>,
    pub kinds: Vec<Entity>,
    pub items: Vec<Item>,
}

/// Reads a JSON text into records.
pub fn read(name: &str, text: &str) -> Result<Records, UserError> {
    let value = strict(name, text)?;
    let mut identity = None;
    let sections: Vec<(Option<Entity>, Vec<Value>)> = match value {
        Value::Array(items) => vec![(None, items)],
        Value::Object(map) => {
            let mut out = Vec::new();
            for (key, v) in map {
                if key == DATABASE {
                    identity = Some(v.as_str().map(str::to_string).ok_or_else(|| {
                        UserError::from(msg!("import-json-database", file = name))
                    })?);
                    continue;
                }
                let kind = Entity::from_plural(&key).ok_or_else(|| {
                    UserError::from(msg!(
                        "import-json-section",
                        file = name,
                        key = key.chars().take(40).collect::<String>()
                    ))
                })?;
                let Value::Array(items) = v else {
                    return Err(UserError::from(msg!(
                        "import-json-not-array",
                        file = name,
                        key = key.as_str()
                    )));
                };
                out.push((Some(kind), items));
            }
            out
        }
        _ => return Err(UserError::from(msg!("import-json-shape", file = name))),
    };
    let kinds = sections.iter().filter_map(|(k, _)| *k).collect();
    let mut items = Vec::new();
    for (section, records) in sections {
        for (i, record) in records.into_iter().enumerate() {
            let index = i as u32 + 1;
            let Value::Object(fields) = record else {
                return Err(UserError::from(msg!(
                    "import-json-not-object",
                    file = name,
                    n = index
                )));
            };
            let kind = match section {
                Some(k) => k,
                None => super::detect(fields.keys().map(String::as_str)).ok_or_else(|| {
                    UserError::from(msg!("import-json-no-kind", file = name, n = index))
                })?,
            };
            let at = Location::Item(kind, index);
            let mut cells: Vec<(&'static str, String)> = Vec::new();
            for (key, v) in &fields {
                let column = kind.column(key).ok_or_else(|| {
                    UserError::from(msg!(
                        "import-json-not-field",
                        file = name,
                        at = at.message(),
                        key = key.chars().take(40).collect::<String>(),
                        kind = kind_name(kind),
                        columns = kind.columns().join(", ")
                    ))
                })?;
                if cells.iter().any(|(c, _)| *c == column) {
                    return Err(UserError::from(msg!(
                        "import-json-field-twice",
                        file = name,
                        at = at.message(),
                        column = column
                    )));
                }
                if let Some(text) = cell(v).filter(|t| !t.is_empty()) {
                    cells.push((column, text));
                }
            }
            items.push(Item { kind, at, cells });
        }
    }
    Ok(Records {
        identity,
        kinds,
        items,
    })
}

/// A JSON value as the text a CSV cell would hold: exactly what export writes in a cell
/// (sources one line each), and lists of names joined by commas.
fn cell(v: &Value) -> Option<String> {
    match v {
        Value::Null => None,
        Value::String(s) => Some(s.trim().to_string()),
        Value::Array(items) if items.iter().all(Value::is_object) => {
            Some(super::export::cell(Some(v)))
        }
        Value::Array(items) => Some(
            items
                .iter()
                .map(|i| match i {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .collect::<Vec<_>>()
                .join(", "),
        ),
        other => Some(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repeated_key_is_refused_with_its_place() {
        let err = read(
            "t.json",
            "[{\"province\": \"Hebei\",\n \"start\": \"2024-05-01\", \"province\": \"Hunan\"}]",
        )
        .unwrap_err();
        assert!(err.to_string().contains("line 2"), "{err}");
        assert!(
            err.to_string().contains("`province` is given twice"),
            "{err}"
        );
    }

    #[test]
    fn the_identity_and_sections_are_read() {
        let Records {
            identity, items, ..
        } = read(
            "t.json",
            r#"{"database": "abc", "visits": [{"province": "Hebei", "start": "2024-05-01"}]}"#,
        )
        .unwrap();
        assert_eq!(identity.as_deref(), Some("abc"));
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].kind, Entity::Visit);
    }
}
