#!/usr/bin/env python3
"""Writes what the bot learns from the message bank's TUNING parts
(tests/data/bank/tuning*.tsv; never a held-out part):

- locales/faq-learned.tsv: each question, labelled with the FAQ entry whose
  answer it expects;
- locales/intent-examples.tsv: every message with its kind and its task or
  command (the examples src/classifier.rs trains on).

A question's label is the entry whose answer (ja or en, as the row's
language) plus its contact's fields matches every `expect` regex, after
NFKC and lower-casing, as tests/it/intent_eval.rs scores it. When several
entries match, the one the bot ranks highest (`ask --json`: the answer, then
the alternatives) is taken; when none of those match, or when the
expectation is only a helpdesk's number that several entries give, the row
is left out,
and so is a message saying something fails that only the overview of what to
prepare would answer.

Run from the project root after `cargo build`:
    python3 dev/learn-phrasings.py
(`SEIKYU_BIN=target/release/seikyu-navi` after `cargo build --release` runs
it in a few minutes instead of a quarter of an hour.)
"""
import concurrent.futures, glob, json, os, re, subprocess, sys, unicodedata

BIN = os.environ.get("SEIKYU_BIN", "target/debug/seikyu-navi")
OUT = "locales/faq-learned.tsv"
EXAMPLES = "locales/intent-examples.tsv"
FAILS = re.compile(r"エラー|できない|できません|できず|error|fail|can'?t|cannot")


def ftl(path):
    """message id -> (value, {attribute: value})"""
    msgs, cur = {}, None
    for line in open(path, encoding="utf-8").read().splitlines():
        m = re.match(r"^([a-z][a-z0-9-]*) =\s?(.*)$", line)
        if m:
            cur = m.group(1)
            msgs[cur] = [m.group(2), {}]
            attr = None
            continue
        if cur is None or not line.startswith(" ") or not line.strip():
            if not line.strip() or line.startswith("#"):
                continue
            cur = None
            continue
        a = re.match(r"^\s+\.([a-z][a-z0-9-]*) =\s?(.*)$", line)
        if a:
            attr = a.group(1)
            msgs[cur][1][attr] = a.group(2)
        elif attr:
            msgs[cur][1][attr] += "\n" + line.strip()
        else:
            msgs[cur][0] += "\n" + line.strip()
    return msgs


def norm(s):
    return unicodedata.normalize("NFKC", s).lower()


def main():
    texts = {}
    for lang in ("ja", "en"):
        faq = ftl(f"locales/{lang}/faq.ftl")
        contacts = ftl(f"locales/{lang}/contacts.ftl")
        for mid, (value, attrs) in faq.items():
            if not mid.startswith("faq-"):
                continue
            c = contacts.get("contact-" + attrs.get("contact", ""), ["", {}])
            fields = [c[0]] + [c[1].get(k, "") for k in ("tel", "fax", "email", "url", "note")]
            texts[(mid[4:], lang)] = norm(value + "\n" + "\n".join(fields))
    rows, examples = [], []
    files = sorted(glob.glob("tests/data/bank/tuning*.tsv"))
    assert files and not any("heldout" in f for f in files)
    for f in files:
        for line in open(f, encoding="utf-8").read().splitlines()[1:]:
            c = line.split("\t")
            if len(c) >= 5 and c[2] == "answer":
                rows.append((c[1], c[3], c[4]))
            label = c[4] if len(c) >= 5 and c[2] in ("status", "command") else ""
            examples.append((c[2], label, " ".join(c[3].split())))
    with open(EXAMPLES, "w", encoding="utf-8") as w:
        w.write("# Messages from the tuning parts of tests/data/bank: kind, task or command,\n"
                "# text (written by dev/learn-phrasings.py; do not edit). src/classifier.rs\n"
                "# trains its second opinion on them.\n")
        for k, l, t in examples:
            w.write(f"{k}\t{l}\t{t}\n")
    out, skipped = [], 0
    # One process per question, as many at once as the machine has cores.
    ask = lambda r: json.loads(subprocess.run([BIN, "ask", "--json", "--lang", r[0], "--", r[1]],
                                              capture_output=True, text=True, check=True).stdout)
    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 1) as pool:
        answers = list(pool.map(ask, rows))
    for (lang, text, expect), j in zip(rows, answers):
        res = [re.compile(norm(r)) for r in expect.split(" && ")]
        fits = [e for (e, l), t in texts.items() if l == lang and all(r.search(t) for r in res)]
        ranked = [j["faq_id"]] if j.get("faq_id") else []
        ranked += [a["faq_id"] for a in j.get("alternatives", [])]
        # An expectation that is only a helpdesk's number does not say which
        # entry answers: learning it would only teach the bot its own ranking.
        if all("0570" in r for r in expect.split(" && ")) and len(fits) > 1:
            skipped += 1
            continue
        label = next((e for e in ranked if e in fits), None)
        if label is None and len(fits) == 1:
            label = fits[0]
        # The overview of what to prepare answers no failure: a message
        # saying something fails is not learned as a way of asking it.
        if label == "preparations" and FAILS.search(norm(text)):
            label = None
        if label is None:
            skipped += 1
            continue
        out.append((label, " ".join(text.split())))
    out.sort()
    with open(OUT, "w", encoding="utf-8") as w:
        w.write("# Questions from the tuning parts of tests/data/bank, each with the FAQ\n"
                "# entry that answers it (written by dev/learn-phrasings.py; do not edit).\n"
                "# The FAQ index reads them as more ways of asking each entry.\n")
        for e, t in out:
            w.write(f"{e}\t{t}\n")
    print(f"{len(out)} labelled, {skipped} left out", file=sys.stderr)


main()
