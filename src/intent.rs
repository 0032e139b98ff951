//! What an office types in its channel: a status report (a task is done
//! now), a request to the bot (what's next, how far are we, undo, help,
//! whom to call), small talk, a request for a person, or a question. Pure and
//! lexicon-based: the cues are in `locales/intent.txt`, read after the
//! same folding as questions ([`text::fold_question`]).
//!
//! The hard cases decide it: a wish or a plan (「届出を出したいんだけど」), a
//! negation (「お知らせがまだ来ない」) and a problem (「証明書がインストールで
//! きない」) are questions; a report followed by a question (「お知らせ届きま
//! した！次はログインですか？」) is a report. A report is a clause that ends
//! as done (「…出しました」「…済み」, "we submitted …") in a sentence that
//! names a task, in a message that names no problem.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::playbook::TaskId;
use crate::text;

/// The cue lexicon compiled in.
pub const LEXICON: &str = include_str!("../locales/intent.txt");

/// What kind of message it is (`ask --json`'s `intent`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Question,
    Status,
    Command,
    SmallTalk,
    Handoff,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::Question,
        Kind::Status,
        Kind::Command,
        Kind::SmallTalk,
        Kind::Handoff,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Question => "question",
            Kind::Status => "status",
            Kind::Command => "command",
            Kind::SmallTalk => "smalltalk",
            Kind::Handoff => "handoff",
        }
    }
}

/// A request to the bot: the command it stands for (`ask --json`'s `command`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Request {
    Next,
    Progress,
    Undo,
    Help,
    Contact,
}

impl Request {
    pub const ALL: [Request; 5] = [
        Request::Next,
        Request::Progress,
        Request::Undo,
        Request::Help,
        Request::Contact,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Request::Next => "next",
            Request::Progress => "progress",
            Request::Undo => "undo",
            Request::Help => "help",
            Request::Contact => "contact",
        }
    }
}

/// What small talk says (the reply differs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Talk {
    Thanks,
    Greeting,
    /// Leaving for the day (「お先に失礼します」「お疲れさまでした」).
    Farewell,
    /// An acknowledgement, an emoji, anything else without content.
    Ack,
}

/// A message understood.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Intent {
    pub kind: Kind,
    /// The task a status report names (`None`: "done" without a task, the
    /// office's next open task is meant).
    pub task: Option<TaskId>,
    /// The command a request stands for.
    pub request: Option<Request>,
    /// What small talk says.
    pub talk: Option<Talk>,
    /// A question about something else than starting internet billing that
    /// shares words with it (another certificate, another 届出, another
    /// password): it is refused, not answered.
    pub off_scope: bool,
    /// The message names a topic of the FAQ (a certificate, the 届出, a
    /// password …).
    pub topical: bool,
    /// It asks about an aspect of a thing (its cost, when it comes) without
    /// naming the thing: it is about where the office stands.
    pub aspect_only: bool,
    /// A question that names nothing the FAQ is about, nothing off-scope,
    /// asks for nothing and reports no problem (「きょうは寒いねぇ」「Have a
    /// nice weekend」): small talk of this kind, never looked up in the FAQ.
    pub chat: Option<Talk>,
    /// A question about what to do after a task (「証明書入れたら次って何？」):
    /// the task.
    pub after: Option<TaskId>,
    /// The message says a vendor files the claims (「業者に代行してもらうなら」
    /// "our claims are outsourced"): its answer is the one for vendor
    /// billing. (A question about proxy billing asks how to start it, so
    /// proxy billing is not read from a message.)
    pub vendor: bool,
    /// A question that asks in words: a question mark, an asking word, a
    /// request (a problem told without them does not count).
    pub asks: bool,
    /// It tells a problem (「ちがうと思います」「届かない」).
    pub troubled: bool,
}

impl Intent {
    fn of(kind: Kind) -> Intent {
        Intent {
            kind,
            task: None,
            request: None,
            talk: None,
            off_scope: false,
            topical: false,
            aspect_only: false,
            chat: None,
            after: None,
            vendor: false,
            asks: false,
            troubled: false,
        }
    }

    fn request(r: Request) -> Intent {
        Intent {
            request: Some(r),
            ..Intent::of(Kind::Command)
        }
    }
}

struct Cue {
    text: String,
    ascii: bool,
    /// Whether the first and the last character are Latin letters or
    /// digits: such a cue must not continue a word on that side.
    word_start: bool,
    word_end: bool,
    group: usize,
}

/// The cue lexicon: every cue of every group, found through its first
/// character, so that one pass over a message finds them all.
struct Lexicon {
    names: HashMap<String, usize>,
    cues: Vec<Cue>,
    /// First character → cue indices.
    by_first: FxHashMap<char, Vec<usize>>,
    /// Group → its cue indices, longest first.
    groups: Vec<Vec<usize>>,
    /// The groups of a task's words (`task:…`).
    task_groups: Vec<usize>,
}

/// Reads a cue lexicon (the format of `locales/intent.txt`): how many
/// groups it has, or why it cannot be read. The bot reads the compiled-in
/// one once, on the first message.
pub fn read_lexicon(source: &str) -> Result<usize, String> {
    parse_lexicon(source).map(|l| l.groups.len())
}

/// Reads the compiled-in lexicon now (it is read once, when first needed).
pub fn ready() {
    lexicon();
}

fn lexicon() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| parse_lexicon(LEXICON).expect("locales/intent.txt is checked by tests"))
}

fn parse_lexicon(source: &str) -> Result<Lexicon, String> {
    let mut names: HashMap<String, usize> = HashMap::new();
    let mut cues: Vec<Cue> = Vec::new();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for g in text::parse_synonyms(source)? {
        let group = *names.entry(g.concept).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        for v in g.variants {
            groups[group].push(cues.len());
            cues.push(Cue {
                ascii: v.is_ascii(),
                word_start: v.chars().next().is_some_and(is_word),
                word_end: v.chars().last().is_some_and(is_word),
                text: v,
                group,
            });
        }
    }
    for g in &mut groups {
        g.sort_by_key(|c| std::cmp::Reverse(cues[*c].text.len()));
    }
    let mut by_first: FxHashMap<char, Vec<usize>> = FxHashMap::default();
    for (i, c) in cues.iter().enumerate() {
        if let Some(f) = c.text.chars().next() {
            by_first.entry(f).or_default().push(i);
        }
    }
    let task_groups = names
        .iter()
        .filter(|(n, _)| n.starts_with("task:"))
        .map(|(_, &g)| g)
        .collect();
    Ok(Lexicon {
        names,
        cues,
        by_first,
        groups,
        task_groups,
    })
}

/// A group's id (`usize::MAX` for a group the lexicon does not have).
fn gid(name: &str) -> usize {
    lexicon().names.get(name).copied().unwrap_or(usize::MAX)
}

/// A group's cues, longest first.
fn cues(group: &str) -> impl Iterator<Item = &'static Cue> {
    let l = lexicon();
    l.groups
        .get(gid(group))
        .map_or(&[][..], Vec::as_slice)
        .iter()
        .map(|i| &l.cues[*i])
}

/// Whether `text` ends with a cue of `group`.
fn ends_with_cue(text: &str, group: &str) -> bool {
    cues(group).any(|e| text.ends_with(e.text.as_str()))
}

/// Whether `text` starts with a cue of `group`.
fn starts_with_cue(text: &str, group: &str) -> bool {
    cues(group).any(|e| text.starts_with(e.text.as_str()))
}

fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

/// One cue found in a message: its group and byte range.
#[derive(Debug, Clone, Copy)]
struct Hit {
    group: usize,
    start: usize,
    end: usize,
}

impl Hit {
    /// Whether this hit lies inside `outer` (or is it).
    fn inside(&self, outer: &Hit) -> bool {
        outer.start <= self.start && self.end <= outer.end
    }
}

/// Every cue of the lexicon found in one folded message (overlaps kept), in
/// one pass over its characters.
struct Scan<'a> {
    s: &'a str,
    hits: Vec<Hit>,
}

impl<'a> Scan<'a> {
    fn new(s: &'a str) -> Scan<'a> {
        let l = lexicon();
        let mut hits = Vec::new();
        let mut prev: Option<char> = None;
        for (i, c) in s.char_indices() {
            if let Some(found) = l.by_first.get(&c) {
                for &ci in found {
                    let cue = &l.cues[ci];
                    if !s[i..].starts_with(cue.text.as_str()) {
                        continue;
                    }
                    let end = i + cue.text.len();
                    if cue.ascii
                        && ((cue.word_start && prev.is_some_and(is_word))
                            || (cue.word_end && s[end..].chars().next().is_some_and(is_word)))
                    {
                        continue;
                    }
                    hits.push(Hit {
                        group: cue.group,
                        start: i,
                        end,
                    });
                }
            }
            prev = Some(c);
        }
        Scan { s, hits }
    }

    /// The hits of any group inside a byte range.
    fn hits_within(&self, range: Range<usize>) -> impl Iterator<Item = &Hit> + '_ {
        self.hits
            .iter()
            .filter(move |h| h.start >= range.start && h.end <= range.end)
    }

    /// The hits of a group inside a byte range.
    fn hits_in(&self, group: &str, range: Range<usize>) -> impl Iterator<Item = &Hit> + '_ {
        let g = gid(group);
        self.hits_within(range).filter(move |h| h.group == g)
    }

    /// Whether a hit lies inside a longer hit of a task's word (どう in
    /// 「どうさかんきょう」).
    fn inside_task_word(&self, h: &Hit) -> bool {
        let tasks = &lexicon().task_groups;
        self.hits
            .iter()
            .any(|t| tasks.contains(&t.group) && h.inside(t) && t.end - t.start > h.end - h.start)
    }

    /// Whether a hit lies inside a hit of `group`.
    fn within(&self, h: &Hit, group: &str) -> bool {
        self.hits_in(group, 0..self.s.len()).any(|o| h.inside(o))
    }

    fn any_in(&self, group: &str, range: Range<usize>) -> bool {
        self.hits_in(group, range).next().is_some()
    }

    fn any(&self, group: &str) -> bool {
        self.any_in(group, 0..self.s.len())
    }

    /// Whether every character with content in the range is inside a hit
    /// of one of the groups.
    fn covered(&self, groups: &[&str], range: Range<usize>) -> bool {
        let ids: Vec<usize> = groups.iter().map(|g| gid(g)).collect();
        let spans: Vec<&Hit> = self
            .hits
            .iter()
            .filter(|h| ids.contains(&h.group) && h.start >= range.start && h.end <= range.end)
            .collect();
        self.s[range.clone()]
            .char_indices()
            .filter(|(_, c)| content_char(*c))
            .all(|(i, _)| {
                let at = range.start + i;
                spans.iter().any(|h| h.start <= at && at < h.end)
            })
    }
}

/// Whether a character carries content (a letter, a digit, kana, kanji).
fn content_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn has_content(s: &str) -> bool {
    s.chars().any(content_char)
}

/// Understands one message.
pub fn classify(message: &str) -> Intent {
    classify_tokens(message, &text::tokens(message))
}

/// [`classify`] for a message already tokenized ([`text::tokens`]; the FAQ
/// lookup uses the same tokens).
pub fn classify_tokens(message: &str, tokens: &[text::Token]) -> Intent {
    scanned(message, |scan| Intent {
        vendor: scan.any("said:vendor"),
        ..classify_scan(message, tokens, scan.s, scan)
    })
}

/// `read` of the message folded ([`text::fold_question`]), trimmed and
/// scanned for cues.
fn scanned<T>(message: &str, read: impl FnOnce(&Scan) -> T) -> T {
    let folded = text::fold_question(message);
    read(&Scan::new(folded.trim()))
}

/// A command typed as a message with a slip in its name (`/nexr`, `/hlep`):
/// the request it was meant to be.
fn mistyped_command(f: &str) -> Option<Request> {
    let name = f.strip_prefix('/')?;
    if name.is_empty() || name.contains(char::is_whitespace) || crate::command::find(name).is_some() {
        return None;
    }
    let meant = crate::command::closest(name)?;
    Request::ALL.into_iter().find(|r| r.as_str() == meant.name)
}

/// [`classify_tokens`] on the message folded (`f`) and scanned for cues.
fn classify_scan(message: &str, tokens: &[text::Token], f: &str, scan: &Scan) -> Intent {
    let all = 0..f.len();
    if let Some(r) = mistyped_command(f) {
        return Intent::request(r);
    }
    if let Some(talk) = small_talk(scan) {
        return Intent {
            talk: Some(talk),
            ..Intent::of(Kind::SmallTalk)
        };
    }
    // Someone who knows, or someone asked to do something (「だれか代わって
    // くれる人」), about other business is a colleague, not our staff.
    // A person named and nothing else (「人」 "agent" 「だれでもいいから ひと」)
    // calls for one.
    // ("in person" is a way of going somewhere; "whom do I escalate this
    // to?" asks whom to call.)
    let named = |g: &str| scan.hits_in(g, all.clone()).any(|h| !scan.within(h, "person:not"));
    let only_person =
        scan.any("person:alone") && scan.covered(&["person:alone", "person:alone:filler", "talk:filler"], all.clone());
    if only_person
        || named("person:strong")
        || ((named("person") && scan.any("person:verb") || scan.any("person:knower")) && !off_scope(scan))
    {
        return Intent::of(Kind::Handoff);
    }
    let topics = topics(tokens, f);
    // (Other business told beside a request is no topic.)
    let topic = topics.iter().any(|t| *t != "#offtopic") || (!topics.is_empty() && !request_beside(scan));
    let topical = topics.iter().any(|t| !ASPECTS.contains(t));
    // 「さっきの質問は間違いでした、無視してください」 takes nothing back
    // from the record.
    let retracts_record = scan
        .hits_in("undo:record", all.clone())
        .any(|h| !scan.within(h, "talk:nevermind"));
    if scan.any("talk:nevermind") && !topical && !retracts_record {
        return Intent {
            talk: Some(Talk::Ack),
            ..Intent::of(Kind::SmallTalk)
        };
    }
    if scan.any("cmd:undo") && (!topical || scan.any("undo:record")) {
        return Intent::request(Request::Undo);
    }
    // An asking word inside small talk's words (どう in どうぞ) asks nothing.
    let talk = talk_hits(scan);
    // A person, a secret or a price asked about is asking too (not one
    // inside other business's words: 「担当者会議」).
    let named: Vec<&Hit> = talk
        .iter()
        .copied()
        .chain(scan.hits_in("offscope", all.clone()))
        .collect();
    let asks_in_words = asking(scan, &ASKING, &talk) || asking(scan, &["person", "secret", "price"], &named);
    let troubled = has_problem(scan);
    let asks = troubled || asks_in_words;
    // Another certificate or 届 said to have come is not a report either.
    if off_scope(scan) {
        // Other business told beside a report, in clauses that name no
        // task (「動作環境のチェックしといたよー。プリンタは相変わらずアホやけど笑」
        // 「雨の中郵便屋さんが持ってきてくれたとが、ちょうど結果通知やった」),
        // leaves the report a report.
        let beside = !near_miss(scan)
            && sentences(f)
                .into_iter()
                .flat_map(|(s, _)| clauses(f, s))
                .all(|c| !scan.any_in("offscope", c.clone()) || task_in(scan, c).is_none());
        if let Some(task @ Some(_)) = beside.then(|| status(message, scan)).flatten() {
            return Intent {
                task,
                ..Intent::of(Kind::Status)
            };
        }
        // A remark on other business that asks nothing is chat
        // (「今日は雨すごいですね〜」), and so is the weather remarked on
        // ("Lovely weather in Tokyo today, for once."), even with a trouble
        // it brings when it names nothing else (「今日は台風で船が来ないので、
        // のんびりです」).
        let weather = scan.any("talk:weather");
        let weather_trouble =
            weather && !topics.iter().any(|t| !ASPECTS.contains(t) && *t != "#offtopic") && !near_miss(scan);
        let remark = !asks_in_words && (remarks(f) || weather) && (!troubled || weather_trouble);
        return Intent {
            off_scope: true,
            chat: remark.then(|| talk_of(scan)),
            asks: asks_in_words,
            troubled,
            ..Intent::of(Kind::Question)
        };
    }
    if let Some(task) = status(message, scan) {
        return Intent {
            task,
            ..Intent::of(Kind::Status)
        };
    }
    // A checklist asked for is the progress, unless what it asks for is the
    // next step on it ("what is the next step on the checklist for us?").
    // (「次へ進みたい」 moves on; it asks no progress.)
    let progress = scan
        .hits_in("cmd:progress", all.clone())
        .any(|h| !scan.within(h, "cmd:progress:not"))
        || (scan.any("cmd:progress:list") && !scan.any("cmd:next"));
    // What follows a task named (「手順の1から5まで終わったら、その次は何？」)
    // is a question about that task, not the office's own next step.
    let after = after_task(scan);
    if topics.iter().all(|t| SETUP_TOPICS.contains(t)) && progress && after.is_none() {
        return Intent::request(Request::Progress);
    }
    if scan.any("cmd:next-alone") && scan.covered(&["cmd:next-alone", "talk:filler", "talk:ack"], all.clone()) {
        return Intent::request(Request::Next);
    }
    if !topic && after.is_none() {
        // The bot named, or "help" said, asks for the help only in a
        // message that asks or says nothing else: not in a remark
        // (「このボット便利だね」) or a story ("a resident needed help").
        let help: Vec<&Hit> = scan.hits_in("cmd:help:asked", all.clone()).collect();
        let help_asked = !help.is_empty()
            && (asking(scan, &ASKING, &[talk.as_slice(), help.as_slice()].concat())
                || scan.covered(&["cmd:help:asked", "talk:filler"], all.clone()));
        let asked = [
            (Request::Progress, progress),
            (Request::Contact, scan.any("cmd:contact")),
            (Request::Help, help_asked || scan.any("cmd:help")),
            (Request::Next, scan.any("cmd:next")),
        ];
        if let Some((r, _)) = asked.into_iter().find(|(_, asked)| *asked) {
            return Intent::request(r);
        }
    }
    Intent {
        topical,
        after,
        aspect_only: !topical && !topics.is_empty(),
        chat: (topics.is_empty() && !asks).then(|| talk_of(scan)),
        asks: asks_in_words,
        troubled,
        ..Intent::of(Kind::Question)
    }
}

/// A question about something else than starting internet billing that
/// shares its words: another certificate, another 届, another password,
/// upgrading Windows, the price of a product, or other care-office business.
fn off_scope(scan: &Scan) -> bool {
    (scan.any("offscope") && !context_only(scan) && !told_around(scan)) || near_miss(scan)
}

/// [`off_scope`] but for the words of other business: a question about
/// another certificate, 届 or password, upgrading Windows, or a product's
/// price.
fn near_miss(scan: &Scan) -> bool {
    let f = scan.s;
    scan.any("cert:foreign")
        || scan.hits_in("card", 0..f.len()).any(|h| !f[h.end..].starts_with('明'))
        || foreign_before(f, "証明", "cert:ours")
        || foreign_before(f, "届", "notify:ours")
        || near(
            scan,
            "notify:foreign",
            |at| f[at..].starts_with('届') || f[at..].starts_with("とどけ"),
            6,
        )
        || near(
            scan,
            "device",
            |at| scan.hits_in("secret", at..f.len()).any(|h| h.start == at),
            8,
        )
        || (scan.any("upgrade") && scan.any("howto"))
        || (scan.any("price")
            && scan
                .hits_in("product", 0..f.len())
                .any(|h| !scan.within(h, "product:not")))
}

/// Whether the words of other business (`offscope`) are only context: all
/// after a sentence that asks about a topic of ours (「電子証明書っておいくら
/// ですか？経費で落とすので金額だけ知りたいです」, 「ヘルプデスクって土日も
/// やってますか？平日は利用者さん対応で電話できなくて」). In the sentence with
/// the topic (「利用者の負担割合証明書は？」), or before it, they make a near
/// miss.
fn context_only(scan: &Scan) -> bool {
    let f = scan.s;
    let sentences = sentences(f);
    if sentences.len() < 2 {
        return false;
    }
    let hits: Vec<&Hit> = scan.hits_in("offscope", 0..f.len()).collect();
    sentences.iter().any(|(s, end)| {
        let text = &f[s.clone()];
        // Asked: a question mark, an interrogative (not a wish's ending) or
        // a request (「FAX番号を教えてください。エラー画面を印刷して送ります」).
        let asked = matches!(end, Some('?' | '？')) || asks_in(scan, s.clone());
        asked
            && hits.iter().all(|h| h.start >= s.end)
            && topics(&text::tokens(text), text)
                .iter()
                .any(|t| !ASPECTS.contains(t) && *t != "#offtopic")
    })
}

/// Whether the words of other business are only told around a question of
/// ours: each is in a clause that asks nothing, and either another clause
/// names a topic that is only ours ([`OWN_TOPICS`]), so they set its scene
/// (「朝からプリンタ紙詰まりで最悪やけど、インターネット請求って結局なに準備
/// したらええの？」), or a clause before them asks about a topic of ours, so
/// they are an aside ([`context_only`] within a sentence: 「導入マニュアルって
/// どこにあるんですか、紙で印刷して見たい」). A certificate or a 届出 named after
/// them may be theirs (「利用者さんの負担割合が変わりました。証明書はどうすれ
/// ばいい？」).
fn told_around(scan: &Scan) -> bool {
    let f = scan.s;
    let hits: Vec<&Hit> = scan.hits_in("offscope", 0..f.len()).collect();
    let all: Vec<Range<usize>> = sentences(f).into_iter().flat_map(|(s, _)| clauses(f, s)).collect();
    let has_hit = |c: &Range<usize>| hits.iter().any(|h| h.start < c.end && c.start < h.end);
    let asks = |c: &Range<usize>| asks_in(scan, c.clone());
    let named = |c: &Range<usize>| {
        let text = &f[c.clone()];
        topics(&text::tokens(text), text)
    };
    if all.iter().filter(|c| has_hit(c)).any(asks) {
        return false;
    }
    let scene = || {
        all.iter()
            .filter(|c| !has_hit(c))
            .any(|c| named(c).iter().any(|t| OWN_TOPICS.contains(t)))
    };
    let aside = || {
        all.iter().any(|c| {
            asks(c)
                && hits.iter().all(|h| h.start >= c.end)
                && named(c).iter().any(|t| !ASPECTS.contains(t) && *t != "#offtopic")
        })
    };
    scene() || aside() || request_beside(scan)
}

/// Whether a sentence without other business asks a request of the bot
/// (what's next, how far, whom to call, how to use it), so that other
/// business in the other sentences tells its scene (「主人が利用者さんの送迎に
/// 出たので、私が続きをやります。次にやることを教えていただけますか」).
fn request_beside(scan: &Scan) -> bool {
    let f = scan.s;
    let mut other = false;
    let mut request = false;
    for (s, _) in sentences(f) {
        if scan.any_in("offscope", s.clone()) {
            other = true;
        } else {
            request |= asks_in(scan, s.clone()) && REQUESTS.iter().any(|g| scan.any_in(g, s.clone()));
        }
    }
    other && request
}

/// The cues of a request to the bot.
const REQUESTS: [&str; 4] = ["cmd:next", "cmd:progress", "cmd:contact", "cmd:help"];

/// Whether a span asks: a question mark, an interrogative (not a wish's
/// ending) or a request (「FAX番号を教えてください」).
fn asks_in(scan: &Scan, range: Range<usize>) -> bool {
    scan.s[range.clone()].contains(['?', '？'])
        || scan.any_in("ask", range.clone())
        || scan.any_in("ask:request", range)
}

/// Topics no other business shares: internet billing itself, the 国保連合会,
/// the reception system and its helpdesks, the 統合インストーラ, the
/// transmission software, the temporary password.
const OWN_TOPICS: &[&str] = &[
    "#ebilling",
    "#kokuhoren",
    "#reception",
    "#receptionno",
    "#installer",
    "#denso",
    "#densono",
    "#temppw",
];

/// Whether a message ends the way a remark does: with an emoji, a wave
/// dash or a `talk:end` cue (「…ですね〜」「…でした🎂」「…笑」).
fn remarks(f: &str) -> bool {
    let t = f.trim_end_matches(|c: char| c.is_whitespace() || "。.!！…ー".contains(c));
    t.ends_with(is_emoji) || t.ends_with(['〜', '~']) || ends_with_kaomoji(t) || ends_with_cue(t, "talk:end")
}

/// Whether a text ends with a face drawn in brackets (「(´・ω・`)」「(T_T)」
/// 「(^^)」): a symbol inside, and no kana or kanji (「(田中)」 is a name).
fn ends_with_kaomoji(t: &str) -> bool {
    let Some(body) = t.strip_suffix(')') else {
        return false;
    };
    let Some(open) = body.rfind('(') else {
        return false;
    };
    let inner = &body[open + 1..];
    inner.chars().count() <= 12
        && inner.chars().any(|c| !c.is_alphanumeric() && !c.is_whitespace())
        && !inner
            .chars()
            .any(|c| is_kanji(c) || matches!(c, '\u{3041}'..='\u{309f}'))
}

fn is_kanji(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '々')
}

/// Whether `word` occurs after a kanji compound that is not in `ours`
/// (「印鑑証明」「変更届」). For 届 only the noun counts, not 届出 or 届く.
fn foreign_before(f: &str, word: &str, ours: &str) -> bool {
    f.match_indices(word).any(|(i, _)| {
        let after = f[i + word.len()..].chars().next();
        if word == "届" && after.is_some_and(|c| "出けいきかくこ".contains(c)) {
            return false;
        }
        let run: String = {
            let mut r: Vec<char> = f[..i].chars().rev().take_while(|c| is_kanji(*c)).collect();
            r.reverse();
            r.into_iter().collect()
        };
        let run = run.strip_suffix("電子").unwrap_or(&run);
        // One kanji (「一証明書」 of 「万が一証明書」) names no certificate.
        run.chars().nth(1).is_some() && !cues(ours).any(|c| c.text == run)
    })
}

/// Whether a hit of `group` is followed, at most `window` characters after
/// it, by a place where `then` holds.
fn near(scan: &Scan, group: &str, then: impl Fn(usize) -> bool, window: usize) -> bool {
    scan.hits_in(group, 0..scan.s.len()).any(|h| {
        scan.s[h.end..]
            .char_indices()
            .map(|(i, _)| h.end + i)
            .take(window + 1)
            .any(&then)
    })
}

/// Small talk: nothing but thanks, greetings, acknowledgements and emoji.
fn small_talk(scan: &Scan) -> Option<Talk> {
    if !scan.covered(&TALK, 0..scan.s.len()) {
        return None;
    }
    Some(talk_of(scan))
}

/// The cue groups small talk is made of.
const TALK: [&str; 5] = [
    "talk:thanks",
    "talk:greeting",
    "talk:farewell",
    "talk:ack",
    "talk:filler",
];

/// What small talk says: thanks, a goodbye, a greeting, or anything else.
fn talk_of(scan: &Scan) -> Talk {
    if scan.any("talk:thanks") {
        Talk::Thanks
    } else if scan.any("talk:farewell") {
        Talk::Farewell
    } else if scan.any("talk:greeting") {
        Talk::Greeting
    } else {
        Talk::Ack
    }
}

/// Concepts that do not make a request a question: the generic words for
/// asking and contacting.
const NOT_TOPICS: &[&str] = &["#helpdesk", "#prepare", "#requirement", "#only", "#issue"];

/// Concepts that say what about a thing is asked (its cost, when it comes,
/// how long it lasts) rather than the thing: a question with only these
/// is about the office's current step (「いつ届く？」「いくら？」).
const ASPECTS: &[&str] = &[
    "#cost",
    "#validity",
    "#renew",
    "#period",
    "#month",
    "#arrive",
    "#issue",
    "#install",
    "#configure",
    "#create",
    "#download",
    "#differ",
    "#written",
    "#format",
    "#apply",
    "#lock",
    "#url",
    "#ebilling",
];

/// Concepts that name the whole setup rather than a part of it: asking how
/// far the setup (準備, インストール, インターネット請求) has got is a request.
const SETUP_TOPICS: &[&str] = &["#install", "#ebilling", "#configure"];

/// What the message names that the FAQ is about (a request to the bot names
/// nothing but the bot's own business): concepts of `locales/synonyms.txt`.
fn topics(tokens: &[text::Token], f: &str) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = tokens
        .iter()
        .filter_map(|t| text::concept(&t.text))
        .filter(|c| !NOT_TOPICS.contains(c))
        .collect();
    if f.contains("へるぷですく") || f.contains("helpdesk") || f.contains("help desk") {
        out.push("#helpdesk");
    }
    out
}

/// Whether tokens ([`text::tokens`]) name a topic of the FAQ (a thing, not
/// only an aspect such as its cost).
pub fn names_topic(tokens: &[text::Token]) -> bool {
    tokens
        .iter()
        .filter_map(|t| text::concept(&t.text))
        .any(|c| !NOT_TOPICS.contains(&c) && !ASPECTS.contains(&c))
}

impl Intent {
    /// A message read as `kind` by something else than the cues (the
    /// classifier of [`crate::classifier`]): a report names the task its
    /// sentences that ask nothing name (`task_told`), else `task`, else
    /// the task a question in it names; a request needs its command. `None`
    /// when that is not enough, or for a question.
    pub fn read_as(message: &str, kind: Kind, task: Option<TaskId>, request: Option<Request>) -> Option<Intent> {
        Some(match kind {
            Kind::Status => Intent {
                task: scanned(message, |scan| task_told(scan).or(task).or_else(|| task_anywhere(scan))),
                ..Intent::of(Kind::Status)
            },
            Kind::Command => Intent::request(request?),
            Kind::SmallTalk => Intent {
                talk: Some(talk_of(&Scan::new(&text::fold_question(message)))),
                ..Intent::of(Kind::SmallTalk)
            },
            Kind::Handoff => Intent::of(Kind::Handoff),
            Kind::Question => return None,
        })
    }
}

/// The task a message names, wherever it names one.
pub fn task_named(message: &str) -> Option<TaskId> {
    scanned(message, task_anywhere)
}

/// The task named anywhere in a scanned message.
fn task_anywhere(scan: &Scan) -> Option<TaskId> {
    task_in(scan, 0..scan.s.len())
}

/// The task a report tells of: the one named in its sentences that ask
/// nothing, the furthest along of them. A sentence that asks names what
/// comes next (「お知らせ届きました。次はログイン？」) or what is awaited
/// (「開始届を持っていってくれました。お知らせってどのくらいで届きますか？」),
/// not what is done. A first sentence with only a question mark echoes
/// what was asked (「統合インストーラ？入れたよ」) and tells. `None` when
/// only a sentence that asks names a task.
fn task_told(scan: &Scan) -> Option<TaskId> {
    // (A sentence's range ends before its mark: `asks_in` reads its words.)
    sentences(scan.s)
        .into_iter()
        .enumerate()
        .filter(|(i, (s, end))| !asks_in(scan, s.clone()) && (*i == 0 || !matches!(end, Some('?' | '？'))))
        .filter_map(|(_, (s, _))| task_in(scan, s))
        .max()
}

/// Whether a message names a person or a way of reaching one (staff, 担当者,
/// 話したい): what a request for a person is made of.
pub fn names_person(message: &str) -> bool {
    let f = text::fold_question(message);
    let scan = Scan::new(&f);
    ["person:strong", "person:knower", "person", "person:verb"]
        .iter()
        .any(|g| scan.any(g))
}

/// The cue groups of words that ask.
const ASKING: [&str; 3] = ["ask", "ask:request", "howto"];

/// Whether a sentence asks: a question mark, an asking word (「どう」
/// 「教えて」 "how"), or an asking ending (「…は」「…って」).
/// An asking word inside small talk's words (お願い in
/// 「よろしくお願いいたします」) asks nothing.
pub fn asks(sentence: &str) -> bool {
    asks_beyond_talk(&Scan::new(&text::fold_question(sentence)))
}

fn asks_beyond_talk(scan: &Scan) -> bool {
    asking(scan, &ASKING, &talk_hits(scan))
}

/// Where small talk's words are (「よろしくお願いいたします」).
fn talk_hits<'s>(scan: &'s Scan) -> Vec<&'s Hit> {
    TALK.iter().flat_map(|g| scan.hits_in(g, 0..scan.s.len())).collect()
}

/// Whether a sentence asks ([`asks`]) or tells a problem (「ログインできへん」):
/// in a message that is a question, what each of its questions is.
pub fn seeks(sentence: &str) -> bool {
    let f = text::fold_question(sentence);
    let scan = Scan::new(&f);
    asks_beyond_talk(&scan) || has_problem(&scan)
}

/// A message with the frame of a formal letter taken off: the opening and
/// closing words (拝啓…敬具, 前略…草々) and the sentences of seasonal or
/// courtesy greeting (「時下ますますご清祥のこととお慶び申し上げます。」), so
/// that what the letter asks or reports is read as if typed in chat; `None`
/// when there is no frame, or nothing but a frame. The cues (`letter:*`)
/// are kanji and hiragana, which folding leaves as they are, so they are
/// matched as written.
pub fn unframed(message: &str) -> Option<String> {
    const GROUPS: [&str; 3] = ["letter:open", "letter:close", "letter:greeting"];
    // Most messages have none of the first characters of a frame's words.
    static FIRST: OnceLock<Vec<char>> = OnceLock::new();
    let first = FIRST.get_or_init(|| {
        let mut v: Vec<char> = GROUPS
            .iter()
            .flat_map(|g| cues(g))
            .filter_map(|c| c.text.chars().next())
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    });
    if !message.chars().any(|c| first.binary_search(&c).is_ok()) {
        return None;
    }
    let in_group = |group: &str, s: &str| cues(group).any(|c| s.contains(c.text.as_str()));
    if !GROUPS.iter().any(|g| in_group(g, message)) {
        return None;
    }
    let body: String = text::sentences(message)
        .into_iter()
        .filter(|s| !in_group("letter:greeting", s))
        .collect();
    let edge = |c: char| c.is_whitespace() || "、,。.".contains(c);
    let mut s = body.trim_matches(edge);
    while let Some(c) = cues("letter:open").find(|c| s.starts_with(c.text.as_str())) {
        s = s[c.text.len()..].trim_matches(edge);
    }
    // A closing word stands apart (「…存じます。敬具」「…候 草々」):
    // 「Windows 10以上」 keeps its 以上.
    while let Some(c) = cues("letter:close").find(|c| {
        s.strip_suffix(c.text.as_str())
            .is_some_and(|rest| rest.is_empty() || rest.ends_with(edge))
    }) {
        s = s[..s.len() - c.text.len()].trim_matches(edge);
    }
    (has_content(s) && s.len() < message.trim().len()).then(|| s.to_string())
}

/// What a chat message says, with the marks of chat around it taken off,
/// and the line it quotes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unmarked {
    /// What the writer says (the reply to a quoted line).
    pub said: String,
    /// The line a reply quotes (「> 届出を出してください ← 出しました」,
    /// "re: the notice — still not here"): what it answers, not what it
    /// says.
    pub quote: Option<String>,
}

/// A message with the marks of chat taken off, or `None` when it has none:
///
/// - a quoted line and its reply (`> quote ← reply`, `> quote / reply`,
///   `re: quote — reply`), an anchor to an earlier message (`>>12`) and
///   the names it is addressed to (`@bot`, `@事務の山田さん`) at its start;
/// - a memo's labels and bullets (「件名：」「本文：」, 「・」 or `-` at the
///   start of an item, ①②③, 「届出→済」), each item a sentence of its own;
/// - punctuation said aloud to voice input (「郵送しましたまる」「改行」
///   「はてな」).
pub fn unmarked(message: &str) -> Option<Unmarked> {
    let trimmed = message.trim();
    let (mut said, quote) = quoted(trimmed).unwrap_or((trimmed.to_string(), None));
    // The names a message is addressed to.
    while said.starts_with(['@', '＠']) {
        let end = said.find(char::is_whitespace).unwrap_or(said.len());
        let rest = said[end..].trim_start();
        if !has_content(rest) {
            break;
        }
        said = rest.to_string();
    }
    let said = undictated(&unlisted(&said));
    let changed = said != trimmed || quote.is_some();
    (changed && has_content(&said)).then_some(Unmarked { said, quote })
}

/// A quoted line and the reply after it; an anchor (`>>12`) quotes
/// nothing. `None` when the message does not start with a quote mark or
/// `re:`, or has no reply after its quote.
fn quoted(message: &str) -> Option<(String, Option<String>)> {
    let re = message
        .get(..2)
        .filter(|p| p.eq_ignore_ascii_case("re"))
        .and_then(|_| message[2..].strip_prefix([':', '：']));
    let body = if let Some(rest) = message.strip_prefix(['>', '＞']) {
        rest.trim_start_matches(['>', '＞', ' ', '\u{3000}'])
    } else if let Some(rest) = re {
        rest.trim_start()
    } else {
        return None;
    };
    // An anchor: the number of the message replied to (「>>12」, 「> 3:」;
    // not 「> 1日から10日」, a quoted line).
    let digits = body.trim_start_matches(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c));
    let doubled = message.starts_with(">>") || message.starts_with("＞＞");
    let number_alone = digits.is_empty() || digits.starts_with(|c: char| c.is_whitespace() || ":：.、,".contains(c));
    if digits.len() < body.len() && message.starts_with(['>', '＞']) && (doubled || number_alone) {
        let reply = digits.trim_start_matches(|c: char| c.is_whitespace() || ":：.、,".contains(c));
        return has_content(reply).then(|| (reply.to_string(), None));
    }
    const SEPARATORS: [&str; 7] = ["←", "⇐", " / ", "／", " | ", " — ", " - "];
    let (at, sep) = SEPARATORS
        .iter()
        .filter_map(|s| body.find(s).map(|i| (i, *s)))
        .min_by_key(|(i, _)| *i)?;
    let quote = body[..at].trim();
    let reply = body[at + sep.len()..].trim();
    (has_content(reply) && has_content(quote)).then(|| (reply.to_string(), Some(quote.to_string())))
}

/// A memo's labels and bullets made sentences: 「件名：準備期間の件 ・届出から
/// の期間 ・来月に間に合うか」 reads as 「準備期間の件。届出からの期間。来月に
/// 間に合うか」; 「届出→済」 as 「届出 済」.
fn unlisted(message: &str) -> String {
    // A label (folded in the lexicon: 「件名：」 is 「件名:」) and how long it
    // is as typed.
    let label = |rest: &str| {
        let first = rest.chars().next()?.to_ascii_lowercase();
        cues("memo:label").filter(|l| l.text.starts_with(first)).find_map(|l| {
            // (A shorter rest folds to something shorter than the label.)
            let n = l.text.chars().count();
            let end = rest.char_indices().nth(n).map_or(rest.len(), |(i, _)| i);
            (text::fold_question(&rest[..end]) == l.text).then_some(end)
        })
    };
    let marks = |c: char| matches!(c, '①'..='⑳' | '❶'..='❿' | '■' | '□' | '●' | '◆' | '◇' | '▼' | '▶' | '○' | '※' | '・' | '-' | '*' | '•' | '→' | '⇒');
    // Most messages have neither a label nor a mark of a list.
    if !message.contains(marks) && !message.contains([':', '：']) {
        return message.to_string();
    }
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    let mut at_start = true;
    while let Some(c) = rest.chars().next() {
        if let Some(n) = label(rest) {
            out.push(' ');
            rest = &rest[n..];
            continue;
        }
        let after_space = at_start || out.ends_with(char::is_whitespace);
        let bullet = match c {
            '①'..='⑳' | '❶'..='❿' | '■' | '□' | '●' | '◆' | '◇' | '▼' | '▶' | '○' | '※' => {
                true
            }
            // 「PC・ブラウザ」 joins two words: a bullet starts an item.
            '・' => after_space,
            '-' | '*' | '•' => after_space && rest[c.len_utf8()..].starts_with(char::is_whitespace),
            _ => false,
        };
        if bullet {
            // The item before ends.
            let kept = out.trim_end().len();
            out.truncate(kept);
            if !out.is_empty() && !out.ends_with(['。', '？', '?', '！', '!', '.']) {
                out.push('。');
            }
            out.push(' ');
            rest = rest[c.len_utf8()..].trim_start();
            at_start = false;
            continue;
        } else if c == '→' || c == '⇒' {
            out.push(' ');
        } else {
            out.push(c);
        }
        at_start = false;
        rest = &rest[c.len_utf8()..];
    }
    out.trim().to_string()
}

/// Punctuation said aloud to voice input written out: 「改行」 and 「まる」
/// after a sentence's end (「郵送しましたまる次は」) end a sentence,
/// 「はてな」 asks.
fn undictated(message: &str) -> String {
    let said = |g: &str| cues(g).map(|c| c.text.as_str());
    // Most messages have ます or は, few a word said for a mark.
    if !said("dictation:break")
        .chain(said("dictation:stop"))
        .chain(said("dictation:ask"))
        .any(|w| message.contains(w))
    {
        return message.to_string();
    }
    let mut s = message.to_string();
    for w in said("dictation:break") {
        s = s.replace(w, "。");
    }
    for end in said("dictation:after") {
        for (group, mark) in [("dictation:stop", "。"), ("dictation:ask", "？")] {
            for word in said(group) {
                s = s.replace(&format!("{end}{word}"), &format!("{end}{mark}"));
            }
        }
    }
    s
}

/// A message of Japanese typed in romaji (「shoumeisho no shinsei
/// shimashita ga, mada kimasen」, on a keyboard without the IME) written in
/// hiragana, so that it is read as the Japanese it is; `None` when it is
/// not such a message. It is one when a word ends as only Japanese verbs
/// and copulas do (-masu, -mashita, -masen, -desu, -deshita, -kudasai, or
/// is onegai, oshiete), or when it has three words or more, nine in ten of
/// them romaji syllables and one a particle (「jiichan ga kiiteru,
/// shoumeisho no tesuuryou ikura?」); then each Latin word that is made of romaji
/// syllables is written in hiragana (ID, Mac, e-seikyuu stay as they are;
/// a long vowel spelled aa, ee, oo is 「ー」: insutooru, 「いんすとーる」).
pub fn unromanized(message: &str) -> Option<String> {
    let words = || {
        message
            .split(|c: char| !c.is_ascii_alphabetic() && c != '\'')
            .filter(|w| !w.is_empty())
    };
    let japanese = |w: &str| {
        let w = w.to_ascii_lowercase();
        ends_with_cue(&w, "romaji:end") || cues("romaji:word").any(|e| e.text == w)
    };
    // Or nearly all its words are romaji, a particle among them.
    let spelled = || {
        let long: Vec<String> = words()
            .filter(|w| w.len() >= 2 && !w.chars().all(|c| c.is_ascii_uppercase()))
            .map(str::to_ascii_lowercase)
            .collect();
        let romaji = long.iter().filter(|w| hiragana(w).is_some()).count();
        long.len() >= 3
            && romaji * 10 >= long.len() * 9
            && long.iter().any(|w| cues("romaji:particle").any(|p| p.text == *w))
    };
    if !words().any(japanese) && !spelled() {
        return None;
    }
    let mut out = String::with_capacity(message.len() * 2);
    let mut rest = message;
    // Whether the last thing written is a word written in hiragana, and
    // where the spaces after it begin in `out`.
    let mut after_kana: Option<usize> = None;
    while let Some(c) = rest.chars().next() {
        if c.is_ascii_alphabetic() {
            let end = rest
                .find(|c: char| !c.is_ascii_alphabetic() && c != '\'')
                .unwrap_or(rest.len());
            let word = &rest[..end];
            // A word joined to others by a hyphen or a dot is a name
            // (e-seikyuu, e-mail).
            let joined = rest[end..].starts_with(['-', '.'])
                && rest[end + 1..].starts_with(|c: char| c.is_ascii_alphabetic())
                || out.ends_with(['-', '.']);
            match hiragana(word).filter(|_| !joined) {
                Some(kana) => {
                    // Japanese has no spaces between its words: 「totta ra」
                    // is 「とったら」, not two clauses.
                    if let Some(at) = after_kana {
                        out.truncate(at);
                    }
                    out.push_str(&kana);
                    after_kana = Some(out.len());
                }
                None => {
                    out.push_str(word);
                    after_kana = None;
                }
            }
            rest = &rest[end..];
            continue;
        }
        if c != ' ' {
            after_kana = None;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    (out != message).then_some(out)
}

/// A word of romaji (Hepburn, kunrei or as typed on a keyboard) in
/// hiragana, or `None` when it is not made of romaji syllables.
fn hiragana(word: &str) -> Option<String> {
    const SYLLABLES: &[(&str, &str)] = &[
        ("kya", "きゃ"),
        ("kyu", "きゅ"),
        ("kyo", "きょ"),
        ("sha", "しゃ"),
        ("shu", "しゅ"),
        ("sho", "しょ"),
        ("she", "しぇ"),
        ("shi", "し"),
        ("sya", "しゃ"),
        ("syu", "しゅ"),
        ("syo", "しょ"),
        ("cha", "ちゃ"),
        ("chu", "ちゅ"),
        ("cho", "ちょ"),
        ("che", "ちぇ"),
        ("chi", "ち"),
        ("tya", "ちゃ"),
        ("tyu", "ちゅ"),
        ("tyo", "ちょ"),
        ("tsu", "つ"),
        ("nya", "にゃ"),
        ("nyu", "にゅ"),
        ("nyo", "にょ"),
        ("hya", "ひゃ"),
        ("hyu", "ひゅ"),
        ("hyo", "ひょ"),
        ("mya", "みゃ"),
        ("myu", "みゅ"),
        ("myo", "みょ"),
        ("rya", "りゃ"),
        ("ryu", "りゅ"),
        ("ryo", "りょ"),
        ("gya", "ぎゃ"),
        ("gyu", "ぎゅ"),
        ("gyo", "ぎょ"),
        ("jya", "じゃ"),
        ("jyu", "じゅ"),
        ("jyo", "じょ"),
        ("zya", "じゃ"),
        ("zyu", "じゅ"),
        ("zyo", "じょ"),
        ("bya", "びゃ"),
        ("byu", "びゅ"),
        ("byo", "びょ"),
        ("pya", "ぴゃ"),
        ("pyu", "ぴゅ"),
        ("pyo", "ぴょ"),
        ("ja", "じゃ"),
        ("ju", "じゅ"),
        ("jo", "じょ"),
        ("je", "じぇ"),
        ("ji", "じ"),
        ("fa", "ふぁ"),
        ("fi", "ふぃ"),
        ("fe", "ふぇ"),
        ("fo", "ふぉ"),
        ("fu", "ふ"),
        ("ka", "か"),
        ("ki", "き"),
        ("ku", "く"),
        ("ke", "け"),
        ("ko", "こ"),
        ("sa", "さ"),
        ("si", "し"),
        ("su", "す"),
        ("se", "せ"),
        ("so", "そ"),
        ("ta", "た"),
        ("ti", "ち"),
        ("tu", "つ"),
        ("te", "て"),
        ("to", "と"),
        ("na", "な"),
        ("ni", "に"),
        ("nu", "ぬ"),
        ("ne", "ね"),
        ("no", "の"),
        ("ha", "は"),
        ("hi", "ひ"),
        ("hu", "ふ"),
        ("he", "へ"),
        ("ho", "ほ"),
        ("ma", "ま"),
        ("mi", "み"),
        ("mu", "む"),
        ("me", "め"),
        ("mo", "も"),
        ("ya", "や"),
        ("yu", "ゆ"),
        ("yo", "よ"),
        ("ra", "ら"),
        ("ri", "り"),
        ("ru", "る"),
        ("re", "れ"),
        ("ro", "ろ"),
        ("wa", "わ"),
        ("wo", "を"),
        ("ga", "が"),
        ("gi", "ぎ"),
        ("gu", "ぐ"),
        ("ge", "げ"),
        ("go", "ご"),
        ("za", "ざ"),
        ("zi", "じ"),
        ("zu", "ず"),
        ("ze", "ぜ"),
        ("zo", "ぞ"),
        ("da", "だ"),
        ("di", "ぢ"),
        ("du", "づ"),
        ("de", "で"),
        ("do", "ど"),
        ("ba", "ば"),
        ("bi", "び"),
        ("bu", "ぶ"),
        ("be", "べ"),
        ("bo", "ぼ"),
        ("pa", "ぱ"),
        ("pi", "ぴ"),
        ("pu", "ぷ"),
        ("pe", "ぺ"),
        ("po", "ぽ"),
        ("a", "あ"),
        ("i", "い"),
        ("u", "う"),
        ("e", "え"),
        ("o", "お"),
    ];
    let w = word.to_ascii_lowercase();
    // Particles written as said.
    match w.as_str() {
        "wa" => return Some("は".into()),
        "wo" => return Some("を".into()),
        _ => {}
    }
    let b = w.as_bytes();
    let vowel = |c: u8| b"aiueo".contains(&c);
    let mut out = String::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        // ん: nn, n', or n before a consonant or at the end.
        if c == b'n' && b.get(i + 1).map_or(true, |n| !vowel(*n) && *n != b'y') {
            out.push('ん');
            i += match b.get(i + 1) {
                Some(b'n') if b.get(i + 2).map_or(true, |n| !vowel(*n)) => 2,
                Some(b'\'') => 2,
                _ => 1,
            };
            continue;
        }
        // っ: a doubled consonant (tch as in matcha).
        if !vowel(c) && c != b'n' && (b.get(i + 1) == Some(&c) || (c == b't' && b.get(i + 1) == Some(&b'c'))) {
            out.push('っ');
            i += 1;
            continue;
        }
        // A long vowel spelled twice (aa, ee, oo; ii and uu are words).
        if i > 0 && vowel(c) && b[i - 1] == c && b"aeo".contains(&c) && !out.ends_with('ー') {
            out.push('ー');
            i += 1;
            continue;
        }
        let (latin, kana) = SYLLABLES.iter().find(|(l, _)| w[i..].starts_with(l))?;
        out.push_str(kana);
        i += latin.len();
    }
    Some(out)
}

/// Whether every sentence of a message asks (「終わったら、それで完了ですか？」):
/// such a message reports nothing, whatever words it shares with reports.
pub fn only_asks(message: &str) -> bool {
    let folded: Vec<String> = text::sentences(message).into_iter().map(text::fold_question).collect();
    // Courtesy around the question (「お手数をおかけいたします。」) tells nothing.
    let told: Vec<Scan> = folded
        .iter()
        .map(|f| Scan::new(f))
        .filter(|scan| small_talk(scan).is_none())
        .collect();
    !told.is_empty() && told.iter().all(asks_beyond_talk)
}

/// Whether the scanned text has a question mark, an asking ending, or a
/// cue of `groups` that is not inside one of `except` (どう in どうぞ).
fn asking(scan: &Scan, groups: &[&str], except: &[&Hit]) -> bool {
    let f = scan.s;
    let tail = f.trim_end_matches(|c: char| !content_char(c));
    f.contains(['?', '？'])
        || ends_with_cue(tail, "ask:end")
        || groups.iter().any(|g| {
            scan.hits_in(g, 0..f.len())
                .any(|h| !except.iter().any(|t| h.inside(t)) && !scan.within(h, "ask:not"))
        })
}

/// Whether the message is made of `yes` (the answer to a confirmation).
pub fn is_yes(message: &str) -> bool {
    only(message, "yes")
}

/// Whether the message is made of `no`.
pub fn is_no(message: &str) -> bool {
    only(message, "no")
}

fn only(message: &str, group: &str) -> bool {
    let f = text::fold_question(message);
    let scan = Scan::new(&f);
    scan.any(group) && scan.covered(&[group, "talk:filler"], 0..f.len())
}

/// `message` folded as [`text::fold_question`] does, trimmed like `f`, but
/// with katakana kept (the same bytes as `f` wherever `f` has hiragana).
fn kana_kept(message: &str, f: &str) -> String {
    let g = text::fold_keeping_kana(message);
    let start = g.len() - g.trim_start().len();
    let g = &g[start..];
    let out = &g[..f.len().min(g.len())];
    debug_assert_eq!(out.len(), f.len());
    out.to_string()
}

/// Sentences as byte ranges, with the character that ends each (`None` at
/// the end).
fn sentences(f: &str) -> Vec<(Range<usize>, Option<char>)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = f.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let ends = match c {
            '。' | '！' | '？' | '!' | '?' | '\n' | '｡' => true,
            // A full stop ends a sentence, not "8.1" or "e-seikyuu.jp".
            '.' => it.peek().map_or(true, |(_, n)| n.is_whitespace()),
            _ => false,
        };
        if ends {
            out.push((start..i, Some(c)));
            start = i + c.len_utf8();
        }
    }
    out.push((start..f.len(), None));
    out.retain(|(r, _)| has_content(&f[r.clone()]));
    out
}

/// The clauses of a sentence as byte ranges: split at commas, at a wave
/// dash or an emoji after words, at a space after Japanese or a laugh (w)
/// typed after it (a chat message's 「届きました〜 次は？」 is two) and before
/// a kanji right after ました.
fn clauses(f: &str, sentence: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = sentence.start;
    let mut prev: Option<char> = None;
    // Whether the run of w that `prev` ends began right after Japanese.
    let mut laughing = false;
    for (i, c) in f[sentence.clone()].char_indices() {
        // A laugh typed as w after Japanese (「できたｗ ID…」「できたｗｗｗ　仮パス…」)
        // is Japanese too.
        let laugh = prev == Some('w') && laughing;
        // …but a Japanese name followed by an English verb is one clause
        // (「代理人申請 is all taken care of」).
        let copula = || {
            let next = f[sentence.start + i..sentence.end].trim_start();
            let word = next.split(|ch: char| !ch.is_ascii_alphabetic()).next().unwrap_or("");
            cues("clause:copula").any(|c| c.text == word)
        };
        let japanese_space =
            c.is_whitespace() && (laugh || prev.is_some_and(|p| !p.is_ascii() && !p.is_whitespace())) && !copula();
        // 「おわりました〜次は？」: a wave dash after words (not 1日〜10日).
        let wave = matches!(c, '〜' | '~') && prev.is_some_and(|p| !p.is_ascii_digit());
        // 「入れた…3回目でやっと」: words trailing off (… folds to ...).
        let trailing = c == '.' && prev.is_some_and(content_char) && f[sentence.start + i + 1..].starts_with('.');
        // 「郵送しました📮次は？」: an emoji after words ends a clause too.
        let emoji = prev.is_some_and(content_char) && is_emoji(c);
        // 「✅統合インストーラ（10:45）次は？」: a date or a time in brackets
        // ends an item of a memo.
        let stamp = matches!(c, ')' | '）') && {
            let before = &f[start..sentence.start + i];
            before
                .rfind(['(', '（'])
                .is_some_and(|o| is_stamp(before[o..].trim_start_matches(['(', '（'])))
        };
        if matches!(c, '、' | ',' | '，' | '､') || japanese_space || wave || emoji || trailing {
            out.push(start..sentence.start + i);
            start = sentence.start + i + c.len_utf8();
        } else if stamp {
            out.push(start..sentence.start + i + c.len_utf8());
            start = sentence.start + i + c.len_utf8();
        } else if is_kanji(c)
            && ends_with_cue(
                f[sentence.start..sentence.start + i].trim_end_matches('ー'),
                "clause:end",
            )
        {
            // 「郵送しました次は何ですか」「できましたー次は？」: a kanji right
            // after ました starts another sentence typed without a mark.
            out.push(start..sentence.start + i);
            start = sentence.start + i;
        } else if content_char(c) && c != 'す' && ends_with_cue(&f[start..sentence.start + i], "clause:because") {
            // 「設定もしてもろたけんこれでしまいかな」: a past given as the
            // reason (たけん, たので; not the explaining 「たのですが」) ends
            // its clause.
            out.push(start..sentence.start + i);
            start = sentence.start + i;
        }
        if c == 'w' && prev != Some('w') {
            laughing = prev.is_some_and(|p| !p.is_ascii());
        }
        prev = Some(c);
    }
    out.push(start..sentence.end);
    out.retain(|r| has_content(&f[r.clone()]));
    out
}

/// A date or a time as written in brackets (`10:45`, `11/5`, `Apr 3`,
/// `5月12日`): a digit, and only digits, separators, a few letters.
fn is_stamp(inside: &str) -> bool {
    inside.chars().any(|c| c.is_ascii_digit())
        && inside.chars().count() <= 12
        && inside
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || " :/.-~〜年月日時分".contains(c))
}

/// A pictograph or a dingbat (📮 ✅ ☺), not a letter or a mark of writing.
fn is_emoji(c: char) -> bool {
    matches!(c as u32, 0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B00..=0x2BFF)
}

/// A status report: `Some(task)` (`Some(None)`: done, no task named).
fn status(message: &str, scan: &Scan) -> Option<Option<TaskId>> {
    let f = scan.s;
    // A problem conceded beside a report (「ログインできました！一回ロックされて
    // ヒヤッとしたけど」) does not make it a question; the conceding clause
    // reports nothing itself.
    // (Clauses are only looked at when a problem is named.)
    let conceded = if has_problem(scan) { conceded(scan) } else { Vec::new() };
    // A memo headed as a question (【確認】) tells its context.
    if has_problem_outside(scan, &conceded) || scan.any("ask:heading") {
        return None;
    }
    if is_bare_done(scan, 0..f.len()) {
        return Some(None);
    }
    // The message folded like `f` but with its katakana kept, byte for byte
    // aligned with `f`: an interrogative only counts where the message has
    // no katakana, so that 「パスワードの」 does not read as 「どの」.
    let kana = kana_kept(message, f);
    // Of several tasks said done (「発行されたので、インストールしました」
    // 「ログインできました！仮パスワードも変えました」), the one furthest along
    // is the report: the others come before it.
    let mut found = None;
    let asked_after = |at: usize| f[at..].contains(['?', '？']) || scan.any_in("ask", at..f.len());
    for (sentence, end) in sentences(f) {
        let parts = clauses(f, sentence.clone());
        let last = parts.len().saturating_sub(1);
        for (i, clause) in parts.iter().cloned().enumerate() {
            if conceded.contains(&clause) {
                continue;
            }
            let question = i == last && matches!(end, Some('?' | '？'));
            // 「届出をだした あと何が届きますか」: what follows sets the time
            // of something else.
            let then = parts.get(i + 1).is_some_and(|n| {
                let next = f[n.clone()].trim_start();
                // 「あとは待つだけ」 is "the rest", 「あと少し」 "almost", not "after".
                !starts_with_cue(next, "done:after:not") && starts_with_cue(next, "done:after")
            });
            if then {
                continue;
            }
            let asks = scan.hits_in("ask", clause.clone()).any(|h| {
                kana.get(h.start..h.end) == f.get(h.start..h.end)
                    && !scan.inside_task_word(h)
                    && !scan.within(h, "ask:not")
            });
            if question || asks {
                continue;
            }
            // 「申請したけど、いつ発行されんの？」 "I downloaded the cert but
            // the install keeps failing, who can I ask?": a report conceded
            // before a question is what the question is about.
            let but = ends_with_cue(f[clause.clone()].trim_end(), "done:but")
                || scan.hits_in("done:but:en", clause.clone()).any(|h| asked_after(h.end));
            // (What to do next after it, 「出したけど、次どうすりゃええ？」, and
            // whether that is all, 「押したっちゃけど、これで数日待てばよかと？」,
            // are still a report's questions.)
            let then = clause.end..f.len();
            if but
                && asked_after(clause.end)
                && !scan.any_in("after:next", then.clone())
                && !scan.any_in("after:this", then)
            {
                continue;
            }
            match clause_says(scan, clause.clone()) {
                Said::Done => {
                    // The task is named in the clause or before it; a
                    // question after it (「…届きました 次はログイン？」)
                    // names what comes next, not what is done.
                    let named = task_in(scan, sentence.start..clause.end).or_else(|| task_in(scan, sentence.clone()));
                    if let Some(task) = named {
                        found = Some(Some(match found {
                            Some(Some(before)) if before > task => before,
                            _ => task,
                        }));
                    } else if is_bare_done(scan, clause) && found.is_none() {
                        found = Some(None);
                    }
                }
                // Waiting for the notice or the certificate: what brings it is done.
                Said::Waiting => {
                    let has = |g: &str| scan.any_in(g, sentence.clone());
                    if has("task:notice") || has("task:notice-weak") {
                        found = Some(Some(TaskId::NotifySubmit));
                    } else if has("task:certificate") {
                        found = Some(Some(TaskId::CertificateApply));
                    }
                }
                Said::Other => {}
            }
        }
    }
    found
}

/// The task a question asks what follows (「証明書入れたら次って何？」
/// 「ログインしたあとって何やるの」): a task named before an `after:cue`, and
/// an `after:next` after it, in a sentence without a problem. In English
/// the task follows the cue, and the asking words may come first ("what do
/// we do after the certificate is installed?").
fn after_task(scan: &Scan) -> Option<TaskId> {
    if has_problem(scan) {
        return None;
    }
    sentences(scan.s).into_iter().find_map(|(sentence, _)| {
        scan.hits_in("after:cue", sentence.clone()).find_map(|cue| {
            if scan.s[cue.start..cue.end].is_ascii() {
                scan.any_in("after:next", sentence.clone())
                    .then(|| task_in(scan, cue.end..sentence.end))?
            } else {
                scan.any_in("after:next", cue.start..sentence.end)
                    .then(|| task_in(scan, sentence.start..cue.start))?
            }
        })
    })
}

/// Whether the message names a problem: a problem word counts unless it is
/// part of a phrase saying all is well (「問題なく」「すみません」).
fn has_problem(scan: &Scan) -> bool {
    has_problem_outside(scan, &[])
}

/// [`has_problem`] outside the byte ranges `except`.
fn has_problem_outside(scan: &Scan, except: &[Range<usize>]) -> bool {
    let all = 0..scan.s.len();
    let benign: Vec<&Hit> = scan.hits_in("problem:benign", all.clone()).collect();
    scan.hits_in("problem", all).any(|p| {
        !benign.iter().any(|b| b.start < p.end && p.start < b.end)
            && !except.iter().any(|c| c.start <= p.start && p.end <= c.end)
    })
}

/// The clauses that concede a problem past with けど (「…間違えたけど笑」),
/// not a failure (「…できなかったけど」): `concede:end` and not
/// `concede:not`, marks and laughs aside; in a message said with relief
/// (「やっと」「無事」), any problem told in the past (「IDの0とOを間違えてた」).
fn conceded(scan: &Scan) -> Vec<Range<usize>> {
    let f = scan.s;
    let relieved = scan.any("relief");
    let marks = |ch: char| !content_char(ch) || matches!(ch, '笑' | 'w' | '草');
    sentences(f)
        .into_iter()
        .flat_map(|(s, _)| clauses(f, s))
        .filter(|c| scan.any_in("problem", c.clone()))
        .filter(|c| {
            let mut t = f[c.clone()].trim_end_matches(marks);
            // 「途中で回線切れたけど何とか」: relief said after conceding.
            if let Some(r) = cues("relief").find(|r| t.ends_with(r.text.as_str())) {
                t = t[..t.len() - r.text.len()].trim_end_matches(marks);
            }
            let ends = |g: &str| ends_with_cue(t, g);
            (ends("concede:end") && !ends("concede:not")) || (relieved && ends("concede:past"))
        })
        .collect()
}

/// "Done" and nothing else (fillers, thanks and marks aside).
fn is_bare_done(scan: &Scan, range: Range<usize>) -> bool {
    scan.any_in("done:bare", range.clone())
        && scan.covered(
            &["done:bare", "done:filler", "talk:thanks", "talk:ack", "talk:filler"],
            range,
        )
}

/// The marks that tick an item off a list.
const TICKS: [char; 3] = ['✅', '☑', '✔'];

const EN_ASK: &[&str] = &[
    "how", "what", "when", "where", "who", "whom", "which", "why", "do", "does", "did", "can", "could", "should", "is",
    "are", "will", "would", "may", "shall", "has", "have", "am",
];

/// What a clause says.
#[derive(Debug, PartialEq)]
enum Said {
    Done,
    /// Waiting for what a task brings.
    Waiting,
    Other,
}

/// Whether a clause says something is done, or waited for.
fn clause_says(scan: &Scan, range: Range<usize>) -> Said {
    let c = scan.s[range.clone()].trim();
    // Hearsay of something done (「社長が出してきたそうです」「持って行って
    // くれたらしい」) reports it; hearsay of anything else (「3日かかるそうです」)
    // reports nothing.
    let past_hearsay = |h: &Hit| scan.within(h, "hearsay") && scan.s[..h.start].ends_with(['た', 'だ']);
    // 「OK」「了解」 alone acknowledge; they report nothing.
    if scan.covered(&TALK, range.clone()) || scan.hits_in("done:not", range.clone()).any(|h| !past_hearsay(h)) {
        return Said::Other;
    }
    // A task ticked off (「✅統合インストーラ」 "env check ✅") is done.
    let ticked = |t: &str| t.starts_with(TICKS);
    if ticked(c) || c.ends_with(TICKS) || ticked(scan.s[range.end..].trim_start()) {
        return Said::Done;
    }
    let first = c.split(|ch: char| !ch.is_ascii_alphabetic()).next().unwrap_or("");
    if EN_ASK.contains(&first) {
        return Said::Other;
    }
    if let Some(done) = scan.hits_in("done:en", range.clone()).next() {
        // "after we installed it" sets a time; "installed after lunch" reports.
        if scan
            .hits_in("done:not:before", range.clone())
            .any(|h| h.start < done.start)
        {
            return Said::Other;
        }
        return Said::Done;
    }
    if scan.any_in("wait:en", range.clone()) {
        return Said::Waiting;
    }
    // Japanese: the clause's last word, trailing particles and marks removed.
    let mut end: &str = c;
    // Whether only sentence-final particles were taken off so far: a
    // dialect's past in ん (「できたん」「出したんさ」) ends a clause, the
    // explaining ん before です or けど (「言われたんですが」) does not.
    let mut only_final = true;
    loop {
        let before = end;
        // An aside in brackets after the last word (「チェック済（5/12）」,
        // 「出しました(郵送)」) is not how the clause ends.
        if let Some(open) = end
            .trim_end()
            .strip_suffix([')', '）'])
            .and_then(|b| b.rfind(['(', '（']))
        {
            if has_content(&end[..open]) {
                end = &end[..open];
            }
        }
        // (ゞ ends a salute typed as a kaomoji: 「押しました(｀・ω・´)ゞ」.)
        end = end.trim_end_matches(|ch: char| !content_char(ch) || matches!(ch, 'ー' | '〜' | 'ゞ'));
        let tail = cues("done:tail")
            .chain(cues("done:tail:n").filter(|_| only_final))
            .find(|t| end.ends_with(t.text.as_str()));
        if let Some(t) = tail {
            let mut s = &end[..end.len() - t.text.len()];
            // A tail in だ after ん keeps its だ (「済んだべ」「読んだよ」).
            if t.text.starts_with('だ') && s.ends_with('ん') {
                s = &end[..s.len() + 'だ'.len_utf8()];
            }
            if has_content(s) {
                only_final &= cues("done:tail:final").any(|f| f.text == t.text);
                end = s;
            }
        }
        if end == before {
            break;
        }
    }
    let ends = |g: &str| ends_with_cue(end, g);
    if (ends("done:end") && !ends("done:false")) || (ends("done:memo") && scan.any_in("done:memo:when", range)) {
        Said::Done
    } else if ends("wait:end") {
        Said::Waiting
    } else {
        Said::Other
    }
}

/// The task a sentence names.
fn task_in(scan: &Scan, sentence: Range<usize>) -> Option<TaskId> {
    // A task named as the time of another (「ログイン後の[証明書]メニューより
    // 申請しました」「ログインして証明書の申請までやった」) is not the one
    // reported, when the other is a later step.
    let end = sentence.end;
    let then = |h: &Hit| {
        let rest = scan.s[h.end..end].trim_start();
        starts_with_cue(rest, "task:then")
    };
    // A task only wondered about (「届いたかどうか」) is not named.
    let said = |h: &Hit| !scan.within(h, "unsaid");
    let all = named_in(scan, sentence.clone(), &said);
    if !scan.hits_within(sentence.clone()).any(then) {
        return all;
    }
    match named_in(scan, sentence, &|h| said(h) && !then(h)) {
        Some(later) if all.is_some_and(|a| later > a) => Some(later),
        _ => all,
    }
}

/// The task named in a sentence by the cues `counts` keeps, the later step
/// first.
fn named_in(scan: &Scan, sentence: Range<usize>, counts: &dyn Fn(&Hit) -> bool) -> Option<TaskId> {
    let has = |g: &str| scan.hits_in(g, sentence.clone()).any(counts);
    Some(if has("task:proxy-application") {
        TaskId::ProxyApplication
    } else if has("task:software-into") {
        TaskId::Software
    } else if has("task:installer") {
        TaskId::Installer
    } else if has("task:login") {
        TaskId::Login
    } else if (has("task:notice") || (has("task:notice-weak") && !has("task:notify-submit"))) && has("task:receive") {
        TaskId::NotifyReceive
    } else if has("task:certificate") {
        if has("task:install") {
            TaskId::CertificateInstall
        } else {
            TaskId::CertificateApply
        }
    } else if has("task:notify-submit") {
        TaskId::NotifySubmit
    } else if has("task:notice") {
        TaskId::NotifyReceive
    } else if has("task:site") && has("task:enter") && !has("task:software") {
        // Got into the site (「e-seikyuuってとこに入れたがね」).
        TaskId::Login
    } else if has("task:software") {
        TaskId::Software
    } else if has("task:environment") {
        TaskId::Environment
    } else if has("task:vendor") {
        TaskId::Software
    } else if has("task:arrived") {
        // Something arrived, nothing named (「届いた」): by post only the
        // notice comes.
        TaskId::NotifyReceive
    } else {
        return None;
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(s: &str) -> Kind {
        classify(s).kind
    }

    #[test]
    fn lexicon_parses() {
        assert!(read_lexicon(LEXICON).unwrap() > 30);
        let l = parse_lexicon(LEXICON).unwrap();
        for g in [
            "talk:thanks",
            "person",
            "cmd:undo",
            "done:end",
            "problem",
            "task:installer",
            "offscope",
            "talk:end",
            "concede:end",
            "talk:nevermind",
            "after:cue",
            "done:after:not",
            "clause:end",
            "clause:because",
            "said:vendor",
            "person:knower",
            "done:not:before",
            "yes",
        ] {
            assert!(l.names.contains_key(g), "{g}");
        }
    }

    #[test]
    fn the_hard_cases() {
        assert_eq!(kind("届出を出したいんだけど"), Kind::Question);
        assert_eq!(kind("お知らせがまだ来ない"), Kind::Question);
        assert_eq!(kind("証明書がインストールできない"), Kind::Question);
        let i = classify("お知らせ届きました！次はログインですか？");
        assert_eq!((i.kind, i.task), (Kind::Status, Some(TaskId::NotifyReceive)));
        let i = classify("届出出してきました");
        assert_eq!((i.kind, i.task), (Kind::Status, Some(TaskId::NotifySubmit)));
        let i = classify("we installed the certificate");
        assert_eq!((i.kind, i.task), (Kind::Status, Some(TaskId::CertificateInstall)));
        let i = classify("終わりました");
        assert_eq!((i.kind, i.task), (Kind::Status, None));
        // A problem conceded beside a report; a failure or a problem after
        // it still makes a question.
        let i = classify("ログインできました！一回ロックされてヒヤッとしたけど😅");
        assert_eq!((i.kind, i.task), (Kind::Status, Some(TaskId::Login)));
        let i = classify("パスワード間違えたけど、ログインできた");
        assert_eq!((i.kind, i.task), (Kind::Status, Some(TaskId::Login)));
        assert_eq!(kind("証明書インストールできなかったけど"), Kind::Question);
        assert_eq!(kind("インストールしたらエラーが出たけど、どうすれば"), Kind::Question);
        assert_eq!(kind("届出出したけど、お知らせが来ない"), Kind::Question);
        // What follows a task is asked, not reported.
        let i = classify("証明書入れたら その次は？");
        assert_eq!((i.kind, i.after), (Kind::Question, Some(TaskId::CertificateInstall)));
        let i = classify("once we log in, what next?");
        assert_eq!((i.kind, i.after), (Kind::Question, Some(TaskId::Login)));
        assert_eq!(classify("ログインした後、パスワードを変えるには？").after, None);
        // Kana and a conversion slip.
        let i = classify("しょうめいしょいんすとーるかんりょう");
        assert_eq!((i.kind, i.task), (Kind::Status, Some(TaskId::CertificateInstall)));
        let i = classify("照明書のインストール済みました");
        assert_eq!((i.kind, i.task), (Kind::Status, Some(TaskId::CertificateInstall)));
        // Kana, dialects' pasts and hearsay.
        for (m, task) in [
            ("証明書もうしこんだ", TaskId::CertificateApply),
            ("証明書の申込み、きのうの夕方に済ませちょっど", TaskId::CertificateApply),
            ("届出、ホームページから送っときましたえ", TaskId::NotifySubmit),
            ("主任さんがさっき電子請求のシステムに入れはったそうどす", TaskId::Login),
            ("IDのかいてあるやつ届いてた", TaskId::NotifyReceive),
            ("だいりにん しんせい おわりました", TaskId::ProxyApplication),
            (
                "夜勤明けの山田さんが、帰りしなにインストーラのほう入れといてくれはりました",
                TaskId::Installer,
            ),
            // Tohoku: 〜どいだ is 〜ておいた, でぎだ できた.
            ("しょうめいしょ ぱそこんさ いれどいだ", TaskId::CertificateInstall),
            ("ろぐ印 でぎだ", TaskId::Login),
            // What is only wondered about is not what is done.
            (
                "届出を郵送いたしました。簡易書留にしたので、届いたかどうかは追跡で確認できます。",
                TaskId::NotifySubmit,
            ),
        ] {
            let i = classify(m);
            assert_eq!((i.kind, i.task), (Kind::Status, Some(task)), "{m}");
        }
        // Tried, not done: a problem (鹿児島弁 〜どん is 〜けど).
        assert_eq!(
            kind("仮パスワードでログインしようとしたどん、はじかれっと"),
            Kind::Question
        );
    }

    #[test]
    fn the_steps_of_the_leaflet_named_by_number_are_their_tasks() {
        // Steps 1 to 5 of the leaflet are the reception system's part; the
        // billing software follows.
        let i = classify("手順１～５が全部終わったら、そのあとは何をすればよいですか");
        assert_eq!((i.kind, i.after), (Kind::Question, Some(TaskId::Installer)));
        let i = classify("証明書のインストールまで終わったとして、その次の作業は何になりますか");
        assert_eq!((i.kind, i.after), (Kind::Question, Some(TaskId::CertificateInstall)));
        let i = classify("手順1〜5終わりました");
        assert_eq!((i.kind, i.task), (Kind::Status, Some(TaskId::Installer)));
        // The office's own next step is still asked for.
        assert_eq!(classify("次は何？").request, Some(Request::Next));
    }

    #[test]
    fn requests_talk_and_people() {
        assert_eq!(classify("次へ").request, Some(Request::Next));
        assert_eq!(
            classify("お先に失礼します、お疲れさまでした").talk,
            Some(Talk::Farewell)
        );
        assert_eq!(classify("お疲れさまです！").talk, Some(Talk::Greeting));
        assert_eq!(classify("使い方がわからない").request, Some(Request::Help));
        // The next step on a checklist is the next step.
        assert_eq!(
            classify("OK, what is the next step on the checklist for us?").request,
            Some(Request::Next)
        );
        assert_eq!(
            classify("Can you show me our checklist?").request,
            Some(Request::Progress)
        );
        // A person asked to take the question on.
        assert_eq!(
            kind("このチャンネル見とる職員さんに質問回してもらえますか"),
            Kind::Handoff
        );
        assert_eq!(classify("間違えて完了にしちゃった").request, Some(Request::Undo));
        // What was said done, quoted, is no topic of a question.
        assert_eq!(
            classify("さっきの「届いた」ってやつ、別の封筒だったわ。戻してくれる？").request,
            Some(Request::Undo)
        );
        assert_eq!(classify("今どこまで進んでる？").request, Some(Request::Progress));
        assert_eq!(
            classify("次へ進みたいです。今やるべきことは何でしょうか。").request,
            Some(Request::Next)
        );
        assert_eq!(kind("ありがとう！"), Kind::SmallTalk);
        assert_eq!(kind("🙏🙏🙏"), Kind::SmallTalk);
        assert_eq!(kind("担当者と話したい"), Kind::Handoff);
        assert_eq!(kind("スタッフの方、このチャンネル見てたら返信ください"), Kind::Handoff);
        assert_eq!(kind("I'd like a staff member to help me, please."), Kind::Handoff);
        // Going in person, and whom to escalate to, ask for no one here.
        assert_eq!(
            kind("Where do we submit the start notification form? Online, post, in person?"),
            Kind::Question
        );
        assert_eq!(
            kind("Cert install throws an error. Who do we escalate to?"),
            Kind::Question
        );
        assert_eq!(kind("Please escalate this to a person"), Kind::Handoff);
        // Other business told in another sentence sets a request's scene;
        // asked in the same sentence, it makes a question to refuse.
        assert_eq!(
            classify("主人が利用者さんの送迎に出てしまったので、私が続きをやろうと思います。次にやることを教えていただけますか。").request,
            Some(Request::Next)
        );
        assert_eq!(
            classify("何かあったときの連絡先をまとめて教えていただけますか。印刷して冷蔵庫に貼っておきたいので。")
                .request,
            Some(Request::Contact)
        );
        let i = classify("LIFEのログインIDがわからんっちゃけど、どこに聞けばいい？");
        assert!(i.kind == Kind::Question && i.off_scope, "{i:?}");
        // A topic makes a question of a request's words.
        assert_eq!(kind("請求ソフトの使い方がわからない"), Kind::Question);
        assert_eq!(kind("ヘルプデスクの電話番号"), Kind::Question);
    }

    #[test]
    fn the_bot_named_or_help_said_asks_for_the_help_only_when_asking() {
        let request = |m: &str| classify(m).request;
        assert_eq!(request("このボットって何ができるの？"), Some(Request::Help));
        assert_eq!(request("このチャンネルの使い方は？"), Some(Request::Help));
        assert_eq!(request("help!"), Some(Request::Help));
        assert_eq!(request("このチャンネル、どう使えばいい？"), Some(Request::Help));
        assert_ne!(
            request("佐々木さんが「このボット便利だね」って言ってました笑"),
            Some(Request::Help)
        );
        assert_ne!(
            request("よろしくお願いします！今日からこのチャンネル使います"),
            Some(Request::Help)
        );
        assert_ne!(
            request("Sorry, I was away from my desk for a bit. A resident needed help."),
            Some(Request::Help)
        );
    }

    #[test]
    fn hearsay_of_a_task_done_reports_it_and_of_anything_else_nothing() {
        let task = |m: &str| classify(m).task;
        assert_eq!(kind("社長が届出を出してきてくださったそうです。"), Kind::Status);
        assert_eq!(
            task("例の届け、昨日管理者さんが国保連まで持って行ってくれたみたいです。"),
            Some(TaskId::NotifySubmit)
        );
        assert_eq!(task("証明書はもう発行されたらしい"), Some(TaskId::CertificateApply));
        assert_ne!(kind("届出から3日かかるそうです"), Kind::Status);
        assert_ne!(kind("証明書の発行はできそうです"), Kind::Status);
        // 「あたらしい」 ends in らしい but is "new".
        assert_ne!(kind("電子証明書 はあたらしい PC にもいりますか"), Kind::Status);
    }

    #[test]
    fn a_task_ticked_off_is_done_and_a_time_stamp_ends_its_item() {
        let task = |m: &str| classify(m).task;
        assert_eq!(task("✅統合インストーラ（10:45）次は？"), Some(TaskId::Installer));
        assert_eq!(task("✔届け出提出（11/5）"), Some(TaskId::NotifySubmit));
        assert_eq!(task("env check ✅"), Some(TaskId::Environment));
        assert_eq!(
            task("Sent the kokuhoren form today (Apr 3). Any idea on the ETA?"),
            Some(TaskId::NotifySubmit)
        );
        // A bracket that is not a date or a time leaves the question whole.
        assert_eq!(kind("証明書（電子証明書）の申請方法は？"), Kind::Question);
        assert!(is_stamp("10:45") && is_stamp("Apr 3") && is_stamp("5月12日") && !is_stamp("電子証明書"));
    }

    #[test]
    fn english_reports_said_in_phrasal_verbs() {
        let task = |m: &str| classify(m).task;
        assert_eq!(
            task("The kokuhoren paperwork went in on Friday."),
            Some(TaskId::NotifySubmit)
        );
        assert_eq!(task("Cert application's gone in."), Some(TaskId::CertificateApply));
        assert_eq!(task("Cert's on the machine now."), Some(TaskId::CertificateInstall));
        assert_eq!(
            task("Integrated installer is on the machine now. Nothing to configure after, right?"),
            Some(TaskId::Installer)
        );
        assert_eq!(
            task("Proxy applicant paperwork is all done as of this afternoon."),
            Some(TaskId::ProxyApplication)
        );
    }

    #[test]
    fn the_weather_remarked_on_is_chat_but_a_question_about_it_is_not() {
        assert!(classify("Lovely weather in Tokyo today, for once.").chat.is_some());
        assert!(classify("ええ天気じゃけん みかんがよう色づくわい").chat.is_some());
        assert!(classify("明日の天気はどうなりますか？").chat.is_none());
        // A trouble the weather brings is still a remark…
        assert!(classify("今日は台風で船が来ないので、のんびりです").chat.is_some());
        assert!(
            classify("Rain again today... the residents can't go out for their walk 😢")
                .chat
                .is_some()
        );
        // …but asking about it is not.
        assert!(classify("明日雪らしいよ、送迎どうする？").chat.is_none());
        assert!(classify("明日の天気どうかな。送迎あるから雨だと困る").chat.is_none());
    }

    #[test]
    fn getting_into_the_site_is_the_login() {
        for m in [
            "e-seikyuuのページ、入れたでぇ。",
            "e-seikyuuってとこに入れたがね、なっから時間かかったけんど",
        ] {
            let i = classify(m);
            assert_eq!((i.kind, i.task), (Kind::Status, Some(TaskId::Login)), "{m}");
        }
        // The certificate put in through the site is the certificate's.
        assert_eq!(
            classify("e-seikyuuから証明書をダウンロードして入れました").task,
            Some(TaskId::CertificateInstall)
        );
    }

    #[test]
    fn words_trailing_off_end_a_clause() {
        assert_eq!(classify("受付システムに入れた…3回目でやっと").task, Some(TaskId::Login));
        // Not the dots of a version or an address.
        assert_eq!(kind("Windows 8.1で大丈夫ですか"), Kind::Question);
    }

    #[test]
    fn a_past_given_as_the_reason_ends_its_clause() {
        assert_eq!(
            classify("伝送ソフトの設定も業者さんにしてもろたけんこれでしまいかな").task,
            Some(TaskId::Software)
        );
        assert_eq!(
            classify("届出出したので次は何をすれば").task,
            Some(TaskId::NotifySubmit)
        );
        // A reason that is not a past reports nothing.
        assert_eq!(kind("届出を出したいのでどこに送ればいいですか"), Kind::Question);
    }

    #[test]
    fn a_person_named_alone_is_called_for() {
        for m in ["人", "agent", "human pls", "だれでも いいから ひと", "担当者！"] {
            assert_eq!(kind(m), Kind::Handoff, "{m}");
        }
        assert_ne!(kind("個人"), Kind::Handoff);
        // The words around a person call for no one alone.
        for m in ["please", "お願い", "a", "だれでもいいから"] {
            assert_ne!(kind(m), Kind::Handoff, "{m}");
        }
    }

    #[test]
    fn a_command_typed_with_a_slip_is_the_request_meant() {
        for (typed, meant) in [
            ("/nexr", Request::Next),
            ("/hlep", Request::Help),
            ("/progres", Request::Progress),
            ("／contcat", Request::Contact),
            ("/undp", Request::Undo),
        ] {
            assert_eq!(classify(typed).request, Some(meant), "{typed}");
        }
        // Not a slip from a request: nothing is made of it.
        assert_eq!(classify("/xyzzy").request, None);
        assert_eq!(classify("/don").request, None);
    }

    #[test]
    fn chat_messages_split_at_spaces_and_name_the_task_before_the_question() {
        // A space after Japanese ends a clause; the question after the
        // report names what comes next, not what is done.
        let i = classify("登録結果のお知らせ、今日届いてました〜 次ってログイン？");
        assert_eq!((i.kind, i.task), (Kind::Status, Some(TaskId::NotifyReceive)));
        let i = classify("PCの動作環境チェック済みです👍 Win10とIE11でいけそう");
        assert_eq!((i.kind, i.task), (Kind::Status, Some(TaskId::Environment)));
        let i = classify("統合インストーラー、さっきインストールしといたで。");
        assert_eq!((i.kind, i.task), (Kind::Status, Some(TaskId::Installer)));
        // Another certificate said to have come is not a report.
        let i = classify("マイナンバーカードの電子証明書の有効期限が近いと通知が来ました");
        assert_eq!((i.kind, i.off_scope), (Kind::Question, true));
    }

    #[test]
    fn emoji_and_wave_dashes_end_clauses_and_a_time_is_not_a_report() {
        let i = classify("インターネット請求開始の届出、郵送しました📮次なにすればいいですか？");
        assert_eq!((i.kind, i.task), (Kind::Status, Some(TaskId::NotifySubmit)));
        let i = classify("[証明書]メニューから申請だしといた、あとは待つだけ？");
        assert_eq!((i.kind, i.task), (Kind::Status, Some(TaskId::CertificateApply)));
        let i = classify("どうさかんきょうの確認おわりました〜次は届出？");
        assert_eq!((i.kind, i.task), (Kind::Status, Some(TaskId::Environment)));
        assert_eq!(kind("国保連に届出をだした、あと何が届きますか"), Kind::Question);
        // The last task said done is the report.
        let i = classify("電子証明書が発行されたので、ダウンロードしてインストールしました");
        assert_eq!(i.task, Some(TaskId::CertificateInstall));
        assert!(only_asks("手順１から５まで終わったら、それで準備は全部完了ですか？"));
        assert!(!only_asks("お知らせ届きました！次はログインですか？"));
        // A greeting's お願い asks nothing.
        assert!(!asks("以上、よろしくお願いいたします"));
        assert!(asks("確認してください"));
        // Courtesy around a question tells nothing.
        assert!(only_asks(
            "お手数をおかけいたします。事務所のパソコンがＷｉｎｄｏｗｓ１０なのですが、こちらでインターネット請求は問題なく行えますでしょうか。"
        ));
        // Other business asked about, or complained of, is refused.
        assert!(classify("利用者さんの誕生会の準備ってどうしてる？").off_scope);
        assert!(classify("プリンター紙詰まりした😭").off_scope);
    }

    #[test]
    fn next_alone_is_a_request_but_next_month_is_not() {
        assert_eq!(classify("next").request, Some(Request::Next));
        assert_eq!(
            classify("Which step comes next for our office?").request,
            Some(Request::Next)
        );
        assert_eq!(classify("We are relocating our office next month.").request, None);
        assert!(classify("We are relocating our office next month.").off_scope);
    }

    #[test]
    fn chat_is_told_from_a_question_without_a_mark() {
        assert_eq!(classify("きょうは寒いねぇ、雪かきで腰いたいわ").chat, Some(Talk::Ack));
        assert_eq!(classify("sorry, wrong channel lol").kind, Kind::SmallTalk);
        for q in [
            "週末の予定は",
            "年末調整のやり方",
            "Wi-Fiのパスワード忘れた",
            "need a new printer",
        ] {
            assert_eq!(classify(q).chat, None, "{q}");
        }
        // A remark on other business that asks nothing is chat too; the
        // same business asked about is a near miss.
        // The weather's trouble with other business is a remark too.
        assert!(classify("今日なまら雪降ってるわ、送迎たいへんだった").chat.is_some());
        let remark = classify("今日は利用者さんの運動会で一日バタバタでした🏃");
        assert!(remark.off_scope && remark.chat.is_some());
        assert_eq!(classify("利用者さんの負担割合ってどう決まるの").chat, None);
        // Wishing someone well asks nothing; a face drawn in brackets ends
        // a remark as an emoji does.
        for q in [
            "台風近づいてるみたいなので、皆さん気をつけて帰ってくださいね",
            "雨すごいですね☔ 訪問の皆さん気をつけてくださいね〜",
            "今日は雨で送迎が大変だった(´・ω・`)",
        ] {
            assert!(classify(q).chat.is_some(), "{q}");
        }
        // A narrative in the past on other business is a remark; a problem
        // in it is not.
        assert!(
            classify("ご返信が遅くなりすみません。実地指導の対応に追われておりました。")
                .chat
                .is_some()
        );
        assert_eq!(classify("複合機のスキャナが急に動かなくなりました").chat, None);
        assert_eq!(classify("プリンターの設定方法は(急ぎ)").chat, None);
        assert_eq!(classify("プリンターの設定は（田中）").chat, None);
    }

    #[test]
    fn a_full_width_dash_typed_for_the_long_vowel_is_read_as_it() {
        // 「－」 folds to a one-byte "-", then to the three-byte 「ー」: the
        // katakana-kept copy the status reader compares with must follow.
        assert_eq!(
            kind("統合インストーラ－のダウンロード方法が書いてある場所を教えてください"),
            Kind::Question
        );
        let i = classify("統合インストーラ－、インスト－ルしました");
        assert_eq!((i.kind, i.task), (Kind::Status, Some(TaskId::Installer)));
    }

    #[test]
    fn no_mix_of_kana_dashes_marks_and_width_panics_the_reader() {
        // Characters whose folded form changes length (half-width kana,
        // full-width dashes and letters, combining marks, ligatures, zero
        // width), the marks of chat and words of reports, mixed at random
        // (a fixed xorshift sequence, so a failure repeats).
        let alphabet: Vec<char> = "shimasu desu n'kka インストーラ－ー-−‐―—─ｲﾝｽﾄｰﾙｶﾞﾊﾟ届出しました証明書ログイン？?。、 　>＞←/｜|・①※→まる改行はてなok doneＡＢ１２ℌ㍿㈱ﾞﾟ\u{3099}\u{309a}\u{200b}\n\tre:@"
            .chars()
            .collect();
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..20_000 {
            let mut s = String::new();
            for _ in 0..(x % 24) {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                s.push(alphabet[(x % alphabet.len() as u64) as usize]);
            }
            let said = unmarked(&s).map_or_else(|| s.clone(), |u| u.said);
            let said = unromanized(&said).unwrap_or(said);
            let body = unframed(&said).unwrap_or(said);
            classify(&body);
            classify(&s);
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        }
    }

    #[test]
    fn of_two_tasks_said_done_the_one_furthest_along_is_the_report() {
        let i = classify("ログインできました！仮パスワードもちゃんと変えときました");
        assert_eq!((i.kind, i.task), (Kind::Status, Some(TaskId::Login)));
        let i = classify("受付システム入れました。ユーザIDはKJではじまるやつでした");
        assert_eq!((i.kind, i.task), (Kind::Status, Some(TaskId::Login)));
        // Someone asked for about other business is a colleague.
        assert_ne!(kind("事業所の電話番号変わったらどこに届ければいいの"), Kind::Command);
        assert_ne!(
            kind("What's the Wi-Fi password for the office router? Someone's changed it"),
            Kind::Handoff
        );
        assert_eq!(kind("機械じゃわがんねえから、人さ聞きてえんだ"), Kind::Handoff);
        // Nothing shown is no problem.
        let i = classify("統合インストーラいれといた　画面なにも出なかったけどあれでいいの？");
        assert_eq!((i.kind, i.task), (Kind::Status, Some(TaskId::Installer)));
    }

    #[test]
    fn japanese_typed_in_romaji_is_read_in_hiragana() {
        // Written as Japanese is, without spaces between its words.
        assert_eq!(
            unromanized("shoumeisho no hakkou shinsei owarimashita").as_deref(),
            Some("しょうめいしょのはっこうしんせいおわりました")
        );
        // Names stay; a long vowel spelled twice is 「ー」; ん before a
        // consonant, at the end and as nn.
        assert_eq!(
            unromanized("e-seikyuu no URL oshiete kudasai").as_deref(),
            Some("e-seikyuu の URL おしえてください")
        );
        assert_eq!(
            unromanized("insutooru dekimasen, konnichiwa").as_deref(),
            Some("いんすとーるできません, こんにちわ")
        );
        assert_eq!(unromanized("tsugi wa nan desu ka").as_deref(), Some("つぎはなんですか"));
        // Nearly all words romaji, a particle among them, and no verb
        // ending.
        assert_eq!(
            unromanized("jiichan ga kiiteru, shoumeisho no tesuuryou ikura?").as_deref(),
            Some("じいちゃんがきいてる, しょうめいしょのてすうりょういくら?")
        );
        // English, and romaji without a Japanese verb ending, are left.
        assert_eq!(unromanized("we installed the certificate"), None);
        assert_eq!(unromanized("tsugi wa?"), None);
        assert_eq!(unromanized("no idea"), None);
        assert_eq!(unromanized("I have no PC at home"), None);
        assert_eq!(unromanized("Do you know the fee?"), None);
        let read = |m: &str| classify(&text::unspaced(&unromanized(m).unwrap()));
        let i = read("shoumeisho no hakkou shinsei owarimashita");
        assert_eq!((i.kind, i.task), (Kind::Status, Some(TaskId::CertificateApply)));
        assert_eq!(
            read("torikeshi onegai, machigaete kanryou ni shita").request,
            Some(Request::Undo)
        );
        // A conditional spelled apart (「totta ra」) is one word, not a
        // report.
        assert_eq!(
            read("denshi shoumeisho tte ichido totta ra zutto tsukaeru no?").kind,
            Kind::Question
        );
        // An asking ending marks it too.
        assert!(unromanized("shoumeisho no koushin tte nannen goto deshitakke?").is_some());
    }

    #[test]
    fn the_marks_of_chat_are_taken_off() {
        let said = |m: &str| unmarked(m).map(|u| u.said);
        // A reply to a quoted line, and the line it quotes.
        assert_eq!(
            unmarked("> 届出を出してください ← 出しました！"),
            Some(Unmarked {
                said: "出しました！".into(),
                quote: Some("届出を出してください".into())
            })
        );
        assert_eq!(
            unmarked("re: the notice — still not here")
                .and_then(|u| u.quote)
                .as_deref(),
            Some("the notice")
        );
        assert_eq!(said("> done / nice 🎉").as_deref(), Some("nice 🎉"));
        // An anchor quotes nothing; names addressed are not said.
        assert_eq!(said(">>12 わかりましたー").as_deref(), Some("わかりましたー"));
        assert_eq!(
            unmarked("> 1日から10日 ← 間に合わない")
                .and_then(|u| u.quote)
                .as_deref(),
            Some("1日から10日")
        );
        assert_eq!(
            said("@事務の山田さん 届出出しました").as_deref(),
            Some("届出出しました")
        );
        // A quote mark without a reply is left as it is.
        assert_eq!(said("> 届出を出してください"), None);
        // A memo's items are sentences; its labels go.
        assert_eq!(
            said("・届出→済 ・お知らせ→待ち ・次の作業→？").as_deref(),
            Some("届出 済。 お知らせ 待ち。 次の作業 ？")
        );
        assert_eq!(said("件名：準備期間の件").as_deref(), Some("準備期間の件"));
        assert_eq!(
            said("- notice: received - next?").as_deref(),
            Some("notice: received。 next?")
        );
        // 「PC・ブラウザ」 and a phone number keep their marks.
        assert_eq!(said("PC・ブラウザの確認済み"), None);
        assert_eq!(said("0570-059-402 に電話しました"), None);
        // Punctuation said to voice input.
        assert_eq!(
            said("届け出郵送しましたまる次は何したらいいですか").as_deref(),
            Some("届け出郵送しました。次は何したらいいですか")
        );
        assert_eq!(said("お知らせでした改行次は").as_deref(), Some("お知らせでした。次は"));
        assert_eq!(said("まるで分からない"), None);
        // Read so, each is what it says.
        let read = |m: &str| classify(&said(m).unwrap());
        assert_eq!(read("> 次はログインです ← 了解です").kind, Kind::SmallTalk);
        let i = read("【報告】①届出 済 ②お知らせ 受領 ③代理人申請 本日完了");
        assert_eq!((i.kind, i.task), (Kind::Status, Some(TaskId::ProxyApplication)));
        let i = read("インターネット請求開始の届け出郵送しましたまる次は何したらいいですか");
        assert_eq!((i.kind, i.task), (Kind::Status, Some(TaskId::NotifySubmit)));
        // A memo headed as a question reports nothing.
        assert_eq!(
            classify("【確認】ブラウザの指定有無。当方PCはChromeのみインストール済。").kind,
            Kind::Question
        );
    }

    #[test]
    fn a_letters_frame_is_taken_off() {
        assert_eq!(
            unframed("拝啓 時下ますますご清祥のこととお慶び申し上げます。さて、証明書の費用をご教示ください。敬具")
                .as_deref(),
            Some("証明書の費用をご教示ください")
        );
        assert_eq!(unframed("証明書の費用は？"), None);
        // Nothing but a frame stays as it is.
        assert_eq!(unframed("拝啓 敬具"), None);
        // A closing word must stand apart.
        assert_eq!(unframed("拝啓 回線は光回線以上").as_deref(), Some("回線は光回線以上"));
        // Archaic forms ask and report.
        let body = unframed("前略 代理人申請の手続き、滞りなく相済み申し候 草々").unwrap();
        assert_eq!(classify(&body).task, Some(TaskId::ProxyApplication));
        let body =
            unframed("拝啓 万一、月の１０日までに伝送が叶わぬ場合、当月分の請求は如何相成りましょうや 敬具").unwrap();
        assert_eq!(kind(&body), Kind::Question);
        assert!(classify(&body).asks);
    }

    #[test]
    fn a_report_said_with_relief_survives_a_past_slip() {
        // Conceded, then laughed at (草) or got through (何とか); a lock
        // that did not come is no problem.
        for (m, t) in [
            ("ログインできたｗｗｗ　仮パス打ち間違えまくったけど草", TaskId::Login),
            (
                "証明書のインストール完了。途中で回線切れたけど何とか",
                TaskId::CertificateInstall,
            ),
            ("ログインいけた。3回目で。ロックされる前でよかった…", TaskId::Login),
            (
                "Integrated installer's on as well. Didn't ask me anything, just did its thing.",
                TaskId::Installer,
            ),
        ] {
            assert_eq!(classify(m).task, Some(t), "{m}");
        }
        assert_eq!(
            classify("やっとログインできた〜😂 IDの0とOを間違えてたw").task,
            Some(TaskId::Login)
        );
        assert_eq!(
            classify("やっとログインできたｗ ID打ち間違えてただけでした").task,
            Some(TaskId::Login)
        );
        // A problem now is still a question.
        assert_eq!(
            kind("やっとログインできたけど証明書がインストールできない"),
            Kind::Question
        );
        // Nothing needed is not a problem.
        assert_eq!(
            classify("統合インストーラ入れました。設定とか何もいらないんですよね？").task,
            Some(TaskId::Installer)
        );
    }

    #[test]
    fn setting_up_the_software_with_the_certificate_reports_the_software() {
        assert_eq!(
            classify("伝送ソフトにユーザIDと証明書の設定を入れ終わりました！").task,
            Some(TaskId::Software)
        );
        assert_eq!(
            classify("証明書をパソコンに入れ終わりました！").task,
            Some(TaskId::CertificateInstall)
        );
        assert_eq!(classify("さっきの完了 キャンセルして").request, Some(Request::Undo));
    }

    #[test]
    fn arrived_alone_is_the_notice_and_a_cheer_is_no_report() {
        assert_eq!(classify("届いた").task, Some(TaskId::NotifyReceive));
        assert_ne!(kind("やった〜"), Kind::Status);
        assert_ne!(
            kind("3時のおやつにどら焼きいただきました🍵 ごちそうさまです"),
            Kind::Status
        );
        assert_eq!(classify("大理人申請おわりました").task, Some(TaskId::ProxyApplication));
        assert_eq!(classify("ログイン成功。").task, Some(TaskId::Login));
        assert_eq!(kind("このチャンネルのスタッフさん呼んでもらえますか"), Kind::Handoff);
    }

    #[test]
    fn more_near_misses_in_english_and_slang() {
        for q in [
            "How do I reset the office Wi-Fi router?",
            "ＬＩＮＥＷＯＲＫＳの通知こないんだけど",
            "win10から11にアプデするやり方おしえて",
            "How much is an iPad for recording visits?",
            "Where do I get the form to change our office address?",
        ] {
            assert!(classify(q).off_scope, "{q}");
        }
        assert!(!classify("iPadでも使えますか？").off_scope);
    }

    #[test]
    fn buying_a_replacement_pc_is_not_the_price_of_a_product() {
        assert!(!classify("来月パソコン買い替えるんやけど、証明書とかなんぼかかるん？").off_scope);
        assert!(classify("ノートパソコン買うならいくらくらい？").off_scope);
    }

    #[test]
    fn a_report_trailing_off_or_asking_what_now_is_still_a_report() {
        // A report conceded before a question is the question's context,
        // unless the question is what to do next.
        assert_eq!(
            classify("しょうめいしょ申請したけど、いつ発行されんの？").kind,
            Kind::Question
        );
        assert_eq!(
            classify("I downloaded the cert but the install keeps failing, who can I ask?").kind,
            Kind::Question
        );
        assert_eq!(
            classify("届出出したんじゃけど、次どうすりゃええ？").task,
            Some(TaskId::NotifySubmit)
        );
        // …or whether that is all.
        assert_eq!(
            classify("電子証明書の申請ボタン押したっちゃけど、これで数日待てばよかと？").task,
            Some(TaskId::CertificateApply)
        );
        // A memo: a verbal noun with when it was done.
        assert_eq!(
            classify("インターネット請求開始届出、本日郵送。").task,
            Some(TaskId::NotifySubmit)
        );
        assert_eq!(kind("届出は郵送？"), Kind::Question);
        // An aside in brackets after the report's last word.
        assert_eq!(
            classify("動作環境チェック済（5/12）。次、届出ですよね？").task,
            Some(TaskId::Environment)
        );
        assert_eq!(classify("届出、FAXで送りました（夜勤明けに）").kind, Kind::Status);
        // Kyushu 「届いとった」 trailing off with ですが.
        assert_eq!(
            classify("「電子請求登録結果に関するお知らせ」、今朝届いとったですが").task,
            Some(TaskId::NotifyReceive)
        );
        // 「次はどうすれば」 asks what follows; it is no problem.
        assert_eq!(
            classify("えーと 電子請求登録結果に関するお知らせ 今日とどきました 次はどうすれば").task,
            Some(TaskId::NotifyReceive)
        );
        // Not issued after a week is a problem: a question.
        assert_eq!(
            kind("【報告・相談】[証明書]メニューより発行申請を行ったが、1週間経過しても発行されず。問合せ先をご教示願う。以上。"),
            Kind::Question
        );
        // A suggestion that came is no report.
        assert_eq!(
            kind("IT業者から「Windows7のPCが1台余っているので、それを請求用にしては」と提案がありました。Windows7でも使えますか。"),
            Kind::Question
        );
    }

    #[test]
    fn simplified_chinese_forms_of_our_words_are_read() {
        assert_eq!(classify("证明书、入れました！").task, Some(TaskId::CertificateInstall));
        assert_eq!(
            classify("お知らせのユーザIDと仮パスワードで、介護電子請求受付システムに登陆できました。").task,
            Some(TaskId::Login)
        );
        assert!(classify("事務所のWi-Fiの密码を忘れました。ルーターのどこに書いてありますか？").off_scope);
        assert!(classify("印鑑证明书は発行から何ヶ月以内のものが有効ですか？").off_scope);
    }

    #[test]
    fn other_business_typed_in_kana_is_a_near_miss() {
        assert!(classify("へんこうとどけ の かきかた おしえて").off_scope);
        assert!(classify("りれきじこう ぜんぶしょうめいしょ とってこいって いわれた どこで もらうの").off_scope);
        assert!(!classify("とどけ の だしかた おしえて").off_scope);
    }

    #[test]
    fn traditional_forms_of_our_words_are_read() {
        let i = classify("國保連合會に屆出を郵送しました（１１月５日）。");
        assert_eq!((i.kind, i.task), (Kind::Status, Some(TaskId::NotifySubmit)));
        assert_eq!(
            classify("[證明書]メニューで發行申請をしました。").task,
            Some(TaskId::CertificateApply)
        );
    }

    #[test]
    fn a_dialects_past_reports() {
        for (m, t) in [
            (
                "証明書パソコンに入れたに！次はインストーラだら？",
                TaskId::CertificateInstall,
            ),
            (
                "昨日主任がパソコンの環境チェックしてくれただよ、問題なしだって",
                TaskId::Environment,
            ),
            (
                "証明書ダウンロードして、パソコンにインストールできたん",
                TaskId::CertificateInstall,
            ),
            ("いんたーねっとせいきゅうのとどけで、だしたんさ", TaskId::NotifySubmit),
            ("パソコンの準備、もうできとうよ。", TaskId::Environment),
            // Tosa: 「〜てくれちゅう」 (has done for us), hearsay after it.
            (
                "事務長がIDと仮パスの載った封筒を受け取ってくれちゅうって",
                TaskId::NotifyReceive,
            ),
            // Jōshū: a past in んべ(え).
            (
                "とうごうインストーラってのも、孫が入れてくれたんべえ",
                TaskId::Installer,
            ),
            (
                "証明書のもうしこみ、やっといたんべ。あとは待ってりゃいいんかい",
                TaskId::CertificateApply,
            ),
            // Just done: 「〜たところ」.
            (
                "発行された証明書をインストールし終わったところやき、次教えて",
                TaskId::CertificateInstall,
            ),
        ] {
            let i = classify(m);
            assert_eq!((i.kind, i.task), (Kind::Status, Some(t)), "{m}");
        }
        // The explaining ん before です or けど reports nothing.
        assert_eq!(
            kind("導入マニュアルってどこにありますか？証明書の取り方が載ってるって聞いたんですが"),
            Kind::Question
        );
        assert_eq!(kind("伝送ソフトの設定済んだよ、もう二度とやりたくない"), Kind::Status);
        let i = classify("証明書のインストール済んだべ");
        assert_eq!((i.kind, i.task), (Kind::Status, Some(TaskId::CertificateInstall)));
        assert_eq!(classify("国保連からお知らせ来たっぺ").task, Some(TaskId::NotifyReceive));
        // 「ましたー」 with no mark before the next sentence still ends one.
        let i = classify("ろぐいんできましたー次は証明書？");
        assert_eq!((i.kind, i.task), (Kind::Status, Some(TaskId::Login)));
    }

    #[test]
    fn a_report_read_by_the_classifier_names_the_task_told_not_the_one_asked_about() {
        let read = |m: &str, task| Intent::read_as(m, Kind::Status, task, None).unwrap().task;
        let m = "施設長が今朝、連合会に開始届を持っていってくれました。お知らせってどのくらいで届きますか？";
        assert_eq!(read(m, None), Some(TaskId::NotifySubmit));
        let m = "午後ポスト見たら国保連から封筒きとった！登録結果のお知らせ。次ログイン？";
        assert_eq!(read(m, None), Some(TaskId::NotifyReceive));
        // Only the question names a task: the classifier's task, else that one.
        let m = "終わりました！次はログインですか？";
        assert_eq!(read(m, Some(TaskId::NotifyReceive)), Some(TaskId::NotifyReceive));
        assert_eq!(read(m, None), Some(TaskId::Login));
        let m = "統合インストーラ？入れたよ、思ったより簡単だった";
        assert_eq!(read(m, Some(TaskId::CertificateInstall)), Some(TaskId::Installer));
        // A report that asks nothing names the furthest along.
        assert_eq!(
            read("届出出して、お知らせも届きました", None),
            Some(TaskId::NotifyReceive)
        );
    }

    #[test]
    fn a_task_named_as_the_time_of_a_later_one_is_not_the_report() {
        for (m, t) in [
            (
                "ログイン後の[証明書]メニューより、電子証明書の発行申請を本日行いました。",
                TaskId::CertificateApply,
            ),
            ("ログインして証明書の発行申請までやっといた。", TaskId::CertificateApply),
            ("ログインしてみました", TaskId::Login),
            (
                "仮パスワードでログインして、パスワードも変更しておきました",
                TaskId::Login,
            ),
            // A vendor who checked the PC: the PC's step, not the software's.
            (
                "業者さんに来てもらって、パソコンの確認をしてもらいました。",
                TaskId::Environment,
            ),
            ("業者さんに確認しました", TaskId::Software),
        ] {
            assert_eq!(classify(m).task, Some(t), "{m}");
        }
    }

    #[test]
    fn a_japanese_name_then_an_english_verb_is_one_clause() {
        assert_eq!(
            classify("Just letting you know the 代理人申請 is all taken care of. Did that on Monday.").task,
            Some(TaskId::ProxyApplication)
        );
        // A space after Japanese still ends a clause before other English.
        assert_eq!(classify("届出出しました next?").task, Some(TaskId::NotifySubmit));
    }

    #[test]
    fn staff_asked_to_take_over_is_a_request_for_a_person_but_a_new_manager_is_not() {
        assert_eq!(
            kind("このチャンネルの管理者の方に質問を引き継いでいただけますか。"),
            Kind::Handoff
        );
        assert_eq!(kind("ひとにきいて"), Kind::Handoff);
        assert_eq!(kind("No offense bot but I need a tantousha 😅"), Kind::Handoff);
        assert_ne!(
            kind("今日から管理者になりました佐藤です。前任からの引継ぎで色々聞くと思いますがよろしくです"),
            Kind::Handoff
        );
        assert_ne!(kind("職員の夜勤手当の計算方法について相談したいです。"), Kind::Handoff);
        // Dialect and second-language English for "a person, not the bot".
        assert_eq!(kind("ロボットじゃのうて人がええ"), Kind::Handoff);
        assert_eq!(
            kind("pls pass my question to the staff, maybe they know better"),
            Kind::Handoff
        );
        assert_eq!(
            kind("Is there someone on your team who could check this for me?"),
            Kind::Handoff
        );
    }

    #[test]
    fn near_misses_are_off_scope() {
        assert!(classify("マイナンバーカードの電子証明書の更新").off_scope);
        assert!(classify("印鑑証明書ってコンビニで取れる？").off_scope);
        assert!(!classify("証明書の更新はどうするの").off_scope);
        // Other business told after a question of ours is its context; in
        // the question, or before it, it makes a near miss.
        assert!(!classify("電子証明書っておいくらですか？経費で落とすので金額だけ知りたいです").off_scope);
        assert!(!classify("ヘルプデスクって土日もやってますか？平日は利用者さん対応で電話できなくて").off_scope);
        // Before a question about internet billing itself, in clauses that
        // ask nothing, it sets the scene; asked about, or before a bare
        // 証明書, it is the question.
        assert!(
            !classify("朝からプリンタ紙詰まりで最悪やけど、インターネット請求って結局なに準備したらええの？").off_scope
        );
        assert!(classify("インターネット請求のことはええとして、プリンタの紙詰まりってどう直すの？").off_scope);
        // After a clause that asks about a topic of ours, in a clause that
        // asks nothing, it is an aside.
        assert!(!classify("導入マニュアルってどこにあるんですか、紙で印刷して見たい").off_scope);
        assert!(classify("導入マニュアルってどこにあるんですか、プリンタの紙詰まりはどう直すの").off_scope);
        // Other business told beside a report leaves the report; another
        // certificate said to have come is no report.
        assert_eq!(
            classify("動作環境のチェックしといたよー。プリンタは相変わらずアホやけど笑").task,
            Some(TaskId::Environment)
        );
        assert_eq!(
            classify("雨の中郵便屋さんが持ってきてくれたとが、ちょうど国保連からの結果通知やった。IDと仮パス、ちゃんと入っとったよ").task,
            Some(TaskId::NotifyReceive)
        );
        assert_ne!(kind("印鑑証明書取ってきました"), Kind::Status);
        assert_ne!(kind("プリンターの設定終わりました"), Kind::Status);
        // A request names what is asked as well as a question mark does.
        assert!(!classify("ヘルプデスクのFAX番号を教えてください。エラー画面を印刷して送ります。").off_scope);
        assert!(classify("利用者さんの負担割合が変わりました。証明書はどうすればいい？").off_scope);
        assert!(classify("利用者の負担割合証明書は？経費で落としたい").off_scope);
        // A time before 証明書 is not another certificate.
        assert!(!classify("来年証明書の期限が切れるんですが、更新ってどうやるんですか").off_scope);
        // Someone who knows is asked for only about our business.
        let printer = classify("プリンターの紙詰まりの直し方わかる人いますか〜");
        assert!(printer.kind == Kind::Question && printer.off_scope, "{printer:?}");
        assert_eq!(kind("証明書のインストールわかる人いる？"), Kind::Handoff);
    }

    #[test]
    fn yes_and_no() {
        assert!(is_yes("はい"));
        assert!(is_yes("はい、お願いします！"));
        assert!(is_yes("yes"));
        assert!(!is_yes("はい、でも証明書はまだです"));
        assert!(is_no("いいえ"));
        assert!(!is_no("はい"));
    }
}
#[cfg(test)]
mod wording {
    use super::*;

    /// Messages of every kind in wording the lexicon was not written from.
    #[test]
    fn each_kind_in_other_words() {
        let cases: &[(&str, &str)] = &[
            ("届出は出して、今はお知らせ待ちです", "status notify-submit"),
            ("証明書の発行待ちです", "status certificate-apply"),
            ("国保連から書類が届きました", "status notify-receive"),
            ("IDの書いた紙、届いてました", "status notify-receive"),
            ("受付システムのパスワード変更しました", "status login"),
            ("ログインできました！", "status login"),
            ("初回ログイン済みです", "status login"),
            ("証明書、入れときました", "status certificate-install"),
            (
                "証明書が発行されたのでインストールしました",
                "status certificate-install",
            ),
            ("伝送ソフトの設定終わりです", "status software"),
            ("ほのぼのの設定が終わりました", "status software"),
            ("パソコンは準備OKです", "status environment"),
            ("ブラウザの確認も済みました", "status environment"),
            ("届出書類を郵送しました", "status notify-submit"),
            ("開始届、提出済みです", "status notify-submit"),
            ("we got our user ID today", "status notify-receive"),
            ("the letter from kokuhoren came yesterday", "status notify-receive"),
            ("We were able to log in to e-seikyuu", "status login"),
            ("お知らせ届きました。ログインはまだです", "status notify-receive"),
            ("お知らせはまだです", "question"),
            ("届出を郵送しました次は何ですか", "status notify-submit"),
            (
                "We got the certificate installed after the helpdesk call.",
                "status certificate-install",
            ),
            ("after we installed the certificate, what next?", "question"),
            ("証明書インスト−ル完了", "status certificate-install"),
            ("証明書のインポート終わりました", "status certificate-install"),
            ("統合インストーラのインストール終わった、あと少し", "status installer"),
            ("お知らせ着。次はログイン？", "status notify-receive"),
            ("Mailed the start notice today.", "status notify-submit"),
            ("ナイス", "smalltalk"),
            ("I can login to the reception system now", "status login"),
            ("todokede dashita yo", "status notify-submit"),
            ("shoumeisho install dekimashita", "status certificate-install"),
            ("I'd rather have someone from your team look at this.", "handoff"),
            ("Please pass this on to one of the staff.", "handoff"),
            ("certificate downloaded and installed", "status certificate-install"),
            (
                "We applied for the electronic certificate this morning",
                "status certificate-apply",
            ),
            ("todokede submitted", "status notify-submit"),
            ("our PC is ready", "status environment"),
            ("billing software is configured now", "status software"),
            ("The installer is installed", "status installer"),
            ("just finished the proxy application", "status proxy-application"),
            ("Waiting for the letter now", "status notify-submit"),
            ("完了しました！", "status -"),
            ("届出を出したいんですけど", "question"),
            ("届出を出す前に何を準備すればいい？", "question"),
            ("証明書のインストールに失敗しました", "question"),
            ("お知らせが来ないんですが", "question"),
            ("ログインしようとしたらエラーが出ました", "question"),
            ("証明書を申請したいです", "question"),
            ("the installer didn't work", "question"),
            ("we haven't received the letter yet", "question"),
            ("届出を提出したのですが、お知らせはいつ頃届きますか", "question"),
            ("次どうすればいい？", "command next"),
            ("tsugi wa nani shimasu ka", "command next"),
            ("shinchoku oshiete", "command progress"),
            ("これから何をすればいいですか", "command next"),
            ("今やるべきことは？", "command next"),
            ("what do we do next?", "command next"),
            ("next step please", "command next"),
            ("今の進み具合を教えて", "command progress"),
            ("あと何が残っていますか", "command progress"),
            ("what have we finished so far?", "command progress"),
            ("間違えて完了を押してしまいました", "command undo"),
            ("さっきの完了、取り消せますか", "command undo"),
            ("I clicked done by accident", "command undo"),
            ("このボットは何ができるの？", "command help"),
            ("how does this bot work?", "command help"),
            ("どうやって使えばいいの？", "command help"),
            ("困ったときはどこに問い合わせればいい？", "command contact"),
            ("問い合わせ先はどこですか", "command contact"),
            ("who can I call for help?", "command contact"),
            ("ありがとうございます！", "smalltalk"),
            ("了解しました。", "smalltalk"),
            ("はーい", "smalltalk"),
            ("OKです！", "smalltalk"),
            ("お世話になっております。", "smalltalk"),
            ("ご丁寧にありがとうございます", "smalltalk"),
            ("thanks a lot!", "smalltalk"),
            ("great, thank you", "smalltalk"),
            ("The letter arrived, what do we do with it?", "status notify-receive"),
            ("証明書の期限が近づいてきた", "question"),
            ("When is the next typhoon coming?", "question"),
            ("👌", "smalltalk"),
            ("おはようございます！", "smalltalk"),
            ("担当の方と電話で話せますか", "handoff"),
            ("人と話したいです", "handoff"),
            ("オペレーターにつないでください", "handoff"),
            ("詳しい人に相談したい", "handoff"),
            ("Can I speak to someone?", "handoff"),
            ("I need to talk to a person", "handoff"),
            ("please have someone call me", "handoff"),
            ("ボットではなく担当者さんに聞きたいです", "handoff"),
            ("届出の書類、窓口に出してきましたよ〜", "status notify-submit"),
            (
                "our claims are done by an outside company, do we need the installer?",
                "question",
            ),
            ("I installed the certificate but it doesn't show up.", "question"),
            ("OK, but which browser do we need?", "question"),
            ("お忙しいところありがとうございます", "smalltalk"),
            ("どんなことを聞けばいいの？", "command help"),
        ];
        let mut bad = Vec::new();
        for (q, want) in cases {
            let i = classify(q);
            let got = match i.kind {
                Kind::Status => format!("status {}", i.task.map_or("-", |t| t.as_str())),
                Kind::Command => format!("command {}", i.request.map_or("-", |r| r.as_str())),
                k => k.as_str().to_string(),
            };
            if got != *want {
                bad.push(format!("{q} -> {got} (want {want})"));
            }
        }
        assert!(bad.is_empty(), "{bad:#?}");
    }
}
