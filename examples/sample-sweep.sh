#!/usr/bin/env bash
# The README's first command: builds the command line and runs a 2x3 sweep on the local backend.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
work=$(mktemp -d "${TMPDIR:-/tmp}/sweep-sample.XXXXXX")
cp examples/train.sh "$work/"
cd "$work"
sweep=$OLDPWD/bin/sweep
echo "# in $work"
set -x
"$sweep" prelaunch +jobname sample +command ./train.sh +arg --lr 0.1 0.3 +arg --seed 1 2 3 +tag --run-tag
set +e
"$sweep" launch --backend local --jobname sample --max-tasks 2
code=$?
"$sweep" status --jobname sample
"$sweep" results --jobname sample --metric loss --over seed
set +x
echo "# launch exited with $code: task 4 (lr 0.3, seed 2) fails on purpose with exit code 3."
echo "# its logs: $work/.sweep/sample/logs/4.1.err"
echo "# each task reported its loss to \$SWEEP_METRICS; see docs/results.md for 'sweep results'."
echo "# relaunch it with: (cd $work && $sweep launch --backend local --jobname sample --failed)"
