//! Whom a question is sent to: the FAQ entry's contact, adapted to the
//! asking office (billing mode, billing software, prefecture) and to the
//! configured 国保連合会 and vendor contacts; and what an unmatched question
//! gets instead of an answer.

use std::collections::BTreeSet;

use seikyu_navi::adapters::cli::ask::to_json;
use seikyu_navi::app::{App, Knowledge};
use seikyu_navi::command::Input;
use seikyu_navi::config::Config;
use seikyu_navi::content::Lang;
use seikyu_navi::model::Office;
use seikyu_navi::playbook::{ContactId, Mode};
use seikyu_navi::reply::{Block, Contact, Reply};

use crate::support::{contact as contact_of, contact_config, local_user, office_record as office, run, T0};

/// Tokyo (13) offices; the check digits are valid.
const TOKYO_A: &str = "1370100016";
const TOKYO_B: &str = "1370100024";
const TOKYO_C: &str = "1370100032";
const TOKYO_D: &str = "1370100040";
/// Osaka (27): no 国保連合会 configured for it.
const OSAKA: &str = "2710100013";

const FEE: &str = "証明書っていくら？";
const NOTIFY: &str = "届出はどこに出せばいい？";
const SOFTWARE: &str = "請求ソフトの設定方法がわからない";
const DENSO: &str = "伝送ソフトのヘルプデスクの電話番号";
const VENDOR: &str = "請求を業者に代行してもらっている場合の準備は？";
const UNMATCHED: &str = "今日の天気は？";

fn config() -> Config {
    let mut c = Config::default();
    c.kokuhoren.insert(
        "13".into(),
        contact_config("東京都国民健康保険団体連合会", "03-0000-1313"),
    );
    c.vendors.insert(
        "ケアソフトA".into(),
        contact_config("ケアソフトA サポートセンター", "0120-000-111"),
    );
    c
}

/// A question from the office's user at the console.
fn ask(app: &App, channel: &str, q: &str) -> Reply {
    app.handle(channel, &local_user(), &Input::Question(q.into()), T0, Lang::Ja)
}

/// The FAQ answer shown (`faq-…` as a title or text block), if any.
fn faq_shown(r: &Reply) -> Option<String> {
    r.blocks.iter().find_map(|b| match b {
        Block::Title(m) | Block::Text(m) if m.id.starts_with("faq-") => Some(m.id.clone()),
        _ => None,
    })
}

fn shows_none(r: &Reply) -> bool {
    r.blocks
        .iter()
        .any(|b| matches!(b, Block::Text(m) if seikyu_navi::app::UNANSWERED_MSGS.contains(&m.id.as_str())))
}

fn faq_id(kb: &Knowledge, q: &str) -> Option<String> {
    let a = kb.answer(q, None);
    a.lookup.best.map(|h| kb.faq.entries()[h.entry].id.clone())
}

fn routed(kb: &Knowledge, q: &str, office: Option<&Office>) -> Contact {
    let a = kb.answer(q, office);
    assert!(a.lookup.best.is_some(), "{q}: no FAQ answer");
    a.contact
}

#[test]
fn without_an_office_each_answer_goes_to_its_entrys_contact() {
    let kb = Knowledge::load(config()).unwrap();
    for (q, faq, id) in [
        (FEE, "certificate-fee", ContactId::Reception),
        (NOTIFY, "notify-where", ContactId::Kokuhoren),
        (SOFTWARE, "software-contact", ContactId::Software),
        (DENSO, "denso-helpdesk", ContactId::Denso),
        (VENDOR, "vendor", ContactId::Vendor),
    ] {
        assert_eq!(faq_id(&kb, q).as_deref(), Some(faq), "{q}");
        let c = routed(&kb, q, None);
        assert_eq!(c.id, Some(id), "{q}");
        // Built-in contacts take their texts from the locales; without an
        // office no configured 国保連合会 or vendor applies.
        assert_eq!(c.name, None, "{q}: {c:?}");
        assert_eq!(c.key, None, "{q}: {c:?}");
    }
}

#[test]
fn every_built_in_contact_is_reachable_by_some_question() {
    let kb = Knowledge::load(Config::default()).unwrap();
    let by_entries: BTreeSet<ContactId> = kb.faq.entries().iter().map(|e| e.contact).collect();
    let all: BTreeSet<ContactId> = ContactId::ALL.into_iter().collect();
    assert_eq!(by_entries, all, "every contact id is some FAQ entry's contact");
    let asked: BTreeSet<ContactId> = [FEE, NOTIFY, SOFTWARE, DENSO, VENDOR]
        .into_iter()
        .filter_map(|q| routed(&kb, q, None).id)
        .collect();
    assert_eq!(asked, all);
    // The same through `ask --json`: the contact object names the id.
    for (q, id) in [
        (FEE, "reception"),
        (NOTIFY, "kokuhoren"),
        (SOFTWARE, "software"),
        (DENSO, "denso"),
        (VENDOR, "vendor"),
    ] {
        let json = to_json(&kb, Lang::Ja, &kb.answer(q, None));
        assert_eq!(json["contact"]["id"], id, "{q}");
        assert!(json["contact"]["name"].is_string(), "{q}: {json}");
    }
}

#[test]
fn a_vendor_office_is_sent_to_its_vendor() {
    let kb = Knowledge::load(config()).unwrap();
    // Software not configured: the built-in vendor card.
    let plain = office(TOKYO_A, Mode::Vendor, Some("どこかの請求ソフト"));
    for q in [FEE, SOFTWARE, DENSO] {
        let c = routed(&kb, q, Some(&plain));
        assert_eq!(c.id, Some(ContactId::Vendor), "{q}");
        assert_eq!(c.name, None, "{q}");
    }
    // Configured under [vendors."ケアソフトA"]: that vendor's name and tel,
    // also when the office typed the name with full-width letters.
    for sw in ["ケアソフトA", "ケアソフトＡ"] {
        let o = office(TOKYO_A, Mode::Vendor, Some(sw));
        for q in [FEE, SOFTWARE] {
            let c = routed(&kb, q, Some(&o));
            assert_eq!(c.id, Some(ContactId::Vendor), "{q}");
            assert_eq!(c.key.as_deref(), Some("vendor-ケアソフトA"), "{q}");
            assert_eq!(c.name.as_deref(), Some("ケアソフトA サポートセンター"), "{q}");
            assert_eq!(c.tel.as_deref(), Some("0120-000-111"), "{q}");
        }
    }
    // The 届出 is still the 国保連合会's, whoever files the claims.
    let c = routed(&kb, NOTIFY, Some(&plain));
    assert_eq!(c.id, Some(ContactId::Kokuhoren));
}

#[test]
fn a_configured_software_vendor_answers_software_questions_of_a_direct_office() {
    let kb = Knowledge::load(config()).unwrap();
    let o = office(TOKYO_A, Mode::Direct, Some("ケアソフトA"));
    let c = routed(&kb, SOFTWARE, Some(&o));
    assert_eq!(c.id, Some(ContactId::Software));
    assert_eq!(c.name.as_deref(), Some("ケアソフトA サポートセンター"));
    // A reception-system question stays with the reception helpdesk.
    let c = routed(&kb, FEE, Some(&o));
    assert_eq!(c.id, Some(ContactId::Reception));
    assert_eq!(c.name, None);
}

#[test]
fn an_office_using_the_denso_software_is_sent_to_the_denso_helpdesk() {
    let kb = Knowledge::load(config()).unwrap();
    for sw in ["国保中央会介護伝送ソフト", "介護伝送ソフト Ver.5", "伝送ソフト"] {
        for mode in [Mode::Direct, Mode::Proxy] {
            let o = office(TOKYO_A, mode, Some(sw));
            let c = routed(&kb, SOFTWARE, Some(&o));
            assert_eq!(c.id, Some(ContactId::Denso), "{sw} {mode}");
            let json = to_json(&kb, Lang::Ja, &kb.answer(SOFTWARE, Some(&o)));
            assert_eq!(json["contact"]["tel"], "0570-059-401", "{sw} {mode}");
        }
    }
    // Without a software name the software question keeps the generic card.
    let o = office(TOKYO_A, Mode::Direct, None);
    assert_eq!(routed(&kb, SOFTWARE, Some(&o)).id, Some(ContactId::Software));
}

#[test]
fn a_notification_question_goes_to_the_configured_kokuhoren_of_the_prefecture() {
    let kb = Knowledge::load(config()).unwrap();
    for mode in Mode::ALL {
        let o = office(TOKYO_A, mode, None);
        let c = routed(&kb, NOTIFY, Some(&o));
        assert_eq!(c.id, Some(ContactId::Kokuhoren), "{mode}");
        assert_eq!(c.key.as_deref(), Some("kokuhoren-13"), "{mode}");
        assert_eq!(c.name.as_deref(), Some("東京都国民健康保険団体連合会"), "{mode}");
        assert_eq!(c.tel.as_deref(), Some("03-0000-1313"), "{mode}");
        let json = to_json(&kb, Lang::Ja, &kb.answer(NOTIFY, Some(&o)));
        assert_eq!(json["contact"]["id"], "kokuhoren-13");
        assert_eq!(json["contact"]["name"], "東京都国民健康保険団体連合会");
        assert_eq!(json["contact"]["tel"], "03-0000-1313");
    }
    // A prefecture without a configured 国保連合会: the shipped row (its
    // official name and website; no phone number).
    let o = office(OSAKA, Mode::Direct, None);
    let c = routed(&kb, NOTIFY, Some(&o));
    assert_eq!(c.id, Some(ContactId::Kokuhoren));
    assert_eq!(c.name.as_deref(), Some("大阪府国民健康保険団体連合会"));
    assert_eq!(c.tel, None);
    let json = to_json(&kb, Lang::Ja, &kb.answer(NOTIFY, Some(&o)));
    assert_eq!(json["contact"]["id"], "kokuhoren-27");
    assert_eq!(json["contact"]["url"], "https://www.osakakokuhoren.jp/");
    assert!(json["contact"]["tel"].is_null());
}

#[test]
fn an_unmatched_question_gets_no_faq_text_and_the_contact_of_the_current_step() {
    let kb = Knowledge::load(config()).unwrap();
    // No office: the reception helpdesk.
    let a = kb.answer(UNMATCHED, None);
    assert!(a.lookup.best.is_none());
    assert_eq!(a.contact.id, Some(ContactId::Reception));
    let json = to_json(&kb, Lang::Ja, &a);
    assert_eq!(json["matched"], false);
    assert!(json["faq_id"].is_null());
    // The weather is outside what the bot covers, and it says so.
    assert_eq!(a.unanswered_msg(), "answer-off-scope");
    let none_text = kb
        .content
        .text(Lang::Ja, &seikyu_navi::reply::Msg::new(a.unanswered_msg()));
    assert_eq!(json["answer"], none_text.as_str());
    for e in kb.faq.entries() {
        let answer = kb
            .content
            .text(Lang::Ja, &seikyu_navi::reply::Msg::new(format!("faq-{}", e.id)));
        assert_ne!(json["answer"], answer.as_str(), "{}", e.id);
    }
    // A new direct office is at the environment step: reception.
    let o = office(TOKYO_A, Mode::Direct, None);
    assert_eq!(kb.answer(UNMATCHED, Some(&o)).contact.id, Some(ContactId::Reception));
    // A new vendor office: its first own step is the 届出 (the PC and the
    // login are its vendor's), so the 国保連合会.
    let o = office(TOKYO_A, Mode::Vendor, Some("ケアソフトA"));
    let c = kb.answer(UNMATCHED, Some(&o)).contact;
    assert_eq!(c.id, Some(ContactId::Kokuhoren));
}

#[test]
fn questions_through_the_app_are_routed_for_the_channels_office() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::open(config(), dir.path()).unwrap();
    let registered = [
        ("ch-direct", format!("/register number:{TOKYO_A} name:あおば")),
        (
            "ch-vendor",
            format!("/register number:{TOKYO_B} name:みどり mode:vendor software:ケアソフトA"),
        ),
        (
            "ch-denso",
            format!("/register number:{TOKYO_C} name:さくら software:国保中央会介護伝送ソフト"),
        ),
        ("ch-notify", format!("/register number:{TOKYO_D} name:ひかり")),
        ("ch-osaka", format!("/register number:{OSAKA} name:なにわ")),
    ];
    for (ch, line) in &registered {
        let r = run(&app, ch, &local_user(), line, T0);
        assert!(app.store().office_by_channel(ch).unwrap().is_some(), "{line}: {r:?}");
    }
    // Move one Tokyo office on to the 届出 step (its contact: the 国保連合会).
    run(&app, "ch-notify", &local_user(), "/done step:environment", T0);
    let o = app.store().office_by_channel("ch-notify").unwrap().unwrap();
    assert_eq!(o.current_step().map(|s| s.contact()), Some(ContactId::Kokuhoren));

    // Unregistered channel: the entry's own contact.
    let r = ask(&app, "ch-nowhere", SOFTWARE);
    assert_eq!(faq_shown(&r).as_deref(), Some("faq-software-contact.question"));
    assert_eq!(contact_of(&r).id, Some(ContactId::Software));
    let r = ask(&app, "ch-nowhere", NOTIFY);
    assert_eq!(contact_of(&r).id, Some(ContactId::Kokuhoren));
    assert_eq!(contact_of(&r).name, None);

    // Vendor office: reception and software questions go to its vendor.
    for q in [FEE, SOFTWARE] {
        let r = ask(&app, "ch-vendor", q);
        assert!(faq_shown(&r).is_some(), "{q}");
        let c = contact_of(&r);
        assert_eq!(c.id, Some(ContactId::Vendor), "{q}");
        assert_eq!(c.name.as_deref(), Some("ケアソフトA サポートセンター"), "{q}");
        assert_eq!(c.tel.as_deref(), Some("0120-000-111"), "{q}");
    }

    // 国保中央会介護伝送ソフト user: software questions to the denso helpdesk.
    let r = ask(&app, "ch-denso", SOFTWARE);
    assert_eq!(faq_shown(&r).as_deref(), Some("faq-software-contact.question"));
    // The answer gives that helpdesk's number, so its card is not repeated.
    assert!(!r.blocks.iter().any(|b| matches!(b, Block::Contact(_))), "{r:?}");
    let o = app.office_in("ch-denso").unwrap().unwrap();
    assert_eq!(
        app.knowledge().answer(SOFTWARE, Some(&o)).contact.id,
        Some(ContactId::Denso)
    );

    // 届出 question from a Tokyo office: the configured 国保連合会.
    for ch in ["ch-direct", "ch-vendor", "ch-denso"] {
        let r = ask(&app, ch, NOTIFY);
        assert_eq!(faq_shown(&r).as_deref(), Some("faq-notify-where.question"), "{ch}");
        let c = contact_of(&r);
        assert_eq!(c.id, Some(ContactId::Kokuhoren), "{ch}");
        assert_eq!(c.name.as_deref(), Some("東京都国民健康保険団体連合会"), "{ch}");
        assert_eq!(c.tel.as_deref(), Some("03-0000-1313"), "{ch}");
    }
    // … and the shipped row from Osaka.
    let r = ask(&app, "ch-osaka", NOTIFY);
    assert_eq!(contact_of(&r).id, Some(ContactId::Kokuhoren));
    assert_eq!(contact_of(&r).name.as_deref(), Some("大阪府国民健康保険団体連合会"));

    // Unmatched: no FAQ answer, the "no answer" text, the current step's contact.
    for (ch, id, name) in [
        ("ch-nowhere", ContactId::Reception, None),
        ("ch-direct", ContactId::Reception, None),
        // The vendor office's first own step is its 届出.
        ("ch-vendor", ContactId::Kokuhoren, Some("東京都国民健康保険団体連合会")),
        ("ch-notify", ContactId::Kokuhoren, Some("東京都国民健康保険団体連合会")),
    ] {
        let r = ask(&app, ch, UNMATCHED);
        assert_eq!(faq_shown(&r), None, "{ch}: {r:?}");
        assert!(shows_none(&r), "{ch}: {r:?}");
        let c = contact_of(&r);
        assert_eq!(c.id, Some(id), "{ch}");
        assert_eq!(c.name.as_deref(), name, "{ch}");
    }
    let c = contact_of(&ask(&app, "ch-notify", UNMATCHED)).clone();
    assert_eq!(c.tel.as_deref(), Some("03-0000-1313"));
}

/// The entry ids a message is answered with: its first answer, then its
/// further ones.
fn answered_ids(kb: &Knowledge, q: &str) -> Vec<String> {
    let a = kb.answer(q, None);
    let e = kb.faq.entries();
    a.lookup
        .best
        .iter()
        .chain(&a.lookup.further)
        .map(|h| e[h.entry].id.clone())
        .collect()
}

/// A message that asks two things is answered twice, in the order asked,
/// each answer with its contact; the whole message's blended answer (the
/// costs of starting) is only an alternative. A message that sets the
/// scene and asks one thing, or whose later questions lean on the first
/// (「最初と同じ証明書のメニュー？」 names no step of its own), gets one
/// answer, the whole message's.
#[test]
fn a_message_asking_two_things_gets_both_answers() {
    let kb = Knowledge::load(Config::default()).unwrap();
    let two = "証明書っていくら？それと、届出はどこに出せばいいですか？";
    assert_eq!(answered_ids(&kb, two), ["certificate-fee", "notify-where"]);
    assert_eq!(
        answered_ids(
            &kb,
            "確認させてください。1) 証明書の手数料はいくらですか 2) 届出はどこに出しますか"
        ),
        ["certificate-fee", "notify-where"]
    );
    assert_eq!(
        answered_ids(
            &kb,
            "How much is the certificate? And where do we send the notification?"
        ),
        ["certificate-fee", "notify-where"]
    );
    assert_eq!(
        answered_ids(&kb, "来月から切り替えたいです。証明書っていくら？").len(),
        1
    );
    assert_eq!(
        answered_ids(
            &kb,
            "更新ってどこからやるの？最初と同じ証明書のメニュー？パスワードいるんだっけ"
        )[0],
        "certificate-renewal"
    );

    // The reply: both answers under their questions; the fee's answer gives
    // the reception helpdesk's number itself, so the one contact card is the
    // 国保連合会 the 届出 goes to.
    let a = kb.answer(two, None);
    let r = kb.answer_reply(&a, false);
    let titles: Vec<&str> = r
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Title(m) => Some(m.id.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(titles, ["faq-certificate-fee.question", "faq-notify-where.question"]);
    let contacts: Vec<Option<ContactId>> = r
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Contact(c) => Some(c.id),
            _ => None,
        })
        .collect();
    assert_eq!(contacts, [Some(ContactId::Kokuhoren)]);
    assert!(!a.lookup.alternatives.iter().any(|h| h.entry == a.further[0].hit.entry));

    // `ask --json`: the answer's text holds both; `further` lists the second.
    let v = to_json(&kb, Lang::Ja, &a);
    let text = v["answer"].as_str().unwrap();
    assert!(text.contains("13,200円") && text.contains("国保連合会に提出"), "{v}");
    assert_eq!(v["faq_id"], "certificate-fee", "{v}");
    assert_eq!(v["further"][0]["faq_id"], "notify-where", "{v}");
    assert_eq!(v["further"][0]["contact"], "kokuhoren", "{v}");
    assert_eq!(
        to_json(&kb, Lang::Ja, &kb.answer(FEE, None))["further"],
        serde_json::json!([])
    );
}

#[test]
fn what_follows_a_step_named_by_its_number_is_answered_not_taken_for_the_next_step() {
    let kb = Knowledge::load(Config::default()).unwrap();
    // Steps 1 to 5 of the leaflet end with the 統合インストーラ; the billing
    // software's setting follows.
    for q in [
        "手順1〜5まで終わったら次は何？",
        "手順の１から５まで終わったら、あと何が残ってんの？",
    ] {
        let a = kb.answer(q, None);
        assert_eq!(a.intent.kind, seikyu_navi::intent::Kind::Question, "{q}");
        assert_eq!(faq_id(&kb, q).as_deref(), Some("software-contact"), "{q}");
    }
}

#[test]
fn a_question_after_a_clause_giving_its_purpose_is_answered() {
    let kb = Knowledge::load(Config::default()).unwrap();
    // The purpose's words dilute the question's; what follows it asks.
    let q = "職員向け手順書に記載するため、介護電子請求受付システムのURLを正確にご提示ください。";
    assert_eq!(
        faq_id(&kb, q),
        faq_id(&kb, "介護電子請求受付システムのURLを正確にご提示ください。")
    );
    assert!(faq_id(&kb, q).is_some(), "{q}");
}
