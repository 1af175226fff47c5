//! How far a long job has come ("12,000 of 50,000 rows checked"). The job reports; whoever
//! started it decides what to show: the command line draws a bar, the Discord adapter edits
//! its message now and then, tests and `ask` ignore it.

use std::sync::Arc;

/// One report: the phase the job is in and how many of its units are done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub phase: &'static str,
    pub done: u64,
    pub total: u64,
}

/// What receives the reports.
type Report = dyn Fn(&Step) + Send + Sync;

/// A cheap, cloneable reporter; `Progress::none()` reports nowhere.
#[derive(Clone, Default)]
pub struct Progress(Option<Arc<Report>>);

impl Progress {
    pub fn none() -> Progress {
        Progress(None)
    }

    pub fn new(report: impl Fn(&Step) + Send + Sync + 'static) -> Progress {
        Progress(Some(Arc::new(report)))
    }

    pub fn report(&self, phase: &'static str, done: u64, total: u64) {
        if let Some(f) = &self.0 {
            f(&Step { phase, done, total });
        }
    }
}

impl std::fmt::Debug for Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_some() {
            "Progress(..)"
        } else {
            "Progress(none)"
        })
    }
}
