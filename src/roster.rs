//! Roster files: a CSV of offices (`number,name,mode,software,channel,agent`) read
//! into validated rows, or every problem with its line number. Pure: no
//! store, no clock. What a row does to an office is decided by
//! [`crate::engine::roster`]; `App::import_roster` drives the import.

use std::collections::HashMap;

use crate::model::MAX_NAME;
use crate::office_number::{NumberError, OfficeNumber};
use crate::playbook::Mode;
use crate::reply::Msg;
use crate::text;

/// The columns of a roster, in the documented order. `number`, `name` and
/// `mode` are required in the header; `software`, `channel` and `agent` (the
/// name of the 代理人 that bills for a proxy-mode office) may be left out of
/// it, and their values may be empty.
pub const COLUMNS: [&str; 6] = ["number", "name", "mode", "software", "channel", "agent"];

const REQUIRED: [Column; 3] = [Column::Number, Column::Name, Column::Mode];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Number,
    Name,
    Mode,
    Software,
    Channel,
    Agent,
}

impl Column {
    fn parse(s: &str) -> Option<Column> {
        Some(match s {
            "number" => Column::Number,
            "name" => Column::Name,
            "mode" => Column::Mode,
            "software" => Column::Software,
            "channel" => Column::Channel,
            "agent" => Column::Agent,
            _ => return None,
        })
    }

    fn as_str(self) -> &'static str {
        COLUMNS[self as usize]
    }
}

/// One validated roster row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Line in the file (1-based; the header is line 1).
    pub line: u64,
    pub number: OfficeNumber,
    pub name: String,
    pub mode: Mode,
    /// `None`: keep what the office has (nothing for a new office).
    pub software: Option<String>,
    /// The channel to bind; `None`: keep the office's binding.
    pub channel: Option<String>,
    /// The 代理人 that bills for the office (its name; proxy mode only);
    /// `None`: keep the office's 代理人 while it stays in proxy mode.
    pub agent: Option<String>,
}

/// A row whose check digit differs from the computed one: imported, but
/// reported so someone looks at the number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckDigitWarning {
    pub line: u64,
    pub number: OfficeNumber,
    pub expected: char,
}

/// A parsed roster: every row valid, in file order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Roster {
    pub rows: Vec<Row>,
    pub warnings: Vec<CheckDigitWarning>,
}

/// What is wrong with one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowErrorKind {
    /// The file has no header line.
    Empty,
    /// A required column is missing from the header.
    HeaderMissing(&'static str),
    /// The header names a column that does not exist.
    HeaderUnknown(String),
    HeaderDuplicate(String),
    /// The line has a different number of fields than the header.
    Columns {
        expected: usize,
        found: usize,
    },
    /// The line is not valid UTF-8.
    Utf8,
    Number {
        value: String,
        error: NumberError,
    },
    EmptyName,
    NameTooLong {
        max: usize,
    },
    EmptyMode,
    BadMode(String),
    SoftwareTooLong {
        max: usize,
    },
    ChannelTooLong {
        max: usize,
    },
    AgentTooLong {
        max: usize,
    },
    /// An `agent` given for an office whose mode is not proxy.
    AgentNeedsProxy,
    /// The 代理人 would bill for more offices than one certificate covers.
    AgentFull {
        agent: String,
        max: usize,
    },
    /// The channel is a 代理人's channel in the data directory.
    ChannelIsAgents {
        channel: String,
        agent: String,
    },
    /// The number already appeared on line `first`.
    DuplicateNumber {
        number: String,
        first: u64,
    },
    /// The channel is already given to another office on line `first`.
    DuplicateChannel {
        channel: String,
        first: u64,
    },
    /// The channel is bound in the data directory to another office that the
    /// roster does not move to another channel.
    ChannelBound {
        channel: String,
        number: String,
    },
    /// The CSV reader stopped.
    Csv(String),
}

/// A problem on one line of a roster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub line: u64,
    pub kind: RowErrorKind,
}

impl RowErrorKind {
    /// The localized message (without the line number).
    pub fn msg(&self) -> Msg {
        use RowErrorKind::*;
        match self {
            Empty => Msg::new("roster-error-empty"),
            HeaderMissing(c) => Msg::new("roster-error-header-missing").str("column", *c),
            HeaderUnknown(c) => Msg::new("roster-error-header-unknown").str("column", c.clone()),
            HeaderDuplicate(c) => Msg::new("roster-error-header-duplicate").str("column", c.clone()),
            Columns { expected, found } => Msg::new("roster-error-columns")
                .num("expected", *expected as i64)
                .num("found", *found as i64),
            Utf8 => Msg::new("roster-error-utf8"),
            Number { value, error } => match error {
                NumberError::Empty => Msg::new("roster-error-number-empty"),
                NumberError::WrongLength(n) => Msg::new("roster-error-number-length")
                    .str("value", value.clone())
                    .num("len", *n as i64),
                NumberError::BadChar(c) => Msg::new("roster-error-number-char")
                    .str("value", value.clone())
                    .str("char", c.to_string()),
                NumberError::BadPrefecture(p) => Msg::new("roster-error-number-prefecture")
                    .str("value", value.clone())
                    .str("pref", p.clone()),
                NumberError::BadKind(c) => Msg::new("roster-error-number-kind")
                    .str("value", value.clone())
                    .str("char", c.to_string()),
            },
            EmptyName => Msg::new("roster-error-name-empty"),
            NameTooLong { max } => Msg::new("roster-error-name-long").num("max", *max as i64),
            EmptyMode => Msg::new("roster-error-mode-empty"),
            BadMode(m) => Msg::new("roster-error-mode").str("mode", m.clone()),
            SoftwareTooLong { max } => Msg::new("roster-error-software-long").num("max", *max as i64),
            ChannelTooLong { max } => Msg::new("roster-error-channel-long").num("max", *max as i64),
            AgentTooLong { max } => Msg::new("roster-error-agent-long").num("max", *max as i64),
            AgentNeedsProxy => Msg::new("roster-error-agent-mode"),
            AgentFull { agent, max } => Msg::new("roster-error-agent-full")
                .str("agent", agent.clone())
                .num("max", *max as i64),
            ChannelIsAgents { channel, agent } => Msg::new("roster-error-channel-agent")
                .str("channel", channel.clone())
                .str("agent", agent.clone()),
            DuplicateNumber { number, first } => Msg::new("roster-error-duplicate-number")
                .str("number", number.clone())
                .num("first", *first as i64),
            DuplicateChannel { channel, first } => Msg::new("roster-error-duplicate-channel")
                .str("channel", channel.clone())
                .num("first", *first as i64),
            ChannelBound { channel, number } => Msg::new("roster-error-channel-bound")
                .str("channel", channel.clone())
                .str("number", number.clone()),
            Csv(detail) => Msg::new("roster-error-csv").str("detail", detail.clone()),
        }
    }
}

impl RowError {
    /// 「N行目：…」 / "line N: …".
    pub fn msg(&self) -> Msg {
        Msg::new("roster-line")
            .num("line", self.line as i64)
            .msg("message", self.kind.msg())
    }
}

impl CheckDigitWarning {
    pub fn msg(&self) -> Msg {
        Msg::new("roster-line").num("line", self.line as i64).msg(
            "message",
            Msg::new("roster-warning-check-digit")
                .str("number", self.number.as_str())
                .str("expected", self.expected.to_string()),
        )
    }
}

/// Cleans a free-text field: control and zero-width characters removed, trimmed.
fn clean(s: &str) -> String {
    text::clean(s).trim().to_string()
}

/// A channel as Discord shows it in a message (`<#123>`) or as an id.
fn clean_channel(s: &str) -> String {
    let s = clean(s);
    match s.strip_prefix("<#").and_then(|r| r.strip_suffix('>')) {
        Some(id) if !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()) => id.to_string(),
        _ => s,
    }
}

/// Line numbers from byte offsets. (The csv crate's own line count goes
/// wrong after CRLF line ends; its byte offsets point at or before the start
/// of a record, with only line-end bytes in between.)
struct LineCounter<'a> {
    bytes: &'a [u8],
    pos: usize,
    /// Newlines before `pos`.
    newlines: u64,
}

impl<'a> LineCounter<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        LineCounter {
            bytes,
            pos: 0,
            newlines: 0,
        }
    }

    /// The 1-based line of the record reported at byte `offset` (offsets
    /// only grow).
    fn line_at(&mut self, offset: u64) -> u64 {
        let mut start = (offset as usize).clamp(self.pos, self.bytes.len());
        while start < self.bytes.len() && matches!(self.bytes[start], b'\r' | b'\n') {
            start += 1;
        }
        self.newlines += self.bytes[self.pos..start].iter().filter(|b| **b == b'\n').count() as u64;
        self.pos = start;
        self.newlines + 1
    }
}

struct Header {
    /// Column of each field.
    columns: Vec<Column>,
    index: [Option<usize>; 6],
}

fn parse_header(line: u64, fields: &[&[u8]]) -> Result<Header, Vec<RowError>> {
    let mut errors = Vec::new();
    let mut columns = Vec::new();
    let mut index = [None; 6];
    for (i, f) in fields.iter().enumerate() {
        let Ok(s) = std::str::from_utf8(f) else {
            return Err(vec![RowError {
                line,
                kind: RowErrorKind::Utf8,
            }]);
        };
        let name = text::fold(&text::clean(s));
        match Column::parse(&name) {
            Some(c) if index[c as usize].is_some() => errors.push(RowError {
                line,
                kind: RowErrorKind::HeaderDuplicate(name),
            }),
            Some(c) => {
                index[c as usize] = Some(i);
                columns.push(c);
            }
            None => errors.push(RowError {
                line,
                kind: RowErrorKind::HeaderUnknown(s.trim().to_string()),
            }),
        }
    }
    for c in REQUIRED {
        if index[c as usize].is_none() {
            errors.push(RowError {
                line,
                kind: RowErrorKind::HeaderMissing(c.as_str()),
            });
        }
    }
    if errors.is_empty() {
        Ok(Header { columns, index })
    } else {
        Err(errors)
    }
}

/// Reads a roster. A UTF-8 BOM and CRLF line ends are accepted, lines whose
/// fields are all empty are skipped. Either every row is valid, or every
/// problem is returned (in line order) and no row at all.
pub fn parse(bytes: &[u8]) -> Result<Roster, Vec<RowError>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut record = csv::ByteRecord::new();
    let mut header: Option<Header> = None;
    let mut roster = Roster::default();
    let mut errors = Vec::new();
    let mut numbers: HashMap<OfficeNumber, u64> = HashMap::new();
    let mut channels: HashMap<String, (u64, OfficeNumber)> = HashMap::new();
    let mut lines = LineCounter::new(bytes);
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let line = e.position().map_or(0, |p| lines.line_at(p.byte()));
                errors.push(RowError {
                    line,
                    kind: RowErrorKind::Csv(e.to_string()),
                });
                break;
            }
        }
        let line = record.position().map_or(0, |p| lines.line_at(p.byte()));
        if record.iter().all(|f| f.iter().all(|b| b.is_ascii_whitespace())) {
            continue;
        }
        let fields: Vec<&[u8]> = record.iter().collect();
        let Some(h) = &header else {
            header = Some(parse_header(line, &fields)?);
            continue;
        };
        if fields.len() != h.columns.len() {
            errors.push(RowError {
                line,
                kind: RowErrorKind::Columns {
                    expected: h.columns.len(),
                    found: fields.len(),
                },
            });
            continue;
        }
        let Ok(fields) = fields
            .iter()
            .map(|f| std::str::from_utf8(f))
            .collect::<Result<Vec<&str>, _>>()
        else {
            errors.push(RowError {
                line,
                kind: RowErrorKind::Utf8,
            });
            continue;
        };
        let field = |c: Column| h.index[c as usize].map_or("", |i| fields[i]);
        let before = errors.len();
        let mut fail = |kind| errors.push(RowError { line, kind });

        let raw_number = field(Column::Number);
        let parsed = match OfficeNumber::parse(raw_number) {
            Ok(p) => Some(p),
            Err(error) => {
                fail(RowErrorKind::Number {
                    value: clean(raw_number),
                    error,
                });
                None
            }
        };
        let name = clean(field(Column::Name));
        if name.is_empty() {
            fail(RowErrorKind::EmptyName);
        } else if name.chars().count() > MAX_NAME {
            fail(RowErrorKind::NameTooLong { max: MAX_NAME });
        }
        let raw_mode = clean(field(Column::Mode));
        let mode = if raw_mode.is_empty() {
            fail(RowErrorKind::EmptyMode);
            None
        } else {
            match raw_mode.parse::<Mode>() {
                Ok(m) => Some(m),
                Err(()) => {
                    fail(RowErrorKind::BadMode(raw_mode));
                    None
                }
            }
        };
        let software = Some(clean(field(Column::Software))).filter(|s| !s.is_empty());
        if software.as_ref().is_some_and(|s| s.chars().count() > MAX_NAME) {
            fail(RowErrorKind::SoftwareTooLong { max: MAX_NAME });
        }
        let channel = Some(clean_channel(field(Column::Channel))).filter(|s| !s.is_empty());
        if channel.as_ref().is_some_and(|s| s.chars().count() > MAX_NAME) {
            fail(RowErrorKind::ChannelTooLong { max: MAX_NAME });
        }
        let agent = Some(clean(field(Column::Agent))).filter(|s| !s.is_empty());
        if agent.as_ref().is_some_and(|s| s.chars().count() > MAX_NAME) {
            fail(RowErrorKind::AgentTooLong { max: MAX_NAME });
        } else if agent.is_some() && mode.is_some_and(|m| m != Mode::Proxy) {
            fail(RowErrorKind::AgentNeedsProxy);
        }
        if let Some(p) = &parsed {
            match numbers.get(&p.number) {
                Some(first) => fail(RowErrorKind::DuplicateNumber {
                    number: p.number.to_string(),
                    first: *first,
                }),
                None => {
                    numbers.insert(p.number.clone(), line);
                    if let Some(ch) = &channel {
                        match channels.get(ch) {
                            Some((first, other)) if *other != p.number => fail(RowErrorKind::DuplicateChannel {
                                channel: ch.clone(),
                                first: *first,
                            }),
                            Some(_) => {}
                            None => {
                                channels.insert(ch.clone(), (line, p.number.clone()));
                            }
                        }
                    }
                }
            }
        }
        if errors.len() > before {
            continue;
        }
        let (Some(parsed), Some(mode)) = (parsed, mode) else {
            continue;
        };
        if let Some(expected) = parsed.check_digit_mismatch {
            roster.warnings.push(CheckDigitWarning {
                line,
                number: parsed.number.clone(),
                expected,
            });
        }
        roster.rows.push(Row {
            line,
            number: parsed.number,
            name,
            mode,
            software,
            channel,
            agent,
        });
    }
    if header.is_none() && errors.is_empty() {
        errors.push(RowError {
            line: 1,
            kind: RowErrorKind::Empty,
        });
    }
    if errors.is_empty() {
        Ok(roster)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(r: Result<Roster, Vec<RowError>>) -> Vec<(u64, RowErrorKind)> {
        r.unwrap_err().into_iter().map(|e| (e.line, e.kind)).collect()
    }

    #[test]
    fn bom_crlf_japanese_modes_and_optional_columns() {
        let csv = "\u{feff}number,name,mode,software,channel\r\n\
                   1370100016,あおば介護,代理請求,,<#42>\r\n\
                   1370100024 ,\"みどり, 訪問\",事業所請求,ソフトA,\r\n\
                   ,,,,\r\n\
                   13A0100016,さくら,代行,,c3\r\n";
        let r = parse(csv.as_bytes()).unwrap();
        assert_eq!(r.rows.len(), 3);
        assert_eq!(r.rows[0].mode, Mode::Proxy);
        assert_eq!(r.rows[0].channel.as_deref(), Some("42"));
        assert_eq!(r.rows[1].name, "みどり, 訪問");
        assert_eq!(r.rows[1].software.as_deref(), Some("ソフトA"));
        assert_eq!(r.rows[1].channel, None);
        assert_eq!(r.rows[2].line, 5);
        assert_eq!(r.rows[2].mode, Mode::Vendor);
        // Only 13A0100016 fails its check digit (computed: 9); the others pass.
        let warnings: Vec<(u64, &str, char)> = r
            .warnings
            .iter()
            .map(|w| (w.line, w.number.as_str(), w.expected))
            .collect();
        assert_eq!(warnings, vec![(5, "13A0100016", '9')]);
    }

    #[test]
    fn header_problems() {
        assert_eq!(
            kinds(parse(b"number,title,mode\n")),
            vec![
                (1, RowErrorKind::HeaderUnknown("title".into())),
                (1, RowErrorKind::HeaderMissing("name"))
            ]
        );
        assert_eq!(kinds(parse(b"")), vec![(1, RowErrorKind::Empty)]);
        // Without software and channel columns.
        let r = parse(b"Number,Name,Mode\n1370100016,a,direct\n").unwrap();
        assert_eq!(r.rows[0].software, None);
    }

    #[test]
    fn every_bad_row_with_its_line() {
        let csv = "number,name,mode,software,channel\r\n\
                   1370100016,a,direct,,c1\r\n\
                   4870100016,b,direct,,\r\n\
                   1370100024,,proxy,,\r\n\
                   1370100057,c,mail,,\n\
                   1370100016,d,direct,,\n\
                   1370100032,e,direct\n\
                   1370100040,f,direct,,c1\n";
        let k = kinds(parse(csv.as_bytes()));
        let lines: Vec<u64> = k.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, vec![3, 4, 5, 6, 7, 8]);
        assert!(matches!(k[2].1, RowErrorKind::BadMode(_)));
        assert_eq!(
            k[3].1,
            RowErrorKind::DuplicateNumber {
                number: "1370100016".into(),
                first: 2
            }
        );
        assert_eq!(k[4].1, RowErrorKind::Columns { expected: 5, found: 3 });
        assert_eq!(
            k[5].1,
            RowErrorKind::DuplicateChannel {
                channel: "c1".into(),
                first: 2
            }
        );
    }

    #[test]
    fn broken_utf8_and_check_digit_warning() {
        let mut csv = b"number,name,mode\n1370100016,ok,direct\n1370100024,".to_vec();
        csv.extend_from_slice(&[0xff, 0xfe]);
        csv.extend_from_slice(b",direct\n");
        assert_eq!(kinds(parse(&csv)), vec![(3, RowErrorKind::Utf8)]);
        let r = parse(b"number,name,mode\n1370100015,x,direct\n").unwrap();
        assert_eq!(r.warnings.len(), 1);
        assert_eq!(r.warnings[0].line, 2);
        assert_eq!(r.warnings[0].expected, '6');
    }
}
