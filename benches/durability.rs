//! What "on disk before the reply" costs, and `/undo` on a long history.
//!
//! - `done/sled_flush_only`: one `/done` stored (engine + one sled
//!   transaction) and sled's own flush, which survives a killed process
//!   but not a power cut (`sync_file_range`).
//! - `done/durable_flush`: the same with the `fdatasync` the store now adds
//!   (`Store::flush`), what every acknowledged command costs.
//! - `undo/16000_events`: `/undo` through `App::handle` on an office whose
//!   history holds 16,000 events (it reads only the last `UNDO_WINDOW`).
//!
//! Criterion gives the medians; the p99 of each flush variant is printed
//! from 2,000 individually timed commands, interleaved so both see the
//! same disk.

mod common;

use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use seikyu_navi::app::App;
use seikyu_navi::command::Input;
use seikyu_navi::content::Lang;
use seikyu_navi::engine::{self, Ctx};
use seikyu_navi::model::Actor;
use seikyu_navi::reply::Tone;

use common::{Fixture, NOW};

const OFFICES: usize = 1_000;

/// One `/done` stored without any flush.
fn store_done(app: &App, channel: &str, actor: &Actor, input: &Input) {
    let store = app.store();
    let office = store.office_by_channel(channel).expect("store readable");
    let ctx = Ctx {
        now: NOW,
        actor,
        channel,
        office: office.as_ref(),
        history: &[],
        existing: None,
        config: app.config(),
        agent: None,
        existing_agent: None,
    };
    let outcome = engine::handle(&ctx, input).expect("command accepted");
    let change = outcome.change.expect("a change");
    store.apply_unflushed(&change).expect("store writable");
}

fn percentiles(mut v: Vec<Duration>) -> (Duration, Duration) {
    v.sort();
    (v[v.len() / 2], v[v.len() * 99 / 100])
}

fn flush(c: &mut Criterion) {
    let fx = Fixture::new(OFFICES);
    let app = &fx.app;
    let actor = common::actor();
    let done = common::input("/done");
    let pool: Vec<usize> = (0..OFFICES).filter(|i| common::incomplete(*i)).collect();
    let mut turn = 0;
    let mut next = || {
        turn += 1;
        pool[turn % pool.len()]
    };
    let channel = |i: usize| common::channel(i);

    // p99 from individually timed commands, both kinds interleaved.
    let (mut sled_only, mut durable) = (Vec::new(), Vec::new());
    for k in 0..4_000 {
        let i = next();
        common::reset(app, i);
        app.store().flush().expect("flush");
        let t = Instant::now();
        store_done(app, &channel(i), &actor, &done);
        if k % 2 == 0 {
            app.store().flush_sled_only().expect("flush");
            sled_only.push(t.elapsed());
        } else {
            app.store().flush().expect("flush");
            durable.push(t.elapsed());
        }
    }
    let (m1, p1) = percentiles(sled_only);
    let (m2, p2) = percentiles(durable);
    eprintln!("/done at {OFFICES} offices, 2,000 each: sled flush only median {m1:?} p99 {p1:?}; with fdatasync median {m2:?} p99 {p2:?}");

    let mut g = c.benchmark_group(format!("flush_{OFFICES}_offices"));
    g.sample_size(30)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    g.bench_function("done/sled_flush_only", |b| {
        b.iter_batched(
            || {
                let i = next();
                common::reset(app, i);
                app.store().flush().expect("flush");
                channel(i)
            },
            |ch| {
                store_done(app, &ch, &actor, &done);
                app.store().flush_sled_only().expect("flush");
            },
            BatchSize::PerIteration,
        )
    });
    g.bench_function("done/durable_flush", |b| {
        b.iter_batched(
            || {
                let i = next();
                common::reset(app, i);
                app.store().flush().expect("flush");
                channel(i)
            },
            |ch| {
                store_done(app, &ch, &actor, &done);
                app.store().flush().expect("flush");
            },
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

fn long_history(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = App::open(common::config(), dir.path()).expect("app opens");
    let staff = common::staff_actor();
    let reg = common::input(&format!("/register number:{} name:long", common::office_number(0)));
    assert_ne!(app.handle("c", &staff, &reg, NOW, Lang::Ja).tone, Tone::Error);
    let (done, undo) = (common::input("/done"), common::input("/undo"));
    // 16,000 events: done and undo, over and over (stored without the flush
    // first, then flushed once).
    for k in 0..8_000 {
        let i = if k % 2 == 0 { &done } else { &undo };
        let _ = app.handle("c", &staff, i, NOW + k, Lang::Ja);
        if k == 0 {
            app.store().flush().expect("flush");
        }
    }
    for k in 0..8_000 {
        let i = if k % 2 == 0 { &done } else { &undo };
        let _ = app.handle("c", &staff, i, NOW + 8_000 + k, Lang::Ja);
    }
    let mut g = c.benchmark_group("undo_long_history");
    g.sample_size(30)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    g.bench_function("undo/16000_events", |b| {
        b.iter_batched(
            || assert_ne!(app.handle("c", &staff, &done, NOW, Lang::Ja).tone, Tone::Error),
            |()| app.handle("c", &staff, &undo, NOW, Lang::Ja),
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

criterion_group!(benches, flush, long_history);
criterion_main!(benches);
