//! The backup format of `export` and `import FILE.json`: the whole data
//! directory as one JSON object ([`Dump`]). Pure serde: written and read as a
//! stream, so a dump of every care office in Japan never sits in memory whole.
//! The store feeds and consumes it (`Store::export_json`, `Store::restore_json`);
//! this module knows nothing of the store.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::io::{Read, Write};

use serde::de::{self, DeserializeOwned, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::ser::{self, SerializeMap, SerializeSeq, SerializeStruct};
use serde::{Deserialize, Serialize, Serializer};
use serde_json::value::RawValue;

use crate::model::{
    record_version, Agent, CertificateDates, Event, Handoff, Office, TaughtEntry, Unanswered, MAX_NAME, RECORD_VERSION,
    SCHEMA_VERSION,
};
use crate::office_number::OfficeNumber;
use crate::reply::Msg;
use crate::text;

/// The whole data directory. `export` writes exactly
/// `serde_json::to_writer(&dump)` followed by a newline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dump {
    /// The data directory's layout version.
    pub schema: u32,
    /// Every office, in number order.
    pub offices: Vec<Office>,
    /// Channel → the office bound to it.
    pub channels: BTreeMap<String, OfficeNumber>,
    /// Each office's history, oldest first.
    pub history: BTreeMap<OfficeNumber, Vec<Event>>,
    /// Questions the bot could not answer, oldest first.
    pub unanswered: Vec<Unanswered>,
    /// Reminders already sent: key → when (unix seconds).
    #[serde(default)]
    pub reminders: BTreeMap<String, i64>,
    /// Small values kept across restarts (not the schema version).
    #[serde(default)]
    pub meta: BTreeMap<String, String>,
    /// Every 代理人, in key order (absent in backups from before 代理人).
    #[serde(default)]
    pub agents: Vec<Agent>,
    /// Channel → the 代理人 bound to it (its key).
    #[serde(default)]
    pub agent_channels: BTreeMap<String, String>,
    /// Each 代理人's history, oldest first.
    #[serde(default)]
    pub agent_history: BTreeMap<String, Vec<Event>>,
    /// Requests for a person, oldest first (the thread index is rebuilt).
    #[serde(default)]
    pub handoffs: Vec<Handoff>,
    /// FAQ entries and phrasings staff taught, oldest first.
    #[serde(default)]
    pub taught: Vec<TaughtEntry>,
}

const FIELDS: &[&str] = &[
    "schema",
    "offices",
    "channels",
    "history",
    "unanswered",
    "reminders",
    "meta",
    "agents",
    "agent_channels",
    "agent_history",
    "handoffs",
    "taught",
];

/// One record read from a dump, in file order.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Schema(u32),
    Office(Office),
    Channel(String, OfficeNumber),
    History(OfficeNumber, Event),
    Unanswered(Unanswered),
    Reminder(String, i64),
    Meta(String, String),
    Agent(Agent),
    AgentChannel(String, String),
    AgentHistory(String, Event),
    Handoff(Handoff),
    Taught(TaughtEntry),
}

/// What is wrong with a dump's content (its JSON being well formed).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DumpProblem {
    #[error("no schema field")]
    NoSchema,
    #[error("schema {0} is newer than this build reads")]
    NewerSchema(u32),
    #[error("record version {0} is newer than this build reads")]
    NewerRecord(u32),
    #[error("office {0} appears twice")]
    DuplicateOffice(String),
    #[error("event {seq} of office {office} appears twice")]
    DuplicateEvent { office: String, seq: u64 },
    #[error("channel {channel} is bound to office {number}, which is not in the dump")]
    ChannelUnknownOffice { channel: String, number: String },
    #[error("history of office {0}, which is not in the dump")]
    HistoryUnknownOffice(String),
    #[error("代理人 {0} appears twice")]
    DuplicateAgent(String),
    /// An office, a channel or a history names a 代理人 the dump lacks.
    #[error("{what} names the 代理人 {agent}, which is not in the dump")]
    UnknownAgent { what: String, agent: String },
    /// A 代理人's history is not 1..=revision without gaps.
    #[error("代理人 {agent}: history has {events} events for revision {revision}")]
    AgentHistoryGap { agent: String, revision: u64, events: u64 },
    /// A 代理人 and its channel binding disagree, or the channel is an office's too.
    #[error("channel {channel} and 代理人 {agent} do not name each other")]
    AgentChannelMismatch { channel: String, agent: String },
    /// A value the bot would never have stored (too long, control
    /// characters, a revision or time out of range).
    #[error("office {number}: {field} is not a value the bot stores")]
    BadValue { number: String, field: &'static str },
    /// An office's history is not 1..=revision without gaps.
    #[error("office {number}: history has {events} events for revision {revision}")]
    HistoryGap { number: String, revision: u64, events: u64 },
    /// An office and its channel binding disagree.
    #[error("channel {channel} and office {number} do not name each other")]
    ChannelMismatch { channel: String, number: String },
    /// Two requests or two taught entries with one id (`what`: which kind).
    #[error("{what} #{id} appears twice")]
    DuplicateId { what: &'static str, id: u64 },
    /// A request or taught entry holding a value the bot would never store.
    #[error("{what} #{id}: {field} is not a value the bot stores")]
    BadRecord {
        what: &'static str,
        id: u64,
        field: &'static str,
    },
    /// The receiver could not take the record (a storage error, kept by it).
    #[error("writing stopped: {0}")]
    Write(String),
}

/// Why a dump could not be read (or checked).
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("line {line}, column {column}: {detail}")]
    Json { line: usize, column: usize, detail: String },
    #[error("line {line}: {problem}")]
    Problem { line: usize, problem: DumpProblem },
    #[error("{0}")]
    Io(String),
}

impl DumpProblem {
    pub fn msg(&self) -> Msg {
        use DumpProblem::*;
        match self {
            NoSchema => Msg::new("roster-restore-no-schema"),
            NewerSchema(found) => Msg::new("roster-restore-newer-schema")
                .num("found", *found as i64)
                .num("supported", SCHEMA_VERSION as i64),
            NewerRecord(found) => Msg::new("roster-restore-newer-record")
                .num("found", *found as i64)
                .num("supported", RECORD_VERSION as i64),
            DuplicateOffice(n) => Msg::new("roster-restore-duplicate-office").str("number", n),
            DuplicateEvent { office, seq } => Msg::new("roster-restore-duplicate-event")
                .str("number", office)
                .num("seq", *seq as i64),
            ChannelUnknownOffice { channel, number } => Msg::new("roster-restore-channel-unknown")
                .str("channel", channel)
                .str("number", number),
            HistoryUnknownOffice(n) => Msg::new("roster-restore-history-unknown").str("number", n),
            DuplicateAgent(a) => Msg::new("roster-restore-duplicate-agent").str("agent", a),
            UnknownAgent { what, agent } => Msg::new("roster-restore-unknown-agent")
                .str("what", what)
                .str("agent", agent),
            AgentHistoryGap {
                agent,
                revision,
                events,
            } => Msg::new("roster-restore-agent-history-gap")
                .str("agent", agent)
                .num("revision", *revision as i64)
                .num("events", *events as i64),
            AgentChannelMismatch { channel, agent } => Msg::new("roster-restore-agent-channel-mismatch")
                .str("channel", channel)
                .str("agent", agent),
            BadValue { number, field } => Msg::new("roster-restore-bad-value")
                .str("number", number)
                .str("field", *field),
            HistoryGap {
                number,
                revision,
                events,
            } => Msg::new("roster-restore-history-gap")
                .str("number", number)
                .num("revision", *revision as i64)
                .num("events", *events as i64),
            ChannelMismatch { channel, number } => Msg::new("roster-restore-channel-mismatch")
                .str("channel", channel)
                .str("number", number),
            DuplicateId { what, id } => Msg::new("roster-restore-duplicate-id")
                .msg("what", Msg::new(format!("roster-restore-what-{what}")))
                .num("id", *id as i64),
            BadRecord { what, id, field } => Msg::new("roster-restore-bad-record")
                .msg("what", Msg::new(format!("roster-restore-what-{what}")))
                .num("id", *id as i64)
                .str("field", *field),
            Write(detail) => Msg::new("roster-error-store").str("detail", detail),
        }
    }
}

impl ReadError {
    /// The localized message.
    pub fn msg(&self) -> Msg {
        match self {
            ReadError::Json { line, column, detail } => Msg::new("roster-restore-json")
                .num("line", *line as i64)
                .num("column", *column as i64)
                .str("detail", detail),
            ReadError::Problem { line: 0, problem } => problem.msg(),
            ReadError::Problem { line, problem } => Msg::new("roster-line")
                .num("line", *line as i64)
                .msg("message", problem.msg()),
            ReadError::Io(detail) => Msg::new("roster-error-read").str("detail", detail),
        }
    }
}

// ---------------------------------------------------------------- writing

/// A sequence serialized straight from an iterator.
struct SeqOf<I>(RefCell<Option<I>>);

impl<T, E, I> Serialize for SeqOf<I>
where
    T: Serialize,
    E: fmt::Display,
    I: Iterator<Item = Result<T, E>>,
{
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let it = self
            .0
            .borrow_mut()
            .take()
            .ok_or_else(|| <S::Error as ser::Error>::custom("a dump section can be written once"))?;
        let mut seq = s.serialize_seq(None)?;
        for item in it {
            seq.serialize_element(&item.map_err(ser::Error::custom)?)?;
        }
        seq.end()
    }
}

/// A map serialized straight from an iterator of pairs.
struct MapOf<I>(RefCell<Option<I>>);

impl<K, V, E, I> Serialize for MapOf<I>
where
    K: Serialize,
    V: Serialize,
    E: fmt::Display,
    I: Iterator<Item = Result<(K, V), E>>,
{
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let it = self
            .0
            .borrow_mut()
            .take()
            .ok_or_else(|| <S::Error as ser::Error>::custom("a dump section can be written once"))?;
        let mut map = s.serialize_map(None)?;
        for item in it {
            let (k, v) = item.map_err(ser::Error::custom)?;
            map.serialize_entry(&k, &v)?;
        }
        map.end()
    }
}

/// The sections of a dump as iterators (the store's trees, in key order).
pub struct Sections<O, C, H, U, R, M, A, AC, AH, Q, T> {
    pub schema: u32,
    pub offices: O,
    pub channels: C,
    pub history: H,
    pub unanswered: U,
    pub reminders: R,
    pub meta: M,
    pub agents: A,
    pub agent_channels: AC,
    pub agent_history: AH,
    pub handoffs: Q,
    pub taught: T,
}

/// Writes a dump as it is read from the store: the same bytes as
/// `serde_json::to_writer(w, &Dump)` plus a newline.
#[allow(clippy::type_complexity)]
pub fn write_json<W, E, O, C, H, U, R, M, A, AC, AH, Q, T>(
    w: W,
    sections: Sections<O, C, H, U, R, M, A, AC, AH, Q, T>,
) -> Result<(), serde_json::Error>
where
    W: Write,
    E: fmt::Display,
    O: Iterator<Item = Result<Office, E>>,
    C: Iterator<Item = Result<(String, OfficeNumber), E>>,
    H: Iterator<Item = Result<(OfficeNumber, Vec<Event>), E>>,
    U: Iterator<Item = Result<Unanswered, E>>,
    R: Iterator<Item = Result<(String, i64), E>>,
    M: Iterator<Item = Result<(String, String), E>>,
    A: Iterator<Item = Result<Agent, E>>,
    AC: Iterator<Item = Result<(String, String), E>>,
    AH: Iterator<Item = Result<(String, Vec<Event>), E>>,
    Q: Iterator<Item = Result<Handoff, E>>,
    T: Iterator<Item = Result<TaughtEntry, E>>,
{
    let mut ser = serde_json::Serializer::new(w);
    let mut st = (&mut ser).serialize_struct("Dump", FIELDS.len())?;
    st.serialize_field("schema", &sections.schema)?;
    st.serialize_field("offices", &SeqOf(RefCell::new(Some(sections.offices))))?;
    st.serialize_field("channels", &MapOf(RefCell::new(Some(sections.channels))))?;
    st.serialize_field("history", &MapOf(RefCell::new(Some(sections.history))))?;
    st.serialize_field("unanswered", &SeqOf(RefCell::new(Some(sections.unanswered))))?;
    st.serialize_field("reminders", &MapOf(RefCell::new(Some(sections.reminders))))?;
    st.serialize_field("meta", &MapOf(RefCell::new(Some(sections.meta))))?;
    st.serialize_field("agents", &SeqOf(RefCell::new(Some(sections.agents))))?;
    st.serialize_field("agent_channels", &MapOf(RefCell::new(Some(sections.agent_channels))))?;
    st.serialize_field("agent_history", &MapOf(RefCell::new(Some(sections.agent_history))))?;
    st.serialize_field("handoffs", &SeqOf(RefCell::new(Some(sections.handoffs))))?;
    st.serialize_field("taught", &SeqOf(RefCell::new(Some(sections.taught))))?;
    SerializeStruct::end(st)?;
    let mut w = ser.into_inner();
    w.write_all(b"\n").map_err(serde_json::Error::io)?;
    w.flush().map_err(serde_json::Error::io)
}

// ---------------------------------------------------------------- reading

/// Receives each record; an `Err` stops the reading.
pub type Sink<'a> = dyn FnMut(Item) -> Result<(), DumpProblem> + 'a;

/// Carries the sink and the problem that stopped it (serde errors are text).
struct Ctx<'s, 'a> {
    sink: &'s mut Sink<'a>,
    problem: Option<DumpProblem>,
}

impl Ctx<'_, '_> {
    fn send<E: de::Error>(&mut self, item: Item) -> Result<(), E> {
        (self.sink)(item).map_err(|p| self.stop(p))
    }

    /// The record read, or the newer one that stops the reading.
    fn record<T, E: de::Error>(&mut self, r: Versioned<T>) -> Result<T, E> {
        match r {
            Versioned::Read(t) => Ok(t),
            Versioned::Newer(v) => Err(self.stop(DumpProblem::NewerRecord(v))),
        }
    }

    fn stop<E: de::Error>(&mut self, p: DumpProblem) -> E {
        let e = E::custom(&p);
        self.problem = Some(p);
        e
    }
}

/// A record read as the store reads one, its version first: a newer record
/// is not parsed (its kinds and fields may be unknown to this build), it is
/// newer, as `check` says of it in a data directory.
enum Versioned<T> {
    Read(T),
    Newer(u32),
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for Versioned<T> {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = Box::<RawValue>::deserialize(d)?;
        let text = raw.get();
        let v = record_version(text.as_bytes()).map_err(|e| de::Error::custom(detail(&e)))?;
        if v > RECORD_VERSION {
            return Ok(Versioned::Newer(v));
        }
        serde_json::from_str(text)
            .map(Versioned::Read)
            .map_err(|e| de::Error::custom(detail(&e)))
    }
}

struct DumpSeed<'c, 's, 'a>(&'c mut Ctx<'s, 'a>);

impl<'de> DeserializeSeed<'de> for DumpSeed<'_, '_, '_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for DumpSeed<'_, '_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a seikyu-navi export (a JSON object)")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let ctx = self.0;
        let mut seen = [false; FIELDS.len()];
        while let Some(key) = map.next_key::<String>()? {
            let Some(i) = FIELDS.iter().position(|f| *f == key) else {
                return Err(de::Error::unknown_field(&key, FIELDS));
            };
            if seen[i] {
                return Err(de::Error::duplicate_field(FIELDS[i]));
            }
            seen[i] = true;
            match i {
                0 => {
                    let v: u32 = map.next_value()?;
                    ctx.send(Item::Schema(v))?;
                }
                _ => map.next_value_seed(Section {
                    ctx: &mut *ctx,
                    which: i,
                })?,
            }
        }
        if !seen[0] {
            ctx.problem = Some(DumpProblem::NoSchema);
            return Err(de::Error::missing_field("schema"));
        }
        Ok(())
    }
}

struct Section<'c, 's, 'a> {
    ctx: &'c mut Ctx<'s, 'a>,
    which: usize,
}

impl<'de> DeserializeSeed<'de> for Section<'_, '_, '_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        match self.which {
            1 | 4 | 7 | 10 | 11 => d.deserialize_seq(self),
            _ => d.deserialize_map(self),
        }
    }
}

impl<'de> Visitor<'de> for Section<'_, '_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "the {} section", FIELDS[self.which])
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        match self.which {
            1 => {
                while let Some(r) = seq.next_element::<Versioned<Office>>()? {
                    let o = self.ctx.record(r)?;
                    self.ctx.send(Item::Office(o))?;
                }
            }
            4 => {
                while let Some(r) = seq.next_element::<Versioned<Unanswered>>()? {
                    let q = self.ctx.record(r)?;
                    self.ctx.send(Item::Unanswered(q))?;
                }
            }
            7 => {
                while let Some(r) = seq.next_element::<Versioned<Agent>>()? {
                    let a = self.ctx.record(r)?;
                    self.ctx.send(Item::Agent(a))?;
                }
            }
            10 => {
                while let Some(r) = seq.next_element::<Versioned<Handoff>>()? {
                    let h = self.ctx.record(r)?;
                    self.ctx.send(Item::Handoff(h))?;
                }
            }
            11 => {
                while let Some(r) = seq.next_element::<Versioned<TaughtEntry>>()? {
                    let t = self.ctx.record(r)?;
                    self.ctx.send(Item::Taught(t))?;
                }
            }
            _ => return Err(de::Error::invalid_type(de::Unexpected::Seq, &self)),
        }
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        match self.which {
            2 => {
                while let Some((ch, n)) = map.next_entry::<String, OfficeNumber>()? {
                    self.ctx.send(Item::Channel(ch, n))?;
                }
            }
            5 => {
                while let Some((k, at)) = map.next_entry::<String, i64>()? {
                    self.ctx.send(Item::Reminder(k, at))?;
                }
            }
            6 => {
                while let Some((k, v)) = map.next_entry::<String, String>()? {
                    self.ctx.send(Item::Meta(k, v))?;
                }
            }
            3 => {
                while let Some(n) = map.next_key::<OfficeNumber>()? {
                    map.next_value_seed(Events {
                        ctx: &mut *self.ctx,
                        owner: Owner::Office(n),
                    })?;
                }
            }
            8 => {
                while let Some((ch, a)) = map.next_entry::<String, String>()? {
                    self.ctx.send(Item::AgentChannel(ch, a))?;
                }
            }
            9 => {
                while let Some(a) = map.next_key::<String>()? {
                    map.next_value_seed(Events {
                        ctx: &mut *self.ctx,
                        owner: Owner::Agent(a),
                    })?;
                }
            }
            _ => return Err(de::Error::invalid_type(de::Unexpected::Map, &self)),
        }
        Ok(())
    }
}

/// Whose history a list of events is.
enum Owner {
    Office(OfficeNumber),
    Agent(String),
}

struct Events<'c, 's, 'a> {
    ctx: &'c mut Ctx<'s, 'a>,
    owner: Owner,
}

impl<'de> DeserializeSeed<'de> for Events<'_, '_, '_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Events<'_, '_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of history events")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(r) = seq.next_element::<Versioned<Event>>()? {
            let e = self.ctx.record(r)?;
            let item = match &self.owner {
                Owner::Office(n) => Item::History(n.clone(), e),
                Owner::Agent(a) => Item::AgentHistory(a.clone(), e),
            };
            self.ctx.send(item)?;
        }
        Ok(())
    }
}

/// Reads a dump from `r`, handing each record to `sink` in file order.
pub fn read_json<R: Read>(r: R, sink: &mut Sink<'_>) -> Result<(), ReadError> {
    let mut ctx = Ctx { sink, problem: None };
    let mut de = serde_json::Deserializer::from_reader(r);
    let res = DumpSeed(&mut ctx).deserialize(&mut de).and_then(|()| de.end());
    match res {
        Ok(()) => Ok(()),
        Err(e) if e.is_io() => Err(ReadError::Io(e.to_string())),
        Err(e) => Err(match ctx.problem.take() {
            Some(problem) => ReadError::Problem {
                line: e.line(),
                problem,
            },
            None => ReadError::Json {
                line: e.line(),
                column: e.column(),
                detail: detail(&e),
            },
        }),
    }
}

/// serde_json's message without its " at line N column M" tail.
fn detail(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// How many records of each kind a dump holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub offices: usize,
    pub channels: usize,
    pub history: usize,
    pub unanswered: usize,
    pub reminders: usize,
    pub agents: usize,
    pub handoffs: usize,
    pub taught: usize,
}

/// Checks a dump without writing anything: well-formed JSON, a schema and
/// record versions this build reads, no office or event twice, every channel
/// and history pointing at an office in the dump.
pub fn check<R: Read>(r: R) -> Result<Counts, ReadError> {
    let mut counts = Counts::default();
    // Office → (revision, channel).
    let mut offices: HashMap<OfficeNumber, (u64, Option<String>)> = HashMap::new();
    // Referenced offices, with what refers to them (checked at the end).
    let mut channel_refs: Vec<(String, OfficeNumber)> = Vec::new();
    let mut history_refs: HashMap<OfficeNumber, HashSet<u64>> = HashMap::new();
    // 代理人 → (revision, channel); the offices naming one; their channels and histories.
    let mut agents: HashMap<String, (u64, Option<String>)> = HashMap::new();
    let mut office_agents: Vec<(OfficeNumber, String)> = Vec::new();
    let mut agent_channel_refs: Vec<(String, String)> = Vec::new();
    let mut agent_history_refs: HashMap<String, HashSet<u64>> = HashMap::new();
    let mut handoff_ids: HashSet<u64> = HashSet::new();
    let mut taught_ids: HashSet<u64> = HashSet::new();
    let mut sink = |item: Item| -> Result<(), DumpProblem> {
        // A record newer than this build stopped the reading before it was
        // parsed (`Versioned`); the layout is checked here.
        if let Item::Schema(found) = &item {
            if *found > SCHEMA_VERSION {
                return Err(DumpProblem::NewerSchema(*found));
            }
        }
        match item {
            Item::Schema(_) => {}
            Item::Office(o) => {
                counts.offices += 1;
                check_office(&o)?;
                if let Some(a) = &o.agent {
                    office_agents.push((o.number.clone(), a.clone()));
                }
                if offices
                    .insert(o.number.clone(), (o.revision, o.channel.clone()))
                    .is_some()
                {
                    return Err(DumpProblem::DuplicateOffice(o.number.to_string()));
                }
            }
            Item::Channel(ch, n) => {
                counts.channels += 1;
                channel_refs.push((ch, n));
            }
            Item::History(n, e) => {
                counts.history += 1;
                if !(1..=MAX_REVISION).contains(&e.seq) || !time_ok(e.at) {
                    return Err(DumpProblem::BadValue {
                        number: n.to_string(),
                        field: "history",
                    });
                }
                if !history_refs.entry(n.clone()).or_default().insert(e.seq) {
                    return Err(DumpProblem::DuplicateEvent {
                        office: n.to_string(),
                        seq: e.seq,
                    });
                }
            }
            Item::Unanswered(_) => counts.unanswered += 1,
            Item::Reminder(..) => counts.reminders += 1,
            Item::Meta(..) => {}
            Item::Agent(a) => {
                counts.agents += 1;
                check_agent(&a)?;
                if agents.insert(a.key.clone(), (a.revision, a.channel.clone())).is_some() {
                    return Err(DumpProblem::DuplicateAgent(a.key));
                }
            }
            Item::AgentChannel(ch, a) => agent_channel_refs.push((ch, a)),
            Item::AgentHistory(a, e) => {
                if !(1..=MAX_REVISION).contains(&e.seq) || !time_ok(e.at) {
                    return Err(DumpProblem::BadValue {
                        number: a,
                        field: "history",
                    });
                }
                if !agent_history_refs.entry(a.clone()).or_default().insert(e.seq) {
                    return Err(DumpProblem::DuplicateEvent { office: a, seq: e.seq });
                }
            }
            Item::Handoff(h) => {
                counts.handoffs += 1;
                check_handoff(&h)?;
                if !handoff_ids.insert(h.id) {
                    return Err(DumpProblem::DuplicateId {
                        what: "handoff",
                        id: h.id,
                    });
                }
            }
            Item::Taught(t) => {
                counts.taught += 1;
                check_taught(&t)?;
                if !taught_ids.insert(t.id) {
                    return Err(DumpProblem::DuplicateId {
                        what: "taught",
                        id: t.id,
                    });
                }
            }
        }
        Ok(())
    };
    read_json(r, &mut sink)?;
    let unknown = |problem| ReadError::Problem { line: 0, problem };
    check_agents(
        &agents,
        &office_agents,
        &agent_channel_refs,
        &agent_history_refs,
        &channel_refs,
    )
    .map_err(unknown)?;
    let mut bound: HashMap<&str, &OfficeNumber> = HashMap::new();
    for (ch, n) in &channel_refs {
        match offices.get(n) {
            None => {
                return Err(unknown(DumpProblem::ChannelUnknownOffice {
                    channel: ch.clone(),
                    number: n.to_string(),
                }))
            }
            Some((_, c)) if c.as_deref() != Some(ch.as_str()) => {
                return Err(unknown(DumpProblem::ChannelMismatch {
                    channel: ch.clone(),
                    number: n.to_string(),
                }))
            }
            Some(_) => {
                bound.insert(ch.as_str(), n);
            }
        }
    }
    let mut numbers: Vec<&OfficeNumber> = offices.keys().collect();
    numbers.sort();
    for n in numbers {
        let (revision, channel) = &offices[n];
        if let Some(ch) = channel {
            if bound.get(ch.as_str()) != Some(&n) {
                return Err(unknown(DumpProblem::ChannelMismatch {
                    channel: ch.clone(),
                    number: n.to_string(),
                }));
            }
        }
        // Seqs are distinct and at least 1: 1..=revision exactly when there
        // are `revision` of them, none above it.
        let seqs = history_refs.get(n);
        let events = seqs.map_or(0, |s| s.len() as u64);
        let max = seqs.and_then(|s| s.iter().max().copied()).unwrap_or(0);
        if events != *revision || max != *revision {
            return Err(unknown(DumpProblem::HistoryGap {
                number: n.to_string(),
                revision: *revision,
                events,
            }));
        }
    }
    let mut orphans: Vec<&OfficeNumber> = history_refs.keys().filter(|n| !offices.contains_key(*n)).collect();
    orphans.sort();
    if let Some(n) = orphans.first() {
        return Err(unknown(DumpProblem::HistoryUnknownOffice(n.to_string())));
    }
    Ok(counts)
}

/// The 代理人 part of a dump: every office, channel and history names a
/// 代理人 in it; each 代理人 and its channel name each other, and no channel
/// is an office's too; each history is 1..=revision.
fn check_agents(
    agents: &HashMap<String, (u64, Option<String>)>,
    office_agents: &[(OfficeNumber, String)],
    channels: &[(String, String)],
    histories: &HashMap<String, HashSet<u64>>,
    office_channels: &[(String, OfficeNumber)],
) -> Result<(), DumpProblem> {
    let unknown = |what: String, agent: &str| DumpProblem::UnknownAgent {
        what,
        agent: agent.to_string(),
    };
    for (n, a) in office_agents {
        if !agents.contains_key(a) {
            return Err(unknown(n.to_string(), a));
        }
    }
    let office_bound: HashSet<&str> = office_channels.iter().map(|(c, _)| c.as_str()).collect();
    let mut bound: HashMap<&str, &str> = HashMap::new();
    for (ch, a) in channels {
        let mismatch = || DumpProblem::AgentChannelMismatch {
            channel: ch.clone(),
            agent: a.clone(),
        };
        match agents.get(a) {
            None => return Err(unknown(ch.clone(), a)),
            Some((_, c)) if c.as_deref() != Some(ch.as_str()) => return Err(mismatch()),
            Some(_) if office_bound.contains(ch.as_str()) => return Err(mismatch()),
            Some(_) => {
                bound.insert(ch.as_str(), a.as_str());
            }
        }
    }
    let mut keys: Vec<&String> = agents.keys().collect();
    keys.sort();
    for a in keys {
        let (revision, channel) = &agents[a];
        if let Some(ch) = channel {
            if bound.get(ch.as_str()) != Some(&a.as_str()) {
                return Err(DumpProblem::AgentChannelMismatch {
                    channel: ch.clone(),
                    agent: a.clone(),
                });
            }
        }
        let seqs = histories.get(a);
        let events = seqs.map_or(0, |s| s.len() as u64);
        let max = seqs.and_then(|s| s.iter().max().copied()).unwrap_or(0);
        if events != *revision || max != *revision {
            return Err(DumpProblem::AgentHistoryGap {
                agent: a.clone(),
                revision: *revision,
                events,
            });
        }
    }
    let mut orphans: Vec<&String> = histories.keys().filter(|a| !agents.contains_key(*a)).collect();
    orphans.sort();
    match orphans.first() {
        Some(a) => Err(unknown(a.to_string(), a)),
        None => Ok(()),
    }
}

/// The highest revision a restored office may have: far more than any
/// office reaches, far from where `revision + 1` would overflow.
const MAX_REVISION: u64 = 1 << 40;

/// Times from 1970 to the end of year 9999.
fn time_ok(at: i64) -> bool {
    (0..=253_402_300_799).contains(&at)
}

/// A name as the bot stores it: cleaned, trimmed, at most `MAX_NAME` characters.
fn name_ok(s: &str, may_be_empty: bool) -> bool {
    (may_be_empty || !s.is_empty()) && s.chars().count() <= MAX_NAME && text::clean(s).trim() == s
}

fn check_agent(a: &Agent) -> Result<(), DumpProblem> {
    let bad = |field| DumpProblem::BadValue {
        number: a.key.clone(),
        field,
    };
    if !name_ok(&a.name, false) || a.key.is_empty() || a.key.contains('\0') {
        return Err(bad("name"));
    }
    if !a.software.as_deref().map_or(true, |s| name_ok(s, false)) {
        return Err(bad("software"));
    }
    if !a.channel.as_deref().map_or(true, |s| name_ok(s, false)) {
        return Err(bad("channel"));
    }
    if a.revision > MAX_REVISION {
        return Err(bad("revision"));
    }
    if !time_ok(a.registered_at) || !time_ok(a.updated_at) || !a.done.values().all(|d| time_ok(d.at)) {
        return Err(bad("time"));
    }
    if !certificate_ok(a.certificate.as_ref()) {
        return Err(bad("time"));
    }
    Ok(())
}

/// Reported certificate dates, each a time the bot stores.
fn certificate_ok(c: Option<&CertificateDates>) -> bool {
    c.iter().flat_map(|c| [c.issued, c.expires]).flatten().all(time_ok)
}

/// The longest text of a request, a staff answer or a taught entry.
pub const MAX_TEXT: usize = 4000;

/// A text as the bot stores it: cleaned (single line), at most [`MAX_TEXT`] characters.
fn text_ok(s: &str) -> bool {
    !s.trim().is_empty() && s.chars().count() <= MAX_TEXT && text::clean(s) == s
}

fn check_handoff(h: &Handoff) -> Result<(), DumpProblem> {
    let bad = |field| DumpProblem::BadRecord {
        what: "handoff",
        id: h.id,
        field,
    };
    if h.id == 0 || h.id > MAX_REVISION {
        return Err(bad("id"));
    }
    if !text_ok(&h.question) || !h.replies.iter().all(|r| text_ok(&r.text)) {
        return Err(bad("text"));
    }
    if !name_ok(&h.channel, false) || h.thread.as_deref().is_some_and(|t| !name_ok(t, false)) {
        return Err(bad("channel"));
    }
    let times = std::iter::once(h.at)
        .chain(h.replies.iter().map(|r| r.at))
        .chain(h.closed_at)
        .chain(h.recent.iter().map(|x| x.at));
    if !times.into_iter().all(time_ok) {
        return Err(bad("time"));
    }
    Ok(())
}

fn check_taught(t: &TaughtEntry) -> Result<(), DumpProblem> {
    let bad = |field| DumpProblem::BadRecord {
        what: "taught",
        id: t.id,
        field,
    };
    if t.id == 0 || t.id > MAX_REVISION {
        return Err(bad("id"));
    }
    if !text_ok(&t.question) || t.answer.as_deref().is_some_and(|a| !text_ok(a)) {
        return Err(bad("text"));
    }
    if t.answer.is_none() == t.target.is_none() {
        return Err(bad("answer"));
    }
    if !time_ok(t.at) {
        return Err(bad("time"));
    }
    Ok(())
}

fn check_office(o: &Office) -> Result<(), DumpProblem> {
    let bad = |field| DumpProblem::BadValue {
        number: o.number.to_string(),
        field,
    };
    if !name_ok(&o.name, false) {
        return Err(bad("name"));
    }
    if !o.software.as_deref().map_or(true, |s| name_ok(s, false)) {
        return Err(bad("software"));
    }
    if !o.channel.as_deref().map_or(true, |s| name_ok(s, false)) {
        return Err(bad("channel"));
    }
    if o.agent.as_deref().is_some_and(|a| a.is_empty() || a.contains('\0')) {
        return Err(bad("agent"));
    }
    if o.revision > MAX_REVISION {
        return Err(bad("revision"));
    }
    if !time_ok(o.registered_at) || !time_ok(o.updated_at) || !o.done.values().all(|d| time_ok(d.at)) {
        return Err(bad("time"));
    }
    if !o.archived.into_iter().all(time_ok) || !certificate_ok(o.certificate.as_ref()) {
        return Err(bad("time"));
    }
    Ok(())
}
