#!/usr/bin/env bash
# A stand-in for a training script: prints its arguments, "trains" briefly, reports a learning curve
# and a final loss to $SWEEP_METRICS (docs/results.md), and fails for one value so the sample sweep
# shows a failed task and its exit code.
set -u
echo "train.sh $*"
lr='' seed=''
while (($#)); do
  case $1 in
    --lr) lr=$2; shift ;;
    --seed) seed=$2; shift ;;
  esac
  shift
done
# Made-up but repeatable: the loss falls with the steps, lr 0.1 ends lower, the seed adds a little noise.
for step in 100 200 300; do
  loss=$(awk -v lr="$lr" -v s="$seed" -v t="$step" 'BEGIN { printf "%.4f", (lr == 0.1 ? 0.4 : 0.5) + 30 / t + s * 0.01 }')
  echo "loss@$step=$loss" >> "${SWEEP_METRICS:-/dev/null}"
  sleep 0.05
done
case " $lr $seed " in
  " 0.3 2 ") echo "diverged at lr 0.3, seed 2" >&2; exit 3 ;;
esac
echo "final loss: $loss"
echo "loss=$loss" >> "${SWEEP_METRICS:-/dev/null}"
echo "accuracy=$(awk -v l="$loss" 'BEGIN { printf "%.3f", 1 - l / 2 }')" >> "${SWEEP_METRICS:-/dev/null}"
