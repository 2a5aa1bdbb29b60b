#!/usr/bin/env bash
# Cluster Sweep benchmark of `sweep status` at scale (issue 11): a finished sweep of 200,000 tasks
# (each with its start and end records), its status as a summary and in full to a file, with and
# without status.cache, beside the same commands of a baseline build (BENCH_BASELINE_JAR, e.g. the
# jar of a commit before the cache) in the same session; and the build page's poll of it
# (bench/PagePoll.java). Prints a Markdown table and writes it to
# bench/results/ (gitignored). Benchmarks only report.
#
# usage: bash bench/status.sh
# env:   BENCH_RUNS=3                 runs per measurement (the table shows the median wall time)
#        BENCH_TASKS=200000           tasks of the sweep (a multiple of 1,000)
#        BENCH_BASELINE_JAR=PATH      a sweep.jar to compare with (optional)
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${BENCH_RUNS:-3}
tasks=${BENCH_TASKS:-200000}
baseline=${BENCH_BASELINE_JAR:-}
(( tasks % 1000 == 0 && tasks > 0 )) || { echo "bench: BENCH_TASKS must be a multiple of 1,000" >&2; exit 2; }
[ -z "$baseline" ] || [ -f "$baseline" ] || { echo "bench: no jar at BENCH_BASELINE_JAR=$baseline" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/sweep-bench-status.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$repo/bench/results"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out=$repo/bench/results/status-$stamp.md
note() { echo "bench: $*" >&2; }

"$repo/bin/sweep" --version >/dev/null # build once, outside the measurements
jar=$repo/cli/target/sweep.jar
cp "$jar" "$work/sweep.jar" # the jar measured stays the same if the sources change meanwhile
java_run=(java -XX:+UseSerialGC -Xshare:auto -jar) # as bin/sweep runs it

note "building a finished sweep of $tasks tasks in $work (not timed)"
cd "$work"
"${java_run[@]}" "$work/sweep.jar" prelaunch +jobname big +command 'python train.py' +arg --seed $(seq 1 $((tasks / 100))) \
    +arg --lr $(seq 1 100 | sed 's/^/0.00/') +q >/dev/null
python3 - "$work/.sweep/big" "$tasks" <<'EOF'
# What a launch leaves once every task has ended: a submission record and each task's records.
import json, os, sys
root, tasks = sys.argv[1], int(sys.argv[2])
for sub in ("submissions", "status"):
    os.makedirs(os.path.join(root, sub), exist_ok=True)
record = {"number": 1, "backend": "local", "submittedAtMillis": 1700000000000, "tasks": f"1-{tasks}",
          "launcher": {"host": "bench-host-gone", "pid": 1, "startedAtMillis": 1, "instance": "bench"},
          "jobs": [{"jobId": "local", "tasks": f"1-{tasks}", "offset": 0, "groupSize": 1}]}
with open(os.path.join(root, "submissions", "000001.json"), "w") as f:
    json.dump(record, f)
for i in range(1, tasks + 1):
    with open(f"{root}/status/{i}.1.start", "w") as f:
        f.write(f"submission=1\njob=local\nhost=node{i % 40:02d}\npid={100000 + i}\nstart=1700000000\n")
    with open(f"{root}/status/{i}.1.end", "w") as f:
        f.write(f"exit={1 if i % 50 == 0 else 0}\nend=1700000060\nreason=exit\n")
EOF
# The status directory older than status.cache's settling margin (5 s), as a finished sweep's is.
touch -d '1 minute ago' "$work/.sweep/big/status"

now_ns() { date +%s%N; }
mkdir -p "$work/m"
# measure ID CMD...: one run, "wall_s rss_kb" appended to $work/m/ID; exit 1 (some tasks failed) is
# what a status of this sweep gives, anything else stops the benchmark.
measure() {
    local id=$1 t0 t1 rc=0
    shift
    t0=$(now_ns)
    /usr/bin/time -f %M -o "$work/m/$id.rss" "$@" >"$work/m/$id.out" 2>"$work/m/$id.err" || rc=$?
    t1=$(now_ns)
    if [ "$rc" -gt 1 ]; then
        note "$id failed (exit $rc): $(head -3 "$work/m/$id.err")"
        exit 1
    fi
    echo "$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f", (b - a) / 1e9}') $(tail -1 "$work/m/$id.rss")" >>"$work/m/$id"
}
median() { sort -n "$work/m/$1" | awk '{v[NR] = $1} END {printf "%.2f", v[int((NR + 1) / 2)]}'; }
max_rss() { awk '$2 > m {m = $2} END {print int(m / 1024)}' "$work/m/$1"; }
ratio() { awk -v a="$(median "$1")" -v b="$(median "$2")" 'BEGIN {printf "%.2f", a / b}'; }

cache=$work/.sweep/big/status.cache
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for ((r = 1; r <= runs; r++)); do
    note "round $r of $runs"
    rm -f "$cache"
    measure cold-summary "${java_run[@]}" "$work/sweep.jar" status --jobname big --summary
    rm -f "$cache"
    measure cold-full "${java_run[@]}" "$work/sweep.jar" status --jobname big
    measure warm-summary "${java_run[@]}" "$work/sweep.jar" status --jobname big --summary
    measure warm-full "${java_run[@]}" "$work/sweep.jar" status --jobname big
    if [ -n "$baseline" ]; then
        measure base-summary "${java_run[@]}" "$baseline" status --jobname big --summary
        measure base-full "${java_run[@]}" "$baseline" status --jobname big
    fi
done
# The build page's poll: status and one page of rows, in a JVM that stays up, as a Jenkins agent.
note "the build page's poll, 10 times in one JVM"
read -r poll_median poll_max poll_bytes < <(java -XX:+UseSerialGC -cp "$work/sweep.jar" "$repo/bench/PagePoll.java" \
    "$work" big 10)
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
same=no
cmp -s "$work/m/warm-full.out" "$work/m/cold-full.out" && same=yes
same_base=n/a
[ -z "$baseline" ] || { same_base=no; cmp -s "$work/m/warm-full.out" "$work/m/base-full.out" && same_base=yes; }

row() { echo "| $1 | $2 | $(median "$3") | $(max_rss "$3") | $4 |"; }
{
    echo "## sweep status benchmark, $stamp"
    echo
    echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo); load average $load_before before, $load_after after."
    echo "$(java -version 2>&1 | head -1); commit $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?')${baseline:+; baseline $baseline}."
    echo "A finished sweep of $tasks tasks (a start and an end record each, one in 50 failed). Wall time of the"
    echo "whole command (JVM start included), median of $runs runs; RSS the largest (GNU time)."
    echo
    echo "| What | Run | Wall (s, median) | Max RSS (MB) | Ratio |"
    echo "|---|---|---:|---:|---:|"
    if [ -n "$baseline" ]; then
        row "status --summary" "baseline jar" base-summary "1.00 (baseline)"
        row "status --summary" "without status.cache (the first status after the tasks ended)" cold-summary "$(ratio cold-summary base-summary)"
        row "status --summary" "with status.cache" warm-summary "$(ratio warm-summary base-summary)"
        row "status, every task, to a file" "baseline jar" base-full "1.00 (baseline)"
        row "status, every task, to a file" "without status.cache" cold-full "$(ratio cold-full base-full)"
        row "status, every task, to a file" "with status.cache" warm-full "$(ratio warm-full base-full)"
    else
        row "status --summary" "without status.cache" cold-summary "1.00 (baseline)"
        row "status --summary" "with status.cache" warm-summary "$(ratio warm-summary cold-summary)"
        row "status, every task, to a file" "without status.cache" cold-full "1.00 (baseline)"
        row "status, every task, to a file" "with status.cache" warm-full "$(ratio warm-full cold-full)"
    fi
    echo
    echo "- The same full status with and without the cache: $same; the same as the baseline's: $same_base."
    echo "- status.cache: $(( $(wc -c <"$cache") / 1024 )) KiB."
    echo "- The build page's poll (bench/PagePoll.java: the sweep opened, its status, 100 rows as JSON of"
    echo "  $poll_bytes characters, in a JVM that stays up as an agent's; 10 polls after 3): median ${poll_median} s, slowest ${poll_max} s."
    echo
    echo "Reproduce: \`bash bench/status.sh\` (BENCH_RUNS=$runs BENCH_TASKS=$tasks${baseline:+ BENCH_BASELINE_JAR=...})"
} | tee "$out"
note "written to $out"
