//! FAQ retrieval: entries come from `locales/*/faq.ftl` (answer as value;
//! `.question`, `.phrasings`, `.keywords`, `.contact` as attributes). Each
//! phrasing is a small document; a question is scored by tf-idf cosine
//! against its closest phrasing (or learned question) and by how much of it
//! the entry's written texts cover.

use std::borrow::Cow;

use rustc_hash::FxHashMap;

use crate::content::{Content, Lang};
use crate::playbook::{ContactId, StepId, TaskId};
use crate::text;

/// What a question that names no topic of its own is about, by where the
/// office stands: the concepts of its current step (`locales/synonyms.txt`),
/// and of what it waits for. 「いつ届きますか？」 after the 届出 is about the
/// notice, after the certificate application about the certificate.
pub fn context(step: StepId, waiting: bool) -> &'static [&'static str] {
    match (step, waiting) {
        (StepId::Environment, _) => &["#environment"],
        (StepId::Notify, false) => &["#notify"],
        (StepId::Notify, true) => &["#notice"],
        (StepId::ProxyApplication, _) => &["#proxy"],
        (StepId::Login, _) => &["#login"],
        (StepId::Certificate, false) => &["#certificate"],
        (StepId::Certificate, true) => &["#certificate", "#issue"],
        (StepId::Installer, _) => &["#installer"],
        (StepId::Software, _) => &["#software"],
    }
}

/// Questions of the message bank's tuning parts, each labelled with the
/// entry that answers it (`dev/learn-phrasings.py`): more ways of asking.
pub const LEARNED: &str = include_str!("../locales/faq-learned.tsv");

/// Below this confidence the bot says it has no FAQ answer.
pub const THRESHOLD: f32 = 0.35;

/// The threshold for a question that names no concept of
/// `locales/synonyms.txt`.
pub const PLAIN_THRESHOLD: f32 = 0.5;

/// Texts already tokenized ([`text::tokens`]), by text.
pub type Known<'a> = FxHashMap<&'a str, &'a [text::Token]>;

/// How much the words of a sentence that tells weigh beside those of a
/// sentence that asks, in a message that does both.
const TOLD_WEIGHT: f32 = 0.5;
/// At most this many further questions of one message are answered
/// besides its first ([`FaqIndex::several`]).
pub const MAX_FURTHER: usize = 2;
/// A part of a message that asks several things is answered alone only
/// with this confidence ([`FaqIndex::several`]).
const PART_MIN: f32 = 0.6;
/// Alternatives shown must reach this confidence.
pub const ALTERNATIVE_MIN: f32 = 0.15;

#[derive(Debug, Clone)]
pub struct Entry {
    /// Message id without the `faq-` prefix.
    pub id: String,
    pub contact: ContactId,
    /// The tasks after which this entry says what to do next (`.after`).
    pub after: Vec<TaskId>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    /// Index into `entries`.
    pub entry: usize,
    pub confidence: f32,
}

/// The result of one lookup.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Lookup {
    /// The answer, when confident enough.
    pub best: Option<Hit>,
    /// The answers to the further questions of a message that asks several
    /// things, in the order asked ([`FaqIndex::several`]).
    pub further: Vec<Hit>,
    /// Up to three other candidates ("did you mean").
    pub alternatives: Vec<Hit>,
}

/// The problems that make a FAQ entry unusable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}: {id}: {detail}")]
pub struct FaqError {
    /// The file, from the project's root (`locales/ja/faq.ftl`).
    pub file: String,
    pub id: String,
    pub detail: String,
}

struct Doc {
    entry: u32,
}

pub struct FaqIndex {
    entries: Vec<Entry>,
    vocab: FxHashMap<String, u32>,
    idf: Vec<f32>,
    unknown_idf: f32,
    /// term → (doc, weight)
    postings: Vec<Vec<(u32, f32)>>,
    docs: Vec<Doc>,
    /// per term: the entries whose written texts (the locale files, what
    /// staff taught) have it, not the learned questions. A learned question
    /// is one more way of asking its entry, not more of what the entry
    /// covers: a learned message that asked two things, or said where the
    /// office is, does not make its entry cover the rest.
    written_terms: Vec<Vec<u32>>,
}

impl std::fmt::Debug for FaqIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FaqIndex")
            .field("entries", &self.entries.len())
            .field("docs", &self.docs.len())
            .finish()
    }
}

fn term_weights(tokens: &[text::Token]) -> FxHashMap<&str, f32> {
    let mut m: FxHashMap<&str, f32> = FxHashMap::default();
    for t in tokens {
        let e = m.entry(t.text.as_str()).or_insert(0.0);
        *e = e.max(t.weight);
    }
    m
}

/// A text added to the index beside the locale files' entries: a new way
/// of asking entry `entry` (an entry of the files, or a new one with this id
/// and contact, appended after them).
#[derive(Debug, Clone)]
pub struct ExtraDoc {
    pub entry: String,
    pub contact: ContactId,
    pub text: String,
}

impl FaqIndex {
    /// Builds the index from the FAQ messages of every language.
    pub fn build(content: &Content) -> Result<FaqIndex, FaqError> {
        FaqIndex::build_with(content, &[])
    }

    /// Builds the index from the FAQ messages plus `extra` texts (the
    /// entries staff taught): document frequencies count every text, so a
    /// taught question is weighed like a built-in one. The files' entries
    /// keep their positions; new entries follow them in `extra`'s order.
    pub fn build_with(content: &Content, extra: &[ExtraDoc]) -> Result<FaqIndex, FaqError> {
        FaqIndex::build_from(content, LEARNED, extra, &Known::default())
    }

    /// [`FaqIndex::build`] with the tokens of some texts already made: the
    /// learned questions are also the classifier's examples, which the
    /// bot's start-up tokenizes once for both.
    pub fn build_known(content: &Content, known: &Known) -> Result<FaqIndex, FaqError> {
        FaqIndex::build_from(content, LEARNED, &[], known)
    }

    /// [`FaqIndex::build`] without the questions learned from the message
    /// bank (`locales/faq-learned.tsv`): the locale files' phrasings alone,
    /// to compare the two.
    pub fn build_without_learned(content: &Content) -> Result<FaqIndex, FaqError> {
        FaqIndex::build_from(content, "", &[], &Known::default())
    }

    /// [`FaqIndex::build`] with other learned questions than the shipped
    /// ones (`entry<TAB>question` lines, as in `locales/faq-learned.tsv`):
    /// to cross-validate what learning from the bank brings.
    pub fn build_with_learned(content: &Content, learned: &str) -> Result<FaqIndex, FaqError> {
        FaqIndex::build_from(content, learned, &[], &Known::default())
    }

    /// The index of the locale files' entries, the `learned` questions
    /// (`entry<TAB>question` lines, `#` comments) and `extra`.
    fn build_from<'k>(
        content: &Content,
        learned: &str,
        extra: &[ExtraDoc],
        known: &Known<'k>,
    ) -> Result<FaqIndex, FaqError> {
        let mut entries: Vec<Entry> = Vec::new();
        // (entry, is_keywords, tokens, learned from the bank)
        // (tokens borrowed where `known` has them)
        let mut raw: Vec<(u32, bool, Cow<[text::Token]>, bool)> = Vec::new();
        for lang in Lang::ALL {
            for (id, _) in content.ids(lang) {
                let Some(short) = id.strip_prefix("faq-") else {
                    continue;
                };
                let err = |detail: &str| FaqError {
                    file: format!("locales/{lang}/faq.ftl"),
                    id: id.clone(),
                    detail: detail.to_string(),
                };
                let attrs = content.attributes(lang, id);
                let contact = attrs
                    .get("contact")
                    .and_then(|c| ContactId::parse(c))
                    .ok_or_else(|| err("missing or unknown .contact"))?;
                let question = attrs.get("question").ok_or_else(|| err("missing .question"))?;
                let after = attrs
                    .get("after")
                    .map(|a| a.split_whitespace().map(TaskId::parse).collect::<Option<Vec<_>>>())
                    .unwrap_or(Some(Vec::new()))
                    .ok_or_else(|| err("unknown task in .after"))?;
                let idx = match entries.iter().position(|e| e.id == short) {
                    Some(i) => {
                        if entries[i].contact != contact {
                            return Err(err("the .contact differs between languages"));
                        }
                        if entries[i].after != after {
                            return Err(err("the .after differs between languages"));
                        }
                        i
                    }
                    None => {
                        entries.push(Entry {
                            id: short.to_string(),
                            contact,
                            after,
                        });
                        entries.len() - 1
                    }
                } as u32;
                raw.push((idx, false, Cow::Owned(text::tokens(question)), false));
                for p in attrs
                    .get("phrasings")
                    .map(|p| p.split('|').collect::<Vec<_>>())
                    .unwrap_or_default()
                {
                    if !p.trim().is_empty() {
                        raw.push((idx, false, Cow::Owned(text::tokens(p)), false));
                    }
                }
                if let Some(k) = attrs.get("keywords") {
                    raw.push((idx, true, Cow::Owned(text::tokens(k)), false));
                }
            }
        }
        for (n, line) in learned.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |detail: String| FaqError {
                file: "locales/faq-learned.tsv".into(),
                id: format!("line {}", n + 1),
                detail,
            };
            let (id, q) = line
                .split_once('\t')
                .ok_or_else(|| err("expected `entry<TAB>question`".into()))?;
            let idx = entries
                .iter()
                .position(|e| e.id == id)
                .ok_or_else(|| err(format!("no FAQ entry {id}")))?;
            let toks = known
                .get(q)
                .map_or_else(|| Cow::Owned(text::tokens(q)), |t| Cow::Borrowed(*t));
            raw.push((idx as u32, false, toks, true));
        }
        for doc in extra {
            let idx = match entries.iter().position(|e| e.id == doc.entry) {
                Some(i) => i,
                None => {
                    entries.push(Entry {
                        id: doc.entry.clone(),
                        contact: doc.contact,
                        after: Vec::new(),
                    });
                    entries.len() - 1
                }
            } as u32;
            raw.push((idx, false, Cow::Owned(text::tokens(&doc.text)), false));
        }
        // Document frequencies over phrasing documents and keyword lists.
        let mut vocab: FxHashMap<String, u32> = FxHashMap::default();
        let mut df: Vec<u32> = Vec::new();
        let weights: Vec<FxHashMap<&str, f32>> = raw.iter().map(|(_, _, toks, _)| term_weights(toks)).collect();
        for tw in &weights {
            for t in tw.keys() {
                let id = match vocab.get(*t) {
                    Some(&id) => id,
                    None => {
                        df.push(0);
                        vocab.insert(t.to_string(), (df.len() - 1) as u32);
                        (df.len() - 1) as u32
                    }
                };
                df[id as usize] += 1;
            }
        }
        let n = raw.len() as f32;
        let idf: Vec<f32> = df.iter().map(|d| ((n + 1.0) / (*d as f32 + 0.5)).ln() + 1.0).collect();
        let unknown_idf = ((n + 1.0) / 0.5).ln() + 1.0;
        let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); vocab.len()];
        let mut docs = Vec::new();
        let mut written_terms: Vec<Vec<u32>> = vec![Vec::new(); vocab.len()];
        for ((entry, is_kw, _, learned), tw) in raw.iter().zip(&weights) {
            let mut terms: Vec<(u32, f32)> = tw
                .iter()
                .map(|(t, w)| (vocab[*t], w * idf[vocab[*t] as usize]))
                .collect();
            if !learned {
                for (t, _) in &terms {
                    let es = &mut written_terms[*t as usize];
                    if !es.contains(entry) {
                        es.push(*entry);
                    }
                }
            }
            if *is_kw {
                continue;
            }
            let norm = terms.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
            if norm == 0.0 {
                continue;
            }
            for (_, w) in &mut terms {
                *w /= norm;
            }
            let d = docs.len() as u32;
            for (t, w) in &terms {
                postings[*t as usize].push((d, *w));
            }
            docs.push(Doc { entry: *entry });
        }
        Ok(FaqIndex {
            entries,
            vocab,
            idf,
            unknown_idf,
            postings,
            docs,
            written_terms,
        })
    }

    /// The idf an unknown term counts with: a word that carries meaning
    /// (a concept, a Latin word, a kanji compound) makes a question less
    /// answerable; unknown grammar (kana, a particle next to a kanji) is
    /// mostly politeness and counts as a common term.
    fn unknown_weight(&self, term: &str) -> f32 {
        let meaningful = term.starts_with('#')
            || term.chars().all(|c| c.is_ascii_alphanumeric())
            || (term.chars().count() >= 2 && term.chars().all(|c| matches!(c, '\u{4e00}'..='\u{9fff}' | '々')));
        if meaningful {
            self.unknown_idf
        } else {
            1.0
        }
    }

    /// The entry that says what to do after `task` (its `.after`), as an
    /// answer.
    pub fn after(&self, task: TaskId) -> Option<Lookup> {
        let entry = self.entries.iter().position(|e| e.after.contains(&task))?;
        Some(Lookup {
            best: Some(Hit { entry, confidence: 1.0 }),
            ..Lookup::default()
        })
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Scores every entry for a question; highest first.
    pub fn scores(&self, question: &str) -> Vec<Hit> {
        self.scores_in(question, &[])
    }

    /// [`FaqIndex::scores`] with context: concept tokens (`#certificate`)
    /// added to the question as if it had named them.
    pub fn scores_in(&self, question: &str, context: &[&str]) -> Vec<Hit> {
        self.scored(text::tokens(question), context).0
    }

    /// The scores, and whether the question (with its context) names a
    /// concept of `locales/synonyms.txt`.
    fn scored(&self, mut toks: Vec<text::Token>, context: &[&str]) -> (Vec<Hit>, bool) {
        for c in context {
            if !toks.iter().any(|t| t.text == *c) {
                toks.push(text::Token {
                    text: (*c).into(),
                    weight: 2.0,
                });
            }
        }
        let tw = term_weights(&toks);
        // Query vector: known terms with their idf, unknown ones with the
        // highest idf (an unknown word makes a question less answerable).
        let mut q: Vec<(Option<u32>, f32)> = tw
            .iter()
            .map(|(t, w)| match self.vocab.get(*t) {
                Some(id) => (Some(*id), w * self.idf[*id as usize]),
                None => (None, w * self.unknown_weight(t)),
            })
            .collect();
        let named = toks.iter().any(|t| t.text.starts_with('#'));
        let qnorm2: f32 = q.iter().map(|(_, w)| w * w).sum();
        if qnorm2 == 0.0 {
            return (Vec::new(), named);
        }
        let qnorm = qnorm2.sqrt();
        for (_, w) in &mut q {
            *w /= qnorm;
        }
        let mut cos = vec![0f32; self.docs.len()];
        for (t, w) in &q {
            if let Some(t) = t {
                for (d, dw) in &self.postings[*t as usize] {
                    cos[*d as usize] += w * dw;
                }
            }
        }
        let mut best_cos = vec![0f32; self.entries.len()];
        for (d, c) in cos.iter().enumerate() {
            let e = self.docs[d].entry as usize;
            if *c > best_cos[e] {
                best_cos[e] = *c;
            }
        }
        // Share of the question (by squared weight) each entry's written
        // texts cover.
        let mut covered = vec![0f32; self.entries.len()];
        for (t, w) in &q {
            if let Some(t) = t {
                for e in &self.written_terms[*t as usize] {
                    covered[*e as usize] += w * w;
                }
            }
        }
        let mut hits: Vec<Hit> = (0..self.entries.len())
            .filter(|e| best_cos[*e] > 0.0)
            .map(|e| Hit {
                entry: e,
                confidence: (0.55 * best_cos[e] + 0.45 * covered[e]).clamp(0.0, 1.0),
            })
            .collect();
        hits.sort_by(|a, b| b.confidence.total_cmp(&a.confidence));
        (hits, named)
    }

    /// The answer (if confident) and up to three alternatives.
    pub fn lookup(&self, question: &str) -> Lookup {
        self.lookup_in(question, &[])
    }

    /// [`FaqIndex::lookup`] with context tokens (see [`FaqIndex::scores_in`]).
    pub fn lookup_in(&self, question: &str, context: &[&str]) -> Lookup {
        self.lookup_tokens(text::tokens(question), context)
    }

    /// [`FaqIndex::lookup`] among the entries `keep` accepts.
    pub fn lookup_where(&self, question: &str, keep: impl Fn(&Entry) -> bool) -> Lookup {
        self.lookup_tokens_where(text::tokens(question), &[], keep)
    }

    /// [`FaqIndex::lookup_in`] for a question already tokenized
    /// ([`text::tokens`]).
    pub fn lookup_tokens(&self, toks: Vec<text::Token>, context: &[&str]) -> Lookup {
        self.lookup_tokens_where(toks, context, |_| true)
    }

    /// [`FaqIndex::lookup_tokens_where`] for a message of several sentences:
    /// when the whole message is not answered, its sentences are looked up
    /// one by one and the most confident answered one wins. A chat message
    /// often sets the scene before it asks (「来年4月から切り替えたい。届出
    /// から何か月かかる？」); the scene's words dilute the question's.
    ///
    /// In a message that asks in some sentences (`asks`) and tells in
    /// others, when the asking ones name a topic of their own (`topical`),
    /// the telling sentences' words weigh less: 「ポケットWi-Fiでもできます
    /// か？光はまだ来てなくて」 asks about the line, not about 光.
    pub fn lookup_focused(
        &self,
        question: &str,
        toks: Vec<text::Token>,
        context: &[&str],
        keep: impl Fn(&Entry) -> bool,
        topical: impl Fn(&[text::Token]) -> bool,
        asks: impl Fn(&str) -> bool,
    ) -> Lookup {
        let parts = text::sentences(question);
        let asking: Vec<&str> = if parts.len() > 1 {
            parts.iter().copied().filter(|p| asks(p)).collect()
        } else {
            Vec::new()
        };
        let focus = (!asking.is_empty() && asking.len() < parts.len())
            .then(|| text::tokens(&asking.concat()))
            .filter(|q| topical(q));
        let toks = if let Some(mut q) = focus {
            for p in parts.iter().filter(|p| !asking.contains(p)) {
                q.extend(text::tokens(p).into_iter().map(|t| text::Token {
                    weight: t.weight * TOLD_WEIGHT,
                    ..t
                }));
            }
            q
        } else {
            toks
        };
        let whole = self.lookup_in_context(toks, context, &keep);
        if whole.best.is_some() {
            return whole;
        }
        let best = |ls: Vec<Lookup>| {
            ls.into_iter().filter(|l| l.best.is_some()).max_by(|a, b| {
                let c = |l: &Lookup| l.best.as_ref().map_or(0.0, |h| h.confidence);
                c(a).total_cmp(&c(b))
            })
        };
        let sentence = (parts.len() >= 2)
            .then(|| {
                best(
                    parts
                        .iter()
                        .map(|p| text::tokens(p))
                        // A sentence that names no topic is not answered alone.
                        .filter(|t| topical(t))
                        .map(|t| self.lookup_in_context(t, context, &keep))
                        .collect(),
                )
            })
            .flatten();
        if sentence.is_some() {
            return sentence.unwrap_or(whole);
        }
        // A sentence that asks after a clause giving its purpose
        // (「職員向け手順書に記載するため、受付システムのURLをご提示ください」):
        // what follows the purpose, when it asks and names a topic.
        best(
            parts
                .iter()
                .flat_map(|p| {
                    p.match_indices(['、', ',', '，'])
                        .filter(move |(i, _)| p[..*i].ends_with("ため") || p[..*i].ends_with("ために"))
                        .map(move |(i, c)| &p[i + c.len()..])
                })
                .filter(|tail| asks(tail))
                .map(text::tokens)
                .filter(|t| topical(t))
                .map(|t| self.lookup_in_context(t, context, &keep))
                .collect(),
        )
        .unwrap_or(whole)
    }

    /// A message that asks several things (「証明書って13200円でしたっけ？
    /// 法人で2事業所あるんだけど、それぞれ払うの？」, 「①所要期間 ②発行手数料に
    /// ついてご教示ください」) answered one thing at a time: its parts that ask
    /// or tell a problem (`seeks`: a sentence, or an item of a numbered list
    /// in a sentence that seeks) and name a topic of their own (`topical`),
    /// when there are two or more, are each looked up alone. Their confident
    /// answers, in the order asked and each entry once, become `best` and
    /// [`Lookup::further`] (at most [`MAX_FURTHER`]); the whole message's
    /// answer, which blends the questions, stays first only when a part has
    /// no such answer of its own (or names no topic), and is otherwise the
    /// first alternative. A message that asks one thing, however long its
    /// context, and one without an answer are left as they are.
    pub fn several(
        &self,
        question: &str,
        mut lookup: Lookup,
        context: &[&str],
        keep: impl Fn(&Entry) -> bool,
        topical: impl Fn(&[text::Token]) -> bool,
        seeks: impl Fn(&str) -> bool,
    ) -> Lookup {
        let Some(whole) = lookup.best else {
            return lookup;
        };
        let parts: Vec<&str> = text::sentences(question)
            .into_iter()
            .filter(|s| seeks(s))
            .flat_map(text::items)
            .collect();
        if parts.len() < 2 {
            return lookup;
        }
        let parts: Vec<Vec<text::Token>> = parts.into_iter().map(text::tokens).collect();
        if parts.iter().filter(|t| topical(t)).count() < 2 {
            return lookup;
        }
        // A part that names no topic of its own (「更新ってどこからやるの？」)
        // or is answered only weakly leans on the rest of the message.
        let mut answers: Vec<Hit> = Vec::new();
        let mut unanswered = false;
        for toks in parts {
            if !topical(&toks) {
                unanswered = true;
                continue;
            }
            match self.lookup_in_context(toks, context, &keep).best {
                Some(h) if h.confidence < PART_MIN => unanswered = true,
                Some(h) if !answers.iter().any(|a| a.entry == h.entry) => answers.push(h),
                Some(_) => {}
                None => unanswered = true,
            }
        }
        if answers.is_empty() || (answers.len() == 1 && answers[0].entry == whole.entry) {
            return lookup;
        }
        if unanswered && !answers.iter().any(|a| a.entry == whole.entry) {
            answers.insert(0, whole);
        }
        lookup
            .alternatives
            .retain(|a| !answers.iter().any(|h| h.entry == a.entry));
        if !answers.iter().any(|a| a.entry == whole.entry) {
            lookup.alternatives.insert(0, whole);
            lookup.alternatives.truncate(3);
        }
        let mut answers = answers.into_iter();
        lookup.best = answers.next();
        lookup.further = answers.take(MAX_FURTHER).collect();
        lookup
    }

    /// [`FaqIndex::lookup_tokens_where`] with context, unless the answer it
    /// gives does not cover what the question itself names (「お金かかる？」
    /// at the environment step is about the cost, not the PC): then the
    /// question without context, when that is answered.
    fn lookup_in_context(&self, toks: Vec<text::Token>, context: &[&str], keep: &impl Fn(&Entry) -> bool) -> Lookup {
        if context.is_empty() {
            return self.lookup_tokens_where(toks, context, keep);
        }
        let with = self.lookup_tokens_where(toks.clone(), context, keep);
        let named: Vec<&str> = toks
            .iter()
            .map(|t| t.text.as_str())
            .filter(|t| t.starts_with('#') && !context.contains(t))
            .collect();
        let covers = |e: usize| {
            named.iter().all(|t| {
                self.vocab
                    .get(*t)
                    .is_some_and(|id| self.written_terms[*id as usize].contains(&(e as u32)))
            })
        };
        match &with.best {
            Some(h) if !covers(h.entry) => {
                let without = self.lookup_tokens_where(toks, &[], keep);
                if without.best.is_some() {
                    without
                } else {
                    with
                }
            }
            _ => with,
        }
    }

    /// [`FaqIndex::lookup_tokens`] among the entries `keep` accepts.
    pub fn lookup_tokens_where(
        &self,
        toks: Vec<text::Token>,
        context: &[&str],
        keep: impl Fn(&Entry) -> bool,
    ) -> Lookup {
        // A question that names no concept of the FAQ shares only plain
        // words with it ("weekend plans"): it needs more to be answered.
        let (hits, named) = self.scored(toks, context);
        let threshold = if named { THRESHOLD } else { PLAIN_THRESHOLD };
        let hits = hits.into_iter().filter(|h| keep(&self.entries[h.entry]));
        let mut it = hits.into_iter();
        let first = it.next();
        let (best, rest): (Option<Hit>, Vec<Hit>) = match first {
            Some(h) if h.confidence >= threshold => (Some(h), it.collect()),
            Some(h) => (None, std::iter::once(h).chain(it).collect()),
            None => (None, Vec::new()),
        };
        let alternatives = rest
            .into_iter()
            .filter(|h| h.confidence >= ALTERNATIVE_MIN)
            .take(3)
            .collect();
        Lookup {
            best,
            further: Vec::new(),
            alternatives,
        }
    }
}
