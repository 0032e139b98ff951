//! The FAQ development set (tests/data/faq-dev.tsv, a copy of the shared
//! evaluation set) run through the same code path as `ask --json`.

use seikyu_navi::app::Knowledge;
use seikyu_navi::config::Config;
use seikyu_navi::content::Lang;
use unicode_normalization::UnicodeNormalization;

fn norm(s: &str) -> String {
    s.nfkc().collect::<String>().to_lowercase()
}

#[test]
fn dev_set_meets_the_targets() {
    let kb = Knowledge::load(Config::default()).unwrap();
    let data = include_str!("data/faq-dev.tsv");
    let (mut ans_ok, mut ans_n, mut none_ok, mut none_n) = (0, 0, 0, 0);
    let mut failures = Vec::new();
    for line in data.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 3 {
            continue;
        }
        let lang: Lang = cols[0].parse().unwrap();
        let kind = cols[1];
        let question = cols[2];
        let expect = cols.get(3).copied().unwrap_or("");
        let answered = kb.answer(question, None);
        let json = kb.ask_json(lang, &answered);
        let matched = json["matched"].as_bool().unwrap();
        let mut text = json["answer"].as_str().unwrap().to_string();
        for f in ["name", "tel", "fax", "email", "url", "note"] {
            if let Some(v) = json["contact"][f].as_str() {
                text.push('\n');
                text.push_str(v);
            }
        }
        let text = norm(&text);
        match kind {
            "answer" => {
                ans_n += 1;
                let ok = matched
                    && expect
                        .split(" && ")
                        .all(|re| regex::Regex::new(&norm(re)).unwrap().is_match(&text));
                if ok {
                    ans_ok += 1;
                } else {
                    failures.push(format!(
                        "answer {question} -> {} {}",
                        json["faq_id"], json["confidence"]
                    ));
                }
            }
            "none" => {
                none_n += 1;
                if !matched {
                    none_ok += 1;
                } else {
                    failures.push(format!(
                        "none {question} -> {} {}",
                        json["faq_id"], json["confidence"]
                    ));
                }
                assert!(
                    json["contact"].is_object(),
                    "an unmatched question still gets a contact"
                );
            }
            other => panic!("unknown kind {other}"),
        }
    }
    let ans_rate = ans_ok as f64 / ans_n as f64;
    let none_rate = none_ok as f64 / none_n as f64;
    println!(
        "answer rows correct: {ans_ok}/{ans_n} ({:.0}%)",
        ans_rate * 100.0
    );
    println!(
        "none rows rejected: {none_ok}/{none_n} ({:.0}%)",
        none_rate * 100.0
    );
    for f in &failures {
        println!("  miss: {f}");
    }
    assert!(ans_rate >= 0.90, "answer accuracy {ans_rate:.2} < 0.90");
    assert!(none_rate >= 0.80, "none rejection {none_rate:.2} < 0.80");
}
