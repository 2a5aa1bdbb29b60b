#!/usr/bin/env bash
# A stand-in for a training script: prints its arguments, "trains" briefly, fails for one value so
# the sample sweep shows a failed task and its exit code.
set -u
echo "train.sh $*"
sleep 0.2
case " $* " in
  *" --lr 0.3 "*"--seed 2 "*) echo "diverged at lr 0.3, seed 2" >&2; exit 3 ;;
esac
echo "final loss: 0.$RANDOM"
