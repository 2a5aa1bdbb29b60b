#!/usr/bin/env python3
"""The benchmark's objective (bench/search.sh): a noisy loss of three parameters, the same for
every optimiser. As a task: `search_objective.py --x X --lr LR --opt OPT` appends loss=... to
$SWEEP_METRICS. As a module: loss(x, lr, opt) for Optuna, in-process.

loss = (x - 2)^2 + (log10(lr) + 2)^2 + (0 if opt == adam else 0.5) + noise, noise ~ N(0, 0.1)
drawn from a hash of the values, so the same configuration always has the same loss.
Its best, 0 plus noise, is at x = 2, lr = 0.01, opt = adam.
"""
import hashlib
import math
import os
import random
import sys


def loss(x, lr, opt):
    seed = int(hashlib.sha256(f"{x!r} {lr!r} {opt}".encode()).hexdigest()[:16], 16)
    noise = random.Random(seed).gauss(0, 0.1)
    return (x - 2) ** 2 + (math.log10(lr) + 2) ** 2 + (0 if opt == "adam" else 0.5) + noise


def main(argv):
    values = dict(zip(argv[1::2], argv[2::2]))
    value = loss(float(values["--x"]), float(values["--lr"]), values["--opt"])
    with open(os.environ["SWEEP_METRICS"], "a") as f:
        f.write(f"loss={value!r}\n")


if __name__ == "__main__":
    main(sys.argv)
