//! delegation-bot: track visits to Korea by Chinese provincial and city delegations.
//!
//! The catalog says what commands exist; `request` turns typed input into a `Request`;
//! `commands` answers it with a platform-neutral `Reply` using `store` and `report`;
//! the console (and later Discord) only translate.

pub mod bench;
pub mod catalog;
pub mod chart;
pub mod cli;
pub mod clock;
pub mod commands;
pub mod configuration;
pub mod console;
pub mod discord;
pub mod domain;
pub mod error;
pub mod i18n;
pub mod intake;
pub mod operate;
pub mod progress;
pub mod reply;
pub mod report;
pub mod request;
pub mod sample;
pub mod store;
pub mod synthetic;
pub mod telemetry;
pub mod transfer;
