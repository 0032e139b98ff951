//! A second opinion on what a message is: multinomial naive Bayes trained
//! at start-up on the tuning messages of the message bank
//! (`locales/intent-examples.tsv`, written by `dev/learn-phrasings.py` from
//! `tests/data/bank/tuning*.tsv`, never from a held-out part).
//!
//! The lexicon of [`crate::intent`] decides; where it reads a question, a
//! confident model may say the message is a report, a request, small talk
//! or a request for a person instead (see [`Opinion::overrules`]): the
//! lexicon knows clause endings and negations, the model knows the ways the
//! bank's writers reported and asked that no cue lists.

use rustc_hash::FxHashMap;

use crate::intent::{Intent, Kind, Request};
use crate::playbook::TaskId;
use crate::text;

/// The examples compiled in: `kind<TAB>label<TAB>text` lines (`label` is a
/// task id for `status`, a command for `command`, else empty), `#` comments.
pub static EXAMPLES: &str = include_str!("../locales/intent-examples.tsv");

/// The tokens of each of [`EXAMPLES`]' examples, in order, one line each
/// (tab-separated): made by `build.rs` with [`text::tokens`] when the bot
/// is built, so that start-up counts them instead of making them.
pub const TOKENS: &str = include_str!(concat!(env!("OUT_DIR"), "/example-tokens.txt"));

/// How far (natural log of the odds) the model's kind must be ahead of its
/// second guess to overrule the lexicon's "question" that the FAQ does not
/// answer, and one it answers. Chosen on the first two rounds' held-out
/// totals (BENCHMARKS.md); 0 overrules on any lead.
pub const MARGIN: f64 = 3.0;
pub const MARGIN_OVER_ANSWER: f64 = 5.0;

/// One classifier: classes, priors and token likelihoods.
#[derive(Debug, Clone)]
pub struct Bayes {
    classes: Vec<String>,
    prior: Vec<f64>,
    /// token → its column in `like`
    vocab: FxHashMap<String, u32>,
    /// class → token column → log P(token | class)
    like: Vec<Vec<f64>>,
    /// class → log P(unseen token | class)
    unseen: Vec<f64>,
}

/// The features of a message: the tokens of [`text::tokens`] (bigrams,
/// words, synonym concepts) and its final mark.
pub fn features(text: &str) -> Vec<String> {
    feature_refs(text, &text::tokens(text))
        .into_iter()
        .map(String::from)
        .collect()
}

/// [`features`] of a message already tokenized, borrowed from its tokens
/// (training and each message make no copies).
fn feature_refs<'a>(text: &str, tokens: &'a [text::Token]) -> Vec<&'a str> {
    let mut f: Vec<&'a str> = tokens.iter().map(|t| t.text.as_str()).collect();
    let empty = f.is_empty();
    f.extend(marks(text, empty).into_iter().flatten());
    f
}

/// The features a message's final mark adds (`empty`: it has no tokens).
fn marks(text: &str, empty: bool) -> [Option<&'static str>; 3] {
    let t = text.trim_end();
    let q = t.ends_with(['?', '？']);
    let x = t.ends_with(['!', '！']);
    [
        q.then_some("<?>"),
        x.then_some("<!>"),
        (empty && !q && !x).then_some("<empty>"),
    ]
}

/// [`text::tokens`] of every example's text, in order, the second half
/// made on a second thread (tokenizing is most of training: on two cores
/// it takes half the time, on one the same).
pub fn tokenize(examples: &[Example]) -> Vec<Vec<text::Token>> {
    let (first, second) = examples.split_at(examples.len() / 2);
    let of = |part: &[Example]| part.iter().map(|e| text::tokens(e.text)).collect::<Vec<_>>();
    std::thread::scope(|s| {
        let later = s.spawn(|| of(second));
        let mut all = of(first);
        match later.join() {
            Ok(rest) => all.extend(rest),
            Err(panic) => std::panic::resume_unwind(panic),
        }
        all
    })
}

impl Bayes {
    /// Trains on `(text, class)` pairs, Laplace smoothing 0.5.
    pub fn train<'a>(examples: impl IntoIterator<Item = (&'a str, &'a str)>) -> Bayes {
        let featured: Vec<(Vec<String>, &str)> = examples.into_iter().map(|(t, c)| (features(t), c)).collect();
        Bayes::train_features(featured.iter().map(|(f, c)| (f.as_slice(), *c)))
    }

    /// [`Bayes::train`] on `(features, class)` pairs: examples already
    /// made into [`features`] (each example once, for every model).
    pub fn train_features<'a, S: AsRef<str> + 'a>(examples: impl IntoIterator<Item = (&'a [S], &'a str)>) -> Bayes {
        const ALPHA: f64 = 0.5;
        let mut classes: Vec<String> = Vec::new();
        let mut docs: Vec<usize> = Vec::new();
        // class → token column → count (columns as the vocabulary grows)
        let mut counts: Vec<Vec<f64>> = Vec::new();
        let mut vocab: FxHashMap<String, u32> = FxHashMap::default();
        for (features, class) in examples {
            let c = match classes.iter().position(|x| x == class) {
                Some(c) => c,
                None => {
                    classes.push(class.to_string());
                    docs.push(0);
                    counts.push(Vec::new());
                    classes.len() - 1
                }
            };
            docs[c] += 1;
            for t in features {
                let t = t.as_ref();
                let id = match vocab.get(t) {
                    Some(&id) => id as usize,
                    None => {
                        vocab.insert(t.to_string(), vocab.len() as u32);
                        vocab.len() - 1
                    }
                };
                let row = &mut counts[c];
                if row.len() <= id {
                    row.resize(id + 1, 0.0);
                }
                row[id] += 1.0;
            }
        }
        let n: usize = docs.iter().sum();
        let v = vocab.len() as f64;
        let mut like = Vec::new();
        let mut unseen = Vec::new();
        for row in &counts {
            let total: f64 = row.iter().sum();
            let denom = total + ALPHA * v;
            let mut l: Vec<f64> = row.iter().map(|c| ((c + ALPHA) / denom).ln()).collect();
            l.resize(vocab.len(), (ALPHA / denom).ln());
            like.push(l);
            unseen.push((ALPHA / denom).ln());
        }
        Bayes {
            prior: docs.iter().map(|d| (*d as f64 / n.max(1) as f64).ln()).collect(),
            classes,
            vocab,
            like,
            unseen,
        }
    }

    /// The most likely class, and how far (log probability) it is ahead of
    /// the next one (infinite with a single class); `None` untrained.
    pub fn predict(&self, text: &str) -> Option<(&str, f64)> {
        self.predict_features(&features(text))
    }

    /// [`Bayes::predict`] on features already made.
    pub fn predict_features(&self, f: &[impl AsRef<str>]) -> Option<(&str, f64)> {
        let ids: Vec<Option<usize>> = f
            .iter()
            .map(|t| self.vocab.get(t.as_ref()).map(|&i| i as usize))
            .collect();
        let mut scored: Vec<(usize, f64)> = (0..self.classes.len())
            .map(|c| {
                let s = self.prior[c]
                    + ids
                        .iter()
                        .map(|id| id.map_or(self.unseen[c], |i| self.like[c][i]))
                        .sum::<f64>();
                (c, s)
            })
            .collect();
        scored.sort_by(|a, b| b.1.total_cmp(&a.1));
        let (best, score) = *scored.first()?;
        let margin = scored.get(1).map_or(f64::INFINITY, |n| score - n.1);
        Some((&self.classes[best], margin))
    }
}

/// An example of the bank.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example<'a> {
    /// `answer`, `none`, `status`, `command`, `smalltalk` or `handoff`.
    pub kind: &'a str,
    /// The task of a report, the command of a request, else empty.
    pub label: &'a str,
    pub text: &'a str,
}

/// Reads examples (the format of [`EXAMPLES`]), or says which line is wrong.
pub fn parse(source: &str) -> Result<Vec<Example<'_>>, String> {
    let mut out = Vec::new();
    for (n, line) in source.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut c = line.splitn(3, '\t');
        let (Some(kind), Some(label), Some(text)) = (c.next(), c.next(), c.next()) else {
            return Err(format!("line {}: expected kind<TAB>label<TAB>text", n + 1));
        };
        let label_ok = match kind {
            "status" => TaskId::parse(label).is_some(),
            "command" => Request::ALL.iter().any(|r| r.as_str() == label),
            "answer" | "none" | "smalltalk" | "handoff" => label.is_empty(),
            _ => return Err(format!("line {}: unknown kind {kind}", n + 1)),
        };
        if !label_ok {
            return Err(format!("line {}: bad label {label:?} for {kind}", n + 1));
        }
        out.push(Example { kind, label, text });
    }
    Ok(out)
}

/// Three classifiers: the kind of a message, the task of a report, the
/// command of a request.
#[derive(Debug, Clone)]
pub struct Model {
    pub kind: Bayes,
    pub task: Bayes,
    pub command: Bayes,
}

/// What the model makes of a message.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Opinion {
    pub kind: Kind,
    /// Whether it reads as a question the bot must refuse.
    pub off_scope: bool,
    pub task: Option<TaskId>,
    pub request: Option<Request>,
    /// How far its kind is ahead of its second guess.
    pub margin: f64,
}

impl Opinion {
    /// Whether it overrules the lexicon's "question" (`answered`: one the
    /// FAQ answers, which needs a surer opinion).
    pub fn overrules(&self, answered: bool) -> bool {
        let margin = if answered { MARGIN_OVER_ANSWER } else { MARGIN };
        self.kind != Kind::Question && self.margin >= margin
    }

    /// The opinion as an intent (see [`Intent::read_as`]).
    pub fn intent(&self, message: &str) -> Option<Intent> {
        Intent::read_as(message, self.kind, self.task, self.request)
    }
}

impl Model {
    pub fn train(examples: &[Example]) -> Model {
        Model::train_tokenized(examples, &tokenize(examples))
    }

    /// [`Model::train`] on examples already tokenized ([`tokenize`]: the
    /// bot's start-up shares the tokens with the FAQ index, whose learned
    /// questions are among the examples).
    pub fn train_tokenized(examples: &[Example], tokens: &[Vec<text::Token>]) -> Model {
        let featured: Vec<(Vec<&str>, &Example)> = examples
            .iter()
            .zip(tokens)
            .map(|(e, t)| (feature_refs(e.text, t), e))
            .collect();
        Model::train_featured(&featured)
    }

    /// [`Model::train`] on the compiled-in examples' tokens made when the bot
    /// was built ([`TOKENS`]); `None` unless `examples` are [`EXAMPLES`]
    /// parsed (each text read from it, as many as it has lines of tokens).
    pub fn train_prebuilt<'a>(examples: &'a [Example<'a>]) -> Option<Model> {
        let lines: Vec<&'static str> = TOKENS.lines().collect();
        let compiled = EXAMPLES.as_bytes().as_ptr_range();
        let from_compiled = |t: &str| {
            let r = t.as_bytes().as_ptr_range();
            compiled.start <= r.start && r.end <= compiled.end
        };
        if lines.len() != examples.len() || !examples.iter().all(|e| from_compiled(e.text)) {
            return None;
        }
        let featured: Vec<(Vec<&str>, &Example)> = examples
            .iter()
            .zip(lines)
            .map(|(e, line)| {
                let mut f: Vec<&str> = line.split('\t').filter(|t| !t.is_empty()).collect();
                let empty = f.is_empty();
                f.extend(marks(e.text, empty).into_iter().flatten());
                (f, e)
            })
            .collect();
        Some(Model::train_featured(&featured))
    }

    /// The three classifiers trained on examples made into features.
    fn train_featured(featured: &[(Vec<&str>, &Example)]) -> Model {
        let labelled = |k: &'static str| {
            featured
                .iter()
                .filter(move |(_, e)| e.kind == k)
                .map(|(f, e)| (f.as_slice(), e.label))
        };
        Model {
            kind: Bayes::train_features(featured.iter().map(|(f, e)| (f.as_slice(), e.kind))),
            task: Bayes::train_features(labelled("status")),
            command: Bayes::train_features(labelled("command")),
        }
    }

    /// [`Model::train_prebuilt`] when `examples` are the compiled-in ones,
    /// else [`Model::train`].
    pub fn train_fastest(examples: &[Example]) -> Model {
        Model::train_prebuilt(examples).unwrap_or_else(|| Model::train(examples))
    }

    /// The model trained on the compiled-in examples.
    pub fn shipped() -> Result<Model, String> {
        Ok(Model::train_fastest(&parse(EXAMPLES)?))
    }

    /// What the model alone makes of a message.
    pub fn opinion(&self, text: &str) -> Opinion {
        self.opinion_of(text, &text::tokens(text))
    }

    /// [`Model::opinion`] of a message already tokenized ([`text::tokens`]).
    pub fn opinion_of(&self, text: &str, tokens: &[text::Token]) -> Opinion {
        let f = feature_refs(text, tokens);
        let (kind, margin) = self.kind.predict_features(&f).unwrap_or(("answer", 0.0));
        let kind_of = match kind {
            "status" => Kind::Status,
            "command" => Kind::Command,
            "smalltalk" => Kind::SmallTalk,
            "handoff" => Kind::Handoff,
            _ => Kind::Question,
        };
        let task = (kind_of == Kind::Status)
            .then(|| self.task.predict_features(&f).and_then(|(t, _)| TaskId::parse(t)))
            .flatten();
        let request = (kind_of == Kind::Command)
            .then(|| {
                self.command
                    .predict_features(&f)
                    .and_then(|(c, _)| Request::ALL.into_iter().find(|r| r.as_str() == c))
            })
            .flatten();
        Opinion {
            kind: kind_of,
            off_scope: kind == "none",
            task,
            request,
            margin,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_examples_train_a_model() {
        let examples = parse(EXAMPLES).unwrap();
        assert!(examples.len() > 700, "{}", examples.len());
        let m = Model::train(&examples);
        for (text, kind) in [
            ("ありがとうございました！", Kind::SmallTalk),
            ("電子証明書っていくらですか？", Kind::Question),
        ] {
            assert_eq!(m.opinion(text).kind, kind, "{text}");
        }
    }

    #[test]
    fn the_tokens_made_when_built_are_the_tokens_made_now() {
        let examples = parse(EXAMPLES).unwrap();
        let lines: Vec<&str> = TOKENS.lines().collect();
        assert_eq!(lines.len(), examples.len());
        for (e, line) in examples.iter().zip(lines) {
            let now: Vec<String> = text::tokens(e.text).iter().map(|t| t.text.to_string()).collect();
            assert_eq!(line, now.join("\t"), "{}", e.text);
        }
        // Other examples are trained on their own tokens.
        let other = parse("status\tlogin\tログインできました").unwrap();
        assert!(Model::train_prebuilt(&other).is_none());
        let prebuilt = Model::train_prebuilt(&examples).unwrap();
        let made = Model::train(&examples);
        for m in [
            "届出出しました",
            "次は？",
            "ありがとう",
            "担当者と話したい",
            "証明書はいくら？",
        ] {
            assert_eq!(prebuilt.opinion(m), made.opinion(m), "{m}");
        }
    }

    #[test]
    fn tokens_made_once_train_the_same_model_and_index() {
        let examples = parse(EXAMPLES).unwrap();
        let tokens = tokenize(&examples);
        let shared = Model::train_tokenized(&examples, &tokens);
        let alone = Model::train(&examples);
        let content = crate::content::Content::embedded().unwrap();
        let known: crate::faq::Known = examples
            .iter()
            .zip(&tokens)
            .map(|(e, t)| (e.text, t.as_slice()))
            .collect();
        let index = crate::faq::FaqIndex::build_known(&content, &known).unwrap();
        let plain = crate::faq::FaqIndex::build(&content).unwrap();
        for text in examples.iter().step_by(97).map(|e| e.text) {
            assert_eq!(shared.opinion(text), alone.opinion(text), "{text}");
            let (a, b) = (index.scores(text), plain.scores(text));
            assert_eq!(a.len(), b.len(), "{text}");
            for (x, y) in a.iter().zip(&b) {
                assert_eq!((x.entry, x.confidence), (y.entry, y.confidence), "{text}");
            }
        }
    }

    #[test]
    fn bad_examples_are_refused_with_their_line() {
        assert_eq!(
            parse("status\tno-such-task\tできた\n").unwrap_err(),
            "line 1: bad label \"no-such-task\" for status"
        );
        assert!(parse("# c\nchat\t\tやあ\n")
            .unwrap_err()
            .starts_with("line 2: unknown kind"));
        assert!(parse("answer\tx\n").unwrap_err().starts_with("line 1: expected"));
    }

    #[test]
    fn a_second_opinion_needs_its_margin_and_more_over_an_answer() {
        let examples = parse(
            "status\tinstaller\tインストーラ入れた\nstatus\tinstaller\tインストーラ入れたよ\n\
             status\tinstaller\tインストーラ入れといた\nanswer\t\tインストーラって何\n",
        )
        .unwrap();
        let m = Model::train(&examples);
        let o = m.opinion("インストーラ入れたで");
        assert_eq!((o.kind, o.task), (Kind::Status, Some(TaskId::Installer)));
        assert!(o.margin > 0.0);
        assert_eq!(o.overrules(false), o.margin >= MARGIN);
        assert_eq!(o.overrules(true), o.margin >= MARGIN_OVER_ANSWER);
        // The message's own task words name the task of a report.
        let i = o.intent("統合インストーラ入れたで").unwrap();
        assert_eq!((i.kind, i.task), (Kind::Status, Some(TaskId::Installer)));
        // A question never overrules.
        assert!(!m.opinion("インストーラって何").overrules(false));
    }

    #[test]
    fn a_model_with_two_classes_predicts_with_a_margin() {
        let b = Bayes::train([("届出を出しました", "status"), ("届出はどこに出すの？", "answer")]);
        let (c, m) = b.predict("届出出しました").unwrap();
        assert_eq!(c, "status");
        assert!(m > 0.0);
        assert!(Bayes::train(std::iter::empty()).predict("x").is_none());
    }
}
