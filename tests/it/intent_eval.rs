//! The message bank (`tests/data/bank/`, see its README): messages of five
//! kinds written by three writers who never saw the bot's texts, each run
//! through the `ask --json` code path and scored per kind.
//!
//! The bank is split once into `tuning.tsv` (what the lexicon, the FAQ
//! phrasings and the synonyms were tuned on) and `heldout.tsv` (read only
//! here, by `heldout_totals`, which prints totals per kind and never which
//! messages failed).

use std::collections::BTreeMap;

use seikyu_navi::adapters::cli::ask::to_json;
use seikyu_navi::app::{Answered, Knowledge};
use seikyu_navi::config::Config;
use seikyu_navi::contacts;
use seikyu_navi::content::Lang;
use seikyu_navi::faq::{FaqIndex, Lookup};
use seikyu_navi::intent::{Intent, Kind, Request};
use seikyu_navi::playbook::{ContactId, TaskId};
use seikyu_navi::text;
use unicode_normalization::UnicodeNormalization;

/// The tuning parts of the two rounds of writing.
const TUNING: [&str; 2] = [
    include_str!("../data/bank/tuning.tsv"),
    include_str!("../data/bank/tuning2.tsv"),
];
/// The held-out parts, by round.
const HELDOUT: [(&str, &str); 2] = [
    ("round 1", include_str!("../data/bank/heldout.tsv")),
    ("round 2", include_str!("../data/bank/heldout2.tsv")),
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
    TUNING.iter().flat_map(|d| rows(d)).collect()
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
    for (round, data) in TUNING.iter().enumerate() {
        let mut misses = Vec::new();
        let t = score(&rows(data), &lexicon_ask(&kb), &mut |row, s| {
            misses.push(format!(
                "  miss {} {:?} -> {} task={:?} command={:?} faq={:?} (expect {})",
                row.kind, row.text, s.intent, s.task, s.command, s.faq_id, row.expect
            ))
        });
        print(&format!("tuning round {} (lexicon)", round + 1), &t);
        for m in &misses {
            println!("{m}");
        }
    }
    let t = score(&tuning_rows(), &lexicon_ask(&kb), &mut |_, _| {});
    for k in KINDS {
        assert!(rate(&t, k) >= 0.95, "tuning {k}: {:.3}", rate(&t, k));
    }
}

/// The knowledge with another FAQ index.
fn with_index(kb: &Knowledge, faq: FaqIndex) -> Knowledge {
    Knowledge {
        config: Config::default(),
        content: kb.content.clone(),
        faq,
    }
}

#[test]
fn heldout_totals() {
    let kb = knowledge();
    // Approach (a) alone: the locale files' phrasings, without the questions
    // learned from the tuning parts.
    let plain = with_index(&kb, FaqIndex::build_without_learned(&kb.content).unwrap());
    let model = Trained::train(&tuning_rows());
    let mut lexicon = Vec::new();
    let mut unlearned = Vec::new();
    let mut bayes = Vec::new();
    for (round, data) in HELDOUT {
        let held = rows(data);
        // Totals only: which held-out messages fail is never printed.
        let t = score(&held, &lexicon_ask(&kb), &mut |_, _| {});
        print(&format!("held-out {round} (lexicon + learned questions, shipped)"), &t);
        println!(
            "held-out {round} (shipped): status+command+smalltalk+handoff {:.1}%",
            100.0 * rate_other(&t)
        );
        let p = score(&held, &lexicon_ask(&plain), &mut |_, _| {});
        print(&format!("held-out {round} (lexicon, locale phrasings only)"), &p);
        unlearned.push(p);
        for (label, mix) in [("naive Bayes", false), ("lexicon + naive Bayes refusal", true)] {
            let o = score(&held, &|text, lang| model.ask(&kb, text, lang, mix), &mut |_, _| {});
            print(&format!("held-out {round} ({label})"), &o);
            println!(
                "held-out {round} ({label}): status+command+smalltalk+handoff {:.1}%",
                100.0 * rate_other(&o)
            );
            if !mix {
                bayes.push(o);
            }
        }
        lexicon.push(t);
    }
    // The targets are 95 % of questions answered, 90 % of near
    // misses refused and 95 % of the other kinds right; these floors are
    // what the shipped approach reached when it was frozen (BENCHMARKS.md),
    // so that a change that loses ground fails here.
    for t in &lexicon {
        assert!(rate(t, "answer") >= 0.80, "answer {:.3}", rate(t, "answer"));
        assert!(rate(t, "none") >= 0.80, "none {:.3}", rate(t, "none"));
        assert!(rate_other(t) >= 0.80, "other kinds {:.3}", rate_other(t));
    }
    // The lexicon is kept because it is better than the trained classifier,
    // and the learned questions because they answer more than without them.
    let total = |t: &Tally| t.values().map(|(ok, _)| ok).sum::<usize>();
    for ((l, b), p) in lexicon.iter().zip(&bayes).zip(&unlearned) {
        assert!(total(l) > total(b), "naive Bayes does better");
        assert!(total(l) >= total(p), "the learned questions lose ground");
    }
}

/// Five folds of the tuning parts: each fold scored by an index that learned
/// only the other four folds' questions (what learning from the bank brings
/// to questions it did not learn, measured without the held-out parts).
#[test]
fn learned_questions_cross_validated_on_tuning() {
    let kb = knowledge();
    let all = tuning_rows();
    let squeeze = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut t: Tally = KINDS.iter().map(|k| (*k, (0, 0))).collect();
    for fold in 0..5 {
        let held: std::collections::HashSet<String> = all
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 5 == fold)
            .map(|(_, r)| squeeze(r.text))
            .collect();
        let learned: String = seikyu_navi::faq::LEARNED
            .lines()
            .filter(|l| l.split_once('\t').map_or(true, |(_, q)| !held.contains(q)))
            .map(|l| format!("{l}\n"))
            .collect();
        let k = with_index(&kb, FaqIndex::build_with_learned(&kb.content, &learned).unwrap());
        let rows: Vec<Row> = all
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 5 == fold)
            .map(|(_, r)| Row { ..*r })
            .collect();
        let f = score(&rows, &lexicon_ask(&k), &mut |row, s| {
            println!(
                "  miss {} {:?} -> {} task={:?} command={:?} faq={:?} (expect {})",
                row.kind, row.text, s.intent, s.task, s.command, s.faq_id, row.expect
            )
        });
        for (kind, (ok, n)) in f {
            let e = t.get_mut(kind).unwrap();
            e.0 += ok;
            e.1 += n;
        }
    }
    print("tuning, 5-fold (lexicon + learned questions of the other folds)", &t);
}

// ---- approach (b): a classifier trained on the tuning part ----

/// Multinomial naive Bayes over the tokens of `text::tokens` (bigrams,
/// words, synonym concepts) plus the sentence-final mark; Laplace smoothing.
struct Bayes {
    classes: Vec<String>,
    prior: Vec<f64>,
    /// class → token → log P(token | class)
    like: Vec<std::collections::HashMap<String, f64>>,
    /// class → log P(unseen token | class)
    unseen: Vec<f64>,
}

fn features(text: &str) -> Vec<String> {
    let mut f: Vec<String> = text::tokens(text).into_iter().map(|t| t.text).collect();
    let t = text.trim_end();
    if t.ends_with(['?', '？']) {
        f.push("<?>".into());
    }
    if t.ends_with(['!', '！']) {
        f.push("<!>".into());
    }
    if f.is_empty() {
        f.push("<empty>".into());
    }
    f
}

impl Bayes {
    fn train<'a>(examples: impl IntoIterator<Item = (&'a str, String)>) -> Bayes {
        const ALPHA: f64 = 0.5;
        let mut classes: Vec<String> = Vec::new();
        let mut docs: Vec<usize> = Vec::new();
        let mut counts: Vec<std::collections::HashMap<String, f64>> = Vec::new();
        let mut vocab: std::collections::HashSet<String> = std::collections::HashSet::new();
        for (text, class) in examples {
            let c = match classes.iter().position(|x| *x == class) {
                Some(c) => c,
                None => {
                    classes.push(class);
                    docs.push(0);
                    counts.push(Default::default());
                    classes.len() - 1
                }
            };
            docs[c] += 1;
            for t in features(text) {
                *counts[c].entry(t.clone()).or_default() += 1.0;
                vocab.insert(t);
            }
        }
        let n: usize = docs.iter().sum();
        let v = vocab.len() as f64;
        let mut like = Vec::new();
        let mut unseen = Vec::new();
        for m in &counts {
            let total: f64 = m.values().sum();
            let denom = total + ALPHA * v;
            like.push(m.iter().map(|(t, c)| (t.clone(), ((c + ALPHA) / denom).ln())).collect());
            unseen.push((ALPHA / denom).ln());
        }
        Bayes {
            prior: docs.iter().map(|d| (*d as f64 / n as f64).ln()).collect(),
            classes,
            like,
            unseen,
        }
    }

    fn predict(&self, text: &str) -> &str {
        let f = features(text);
        let best = (0..self.classes.len())
            .map(|c| {
                let s = self.prior[c]
                    + f.iter()
                        .map(|t| self.like[c].get(t).copied().unwrap_or(self.unseen[c]))
                        .sum::<f64>();
                (c, s)
            })
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map_or(0, |(c, _)| c);
        &self.classes[best]
    }
}

/// The trained approach: one classifier for the kind (`answer`, `none`,
/// `status`, `command`, `smalltalk`, `handoff`), one for a report's task and
/// one for a request's command; a message classed `answer` is looked up in
/// the FAQ index.
struct Trained {
    kind: Bayes,
    task: Bayes,
    command: Bayes,
}

impl Trained {
    fn train(rows: &[Row]) -> Trained {
        Trained {
            kind: Bayes::train(rows.iter().map(|r| (r.text, r.kind.to_string()))),
            task: Bayes::train(
                rows.iter()
                    .filter(|r| r.kind == "status")
                    .map(|r| (r.text, r.expect.to_string())),
            ),
            command: Bayes::train(
                rows.iter()
                    .filter(|r| r.kind == "command")
                    .map(|r| (r.text, r.expect.to_string())),
            ),
        }
    }

    fn ask(&self, kb: &Knowledge, text: &str, lang: Lang, mix: bool) -> serde_json::Value {
        let mut a: Answered = kb.answer(text, None);
        let kind = self.kind.predict(text);
        let mut intent = Intent {
            kind: match kind {
                "status" => Kind::Status,
                "command" => Kind::Command,
                "smalltalk" => Kind::SmallTalk,
                "handoff" => Kind::Handoff,
                _ => Kind::Question,
            },
            task: None,
            request: None,
            talk: None,
            off_scope: kind == "none",
            topical: a.intent.topical,
            aspect_only: a.intent.aspect_only,
            chat: None,
        };
        if mix {
            // The lexicon decides the kind; the classifier only refuses.
            intent = Intent {
                off_scope: a.intent.off_scope || kind == "none",
                ..a.intent
            };
        } else {
            intent.task = (intent.kind == Kind::Status)
                .then(|| TaskId::parse(self.task.predict(text)))
                .flatten();
            intent.request = (intent.kind == Kind::Command)
                .then(|| {
                    Request::ALL
                        .into_iter()
                        .find(|r| r.as_str() == self.command.predict(text))
                })
                .flatten();
        }
        a.lookup = if intent.kind == Kind::Question && !intent.off_scope {
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
        a.intent = intent;
        to_json(kb, lang, &a)
    }
}

/// Five folds of the tuning part (every fifth row), each scored by a model
/// trained on the other four.
fn cross_validated(kb: &Knowledge, mix: bool) -> Tally {
    let all = tuning_rows();
    let mut t: Tally = KINDS.iter().map(|k| (*k, (0, 0))).collect();
    for fold in 0..5 {
        let train: Vec<Row> = all
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 5 != fold)
            .map(|(_, r)| Row { ..*r })
            .collect();
        let model = Trained::train(&train);
        for (_, row) in all.iter().enumerate().filter(|(i, _)| i % 5 == fold) {
            let s = seen(&model.ask(kb, row.text, row.lang, mix));
            let e = t.get_mut(row.kind).unwrap();
            e.1 += 1;
            if correct(row, &s) {
                e.0 += 1;
            }
        }
    }
    t
}

#[test]
fn trained_approach_cross_validated_on_tuning() {
    let kb = knowledge();
    print("tuning, 5-fold (naive Bayes)", &cross_validated(&kb, false));
    print(
        "tuning, 5-fold (lexicon + naive Bayes refusal)",
        &cross_validated(&kb, true),
    );
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
