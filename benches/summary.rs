//! The staff summary over 250,000 offices (about every care office in
//! Japan), in process.
//!
//! - `summarize`: `staff::summarize` alone on a `Vec<Office>` in memory
//!   (freeing the returned `Summary` is timed too, as the app pays for it).
//! - `read_offices`: every office read from the store and decoded
//!   (`Store::offices`).
//! - `cold_read+summarize`: `App::summary_streamed`, every office read from
//!   the store and summarized (what the `summary` CLI computes, and the bot
//!   once, on its first summary).
//! - `app_summary_cached`: `App::summary` in the running bot, from the row
//!   cache that every stored change keeps current.
//! - `app_handle`: staff `/summary` through `App::handle` (summary, chat
//!   reply and PNG chart).
//! - `json_decode_only`: the serde_json decoding of the same 250,000
//!   records from memory, to tell decoding from sled's iteration;
//!   `office_number_parse_only`: the validation each decoded office number
//!   goes through.
//!
//! Run: `cargo bench --bench summary`

mod common;

use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, SamplingMode};
use seikyu_navi::content::Lang;
use seikyu_navi::model::Office;
use seikyu_navi::office_number::OfficeNumber;
use seikyu_navi::reply::Tone;
use seikyu_navi::staff;

use common::{Fixture, NOW};

const OFFICES: usize = 250_000;

fn read_all(fx: &Fixture) -> Vec<Office> {
    fx.app
        .store()
        .offices()
        .collect::<Result<_, _>>()
        .expect("store readable")
}

fn summary(c: &mut Criterion) {
    let fx = Fixture::new(OFFICES);
    let stall_days = fx.app.config().bot.stall_days;
    let offices = read_all(&fx);
    assert_eq!(offices.len(), fx.n);
    let s = staff::summarize(&offices, NOW, stall_days);
    eprintln!(
        "summary: {} offices, {} completed, {} waiting, {} stalled",
        s.total, s.completed, s.waiting, s.stalled
    );
    let staff = common::staff_actor();
    let input = common::input("/summary");
    let r = fx.app.handle("staff", &staff, &input, NOW, Lang::Ja);
    assert_ne!(r.tone, Tone::Error, "{r:?}");
    let records: Vec<Vec<u8>> = offices
        .iter()
        .map(|o| serde_json::to_vec(o).expect("serializes"))
        .collect();
    eprintln!(
        "records: {:.0} bytes of JSON per office on average",
        records.iter().map(Vec::len).sum::<usize>() as f64 / OFFICES as f64
    );

    // Each iteration takes from a tenth of a second to seconds: ten samples
    // of one iteration each.
    let mut g = c.benchmark_group(format!("summary_{OFFICES}_offices"));
    g.sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1));

    g.measurement_time(Duration::from_secs(4));
    g.bench_function("summarize", |b| b.iter(|| staff::summarize(&offices, NOW, stall_days)));

    g.measurement_time(Duration::from_secs(12));
    g.bench_function("read_offices", |b| b.iter(|| read_all(&fx)));
    g.bench_function("json_decode_only", |b| {
        b.iter(|| {
            records
                .iter()
                .map(|r| serde_json::from_slice::<Office>(r).expect("decodes"))
                .collect::<Vec<_>>()
        })
    });

    g.measurement_time(Duration::from_secs(4));
    let numbers: Vec<String> = offices.iter().map(|o| o.number.to_string()).collect();
    g.bench_function("office_number_parse_only", |b| {
        b.iter(|| {
            numbers
                .iter()
                .map(|n| OfficeNumber::parse(n).expect("valid").number)
                .collect::<Vec<_>>()
        })
    });

    g.measurement_time(Duration::from_secs(16));
    g.bench_function("cold_read+summarize", |b| {
        b.iter(|| fx.app.summary_streamed(NOW).expect("store readable"))
    });
    g.measurement_time(Duration::from_secs(4));
    g.bench_function("app_summary_cached", |b| {
        b.iter(|| fx.app.summary(NOW).expect("store readable"))
    });
    g.bench_function("app_handle", |b| {
        b.iter(|| fx.app.handle("staff", &staff, &input, NOW, Lang::Ja))
    });
    g.finish();
}

criterion_group!(benches, summary);
criterion_main!(benches);
