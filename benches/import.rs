//! Roster import of 250,000 offices: CSV parsing and validation, and the
//! all-or-nothing import (rows planned by the engine, batched by the store) into a fresh data directory (with its
//! final flush). One iteration takes seconds, so the sample is small.

use std::fmt::Write;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use seikyu_navi::app::App;
use seikyu_navi::config::Config;
use seikyu_navi::office_number::check_digit;
use seikyu_navi::roster;

const OFFICES: usize = 250_000;
const NOW: i64 = 1_795_447_800;

/// A roster like the `gen_roster` example writes: valid numbers, all mode spellings.
fn roster_csv(n: usize) -> Vec<u8> {
    let modes = ["direct", "proxy", "vendor", "事業所請求", "代理請求", "代行"];
    let mut s = String::from("number,name,mode,software,channel\r\n");
    for i in 0..n {
        let first9 = format!("{:02}{:07}", 1 + i % 47, i);
        let number = format!("{first9}{}", check_digit(&first9).unwrap());
        let channel = if i % 2 == 0 {
            (100_000_000_000_000_000u64 + i as u64).to_string()
        } else {
            String::new()
        };
        let _ = write!(s, "{number},office {i},{},,{channel}\r\n", modes[i % modes.len()]);
    }
    s.into_bytes()
}

fn bench(c: &mut Criterion) {
    let csv = roster_csv(OFFICES);
    let mut g = c.benchmark_group("import_250k");
    g.sample_size(10)
        .measurement_time(Duration::from_secs(60))
        .warm_up_time(Duration::from_secs(1));
    g.bench_function("parse_csv", |b| b.iter(|| roster::parse(&csv).unwrap().rows.len()));
    let rows = roster::parse(&csv).unwrap().rows;
    g.bench_function("store_write_flushed", |b| {
        b.iter_batched(
            || tempfile::tempdir().unwrap(),
            |dir| {
                let app = App::open(Config::default(), dir.path()).unwrap();
                let report = app.import_roster(&rows, NOW, &mut |_, _, _| {}).unwrap();
                assert_eq!(report.created, OFFICES);
                dir
            },
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
