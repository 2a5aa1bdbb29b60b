#!/usr/bin/env python3
"""The `sweep results` baseline: a plain Python script of our own that reads the same files.

For a sweep directory .sweep/JOB/: the tasks and their `--name value` parameters from jobs.json,
each task's latest attempt from the status records (start and end, as the engine reads them), that
attempt's metrics/ID.N.txt (NAME=VALUE and NAME@STEP=VALUE lines, the last value of a name wins,
bad lines counted), then the K tasks that succeeded with the best METRIC, smallest first, printed
as CSV like `sweep results --metric METRIC --top K --format csv` (without its problems column).

With --over PARAM it prints instead the mean, standard deviation and count of METRIC per
configuration (the tasks that differ only in PARAM), best mean first.

usage: results_ref.py SWEEP_DIR METRIC K [--over PARAM]
"""
import json
import math
import os
import re
import shlex
import sys

LINE = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_./-]*)\s*(?:@\s*(\d+)\s*)?=\s*(\S+)\s*$")


def params_of(command, tag):
    words = shlex.split(command)
    params = {}
    i = 0
    while i < len(words):
        w = words[i]
        if w.startswith("-") and len(w) > 1 and not w.lstrip("-")[:1].isdigit():
            if i + 1 < len(words) and not words[i + 1].startswith("-"):
                value = words[i + 1]
                i += 1
            else:
                value = "true"
            if value != tag:
                params[w.lstrip("-")] = value
        i += 1
    return params


def read_record(path):
    try:
        with open(path) as f:
            text = f.read()
    except FileNotFoundError:
        return None
    return dict(line.split("=", 1) for line in text.splitlines() if "=" in line)


def main():
    root, metric, k = sys.argv[1], sys.argv[2], int(sys.argv[3])
    over = sys.argv[5] if len(sys.argv) > 5 and sys.argv[4] == "--over" else None
    with open(os.path.join(root, "jobs.json")) as f:
        jobs = json.load(f)
    latest = {}
    status = os.path.join(root, "status")
    for name in os.listdir(status):
        if name.endswith(".start"):
            task, attempt, _ = name.split(".")
            if int(attempt) > latest.get(task, 0):
                latest[task] = int(attempt)
    names = []
    rows = []
    problems = 0
    for task, attempt in latest.items():
        start = read_record(os.path.join(status, f"{task}.{attempt}.start"))
        end = read_record(os.path.join(status, f"{task}.{attempt}.end"))
        if start is None or end is None or end.get("exit") != "0" or end.get("reason") != "exit":
            continue
        values = {}
        try:
            with open(os.path.join(root, "metrics", f"{task}.{attempt}.txt")) as f:
                for line in f:
                    m = LINE.match(line)
                    if not m:
                        problems += line.strip() != ""
                        continue
                    try:
                        values[m.group(1)] = float(m.group(3))
                    except ValueError:
                        problems += 1
        except FileNotFoundError:
            pass
        if metric in values:
            command, tag = jobs[task]
            params = params_of(command, tag)
            if not names:
                names = list(params)
            rows.append((values[metric], int(task), params, values))
    if over is None:
        rows.sort(key=lambda r: (r[0], r[1]))
        print(",".join(["task"] + names + [metric]))
        for value, task, params, _ in rows[:k]:
            print(",".join([str(task)] + [params.get(n, "") for n in names] + [repr(value)]))
    else:
        groups = {}
        for value, task, params, _ in rows:
            key = tuple((n, v) for n, v in params.items() if n != over)
            groups.setdefault(key, []).append(value)
        stats = []
        for key, values in groups.items():
            n = len(values)
            mean = sum(values) / n
            sd = math.sqrt(sum((v - mean) ** 2 for v in values) / (n - 1)) if n > 1 else float("nan")
            stats.append((mean, sd, n, key))
        stats.sort(key=lambda s: s[0])
        print(",".join([n for n in names if n != over] + ["n", "mean", "sd"]))
        for mean, sd, n, key in stats[:k]:
            print(",".join([v for _, v in key] + [str(n), repr(mean), repr(sd)]))
    print(f"{problems} bad lines", file=sys.stderr)


if __name__ == "__main__":
    main()
