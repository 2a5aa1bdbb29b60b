#!/usr/bin/env bash
# Builds a class-data sharing archive of the command line (run by Maven at package time, see
# cli/pom.xml): the classes a `sweep results` loads, parsed and verified once here instead of at
# every start. A short command spends a third of its time loading some 1,400 classes from the jar;
# bin/sweep uses the archive when it is there. A JVM that finds the archive missing, or made for
# another jar (any rebuild changes its time), ignores it silently, so this script never fails the
# build: whatever goes wrong, it leaves no archive and exits 0.
#
# usage: cds-archive.sh JAR ARCHIVE
set -uo pipefail
jar=$1
archive=$2
rm -f "$archive"
work=$(mktemp -d "${TMPDIR:-/tmp}/sweep-cds.XXXXXX") || exit 0
trap 'rm -rf "$work"' EXIT
note() { echo "cds-archive: $*; bin/sweep runs without the archive" >&2; }

# A finished sweep of 4 tasks, as a local launch leaves it (as bench/results.sh makes one).
cd "$work" || exit 0
if ! java -jar "$jar" prelaunch +jobname cds +command 'python train.py' +arg --lr 0.1 0.2 +arg --seed 1 2 \
        +tag --run-tag +q >/dev/null 2>&1; then
    note "prelaunch of the training sweep failed"
    exit 0
fi
root=$work/.sweep/cds
mkdir -p "$root/submissions" "$root/status" "$root/metrics"
printf '%s' '{"number": 1, "backend": "local", "submittedAtMillis": 1700000000000, "tasks": "1-4",' \
    ' "launcher": {"host": "cds-host-gone", "pid": 1, "startedAtMillis": 1, "instance": "cds"},' \
    ' "jobs": [{"jobId": "local", "tasks": "1-4", "offset": 0, "groupSize": 1}]}' >"$root/submissions/000001.json"
for i in 1 2 3 4; do
    printf 'submission=1\njob=local\nhost=cds-host-gone\npid=%d\nstart=1700000000\n' $((100 + i)) \
        >"$root/status/$i.1.start"
    printf 'exit=0\nend=1700000060\nreason=exit\n' >"$root/status/$i.1.end"
    printf 'loss@0=0.%d\nloss=0.%d\naccuracy=0.9\n' $((i + 5)) "$i" >"$root/metrics/$i.1.txt"
done
# The first run writes the caches; the second, the one recorded, reads them as most runs do.
java -jar "$jar" results --jobname cds --metric loss --top 2 --format csv >/dev/null 2>&1
if ! java -XX:DumpLoadedClassList="$work/classes.lst" -jar "$jar" results --jobname cds --metric loss \
        --top 2 --format csv >/dev/null 2>&1; then
    note "the training run failed"
    exit 0
fi
if ! java -Xshare:dump -XX:SharedClassListFile="$work/classes.lst" -XX:SharedArchiveFile="$archive" \
        -cp "$jar" >"$work/dump.log" 2>&1; then
    note "the JVM could not dump the archive ($(tail -1 "$work/dump.log"))"
    rm -f "$archive"
fi
exit 0
