//! "Nothing lost, nobody in where they don't belong": offices cannot be taken
//! over by number, a repeated click or command does no more than the first,
//! and stored text cannot spoof the screen or the terminal.

use seikyu_navi::adapters::render::button_command;
use seikyu_navi::app::App;
use seikyu_navi::command::Input;
use seikyu_navi::config::Config;
use seikyu_navi::content::Lang;
use seikyu_navi::model::{Action, Actor, Event, Office};
use seikyu_navi::playbook::{StepId, TaskId};
use seikyu_navi::reply::{Block, ButtonAction, Reply, Tone};

use crate::support::{number, office_number, open, run, staff, user_named, DAY, T0};

/// The first message id of each text block.
fn ids(r: &Reply) -> Vec<String> {
    r.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Title(m) | Block::Text(m) | Block::Success(m) | Block::Warning(m) | Block::Error(m) => {
                Some(m.id.clone())
            }
            _ => None,
        })
        .collect()
}

fn assert_ok(r: &Reply) {
    assert_ne!(r.tone, Tone::Error, "error reply: {:?}", ids(r));
}

/// An office and its history, to compare before and after.
fn snapshot(app: &App, number: &str) -> (Office, Vec<Event>) {
    let n = office_number(number);
    (
        app.store().office(&n).unwrap().expect("office"),
        app.store().history(&n).unwrap(),
    )
}

fn import(app: &App, csv: &str) {
    let parsed = seikyu_navi::roster::parse(csv.as_bytes()).unwrap_or_else(|_| panic!("roster parses"));
    app.import_roster(&parsed.rows, T0, &mut |_, _, _| {})
        .unwrap_or_else(|e| panic!("import: {e}"));
}

// ---- Item 1: an existing office is bound to a channel by staff only ----

#[test]
fn a_roster_office_without_a_channel_cannot_be_taken_over_by_a_user() {
    let dir = tempfile::tempdir().unwrap();
    let app = open(dir.path());
    let c = number("237010001");
    import(
        &app,
        &format!("number,name,mode,software,channel\n{c},さくら介護,direct,,\n"),
    );
    let before = snapshot(&app, &c);
    assert_eq!(before.0.channel, None);

    let mallory = user_named("mallory");
    let r = run(
        &app,
        "ch-x",
        &mallory,
        &format!("/register number:{c} name:\"Hijacked C\" mode:vendor"),
        T0 + DAY,
    );
    assert_eq!(r.tone, Tone::Error);
    assert_eq!(ids(&r), vec!["error-office-needs-staff"]);
    // Nothing changed: no binding, no rename, no event.
    assert_eq!(snapshot(&app, &c), before);
    assert_eq!(app.office_in("ch-x").unwrap(), None);
    // The channel stays unregistered: its commands still say so.
    let r = run(&app, "ch-x", &mallory, "/progress", T0 + DAY);
    assert_eq!(ids(&r)[0], "error-not-registered");

    // The refusal tells them to ask staff, in both languages.
    let content = app.content();
    let msg = seikyu_navi::reply::Msg::new("error-office-needs-staff").str("number", c.as_str());
    assert!(content.text(Lang::Ja, &msg).contains("サポート担当者"));
    assert!(content.text(Lang::En, &msg).contains("support staff"));

    // Staff binds it; then the office's users work in that channel.
    let r = run(
        &app,
        "ch-c",
        &staff(),
        &format!("/register number:{c} name:さくら介護"),
        T0 + DAY,
    );
    assert_ok(&r);
    assert_eq!(ids(&r)[0], "register-bound");
    assert_eq!(app.office_in("ch-c").unwrap().unwrap().number, office_number(&c));
    assert_ok(&run(&app, "ch-c", &user_named("さくら"), "/done", T0 + DAY));
}

#[test]
fn an_office_displaced_by_staff_cannot_be_claimed_and_undone_by_a_user() {
    let dir = tempfile::tempdir().unwrap();
    let app = open(dir.path());
    let (b, d) = (number("437010001"), number("337010001"));
    let bob = user_named("bob");
    assert_ok(&run(
        &app,
        "ch-b",
        &bob,
        &format!("/register number:{b} name:\"Office B\""),
        T0,
    ));
    assert_ok(&run(&app, "ch-b", &bob, "/done", T0));
    assert_ok(&run(
        &app,
        "ch-d",
        &user_named("dan"),
        &format!("/register number:{d} name:D"),
        T0,
    ));
    // Staff moves D into B's channel: B is left without a channel, with its progress.
    assert_ok(&run(
        &app,
        "ch-b",
        &staff(),
        &format!("/register number:{d} name:D"),
        T0 + DAY,
    ));
    let before = snapshot(&app, &b);
    assert_eq!((before.0.channel.clone(), before.0.done.len()), (None, 1));

    let mallory = user_named("mallory");
    let r = run(
        &app,
        "ch-m",
        &mallory,
        &format!("/register number:{b} name:\"Mallory took B\""),
        T0 + 2 * DAY,
    );
    assert_eq!(ids(&r), vec!["error-office-needs-staff"]);
    for line in ["/progress", "/undo", "/mode mode:proxy"] {
        let r = run(&app, "ch-m", &mallory, line, T0 + 2 * DAY);
        assert_eq!(ids(&r)[0], "error-not-registered", "{line}");
    }
    assert_eq!(snapshot(&app, &b), before);

    // An office bound elsewhere is still refused with its own message.
    let r = run(
        &app,
        "ch-m",
        &mallory,
        &format!("/register number:{d} name:x"),
        T0 + 2 * DAY,
    );
    assert_eq!(ids(&r), vec!["error-number-bound"]);
    // A new number in an unregistered channel stays open to anyone.
    let r = run(
        &app,
        "ch-m",
        &mallory,
        &format!("/register number:{} name:新しい事業所", number("137010009")),
        T0 + 2 * DAY,
    );
    assert_ok(&r);
    assert_eq!(ids(&r)[0], "register-done");
}

#[test]
fn the_engine_refuses_a_user_binding_an_unbound_office() {
    use seikyu_navi::engine::{self, Ctx};
    use seikyu_navi::error::UserError;
    let config = Config::default();
    let number = number("137010001");
    let loose = Office::new(
        office_number(&number),
        "さくら".into(),
        Default::default(),
        None,
        None,
        T0,
    );
    let input = Input::Register {
        number: number.clone(),
        name: "さくら".into(),
        mode: None,
        software: None,
        agent: None,
    };
    let ctx = |actor| Ctx {
        now: T0,
        actor,
        channel: "ch-new",
        office: None,
        history: &[],
        existing: Some(&loose),
        config: &config,
        agent: None,
        existing_agent: None,
    };
    let (u, s) = (user_named("u"), staff());
    assert_eq!(
        engine::handle(&ctx(&u), &input).unwrap_err(),
        UserError::OfficeNeedsStaff { number: number.clone() }
    );
    let out = engine::handle(&ctx(&s), &input).unwrap();
    let change = out.change.and_then(|c| c.office).expect("staff binds");
    assert_eq!(change.bind.as_deref(), Some("ch-new"));
    assert!(matches!(change.event.action, Action::Bound { prev: None, .. }));
}

// ---- Item 4: a repeated click or command does no more than the first ----

/// What a click on a button with this custom id does, through the same path
/// as the Discord adapter (`ButtonAction::parse`, then `Input::from`).
fn click(app: &App, channel: &str, actor: &Actor, custom_id: &str, now: i64) -> Reply {
    let action = ButtonAction::parse(custom_id).unwrap_or_else(|| panic!("{custom_id} does not parse"));
    app.handle(channel, actor, &Input::from(&action), now, Lang::Ja)
}

fn done_tasks(app: &App, number: &str) -> Vec<TaskId> {
    app.store()
        .office(&office_number(number))
        .unwrap()
        .unwrap()
        .done
        .into_keys()
        .collect()
}

/// A new data directory with an office registered in `ch` by 山田 and its
/// first step done (the card now shows the notification step).
fn office_at_notify() -> (tempfile::TempDir, App, String, Actor) {
    let dir = tempfile::tempdir().unwrap();
    let app = open(dir.path());
    let n = number("137010001");
    let u = user_named("山田");
    assert_ok(&run(&app, "ch", &u, &format!("/register number:{n} name:あおば"), T0));
    assert_ok(&run(&app, "ch", &u, "/done", T0));
    (dir, app, n, u)
}

fn card_buttons(r: &Reply) -> Vec<ButtonAction> {
    r.buttons.iter().map(|b| b.action.clone()).collect()
}

#[test]
fn buttons_name_the_task_they_complete() {
    let (_dir, app, _, u) = office_at_notify();
    let r = run(&app, "ch", &u, "/next", T0);
    let done = card_buttons(&r)[0].clone();
    assert_eq!(done, ButtonAction::Done(TaskId::NotifySubmit));
    assert_eq!(done.custom_id(), "done:notify-submit");
    assert_eq!(button_command(&done), "/done step:notify-submit");
    // After the submission the card's button names the receipt.
    let r = click(&app, "ch", &u, "done:notify-submit", T0 + DAY);
    assert_ok(&r);
    assert_eq!(card_buttons(&r)[0].custom_id(), "done:notify-receive");
    // Every task round-trips through its custom id.
    for task in StepId::ALL.iter().flat_map(|s| s.tasks()) {
        let a = ButtonAction::Done(*task);
        assert_eq!(ButtonAction::parse(&a.custom_id()), Some(a));
    }
    for other in [
        ButtonAction::Progress,
        ButtonAction::Contact,
        ButtonAction::Next,
        ButtonAction::SummaryPage(3),
    ] {
        assert_eq!(ButtonAction::parse(&other.custom_id()), Some(other));
    }
    assert_eq!(ButtonAction::parse("done:nonsense"), None);
}

#[test]
fn a_double_click_on_done_marks_one_task_and_says_it_is_done() {
    let (_dir, app, n, u) = office_at_notify();
    let first = click(&app, "ch", &u, "done:notify-submit", T0 + DAY);
    assert_ok(&first);
    let before = snapshot(&app, &n);
    assert_eq!(done_tasks(&app, &n), vec![TaskId::Environment, TaskId::NotifySubmit]);

    // The second click (or a retry after a lost reply) changes nothing.
    let second = click(&app, "ch", &u, "done:notify-submit", T0 + DAY + 1);
    assert_eq!(snapshot(&app, &n), before);
    // It is a note, not an error, with what to do next.
    assert_eq!(second.tone, Tone::Info);
    let got = ids(&second);
    assert_eq!(got[0], "done-already", "{got:?}");
    assert!(got.contains(&"next-task".to_string()), "{got:?}");
    assert_eq!(card_buttons(&second)[0], ButtonAction::Done(TaskId::NotifyReceive));
    let text = seikyu_navi::adapters::render::plain_text(app.content(), Lang::Ja, &second);
    assert!(text.contains("すでに完了しています"), "{text}");
}

#[test]
fn an_old_step_button_stands_for_the_steps_first_task() {
    let (_dir, app, n, u) = office_at_notify();
    // Buttons posted before task ids carried the step.
    assert_eq!(
        ButtonAction::parse("done:notify"),
        Some(ButtonAction::Done(TaskId::NotifySubmit))
    );
    assert_eq!(
        ButtonAction::parse("done:certificate"),
        Some(ButtonAction::Done(TaskId::CertificateApply))
    );
    assert_ok(&click(&app, "ch", &u, "done:notify", T0 + DAY));
    let before = snapshot(&app, &n);
    // The same old button clicked again does not mark the receipt.
    let r = click(&app, "ch", &u, "done:notify", T0 + DAY + 1);
    assert_eq!(ids(&r)[0], "done-already");
    assert_eq!(snapshot(&app, &n), before);
    assert!(!done_tasks(&app, &n).contains(&TaskId::NotifyReceive));
}

#[test]
fn done_with_a_task_id_marks_exactly_that_task() {
    let (_dir, app, n, u) = office_at_notify();
    // The receipt before the submission: refused, nothing changed.
    let before = snapshot(&app, &n);
    let r = run(&app, "ch", &u, "/done step:notify-receive", T0 + DAY);
    assert_eq!(ids(&r), vec!["error-task-earlier-open"]);
    assert_eq!(snapshot(&app, &n), before);
    let r = run(&app, "ch", &u, "/done step:certificate-install", T0 + DAY);
    assert_eq!(ids(&r), vec!["error-task-earlier-open"]);
    assert_eq!(snapshot(&app, &n), before);
    // A task of a step the mode does not have.
    let r = run(&app, "ch", &u, "/done step:proxy-application", T0 + DAY);
    assert_eq!(ids(&r), vec!["error-step-not-applicable"]);

    // Typed twice: the second says so and changes nothing.
    assert_ok(&run(&app, "ch", &u, "/done step:NOTIFY_SUBMIT", T0 + DAY));
    let marked = snapshot(&app, &n);
    assert_eq!(done_tasks(&app, &n), vec![TaskId::Environment, TaskId::NotifySubmit]);
    let r = run(&app, "ch", &u, "/done step:notify-submit", T0 + DAY + 1);
    assert_eq!(ids(&r)[0], "done-already");
    assert_eq!(snapshot(&app, &n), marked);
    // A task ahead of the current step, out of order, like a step id.
    assert_ok(&run(&app, "ch", &u, "/done step:certificate-apply", T0 + DAY));
    assert_eq!(
        done_tasks(&app, &n),
        vec![TaskId::Environment, TaskId::NotifySubmit, TaskId::CertificateApply]
    );
}

#[test]
fn plain_done_typed_twice_still_moves_on() {
    let (_dir, app, n, u) = office_at_notify();
    assert_ok(&run(&app, "ch", &u, "/done", T0 + DAY));
    assert_ok(&run(&app, "ch", &u, "/done", T0 + DAY));
    assert_eq!(
        done_tasks(&app, &n),
        vec![TaskId::Environment, TaskId::NotifySubmit, TaskId::NotifyReceive]
    );
    // A step id keeps meaning "the step's next task".
    assert_ok(&run(&app, "ch", &u, "/done step:certificate", T0 + DAY));
    assert_ok(&run(&app, "ch", &u, "/done step:certificate", T0 + DAY));
    let r = run(&app, "ch", &u, "/done step:certificate", T0 + DAY);
    assert_eq!(ids(&r), vec!["error-step-done"]);
}

// ---- Item 11: text that can spoof ----

#[test]
fn bidi_isolates_are_stripped_from_names() {
    assert_eq!(
        seikyu_navi::text::clean("x\u{2066}a\u{2067}y\u{2068}b\u{2069}z"),
        "xaybz"
    );
    let dir = tempfile::tempdir().unwrap();
    let app = open(dir.path());
    let n = number("137010001");
    let line = format!("/register number:{n} name:\"x\u{2067}y\u{2069}z\" software:\"S\u{2066}W\u{2069}\"");
    assert_ok(&run(&app, "ch", &user_named("u"), &line, T0));
    let o = app.office_in("ch").unwrap().unwrap();
    assert_eq!((o.name.as_str(), o.software.as_deref()), ("xyz", Some("SW")));
}

/// Every character a terminal would act on, but the line break.
fn controls(s: &str) -> Vec<char> {
    s.chars().filter(|c| c.is_control() && *c != '\n').collect()
}

/// The binary's `console` with a script on stdin, in a fresh directory.
fn console(args: &[&str], script: &str) -> (std::process::Output, tempfile::TempDir) {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_seikyu-navi"))
        .current_dir(dir.path())
        .env_remove("DISCORD_TOKEN")
        .env_remove("RUST_LOG")
        .arg("--data")
        .arg(dir.path().join("data"))
        .arg("console")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The process may exit before reading: a closed pipe is fine.
    let _ = child.stdin.take().unwrap().write_all(script.as_bytes());
    (child.wait_with_output().unwrap(), dir)
}

#[test]
fn console_channel_and_user_are_checked_like_any_input() {
    let register = format!("/register number:{} name:x\n", number("137010001"));
    let long = "c".repeat(120_000);
    let cases = [
        ("--channel", long.as_str()),
        ("--channel", &long[..101]),
        ("--channel", "ch\u{1b}[2J"),
        ("--channel", "a\nb"),
        ("--channel", " "),
        ("--user", "evil\u{1b}[2J\nuser"),
        ("--user", "u\u{9b}1m"),
        ("--user", "u\u{202e}gnp.exe"),
        ("--user", &long[..101]),
        ("--user", ""),
    ];
    for (opt, value) in cases {
        let (out, dir) = console(&[opt, value], &register);
        let stderr = String::from_utf8_lossy(&out.stderr);
        let value: String = value.chars().take(20).collect();
        assert_eq!(out.status.code(), Some(2), "{opt} {value:?}: {stderr}");
        assert!(out.stdout.is_empty(), "{opt}: {}", String::from_utf8_lossy(&out.stdout));
        // Localized, naming the option, without echoing the value.
        assert!(stderr.contains(opt) && stderr.contains("指定してください"), "{stderr}");
        assert_eq!(controls(stderr.trim_end()), Vec::<char>::new(), "{stderr:?}");
        assert!(stderr.len() < 1000, "{}", stderr.len());
        // Nothing done: not even a data directory.
        assert!(!dir.path().join("data").exists(), "{opt} {value:?}");
    }
    // 100 characters, Japanese and spaces inside are fine.
    let (out, _dir) = console(&["--channel", &long[..100], "--user", "山田 太郎"], &register);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("登録しました"));
}

#[test]
fn stored_escape_codes_never_reach_the_console_raw() {
    use seikyu_navi::adapters::render::plain_text;
    use seikyu_navi::engine::{create, By};
    let dir = tempfile::tempdir().unwrap();
    let app = open(dir.path());
    // Stored text the cleaning never saw: a name from a hand-edited backup,
    // a chat user name with an escape sequence, a line break and C1 codes.
    let evil = Actor {
        id: "discord:1".into(),
        name: "evil\u{1b}[2J\nuser\u{9b}31m\u{7}".into(),
        staff: false,
        local: false,
    };
    let n = number("137010001");
    let change = create(
        By { now: T0, actor: &evil },
        office_number(&n),
        "\u{1b}]0;owned\u{7}Office\u{1b}[31m".into(),
        Default::default(),
        None,
        Some("ch".into()),
        None,
    );
    app.store().apply(&change.into()).unwrap();
    assert_ok(&run(&app, "ch", &evil, "/done", T0));
    for (actor, line) in [
        (&staff(), "/history"),
        (&staff(), format!("/history office:{n}").as_str()),
        (&evil, "/progress"),
        (&evil, "/next"),
        (&staff(), "/summary"),
    ] {
        let r = run(&app, "ch", actor, line, T0 + DAY);
        assert_ok(&r);
        for lang in [Lang::Ja, Lang::En] {
            let text = plain_text(app.content(), lang, &r);
            assert_eq!(controls(&text), Vec::<char>::new(), "{line}: {text:?}");
            // The user name stays on its line: its line break is shown, not obeyed.
            assert!(!text.contains("\nuser"), "{line}: {text:?}");
        }
    }
    let text = plain_text(app.content(), Lang::Ja, &run(&app, "ch", &staff(), "/history", T0));
    assert!(text.contains("evil\u{fffd}[2J\u{fffd}user"), "{text}");
}
