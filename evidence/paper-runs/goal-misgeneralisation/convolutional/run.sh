#!/usr/bin/env bash
# The goal-misgeneralisation study on 13 x 13 mazes with the paper budget's convolutional network (issue 14,
# item 5), run in pieces across sessions.
#
# The perceptron run beside this folder (../run.sh) left the alpha-1 control empty: no agent met the 90%
# training gate. The paper budget now reads the maze through two convolutions (../probes-2026-12-06/). This
# script trains agents on fresh levels (10 seeds an alpha, 5 M PPO steps), seed by seed, so that a run stopped
# part way holds whole pairs across alphas; without level replay, as before. It takes the alphas to sweep
# (default all six): first the two ends, 0 and 1 (the proxy alone and the control), then all six, which reuses
# the ends' agents (each finished agent is kept under its own inputs, whatever the run's other settings).
#
# The code is frozen at the commit below so that every agent is trained by the same code. Finished agents are
# kept beside this script (steps/: small JSON files, each stamped with the hash of its inputs and that commit)
# and copied into the run's folder before it resumes, so that a new machine picks up where the last one stopped.
#
# Usage: COMMIT=... evidence/paper-runs/goal-misgeneralisation/convolutional/run.sh WORKDIR [ALPHAS]
#   WORKDIR gets a clone of this repository at COMMIT (built on first use) and the run's output;
#   ALPHAS is a comma-separated list (default 0,1e-4,1e-3,1e-2,0.1,1).
# Afterwards (or when stopping part way): cp WORKDIR/convolutional/goal-misgeneralisation/steps/*.json steps/;
# commit.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(git -C "$HERE" rev-parse --show-toplevel)"
WORK="${1:?usage: run.sh WORKDIR [ALPHAS]}"
ALPHAS="${2:-0,1e-4,1e-3,1e-2,0.1,1}"
COMMIT=8624fe1431de9250bd7a923b757d3a8073149f4b
mkdir -p "$WORK"
if [ ! -d "$WORK/code" ]; then
  git clone -q "$REPO" "$WORK/code"
fi
# Every time, not only on the first: a WORKDIR used for another run must not train with other code.
git -C "$WORK/code" checkout -q "$COMMIT"
if [ "$(git -C "$WORK/code" rev-parse HEAD)" != "$COMMIT" ] || [ -n "$(git -C "$WORK/code" status --porcelain)" ]; then
  echo "run.sh: $WORK/code is not a clean checkout of $COMMIT" >&2
  exit 2
fi
OUT="$WORK/convolutional"
steps="$OUT/goal-misgeneralisation/steps"
mkdir -p "$steps"
if [ -d "$HERE/steps" ]; then
  for f in "$HERE"/steps/*.json; do
    if [ -e "$f" ] && [ ! -e "$steps/$(basename "$f")" ]; then cp "$f" "$steps/"; fi
  done
fi
# Kept agents are stamped with the code version: the full commit, not `git describe`, whose short hash can
# lengthen in a larger clone and so retrain every kept agent.
export ALIGNLAB_JAVA_OPTS="-Dalignlab.codeVersion=$COMMIT"
echo "$(date -u +%FT%TZ) sweep of alphas $ALPHAS: start"
"$WORK/code/alignlab" study goal-misgeneralisation --budget paper --set "alphas=$ALPHAS" --set replayAlphas= \
  --out "$OUT"
echo "$(date -u +%FT%TZ) sweep of alphas $ALPHAS: done"
