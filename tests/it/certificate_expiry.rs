//! The certificate's expiry comes from the certificate: the dates an office
//! reports with `/certificate` (read in the [証明書] menu) drive the expiry
//! reminders; without them the date is an estimate, labelled as one and
//! reminded earlier. Engine scenarios with the fixed clock (`Sim`), the
//! reminders computed purely, and one round through the store. A 代理人's
//! one certificate the same way in its channel (`World`), and at the console.

use seikyu_navi::app::App;
use seikyu_navi::cards::AgentView;
use seikyu_navi::certificate::{self, Basis};
use seikyu_navi::error::UserError;
use seikyu_navi::model::{agent_key, Action, CertificateDates, Office};
use seikyu_navi::reminders::{self, Due};
use seikyu_navi::reply::{Block, Reply, Tone};

use crate::billing_modes::{group_numbers, World, GROUP, NAMES};
use crate::engine_scenarios::Sim;
use crate::support::{
    cli_output, date, find, has, ids, lines, num, office_number, open, run_ok, staff, string, sub, user, DAY, T0,
};

/// A day as the office types it, at 00:00 Japan time.
fn day(s: &str) -> i64 {
    certificate::parse_date(s).unwrap_or_else(|| panic!("{s}"))
}

/// The office registered a month before T0 and walked up to the
/// certificate step; the certificate marked applied for `apply` days after
/// T0 and installed `install` days after T0. Also the install's reply.
fn installed(apply: i64, install: i64) -> (Sim, Reply) {
    let mut sim = Sim::new();
    sim.now = T0 - 30 * DAY;
    sim.ok("/register number:1370100016 name:あおば介護");
    for task in ["environment", "notify-submit", "notify-receive", "login"] {
        sim.ok(&format!("/done step:{task}"));
    }
    sim.now = T0 + apply * DAY;
    sim.ok("/done step:certificate-apply");
    sim.now = T0 + install * DAY;
    let reply = sim.ok("/done step:certificate-install").reply;
    (sim, reply)
}

/// The expiry reminder due at `now` (none, or exactly one), given the keys
/// already sent.
fn expiry_due(sim: &Sim, now: i64, sent: &[String]) -> Option<Due> {
    let due: Vec<Due> = reminders::due(&sim.config, sim.office(), now, &|k| sent.iter().any(|s| s == k))
        .into_iter()
        .filter(|d| d.key.contains("/certificate-expiry/"))
        .collect();
    assert!(due.len() <= 1, "{:?}", due.iter().map(|d| &d.key).collect::<Vec<_>>());
    due.into_iter().next()
}

fn is_warning(r: &Reply, id: &str) -> bool {
    r.blocks.iter().any(|b| matches!(b, Block::Warning(m) if m.id == id))
}

#[test]
fn dates_are_read_as_offices_write_them() {
    assert_eq!(day("2026-11-24"), T0 - 1800, "00:00 JST on T0's day");
    for s in ["2026年11月24日", "令和8年11月24日", "２０２６／１１／２４", "R8.11.24"] {
        assert_eq!(day(s), T0 - 1800, "{s}");
    }
}

#[test]
fn the_expiry_reminder_counts_from_the_reported_issue_date() {
    // Issued on 20 Nov 2026, but the office joined the bot later and ticked
    // the certificate steps on 14 Dec: counted from them, the reminders
    // would come three weeks late.
    let (mut sim, _) = installed(20, 20);
    let out = sim.ok("/certificate issued:令和8年11月20日");
    assert_eq!(out.reply.tone, Tone::Success);
    assert!(has(&out.reply, "certificate-recorded-issued"));
    let dates = CertificateDates {
        issued: Some(day("2026-11-20")),
        expires: None,
    };
    assert_eq!(sim.office().certificate, Some(dates));
    assert_eq!(
        sim.history.last().unwrap().action,
        Action::CertificateReported { dates, prev: None }
    );

    // 3 years from the issue, less a day; said to be computed, with where
    // the exact date is.
    let exp = certificate::expiry(sim.office()).unwrap();
    assert_eq!(exp.last_day, day("2029-11-19"));
    assert_eq!(
        exp.basis,
        Basis::FromIssue {
            issued: day("2026-11-20")
        }
    );
    let m = find(&out.reply, "certificate-expires-from-issue");
    assert_eq!(date(m, "date"), day("2029-11-19"));
    assert_eq!(date(m, "issued"), day("2026-11-20"));
    assert!(has(&out.reply, "certificate-check-exact"));
    assert!(has(&out.reply, "certificate-schedule"));
    assert!(!has(&out.reply, "certificate-expires-estimate"));

    // Notices 90, 30 and 7 days before the computed last day, the most
    // urgent one due; then once after it has passed.
    let last = exp.last_day;
    let mut sent: Vec<String> = Vec::new();
    assert!(expiry_due(&sim, last - 91 * DAY, &sent).is_none());
    for (at, d) in [(90, "90"), (30, "30"), (7, "7")] {
        let due = expiry_due(&sim, last - at * DAY + 3600, &sent).unwrap_or_else(|| panic!("{d}"));
        assert!(due.key.ends_with(&format!("/{d}")), "{}", due.key);
        assert!(due.key.starts_with("1370100016/"), "{}", due.key);
        assert_eq!(due.channel, "ch-aoba");
        let m = find(&due.reply, "certificate-expires-from-issue");
        assert_eq!(date(m, "date"), last);
        assert_eq!(num(m, "days"), at);
        assert!(is_warning(&due.reply, "certificate-expires-from-issue"));
        assert!(has(&due.reply, "reminder-certificate-renewal"));
        assert!(!has(&due.reply, "certificate-estimate-why"));
        sent.push(due.key);
        assert!(expiry_due(&sim, last - at * DAY + 7200, &sent).is_none(), "sent once");
    }
    let lapsed = expiry_due(&sim, last + DAY, &sent).expect("lapsed notice");
    assert!(lapsed.key.ends_with("/lapsed"));
    assert!(is_warning(&lapsed.reply, "certificate-lapsed"));
    assert!(has(&lapsed.reply, "reminder-certificate-lapsed"));
    assert!(!has(&lapsed.reply, "reminder-certificate-renewal"), "too late to renew");
    sent.push(lapsed.key);
    assert!(expiry_due(&sim, last + 2 * DAY, &sent).is_none());

    // The estimate from the ticked steps would have been three weeks later.
    let mut unreported = sim.office().clone();
    unreported.certificate = None;
    let estimate = certificate::expiry(&unreported).unwrap();
    assert!(estimate.is_estimate());
    assert_eq!(estimate.last_day, day("2029-12-13"));
}

#[test]
fn the_reported_expiry_is_used_as_it_is() {
    let (mut sim, _) = installed(0, 3);
    let out = sim.ok("/certificate expires:2029年11月26日");
    assert!(has(&out.reply, "certificate-recorded"));
    assert_eq!(date(find(&out.reply, "certificate-expires"), "date"), day("2029-11-26"));
    let exp = certificate::expiry(sim.office()).unwrap();
    assert_eq!((exp.last_day, exp.basis), (day("2029-11-26"), Basis::Reported));
    let due = expiry_due(&sim, day("2029-08-28"), &[]).expect("90 days before");
    assert!(due.key.ends_with("/90"));
    assert_eq!(num(find(&due.reply, "certificate-expires"), "days"), 90);
    // The last day itself still counts as valid.
    let due = expiry_due(&sim, day("2029-11-26") + 12 * 3600, &[]).unwrap();
    assert!(due.key.ends_with("/7"));
    assert_eq!(num(find(&due.reply, "certificate-expires"), "days"), 0);
    // A bot that was down for months says nothing stale.
    assert!(expiry_due(&sim, day("2030-02-01"), &[]).is_none());
}

#[test]
fn without_a_reported_date_the_expiry_is_an_estimate_reminded_early() {
    // Marking the install done asks for the expiry shown in the [証明書] menu.
    let (mut sim, install) = installed(0, 5);
    assert!(has(&install, "done-certificate-ask"), "{:?}", ids(&install));

    // /certificate shows the estimate as one: from the application day.
    let out = sim.ok("/certificate");
    assert!(out.change.is_none());
    let exp = certificate::expiry(sim.office()).unwrap();
    assert!(exp.is_estimate());
    assert_eq!(exp.last_day, day("2029-11-23"));
    assert!(is_warning(&out.reply, "certificate-expires-estimate"));
    assert_eq!(
        date(find(&out.reply, "certificate-expires-estimate"), "date"),
        day("2029-11-23")
    );
    assert_eq!(date(find(&out.reply, "certificate-estimate-why"), "since"), T0);
    for id in [
        "certificate-check-exact",
        "certificate-how",
        "certificate-schedule-estimate",
    ] {
        assert!(has(&out.reply, id), "{id}");
    }

    // Reminded from 180 days before, each time saying it is an estimate.
    let last = exp.last_day;
    assert!(expiry_due(&sim, last - 181 * DAY, &[]).is_none());
    let due = expiry_due(&sim, last - 180 * DAY, &[]).expect("180 days before");
    assert!(due.key.ends_with("/180"));
    assert!(is_warning(&due.reply, "certificate-expires-estimate"));
    for id in ["certificate-estimate-why", "certificate-check-exact", "certificate-how"] {
        assert!(has(&due.reply, id), "{id}");
    }
    let sent = vec![due.key];
    // Skipped notices are superseded by the most urgent one.
    let due = expiry_due(&sim, last - 20 * DAY, &sent).unwrap();
    assert!(due.key.ends_with("/30"));
    assert!(due.supersedes.iter().any(|k| k.ends_with("/90")));

    // Once the office reports the real date, the reminders follow it.
    sim.ok("/certificate expires:2029-10-01");
    assert!(expiry_due(&sim, last - 180 * DAY, &sent).is_none());
    let due = expiry_due(&sim, day("2029-10-01") - 30 * DAY, &sent).unwrap();
    assert!(due.key.ends_with("/30"));
    assert!(!has(&due.reply, "certificate-estimate-why"));
    // And /undo brings the estimate back.
    sim.ok("/undo");
    assert_eq!(sim.office().certificate, None);
    assert!(certificate::expiry(sim.office()).unwrap().is_estimate());
}

#[test]
fn nothing_is_estimated_before_the_install_and_dates_are_checked() {
    let mut sim = Sim::new();
    sim.ok("/register number:1370100016 name:あおば介護");
    let r = sim.ok("/certificate").reply;
    assert!(
        has(&r, "certificate-none") && has(&r, "certificate-how"),
        "{:?}",
        ids(&r)
    );
    assert!(expiry_due(&sim, T0 + 1000 * DAY, &[]).is_none());

    assert_eq!(
        sim.err("/certificate expires:来年の11月"),
        UserError::BadDate("来年の11月".into())
    );
    assert_eq!(sim.err("/certificate issued:2026-11-25"), UserError::IssuedInFuture);
    assert_eq!(sim.err("/certificate expires:2032-11-24"), UserError::ExpiryTooFar);
    assert_eq!(
        sim.err("/certificate issued:2026-11-01 expires:2026-10-31"),
        UserError::ExpiryBeforeIssue
    );
    // An issue date of today and its last day, both at once.
    sim.ok("/certificate issued:2026-11-24 expires:2029-11-23");
    let again = sim.ok("/certificate expires:2029-11-23 issued:2026-11-24");
    assert!(again.change.is_none(), "the same dates change nothing");
    assert!(has(&again.reply, "certificate-unchanged"));

    // A vendor-billed office needs no certificate.
    let mut vendor = Sim::new();
    vendor.ok("/register number:1370100016 name:あおば介護 mode:vendor");
    assert!(matches!(vendor.err("/certificate"), UserError::StepNotApplicable(_)));
}

#[test]
fn reported_dates_are_stored_exported_and_restored() {
    let dir = tempfile::tempdir().unwrap();
    let app = open(dir.path());
    run_ok(&app, "c1", &user(), "/register number:1370100016 name:あおば介護", T0);
    let r = run_ok(&app, "c1", &user(), "/certificate expires:令和11年11月23日", T0);
    assert!(has(&r, "certificate-recorded"));
    let number = office_number("1370100016");
    let stored = app.office(&number).unwrap().unwrap();
    assert_eq!(stored.certificate.and_then(|c| c.expires), Some(day("2029-11-23")));
    let h = app.store().history(&number).unwrap();
    assert!(matches!(h.last().unwrap().action, Action::CertificateReported { .. }));
    let log = run_ok(&app, "staff", &staff(), "/history office:1370100016", T0);
    assert_eq!(sub(lines(&log)[0], "what").id, "history-certificate-expires");

    let mut json = Vec::new();
    app.export_json(&mut json).unwrap();
    drop(app);
    let dir2 = tempfile::tempdir().unwrap();
    let restored = open(dir2.path());
    restored.restore_json(|| Ok(json.as_slice())).unwrap();
    assert_eq!(restored.office(&number).unwrap().unwrap(), stored);
    assert!(restored.verify().unwrap().problems.is_empty());
}

#[test]
fn offices_stored_before_the_new_fields_still_read() {
    let old = r#"{"v":1,"number":"1370100016","name":"あおば介護","mode":"direct","software":null,
        "channel":"c1","registered_at":1795447800,"updated_at":1795447800,"revision":1,"done":{}}"#;
    let o: Office = serde_json::from_str(old).unwrap();
    assert_eq!((o.certificate, o.archived), (None, None));
    // And are written back without them.
    let written = serde_json::to_string(&o).unwrap();
    assert!(
        !written.contains("certificate") && !written.contains("archived"),
        "{written}"
    );
}

// ---------------------------------------------------------------- a 代理人's certificate

/// The 代理人's channel in these scenarios.
const GROUP_CH: &str = "sakura-group";

/// A 代理人 with two offices registered in its channel and a third that
/// joined it from its own channel ("higashi") after ticking its own
/// certificate steps there in direct mode; the 代理人 walked up to its
/// certificate, applied for `apply` days after T0 and installed `install`
/// days after T0. Also the install's reply.
fn proxy_installed(apply: i64, install: i64) -> (World, Reply) {
    let mut w = World::new();
    let n = group_numbers();
    w.now = T0 - 60 * DAY;
    w.ok(
        GROUP_CH,
        &format!("/register number:{} name:{} agent:{GROUP}", n[0], NAMES[0]),
    );
    w.ok(GROUP_CH, &format!("/register number:{} name:{}", n[1], NAMES[1]));
    w.ok("higashi", &format!("/register number:{} name:{}", n[2], NAMES[2]));
    for task in [
        "environment",
        "notify-submit",
        "notify-receive",
        "login",
        "certificate-apply",
        "certificate-install",
    ] {
        w.ok("higashi", &format!("/done step:{task}"));
    }
    w.ok(
        "higashi",
        &format!("/register number:{} name:{} agent:{GROUP}", n[2], NAMES[2]),
    );
    w.ok(GROUP_CH, "/done"); // the 代理人's PC
    for o in &n[..2] {
        for _ in 0..2 {
            w.ok(GROUP_CH, &format!("/done office:{o}"));
        }
    }
    w.ok(GROUP_CH, "/done"); // 代理人申請
    w.ok(GROUP_CH, "/done"); // its login
    w.now = T0 + apply * DAY;
    w.ok(GROUP_CH, "/done step:certificate-apply");
    w.now = T0 + install * DAY;
    let reply = w.ok(GROUP_CH, "/done step:certificate-install").reply;
    (w, reply)
}

/// The 代理人's expiry reminder due at `now` (none, or exactly one), given
/// the keys already sent.
fn agent_expiry_due(w: &World, now: i64, sent: &[String]) -> Option<Due> {
    let offices = w.agent_offices(&agent_key(GROUP));
    let view = AgentView {
        agent: w.agent(GROUP),
        offices: &offices,
    };
    let due = reminders::due_agent(&w.config, &view, now, &|k| sent.iter().any(|s| s == k));
    assert!(due.len() <= 1, "{:?}", due.iter().map(|d| &d.key).collect::<Vec<_>>());
    due.into_iter().next()
}

/// Whether any of the offices under the 代理人 has an expiry reminder due at
/// `now` (nothing sent yet).
fn an_office_is_reminded(w: &World, now: i64) -> bool {
    w.agent_offices(&agent_key(GROUP)).iter().any(|o| {
        reminders::due(&w.config, o, now, &|_| false)
            .iter()
            .any(|d| d.key.contains("/certificate-expiry/"))
    })
}

#[test]
fn a_proxys_certificate_is_recorded_and_reminded_in_its_channel() {
    // The install asks for the date, as an office's does.
    let (mut w, install) = proxy_installed(0, 5);
    assert!(has(&install, "done-certificate-ask"), "{:?}", ids(&install));

    // Without a date: the estimate from the 代理人's application day,
    // labelled, and said to be the 代理人's one certificate.
    let out = w.ok(GROUP_CH, "/certificate");
    assert!(out.change.is_none());
    let r = &out.reply;
    assert_eq!(string(find(r, "certificate-agent"), "agent"), GROUP);
    assert!(is_warning(r, "certificate-expires-estimate"));
    let last = day("2029-11-23");
    assert_eq!(date(find(r, "certificate-expires-estimate"), "date"), last);
    assert_eq!(date(find(r, "certificate-estimate-why"), "since"), T0);
    for id in [
        "certificate-check-exact",
        "certificate-how",
        "certificate-schedule-estimate",
    ] {
        assert!(has(r, id), "{id}");
    }
    assert!(has(r, "next-pointer"), "the 代理人's next step: {:?}", ids(r));

    // Reminded in the 代理人's channel from 180 days before (目安).
    assert!(agent_expiry_due(&w, last - 181 * DAY, &[]).is_none());
    let due = agent_expiry_due(&w, last - 180 * DAY, &[]).expect("180 days before");
    assert_eq!(due.channel, GROUP_CH);
    assert!(due.key.ends_with("/180"), "{}", due.key);
    assert_eq!(string(find(&due.reply, "certificate-agent"), "agent"), GROUP);
    assert!(is_warning(&due.reply, "certificate-expires-estimate"));
    for id in [
        "certificate-estimate-why",
        "certificate-check-exact",
        "certificate-how",
        "reminder-certificate-renewal",
    ] {
        assert!(has(&due.reply, id), "{id}");
    }
    let sent = vec![due.key];
    let due = agent_expiry_due(&w, last - 20 * DAY, &sent).unwrap();
    assert!(due.key.ends_with("/30"));
    assert!(due.supersedes.iter().any(|k| k.ends_with("/90")));

    // The issue date read in the [証明書] menu: on the 代理人, nowhere else.
    let out = w.ok(GROUP_CH, "/certificate issued:令和8年11月20日");
    assert_eq!(out.reply.tone, Tone::Success);
    assert_eq!(
        string(find(&out.reply, "certificate-recorded-issued-agent"), "agent"),
        GROUP
    );
    assert!(out.change.as_ref().unwrap().office.is_none());
    let dates = CertificateDates {
        issued: Some(day("2026-11-20")),
        expires: None,
    };
    assert_eq!(w.agent(GROUP).certificate, Some(dates));
    assert_eq!(
        w.last_agent_action(GROUP),
        &Action::CertificateReported { dates, prev: None }
    );
    assert!(has(&out.reply, "certificate-expires-from-issue"));
    assert!(has(&out.reply, "certificate-schedule"));

    // Notices 90, 30 and 7 days before the computed last day, then the one
    // lapsed notice; each once.
    let last = day("2029-11-19");
    let mut sent: Vec<String> = Vec::new();
    assert!(
        agent_expiry_due(&w, last - 91 * DAY, &sent).is_none(),
        "no 180 for a real date"
    );
    for d in [90, 30, 7] {
        let due = agent_expiry_due(&w, last - d * DAY + 3600, &sent).unwrap_or_else(|| panic!("{d}"));
        assert!(due.key.ends_with(&format!("/{d}")), "{}", due.key);
        let m = find(&due.reply, "certificate-expires-from-issue");
        assert_eq!((date(m, "date"), num(m, "days")), (last, d));
        assert!(has(&due.reply, "reminder-certificate-renewal"));
        sent.push(due.key);
        assert!(
            agent_expiry_due(&w, last - d * DAY + 7200, &sent).is_none(),
            "sent once"
        );
    }
    let lapsed = agent_expiry_due(&w, last + DAY, &sent).expect("lapsed notice");
    assert!(lapsed.key.ends_with("/lapsed"));
    assert!(is_warning(&lapsed.reply, "certificate-lapsed"));
    assert!(has(&lapsed.reply, "reminder-certificate-lapsed"));
    sent.push(lapsed.key);
    assert!(agent_expiry_due(&w, last + 2 * DAY, &sent).is_none());

    // Its offices have no certificate of their own: no reminder, not even
    // for the one that ticked certificate steps before it joined.
    for at in [
        last - 180 * DAY,
        last - 30 * DAY,
        last + DAY,
        day("2029-11-20") - 90 * DAY,
    ] {
        assert!(!an_office_is_reminded(&w, at), "{at}");
    }

    // The exact expiry; the same again changes nothing; /undo goes back.
    let out = w.ok(GROUP_CH, "/certificate expires:2029年11月26日");
    assert_eq!(string(find(&out.reply, "certificate-recorded-agent"), "agent"), GROUP);
    assert_eq!(date(find(&out.reply, "certificate-expires"), "date"), day("2029-11-26"));
    let again = w.ok(GROUP_CH, "/certificate expires:2029-11-26");
    assert!(again.change.is_none());
    assert!(has(&again.reply, "certificate-unchanged") && has(&again.reply, "certificate-agent"));
    let r = w.ok(GROUP_CH, "/undo").reply;
    assert!(has(&r, "undo-certificate"), "{:?}", ids(&r));
    assert_eq!(w.agent(GROUP).certificate, Some(dates));

    // Dates are read and checked as in an office's channel.
    assert_eq!(
        w.err(GROUP_CH, "/certificate expires:来年の11月"),
        UserError::BadDate("来年の11月".into())
    );
    assert_eq!(
        w.err(GROUP_CH, "/certificate issued:2026-12-30"),
        UserError::IssuedInFuture
    );
    assert_eq!(
        w.err(GROUP_CH, "/certificate expires:2032-12-31"),
        UserError::ExpiryTooFar
    );
    assert_eq!(
        w.err(GROUP_CH, "/certificate issued:2026-11-01 expires:2026-10-31"),
        UserError::ExpiryBeforeIssue
    );
}

#[test]
fn an_office_under_a_proxy_points_to_its_proxys_certificate() {
    let (mut w, _) = proxy_installed(0, 5);
    // Its own channel: the certificate is the 代理人's, recorded there.
    let r = w.ok("higashi", "/certificate").reply;
    assert_eq!(string(find(&r, "certificate-is-agents"), "agent"), GROUP);
    // What the 代理人's certificate is known to be (here an estimate), to read.
    assert!(has(&r, "certificate-expires-estimate"), "{:?}", ids(&r));
    assert!(
        !has(&r, "certificate-how"),
        "recorded in the 代理人's channel, not here"
    );
    w.ok(GROUP_CH, "/certificate expires:2029-11-26");
    let r = w.ok("higashi", "/certificate").reply;
    assert_eq!(date(find(&r, "certificate-expires"), "date"), day("2029-11-26"));
    // Dates typed here change nothing.
    assert_eq!(
        w.err("higashi", "/certificate expires:2029-11-30"),
        UserError::CertificateIsAgents(Some(GROUP.into()))
    );
    // A proxy-mode office that names no 代理人 yet.
    let mut v = World::new();
    v.ok("c", "/register number:1370100016 name:あおば介護 mode:proxy");
    let r = v.ok("c", "/certificate").reply;
    assert!(has(&r, "certificate-is-agents-unnamed"), "{:?}", ids(&r));
    assert_eq!(
        v.err("c", "/certificate issued:2026-11-01"),
        UserError::CertificateIsAgents(None)
    );
}

#[test]
fn a_proxys_certificate_at_the_console_in_the_store_and_a_backup() {
    let tmp = tempfile::tempdir().unwrap();
    let config = tmp.path().join("bot.toml");
    std::fs::write(&config, "[bot]\n").unwrap();
    let data = tmp.path().join("data");
    let n = group_numbers();
    let console = |channel: &str, lines: &[String]| -> String {
        let script: String = lines.iter().map(|l| format!("{l}\n")).collect();
        let out = cli_output(&config, &data, &["console", "--channel", channel], script.as_bytes());
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let said = console(
        GROUP_CH,
        &[
            format!("/register number:{} name:{} agent:{GROUP}", n[0], NAMES[0]),
            "/certificate issued:令和6年1月10日".into(),
            "/certificate".into(),
        ],
    );
    assert!(
        said.contains("代理人「さくらケアグループ」の電子証明書の発行日を記録しました。"),
        "{said}"
    );
    assert!(said.contains("2027年1月9日"), "{said}");
    let said = console(
        "higashi",
        &[
            format!("/register number:{} name:{}", n[1], NAMES[1]),
            format!("/register number:{} name:{} agent:{GROUP}", n[1], NAMES[1]),
            "/certificate expires:2027年1月9日".into(),
        ],
    );
    assert!(said.contains("代理人「さくらケアグループ」"), "{said}");
    assert!(said.contains("何も変更していません"), "{said}");

    // The reminder goes to the 代理人's channel, once, across a restart.
    let last = day("2027-01-09");
    let app = open(&data);
    let expiring = |app: &App, now: i64| -> Vec<Due> {
        let due = app.due_reminders(now).unwrap();
        due.into_iter()
            .filter(|d| d.key.contains("/certificate-expiry/"))
            .collect()
    };
    let due = expiring(&app, last - 30 * DAY);
    assert_eq!(due.len(), 1, "{:?}", due.iter().map(|d| &d.key).collect::<Vec<_>>());
    assert_eq!(due[0].channel, GROUP_CH);
    assert!(due[0].key.ends_with("/30"), "{}", due[0].key);
    app.reminder_sent(&due[0], last - 30 * DAY).unwrap();
    drop(app);
    let app = open(&data);
    assert!(expiring(&app, last - 29 * DAY).is_empty());
    let stored = app.agent(&agent_key(GROUP)).unwrap().unwrap();
    assert_eq!(stored.certificate.and_then(|c| c.issued), Some(day("2024-01-10")));
    let log = run_ok(&app, GROUP_CH, &staff(), "/history", T0);
    assert_eq!(sub(lines(&log)[0], "what").id, "history-certificate-issued");

    // Export, restore, check: the same 代理人, certificate and all.
    let mut json = Vec::new();
    app.export_json(&mut json).unwrap();
    let dir2 = tempfile::tempdir().unwrap();
    let restored = open(dir2.path());
    restored.restore_json(|| Ok(json.as_slice())).unwrap();
    assert_eq!(restored.agent(&agent_key(GROUP)).unwrap().unwrap(), stored);
    assert!(restored.verify().unwrap().problems.is_empty());
}
