//! Replies a clerk reads at a glance, as rendered: step cards show only the
//! fields that say something, `/done` answers in a few lines, the contact
//! block is not repeated under an answer that gives its number, percentages
//! are rounded, and the Japanese reads cleanly (no nested 「「, no
//! 「…待っています」です, no double parentheses, no stray spaces, no line
//! broken mid-sentence, ご確認ください throughout). The operating
//! environment is the guide's, presented as such, with the current one to be
//! checked first.

use seikyu_navi::adapters::render::plain_text;
use seikyu_navi::app::App;
use seikyu_navi::cards::{self, FIELDS};
use seikyu_navi::command::Input;
use seikyu_navi::config::Config;
use seikyu_navi::content::{Content, Lang};
use seikyu_navi::playbook::{Mode, StepId};
use seikyu_navi::reply::{Block, ButtonAction, Msg, Reply};

use crate::support::{buttons, find, has, ids, local_user, num, run_ok, sub, AOBA, DAY, T0};
fn content() -> Content {
    Content::embedded().unwrap()
}

/// What a user reads.
fn text(c: &Content, lang: Lang, r: &Reply) -> String {
    plain_text(c, lang, r)
}

fn line(app: &App, line: &str, now: i64, lang: Lang) -> Reply {
    let r = app.handle("ch", &local_user(), &crate::support::input(line), now, lang);
    assert!(
        r.blocks.iter().all(|b| !matches!(b, Block::Error(_))),
        "{line}: {:?}",
        ids(&r)
    );
    r
}

/// Every reply of a walk through the whole procedure in `mode`: the
/// registration, then `/next`, `/done` and `/progress` until the end.
fn walk(mode: Mode) -> Vec<(String, Reply)> {
    let dir = tempfile::tempdir().unwrap();
    let app = App::open(Config::default(), dir.path()).unwrap();
    let mut out = Vec::new();
    let mut now = T0;
    let reg = format!("/register number:{AOBA} name:あおば介護 mode:{}", mode.as_str());
    out.push((reg.clone(), line(&app, &reg, now, Lang::Ja)));
    for _ in 0..20 {
        now += DAY;
        for l in ["/next", "/progress", "/contact"] {
            out.push((l.to_string(), line(&app, l, now, Lang::Ja)));
        }
        let office = app.office_in("ch").unwrap().unwrap();
        if office.current_step().is_none() {
            return out;
        }
        out.push(("/done".into(), line(&app, "/done", now, Lang::Ja)));
    }
    panic!("{mode}: the walk did not end");
}

/// A question asked in a channel without an office, answered in Japanese.
fn ask(app: &App, q: &str) -> Reply {
    app.handle("nowhere", &local_user(), &Input::Question(q.into()), T0, Lang::Ja)
}

/// The lines of a step card's field, by its label, in Japanese.
fn field<'a>(card: &'a str, label: &str) -> Option<Vec<&'a str>> {
    let mut lines = card.lines().skip_while(|l| *l != format!("【{label}】"));
    lines.next()?;
    Some(lines.take_while(|l| l.starts_with("  ")).map(str::trim).collect())
}
#[test]
fn step_cards_show_only_the_fields_that_say_something() {
    let c = content();
    let empty = [
        "受け取るものはありません",
        "案内に記載がありません",
        "Nothing is sent to you",
        "The guide gives no time",
    ];
    let mut fields_seen = 0;
    for mode in Mode::ALL {
        for (cmd, r) in walk(mode) {
            for lang in Lang::ALL {
                let t = text(&c, lang, &r);
                for e in empty {
                    assert!(!t.contains(e), "{mode} {cmd} ({lang}): {e}\n{t}");
                }
            }
            let t = text(&c, Lang::Ja, &r);
            for part in FIELDS {
                let label = c.text(Lang::Ja, &Msg::new(format!("label-{part}")));
                if let Some(lines) = field(&t, &label) {
                    fields_seen += 1;
                    assert!(
                        lines.iter().any(|l| !l.is_empty()),
                        "{mode} {cmd}: {label} is empty\n{t}"
                    );
                }
            }
        }
    }
    assert!(fields_seen > 20, "the cards were seen ({fields_seen} fields)");
}

#[test]
fn a_step_without_a_receive_or_time_text_has_no_such_field() {
    // The environment step: nothing is received and no time is given.
    let c = content();
    let dir = tempfile::tempdir().unwrap();
    let app = App::open(Config::default(), dir.path()).unwrap();
    let r = line(&app, &format!("/register number:{AOBA} name:あおば"), T0, Lang::Ja);
    for lang in Lang::ALL {
        let t = text(&c, lang, &r);
        for part in ["receive", "time"] {
            let label = c.text(lang, &Msg::new(format!("label-{part}")));
            assert!(!t.contains(&label), "{lang}: {label} shown\n{t}");
        }
        for part in ["what", "need", "missing"] {
            let label = c.text(lang, &Msg::new(format!("label-{part}")));
            assert!(t.contains(&label), "{lang}: {label} missing\n{t}");
        }
    }
    // The 届出 says something in every field.
    line(&app, "/done", T0, Lang::Ja);
    let t = text(&c, Lang::Ja, &line(&app, "/next", T0, Lang::Ja));
    for part in FIELDS {
        let label = c.text(Lang::Ja, &Msg::new(format!("label-{part}")));
        assert!(t.contains(&format!("【{label}】")), "{label}\n{t}");
    }
}

#[test]
fn done_answers_with_what_was_recorded_and_the_next_step_in_a_few_lines() {
    let c = content();
    let dir = tempfile::tempdir().unwrap();
    let app = App::open(Config::default(), dir.path()).unwrap();
    line(&app, &format!("/register number:{AOBA} name:あおば"), T0, Lang::Ja);

    // Into the next step: the done line, the progress, a pointer to /next.
    let r = line(&app, "/done", T0, Lang::Ja);
    assert_eq!(ids(&r), vec!["done-task", "progress-count", "done-next-step"], "{r:?}");
    let next = find(&r, "done-next-step");
    let step = sub(next, "step");
    assert_eq!(sub(step, "title").id, "step-notify-title");
    assert_eq!(num(step, "n"), 2);
    assert!(!r
        .blocks
        .iter()
        .any(|b| matches!(b, Block::Contact(_) | Block::Field { .. })));
    assert_eq!(buttons(&r), vec![ButtonAction::Next, ButtonAction::Progress]);
    for lang in Lang::ALL {
        let t = text(&c, lang, &r);
        assert!(t.lines().count() <= 4, "{lang}:\n{t}");
        assert!(t.contains("/next"), "{lang}:\n{t}");
    }
    let t = text(&c, Lang::Ja, &r);
    assert!(t.contains("インターネット請求開始の届出"), "{t}");

    // Into a wait: the wait said once, what to do when it ends, no card.
    let r = line(&app, "/done", T0, Lang::Ja);
    assert_eq!(
        ids(&r),
        vec!["done-task", "progress-count", "done-now-waiting", "next-task"],
        "{r:?}"
    );
    assert_eq!(
        buttons(&r),
        vec![
            ButtonAction::Done(seikyu_navi::playbook::TaskId::NotifyReceive),
            ButtonAction::Next,
            ButtonAction::Progress
        ]
    );
    for lang in Lang::ALL {
        let t = text(&c, lang, &r);
        assert!(t.lines().count() <= 5, "{lang}:\n{t}");
        assert_eq!(
            t.matches("電子請求登録結果に関するお知らせ").count(),
            2,
            "{lang}: said once each in the wait and the task\n{t}"
        );
    }

    // A second click on the same task: said so, and the same few lines.
    let again = app.handle(
        "ch",
        &local_user(),
        &Input::Done {
            step: Some("notify-submit".into()),
            office: None,
        },
        T0,
        Lang::Ja,
    );
    assert!(has(&again, "done-already"), "{:?}", ids(&again));
    assert!(!again.blocks.iter().any(|b| matches!(b, Block::Field { .. })));

    // The last /done ends with the completion card and its contact.
    for _ in 0..5 {
        line(&app, "/done", T0, Lang::Ja);
    }
    let office = app.office_in("ch").unwrap().unwrap();
    assert_eq!(office.current_step(), Some(StepId::Software));
    let r = line(&app, "/done", T0, Lang::Ja);
    assert!(has(&r, "steps-complete-title"), "{:?}", ids(&r));
    assert!(r.blocks.iter().any(|b| matches!(b, Block::Contact(_))));
}

#[test]
fn percentages_are_rounded_and_never_claim_all_or_nothing_falsely() {
    // (done, total, percent, filled cells of the bar)
    for (d, n, pct, cells) in [
        (1, 6, 17, 2),
        (2, 7, 29, 3),
        (3, 7, 43, 4),
        (4, 6, 67, 7),
        (0, 6, 0, 0),
        (6, 6, 100, 10),
        (0, 0, 100, 10),
        (1999, 2000, 99, 9),
        (1, 2000, 1, 1),
    ] {
        assert_eq!(num(&cards::progress_count(d, n), "percent"), pct, "{d}/{n}");
        let bar = cards::bar(d, n);
        assert_eq!(bar.chars().count(), 10, "{bar}");
        assert_eq!(bar.matches('■').count(), cells, "{d}/{n}: {bar}");
    }
}

#[test]
fn progress_offers_what_is_useful_next_and_nothing_points_at_a_missing_contact() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::open(Config::default(), dir.path()).unwrap();
    line(&app, &format!("/register number:{AOBA} name:あおば"), T0, Lang::Ja);
    let r = line(&app, "/progress", T0, Lang::Ja);
    assert_eq!(
        buttons(&r),
        vec![ButtonAction::Next],
        "no /progress button on /progress"
    );
    for _ in 0..8 {
        line(&app, "/done", T0, Lang::Ja);
    }
    let c = content();
    for cmd in ["/progress", "/contact"] {
        let r = line(&app, cmd, T0, Lang::Ja);
        assert!(!buttons(&r).contains(&ButtonAction::Next), "{cmd}: {:?}", buttons(&r));
        let t = text(&c, Lang::Ja, &r);
        // "下の問合せ先" only where a contact follows.
        if let Some(at) = t.find("下の問合せ先") {
            assert!(t[at..].contains("問合せ先："), "{cmd}:\n{t}");
        }
        assert_eq!(t.matches("すべての手順が完了").count(), 1, "{cmd}:\n{t}");
    }
}
#[test]
fn the_contact_block_is_not_repeated_under_an_answer_that_gives_its_number() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::open(Config::default(), dir.path()).unwrap();
    let ask = |q: &str| ask(&app, q);
    let has_contact = |r: &Reply| r.blocks.iter().any(|b| matches!(b, Block::Contact(_)));
    // The fee answer gives the reception helpdesk's number: no block.
    let r = ask("証明書っていくら？");
    assert!(has(&r, "faq-certificate-fee"), "{:?}", ids(&r));
    assert!(!has_contact(&r), "{:?}", r.blocks);
    let t = text(&content(), Lang::Ja, &r);
    assert_eq!(t.matches("0570-059-402").count(), 1, "{t}");
    // The 届出 answer gives no number: the 国保連合会's card stays.
    let r = ask("届出はどこに出せばいい？");
    assert!(has(&r, "faq-notify-where"), "{:?}", ids(&r));
    assert!(has_contact(&r));
    // No answer: the contact is what the reply offers.
    let r = ask("今日の天気は？");
    assert!(has_contact(&r));
    // `ask --json` still names the contact.
    let kb = app.knowledge();
    let json = seikyu_navi::adapters::cli::ask::to_json(kb, Lang::Ja, &kb.answer("証明書っていくら？", None));
    assert_eq!(json["contact"]["tel"], "0570-059-402");
}
// ---- the operating environment (issue item 4) ----

const ENV_QUESTIONS: [&str; 4] = [
    "うちのパソコン、Windows11なんだけど大丈夫？",
    "ブラウザはEdgeしかないです",
    "Windows 11でも大丈夫？",
    "Edgeで使えますか",
];

#[test]
fn the_environment_card_leads_with_checking_the_current_environment() {
    let c = content();
    let dir = tempfile::tempdir().unwrap();
    let app = App::open(Config::default(), dir.path()).unwrap();
    let r = run_ok(
        &app,
        "ch",
        &local_user(),
        &format!("/register number:{AOBA} name:あおば"),
        T0,
    );
    let t = text(&c, Lang::Ja, &r);
    let what = field(&t, "すること").unwrap();
    assert!(what[0].contains("最新の動作環境"), "{what:?}");
    assert!(what[0].contains("介護電子請求受付システム"), "{what:?}");
    assert!(what[0].contains("前に"), "before preparing or buying: {what:?}");
    // The seed's list is there, as the guide's (written at the time).
    let list = what.iter().position(|l| l.starts_with("OS：")).unwrap();
    assert!(
        what[list - 1].contains("「インターネット請求の導入手順について」"),
        "{what:?}"
    );
    assert!(what[list - 1].contains("作成時点"), "{what:?}");
    assert!(what.iter().any(|l| l.contains("Internet Explorer 11")));
    assert!(t.contains("0570-059-402"));
    let t = text(&c, Lang::En, &r);
    assert!(t.contains("current operating environment"), "{t}");
    assert!(t.contains("when it was written"), "{t}");
}

#[test]
fn windows_11_or_edge_is_never_told_it_is_excluded() {
    let c = content();
    let dir = tempfile::tempdir().unwrap();
    let app = App::open(Config::default(), dir.path()).unwrap();
    for q in ENV_QUESTIONS {
        let r = ask(&app, q);
        let faq = ids(&r)[0].to_string();
        assert!(
            ["faq-environment-os.question", "faq-browser.question"].contains(&faq.as_str()),
            "{q}: {faq}"
        );
        for lang in Lang::ALL {
            let t = text(&c, lang, &r);
            for bad in [
                "含まれていません",
                "対象外",
                "使えません",
                "ブラウザは Internet Explorer 11 です",
                "are not in",
                "not supported",
                "The browser is Internet Explorer 11",
            ] {
                assert!(!t.contains(bad), "{q} ({lang}): {bad}\n{t}");
            }
            assert!(t.contains("0570-059-402"), "{q} ({lang}): the helpdesk\n{t}");
        }
        let t = text(&c, Lang::Ja, &r);
        let answer: Vec<&str> = t.lines().skip(1).collect();
        assert!(
            answer[0].contains("最新の動作環境"),
            "{q}: leads with the current one\n{t}"
        );
        assert!(t.contains("作成時点"), "{q}: the guide's list as the guide's\n{t}");
    }
}

// ---- the wording (review Top 10 items 8 and 9) ----

#[test]
fn japanese_replies_read_cleanly() {
    let c = content();
    let mut seen = String::new();
    for mode in Mode::ALL {
        for (cmd, r) in walk(mode) {
            let t = text(&c, Lang::Ja, &r);
            for bad in [
                "「「",
                "」」",
                "ています」",
                "）（",
                "確認してください",
                ": ",
                "(完了",
                "この チャンネル",
            ] {
                assert!(!t.contains(bad), "{mode} {cmd}: {bad:?}\n{t}");
            }
            seen.push_str(&t);
        }
    }
    // The unregistered hint is said once, without a stray space.
    let dir = tempfile::tempdir().unwrap();
    let app = App::open(Config::default(), dir.path()).unwrap();
    let r = app.handle("ch", &local_user(), &Input::Next, T0, Lang::Ja);
    let t = text(&c, Lang::Ja, &r);
    assert_eq!(t.matches("登録されていません").count(), 1, "{t}");
    assert!(!t.contains("この チャンネル"), "{t}");
    assert!(seen.contains("問合せ先："), "the contact lines use a full-width colon");
}

/// A line of a Japanese message that does not end a sentence: it ends with
/// neither 。 nor a closing bracket, and is neither a "label：value" line nor
/// an item of a list.
fn broken_line(l: &str) -> bool {
    let l = l.trim();
    !(l.is_empty()
        || l.starts_with(['①', '②', '③', '④', '・'])
        || l.ends_with('。')
        || l.ends_with('）')
        || l.ends_with('」')
        || l.ends_with('』')
        || l.contains('：'))
}

#[test]
fn no_japanese_step_or_faq_text_breaks_a_line_mid_sentence() {
    let c = content();
    let mut checked = 0;
    for (id, _) in c.ids(Lang::Ja) {
        if !(id.starts_with("step-") || id.starts_with("faq-") || id.starts_with("mode-")) {
            continue;
        }
        let t = c.text(Lang::Ja, &Msg::new(id.clone()));
        if !t.contains('\n') {
            continue;
        }
        checked += 1;
        for l in t.lines() {
            assert!(!broken_line(l), "{id}: a line ends mid-sentence: {l:?}\n{t}");
        }
    }
    assert!(checked > 20, "{checked}");
}

/// The attributes a user reads (not the FAQ's search words).
fn shown(attrs: &[String]) -> impl Iterator<Item = &str> {
    attrs
        .iter()
        .map(String::as_str)
        .filter(|a| !["phrasings", "keywords", "after"].contains(a))
}

#[test]
fn japanese_texts_ask_politely_with_go_kakunin_kudasai() {
    let c = content();
    for (id, attrs) in c.ids(Lang::Ja) {
        let mut texts = vec![c.text(Lang::Ja, &Msg::new(id.clone()))];
        texts.extend(shown(attrs).filter_map(|a| c.attr(Lang::Ja, id, a)));
        for t in texts {
            assert!(!t.contains("確認してください"), "{id}: {t}");
            assert!(!t.contains("（補足"), "{id}: the caveat comes last, plainly: {t}");
            assert!(!t.contains("案内に記載がありません"), "{id}: {t}");
        }
    }
}
// ---- English (review Top 10 item 10) ----

#[test]
fn english_uses_one_name_per_japanese_term_and_shows_it_on_step_titles() {
    let c = content();
    for step in StepId::ALL {
        let title = c.text(Lang::En, &Msg::new(step.title_id()));
        assert!(title.contains('(') && title.ends_with(')'), "{title}");
    }
    for (id, attrs) in c.ids(Lang::En) {
        let mut texts = vec![c.text(Lang::En, &Msg::new(id.clone()))];
        texts.extend(shown(attrs).filter_map(|a| c.attr(Lang::En, id, a)));
        for t in texts {
            for bad in [
                "Direct billing",
                "certificate issuing password",
                "by prefecture's",
                "1 times",
                "【",
            ] {
                assert!(!t.contains(bad), "{id}: {bad}: {t}");
            }
        }
    }
    let times = c.text(
        Lang::En,
        &Msg::new("unanswered-line")
            .str("text", "hi")
            .num("count", 1)
            .date("date", T0),
    );
    assert!(times.contains("1 time "), "{times}");
    // The billing modes name their Japanese term where a user picks one.
    for id in [
        "mode-vendor",
        "choice-mode-direct",
        "choice-mode-vendor",
        "opt-register-number",
    ] {
        let t = c.text(Lang::En, &Msg::new(id));
        assert!(t.contains('（') || t.contains('('), "{id}: {t}");
    }
    // A registration names the mode without parentheses inside parentheses.
    let dir = tempfile::tempdir().unwrap();
    let app = App::open(Config::default(), dir.path()).unwrap();
    let r = line(&app, &format!("/register number:{AOBA} name:Aoba"), T0, Lang::En);
    let t = text(&c, Lang::En, &r);
    let first = t.lines().next().unwrap();
    assert!(!first.contains("))"), "{first}");
    assert!(!t.contains("【"), "{t}");
    let p = text(&c, Lang::En, &line(&app, "/progress", T0, Lang::En));
    assert!(!p.lines().next().unwrap().contains("))"), "{p}");
}

// ---- what to prepare (review Top 10 item 6) ----

#[test]
fn what_to_prepare_names_the_billing_software_and_leaves_the_vendor_case_to_the_vendor() {
    let c = content();
    let dir = tempfile::tempdir().unwrap();
    let app = App::open(Config::default(), dir.path()).unwrap();
    let r = ask(&app, "インターネット請求を始めたいのですが、何を準備すればいいですか？");
    assert!(has(&r, "faq-preparations"), "{:?}", ids(&r));
    let t = text(&c, Lang::Ja, &r);
    // The four points, one a line, then the billing software the seed asks for.
    for item in ["①", "②", "③", "④"] {
        assert_eq!(t.lines().filter(|l| l.starts_with(item)).count(), 1, "{item}\n{t}");
    }
    assert!(t.contains("請求ソフト（「国保中央会介護伝送ソフト」など）"), "{t}");
    // The vendor case as the seed says it: 等, and ask the vendor.
    assert!(t.contains("インストール等は不要です"), "{t}");
    assert!(t.contains("該当業者の問合せ窓口へご確認ください"), "{t}");
    let t = text(&c, Lang::En, &r);
    assert!(t.contains("billing software (請求ソフト)"), "{t}");
    assert!(t.contains("some other steps (等) are not needed"), "{t}");
    let vendor = [
        "mode-vendor-desc",
        "step-na-vendor",
        "faq-vendor",
        "contact-vendor.note",
    ]
    .map(|id| c.text(Lang::En, &Msg::new(id)));
    assert!(vendor.iter().all(|t| t.contains("(等)")), "{vendor:?}");
}
