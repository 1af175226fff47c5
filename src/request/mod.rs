//! A `Request` is a catalog command plus its options, each already parsed into its type.
//! It is built from a console line (`line`), or from Discord's options by the Discord
//! adapter; both go through `Request::build`, so checks are the same everywhere. Each
//! option's text becomes its typed `Value` in `value`.

mod line;
mod value;

pub use value::parse_value;

use crate::catalog::{Opt, arg};
use std::collections::BTreeMap;
use std::sync::Arc;

use serde_json::{Map, Value as Json};

use crate::catalog::{self, CommandSpec, OptionKind, OptionSpec};
use crate::domain::{Day, FlexDate, Month};
use crate::error::UserError;
use crate::msg;

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Int(i64),
    Bool(bool),
    Date(FlexDate),
    Day(Day),
    Month(Month),
    Choice(&'static str),
    File(Upload),
}

/// The file an import reads: a path typed in the console, or a file uploaded with the
/// command (Discord), held in memory.
#[derive(Debug, Clone, PartialEq)]
pub enum Upload {
    Path(String),
    Bytes { name: String, bytes: Arc<[u8]> },
}

impl Upload {
    pub fn bytes(name: impl Into<String>, bytes: Vec<u8>) -> Upload {
        Upload::Bytes {
            name: name.into(),
            bytes: bytes.into(),
        }
    }

    /// The path or the uploaded file's name.
    pub fn name(&self) -> &str {
        match self {
            Upload::Path(p) => p,
            Upload::Bytes { name, .. } => name,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Request {
    pub spec: &'static CommandSpec,
    args: BTreeMap<&'static str, Value>,
    reads: Reads,
}

/// Which of its options a request was asked for, one bit per catalog option (Discord
/// allows 25): the catalog test checks that every command reads all of its options.
#[derive(Debug, Default)]
struct Reads(std::sync::atomic::AtomicU32);

impl Clone for Reads {
    fn clone(&self) -> Reads {
        Reads(self.0.load(std::sync::atomic::Ordering::Relaxed).into())
    }
}

impl Request {
    /// Checks raw option strings against the catalog and parses each into its type.
    pub fn build(
        spec: &'static CommandSpec,
        raw: Vec<(String, String)>,
    ) -> Result<Request, UserError> {
        let mut args = BTreeMap::new();
        for (name, value) in raw {
            let option = option_named(spec, &name.to_lowercase()).ok_or_else(|| {
                let names: Vec<&str> = spec.options.iter().map(|o| o.name).collect();
                UserError::from(if names.is_empty() {
                    msg!("options-none", command = spec.name())
                } else {
                    msg!(
                        "option-unknown",
                        command = spec.name(),
                        option = name.chars().take(32).collect::<String>(),
                        options = names.join(", ")
                    )
                })
            })?;
            let parsed = parse_value(option.name, option.kind, &value)?;
            if args.insert(option.name, parsed).is_some() {
                return Err(UserError::from(msg!("option-twice", option = option.name)));
            }
        }
        if let Some(missing) = spec
            .options
            .iter()
            .find(|o| o.required && !args.contains_key(o.name))
        {
            return Err(UserError::from(msg!(
                "option-missing",
                command = spec.name(),
                option = missing.name,
                example = spec.example
            )));
        }
        Ok(Request {
            spec,
            args,
            reads: Reads::default(),
        })
    }

    /// Notes that `name` was read. Reading an option the command's catalog entry lacks is
    /// a bug: caught in debug builds (and so by the tests), `None` otherwise.
    fn get(&self, Opt(name): Opt) -> Option<&Value> {
        match self.spec.options.iter().position(|o| o.name == name) {
            Some(i) => {
                self.reads
                    .0
                    .fetch_or(1 << i, std::sync::atomic::Ordering::Relaxed);
            }
            None => debug_assert!(
                false,
                "{} reads `{name}`, which its catalog entry lacks",
                self.spec.name()
            ),
        }
        self.args.get(name)
    }

    /// The options of the command that nothing has read yet.
    pub fn unread(&self) -> Vec<&'static str> {
        let reads = self.reads.0.load(std::sync::atomic::Ordering::Relaxed);
        self.spec
            .options
            .iter()
            .enumerate()
            .filter(|(i, _)| reads & (1 << i) == 0)
            .map(|(_, o)| o.name)
            .collect()
    }

    pub fn text(&self, name: Opt) -> Option<&str> {
        match self.get(name) {
            Some(Value::Text(s)) => Some(s),
            Some(Value::Choice(s)) => Some(s),
            _ => None,
        }
    }

    /// A choice option's value, as the catalog spells it.
    pub fn choice(&self, name: Opt) -> Option<&'static str> {
        match self.get(name) {
            Some(Value::Choice(s)) => Some(s),
            _ => None,
        }
    }

    /// The file uploaded with the request, whichever option holds it: what an adapter
    /// keeps beside a saved request (a confirmation button), not an option read.
    pub fn upload(&self) -> Option<&Upload> {
        self.args.values().find_map(|v| match v {
            Value::File(f) => Some(f),
            _ => None,
        })
    }

    pub fn file(&self, name: Opt) -> Option<&Upload> {
        match self.get(name) {
            Some(Value::File(f)) => Some(f),
            _ => None,
        }
    }

    pub fn int(&self, name: Opt) -> Option<i64> {
        match self.get(name) {
            Some(Value::Int(n)) => Some(*n),
            _ => None,
        }
    }

    pub fn flag(&self, name: Opt) -> bool {
        matches!(self.get(name), Some(Value::Bool(true)))
    }

    pub fn date(&self, name: Opt) -> Option<FlexDate> {
        match self.get(name) {
            Some(Value::Date(d)) => Some(*d),
            Some(Value::Day(d)) => Some(FlexDate::Day(*d)),
            Some(Value::Month(m)) => Some(FlexDate::Month(*m)),
            _ => None,
        }
    }

    pub fn day(&self, name: Opt) -> Option<Day> {
        match self.get(name) {
            Some(Value::Day(d)) => Some(*d),
            _ => None,
        }
    }

    pub fn month(&self, name: Opt) -> Option<Month> {
        match self.get(name) {
            Some(Value::Month(m)) => Some(*m),
            _ => None,
        }
    }

    pub fn page(&self) -> i64 {
        self.int(arg::PAGE).unwrap_or(1)
    }

    /// For an edit: whether any field is given besides what names the record (its
    /// required options) and the `force` and `version` controls.
    pub fn changes_fields(&self) -> bool {
        self.spec.options.iter().any(|o| {
            !o.required && !matches!(o.name, "force" | "version") && self.args.contains_key(o.name)
        })
    }

    pub fn has(&self, name: Opt) -> bool {
        self.get(name).is_some()
    }

    /// The request as a console line, to show what will be run.
    pub fn to_line(&self) -> String {
        let mut line = self.spec.name();
        for (name, value) in &self.args {
            let v = match value_json(value) {
                Json::String(s) => s,
                other => other.to_string(),
            };
            line.push(' ');
            line.push_str(&crate::domain::text::typed(name, &v));
        }
        line
    }

    /// The request as data, to be run again later (a page button, a confirmation):
    /// `{"command": "visits list", "options": {"official": "Kim \"Danny\" O'Neil", "page": 2}}`.
    /// Numbers and flags are JSON numbers and booleans, everything else its text; a file
    /// is named only, its bytes are kept beside (`file`).
    pub fn to_json(&self) -> Json {
        let options: Map<String, Json> = self
            .args
            .iter()
            .map(|(name, value)| (name.to_string(), value_json(value)))
            .collect();
        serde_json::json!({"command": self.spec.path.join(" "), "options": options})
    }

    /// The request `to_json` wrote, checked again against the catalog (which may have
    /// changed since); `upload` is the file it names, if any.
    pub fn from_json(data: &Json, upload: Option<Upload>) -> Result<Request, UserError> {
        let gone = || UserError::from(msg!("request-too-old"));
        let words: Vec<&str> = data["command"]
            .as_str()
            .ok_or_else(gone)?
            .split(' ')
            .collect();
        let spec = catalog::find(&words)
            .filter(|(spec, used)| *used == words.len() && spec.path.len() == words.len())
            .map(|(spec, _)| spec)
            .ok_or_else(gone)?;
        let mut raw = Vec::new();
        let mut file = None;
        for (name, value) in data["options"].as_object().ok_or_else(gone)? {
            let option = spec.option(name).ok_or_else(gone)?;
            if option.kind == OptionKind::File {
                let upload = upload
                    .clone()
                    .ok_or_else(|| UserError::from(msg!("upload-gone")))?;
                file = Some((option.name, upload));
                // A stand-in for the required option; the upload replaces it below.
                raw.push((name.clone(), "file".to_string()));
                continue;
            }
            raw.push((
                name.clone(),
                match value {
                    Json::String(s) => s.clone(),
                    Json::Number(_) | Json::Bool(_) => value.to_string(),
                    _ => return Err(gone()),
                },
            ));
        }
        let request = Request::build(spec, raw)?;
        Ok(match file {
            Some((name, upload)) => request.with(Opt(name), Value::File(upload)),
            None => request,
        })
    }

    /// The same request with one option replaced.
    pub fn with(&self, name: Opt, value: Value) -> Request {
        let mut copy = self.clone();
        copy.args.insert(name.0, value);
        copy
    }

    /// The same request without one option.
    pub fn without(&self, name: Opt) -> Request {
        let mut copy = self.clone();
        copy.args.remove(name.0);
        copy
    }
}

/// The option typed as `name`, or as its singular or plural (`provinces:` for
/// `province:`, `place:` for `places:`), since people type either.
fn option_named(spec: &'static CommandSpec, name: &str) -> Option<&'static OptionSpec> {
    spec.option(name).or_else(|| {
        let stem = name.strip_suffix('s').unwrap_or(name);
        let mut near = spec
            .options
            .iter()
            .filter(|o| o.name.strip_suffix('s').unwrap_or(o.name) == stem);
        match (near.next(), near.next()) {
            (Some(o), None) => Some(o),
            _ => None,
        }
    })
}

/// An option's value as JSON: numbers and flags as such, the rest as the text it is typed as.
fn value_json(value: &Value) -> Json {
    match value {
        Value::Text(s) => Json::from(s.as_str()),
        Value::File(f) => Json::from(f.name()),
        Value::Int(n) => Json::from(*n),
        Value::Bool(b) => Json::from(*b),
        Value::Date(d) => Json::from(d.to_string()),
        Value::Day(d) => Json::from(d.to_string()),
        Value::Month(m) => Json::from(m.to_string()),
        Value::Choice(c) => Json::from(*c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::CommandId;

    #[test]
    fn a_request_knows_which_options_were_read() {
        let r = Request::parse_line("/visits monthly from:2024-01").unwrap();
        assert_eq!(r.unread(), ["from", "to", "province"]);
        let _ = r.month(arg::FROM);
        let _ = r.text(arg::PROVINCE);
        // Reading an absent option counts: the command looked for it.
        assert_eq!(r.unread(), ["to"]);
        assert!(r.clone().unread() == ["to"], "a copy keeps what was read");
    }

    #[test]
    #[cfg(debug_assertions)]
    #[should_panic(expected = "which its catalog entry lacks")]
    fn reading_an_option_the_catalog_lacks_is_a_bug() {
        let r = Request::parse_line("/visits show 3").unwrap();
        let _ = r.text(arg::PROVINCE);
    }

    #[test]
    fn an_option_typed_in_the_singular_or_plural_is_the_same_option() {
        let r = Request::parse_line(
            "/outcome add kind:MOU title:T date:2024-06 provinces:\"Jiangsu, Hainan\"",
        )
        .unwrap();
        assert_eq!(r.text(arg::PROVINCE), Some("Jiangsu, Hainan"));
        let r = Request::parse_line("/visits list places:Jeju").unwrap();
        assert_eq!(r.text(arg::PLACE), Some("Jeju"));
        // A name that is neither stays refused, naming the options.
        let e = Request::parse_line("/visits list provincez:Jeju").unwrap_err();
        assert!(e.to_string().contains("its options are"), "{e}");
    }

    #[test]
    fn outcome_kinds_and_statuses_take_their_korean_and_chinese_words() {
        let r = Request::parse_line("/outcome add kind:양해각서 title:T date:2024-06 status:체결")
            .unwrap();
        assert_eq!(r.choice(arg::KIND), Some("MOU"));
        assert_eq!(r.choice(arg::STATUS), Some("signed"));
        let r = Request::parse_line("/outcomes list kind:投资承诺").unwrap();
        assert_eq!(r.choice(arg::KIND), Some("investment pledge"));
    }

    #[test]
    fn parses_a_console_line() {
        let r = Request::parse_line(
            "/visits monthly from:2024-01 to:2024-12 province:\"Jiangsu, Hainan\"",
        )
        .unwrap();
        assert_eq!(r.spec.id, CommandId::VisitsMonthly);
        assert_eq!(r.month(arg::FROM).unwrap().to_string(), "2024-01");
        assert_eq!(r.text(arg::PROVINCE), Some("Jiangsu, Hainan"));
    }

    #[test]
    fn urls_and_quoted_names_are_values() {
        let r = Request::parse_line(
            "/record visit add province:Hainan start:2024-05-29 leader:\"Liu Xiaoming\" source:https://example.org/a?b=c:d",
        )
        .unwrap();
        assert_eq!(r.text(arg::SOURCE), Some("https://example.org/a?b=c:d"));
        assert_eq!(r.text(arg::LEADER), Some("Liu Xiaoming"));
        assert_eq!(r.date(arg::START).unwrap().to_string(), "2024-05-29");
    }

    #[test]
    fn positional_values_fill_required_options() {
        let r = Request::parse_line("/visits show 3").unwrap();
        assert_eq!(r.int(arg::ID), Some(3));
        let r = Request::parse_line("/help visits monthly").unwrap();
        assert_eq!(r.text(arg::COMMAND), Some("visits monthly"));
    }

    #[test]
    fn bad_input_says_what_to_type() {
        let cases = [
            ("/visits monthly from:2024-13", "month"),
            ("/visits monthly bogus:1", "no option `bogus`"),
            ("/visits show", "needs `id:`"),
            ("/visits show id:abc", "whole number"),
            ("/visits", "incomplete"),
            ("/nothing", "no command"),
            ("/official show name:\"Oh", "quote"),
            ("/export what:visits format:xml", "one of"),
            ("/visits show id:1 id:2", "twice"),
        ];
        for (line, expected) in cases {
            let err = Request::parse_line(line).unwrap_err();
            assert!(err.to_string().contains(expected), "{line}: {err}");
        }
    }

    #[test]
    fn a_request_is_saved_as_data_and_checked_again() {
        let spec = catalog::spec(CommandId::OfficialHistory);
        let name = "Kim \"Danny\" O'Neil \\ a:b";
        let r = Request::build(
            spec,
            vec![("name".into(), name.into()), ("page".into(), "2".into())],
        )
        .unwrap();
        let data = r.to_json();
        assert_eq!(
            data,
            serde_json::json!({"command": "official history", "options": {"name": name, "page": 2}})
        );
        let again = Request::from_json(&data, None).unwrap();
        assert_eq!((again.text(arg::NAME), again.page()), (Some(name), 2));
        // What the catalog no longer takes is refused, not guessed at.
        for stale in [
            serde_json::json!({"command": "official gone", "options": {}}),
            serde_json::json!({"command": "official history", "options": {"name": name, "colour": "red"}}),
            serde_json::json!({"command": "official history", "options": {"name": name, "page": 0}}),
        ] {
            assert!(Request::from_json(&stale, None).is_err(), "{stale}");
        }
        let import = serde_json::json!({"command": "data import", "options": {"file": "a.csv"}});
        assert!(
            Request::from_json(&import, None)
                .unwrap_err()
                .to_string()
                .contains("attach it again")
        );
        let upload = Upload::bytes("a.csv", b"province,start\n".to_vec());
        let r = Request::from_json(&import, Some(upload.clone())).unwrap();
        assert_eq!(r.file(arg::FILE), Some(&upload));
    }

    #[test]
    fn to_line_round_trips() {
        let r = Request::parse_line("/official history name:\"Oh Young-hun\" page:2").unwrap();
        let again = Request::parse_line(&r.to_line()).unwrap();
        assert_eq!(again.text(arg::NAME), Some("Oh Young-hun"));
        assert_eq!(again.page(), 2);
        for name in [
            "Kim \"Danny\" O'Neil",
            "a\\b \"c\"",
            "'quoted'",
            "C:\\new path",
        ] {
            let r = Request::parse_line("/official history name:x")
                .unwrap()
                .with(arg::NAME, Value::Text(name.into()));
            let again = Request::parse_line(&r.to_line()).unwrap();
            assert_eq!(again.text(arg::NAME), Some(name), "{}", r.to_line());
        }
    }

    #[test]
    fn quotes_inside_values_are_typed_with_a_backslash() {
        let r = Request::parse_line(r#"/official show name:"=HYPERLINK(\"x\")""#).unwrap();
        assert_eq!(r.text(arg::NAME), Some(r#"=HYPERLINK("x")"#));
        let r = Request::parse_line(r#"/official show name:"back\\slash""#).unwrap();
        assert_eq!(r.text(arg::NAME), Some(r"back\slash"));
        // An apostrophe inside a word is a letter.
        let r = Request::parse_line("/visits list city:Xi'an").unwrap();
        assert_eq!(r.text(arg::CITY), Some("Xi'an"));
        let r = Request::parse_line("/official show O'Neil").unwrap();
        assert_eq!(r.text(arg::NAME), Some("O'Neil"));
    }
}
