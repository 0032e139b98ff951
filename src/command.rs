//! The chat commands as one table (used by the console parser and the
//! Discord registration), the parsed `Input`, and the console line parser.

use crate::error::UserError;
use crate::reply::ButtonAction;
use crate::text;

/// One option of a command.
#[derive(Debug, Clone, Copy)]
pub struct OptSpec {
    pub name: &'static str,
    pub required: bool,
    /// Fixed choices (ids); empty means free text.
    pub choices: &'static [&'static str],
    /// Discord autocomplete (FAQ questions, open steps).
    pub autocomplete: bool,
}

const fn opt(name: &'static str, required: bool) -> OptSpec {
    OptSpec {
        name,
        required,
        choices: &[],
        autocomplete: false,
    }
}

/// One chat command.
#[derive(Debug, Clone, Copy)]
pub struct CommandSpec {
    pub name: &'static str,
    pub options: &'static [OptSpec],
    /// Only staff may use it.
    pub staff: bool,
}

const MODES: &[&str] = &["direct", "proxy", "vendor"];

/// Every chat command; Discord and the console take the same names and options.
pub const COMMANDS: &[CommandSpec] = &[
    CommandSpec {
        name: "register",
        options: &[
            opt("number", true),
            opt("name", true),
            OptSpec {
                name: "mode",
                required: false,
                choices: MODES,
                autocomplete: false,
            },
            opt("software", false),
            opt("agent", false),
        ],
        staff: false,
    },
    CommandSpec {
        name: "next",
        options: &[],
        staff: false,
    },
    CommandSpec {
        name: "done",
        options: &[
            OptSpec {
                name: "step",
                required: false,
                choices: &[],
                autocomplete: true,
            },
            opt("office", false),
        ],
        staff: false,
    },
    CommandSpec {
        name: "undo",
        options: &[],
        staff: false,
    },
    CommandSpec {
        name: "progress",
        // `office:` is for staff: any office's progress.
        options: &[opt("office", false)],
        staff: false,
    },
    CommandSpec {
        name: "faq",
        options: &[OptSpec {
            name: "question",
            required: true,
            choices: &[],
            autocomplete: true,
        }],
        staff: false,
    },
    CommandSpec {
        name: "contact",
        options: &[OptSpec {
            name: "topic",
            required: false,
            choices: &["reception", "denso", "kokuhoren", "software", "vendor"],
            autocomplete: false,
        }],
        staff: false,
    },
    CommandSpec {
        name: "mode",
        options: &[OptSpec {
            name: "mode",
            required: true,
            choices: MODES,
            autocomplete: false,
        }],
        staff: false,
    },
    CommandSpec {
        name: "help",
        options: &[],
        staff: false,
    },
    CommandSpec {
        name: "certificate",
        options: &[opt("expires", false), opt("issued", false)],
        staff: false,
    },
    CommandSpec {
        name: "fix-number",
        options: &[opt("number", true), opt("office", false)],
        staff: false,
    },
    CommandSpec {
        name: "ask-staff",
        options: &[opt("question", false)],
        staff: false,
    },
    CommandSpec {
        name: "summary",
        options: &[
            opt("page", false),
            OptSpec {
                name: "format",
                required: false,
                choices: &["chart", "csv"],
                autocomplete: false,
            },
        ],
        staff: true,
    },
    CommandSpec {
        name: "unanswered",
        options: &[],
        staff: true,
    },
    CommandSpec {
        name: "history",
        options: &[opt("office", false)],
        staff: true,
    },
    CommandSpec {
        name: "backup",
        options: &[],
        staff: true,
    },
    CommandSpec {
        name: "archive",
        options: &[opt("office", false)],
        staff: true,
    },
    CommandSpec {
        name: "unarchive",
        options: &[opt("office", false)],
        staff: true,
    },
    CommandSpec {
        name: "inbox",
        options: &[opt("id", false)],
        staff: true,
    },
    CommandSpec {
        name: "reply",
        options: &[opt("id", true), opt("text", true)],
        staff: true,
    },
    CommandSpec {
        name: "close",
        options: &[opt("id", true)],
        staff: true,
    },
    CommandSpec {
        name: "teach",
        options: &[
            opt("id", false),
            opt("question", false),
            opt("answer", false),
            opt("faq", false),
        ],
        staff: true,
    },
    CommandSpec {
        name: "taught",
        options: &[],
        staff: true,
    },
    CommandSpec {
        name: "forget",
        options: &[opt("id", true)],
        staff: true,
    },
];

pub fn spec(name: &str) -> Option<&'static CommandSpec> {
    COMMANDS.iter().find(|c| c.name == name)
}

/// A command by its name or its Japanese name in `locales/synonyms.txt`
/// (`command:*`: `/次へ`, `/完了`, `/進み具合`).
pub fn find(name: &str) -> Option<&'static CommandSpec> {
    spec(name).or_else(|| {
        COMMANDS
            .iter()
            .find(|c| text::in_group(&format!("command:{}", c.name), name))
    })
}

/// The command a name not known was most likely meant to be: the one a
/// typing slip away (two for names of six letters or more: `/nexr`,
/// `/hlep`, `/progres`), when only one is that close.
pub fn closest(name: &str) -> Option<&'static CommandSpec> {
    let slips = if name.chars().count() >= 6 { 2 } else { 1 };
    let near: Vec<(usize, &'static CommandSpec)> = COMMANDS
        .iter()
        .map(|c| (text::typo_distance(name, c.name), c))
        .filter(|(d, _)| (1..=slips).contains(d))
        .collect();
    let best = near.iter().map(|(d, _)| *d).min()?;
    match near.iter().filter(|(d, _)| *d == best).collect::<Vec<_>>()[..] {
        [(_, c)] => Some(*c),
        _ => None,
    }
}

/// The error for a command name not known: it names the command meant
/// when one is a slip away.
fn unknown(name: &str) -> UserError {
    UserError::UnknownCommand {
        cmd: name.to_string(),
        meant: closest(name).map(|c| c.name.to_string()),
    }
}

/// Whether an option takes text that may have spaces (a name, a question);
/// the others take one word.
fn takes_text(option: &str) -> bool {
    matches!(option, "name" | "software" | "question")
}

/// The option of `spec` a typed key names: its id, or its Japanese name in
/// `locales/synonyms.txt` (`option:*`: 番号, 名前, 手順).
fn option_named(spec: &CommandSpec, key: &str) -> Option<&'static str> {
    let folded = text::fold(key);
    spec.options
        .iter()
        .find(|o| o.name == folded || text::in_group(&format!("option:{}", o.name), key))
        .map(|o| o.name)
}

/// What a user asked for, with option values still as typed (the engine
/// validates them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Register {
        number: String,
        name: String,
        mode: Option<String>,
        software: Option<String>,
        /// The 代理人 that bills for the office (its name).
        agent: Option<String>,
    },
    Next,
    Done {
        step: Option<String>,
        /// In a 代理人's channel: the office whose 届出 task is done.
        office: Option<String>,
    },
    Undo,
    Progress,
    /// Staff: the progress of any office (`/progress office:`), by number or name.
    OfficeProgress {
        office: String,
    },
    Faq {
        question: String,
    },
    Contact {
        topic: Option<String>,
    },
    Mode {
        mode: String,
    },
    Help,
    /// `page` as typed; `format` chart (default) or csv.
    Summary {
        page: Option<String>,
        format: Option<String>,
    },
    Unanswered,
    History {
        office: Option<String>,
    },
    /// A consistent backup of the running bot into `backup.dir`.
    Backup,
    /// Shows the certificate's expiry, or records the dates the office read
    /// in the `[証明書]` menu.
    Certificate {
        expires: Option<String>,
        issued: Option<String>,
    },
    /// Corrects a mistyped office number (`office:` names the office, for staff).
    FixNumber {
        number: String,
        office: Option<String>,
    },
    /// Staff: takes an office out of the summary, dashboard and reminders.
    Archive {
        office: Option<String>,
    },
    /// Staff: brings an archived office back.
    Unarchive {
        office: Option<String>,
    },
    /// An office asks for a person; without a question, the channel's last
    /// question the FAQ could not answer.
    AskStaff {
        question: Option<String>,
    },
    /// Staff: the open requests, or one request (`id`) in full.
    Inbox {
        id: Option<String>,
    },
    /// Staff: answers request `id` (the office's channel gets it).
    Reply {
        id: String,
        text: String,
    },
    /// Staff: closes request `id`.
    Close {
        id: String,
    },
    /// Staff: a FAQ entry from request `id` or from `question` + `answer`,
    /// or a new phrasing of entry `faq`.
    Teach {
        id: Option<String>,
        question: Option<String>,
        answer: Option<String>,
        faq: Option<String>,
    },
    /// Staff: the entries taught so far.
    Taught,
    /// Staff: removes taught entry `id`.
    Forget {
        id: String,
    },
    /// Free text: a question.
    Question(String),
}

impl From<&ButtonAction> for Input {
    /// The command a button click stands for.
    fn from(action: &ButtonAction) -> Input {
        match action {
            ButtonAction::Done(task) => Input::Done {
                step: Some(task.as_str().to_string()),
                office: None,
            },
            ButtonAction::Progress => Input::Progress,
            ButtonAction::Contact => Input::Contact { topic: None },
            ButtonAction::Next => Input::Next,
            ButtonAction::SummaryPage(n) => Input::Summary {
                page: Some(n.to_string()),
                format: None,
            },
            ButtonAction::AskStaff => Input::AskStaff { question: None },
        }
    }
}

impl Input {
    /// Builds an input from a command name and its options, checking them
    /// against the table.
    pub fn from_command(name: &str, options: Vec<(String, String)>) -> Result<Input, UserError> {
        let spec = spec(name).ok_or_else(|| unknown(name))?;
        let mut values: Vec<Option<String>> = vec![None; spec.options.len()];
        for (key, value) in options {
            let idx = spec
                .options
                .iter()
                .position(|o| o.name == key)
                .ok_or_else(|| UserError::UnknownOption {
                    cmd: name.to_string(),
                    opt: key.clone(),
                })?;
            if values[idx].is_some() {
                return Err(UserError::DuplicateOption { opt: key });
            }
            let value = value.trim().to_string();
            values[idx] = (!value.is_empty()).then_some(value);
        }
        for (o, v) in spec.options.iter().zip(&values) {
            if o.required && v.is_none() {
                return Err(UserError::MissingOption {
                    cmd: name.to_string(),
                    opt: o.name.to_string(),
                });
            }
        }
        let mut it = values.into_iter();
        let mut next = || it.next().flatten();
        Ok(match name {
            "register" => Input::Register {
                number: next().unwrap_or_default(),
                name: next().unwrap_or_default(),
                mode: next(),
                software: next(),
                agent: next(),
            },
            "next" => Input::Next,
            "done" => Input::Done {
                step: next(),
                office: next(),
            },
            "undo" => Input::Undo,
            "progress" => match next() {
                Some(office) => Input::OfficeProgress { office },
                None => Input::Progress,
            },
            "faq" => Input::Faq {
                question: next().unwrap_or_default(),
            },
            "contact" => Input::Contact { topic: next() },
            "mode" => Input::Mode {
                mode: next().unwrap_or_default(),
            },
            "help" => Input::Help,
            "summary" => Input::Summary {
                page: next(),
                format: next(),
            },
            "unanswered" => Input::Unanswered,
            "history" => Input::History { office: next() },
            "backup" => Input::Backup,
            "certificate" => Input::Certificate {
                expires: next(),
                issued: next(),
            },
            "fix-number" => Input::FixNumber {
                number: next().unwrap_or_default(),
                office: next(),
            },
            "archive" => Input::Archive { office: next() },
            "unarchive" => Input::Unarchive { office: next() },
            "ask-staff" => Input::AskStaff { question: next() },
            "inbox" => Input::Inbox { id: next() },
            "reply" => Input::Reply {
                id: next().unwrap_or_default(),
                text: next().unwrap_or_default(),
            },
            "close" => Input::Close {
                id: next().unwrap_or_default(),
            },
            "teach" => Input::Teach {
                id: next(),
                question: next(),
                answer: next(),
                faq: next(),
            },
            "taught" => Input::Taught,
            "forget" => Input::Forget {
                id: next().unwrap_or_default(),
            },
            other => return Err(unknown(other)),
        })
    }

    /// The command's name, for logs and permission checks.
    pub fn name(&self) -> &'static str {
        match self {
            Input::Register { .. } => "register",
            Input::Next => "next",
            Input::Done { .. } => "done",
            Input::Undo => "undo",
            Input::Progress | Input::OfficeProgress { .. } => "progress",
            Input::Faq { .. } => "faq",
            Input::Contact { .. } => "contact",
            Input::Mode { .. } => "mode",
            Input::Help => "help",
            Input::Summary { .. } => "summary",
            Input::Unanswered => "unanswered",
            Input::History { .. } => "history",
            Input::Backup => "backup",
            Input::Certificate { .. } => "certificate",
            Input::FixNumber { .. } => "fix-number",
            Input::Archive { .. } => "archive",
            Input::Unarchive { .. } => "unarchive",
            Input::AskStaff { .. } => "ask-staff",
            Input::Inbox { .. } => "inbox",
            Input::Reply { .. } => "reply",
            Input::Close { .. } => "close",
            Input::Teach { .. } => "teach",
            Input::Taught => "taught",
            Input::Forget { .. } => "forget",
            Input::Question(_) => "question",
        }
    }

    pub fn staff_only(&self) -> bool {
        matches!(self, Input::OfficeProgress { .. }) || spec(self.name()).is_some_and(|s| s.staff)
    }
}

/// Longest line the console accepts; longer input is refused, not truncated.
pub const MAX_LINE: usize = 4000;

/// Splits `/name key:value key:"value with spaces"` into a name and options.
/// Names and keys may be Japanese (`/登録 番号:1370100016`). A word without
/// `key:` continues the previous value when that takes text (a name, a
/// question) or is a number being typed in parts; otherwise it fills the
/// command's next option not given yet (`/register 1370100016 かめ介護`,
/// `/faq 証明書はいくら`, `/done 電子証明書`).
pub fn parse_line(line: &str) -> Result<Input, UserError> {
    let line = text::clean(line);
    let line = line.trim();
    if line.is_empty() {
        return Err(UserError::Empty);
    }
    if line.chars().count() > MAX_LINE {
        return Err(UserError::TooLong { max: MAX_LINE });
    }
    let Some(rest) = line.strip_prefix('/').or_else(|| line.strip_prefix('／')) else {
        return Ok(Input::Question(line.to_string()));
    };
    let tokens = tokenize(rest)?;
    let mut tokens = tokens.into_iter();
    let name = tokens.next().map(|t| text::fold(&t.text)).unwrap_or_default();
    if name.is_empty() {
        return Err(UserError::Empty);
    }
    let spec = find(&name).ok_or_else(|| unknown(&name))?;
    let mut options: Vec<(String, String)> = Vec::new();
    for tok in tokens {
        let keyed = if tok.quoted {
            None
        } else {
            tok.text.find([':', '：']).and_then(|i| {
                let typed = &tok.text[..i];
                let key = text::fold(typed);
                let sep = tok.text[i..].chars().next().map_or(1, char::len_utf8);
                let value = tok.text[i + sep..].to_string();
                if !key.is_empty() && key.chars().all(|c| c.is_ascii_alphabetic() || c == '_') {
                    // An unknown Latin key is an error (from_command says so).
                    Some((option_named(spec, &key).map_or(key, str::to_string), value))
                } else {
                    // A Japanese key only when it names an option: 「証明書:いくら」 is text.
                    option_named(spec, typed).map(|k| (k.to_string(), value))
                }
            })
        };
        match keyed {
            Some((key, value)) => {
                let value = unquote(&value)?;
                options.push((key, value));
            }
            None => {
                let continues = options.last().is_some_and(|(k, v)| {
                    takes_text(k) || (!v.is_empty() && tok.text.chars().all(|c| c.is_numeric() || "-－ー".contains(c)))
                });
                match options.last_mut().filter(|_| continues) {
                    Some((_, v)) => {
                        if !v.is_empty() {
                            v.push(' ');
                        }
                        v.push_str(&tok.text);
                    }
                    None => {
                        let next = spec
                            .options
                            .iter()
                            .find(|o| !options.iter().any(|(k, _)| k == o.name))
                            .ok_or_else(|| UserError::UnknownOption {
                                cmd: spec.name.to_string(),
                                opt: tok.text.clone(),
                            })?;
                        options.push((next.name.to_string(), tok.text.clone()));
                    }
                }
            }
        }
    }
    Input::from_command(spec.name, options)
}

struct Token {
    text: String,
    quoted: bool,
}

/// Splits on whitespace, keeping `"…"` (and `key:"…"`) together.
fn tokenize(s: &str) -> Result<Vec<Token>, UserError> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut in_quote: Option<char> = None;
    let mut quoted = false;
    for c in s.chars() {
        match in_quote {
            Some(q) => {
                cur.push(c);
                if c == q {
                    in_quote = None;
                }
            }
            None if c.is_whitespace() || c == '\u{3000}' => {
                if !cur.is_empty() {
                    out.push(Token {
                        text: std::mem::take(&mut cur),
                        quoted,
                    });
                    quoted = false;
                }
            }
            None => {
                if let Some(close) = closing_quote(c) {
                    in_quote = Some(close);
                    if cur.is_empty() {
                        quoted = true;
                    }
                }
                cur.push(c);
            }
        }
    }
    if in_quote.is_some() {
        return Err(UserError::UnterminatedQuote);
    }
    if !cur.is_empty() {
        out.push(Token { text: cur, quoted });
    }
    for t in &mut out {
        if t.quoted {
            t.text = unquote(&t.text)?;
        }
    }
    Ok(out)
}

fn closing_quote(c: char) -> Option<char> {
    match c {
        '"' => Some('"'),
        '“' => Some('”'),
        '「' => Some('」'),
        _ => None,
    }
}

fn unquote(v: &str) -> Result<String, UserError> {
    let mut chars = v.chars();
    match chars.next().and_then(closing_quote) {
        Some(close) => {
            let inner: String = chars.collect();
            inner
                .strip_suffix(close)
                .map(str::to_string)
                .ok_or(UserError::UnterminatedQuote)
        }
        None => Ok(v.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_options_and_quotes() {
        let i = parse_line("/register number:1370100016 name:\"テスト 事業所\" mode:proxy").unwrap();
        assert_eq!(
            i,
            Input::Register {
                number: "1370100016".into(),
                name: "テスト 事業所".into(),
                mode: Some("proxy".into()),
                software: None,
                agent: None
            }
        );
        let i = parse_line("／ｒｅｇｉｓｔｅｒ　number：1370100016 name:あおば 介護").unwrap();
        assert!(matches!(i, Input::Register { ref name, .. } if name == "あおば 介護"));
    }

    #[test]
    fn bare_words_fill_the_text_option() {
        assert_eq!(
            parse_line("/faq 証明書 いくら").unwrap(),
            Input::Faq {
                question: "証明書 いくら".into()
            }
        );
        assert_eq!(
            parse_line("/done certificate").unwrap(),
            Input::Done {
                step: Some("certificate".into()),
                office: None
            }
        );
        assert_eq!(
            parse_line("証明書いくら？").unwrap(),
            Input::Question("証明書いくら？".into())
        );
    }

    #[test]
    fn japanese_names_and_positional_values() {
        assert_eq!(parse_line("/次へ").unwrap(), Input::Next);
        assert_eq!(parse_line("/進み具合").unwrap(), Input::Progress);
        assert_eq!(
            parse_line("/完了 電子証明書").unwrap(),
            Input::Done {
                step: Some("電子証明書".into()),
                office: None,
            }
        );
        assert_eq!(
            parse_line("/完了 手順:届出の提出").unwrap(),
            Input::Done {
                step: Some("届出の提出".into()),
                office: None,
            }
        );
        let register = Input::Register {
            number: "1370100016".into(),
            name: "かめ 介護".into(),
            mode: None,
            software: None,
            agent: None,
        };
        assert_eq!(parse_line("/register 1370100016 かめ 介護").unwrap(), register);
        assert_eq!(parse_line("/登録 番号:1370100016 名前:かめ 介護").unwrap(), register);
        assert_eq!(parse_line("/register number:1370100016 かめ 介護").unwrap(), register);
        // A number typed in parts stays one number.
        assert!(matches!(
            parse_line("/register number:137 010 0016 name:x").unwrap(),
            Input::Register { ref number, .. } if number == "137 010 0016"
        ));
        assert_eq!(
            parse_line("/contact 国保連").unwrap(),
            Input::Contact {
                topic: Some("国保連".into())
            }
        );
        assert_eq!(
            parse_line("/summary 2 csv").unwrap(),
            Input::Summary {
                page: Some("2".into()),
                format: Some("csv".into())
            }
        );
        // A colon in a question is text, not an option.
        assert_eq!(
            parse_line("/faq 証明書:いくら").unwrap(),
            Input::Faq {
                question: "証明書:いくら".into()
            }
        );
        assert_eq!(
            parse_line("/つぎのつぎ"),
            Err(UserError::UnknownCommand {
                cmd: "つぎのつぎ".into(),
                meant: None
            })
        );
    }

    #[test]
    fn errors() {
        assert_eq!(
            parse_line("/nope"),
            Err(UserError::UnknownCommand {
                cmd: "nope".into(),
                meant: None
            })
        );
        // A slip away from one command names it; a slip from two names none.
        for (typed, meant) in [
            ("nexr", "next"),
            ("hlep", "help"),
            ("progres", "progress"),
            ("contcat", "contact"),
        ] {
            assert_eq!(
                parse_line(&format!("/{typed}")),
                Err(UserError::UnknownCommand {
                    cmd: typed.into(),
                    meant: Some(meant.into())
                })
            );
        }
        assert_eq!(closest("don").map(|c| c.name), Some("done"));
        assert!(closest("nxt").is_some() && closest("xyzzy").is_none());
        assert_eq!(
            parse_line("/next foo:1"),
            Err(UserError::UnknownOption {
                cmd: "next".into(),
                opt: "foo".into()
            })
        );
        assert_eq!(
            parse_line("/register number:1"),
            Err(UserError::MissingOption {
                cmd: "register".into(),
                opt: "name".into()
            })
        );
        assert_eq!(parse_line("/register name:\"x"), Err(UserError::UnterminatedQuote));
        assert_eq!(
            parse_line("/done step:a step:b"),
            Err(UserError::DuplicateOption { opt: "step".into() })
        );
        assert_eq!(parse_line("   "), Err(UserError::Empty));
        assert_eq!(parse_line("/"), Err(UserError::Empty));
        assert!(matches!(
            parse_line(&"あ".repeat(10_000)),
            Err(UserError::TooLong { .. })
        ));
    }
}
