//! The office-number parser: never panics; an accepted number is 10 ASCII
//! characters, parses again to itself, and has a prefecture 1–47.
#![no_main]

use libfuzzer_sys::fuzz_target;
use seikyu_navi::office_number::OfficeNumber;

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    if let Ok(p) = OfficeNumber::parse(&s) {
        let n = p.number.as_str();
        assert_eq!(n.len(), 10);
        assert!(n.is_ascii());
        assert!((1..=47).contains(&p.number.prefecture()));
        assert_eq!(OfficeNumber::parse(n).map(|q| q.number), Ok(p.number.clone()));
    }
});
