//! One FAQ lookup: `Knowledge::answer` (tf-idf lookup plus contact routing)
//! on questions office staff might type, in Japanese and English, including
//! ones the FAQ cannot answer.
//!
//! Run: `cargo bench --bench faq`

use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use seikyu_navi::app::Knowledge;
use seikyu_navi::config::Config;
use seikyu_navi::text;

/// (label, question). Written for the benchmark; not the evaluation set.
const QUESTIONS: [(&str, &str); 14] = [
    ("ja/renewal", "電子証明書の更新はいつまでにすればいいですか"),
    ("ja/locked", "パスワードを3回まちがえてログインできなくなりました"),
    (
        "ja/notice",
        "国保連合会からのお知らせがまだ届かないのですが、どうしたらいいですか",
    ),
    ("ja/period", "請求データは毎月何日から何日まで送れますか"),
    ("ja/number", "事業所番号の10桁はそれぞれ何を表していますか"),
    ("ja/manuals", "操作マニュアルはどこからダウンロードできますか"),
    ("ja/hours", "ヘルプデスクは何時まで電話がつながりますか"),
    (
        "ja/long",
        "来月からうちの事業所でもインターネット請求を始めたいのですが、電子証明書の申請から発行まで何日くらいかかるのか、費用も含めて教えていただけますか",
    ),
    ("ja/none", "職員の有給休暇はどうやって管理すればいいですか"),
    ("en/renewal", "Our certificate expires next month, how do we renew it?"),
    (
        "en/locked",
        "I typed the wrong password three times and now I can't log in",
    ),
    ("en/period", "Which days of the month can we send our claims?"),
    (
        "en/proxy",
        "What's the difference between proxy billing and billing as an office?",
    ),
    ("en/none", "How do I turn off Discord notifications on my phone?"),
];

fn faq_answer(c: &mut Criterion) {
    let kb = Knowledge::load(Config::default()).expect("knowledge loads");
    for (label, q) in QUESTIONS {
        let a = kb.answer(q, None);
        let matched = a
            .lookup
            .best
            .as_ref()
            .map(|h| format!("{} ({:.2})", kb.faq.entries()[h.entry].id, h.confidence));
        eprintln!("{label}: {}", matched.as_deref().unwrap_or("no answer"));
    }

    let mut g = c.benchmark_group("faq_answer");
    g.sample_size(30)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_millis(1500));
    // One lookup per iteration, the questions in turn.
    let mut k = 0;
    g.bench_function("mixed", |b| {
        b.iter(|| {
            k += 1;
            kb.answer(QUESTIONS[k % QUESTIONS.len()].1, None)
        })
    });
    for (label, q) in QUESTIONS {
        g.bench_function(label, |b| b.iter(|| kb.answer(q, None)));
    }
    g.finish();

    // Where the time goes: the tokenizer alone (folding, synonym groups,
    // bigrams), which the lookup runs once on the question.
    let mut g = c.benchmark_group("faq_tokens");
    g.sample_size(30)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_millis(1500));
    for (label, q) in QUESTIONS
        .into_iter()
        .filter(|(l, _)| ["ja/hours", "ja/long", "en/proxy"].contains(l))
    {
        g.bench_function(label, |b| b.iter(|| text::tokens(q)));
    }
    g.finish();
}

criterion_group!(benches, faq_answer);
criterion_main!(benches);
