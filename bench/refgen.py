#!/usr/bin/env python3
"""The prelaunch baseline: a small reference generator of our own (not onager's code).

Writes the same jobs.json (byte for byte) and prints the same command lines, in the same order, as
`sweep prelaunch +jobname JOB +command CMD +arg NAME V... [+arg ...] +tag [+quiet]` for plain values
(no shell quoting needed) and argparse mode: the first argument varies fastest, the tag is
JOB_N__key_value... with N padded to the width of the last id.

usage: refgen.py JOBNAME JOBFILE QUIET(0|1) COMMAND NAME=V1,V2,... [NAME=V1,...]
"""
import itertools
import json
import os
import sys


def main():
    jobname, jobfile, quiet, command = sys.argv[1], sys.argv[2], sys.argv[3] == "1", sys.argv[4]
    specs = []
    for spec in sys.argv[5:]:
        name, _, values = spec.partition("=")
        key = name.replace("_", "").replace("-", "").replace("=", "_").replace("/", ".")
        specs.append((name, key, values.split(",")))
    total = 1
    for _, _, values in specs:
        total *= len(values)
    width = len(str(total))
    dumps = json.dumps
    out = sys.stdout
    os.makedirs(os.path.dirname(jobfile) or ".", exist_ok=True)
    with open(jobfile, "w") as f:
        f.write("{")
        chunk = []
        # itertools.product varies the last fastest; onager's order varies the first fastest.
        combos = itertools.product(*[values for _, _, values in reversed(specs)])
        for i, combo in enumerate(combos, 1):
            combo = combo[::-1]
            args = " ".join(f"{name} {v}" for (name, _, _), v in zip(specs, combo))
            tag = f"{jobname}_{i:0{width}d}" + "".join(f"__{key}_{v}" for (_, key, _), v in zip(specs, combo))
            cmd = f"{command} {args} --tag {tag}"
            if not quiet:
                out.write(cmd + "\n")
            chunk.append(f"{'' if i == 1 else ', '}\"{i}\": [{dumps(cmd)}, {dumps(tag)}]")
            if len(chunk) >= 10000:
                f.write("".join(chunk))
                chunk.clear()
        f.write("".join(chunk))
        f.write("}")


if __name__ == "__main__":
    main()
