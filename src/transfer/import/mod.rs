//! Importing a CSV or JSON file: read it strictly (`parse`), then check every row with the
//! rules a typed command applies and write the accepted ones in bulk, all in one
//! transaction (`run`). A preview is the same work rolled back.
//!
//! Which record a row means: a row with an `id` updates that record only when the file comes
//! from this database (its `database` cell or the JSON's `database` key) and carries the
//! version it was exported at; rows of another database, or of none, add new records, with
//! the duplicate checks of typed commands. Into a database that never held a record, an
//! import is a restore: the file's ids, versions and identity are kept.

mod forums;
mod job;
mod meetings;
mod officials;
mod outcomes;
mod rows;
mod update;
mod visits;

pub use super::item::{Item, Location, Refusal};
pub use job::{Change, Counts, Options, Report};

use std::borrow::Cow;

use encoding_rs::{DecoderResult, EUC_KR, Encoding, UTF_8};

use super::Entity;
use crate::error::{Result, UserError};
use crate::progress::Progress;
use crate::store::audit::Author;
use crate::store::{self, WriteTx};

/// The largest upload the Discord adapter accepts; the command line takes any size.
pub const MAX_BYTES: usize = 20 * 1024 * 1024;

/// A file read into items, not yet checked.
#[derive(Debug, Clone)]
pub struct File {
    pub name: String,
    /// The kinds the file holds (an exported file may hold none of a kind).
    pub kinds: Vec<Entity>,
    /// The database a JSON export names at its top (CSV rows name theirs in a column).
    pub identity: Option<String>,
    pub items: Vec<Item>,
}

/// A file's bytes as text. UTF-8, with or without a byte-order mark, is read as it is; a
/// UTF-16 byte-order mark (Excel's "Unicode text") says UTF-16; any other file that is not
/// UTF-8 is read as CP949, what Korean Excel's "CSV (쉼표로 분리)" writes (encoding_rs's
/// EUC-KR is the WHATWG superset, which is CP949). A byte that none of these reads refuses
/// the file, naming its line.
fn decode<'a>(name: &str, bytes: &'a [u8]) -> Result<Cow<'a, str>, UserError> {
    let (encoding, bom) = Encoding::for_bom(bytes).unwrap_or((UTF_8, 0));
    let body = &bytes[bom..];
    if encoding != UTF_8 {
        return strict(encoding, body)
            .map(Cow::Owned)
            .map_err(|(_, read)| not_text(name, &read));
    }
    let e = match std::str::from_utf8(body) {
        Ok(text) => return Ok(Cow::Borrowed(text)),
        Err(e) => e,
    };
    let utf8 = std::str::from_utf8(&body[..e.valid_up_to()]).unwrap_or_default();
    if bom > 0 {
        return Err(not_text(name, utf8));
    }
    match strict(EUC_KR, body) {
        Ok(text) => Ok(Cow::Owned(text)),
        // The line named is where the reading that went further stops.
        Err((at, read)) if at > e.valid_up_to() => Err(not_text(name, &read)),
        Err(_) => Err(not_text(name, utf8)),
    }
}

/// `bytes` decoded as `encoding`, or where the first byte it cannot read is and the text
/// before it.
fn strict(encoding: &'static Encoding, bytes: &[u8]) -> Result<String, (usize, String)> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(usize::MAX / 2);
    let mut text = String::with_capacity(capacity);
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut text, true);
    match result {
        DecoderResult::InputEmpty => Ok(text),
        DecoderResult::Malformed(bad, extra) => {
            Err((read - usize::from(bad) - usize::from(extra), text))
        }
        DecoderResult::OutputFull => Err((read, text)),
    }
}

/// The refusal of a file whose text stops being readable after `read`.
fn not_text(name: &str, read: &str) -> UserError {
    let bytes = read.as_bytes();
    let line = bytes.iter().filter(|b| **b == b'\n').count()
        + bytes
            .windows(2)
            .filter(|w| w[0] == b'\r' && w[1] != b'\n')
            .count()
        + usize::from(bytes.last() == Some(&b'\r'))
        + 1;
    UserError::from(crate::msg!("import-not-text", file = name, line = line))
}

/// Reads a file into items, checking its shape but not yet its values.
pub fn parse(name: &str, bytes: &[u8]) -> Result<File, UserError> {
    let text = decode(name, bytes)?;
    let text = text.as_ref();
    let first = text.trim_start().chars().next();
    let json = matches!(first, Some('[' | '{')) || name.to_lowercase().ends_with(".json");
    let (identity, kinds, mut items, exported) = match first {
        None => {
            return Err(UserError::from(crate::msg!(
                "import-file-empty",
                file = name
            )));
        }
        Some(_) if json => {
            let r = super::json::read(name, text)?;
            let exported = r.identity.is_some();
            (r.identity, r.kinds, r.items, exported)
        }
        Some(_) => {
            let (kind, exported, items) = super::sheet::read(name, text)?;
            (None, vec![kind], items, exported)
        }
    };
    // An export of a kind with no records is a file with nothing to do; a hand-made one
    // without rows is a mistake worth a word.
    if items.is_empty() && !exported {
        return Err(UserError::from(crate::msg!(
            "import-no-records",
            file = name
        )));
    }
    if let Some(identity) = &identity {
        for item in &mut items {
            item.set_identity(identity);
        }
    }
    Ok(File {
        name: name.to_string(),
        kinds,
        identity,
        items,
    })
}

/// Checks and writes a parsed file in the transaction `tx`, kind by kind in the order that
/// lets later kinds refer to earlier ones; commits when `opts.apply` and no row was
/// refused, otherwise rolls back.
pub async fn run(
    tx: WriteTx,
    author: &Author<'_>,
    file: File,
    opts: &Options,
    progress: &Progress,
) -> Result<Report> {
    let (mut job, by_kind, opened) = job::start(tx, author, file, opts, progress).await?;
    for (kind, items) in by_kind {
        job.count(kind);
        match kind {
            Entity::Official => officials::import(&mut job, items).await?,
            Entity::Visit => rows::import::<store::visit::Fields>(&mut job, items).await?,
            Entity::Forum => rows::import::<store::forum::Fields>(&mut job, items).await?,
            Entity::Meeting => rows::import::<store::meeting::Fields>(&mut job, items).await?,
            Entity::Outcome => rows::import::<store::outcome::Fields>(&mut job, items).await?,
        }
    }
    job::end(job, opened).await
}
