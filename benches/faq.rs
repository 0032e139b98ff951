//! One message: `Knowledge::answer` (what the message is, then for a
//! question the tf-idf lookup and contact routing) on messages office staff
//! might type, in Japanese and English: questions, ones the FAQ cannot
//! answer, status reports, requests and small talk. And what the bot builds
//! at start-up: the FAQ index and the intent lexicon.
//!
//! Run: `cargo bench --bench faq`

use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use seikyu_navi::app::Knowledge;
use seikyu_navi::config::Config;
use seikyu_navi::content::Content;
use seikyu_navi::faq::FaqIndex;
use seikyu_navi::{intent, text};

/// (label, message). Written for the benchmark; not the evaluation sets.
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

/// Messages that are not questions (and one near miss), and the slowest
/// kind of message: several sentences the FAQ does not answer as a whole,
/// so each sentence is looked up too.
const OTHERS: [(&str, &str); 9] = [
    ("ja/status", "届出、今日国保連に出してきました。あとは待つだけですか？"),
    (
        "ja/status-long",
        "本日、国保連合会から「電子請求登録結果に関するお知らせ」が届きました。事務所の金庫に保管しております。",
    ),
    ("ja/request", "間違えて完了にしてしまいました。取り消してください"),
    ("ja/smalltalk", "ありがとうございます、大変助かりました。"),
    ("ja/handoff", "担当者の方と直接お話しできますか"),
    ("ja/near-miss", "マイナンバーカードの電子証明書の更新はどこでできますか"),
    (
        "en/status",
        "We submitted the notification to the kokuhoren this morning.",
    ),
    ("en/request", "how far along are we?"),
    (
        "ja/sentences",
        "来週から新しい職員が入ります。事務所の駐車場が足りなくて困っています。プリンターも古くなってきました。何か良い方法はありますか？",
    ),
];

fn group<'a>(c: &'a mut Criterion, name: &str) -> criterion::BenchmarkGroup<'a, criterion::measurement::WallTime> {
    let mut g = c.benchmark_group(name);
    g.sample_size(30)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_millis(1500));
    g
}

fn faq_answer(c: &mut Criterion) {
    let kb = Knowledge::load(Config::default()).expect("knowledge loads");
    for (label, q) in QUESTIONS.iter().chain(&OTHERS) {
        let a = kb.answer(q, None);
        let matched = a
            .lookup
            .best
            .as_ref()
            .map(|h| format!("{} ({:.2})", kb.faq.entries()[h.entry].id, h.confidence));
        eprintln!(
            "{label}: {} {}",
            a.intent.kind.as_str(),
            matched.as_deref().unwrap_or("no answer")
        );
    }

    let mut g = group(c, "faq_answer");
    // One message per iteration, the questions in turn.
    let mut k = 0;
    g.bench_function("mixed", |b| {
        b.iter(|| {
            k += 1;
            kb.answer(QUESTIONS[k % QUESTIONS.len()].1, None)
        })
    });
    // Every kind of message in turn.
    let all: Vec<&str> = QUESTIONS.iter().chain(&OTHERS).map(|(_, q)| *q).collect();
    let mut k = 0;
    g.bench_function("mixed_kinds", |b| {
        b.iter(|| {
            k += 1;
            kb.answer(all[k % all.len()], None)
        })
    });
    for (label, q) in QUESTIONS.iter().chain(&OTHERS) {
        g.bench_function(*label, |b| b.iter(|| kb.answer(q, None)));
    }
    g.finish();

    // Where the time goes: the tokenizer alone (folding, synonym groups,
    // bigrams), which the lookup runs once on the question, and telling
    // what a message is.
    let mut g = group(c, "faq_tokens");
    for (label, q) in QUESTIONS
        .into_iter()
        .filter(|(l, _)| ["ja/hours", "ja/long", "en/proxy"].contains(l))
    {
        g.bench_function(label, |b| b.iter(|| text::tokens(q)));
    }
    g.finish();
    let mut g = group(c, "intent_classify");
    for (label, q) in OTHERS.iter().chain(QUESTIONS.iter().filter(|(l, _)| *l == "ja/long")) {
        g.bench_function(*label, |b| b.iter(|| intent::classify(q)));
    }
    g.finish();
}

/// What the bot builds before it answers anything.
fn start_up(c: &mut Criterion) {
    let mut g = group(c, "start_up");
    let content = Content::embedded().expect("content loads");
    g.bench_function("faq_index_build", |b| b.iter(|| FaqIndex::build(&content).unwrap()));
    g.bench_function("intent_lexicon_read", |b| {
        b.iter(|| intent::read_lexicon(intent::LEXICON).unwrap())
    });
    g.bench_function("classifier_train", |b| {
        b.iter(|| seikyu_navi::classifier::Model::shipped().unwrap())
    });
    g.bench_function("content_load", |b| b.iter(|| Content::embedded().unwrap()));
    // All of it; the classifier trains on a second thread meanwhile.
    g.bench_function("knowledge_load", |b| {
        b.iter(|| Knowledge::load(Config::default()).unwrap())
    });
    g.finish();
}

criterion_group!(benches, faq_answer, start_up);
criterion_main!(benches);
