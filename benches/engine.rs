//! Engine + store per command, at 1,000 and at 250,000 offices.
//!
//! - `next`: `/next` through `App::handle` (read-only: nothing to flush);
//!   `next+render` adds the console's plain-text rendering in Japanese.
//! - `done/with_flush`, `undo/with_flush`: `App::handle`, the path every
//!   adapter takes, which stores the change with `Store::apply` (one sled
//!   transaction, then a flush to disk before the reply).
//! - `done/without_flush`, `undo/without_flush`: the same reads, engine and
//!   transaction (`Store::apply_unflushed`), without the flush.
//! - `read/office_by_channel`, `done/apply_unflushed_only`: the read every
//!   command starts with, and the transaction alone, to see where the time
//!   goes.
//! - `engine_pure/*`: `engine::handle` alone on an in-memory office.
//!
//! The benchmark user is a Discord-like user (not the local console), so
//! the rate limiter is consulted; `common::config` raises its limit, since
//! every command comes at the same fixed `now`.
//!
//! State never runs out: before each timed command the office it uses is
//! put back into its generated state (untimed), and the offices are used in
//! turn. `/undo` is timed on an office whose `/done` was stored untimed.
//!
//! Run: `cargo bench --bench engine`

mod common;

use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkGroup, Criterion};
use seikyu_navi::adapters::render::plain_text;
use seikyu_navi::app::App;
use seikyu_navi::command::Input;
use seikyu_navi::content::Lang;
use seikyu_navi::engine::{self, Ctx};
use seikyu_navi::model::{Action, Actor, Event};
use seikyu_navi::reply::{Reply, Tone};
use seikyu_navi::store::Applied;

use common::{Fixture, NOW};

const SIZES: [usize; 2] = [1_000, 250_000];

/// `App::office_command` without the flush: read the office (and, for
/// `/undo`, its history), run the engine, apply the change in one
/// transaction.
fn command_unflushed(app: &App, channel: &str, actor: &Actor, input: &Input) -> Reply {
    let store = app.store();
    let office = store.office_by_channel(channel).expect("store readable");
    let history = match (input, &office) {
        (Input::Undo, Some(o)) => store
            .history_tail(&o.number, seikyu_navi::app::UNDO_WINDOW)
            .expect("store readable"),
        _ => Vec::new(),
    };
    let ctx = Ctx {
        now: NOW,
        actor,
        channel,
        office: office.as_ref(),
        history: &history,
        existing: None,
        config: app.config(),
        agent: None,
        existing_agent: None,
    };
    let outcome = engine::handle(&ctx, input).expect("command accepted");
    if let Some(change) = &outcome.change {
        let applied = store.apply_unflushed(change).expect("store writable");
        assert_eq!(applied, Applied::Stored);
    }
    outcome.reply
}

fn assert_success(r: &Reply, what: &str) {
    assert_eq!(r.tone, Tone::Success, "{what}: {r:?}");
}

/// Inside the timed part: a refused command would be measuring the wrong thing.
fn checked(r: Reply) -> Reply {
    assert_eq!(r.tone, Tone::Success);
    r
}

fn not_error(r: Reply) -> Reply {
    assert_ne!(r.tone, Tone::Error);
    r
}

/// Offices `/done` can be used on, in turn.
struct Turns {
    pool: Vec<usize>,
    pos: usize,
}

impl Turns {
    fn new(n: usize) -> Turns {
        Turns {
            pool: (0..n).filter(|i| common::incomplete(*i)).collect(),
            pos: 0,
        }
    }

    fn next(&mut self) -> usize {
        let i = self.pool[self.pos % self.pool.len()];
        self.pos += 1;
        i
    }
}

fn config(group: &mut BenchmarkGroup<'_, criterion::measurement::WallTime>) {
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
}

fn bench_size(c: &mut Criterion, n: usize) {
    let fx = Fixture::new(n);
    let app = &fx.app;
    let actor = common::actor();
    let channels: Vec<String> = (0..n).map(common::channel).collect();
    let (done, undo, next) = (common::input("/done"), common::input("/undo"), common::input("/next"));

    // The commands do what the benchmark says, on both paths.
    let i = Turns::new(n).next();
    let ch = &channels[i];
    assert_success(&app.handle(ch, &actor, &done, NOW, Lang::Ja), "done");
    assert_success(&app.handle(ch, &actor, &undo, NOW, Lang::Ja), "undo");
    common::reset(app, i);
    assert_success(&command_unflushed(app, ch, &actor, &done), "done");
    assert_success(&command_unflushed(app, ch, &actor, &undo), "undo");
    common::reset(app, i);
    assert_success(&app.handle(ch, &actor, &done, NOW, Lang::Ja), "done after reset");
    assert_success(&app.handle(ch, &actor, &undo, NOW, Lang::Ja), "undo after reset");
    common::reset(app, i);
    let r = app.handle(ch, &actor, &next, NOW, Lang::Ja);
    assert_ne!(r.tone, Tone::Error, "{r:?}");
    app.store().flush().expect("flush");

    let mut g = c.benchmark_group(format!("engine_{n}_offices"));
    config(&mut g);

    let mut k = 0;
    g.bench_function("next", |b| {
        b.iter(|| {
            k += 1;
            not_error(app.handle(&channels[k % n], &actor, &next, NOW, Lang::Ja))
        })
    });
    g.bench_function("next+render", |b| {
        b.iter(|| {
            k += 1;
            let r = not_error(app.handle(&channels[k % n], &actor, &next, NOW, Lang::Ja));
            plain_text(app.content(), Lang::Ja, &r)
        })
    });

    // Where the time goes: the reads, and the transaction alone.
    g.bench_function("read/office_by_channel", |b| {
        b.iter(|| {
            k += 1;
            app.store().office_by_channel(&channels[k % n]).expect("store readable")
        })
    });
    let mut turns = Turns::new(n);
    g.bench_function("done/apply_unflushed_only", |b| {
        b.iter_batched(
            || {
                let i = turns.next();
                common::reset(app, i);
                let office = app.store().office_by_channel(&channels[i]).expect("store readable");
                let ctx = Ctx {
                    now: NOW,
                    actor: &actor,
                    channel: &channels[i],
                    office: office.as_ref(),
                    history: &[],
                    existing: None,
                    config: app.config(),
                    agent: None,
                    existing_agent: None,
                };
                engine::handle(&ctx, &done)
                    .expect("done accepted")
                    .change
                    .expect("a change")
            },
            |change| {
                assert_eq!(
                    app.store().apply_unflushed(&change).expect("store writable"),
                    Applied::Stored
                )
            },
            BatchSize::PerIteration,
        )
    });

    // Without the flush. Setup: put the office back (untimed).
    g.bench_function("done/without_flush", |b| {
        b.iter_batched(
            || {
                let i = turns.next();
                common::reset(app, i);
                &channels[i]
            },
            |ch| checked(command_unflushed(app, ch, &actor, &done)),
            BatchSize::PerIteration,
        )
    });
    g.bench_function("undo/without_flush", |b| {
        b.iter_batched(
            || {
                let i = turns.next();
                common::reset(app, i);
                command_unflushed(app, &channels[i], &actor, &done);
                &channels[i]
            },
            |ch| checked(command_unflushed(app, ch, &actor, &undo)),
            BatchSize::PerIteration,
        )
    });

    // With the flush, through App::handle. The setup flushes its own
    // writes, so the timed flush writes only the command's transaction.
    // A few hundred untimed runs first: the first flushes after many
    // unflushed writes can stall for seconds and would mislead criterion's
    // warm-up; their spread is printed instead.
    let mut times: Vec<Duration> = (0..300)
        .map(|_| {
            let i = turns.next();
            common::reset(app, i);
            app.store().flush().expect("flush");
            let t = Instant::now();
            checked(app.handle(&channels[i], &actor, &done, NOW, Lang::Ja));
            t.elapsed()
        })
        .collect();
    times.sort();
    eprintln!(
        "{n} offices, /done with flush, 300 runs before measuring: median {:?}, p99 {:?}, max {:?}",
        times[150], times[297], times[299]
    );
    g.bench_function("done/with_flush", |b| {
        b.iter_batched(
            || {
                let i = turns.next();
                common::reset(app, i);
                app.store().flush().expect("flush");
                &channels[i]
            },
            |ch| checked(app.handle(ch, &actor, &done, NOW, Lang::Ja)),
            BatchSize::PerIteration,
        )
    });
    g.bench_function("undo/with_flush", |b| {
        b.iter_batched(
            || {
                let i = turns.next();
                common::reset(app, i);
                command_unflushed(app, &channels[i], &actor, &done);
                app.store().flush().expect("flush");
                &channels[i]
            },
            |ch| checked(app.handle(ch, &actor, &undo, NOW, Lang::Ja)),
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

fn engine_with_stores(c: &mut Criterion) {
    for n in SIZES {
        bench_size(c, n);
    }
}

/// The engine alone: no store, no flush.
fn engine_pure(c: &mut Criterion) {
    let config = common::config();
    let actor = common::actor();
    let i = (0..).find(|i| common::incomplete(*i)).expect("an open office");
    let office = common::office(i);
    let channel = common::channel(i);
    let registered = vec![Event {
        v: office.v,
        seq: 1,
        at: office.registered_at,
        actor: actor.clone(),
        action: Action::Registered {
            name: office.name.clone(),
            mode: office.mode,
            software: office.software.clone(),
        },
    }];
    let ctx = Ctx {
        now: NOW,
        actor: &actor,
        channel: &channel,
        office: Some(&office),
        history: &registered,
        existing: None,
        config: &config,
        agent: None,
        existing_agent: None,
    };
    let (done_in, undo_in, next_in) = (common::input("/done"), common::input("/undo"), common::input("/next"));
    let done = engine::handle(&ctx, &done_in)
        .expect("done accepted")
        .change
        .and_then(|c| c.office)
        .expect("done changes the office");
    let mut history = registered.clone();
    history.push(done.event.clone());
    let after_done = Ctx {
        office: Some(&done.office),
        history: &history,
        ..ctx
    };

    let mut g = c.benchmark_group("engine_pure");
    config_pure(&mut g);
    g.bench_function("next", |b| b.iter(|| engine::handle(&ctx, &next_in)));
    g.bench_function("done", |b| b.iter(|| engine::handle(&ctx, &done_in)));
    g.bench_function("undo", |b| b.iter(|| engine::handle(&after_done, &undo_in)));
    g.finish();
}

fn config_pure(group: &mut BenchmarkGroup<'_, criterion::measurement::WallTime>) {
    group
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
}

criterion_group!(benches, engine_pure, engine_with_stores);
criterion_main!(benches);
