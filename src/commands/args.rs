//! Each command reads its options once, into a typed `Args` struct of its own (in the
//! command's file): dates as `FlexDate`s and `Month`s, choices as the domain's
//! vocabularies, an edit's optional fields as `Edit`s. The parts several commands share
//! live here. A catalog test runs every command and checks that it read every option its
//! catalog entry has (and, in debug builds, none that it lacks).

use crate::catalog::{Opt, arg};
use crate::domain::{DateRange, FlexDate, Month};
use crate::error::Result;
use crate::msg;
use crate::report::MAX_MONTHS;
use crate::request::Request;

/// A command's options in their domain types, read from its request.
pub trait Args: Sized {
    fn read(req: &Request) -> Result<Self>;
}

pub fn read<A: Args>(req: &Request) -> Result<A> {
    A::read(req)
}

/// `id`: the one record a show or delete command is about.
pub struct Id(pub i64);

impl Args for Id {
    fn read(req: &Request) -> Result<Self> {
        Ok(Id(req.int(arg::ID).expect("required by the catalog")))
    }
}

/// `name`: the official a command is about, as typed (resolved against the aliases later).
pub struct Name(pub String);

impl Args for Name {
    fn read(req: &Request) -> Result<Self> {
        Ok(Name(req.text(arg::NAME).unwrap_or_default().to_string()))
    }
}

/// `from` and `to` as months, for reports over whole months: as given, else the 12 months
/// up to the current month (a planned visit does not move the window).
#[derive(Debug, Clone, Copy)]
pub struct Months {
    pub from: Month,
    pub to: Month,
}

impl Months {
    pub fn read(req: &Request) -> Result<Months> {
        let now = crate::domain::Day::today().month();
        let (from, to) = match (req.month(arg::FROM), req.month(arg::TO)) {
            (Some(f), Some(t)) => (f, t),
            (Some(f), None) => (f, now.max(f).min(f.plus(MAX_MONTHS - 1))),
            (None, Some(t)) => (t.plus(-11), t),
            (None, None) => (now.plus(-11), now),
        };
        if to < from {
            return Err(msg!(
                "months-reversed",
                to = to.to_string(),
                from = from.to_string()
            )
            .into());
        }
        if from.count_to(to) > MAX_MONTHS {
            return Err(msg!("months-too-many", n = from.count_to(to), max = MAX_MONTHS).into());
        }
        Ok(Months { from, to })
    }
}

/// `from` and `to` as days or months, either or both left open.
#[derive(Debug, Clone, Copy)]
pub struct Bounds {
    pub from: Option<FlexDate>,
    pub to: Option<FlexDate>,
    /// The days they cover (open ends reach the first and last days on record).
    pub range: DateRange,
}

impl Bounds {
    pub fn read(req: &Request) -> Result<Bounds> {
        let (from, to) = (req.date(arg::FROM), req.date(arg::TO));
        Ok(Bounds {
            from,
            to,
            range: DateRange::from_bounds(from, to)?,
        })
    }

    pub fn given(&self) -> bool {
        self.from.is_some() || self.to.is_some()
    }
}

/// The page a paged list asks for (1 unless given).
pub fn page(req: &Request) -> i64 {
    req.int(arg::PAGE).unwrap_or(1)
}

/// An optional field of an edit: left as it is, given a new value, or emptied with
/// `clear:` (only fields the catalog lets the command clear, and never one also given).
#[derive(Debug, Clone, PartialEq)]
pub enum Edit<T> {
    Keep,
    Set(T),
    Clear,
}

impl<T> Edit<T> {
    /// The field's value after the edit.
    pub fn apply(self, current: Option<T>) -> Option<T> {
        match self {
            Edit::Keep => current,
            Edit::Set(v) => Some(v),
            Edit::Clear => None,
        }
    }

    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Edit<U> {
        match self {
            Edit::Keep => Edit::Keep,
            Edit::Set(v) => Edit::Set(f(v)),
            Edit::Clear => Edit::Clear,
        }
    }

    pub fn is_keep(&self) -> bool {
        matches!(self, Edit::Keep)
    }
}

impl<T, E> Edit<std::result::Result<T, E>> {
    pub fn transpose(self) -> std::result::Result<Edit<T>, E> {
        Ok(match self {
            Edit::Keep => Edit::Keep,
            Edit::Set(v) => Edit::Set(v?),
            Edit::Clear => Edit::Clear,
        })
    }
}

/// What an edit asks for besides its fields: which fields `clear:` empties, the version
/// its author saw, and whether they changed anything at all.
pub struct EditOf<'r> {
    req: &'r Request,
    cleared: Vec<&'static str>,
    pub version: Option<i64>,
    /// False for an edit that names the record and nothing to change.
    pub changes: bool,
}

impl<'r> EditOf<'r> {
    pub fn read(req: &'r Request) -> Result<EditOf<'r>> {
        let clearable = crate::catalog::clearable(req.spec.id);
        // `-` emptied a field once; Discord cannot send it for dates and numbers.
        if let Some(field) = clearable.iter().find(|f| req.text(Opt(f)) == Some("-")) {
            return Err(msg!("clear-not-dash", field = *field).into());
        }
        let mut cleared = Vec::new();
        for name in req.text(arg::CLEAR).unwrap_or_default().split(',') {
            let name = name.trim().to_lowercase();
            if name.is_empty() {
                continue;
            }
            // A field by its catalog name or the reader's (`비우기:인원`).
            let name =
                crate::i18n::commands::option_word(req.spec, &name).map_or(name, String::from);
            let Some(field) = clearable.iter().find(|f| **f == name) else {
                return Err(msg!(
                    "clear-unknown-field",
                    fields = clearable.join(", "),
                    example = clearable[..2].join(",")
                )
                .into());
            };
            if req.has(Opt(field)) {
                return Err(msg!("clear-and-given", field = *field).into());
            }
            cleared.push(*field);
        }
        Ok(EditOf {
            req,
            cleared,
            // Only edits of a record carry the version their author saw.
            version: req
                .spec
                .options
                .iter()
                .any(|o| o.name == "version")
                .then(|| req.int(arg::VERSION))
                .flatten(),
            changes: req.changes_fields(),
        })
    }

    fn edit<T>(&self, name: Opt, given: Option<T>) -> Edit<T> {
        match given {
            Some(v) => Edit::Set(v),
            None if self.cleared.contains(&name.0) => Edit::Clear,
            None => Edit::Keep,
        }
    }

    pub fn text(&self, name: Opt) -> Edit<String> {
        self.edit(name, self.req.text(name).map(String::from))
    }

    pub fn date(&self, name: Opt) -> Edit<FlexDate> {
        self.edit(name, self.req.date(name))
    }

    pub fn int(&self, name: Opt) -> Edit<i64> {
        self.edit(name, self.req.int(name))
    }
}

impl Args for Bounds {
    fn read(req: &Request) -> Result<Self> {
        Bounds::read(req)
    }
}

impl Args for Months {
    fn read(req: &Request) -> Result<Self> {
        Months::read(req)
    }
}
