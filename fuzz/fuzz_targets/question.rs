//! The question normaliser, tokenizer and FAQ lookup: never panic, and the
//! confidence stays within 0–1.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use seikyu_navi::app::Knowledge;
use seikyu_navi::config::Config;

fn kb() -> &'static Knowledge {
    static KB: OnceLock<Knowledge> = OnceLock::new();
    KB.get_or_init(|| Knowledge::load(Config::default()).expect("content loads"))
}

fuzz_target!(|data: &[u8]| {
    let q = String::from_utf8_lossy(data);
    let _ = seikyu_navi::text::tokens(&q);
    let a = kb().answer(&q, None);
    for h in a.lookup.best.iter().chain(&a.lookup.alternatives) {
        assert!((0.0..=1.0).contains(&h.confidence));
    }
});
