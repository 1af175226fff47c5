use delegation_bot::commands::{Actor, App};
use delegation_bot::error::Error;
use delegation_bot::reply::Reply;
use delegation_bot::store;
use serde_json::Value;
use tempfile::TempDir;

pub struct TestApp {
    pub app: App,
    pub dir: TempDir,
    pub moderator: Actor,
    pub member: Actor,
}

impl TestApp {
    /// A fresh database file with migrations applied.
    pub async fn new() -> TestApp {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("test.db").display());
        let app = App::new(store::open(&url).await.unwrap());
        TestApp {
            app,
            dir,
            moderator: Actor {
                id: "u:mod".into(),
                name: "Moderator".into(),
                moderator: true,
                lang: delegation_bot::i18n::Lang::En,
            },
            member: Actor {
                id: "u:member".into(),
                name: "Member".into(),
                moderator: false,
                lang: delegation_bot::i18n::Lang::En,
            },
        }
    }

    /// With the sample data set loaded.
    pub async fn with_sample() -> TestApp {
        let t = TestApp::new().await;
        delegation_bot::sample::load_sample(&t.app, &t.moderator)
            .await
            .unwrap();
        t
    }

    pub async fn run(&self, line: &str) -> Result<Reply, Error> {
        self.app.run_line(&self.moderator, line).await
    }

    /// A moderator who reads `lang`.
    pub fn reader(lang: delegation_bot::i18n::Lang) -> Actor {
        Actor {
            id: format!("u:{lang}"),
            name: format!("Reader {lang}"),
            moderator: true,
            lang,
        }
    }

    /// Another moderator, for changes made by someone else.
    pub fn other_moderator() -> Actor {
        Actor {
            id: "u:other".into(),
            name: "Other".into(),
            moderator: true,
            lang: delegation_bot::i18n::Lang::En,
        }
    }

    /// Runs a line that must succeed; returns its `data`.
    pub async fn ok(&self, line: &str) -> Value {
        match self.run(line).await {
            Ok(r) => r.data,
            Err(e) => panic!("{line} failed: {e:?}"),
        }
    }

    /// Runs a line that must be refused as the user's mistake; returns the message.
    pub async fn refused(&self, line: &str) -> String {
        match self.run(line).await {
            Ok(r) => panic!("{line} should have been refused, got {:?}", r.title),
            Err(e @ (Error::User(_) | Error::Refused(_))) => e.user_message(),
            Err(e) => panic!("{line} failed internally: {e:?}"),
        }
    }

    /// Writes `bytes` to a file called `name` and imports it, which must be refused;
    /// returns the message.
    pub async fn import_refused(&self, name: &str, bytes: &[u8]) -> String {
        let path = self.dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        self.refused(&format!(
            "/data import file:\"{}\" confirm:true",
            path.display()
        ))
        .await
    }

    /// A fingerprint of every table users change: equal before and after means nothing
    /// was written.
    pub async fn fingerprint(&self) -> String {
        let mut out = String::new();
        for table in [
            "visits",
            "visit_provinces",
            "visit_places",
            "visit_sources",
            "officials",
            "official_aliases",
            "meetings",
            "meeting_participants",
            "forums",
            "forum_visits",
            "outcomes",
            "outcome_provinces",
            "outcome_sources",
            "posts",
            "audit_batches",
            "audit_entries",
        ] {
            let columns: Vec<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
                "SELECT name FROM pragma_table_info('{table}')"
            )))
            .fetch_all(&self.app.db)
            .await
            .unwrap();
            let rows: Vec<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
                "SELECT json_array({}) FROM {table} ORDER BY 1",
                columns
                    .iter()
                    .map(|c| format!("\"{c}\""))
                    .collect::<Vec<_>>()
                    .join(", ")
            )))
            .fetch_all(&self.app.db)
            .await
            .unwrap();
            out.push_str(&format!("{table}: {}\n", rows.join("\n  ")));
        }
        out
    }

    /// Adds the officials used across tests.
    pub async fn people(&self) {
        for line in [
            "/record official add name:\"Xin Changxing\" country:China title:\"Party Secretary of Jiangsu\" province:Jiangsu local_name:信长星",
            "/record official add name:\"Oh Se-hoon\" country:Korea title:\"Mayor of Seoul\" local_name:오세훈",
            "/record official add name:\"Han Duck-soo\" country:Korea title:\"Prime Minister\"",
            "/record official add name:\"Liu Xiaoming\" country:China title:\"Governor of Hainan\" province:Hainan",
            "/record official add name:\"Oh Young-hun\" country:Korea title:\"Governor of Jeju\"",
        ] {
            self.ok(line).await;
        }
    }
}

pub fn id(data: &Value) -> i64 {
    data["id"].as_i64().expect("an id")
}
