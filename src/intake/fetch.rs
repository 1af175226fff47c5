//! Fetching a report by URL.
