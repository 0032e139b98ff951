//! Every message id the code uses exists in every locale.

use std::collections::BTreeSet;
use std::path::Path;

use seikyu_navi::command::COMMANDS;
use seikyu_navi::content::{self, Content, Lang};
use seikyu_navi::faq::FaqIndex;
use seikyu_navi::playbook::{ContactId, Mode, StepId};

/// Every `.rs` file under `dir`, recursively.
fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// Literal message ids in the sources: `Msg::new("…")`, and the ids given
/// to the CLI's `CliError::failed("…", …)`, `CliError::Failed { id: "…" }`
/// and `say("…", …)`.
fn literal_ids() -> BTreeSet<(String, String)> {
    let msg = regex::Regex::new(r#"Msg::new\(\s*"([^"]*)"\s*\)"#).unwrap();
    let cli =
        regex::Regex::new(r#"(?:\b(?:failed|say)\((?:[^"();]|\([^()]*\))*|\bid: )"([a-z][a-z0-9]*(?:-[a-z0-9]+)+)""#)
            .unwrap();
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
    assert!(files.len() >= 10, "{files:?}");
    let mut ids = BTreeSet::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        for re in [&msg, &cli] {
            for c in re.captures_iter(&text) {
                ids.insert((c[1].to_string(), name.clone()));
            }
        }
    }
    ids
}

/// Checks `id` (or `id.attr`) in both languages; returns what is missing.
fn check(c: &Content, id: &str, missing: &mut Vec<String>) {
    for lang in Lang::ALL {
        let ok = match id.split_once('.') {
            Some((m, attr)) => c.attr(lang, m, attr).is_some(),
            None => c.has(lang, id),
        };
        if !ok {
            missing.push(format!("{lang}: {id}"));
        }
    }
}

#[test]
fn literal_message_ids_exist_in_both_locales() {
    let c = Content::embedded().unwrap();
    let ids = literal_ids();
    // The scan finds what it should (guards against a broken pattern).
    for known in [
        "error-staff-only",
        "register-done",
        "progress-count",
        "error-config",
        "check-ok",
    ] {
        assert!(ids.iter().any(|(id, _)| id == known), "{known} not found by the scan");
    }
    assert!(ids.len() > 60, "only {} ids found", ids.len());
    let mut missing = Vec::new();
    for (id, file) in &ids {
        assert!(!id.is_empty(), "empty literal id in {file}");
        let before = missing.len();
        check(&c, id, &mut missing);
        for m in &mut missing[before..] {
            m.push_str(&format!(" (src/{file})"));
        }
    }
    assert!(missing.is_empty(), "missing messages:\n{}", missing.join("\n"));
}

#[test]
fn built_ids_exist_in_both_locales() {
    let c = Content::embedded().unwrap();
    let mut ids: Vec<String> = Vec::new();
    for step in StepId::ALL {
        // Every card says what to do; the other parts are optional (see
        // `step_card_parts_agree_between_locales`).
        ids.push(step.msg("what"));
        ids.push(step.title_id());
        ids.push(seikyu_navi::chart::step_label_id(step));
        ids.extend(step.waiting_id());
        ids.extend(step.tasks().iter().map(|t| t.msg_id()));
    }
    assert_eq!(
        StepId::ALL.iter().filter_map(|s| s.waiting_id()).collect::<Vec<_>>(),
        vec!["step-notify-waiting", "step-certificate-waiting"]
    );
    for part in seikyu_navi::cards::FIELDS {
        ids.push(format!("label-{part}"));
    }
    for mode in Mode::ALL {
        ids.push(mode.msg_id().into());
        ids.push(mode.desc_id().into());
        // SameMode's message names the mode as `mode-{id}`.
        ids.push(format!("mode-{}", mode.as_str()));
    }
    for contact in ContactId::ALL {
        ids.push(contact.msg_id().into());
    }
    for field in ["name", "tel", "fax", "email", "url", "note"] {
        ids.push(format!("contact-label-{field}"));
    }
    // The slash commands' descriptions and choices (Discord registration).
    for cmd in COMMANDS {
        ids.push(format!("cmd-{}", cmd.name));
        for o in cmd.options {
            ids.push(format!("opt-{}-{}", cmd.name, o.name));
            for choice in o.choices {
                ids.push(format!("choice-{}-{choice}", o.name));
            }
        }
    }
    // Every FAQ entry: its answer and its question.
    let faq = FaqIndex::build(&c).unwrap();
    assert!(faq.entries().len() >= 20);
    for e in faq.entries() {
        ids.push(format!("faq-{}", e.id));
        ids.push(format!("faq-{}.question", e.id));
    }
    let mut missing = Vec::new();
    for id in &ids {
        check(&c, id, &mut missing);
    }
    assert!(missing.is_empty(), "missing messages:\n{}", missing.join("\n"));
}

/// A step card leaves out a part whose message is missing: then it must be
/// missing in both languages (else one language would show a field the
/// other hides), and every `step-<id>-…` message must be a part the cards
/// know (else a misspelt id would hide its field for good).
#[test]
fn step_card_parts_agree_between_locales() {
    let c = Content::embedded().unwrap();
    let mut problems = Vec::new();
    let mut optional_shown = 0;
    for step in StepId::ALL {
        for part in seikyu_navi::cards::FIELDS {
            let id = step.msg(part);
            let has: Vec<bool> = Lang::ALL.iter().map(|l| c.has(*l, &id)).collect();
            if has.iter().any(|h| *h != has[0]) {
                problems.push(format!(
                    "{id}: in {:?} only",
                    Lang::ALL
                        .iter()
                        .zip(&has)
                        .filter(|(_, h)| **h)
                        .map(|(l, _)| l)
                        .collect::<Vec<_>>()
                ));
            }
            optional_shown += usize::from(has[0] && part != "what");
        }
    }
    // Most parts say something; this guards against losing them all.
    assert!(optional_shown >= 15, "{optional_shown} optional parts");
    let parts: Vec<&str> = seikyu_navi::cards::FIELDS
        .iter()
        .copied()
        .chain(["title", "waiting"])
        .collect();
    for lang in Lang::ALL {
        for (id, _) in c.ids(lang) {
            let Some(step) = StepId::ALL
                .iter()
                .find(|s| id.starts_with(&format!("step-{}-", s.as_str())))
            else {
                continue;
            };
            let part = &id[format!("step-{}-", step.as_str()).len()..];
            // A track's variant of a part (`step-notify-agent-what`).
            let part = ["agent-", "vendor-"]
                .iter()
                .find_map(|v| part.strip_prefix(v))
                .unwrap_or(part);
            // `step-proxy-…` ids begin with no other step's id.
            if !parts.contains(&part) {
                problems.push(format!("{lang}: {id}: no card part \"{part}\""));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn helpdesk_contacts_have_their_seed_figures() {
    let c = Content::embedded().unwrap();
    for lang in Lang::ALL {
        let r = |f: &str| c.attr(lang, "contact-reception", f);
        assert_eq!(r("tel").as_deref(), Some("0570-059-402"));
        assert_eq!(r("fax").as_deref(), Some("0570-059-422"));
        assert_eq!(r("email").as_deref(), Some("mail-kaigo@support-e-seikyuu.jp"));
        let d = |f: &str| c.attr(lang, "contact-denso", f);
        assert_eq!(d("tel").as_deref(), Some("0570-059-401"));
        assert_eq!(d("fax").as_deref(), Some("0570-059-411"));
        assert_eq!(d("email").as_deref(), Some("k-denso@trust.ocn.ne.jp"));
    }
}

#[test]
fn no_id_is_missing_in_one_language() {
    let c = Content::embedded().unwrap();
    let missing = content::missing_ids(&c);
    assert!(missing.is_empty(), "{missing:#?}");
}

#[test]
fn the_files_on_disk_are_the_compiled_in_ones() {
    // `check` reads ./locales when present; both sets must agree.
    let disk = Content::from_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("locales")).unwrap();
    let built = Content::embedded().unwrap();
    for lang in Lang::ALL {
        let sorted = |c: &Content| {
            let mut v = c.ids(lang).to_vec();
            v.sort();
            v
        };
        assert_eq!(sorted(&disk), sorted(&built), "{lang}");
    }
}

#[test]
fn learned_questions_name_entries_that_exist() {
    let c = Content::embedded().unwrap();
    assert!(FaqIndex::build(&c).is_ok());
    let e = FaqIndex::build_with_learned(&c, "certificate-fee\t証明書いくら\nno-such-entry\t何か\n").unwrap_err();
    assert_eq!(
        e.to_string(),
        "locales/faq-learned.tsv: line 2: no FAQ entry no-such-entry"
    );
    let e = FaqIndex::build_with_learned(&c, "no tab here\n").unwrap_err();
    assert!(e.to_string().contains("line 1"), "{e}");
}
