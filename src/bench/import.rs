//! `bench --import`: the CSV export of a synthetic database imported into an empty one,
//! file by file (officials, visits, forums, meetings), then the last import undone.

use std::path::Path;
use std::time::Instant;

use crate::commands::{Actor, App};
use crate::error::Result;
use crate::store;

pub async fn run(dir: &Path, size: usize, writer: &Actor) -> Result<String> {
    let (source, _) = super::database(dir, size, writer).await?;
    let folder = dir.join(format!("import-{size}"));
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder)?;
    let reply = source
        .run_line(writer, "/export what:all format:csv")
        .await?;
    source.db.close().await;
    let mut files = Vec::new();
    for a in &reply.attachments {
        let path = folder.join(&a.filename);
        std::fs::write(&path, &a.bytes)?;
        files.push(path);
    }
    drop(reply);
    // Each import runs as the command line would: a process of its own, whose peak memory
    // (VmHWM, a high-water mark) is read while it runs.
    let target = format!("sqlite://{}", folder.join("target.db").display());
    let exe = std::env::current_exe()?;
    let mut out = format!(
        "\n### Import of the CSV export of {size} visits into an empty database\n\n| file | rows | seconds | rows per second | peak memory MB |\n|---|---:|---:|---:|---:|\n"
    );
    let (mut rows_all, mut seconds_all, mut peak_all) = (0u64, 0f64, 0u64);
    for path in &files {
        let rows = csv::Reader::from_path(path)
            .map_err(anyhow::Error::new)?
            .records()
            .count() as u64;
        let started = Instant::now();
        let mut child = std::process::Command::new(&exe)
            .args([
                "--database-url",
                &target,
                "--as",
                "bench",
                "import",
                "--quiet",
            ])
            .arg(path)
            .stdout(std::process::Stdio::null())
            .spawn()?;
        let mut peak = 0;
        while child.try_wait()?.is_none() {
            peak = peak.max(super::memory_kb(&child.id().to_string()).1);
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        let seconds = started.elapsed().as_secs_f64();
        rows_all += rows;
        seconds_all += seconds;
        peak_all = peak_all.max(peak);
        out.push_str(&format!(
            "| {} | {rows} | {seconds:.1} | {:.0} | {:.0} |\n",
            path.file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default(),
            rows as f64 / seconds,
            peak as f64 / 1024.0
        ));
    }
    out.push_str(&format!(
        "| all | {rows_all} | {seconds_all:.1} | {:.0} | {:.0} |\n",
        rows_all as f64 / seconds_all,
        peak_all as f64 / 1024.0
    ));
    let app = App::new(store::open(&target).await?);
    // The imports ran `--as bench`: the writer's own name.
    let started = Instant::now();
    let undone = app.run_line(writer, "/data undo").await?;
    out.push_str(&format!(
        "\n`/data undo` of the last import ({} records): {:.1} s.\n",
        undone.data["records"],
        started.elapsed().as_secs_f64()
    ));
    app.db.close().await;
    Ok(out)
}
