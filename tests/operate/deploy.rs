//! The deployment files, checked as far as a machine without a container engine or systemd
//! can: they exist, name paths that exist, their commands are ones the binary accepts, the
//! Rust version matches Cargo.toml, the build context leaves out what must stay out. (That
//! the Dockerfile's HEALTHCHECK command reports a running bot's health is tested against a
//! real `serve` in tests/discord/operate.rs.)

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use clap::Parser;
use delegation_bot::cli::{Cli, Command};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> String {
    std::fs::read_to_string(repo().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The Dockerfile's instructions (continuations joined, comments dropped).
fn instructions(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('#') || (line.is_empty() && current.is_empty()) {
            continue;
        }
        match line.strip_suffix('\\') {
            Some(part) => current.push_str(part),
            None => {
                current.push_str(line);
                let (word, rest) = current.trim().split_once(' ').unwrap_or((&current, ""));
                out.push((word.to_uppercase(), rest.trim().to_string()));
                current.clear();
            }
        }
    }
    out
}

/// `["delegation-bot", "serve"]` (exec form) as words.
fn exec_form(s: &str) -> Vec<String> {
    serde_json::from_str(s).unwrap_or_else(|e| panic!("not an exec-form command: {s} ({e})"))
}

/// What the binary makes of a command line, or why it refuses it.
fn parse(words: &[String]) -> Command {
    assert!(
        words[0].ends_with("delegation-bot"),
        "runs the binary: {words:?}"
    );
    Cli::try_parse_from(words)
        .unwrap_or_else(|e| panic!("{words:?} is not a valid command line: {e}"))
        .command
}

fn rust_version() -> String {
    read("Cargo.toml")
        .lines()
        .find_map(|l| l.strip_prefix("rust-version = "))
        .expect("Cargo.toml has rust-version")
        .trim_matches('"')
        .to_string()
}

/// The folders and files the build reads: the manifest, the sources, and whatever the
/// sources include (`include_str!`, `include_bytes!`, `sqlx::migrate!`) or the manifest
/// names as targets (benches).
fn build_inputs() -> BTreeSet<String> {
    let mut inputs: BTreeSet<String> = ["Cargo.toml", "Cargo.lock", "src"].map(String::from).into();
    let mut stack = vec![repo().join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            for macro_ in ["include_str!(\"", "include_bytes!(\"", "migrate!(\""] {
                for (i, _) in text.match_indices(macro_) {
                    let literal = &text[i + macro_.len()..];
                    let literal = &literal[..literal.find('"').unwrap()];
                    let base = if macro_.starts_with("migrate") {
                        repo()
                    } else {
                        path.parent().unwrap().to_path_buf()
                    };
                    let target = base.join(literal).canonicalize().unwrap();
                    let top = target.strip_prefix(repo().canonicalize().unwrap()).unwrap();
                    inputs.insert(top.iter().next().unwrap().to_string_lossy().to_string());
                }
            }
        }
    }
    if read("Cargo.toml").contains("[[bench]]") {
        inputs.insert("benches".into());
    }
    inputs
}

#[test]
fn the_dockerfile_builds_locked_runs_unprivileged_and_checks_health() {
    let steps = instructions(&read("Dockerfile"));
    let froms: Vec<&String> = steps
        .iter()
        .filter(|(w, _)| w == "FROM")
        .map(|(_, r)| r)
        .collect();
    assert_eq!(froms.len(), 2, "multi-stage: build, then run");
    let build_image = froms[0].split_whitespace().next().unwrap();
    let tag = build_image
        .strip_prefix("rust:")
        .expect("built with the official Rust image");
    assert!(
        tag.starts_with(&format!("{}-", rust_version())),
        "{build_image} is not Cargo.toml's rust-version {}",
        rust_version()
    );
    assert!(
        !repo().join("rust-toolchain").exists() && !repo().join("rust-toolchain.toml").exists(),
        "a toolchain file would have to match the Dockerfile too"
    );
    // The binary links the build image's glibc: the run image is the same Debian release.
    let release = tag.rsplit('-').next().unwrap();
    assert_eq!(
        froms[1].as_str(),
        format!("debian:{release}-slim"),
        "run stage on the build's Debian release"
    );

    let runs: Vec<&String> = steps
        .iter()
        .filter(|(w, _)| w == "RUN")
        .map(|(_, r)| r)
        .collect();
    assert!(
        runs.iter()
            .any(|r| r.contains("cargo build --release --locked")),
        "built with the locked dependencies"
    );

    // Every COPY from the context names something that exists, and all the build reads
    // is copied.
    let mut copied = BTreeSet::new();
    for (_, rest) in steps
        .iter()
        .filter(|(w, r)| w == "COPY" && !r.starts_with("--from"))
    {
        let words: Vec<&str> = rest.split_whitespace().collect();
        for source in &words[..words.len() - 1] {
            assert!(repo().join(source).exists(), "COPY {source}: no such path");
            copied.insert(source.trim_end_matches('/').to_string());
        }
    }
    let missing: Vec<_> = build_inputs().difference(&copied).cloned().collect();
    assert!(
        missing.is_empty(),
        "the build reads {missing:?}, which the Dockerfile does not copy"
    );

    let user = steps
        .iter()
        .rev()
        .find(|(w, _)| w == "USER")
        .map(|(_, r)| r.as_str())
        .expect("a USER for the run stage");
    let uid = user.split(':').next().unwrap();
    assert!(
        uid != "0" && uid != "root",
        "runs as a non-root user: {user}"
    );

    let env: String = steps
        .iter()
        .filter(|(w, _)| w == "ENV")
        .map(|(_, r)| r.clone())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        env.contains("DATABASE_URL=sqlite:///data/delegations.db"),
        "{env}"
    );
    let db = delegation_bot::store::lock::database_file("sqlite:///data/delegations.db")
        .unwrap()
        .unwrap();
    assert_eq!(db, Path::new("/data/delegations.db"));
    assert!(
        steps
            .iter()
            .any(|(w, r)| w == "VOLUME" && r.contains("\"/data\"")),
        "the database folder is a volume"
    );
    assert!(
        env.contains("METRICS_ADDR="),
        "the health endpoint is on for HEALTHCHECK"
    );

    let health = steps
        .iter()
        .find(|(w, _)| w == "HEALTHCHECK")
        .map(|(_, r)| r)
        .expect("a HEALTHCHECK");
    let cmd = &health[health.find("CMD ").expect("HEALTHCHECK ... CMD [...]") + 4..];
    assert!(matches!(parse(&exec_form(cmd)), Command::Healthcheck));

    let mut entry = exec_form(
        &steps
            .iter()
            .find(|(w, _)| w == "ENTRYPOINT")
            .expect("an ENTRYPOINT")
            .1,
    );
    entry.extend(exec_form(
        &steps.iter().find(|(w, _)| w == "CMD").unwrap().1,
    ));
    assert!(matches!(parse(&entry), Command::Serve));
}

#[test]
fn compose_runs_the_bot_and_its_backups_with_the_volume_and_env_file() {
    let text = read("compose.yaml");
    let line = |want: &str| text.lines().filter(|l| l.trim() == want).count();
    assert_eq!(line("build: ."), 2, "both services build this folder");
    assert!(repo().join("Dockerfile").exists());
    assert_eq!(line("restart: unless-stopped"), 2);
    assert_eq!(line("env_file: .env"), 2);
    assert!(
        repo().join(".env.example").exists(),
        ".env is made from .env.example"
    );
    assert_eq!(line("- data:/data"), 2, "both use the data volume");
    assert_eq!(
        line("DATABASE_URL: sqlite:///data/delegations.db"),
        2,
        "both on the same database in the volume"
    );
    assert!(line("read_only: true") == 2, "read-only root in both");
    assert!(
        text.contains("\nvolumes:\n  data:"),
        "the named volume is declared"
    );

    // The backup schedule runs a backup command the binary accepts.
    let schedule = text
        .lines()
        .find(|l| l.contains("delegation-bot backup"))
        .expect("a backup schedule");
    let from = schedule.find("delegation-bot backup").unwrap();
    let words: Vec<String> = schedule[from..]
        .split(';')
        .next()
        .unwrap()
        .split_whitespace()
        .map(String::from)
        .collect();
    match parse(&words) {
        Command::Backup { dir, keep, .. } => {
            assert!(dir.unwrap().starts_with("/data"), "backups in the volume");
            assert!(keep.is_some(), "old backups are removed");
        }
        other => panic!("not a backup: {other:?}"),
    }
    assert!(schedule.contains("sleep 86400"), "daily");
}

#[test]
fn the_build_context_leaves_out_builds_databases_and_secrets() {
    let ignored: Vec<String> = read(".dockerignore")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect();
    for must in ["target/", "*.db", "**/*.db", "**/*.db-wal", ".env", ".git/"] {
        assert!(ignored.iter().any(|l| l == must), "{must} is not ignored");
    }
    // Nothing the build needs is ignored.
    for input in build_inputs() {
        assert!(
            !ignored.iter().any(|l| l.trim_end_matches('/') == input),
            "{input} is needed by the build"
        );
    }
}

/// `key=value` lines of a systemd unit, by section.
fn unit(path: &str) -> Vec<(String, String, String)> {
    let mut section = String::new();
    let mut out = Vec::new();
    for line in read(path).lines().map(str::trim) {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        if let Some(s) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = s.to_string();
        } else {
            let (k, v) = line
                .split_once('=')
                .unwrap_or_else(|| panic!("{path}: {line}"));
            out.push((section.clone(), k.to_string(), v.to_string()));
        }
    }
    out
}

fn value<'a>(unit: &'a [(String, String, String)], section: &str, key: &str) -> &'a str {
    unit.iter()
        .find(|(s, k, _)| s == section && k == key)
        .map(|(_, _, v)| v.as_str())
        .unwrap_or_else(|| panic!("no {key}= in [{section}]"))
}

fn exec_start(unit: &[(String, String, String)]) -> Vec<String> {
    value(unit, "Service", "ExecStart")
        .split_whitespace()
        .map(String::from)
        .collect()
}

#[test]
fn the_systemd_units_are_hardened_and_run_real_commands() {
    let hardening = [
        ("EnvironmentFile", None),
        ("StateDirectory", Some("delegation-bot")),
        ("WorkingDirectory", Some("/var/lib/delegation-bot")),
        ("NoNewPrivileges", Some("yes")),
        ("ProtectSystem", Some("strict")),
        ("PrivateTmp", Some("yes")),
        ("ProtectHome", Some("yes")),
    ];
    let bot = unit("deploy/delegation-bot.service");
    let backup = unit("deploy/delegation-bot-backup.service");
    for u in [&bot, &backup] {
        for (key, want) in hardening {
            let v = value(u, "Service", key);
            if let Some(want) = want {
                assert_eq!(v, want, "{key}");
            }
        }
        assert_eq!(
            value(u, "Service", "EnvironmentFile"),
            value(&bot, "Service", "EnvironmentFile"),
            "one settings file"
        );
        assert_ne!(value(u, "Service", "User"), "root");
    }
    assert_eq!(value(&bot, "Service", "Restart"), "on-failure");
    assert!(matches!(parse(&exec_start(&bot)), Command::Serve));
    assert_eq!(value(&backup, "Service", "Type"), "oneshot");
    match parse(&exec_start(&backup)) {
        Command::Backup { dir, keep, .. } => {
            let dir = dir.expect("backup --dir");
            assert!(
                dir.starts_with(value(&backup, "Service", "WorkingDirectory")),
                "backups in the state folder, the only writable one under ProtectSystem=strict"
            );
            assert!(keep.is_some());
        }
        other => panic!("not a backup: {other:?}"),
    }

    let timer = unit("deploy/delegation-bot-backup.timer");
    assert_eq!(value(&timer, "Timer", "OnCalendar"), "daily");
    assert_eq!(value(&timer, "Timer", "Persistent"), "true");
    let started = value(&timer, "Timer", "Unit");
    assert!(repo().join("deploy").join(started).exists(), "{started}");
    assert_eq!(value(&timer, "Install", "WantedBy"), "timers.target");
}

#[test]
fn the_licences_are_stated() {
    assert!(read("Cargo.toml").contains("license = \"MIT\""));
    assert!(read("LICENSE").starts_with("MIT License"));
    let font_licence = read("assets/NotoSansCJK.LICENSE");
    assert!(font_licence.contains("SIL Open Font License"));
    assert!(repo().join("assets/NotoSansCJK-Subset.otf").exists());
    let readme = read("README.md");
    assert!(readme.contains("MIT"), "README states the licence");
    assert!(
        readme.contains("assets/NotoSansCJK.LICENSE"),
        "README states the font's licence"
    );
    let operating = read("docs/operating.md");
    for must in [
        "## Deploy",
        "## Operate",
        "docker compose up -d",
        "docker compose logs -f",
        "cargo install --path . --locked",
    ] {
        assert!(operating.contains(must), "docs/operating.md lacks {must}");
    }
}
