//! The import parser on arbitrary bytes: it must never panic, whatever a file holds.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = delegation_bot::transfer::import::parse("fuzz.csv", data);
    let _ = delegation_bot::transfer::import::parse("fuzz.json", data);
});
