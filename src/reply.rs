//! A platform-neutral answer. Adapters render it: the console as plain text, Discord as
//! embeds, attachments and buttons within Discord's limits.

use serde_json::Value as Json;

#[derive(Debug, Clone, Default)]
pub struct Reply {
    pub title: String,
    pub text: Option<String>,
    pub fields: Vec<Field>,
    pub table: Option<Table>,
    /// The table may be long: where it cannot be shown whole (Discord), send it as a file.
    pub table_file: bool,
    pub chart: Option<Chart>,
    pub attachments: Vec<Attachment>,
    pub page: Option<Page>,
    pub footer: Option<String>,
    /// Asks the user to confirm before this request is run.
    pub confirm: Option<Confirm>,
    pub ephemeral: bool,
    /// The structured result (`ask --json` prints it as `data`).
    pub data: Json,
}

#[derive(Debug, Clone)]
pub struct Field {
    pub name: String,
    pub value: String,
    pub inline: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Columns aligned right (numbers).
    pub numeric: Vec<bool>,
}

/// A bar chart as data; Discord and `ask --chart` draw it as a PNG (`crate::chart`).
/// Labels that are months (`2024-01`) make a time series, drawn as vertical bars in their
/// order; any other labels (names) make a ranking, drawn as horizontal bars, largest first,
/// each bar named.
#[derive(Debug, Clone, Default)]
pub struct Chart {
    pub title: String,
    pub labels: Vec<String>,
    pub values: Vec<i64>,
}

impl Chart {
    /// Whether every label is a year, month or day (`2024`, `2024-01`, `2024-01-31`): a
    /// time series rather than a ranking of names.
    pub fn is_time_series(&self) -> bool {
        !self.labels.is_empty()
            && self.labels.iter().all(|l| {
                let b = l.as_bytes();
                b.len() >= 4
                    && b[..4].iter().all(u8::is_ascii_digit)
                    && b.iter().all(|c| c.is_ascii_digit() || *c == b'-')
            })
    }
}

#[derive(Debug, Clone)]
pub struct Attachment {
    pub filename: String,
    pub content_type: &'static str,
    pub bytes: Vec<u8>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    pub page: i64,
    pub pages: i64,
    pub total: i64,
}

#[derive(Debug, Clone)]
pub struct Confirm {
    pub prompt: String,
    /// What runs when the user confirms.
    pub request: crate::request::Request,
}

impl Reply {
    pub fn new(title: impl Into<String>) -> Reply {
        Reply {
            title: title.into(),
            data: Json::Null,
            ..Default::default()
        }
    }

    pub fn text(mut self, text: impl Into<String>) -> Reply {
        self.text = Some(text.into());
        self
    }

    pub fn field(mut self, name: impl Into<String>, value: impl Into<String>) -> Reply {
        let value = value.into();
        self.fields.push(Field {
            name: name.into(),
            value: if value.is_empty() {
                "—".into()
            } else {
                value
            },
            inline: false,
        });
        self
    }

    /// A field only when there is something to show.
    pub fn field_opt(self, name: &str, value: Option<impl Into<String>>) -> Reply {
        match value {
            Some(v) => self.field(name, v),
            None => self,
        }
    }

    pub fn inline(mut self, name: impl Into<String>, value: impl Into<String>) -> Reply {
        self.fields.push(Field {
            name: name.into(),
            value: value.into(),
            inline: true,
        });
        self
    }

    pub fn table(mut self, table: Table) -> Reply {
        self.table = Some(table);
        self
    }

    pub fn chart(mut self, chart: Chart) -> Reply {
        self.chart = Some(chart);
        self
    }

    pub fn footer(mut self, footer: impl Into<String>) -> Reply {
        self.footer = Some(footer.into());
        self
    }

    pub fn data(mut self, data: Json) -> Reply {
        self.data = data;
        self
    }

    pub fn paged(mut self, page: Page) -> Reply {
        self.page = Some(page);
        self
    }
}

impl Table {
    pub fn new(headers: &[&str], numeric: &[bool]) -> Table {
        Table {
            headers: headers.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
            numeric: numeric.to_vec(),
        }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }
}

/// The widest a table cell is shown, in terminal columns.
const CELL_MAX: usize = 60;

/// How many columns a text takes in a terminal or a code block: wide CJK and Hangul
/// characters take two.
pub fn display_width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// A cell as one line at most `CELL_MAX` columns wide: line breaks become spaces, and a
/// cut is made by columns and marked with `...`.
fn cell_text(cell: &str) -> String {
    let flat: String = cell
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if display_width(&flat) <= CELL_MAX {
        return flat;
    }
    let mut out = String::new();
    let mut used = 0;
    for c in flat.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > CELL_MAX - 3 {
            break;
        }
        used += w;
        out.push(c);
    }
    out + "..."
}

impl Table {
    /// Columns padded to their widest cell, by display width.
    pub fn render(&self) -> String {
        let cols = self.headers.len();
        let cells = |row: &[String]| -> Vec<String> {
            row.iter().take(cols).map(|c| cell_text(c)).collect()
        };
        let headers = cells(&self.headers);
        let rows: Vec<Vec<String>> = self.rows.iter().map(|r| cells(r)).collect();
        let mut widths: Vec<usize> = headers.iter().map(|h| display_width(h)).collect();
        for row in &rows {
            for (i, cell) in row.iter().enumerate() {
                widths[i] = widths[i].max(display_width(cell));
            }
        }
        let line = |cells: &[String]| {
            let mut s = String::new();
            for (i, cell) in cells.iter().enumerate() {
                let pad = " ".repeat(widths[i].saturating_sub(display_width(cell)));
                if self.numeric.get(i).copied().unwrap_or(false) {
                    s.push_str(&pad);
                    s.push_str(cell);
                } else {
                    s.push_str(cell);
                    s.push_str(&pad);
                }
                s.push_str("  ");
            }
            s.trim_end().to_string() + "\n"
        };
        let mut out = line(&headers);
        out.push_str(&line(
            &widths.iter().map(|w| "-".repeat(*w)).collect::<Vec<_>>(),
        ));
        for row in &rows {
            out.push_str(&line(row));
        }
        out
    }
}

impl Page {
    pub const SIZE: i64 = 10;

    /// Clamps a requested page to what exists (page 1 when there is nothing).
    pub fn of(requested: i64, total: i64) -> Page {
        let pages = ((total + Self::SIZE - 1) / Self::SIZE).max(1);
        Page {
            page: requested.clamp(1, pages),
            pages,
            total,
        }
    }

    pub fn offset(&self) -> i64 {
        (self.page - 1) * Self::SIZE
    }

    pub fn label(&self) -> String {
        crate::t!(
            "page-label",
            page = self.page,
            pages = self.pages,
            total = self.total
        )
    }
}
