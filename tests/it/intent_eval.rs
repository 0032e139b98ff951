//! The message bank (`tests/data/bank/`, see its README): messages of six
//! kinds written in rounds by writers who never saw the bot's texts, each
//! run through the `ask --json` code path and scored per kind.
//!
//! Each round is split once into a tuning part (`tuning*.tsv`: what the
//! lexicon, the FAQ phrasings, the synonyms and the classifier were tuned
//! on) and a held-out part (`heldout*.tsv`: read only here, by
//! `heldout_totals`, which prints totals per kind and never which messages
//! failed). Rounds 3 to 7, 9, 10, 12, 13, 16, 29, 31, 33 and 35 were held out
//! until each had been scored with frozen code; then they became tuning parts.
//! Rounds 19, 24 and 37 are held out now (the test rounds); rounds 1 and 2 are
//! held out as validation.

use std::collections::BTreeMap;

use seikyu_navi::adapters::cli::ask::to_json;
use seikyu_navi::app::{Answered, Knowledge};
use seikyu_navi::classifier::{Example, Model};
use seikyu_navi::config::Config;
use seikyu_navi::contacts;
use seikyu_navi::content::Lang;
use seikyu_navi::faq::{FaqIndex, Lookup};
use seikyu_navi::intent::{Intent, Kind};
use seikyu_navi::playbook::ContactId;
use unicode_normalization::UnicodeNormalization;

/// The tuning parts, by round (rounds 3 to 7, 9, 10, 12, 13, 16, 29, 31, 33 and 35 were
/// held out until each had been scored with frozen code; rounds 8, 11, 14, 15, 17, 18,
/// 20 to 23, 25 to 28, 30, 32, 34, 36 and 38 were written to tune on, each scored once before it
/// was read; see the bank's README).
const TUNING: [(&str, &str); 35] = [
    ("round 1", include_str!("../data/bank/tuning.tsv")),
    ("round 2", include_str!("../data/bank/tuning2.tsv")),
    ("round 3", include_str!("../data/bank/tuning3.tsv")),
    ("round 4", include_str!("../data/bank/tuning4.tsv")),
    ("round 5", include_str!("../data/bank/tuning5.tsv")),
    ("round 6", include_str!("../data/bank/tuning6.tsv")),
    ("round 7", include_str!("../data/bank/tuning7.tsv")),
    ("round 8", include_str!("../data/bank/tuning8.tsv")),
    ("round 9", include_str!("../data/bank/tuning9.tsv")),
    ("round 10", include_str!("../data/bank/tuning10.tsv")),
    ("round 11", include_str!("../data/bank/tuning11.tsv")),
    ("round 12", include_str!("../data/bank/tuning12.tsv")),
    ("round 13", include_str!("../data/bank/tuning13.tsv")),
    ("round 14", include_str!("../data/bank/tuning14.tsv")),
    ("round 15", include_str!("../data/bank/tuning15.tsv")),
    ("round 16", include_str!("../data/bank/tuning16.tsv")),
    ("round 17", include_str!("../data/bank/tuning17.tsv")),
    ("round 18", include_str!("../data/bank/tuning18.tsv")),
    ("round 20", include_str!("../data/bank/tuning20.tsv")),
    ("round 21", include_str!("../data/bank/tuning21.tsv")),
    ("round 22", include_str!("../data/bank/tuning22.tsv")),
    ("round 23", include_str!("../data/bank/tuning23.tsv")),
    ("round 25", include_str!("../data/bank/tuning25.tsv")),
    ("round 26", include_str!("../data/bank/tuning26.tsv")),
    ("round 27", include_str!("../data/bank/tuning27.tsv")),
    ("round 28", include_str!("../data/bank/tuning28.tsv")),
    ("round 29", include_str!("../data/bank/tuning29.tsv")),
    ("round 30", include_str!("../data/bank/tuning30.tsv")),
    ("round 31", include_str!("../data/bank/tuning31.tsv")),
    ("round 32", include_str!("../data/bank/tuning32.tsv")),
    ("round 33", include_str!("../data/bank/tuning33.tsv")),
    ("round 34", include_str!("../data/bank/tuning34.tsv")),
    ("round 35", include_str!("../data/bank/tuning35.tsv")),
    ("round 36", include_str!("../data/bank/tuning36.tsv")),
    ("round 38", include_str!("../data/bank/tuning38.tsv")),
];
/// The held-out parts, by round.
const HELDOUT: [(&str, &str); 5] = [
    ("round 1", include_str!("../data/bank/heldout.tsv")),
    ("round 2", include_str!("../data/bank/heldout2.tsv")),
    ("round 19", include_str!("../data/bank/heldout19.tsv")),
    ("round 24", include_str!("../data/bank/heldout24.tsv")),
    ("round 37", include_str!("../data/bank/heldout37.tsv")),
];

/// The kinds of the bank, in report order.
const KINDS: [&str; 6] = ["answer", "none", "status", "command", "smalltalk", "handoff"];

struct Row<'a> {
    lang: Lang,
    kind: &'a str,
    text: &'a str,
    expect: &'a str,
}

fn rows(data: &str) -> Vec<Row<'_>> {
    data.lines()
        .skip(1)
        .enumerate()
        .map(|(n, line)| {
            let c: Vec<&str> = line.split('\t').collect();
            assert!(c.len() >= 4, "line {}: {line}", n + 2);
            Row {
                lang: c[1].parse().unwrap_or_else(|_| panic!("line {}: bad lang", n + 2)),
                kind: c[2],
                text: c[3],
                expect: c.get(4).copied().unwrap_or(""),
            }
        })
        .collect()
}

fn norm(s: &str) -> String {
    s.nfkc().collect::<String>().to_lowercase()
}

/// What the bot made of one message, as `ask --json` prints it.
struct Seen {
    intent: String,
    task: Option<String>,
    command: Option<String>,
    matched: bool,
    /// The answer plus its contact's fields, normalized.
    text: String,
    faq_id: Option<String>,
}

fn seen(json: &serde_json::Value) -> Seen {
    let mut text = json["answer"].as_str().unwrap_or_default().to_string();
    for f in ["name", "tel", "fax", "email", "url", "note"] {
        if let Some(v) = json["contact"][f].as_str() {
            text.push('\n');
            text.push_str(v);
        }
    }
    let s = |k: &str| json[k].as_str().map(str::to_string);
    Seen {
        intent: s("intent").unwrap_or_default(),
        task: s("task"),
        command: s("command"),
        matched: json["matched"].as_bool().unwrap_or(false),
        text: norm(&text),
        faq_id: s("faq_id"),
    }
}

/// Whether the bot did what the row expects.
fn correct(row: &Row, s: &Seen) -> bool {
    match row.kind {
        "answer" => {
            s.intent == "question"
                && s.matched
                && row.expect.split(" && ").all(|re| {
                    regex::Regex::new(&norm(re))
                        .unwrap_or_else(|e| panic!("{}: {e}", row.text))
                        .is_match(&s.text)
                })
        }
        "none" => s.intent == "question" && !s.matched,
        "status" => s.intent == "status" && s.task.as_deref() == Some(row.expect),
        "command" => s.intent == "command" && s.command.as_deref() == Some(row.expect),
        "smalltalk" => s.intent == "smalltalk",
        "handoff" => s.intent == "handoff",
        other => panic!("unknown kind {other}"),
    }
}

/// (right, total) per kind.
type Tally = BTreeMap<&'static str, (usize, usize)>;

/// Scores every row with `ask`; `miss` sees each wrong one.
fn score(rows: &[Row], ask: &dyn Fn(&str, Lang) -> serde_json::Value, miss: &mut dyn FnMut(&Row, &Seen)) -> Tally {
    let mut t: Tally = KINDS.iter().map(|k| (*k, (0, 0))).collect();
    for row in rows {
        let s = seen(&ask(row.text, row.lang));
        let ok = correct(row, &s);
        let e = t
            .get_mut(row.kind)
            .unwrap_or_else(|| panic!("unknown kind {}", row.kind));
        e.1 += 1;
        if ok {
            e.0 += 1;
        } else {
            miss(row, &s);
        }
    }
    t
}

/// Every row of the tuning parts.
fn tuning_rows() -> Vec<Row<'static>> {
    TUNING.iter().flat_map(|(_, d)| rows(d)).collect()
}

fn rate(t: &Tally, kind: &str) -> f64 {
    let (ok, n) = t[kind];
    ok as f64 / n.max(1) as f64
}

/// Status reports, requests, small talk and handoffs together.
fn rate_other(t: &Tally) -> f64 {
    let (ok, n) = ["status", "command", "smalltalk", "handoff"]
        .iter()
        .fold((0, 0), |(a, b), k| (a + t[k].0, b + t[k].1));
    ok as f64 / n.max(1) as f64
}

fn print(label: &str, t: &Tally) {
    let parts: Vec<String> = KINDS
        .iter()
        .map(|k| {
            let (ok, n) = t[k];
            format!("{k} {ok}/{n} ({:.1}%)", 100.0 * ok as f64 / n.max(1) as f64)
        })
        .collect();
    println!("{label}: {}", parts.join(", "));
}

fn knowledge() -> Knowledge {
    Knowledge::load(Config::default()).unwrap()
}

/// The shipped path: `Knowledge::answer` and the `ask --json` object.
fn lexicon_ask(kb: &Knowledge) -> impl Fn(&str, Lang) -> serde_json::Value + '_ {
    move |text, lang| to_json(kb, lang, &kb.answer(text, None))
}

#[test]
fn tuning_set_per_kind() {
    let kb = knowledge();
    for (round, data) in TUNING {
        let mut misses = Vec::new();
        let t = score(&rows(data), &lexicon_ask(&kb), &mut |row, s| {
            misses.push(format!(
                "  miss {} {:?} -> {} task={:?} command={:?} faq={:?} (expect {})",
                row.kind, row.text, s.intent, s.task, s.command, s.faq_id, row.expect
            ))
        });
        print(&format!("tuning {round} (shipped)"), &t);
        for m in &misses {
            println!("{m}");
        }
    }
    let t = score(&tuning_rows(), &lexicon_ask(&kb), &mut |_, _| {});
    for k in KINDS {
        assert!(rate(&t, k) >= 0.95, "tuning {k}: {:.3}", rate(&t, k));
    }
}

/// The knowledge with another FAQ index and another second opinion.
fn variant(kb: &Knowledge, faq: FaqIndex, second: Option<Model>) -> Knowledge {
    Knowledge {
        config: Config::default(),
        content: kb.content.clone(),
        faq,
        second,
    }
}

/// The classifier trained on some rows (as `dev/learn-phrasings.py` writes
/// the shipped examples from all tuning rows).
fn model_of(rows: &[Row]) -> Model {
    let examples: Vec<Example> = rows
        .iter()
        .map(|r| Example {
            kind: r.kind,
            label: if matches!(r.kind, "status" | "command") {
                r.expect
            } else {
                ""
            },
            text: r.text,
        })
        .collect();
    Model::train(&examples)
}

/// Approach (b) alone: the classifier decides the kind, the task and the
/// command; a message it calls a question is looked up in the FAQ.
fn bayes_ask<'a>(kb: &'a Knowledge, model: &'a Model) -> impl Fn(&str, Lang) -> serde_json::Value + 'a {
    move |text, lang| {
        let mut a: Answered = kb.answer(text, None);
        let o = model.opinion(text);
        a.intent = match o.intent(text) {
            Some(i) => Intent {
                task: o.task.or(i.task),
                ..i
            },
            None => Intent {
                off_scope: o.off_scope,
                ..a.intent
            },
        };
        a.lookup = if a.intent.kind == Kind::Question && !a.intent.off_scope {
            kb.faq.lookup(text)
        } else {
            Lookup::default()
        };
        let id = a
            .lookup
            .best
            .as_ref()
            .map_or(ContactId::Reception, |h| kb.faq.entries()[h.entry].contact);
        a.contact = contacts::route(&kb.config, id, None);
        to_json(kb, lang, &a)
    }
}

#[test]
fn heldout_totals() {
    let kb = knowledge();
    // (a) the lexicon alone: the locale files' phrasings, no second opinion.
    let lexicon = variant(&kb, FaqIndex::build_without_learned(&kb.content).unwrap(), None);
    // (a) + the FAQ's learned questions, no second opinion.
    let learned = variant(&kb, FaqIndex::build(&kb.content).unwrap(), None);
    // What ships, without the learned questions.
    let unlearned = variant(
        &kb,
        FaqIndex::build_without_learned(&kb.content).unwrap(),
        kb.second.clone(),
    );
    // (b) the classifier alone, trained on the same examples.
    let model = model_of(&tuning_rows());
    let mut shipped = Vec::new();
    for (round, data) in HELDOUT {
        let held = rows(data);
        // Totals only: which held-out messages fail is never printed.
        let line = |label: &str, ask: &dyn Fn(&str, Lang) -> serde_json::Value| {
            let t = score(&held, ask, &mut |_, _| {});
            print(&format!("held-out {round} ({label})"), &t);
            println!(
                "held-out {round} ({label}): status+command+smalltalk+handoff {:.1}%",
                100.0 * rate_other(&t)
            );
            t
        };
        let s = line(
            "shipped: lexicon + learned questions + classifier's second opinion",
            &lexicon_ask(&kb),
        );
        let a = line("a: lexicon", &lexicon_ask(&lexicon));
        let l = line("a + learned questions", &lexicon_ask(&learned));
        line("shipped without the learned questions", &lexicon_ask(&unlearned));
        let b = line("b: classifier alone", &bayes_ask(&kb, &model));
        shipped.push((s, a, l, b));
    }
    // The targets are 95 % of questions answered, 90 % of near
    // misses refused and 95 % of the other kinds right; these floors are
    // below what the shipped approach reached when it was frozen
    // (BENCHMARKS.md), so that a change that loses ground fails here.
    let total = |t: &Tally| t.values().map(|(ok, _)| ok).sum::<usize>();
    for (s, _, _, _) in &shipped {
        assert!(rate(s, "answer") >= 0.85, "answer {:.3}", rate(s, "answer"));
        assert!(rate(s, "none") >= 0.85, "none {:.3}", rate(s, "none"));
        assert!(rate_other(s) >= 0.85, "other kinds {:.3}", rate_other(s));
    }
    // What ships is at least as good as each of its parts alone, over all
    // the held-out rounds (one round alone can differ by a message).
    let sum = |part: fn(&(Tally, Tally, Tally, Tally)) -> &Tally| shipped.iter().map(|r| total(part(r))).sum::<usize>();
    let s = sum(|r| &r.0);
    assert!(s >= sum(|r| &r.1), "the lexicon alone does better");
    assert!(s >= sum(|r| &r.2), "the second opinion loses ground");
    assert!(s > sum(|r| &r.3), "the classifier alone does better");
}

/// Rows with their place in the tuning parts.
type Numbered<'a> = Vec<(usize, &'a Row<'a>)>;

/// Five folds of the tuning parts: each fold scored by a bot that learned
/// only the other four folds' messages (FAQ questions and classifier
/// examples): what learning from the bank brings to messages it did not
/// learn, measured without the held-out parts. The lexicon itself was
/// written from all of them, so this flatters it.
#[test]
fn learning_cross_validated_on_tuning() {
    let kb = knowledge();
    let all = tuning_rows();
    let squeeze = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut t: Tally = KINDS.iter().map(|k| (*k, (0, 0))).collect();
    let mut alone: Tally = t.clone();
    for fold in 0..5 {
        let (test, train): (Numbered, Numbered) = all.iter().enumerate().partition(|(i, _)| i % 5 == fold);
        let held: std::collections::HashSet<String> = test.iter().map(|(_, r)| squeeze(r.text)).collect();
        let learned: String = seikyu_navi::faq::LEARNED
            .lines()
            .filter(|l| l.split_once('\t').map_or(true, |(_, q)| !held.contains(q)))
            .map(|l| format!("{l}\n"))
            .collect();
        let train: Vec<Row> = train.into_iter().map(|(_, r)| Row { ..*r }).collect();
        let test: Vec<Row> = test.into_iter().map(|(_, r)| Row { ..*r }).collect();
        let model = model_of(&train);
        let k = variant(
            &kb,
            FaqIndex::build_with_learned(&kb.content, &learned).unwrap(),
            Some(model.clone()),
        );
        let f = score(&test, &lexicon_ask(&k), &mut |row, s| {
            println!(
                "  miss {} {:?} -> {} task={:?} command={:?} faq={:?} (expect {})",
                row.kind, row.text, s.intent, s.task, s.command, s.faq_id, row.expect
            )
        });
        let b = score(&test, &bayes_ask(&k, &model), &mut |_, _| {});
        for (tally, f) in [(&mut t, f), (&mut alone, b)] {
            for (kind, (ok, n)) in f {
                let e = tally.get_mut(kind).unwrap();
                e.0 += ok;
                e.1 += n;
            }
        }
    }
    print("tuning, 5-fold (shipped, learning the other folds)", &t);
    print("tuning, 5-fold (b: classifier alone)", &alone);
}

/// The questions the FAQ learned come from the tuning parts only: never a
/// held-out message.
#[test]
fn learned_questions_come_from_the_tuning_parts_only() {
    let squeeze = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let tuning: std::collections::HashSet<String> = tuning_rows().iter().map(|r| squeeze(r.text)).collect();
    let held: std::collections::HashSet<String> = HELDOUT
        .iter()
        .flat_map(|(_, d)| rows(d))
        .map(|r| squeeze(r.text))
        .collect();
    let mut n = 0;
    for line in seikyu_navi::faq::LEARNED.lines().filter(|l| !l.starts_with('#')) {
        let (_, q) = line.split_once('\t').expect("entry<TAB>question");
        assert!(tuning.contains(q), "not a tuning message: {q}");
        assert!(!held.contains(q), "a held-out message: {q}");
        n += 1;
    }
    assert!(n > 300, "{n}");
}
