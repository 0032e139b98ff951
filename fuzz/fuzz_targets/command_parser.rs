//! The console/slash command parser on arbitrary text: never panics, and
//! whatever it accepts is a command of the table with its options.
#![no_main]

use libfuzzer_sys::fuzz_target;
use seikyu_navi::command::{parse_line, Input};

fuzz_target!(|data: &[u8]| {
    let line = String::from_utf8_lossy(data);
    if let Ok(input) = parse_line(&line) {
        if !matches!(input, Input::Question(_)) {
            assert!(seikyu_navi::command::spec(input.name()).is_some());
        }
        // The engine's own validation of the typed values must not panic either.
        if let Some(Ok(n)) = seikyu_navi::engine::register_number(&input) {
            assert_eq!(n.as_str().len(), 10);
        }
    }
});
