//! Guidance an office can trust: every prefecture's 国保連合会 named from the
//! shipped data (`assets/kokuhoren/`) without a `bot.toml` entry, no phone
//! number or website the data or the seed does not source, other billing
//! software sent to its own helpdesk (never to the 介護伝送ソフトヘルプデスク),
//! and the billing month (the claims window and the media fallback) in the
//! answers about time and on the completion card.

use std::collections::BTreeSet;

use regex::Regex;
use seikyu_navi::adapters::render::plain_text;
use seikyu_navi::app::{App, Knowledge};
use seikyu_navi::command::Input;
use seikyu_navi::config::{Config, ContactConfig};
use seikyu_navi::contacts;
use seikyu_navi::content::{Content, Lang};
use seikyu_navi::kokuhoren;
use seikyu_navi::model::Office;
use seikyu_navi::playbook::{ContactId, Mode};
use seikyu_navi::reply::{Block, Contact, Msg, Reply};

use crate::support::{contact as contact_of, contact_config, has, local_user, number, office_record, run, run_ok, T0};

/// The shipped table, read here apart from the code that uses it.
const TSV: &str = include_str!("../../assets/kokuhoren/kokuhoren.tsv");

/// The 47 prefectures by number (JIS X 0401), written out independently of the data.
const PREFECTURES: [&str; 47] = [
    "北海道",
    "青森県",
    "岩手県",
    "宮城県",
    "秋田県",
    "山形県",
    "福島県",
    "茨城県",
    "栃木県",
    "群馬県",
    "埼玉県",
    "千葉県",
    "東京都",
    "神奈川県",
    "新潟県",
    "富山県",
    "石川県",
    "福井県",
    "山梨県",
    "長野県",
    "岐阜県",
    "静岡県",
    "愛知県",
    "三重県",
    "滋賀県",
    "京都府",
    "大阪府",
    "兵庫県",
    "奈良県",
    "和歌山県",
    "鳥取県",
    "島根県",
    "岡山県",
    "広島県",
    "山口県",
    "徳島県",
    "香川県",
    "愛媛県",
    "高知県",
    "福岡県",
    "佐賀県",
    "長崎県",
    "熊本県",
    "大分県",
    "宮崎県",
    "鹿児島県",
    "沖縄県",
];

/// The seed's phone and fax numbers (介護電子請求受付システムヘルプデスク and
/// 介護伝送ソフトヘルプデスク): the only numbers the bot may state on its own.
const SEED_NUMBERS: [&str; 4] = ["0570-059-402", "0570-059-422", "0570-059-401", "0570-059-411"];
/// The seed's one address (介護電子請求受付システム).
const SEED_URL: &str = "http://www.e-seikyuu.jp/";
const DENSO_TEL: &str = "0570-059-401";

/// 福島県: the data has nothing. 大阪府: a website, no phone.
const FUKUSHIMA: u8 = 7;
const OSAKA: u8 = 27;

struct Row<'a> {
    code: u8,
    prefecture: &'a str,
    name: &'a str,
    url: &'a str,
    tels: [&'a str; 2],
    sources: &'a str,
    notes: &'a str,
}

fn rows() -> Vec<Row<'static>> {
    let mut lines = TSV.lines();
    assert_eq!(lines.next().unwrap().split('\t').collect::<Vec<_>>(), kokuhoren::HEADER);
    let rows: Vec<Row> = lines
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            assert_eq!(c.len(), 10, "{l}");
            Row {
                code: c[0].parse().unwrap(),
                prefecture: c[1],
                name: c[2],
                url: c[3],
                tels: [c[4], c[5]],
                sources: c[8],
                notes: c[9],
            }
        })
        .collect();
    assert_eq!(rows.len(), 47);
    rows
}

fn office(code: u8, mode: Mode, software: Option<&str>) -> Office {
    office_record(&number(&format!("{code:02}7010001")), mode, software)
}

fn official(code: u8) -> String {
    format!("{}国民健康保険団体連合会", PREFECTURES[code as usize - 1])
}

/// A contact card alone, as the console shows it.
fn card_text(content: &Content, lang: Lang, c: &Contact) -> String {
    let reply = Reply {
        blocks: vec![Block::Contact(c.clone())],
        ..Reply::default()
    };
    plain_text(content, lang, &reply)
}

/// The contact card of a reply, as the console shows it.
fn reply_card(content: &Content, lang: Lang, r: &Reply) -> String {
    card_text(content, lang, contact_of(r))
}

fn phones(text: &str) -> BTreeSet<String> {
    let re = Regex::new(r"\d{2,5}\s*[-‐－−ー]\s*\d{1,4}\s*[-‐－−ー]\s*\d{3,4}").unwrap();
    let folded: String = unicode_normalization::UnicodeNormalization::nfkc(text).collect();
    re.find_iter(&folded)
        .map(|m| m.as_str().chars().filter(|c| !c.is_whitespace()).collect())
        .collect()
}

fn urls(text: &str) -> BTreeSet<String> {
    let re = Regex::new(r"https?://[A-Za-z0-9._~:/?#@!$&'*+,;=%-]+").unwrap();
    re.find_iter(text).map(|m| m.as_str().to_string()).collect()
}

fn host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split('/').next().unwrap();
    host.strip_prefix("www.").unwrap_or(host)
}

/// Every message and attribute of both locales, formatted without arguments.
fn every_locale_text(content: &Content) -> Vec<(Lang, String, String)> {
    let mut out = Vec::new();
    for lang in Lang::ALL {
        for (id, attrs) in content.ids(lang) {
            out.push((lang, id.clone(), content.text(lang, &Msg::new(id.clone()))));
            for a in attrs {
                out.push((lang, format!("{id}.{a}"), content.attr(lang, id, a).unwrap_or_default()));
            }
        }
    }
    assert!(out.len() > 300, "{} texts", out.len());
    out
}

const KOKUHOREN_QUESTIONS: [&str; 4] = [
    "国保連の電話番号教えて",
    "届出について電話で聞きたいのですが、何番にかければいいですか？",
    "届出はどこに出せばいい？",
    "What is the phone number of our NHI federation?",
];

// ---- item 5: every 国保連合会 by default ----

#[test]
fn every_prefecture_gets_its_kokuhoren_without_bot_toml() {
    let config = Config::default();
    let content = Content::embedded().unwrap();
    let rows = rows();
    let mut with_url = 0;
    for code in 1..=47u8 {
        let row = &rows[code as usize - 1];
        assert_eq!((row.code, row.prefecture), (code, PREFECTURES[code as usize - 1]));
        let name = official(code);
        // A name the data saw follows the pattern the others are derived with.
        if !row.name.is_empty() {
            assert_eq!(row.name, name);
        }
        for mode in Mode::ALL {
            let c = contacts::route(&config, ContactId::Kokuhoren, Some(&office(code, mode, None)));
            assert_eq!(c.id, Some(ContactId::Kokuhoren), "{code}");
            assert_eq!(c.key.as_deref(), Some(format!("kokuhoren-{code:02}").as_str()));
            assert_eq!(c.name.as_deref(), Some(name.as_str()), "{code}");
            let url = (!row.url.is_empty()).then_some(row.url);
            assert_eq!(c.url.as_deref(), url, "{code}");
            assert_eq!((&c.tel, &c.fax, &c.email), (&None, &None, &None), "{code}");
        }
        with_url += usize::from(!row.url.is_empty());
        let c = contacts::route(&config, ContactId::Kokuhoren, Some(&office(code, Mode::Direct, None)));
        for lang in Lang::ALL {
            let text = card_text(&content, lang, &c);
            assert!(text.contains(&name), "{code} {lang}: {text}");
            if !row.url.is_empty() {
                assert!(text.contains(row.url), "{code} {lang}: {text}");
            }
        }
    }
    assert_eq!(with_url, 24);
    // Without an office: the generic card, as before.
    let c = contacts::route(&config, ContactId::Kokuhoren, None);
    assert_eq!((c.id, c.name, c.key), (Some(ContactId::Kokuhoren), None, None));
}

#[test]
fn a_bot_toml_entry_replaces_the_shipped_row() {
    let mut config = Config::default();
    config.kokuhoren.insert(
        "27".into(),
        ContactConfig {
            note: Some("平日 9時から17時".into()),
            ..contact_config("大阪府国民健康保険団体連合会 介護保険課", "06-0000-0000")
        },
    );
    let c = contacts::route(&config, ContactId::Kokuhoren, Some(&office(OSAKA, Mode::Direct, None)));
    assert_eq!(c.key.as_deref(), Some("kokuhoren-27"));
    assert_eq!(c.name.as_deref(), Some("大阪府国民健康保険団体連合会 介護保険課"));
    assert_eq!(c.tel.as_deref(), Some("06-0000-0000"));
    assert_eq!(c.url, None, "the entry replaces the row, its website included");
    let text = card_text(&Content::embedded().unwrap(), Lang::Ja, &c);
    assert!(text.contains("平日 9時から17時"), "{text}");
    // Another prefecture keeps its shipped row.
    let c = contacts::route(&config, ContactId::Kokuhoren, Some(&office(13, Mode::Direct, None)));
    assert_eq!(c.name.as_deref(), Some("東京都国民健康保険団体連合会"));
    assert_eq!(c.url.as_deref(), Some("http://www.tokyo-kokuhoren.or.jp/"));
}

#[test]
fn every_website_the_bot_can_state_is_in_the_shipped_data_with_a_source() {
    let kb = Knowledge::load(Config::default()).unwrap();
    let rows = rows();
    // The locales name the seed's one address and no other.
    for (lang, id, text) in every_locale_text(&kb.content) {
        for u in urls(&text) {
            assert_eq!(u, SEED_URL, "{lang} {id}: {text}");
        }
    }
    // Each prefecture's cards and answers: the seed's address or the row's
    // website, and the row cites a page on that website's host.
    for code in 1..=47u8 {
        let row = &rows[code as usize - 1];
        let o = office(code, Mode::Direct, None);
        let mut texts = Vec::new();
        for lang in Lang::ALL {
            let c = contacts::route(&kb.config, ContactId::Kokuhoren, Some(&o));
            texts.push(card_text(&kb.content, lang, &c));
            for q in KOKUHOREN_QUESTIONS {
                texts.push(plain_text(
                    &kb.content,
                    lang,
                    &kb.answer_reply(&kb.answer(q, Some(&o)), true),
                ));
            }
        }
        let mut stated = 0;
        for text in &texts {
            for u in urls(text) {
                if u == SEED_URL {
                    continue;
                }
                assert_eq!(u, row.url, "{code}: {text}");
                assert!(row.sources.contains(host(&u)), "{code}: {u} has no source on its host");
                stated += 1;
            }
        }
        assert_eq!(stated > 0, !row.url.is_empty(), "{code}");
    }
}

#[test]
fn the_bot_states_no_phone_number_the_seed_does_not_give() {
    let kb = Knowledge::load(Config::default()).unwrap();
    let seed: BTreeSet<String> = SEED_NUMBERS.iter().map(|s| s.to_string()).collect();
    // The numbers the data holds (claims lines and complaint lines): not
    // checked against the 連合会's current sites, so never stated.
    let rows = rows();
    let data: BTreeSet<String> = rows
        .iter()
        .flat_map(|r| {
            r.tels
                .iter()
                .map(|t| t.to_string())
                .chain(phones(r.notes))
                .chain(phones(r.sources))
        })
        .filter(|t| !t.is_empty())
        .collect();
    assert!(
        data.contains("076-261-5194") && data.contains("011-231-5161"),
        "{data:?}"
    );
    let mut stated: Vec<(String, String)> = Vec::new();
    for (lang, id, text) in every_locale_text(&kb.content) {
        stated.extend(phones(&text).into_iter().map(|p| (format!("{lang} {id}"), p)));
    }
    let softwares = [None, Some("国保中央会介護伝送ソフト"), Some("ほのぼのNEXT")];
    for code in 1..=47u8 {
        for mode in Mode::ALL {
            for sw in softwares {
                let o = office(code, mode, sw);
                for id in ContactId::ALL {
                    let c = contacts::route(&kb.config, id, Some(&o));
                    for lang in Lang::ALL {
                        let text = card_text(&kb.content, lang, &c);
                        stated.extend(phones(&text).into_iter().map(|p| (format!("{code} {mode} {id:?}"), p)));
                    }
                }
            }
        }
        let o = office(code, Mode::Direct, None);
        for q in KOKUHOREN_QUESTIONS {
            let text = plain_text(&kb.content, Lang::Ja, &kb.answer_reply(&kb.answer(q, Some(&o)), true));
            stated.extend(phones(&text).into_iter().map(|p| (format!("{code} {q}"), p)));
        }
    }
    assert!(
        stated.iter().any(|(_, p)| p == "0570-059-402"),
        "the scan finds numbers"
    );
    for (where_, p) in &stated {
        assert!(seed.contains(p), "{where_}: {p} is not the seed's");
        assert!(!data.contains(p), "{where_}: {p} is from the unchecked data");
    }
}

#[test]
fn which_number_to_call_for_the_notification_where_no_phone_is_known() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::open(Config::default(), dir.path()).unwrap();
    let content = Content::embedded().unwrap();
    for (ch, code) in [("ch-fukushima", FUKUSHIMA), ("ch-osaka", OSAKA)] {
        let n = number(&format!("{code:02}7010001"));
        run_ok(
            &app,
            ch,
            &local_user(),
            &format!("/register number:{n} name:テスト"),
            T0,
        );
        // At the 届出 step.
        run_ok(&app, ch, &local_user(), "/done", T0);
        let asked = [
            "届出について電話で聞きたいのですが、何番にかければいいですか？",
            "国保連の電話番号教えて",
            "Which number do I call about the notification?",
        ];
        let mut replies: Vec<Reply> = asked
            .iter()
            .map(|q| app.handle(ch, &local_user(), &Input::Question(q.to_string()), T0, Lang::Ja))
            .collect();
        replies.push(run_ok(&app, ch, &local_user(), "/contact", T0));
        for r in &replies {
            let c = contact_of(r);
            assert_eq!(c.id, Some(ContactId::Kokuhoren), "{ch}: {r:?}");
            assert_eq!(c.name.as_deref(), Some(official(code).as_str()));
            assert_eq!(c.tel, None);
            for lang in Lang::ALL {
                let all = plain_text(&content, lang, r);
                let card = reply_card(&content, lang, r);
                // Never "shown below" over nothing.
                for dead in ["下に表示します", "shown below"] {
                    assert!(!all.contains(dead), "{ch} {lang}: {all}");
                }
                assert!(phones(&card).is_empty(), "{ch} {lang}: {card}");
                // The card says plainly that no number is known, and where to look.
                let (no_number, look) = match (lang, code) {
                    (Lang::Ja, FUKUSHIMA) => ("電話番号とホームページは、このボットには登録されていません", "検索"),
                    (Lang::Ja, _) => ("電話番号は、このボットには登録されていません", "ホームページ"),
                    (Lang::En, FUKUSHIMA) => ("has neither the phone number nor the website", "search"),
                    (Lang::En, _) => ("has no phone number", "website"),
                };
                assert!(card.contains(no_number), "{ch} {lang}: {card}");
                assert!(card.contains(look), "{ch} {lang}: {card}");
                assert!(card.contains(&official(code)), "{ch} {lang}: {card}");
            }
        }
        // The FAQ answers the question (it is not "no answer").
        for r in &replies[..2] {
            assert!(!has(r, "answer-none"), "{ch}: {:?}", r.blocks);
        }
    }
}

// ---- item 6: other billing software goes to its own contact ----

const SOFTWARE: &str = "請求ソフトの設定方法がわからない";
const DENSO: &str = "伝送ソフトのヘルプデスクの電話番号";
const NOT_DENSO: [&str; 5] = [
    "うちの請求ソフト、国保中央会のやつじゃないんだけど大丈夫？",
    "当事業所は国保中央会のソフトではなく、民間メーカーの請求ソフトを導入しております。ソフト側の伝送設定については、どちらに問い合わせればよろしいでしょうか。",
    "国保中央会の伝送ソフト以外の請求ソフトを使っています。どこに聞けばいいですか",
    "We don't use the 国保中央会 software, we use a commercial one",
    "Our billing software is from a private vendor, not Kokuho Chuokai. Who supports that?",
];

fn vendor_config() -> Config {
    let mut c = Config::default();
    c.vendors.insert(
        "ほのぼのNEXT".into(),
        contact_config("ほのぼのNEXT サポートセンター", "0120-000-222"),
    );
    c
}

/// The card never shows the 介護伝送ソフトヘルプデスク, in either language.
fn assert_not_denso(content: &Content, c: &Contact, what: &str) {
    assert_ne!(c.id, Some(ContactId::Denso), "{what}");
    for lang in Lang::ALL {
        let text = card_text(content, lang, c);
        assert!(!text.contains(DENSO_TEL), "{what} {lang}: {text}");
        assert!(!text.contains("k-denso@"), "{what} {lang}: {text}");
    }
}

#[test]
fn an_office_with_other_software_goes_to_its_helpdesk_without_a_vendors_entry() {
    let kb = Knowledge::load(Config::default()).unwrap();
    for mode in [Mode::Direct, Mode::Proxy] {
        let o = office(13, mode, Some("ほのぼのNEXT"));
        for q in [SOFTWARE, DENSO, NOT_DENSO[0]] {
            let c = kb.answer(q, Some(&o)).contact;
            assert_eq!(c.id, Some(ContactId::Software), "{q} {mode}");
            assert_eq!((&c.tel, &c.key), (&None, &None), "{q} {mode}");
            assert_not_denso(&kb.content, &c, q);
            // The card names the office's software and says where its desk is.
            let ja = card_text(&kb.content, Lang::Ja, &c);
            assert!(ja.contains("ほのぼのNEXT") && ja.contains("マニュアル"), "{ja}");
            let en = card_text(&kb.content, Lang::En, &c);
            assert!(en.contains("ほのぼのNEXT") && en.contains("manual"), "{en}");
        }
        for id in [ContactId::Software, ContactId::Denso] {
            assert_not_denso(&kb.content, &contacts::route(&kb.config, id, Some(&o)), "route");
        }
    }
    // 国保中央会介護伝送ソフト itself still goes to its helpdesk.
    let o = office(13, Mode::Direct, Some("国保中央会介護伝送ソフト"));
    assert_eq!(kb.answer(SOFTWARE, Some(&o)).contact.id, Some(ContactId::Denso));
}

#[test]
fn an_office_with_other_software_goes_to_its_vendors_entry() {
    let kb = Knowledge::load(vendor_config()).unwrap();
    for sw in ["ほのぼのNEXT", "ほのぼのＮＥＸＴ"] {
        let o = office(13, Mode::Direct, Some(sw));
        for q in [SOFTWARE, DENSO, NOT_DENSO[0]] {
            let c = kb.answer(q, Some(&o)).contact;
            assert_eq!(c.id, Some(ContactId::Software), "{q}");
            assert_eq!(c.key.as_deref(), Some("vendor-ほのぼのNEXT"), "{q}");
            assert_eq!(c.name.as_deref(), Some("ほのぼのNEXT サポートセンター"), "{q}");
            assert_eq!(c.tel.as_deref(), Some("0120-000-222"), "{q}");
            assert_not_denso(&kb.content, &c, q);
        }
    }
}

#[test]
fn the_software_step_and_the_completion_card_of_other_software_skip_the_denso_helpdesk() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::open(Config::default(), dir.path()).unwrap();
    let content = Content::embedded().unwrap();
    let n = number("137010001");
    run_ok(
        &app,
        "ch",
        &local_user(),
        &format!("/register number:{n} name:あおば software:ほのぼのNEXT"),
        T0,
    );
    let mut last = Reply::default();
    for _ in 0..20 {
        last = run_ok(&app, "ch", &local_user(), "/done", T0);
        if has(&last, "steps-complete-title") {
            break;
        }
        if app.store().office_by_channel("ch").unwrap().unwrap().current_step()
            == Some(seikyu_navi::playbook::StepId::Software)
        {
            let r = run_ok(&app, "ch", &local_user(), "/contact", T0);
            assert_not_denso(&content, contact_of(&r), "/contact at the software step");
        }
    }
    assert!(has(&last, "steps-complete-title"), "{:?}", last.blocks);
    assert_not_denso(&content, contact_of(&last), "completion card");
    for lang in Lang::ALL {
        let text = plain_text(&content, lang, &last);
        assert!(!text.contains(DENSO_TEL), "{lang}: {text}");
        assert!(text.contains("ほのぼのNEXT"), "{lang}: {text}");
    }
}

#[test]
fn a_question_saying_the_software_is_not_kokuho_chuokais_goes_to_its_own_helpdesk() {
    let kb = Knowledge::load(vendor_config()).unwrap();
    for q in NOT_DENSO {
        for o in [None, Some(office(13, Mode::Direct, None))] {
            let a = kb.answer(q, o.as_ref());
            let best = a.lookup.best.as_ref().unwrap_or_else(|| panic!("{q}: no answer"));
            let entry = &kb.faq.entries()[best.entry];
            assert_eq!(entry.id, "software-other", "{q}");
            assert_eq!(a.contact.id, Some(ContactId::Software), "{q}");
            assert_not_denso(&kb.content, &a.contact, q);
            for lang in Lang::ALL {
                let text = plain_text(&kb.content, lang, &kb.answer_reply(&a, true));
                assert!(!text.contains(DENSO_TEL), "{q} {lang}: {text}");
            }
        }
        // An office registered with its software: that software's entry.
        let o = office(13, Mode::Direct, Some("ほのぼのNEXT"));
        let c = kb.answer(q, Some(&o)).contact;
        assert_eq!(c.tel.as_deref(), Some("0120-000-222"), "{q}");
        // A vendor-billed office: its vendor.
        let o = office(13, Mode::Vendor, None);
        assert_eq!(kb.answer(q, Some(&o)).contact.id, Some(ContactId::Vendor), "{q}");
    }
    // Questions about the 国保中央会 software itself still get its helpdesk.
    for q in [
        "国保中央会の伝送ソフトで送信しようとするとエラーになる",
        "介護伝送ソフトの使い方がわからない時の問い合わせ先は？",
        DENSO,
    ] {
        assert!(!contacts::says_not_denso(q), "{q}");
        let a = kb.answer(q, None);
        let text = plain_text(&kb.content, Lang::Ja, &kb.answer_reply(&a, false));
        assert!(text.contains(DENSO_TEL), "{q}: {text}");
    }
    for q in ["介護伝送ソフトの使い方がわからない時の問い合わせ先は？", DENSO] {
        assert_eq!(kb.answer(q, None).contact.id, Some(ContactId::Denso), "{q}");
    }
    assert!(!contacts::says_not_denso("国保中央会の伝送ソフトじゃないとだめ？"));
}

// ---- item 7: the billing month ----

/// The claims window and the media fallback, with the caveat that they vary.
fn assert_billing_month(text: &str, lang: Lang, what: &str) {
    let needles: &[&str] = match lang {
        Lang::Ja => &["毎月1日から10日", "CD-R等の媒体", "国保連合会によって異なる"],
        Lang::En => &[
            "1st to the 10th of each month",
            "media such as CD-R",
            "may vary by 国保連合会",
        ],
    };
    for n in needles {
        assert!(text.contains(n), "{what} {lang}: no {n:?} in\n{text}");
    }
}

#[test]
fn the_time_answers_say_when_the_office_can_bill() {
    let kb = Knowledge::load(Config::default()).unwrap();
    for (q, faq) in [
        ("準備期間はどれくらい？", "preparation-period"),
        ("どのくらい時間かかる？来月の請求に間に合う？", "preparation-period"),
        ("How long does the preparation take?", "preparation-period"),
        ("請求の締め切りは毎月何日？", "claim-period"),
        ("10日を過ぎたらどうなる？", "claim-period"),
        ("今月は準備が間に合わない。紙やCD-Rで請求できる？", "claim-period"),
        ("When is the deadline for claims each month?", "claim-period"),
    ] {
        let a = kb.answer(q, None);
        let best = a.lookup.best.as_ref().unwrap_or_else(|| panic!("{q}: no answer"));
        assert_eq!(kb.faq.entries()[best.entry].id, faq, "{q}");
        for lang in Lang::ALL {
            let text = kb.content.text(lang, &Msg::new(format!("faq-{faq}")));
            assert_billing_month(&text, lang, q);
        }
    }
}

#[test]
fn the_completion_card_says_when_to_bill() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::open(Config::default(), dir.path()).unwrap();
    let content = Content::embedded().unwrap();
    for (i, (ch, mode)) in [("ch-direct", "direct"), ("ch-proxy", "proxy"), ("ch-vendor", "vendor")]
        .into_iter()
        .enumerate()
    {
        let n = number(&format!("137010{i:03}"));
        // Proxy billing is ready when its 代理人 is: the 代理人's channel
        // walks its own steps and its office's 届出.
        let (register, notify) = match mode {
            "proxy" => (
                format!("/register number:{n} name:あおば agent:あおばグループ"),
                vec![format!("/done office:{n}"); 2],
            ),
            _ => (format!("/register number:{n} name:あおば mode:{mode}"), Vec::new()),
        };
        run(&app, ch, &local_user(), &register, T0);
        let mut last = run_ok(&app, ch, &local_user(), "/done", T0);
        for cmd in notify
            .iter()
            .map(String::as_str)
            .chain(std::iter::repeat("/done"))
            .take(20)
        {
            if has(&last, "steps-complete-title") {
                break;
            }
            last = run_ok(&app, ch, &local_user(), cmd, T0);
        }
        assert!(
            ["steps-complete", "steps-complete-vendor", "agent-complete"]
                .iter()
                .any(|id| has(&last, id)),
            "{ch}: {:?}",
            last.blocks
        );
        for lang in Lang::ALL {
            assert_billing_month(&plain_text(&content, lang, &last), lang, ch);
        }
        let again = run_ok(&app, ch, &local_user(), "/next", T0);
        for lang in Lang::ALL {
            assert_billing_month(&plain_text(&content, lang, &again), lang, ch);
        }
    }
}
