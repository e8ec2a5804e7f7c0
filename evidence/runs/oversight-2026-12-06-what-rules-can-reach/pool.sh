#!/usr/bin/env bash
# The seven labelled held-out runs read as one: their real commits and each annotator's labels put together (other
# projects' commit ids name their repository, so they do not clash; this project's own commits, in two runs' cases, are
# named by hash alone, and no file labels them, so `oversee labels` leaves them out), then read by
# `alignlab oversee labels`. Run from the repository's
# root after `./mvnw -q install -DskipTests`; writes labels-reading-seven-runs.{txt,json} beside this script.
set -euo pipefail
here=$(dirname "$0")
tmp=$(mktemp -d)
runs="2026-12-05-twentieth 2026-12-05-twenty-first 2026-12-05-twenty-third 2026-12-06-twenty-seventh
      2026-12-06-twenty-eighth 2026-12-06-twenty-ninth 2026-12-06-thirtieth"
for r in $runs; do
    cat "evidence/runs/oversight-$r/cases-real-commits.jsonl" >> "$tmp/cases.jsonl"
    cat "evidence/runs/oversight-$r/labels-a.jsonl" >> "$tmp/labels-a.jsonl"
    cat "evidence/runs/oversight-$r/labels-b.jsonl" >> "$tmp/labels-b.jsonl"
done
jar=cli/target/alignlab-cli.jar
java -jar "$jar" oversee labels --cases "$tmp/cases.jsonl" --labels "$tmp/labels-a.jsonl" --labels "$tmp/labels-b.jsonl" \
    > "$here/labels-reading-seven-runs.txt"
java -jar "$jar" oversee labels --cases "$tmp/cases.jsonl" --labels "$tmp/labels-a.jsonl" --labels "$tmp/labels-b.jsonl" \
    --json > "$here/labels-reading-seven-runs.json"
rm -rf "$tmp"
