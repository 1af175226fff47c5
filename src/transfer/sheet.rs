//! CSV files as spreadsheets write them: comma, semicolon or tab separated; LF, CRLF or CR
//! line ends; trailing empty columns and empty rows; headers in English or Korean. The csv
//! crate reads the cells; this module checks what it would silently accept (a quote left
//! open, text after a closing quote) and gives every row its real line number.

use super::Entity;
use super::item::{Item, Location};
use crate::error::UserError;
use crate::msg;
use crate::transfer::Columns;
use crate::transfer::item::kind_name;

/// Where each line starts, counting `\r\n`, `\r` and `\n` each as one line break.
struct Lines(Vec<usize>);

impl Lines {
    fn of(text: &str) -> Lines {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                    starts.push(i + 2);
                    i += 2;
                    continue;
                }
                b'\r' | b'\n' => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        Lines(starts)
    }

    /// The 1-based line holding byte `offset`.
    fn at(&self, offset: usize) -> u32 {
        self.0.partition_point(|s| *s <= offset) as u32
    }

    /// The line a record starts on. The csv crate reports a record's position before the
    /// line break that ends the previous one (the `\n` of a `\r\n`, a lone `\r`), so
    /// line breaks at that position are stepped over first.
    fn of_record(&self, text: &str, offset: usize) -> u32 {
        let skipped = text.as_bytes()[offset.min(text.len())..]
            .iter()
            .take_while(|b| matches!(b, b'\r' | b'\n'))
            .count();
        self.at(offset + skipped)
    }
}

/// The separator the header line uses most: comma, semicolon (Korean Excel) or tab.
fn separator(text: &str) -> u8 {
    let mut counts = [(b',', 0), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for b in text.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b'\r' | b'\n' if !quoted => break,
            _ if !quoted => {
                if let Some(c) = counts.iter_mut().find(|(s, _)| *s == b) {
                    c.1 += 1;
                }
            }
            _ => {}
        }
    }
    // Ties go to the comma: the first of the maxima.
    counts
        .iter()
        .fold((b',', 0), |best, c| if c.1 > best.1 { *c } else { best })
        .0
}

/// Refuses quoting the csv crate would read leniently: a quote still open at the end of the
/// file, or text right after a closing quote (which is how a quote left open shows up
/// when a later cell opens another). Either names the line where the quote opened.
fn check_quotes(name: &str, text: &str, sep: u8, lines: &Lines) -> Result<(), UserError> {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut field_start = true;
    while i < bytes.len() {
        let b = bytes[i];
        if field_start && b == b'"' {
            let opened = i;
            i += 1;
            loop {
                match bytes.get(i) {
                    None => {
                        return Err(UserError::from(msg!(
                            "import-quote-open",
                            file = name,
                            line = lines.at(opened)
                        )));
                    }
                    Some(b'"') if bytes.get(i + 1) == Some(&b'"') => i += 2,
                    Some(b'"') => {
                        i += 1;
                        match bytes.get(i) {
                            None | Some(b'\r' | b'\n') => break,
                            Some(c) if *c == sep => break,
                            Some(_) => {
                                return Err(UserError::from(msg!(
                                    "import-quote-text-after",
                                    file = name,
                                    line = lines.at(i),
                                    opened = lines.at(opened)
                                )));
                            }
                        }
                    }
                    Some(_) => i += 1,
                }
            }
            field_start = false;
            continue;
        }
        field_start = b == sep || b == b'\r' || b == b'\n';
        i += 1;
    }
    Ok(())
}

/// The header's columns: each named cell mapped to a column of `kind`; trailing empty
/// cells dropped. Refuses unknown, unnamed and repeated columns.
fn columns(name: &str, header: &[String]) -> Result<(Entity, Vec<&'static str>), UserError> {
    let named = header
        .iter()
        .rposition(|h| !h.trim().is_empty())
        .map_or(0, |last| last + 1);
    let header: Vec<&str> = header[..named].iter().map(|h| h.trim()).collect();
    let kind = super::detect(header.iter().copied())
        .ok_or_else(|| UserError::from(msg!("import-header-unknown", file = name)))?;
    let mut out: Vec<&'static str> = Vec::new();
    for (i, h) in header.iter().enumerate() {
        if h.is_empty() {
            return Err(UserError::from(msg!(
                "import-header-unnamed",
                file = name,
                n = i + 1
            )));
        }
        let column = kind.column(h).ok_or_else(|| {
            UserError::from(msg!(
                "import-header-not-column",
                file = name,
                header = h.chars().take(40).collect::<String>(),
                kind = kind_name(kind),
                columns = kind.columns().join(", ")
            ))
        })?;
        if let Some(first) = out.iter().position(|c| *c == column) {
            return Err(UserError::from(msg!(
                "import-header-twice",
                file = name,
                column = column,
                first = header[first].chars().take(40).collect::<String>(),
                second = h.chars().take(40).collect::<String>()
            )));
        }
        out.push(column);
    }
    Ok((kind, out))
}

/// Reads a CSV text (byte-order mark already removed) into items of one kind; says which
/// kind, and whether the file is an export (it names the `database` column).
pub fn read(name: &str, text: &str) -> Result<(Entity, bool, Vec<Item>), UserError> {
    let lines = Lines::of(text);
    let sep = separator(text);
    check_quotes(name, text, sep, &lines)?;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sep)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header: Vec<String> = match records.next() {
        Some(Ok(h)) => h.iter().map(String::from).collect(),
        Some(Err(e)) => {
            return Err(UserError::from(msg!(
                "import-header-unreadable",
                file = name,
                error = e.to_string()
            )));
        }
        None => return Err(UserError::from(msg!("import-file-empty", file = name))),
    };
    let (kind, columns) = columns(name, &header)?;
    let mut items = Vec::new();
    for record in records {
        let record = record.map_err(|e| {
            UserError::from(msg!(
                "import-csv-unreadable",
                file = name,
                error = e.to_string()
            ))
        })?;
        let line = record
            .position()
            .map_or(0, |p| lines.of_record(text, p.byte() as usize));
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let extra = record
            .iter()
            .skip(columns.len())
            .any(|c| !c.trim().is_empty());
        if record.len() < columns.len() || extra {
            let cells = if extra {
                record.len()
            } else {
                record.len().min(columns.len())
            };
            return Err(UserError::from(msg!(
                "import-cells",
                file = name,
                line = line,
                cells = cells,
                columns = columns.len(),
                separator = if sep == b'\t' {
                    "tab".to_string()
                } else {
                    (sep as char).to_string()
                }
            )));
        }
        let cells = columns
            .iter()
            .zip(record.iter())
            .map(|(c, v)| (*c, super::unneutralize(v.trim()).trim().to_string()))
            .filter(|(_, v)| !v.is_empty())
            .collect();
        items.push(Item {
            kind,
            at: Location::Line(line),
            cells,
        });
    }
    Ok((kind, columns.contains(&super::DATABASE), items))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_of(text: &str) -> Vec<u32> {
        read("t.csv", text)
            .unwrap()
            .2
            .iter()
            .map(|i| match i.at {
                Location::Line(l) => l,
                _ => 0,
            })
            .collect()
    }

    #[test]
    fn line_numbers_hold_for_every_line_end() {
        for end in ["\n", "\r\n", "\r"] {
            let text = [
                "province,start",
                "Hebei,2023-01-01",
                "",
                "Hunan,2023-02-01",
                "",
            ]
            .join(end);
            assert_eq!(lines_of(&text), [2, 4], "{end:?}");
        }
        // A quoted cell over two lines moves the next row down.
        assert_eq!(
            lines_of(
                "province,start,purpose\r\nHebei,2023-01-01,\"a\r\nb\"\r\nHunan,2023-02-01,c\r\n"
            ),
            [2, 4]
        );
    }

    #[test]
    fn separators_are_detected() {
        for sep in [",", ";", "\t"] {
            let text = format!("province{sep}start\nHebei{sep}2023-01-01\n");
            assert_eq!(read("t.csv", &text).unwrap().2[0].cells.len(), 2, "{sep:?}");
        }
    }

    #[test]
    fn a_quote_left_open_names_its_line() {
        let text = "province,start,purpose\nHebei,2023-01-01,\"Talks on \"\"5G\"\" and more\nHunan,2023-02-01,Trade\nHubei,2023-03-01,Culture\n";
        let err = read("t.csv", text).unwrap_err();
        assert!(
            err.to_string()
                .contains("line 2: a quote opened here is never closed"),
            "{err}"
        );
        let text = "province,start,purpose\nHebei,2023-01-01,\"Talks\nHunan,2023-02-01,\"Trade\"\n";
        let err = read("t.csv", text).unwrap_err();
        assert!(err.to_string().contains("quote opened on line 2"), "{err}");
    }

    #[test]
    fn spreadsheet_padding_is_ignored() {
        let text = "province,start,,\nHebei,2023-01-01,,\n,,,\n\nHunan,2023-02-01,,\n";
        assert_eq!(lines_of(text), [2, 5]);
        let err = read("t.csv", "province,start\nHebei,2023-01-01,x\n").unwrap_err();
        assert!(err.to_string().contains("line 2: 3 cells"), "{err}");
    }

    #[test]
    fn repeated_and_unnamed_columns_are_refused() {
        let err = read("t.csv", "province,start,province\nHebei,2023-01-01,Hunan\n").unwrap_err();
        assert!(err.to_string().contains("names `province` twice"), "{err}");
        let err = read(
            "t.csv",
            "province,Start,시작일\nHebei,2023-01-01,2023-01-01\n",
        )
        .unwrap_err();
        assert!(err.to_string().contains("`start` twice"), "{err}");
        let err = read("t.csv", "province,,start\nHebei,,2023-01-01\n").unwrap_err();
        assert!(
            err.to_string()
                .contains("column 2 of the header has no name"),
            "{err}"
        );
    }
}
