//! The FAQ development set (tests/data/faq-dev.tsv, a copy of the shared
//! evaluation set) run through the same code path as `ask --json`.

use seikyu_navi::adapters::cli::ask::to_json;
use seikyu_navi::app::Knowledge;
use seikyu_navi::config::Config;
use seikyu_navi::content::Lang;
use unicode_normalization::UnicodeNormalization;

fn norm(s: &str) -> String {
    s.nfkc().collect::<String>().to_lowercase()
}

#[test]
fn dev_set_meets_the_targets() {
    check("dev", include_str!("../data/faq-dev.tsv"));
}

/// Evaluates a set and requires the targets: 90% of answer rows correct,
/// 80% of none rows rejected.
fn check(name: &str, data: &str) {
    let kb = Knowledge::load(Config::default()).unwrap();
    let r = evaluate(&kb, data);
    let ans_rate = r.ans_ok as f64 / r.ans_n as f64;
    let none_rate = r.none_ok as f64 / r.none_n as f64;
    println!(
        "{name} answer rows correct: {}/{} ({:.0}%)",
        r.ans_ok,
        r.ans_n,
        ans_rate * 100.0
    );
    println!(
        "{name} none rows rejected: {}/{} ({:.0}%)",
        r.none_ok,
        r.none_n,
        none_rate * 100.0
    );
    for m in &r.misses {
        println!("  miss: {m}");
    }
    assert!(ans_rate >= 0.90, "{name}: answer accuracy {ans_rate:.2} < 0.90");
    assert!(none_rate >= 0.80, "{name}: none rejection {none_rate:.2} < 0.80");
}

/// Outcome of running one evaluation file.
struct Report {
    ans_ok: usize,
    ans_n: usize,
    none_ok: usize,
    none_n: usize,
    misses: Vec<String>,
}

/// Runs every row of an evaluation file (format: tests/data/faq-dev.README.md)
/// through the `ask --json` code path.
fn evaluate(kb: &Knowledge, data: &str) -> Report {
    let mut r = Report {
        ans_ok: 0,
        ans_n: 0,
        none_ok: 0,
        none_n: 0,
        misses: Vec::new(),
    };
    for (n, line) in data.lines().enumerate().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 3 {
            continue;
        }
        let lang: Lang = cols[0].parse().unwrap_or_else(|_| panic!("line {}: bad lang", n + 1));
        let question = cols[2];
        let expect = cols.get(3).copied().unwrap_or("");
        let json = to_json(kb, lang, &kb.answer(question, None));
        let matched = json["matched"].as_bool().unwrap();
        let mut text = json["answer"].as_str().unwrap().to_string();
        for f in ["name", "tel", "fax", "email", "url", "note"] {
            if let Some(v) = json["contact"][f].as_str() {
                text.push('\n');
                text.push_str(v);
            }
        }
        let text = norm(&text);
        let got = format!("{} {}", json["faq_id"], json["confidence"]);
        match cols[1] {
            "answer" => {
                r.ans_n += 1;
                assert!(!expect.is_empty(), "line {}: an answer row needs an expectation", n + 1);
                let ok = matched
                    && expect.split(" && ").all(|re| {
                        regex::Regex::new(&norm(re))
                            .unwrap_or_else(|e| panic!("line {}: {e}", n + 1))
                            .is_match(&text)
                    });
                if ok {
                    r.ans_ok += 1;
                } else {
                    r.misses.push(format!("answer {question} -> {got} (expect {expect})"));
                }
            }
            "none" => {
                r.none_n += 1;
                if matched {
                    r.misses.push(format!("none {question} -> {got}"));
                } else {
                    r.none_ok += 1;
                }
                assert!(
                    json["contact"].is_object(),
                    "an unmatched question still gets a contact"
                );
            }
            other => panic!("line {}: unknown kind {other}", n + 1),
        }
    }
    r
}

/// More questions in the same format, written apart from the dev set
/// (phone typing, kana-only words, typos, full-width characters, learners'
/// English, and near-domain questions the FAQ does not cover).
#[test]
fn extra_set_meets_the_targets() {
    check("extra", include_str!("../data/faq-extra.tsv"));
}
