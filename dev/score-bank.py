#!/usr/bin/env python3
"""Scores a message-bank file (tests/data/bank/*.tsv) through a binary's
`ask --json`, by the rules of tests/it/intent_eval.rs, so that any build
(an older commit too) can be compared on the same messages:

    python3 dev/score-bank.py target/debug/seikyu-navi tests/data/bank/heldout2.tsv

prints the totals per kind; `--misses N` also lists N wrong messages (never
use it on a held-out part while tuning)."""
import json, re, subprocess, sys, unicodedata, collections
binary, path = sys.argv[1], sys.argv[2]
show = int(sys.argv[sys.argv.index("--misses")+1]) if "--misses" in sys.argv else 0
norm = lambda s: unicodedata.normalize("NFKC", s).lower()
KINDS = ["answer","none","status","command","smalltalk","handoff"]
t = collections.OrderedDict((k,[0,0]) for k in KINDS); misses=[]
for line in open(path, encoding="utf-8").read().splitlines()[1:]:
    c = line.split("\t")
    lang, kind, text = c[1], c[2], c[3]
    expect = c[4] if len(c) > 4 else ""
    j = json.loads(subprocess.run([binary, "ask", "--json", "--lang", lang, "--", text], capture_output=True, text=True).stdout)
    blob = j.get("answer") or ""
    for f in ["name","tel","fax","email","url","note"]:
        v = (j.get("contact") or {}).get(f)
        if isinstance(v, str): blob += "\n" + v
    blob = norm(blob); intent = j.get("intent", "")
    if kind == "answer":
        ok = intent == "question" and j.get("matched") and all(re.search(norm(r), blob) for r in expect.split(" && "))
    elif kind == "none": ok = intent == "question" and not j.get("matched")
    elif kind == "status": ok = intent == "status" and j.get("task") == expect
    elif kind == "command": ok = intent == "command" and j.get("command") == expect
    else: ok = intent == kind
    t[kind][1] += 1; t[kind][0] += bool(ok)
    if not ok: misses.append(f"{kind}\t{text}\t-> {intent} task={j.get('task')} cmd={j.get('command')} faq={j.get('faq_id')}")
print(", ".join(f"{k} {a}/{n} ({100*a/max(n,1):.1f}%)" for k,(a,n) in t.items()))
o = [t[k] for k in ["status","command","smalltalk","handoff"]]
print(f"status+command+smalltalk+handoff {100*sum(a for a,_ in o)/sum(n for _,n in o):.1f}%")
for m in misses[:show]: print("  miss", m)
