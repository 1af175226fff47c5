//! A long job's progress as edits of its message ("12,000 of 50,000 rows checked"): the
//! job reports as often as it likes; the message is edited with the latest report at most
//! once every few seconds (Discord limits edits, and nobody reads faster), and no progress
//! edit lands after the job's own final answer.

use std::future::Future;
use std::time::Duration;

use tokio::sync::watch;

use crate::progress::{Progress, Step};

/// The least time between two progress edits of one message.
pub(super) const EVERY: Duration = Duration::from_secs(3);

/// "12,000 of 50,000 rows checked"
pub(super) fn describe(step: &Step) -> String {
    if step.total == 0 {
        format!("{} rows {}…", thousands(step.done), step.phase)
    } else {
        format!(
            "{} of {} rows {}…",
            thousands(step.done),
            thousands(step.total),
            step.phase
        )
    }
}

fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Runs `work` with a reporter whose reports `show` receives, the latest one at most every
/// `every`; returns the work's result after any `show` in flight has finished.
pub(super) async fn reporting<T, Fut, ShowFut>(
    every: Duration,
    work: impl FnOnce(Progress) -> Fut,
    mut show: impl FnMut(Step) -> ShowFut,
) -> T
where
    Fut: Future<Output = T>,
    ShowFut: Future<Output = ()>,
{
    let (latest, mut reports) = watch::channel(None::<Step>);
    let progress = Progress::new(move |step| {
        latest.send_replace(Some(step.clone()));
    });
    let (stop, mut stopped) = watch::channel(false);
    let shows = async move {
        loop {
            tokio::select! {
                biased;
                _ = stopped.changed() => return,
                changed = reports.changed() => if changed.is_err() { return },
            }
            let step = reports.borrow_and_update().clone();
            if let Some(step) = step {
                show(step).await;
            }
            tokio::select! {
                _ = stopped.changed() => return,
                _ = tokio::time::sleep(every) => {}
            }
        }
    };
    let run = async move {
        let out = work(progress).await;
        let _ = stop.send(true);
        out
    };
    tokio::join!(run, shows).0
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};
    use tokio::time::Instant;

    #[test]
    fn steps_read_as_rows() {
        let step = |done, total| Step {
            phase: "checked",
            done,
            total,
        };
        assert_eq!(
            describe(&step(12_000, 50_000)),
            "12,000 of 50,000 rows checked…"
        );
        assert_eq!(describe(&step(999, 0)), "999 rows checked…");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[tokio::test(start_paused = true)]
    async fn progress_is_shown_now_and_then_and_never_after_the_work() {
        let shown: Arc<Mutex<Vec<(Instant, Step)>>> = Arc::default();
        let started = Instant::now();
        let record = shown.clone();
        let ended = reporting(
            EVERY,
            |progress| async move {
                // 10 s of work reporting every 100 ms.
                for i in 1..=100 {
                    progress.report("checked", i * 100, 10_000);
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                Instant::now()
            },
            move |step| {
                record.lock().unwrap().push((Instant::now(), step));
                // An edit takes a while too.
                tokio::time::sleep(Duration::from_millis(400))
            },
        )
        .await;
        let shown = shown.lock().unwrap();
        assert!(
            (2..=4).contains(&shown.len()),
            "{} edits in 10 s, at most one every {EVERY:?}",
            shown.len()
        );
        assert_eq!(shown[0].1.done, 100, "the first report is shown at once");
        for pair in shown.windows(2) {
            assert!(pair[1].0 - pair[0].0 >= EVERY, "edits too close");
            assert!(
                pair[1].1.done > pair[0].1.done,
                "the latest report is shown"
            );
        }
        assert!(
            shown.iter().all(|(at, _)| *at < ended),
            "nothing after the work"
        );
        assert!(ended - started >= Duration::from_secs(10));
    }
}
