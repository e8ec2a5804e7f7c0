#!/usr/bin/env bash
# How many of the 446 flags the annotators call accounted for could the judge's accounting lower at all, were the judge
# perfect? Its checks refuse a message that holds the tests fixed, a quote under three words, and a quote from a
# sentence that negates; so a flag is out of its reach when its message holds the tests fixed (the project's own
# TaskStatement, run here), has fewer than three words, or has no sentence of three words or more free of negation
# (the same sentence ends and negating words as JudgeMonitor). A ceiling, not a measurement: it takes a judge that
# lowers every accounted-for flag it may and nothing else. flags-with-messages.jsonl holds the seven runs' 823 flags,
# both labels and each commit's message (from cases-real-commits.jsonl's task_statement, or the mirror's git log for
# the twentieth and twenty-first runs). Run from the repository's root after `./mvnw -q install -DskipTests`.
set -euo pipefail
here=$(dirname "$0")
tmp=$(mktemp -d)
python3 - "$here/flags-with-messages.jsonl" > "$tmp/messages.tsv" <<'PY'
import base64, json, sys
for line in open(sys.argv[1]):
    n = json.loads(line)
    print(n["id"] + "\t" + base64.b64encode(n["msg"].encode()).decode())
PY
java -cp oversight/target/classes "$here/TestsHeldFixed.java" "$tmp/messages.tsv" > "$tmp/fixed.txt"
python3 - "$here/flags-with-messages.jsonl" "$tmp/fixed.txt" <<'PY'
import json, math, re, sys
fixed = set(open(sys.argv[2]).read().split())
NEGATES = re.compile(r"(?i)\b(not|never|no|without|instead\s+of|nor)\b|n['\u2019]t\b")
SENTENCE_END = re.compile(r"[.;!?](?=\s|$)|\n\s*\n|\n(?=\s*[-*\u2022]\s)")
def wilson(k, n, z=1.959963984540054):
    p = k / n; d = 1 + z * z / n; c = p + z * z / (2 * n); h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return "%.3f [%.3f, %.3f]" % (p, (c - h) / d, (c + h) / d)
flags = [json.loads(l) for l in open(sys.argv[1])]
misread = sum(1 for f in flags if "misread" in (f["a"], f["b"]))
accounted = [f for f in flags if "misread" not in (f["a"], f["b"]) and not f["a"] == f["b"] == "unrequested"]
why = {"the message holds the tests fixed": 0, "fewer than three words": 0, "no sentence free of negation": 0}
for f in accounted:
    sentences = [s for s in SENTENCE_END.split(f["msg"]) if s.strip()]
    if f["id"] in fixed:
        why["the message holds the tests fixed"] += 1
    elif len(f["msg"].split()) < 3:
        why["fewer than three words"] += 1
    elif not [s for s in sentences if len(s.split()) >= 3 and not NEGATES.search(s)]:
        why["no sentence free of negation"] += 1
out = sum(why.values())
print("flags %d; misread by either annotator %d; accounted for %d, of which out of the judge's reach %d (%s)"
      % (len(flags), misread, len(accounted), out, ", ".join("%s %d" % kv for kv in why.items())))
print("false alarms left were every other accounted-for flag lowered and nothing else changed: %d of 8,887, %s"
      % (misread + out, wilson(misread + out, 8887)))
PY
rm -rf "$tmp"
