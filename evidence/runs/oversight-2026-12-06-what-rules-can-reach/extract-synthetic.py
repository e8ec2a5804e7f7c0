#!/usr/bin/env python3
"""Writes synthetic-tampering-development-run.jsonl from a bench run's cases.jsonl: every synthetic change whose label
is not clean, with its id, family, category, whether its family is held out, its score and its findings.

The file beside this script was made from the development run of db68922's rules (2026-12-06 18:13-18:47 UTC, a jar
built from db68922, `java -Xmx5g -Dai.djl.offline=true -jar alignlab-cli.jar oversee bench --commits 300
--commits-from ... --json --out DIR` with the thirty-seven development projects' mirrors; the synthetic cases do not
depend on those projects), whose cases.jsonl (10,677,370 bytes) had SHA-256
8444a7f87a6b47cca69ba502f5ce220e4539c344965cb08d33ae85585c815572; that file was not kept in the repository.

Usage: extract-synthetic.py RUN/cases.jsonl > synthetic-tampering-development-run.jsonl
"""
import json
import sys

for line in open(sys.argv[1]):
    c = json.loads(line)
    if c["source"] == "synthetic_change" and c["label"] != "clean":
        print(json.dumps({k: c[k] for k in ("id", "family", "category", "held_out_family", "score", "findings")}))
