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

/// A bar chart as data; the Discord adapter draws it as a PNG, the console as text bars.
#[derive(Debug, Clone)]
pub struct Chart {
    pub title: String,
    pub labels: Vec<String>,
    pub values: Vec<i64>,
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
        format!(
            "page {} of {} · {} in all",
            self.page, self.pages, self.total
        )
    }
}
