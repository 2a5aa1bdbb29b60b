# shellcheck shell=bash
# Shared helpers for the test-cluster scripts. Sourced, not run.
# Everything the cluster writes at run time lives under $STATE (one cluster per machine,
# shared by every checkout), never in the repository.

STATE=${CLUSTER_SWEEP_STATE:-/var/tmp/cluster-sweep-test-cluster}
PIDS=$STATE/pids
LOGS=$STATE/logs
HOST=$(hostname -s)

export DEBIAN_FRONTEND=noninteractive
# Grid Engine clients and daemons find their cell through these.
export SGE_ROOT=/var/lib/gridengine SGE_CELL=default

say() { printf '[test-cluster] %s\n' "$*"; }
die() { printf '[test-cluster] ERROR: %s\n' "$*" >&2; exit 1; }

need_root() { [ "$(id -u)" = 0 ] || die "must run as root (it installs packages and starts daemons)"; }

init_state() {
  mkdir -p "$PIDS" "$LOGS"
  chmod 755 "$STATE"
}

# Print the tail of the given log files (to stderr), used on every failure path.
show_logs() {
  local f
  for f in "$@"; do
    [ -s "$f" ] || continue
    printf -- '----- last lines of %s -----\n' "$f" >&2
    tail -n 25 "$f" >&2
  done
}

# ---------------------------------------------------------------- packages

# Install the Debian packages that are missing; apt-get update only when needed.
# A lock makes two up.sh runs at once wait for each other instead of failing on dpkg's lock.
install_packages() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing ${missing[*]}"
  init_state
  (
    flock 9
    # Stop package scripts from starting daemons through init scripts: we start them ourselves.
    local own_policy=0
    if [ ! -e /usr/sbin/policy-rc.d ]; then
      printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
      chmod 755 /usr/sbin/policy-rc.d
      own_policy=1
    fi
    # Answers for gridengine's debconf questions (harmless when gridengine is not wanted).
    debconf-set-selections <<EOF
gridengine-common shared/gridengineconfig boolean true
gridengine-common shared/gridenginecell string default
gridengine-common shared/gridenginemaster string $HOST
gridengine-master shared/gridengineconfig boolean true
gridengine-master shared/gridenginecell string default
gridengine-master shared/gridenginemaster string $HOST
gridengine-exec shared/gridengineconfig boolean true
gridengine-exec shared/gridenginecell string default
gridengine-exec shared/gridenginemaster string $HOST
gridengine-client shared/gridengineconfig boolean true
gridengine-client shared/gridenginecell string default
gridengine-client shared/gridenginemaster string $HOST
EOF
    local rc=0
    { apt-get update -qq && apt-get install -y -qq --no-install-recommends \
        -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
        -o DPkg::Lock::Timeout=300 "${missing[@]}"; } >>"$LOGS/apt.log" 2>&1 || rc=$?
    [ $own_policy = 1 ] && rm -f /usr/sbin/policy-rc.d
    if [ $rc != 0 ]; then show_logs "$LOGS/apt.log"; exit 1; fi
  ) 9>"$STATE/apt.lock" || die "apt-get install failed (log: $LOGS/apt.log)"
}

# ---------------------------------------------------------------- daemons
# A pid file holds "PID STARTTIME" (field 22 of /proc/PID/stat): a recycled pid or a
# zombie that init has not reaped yet must not count as our daemon still running.

proc_starttime() { awk '{ sub(/^.*\) /, ""); print $20 }' "/proc/$1/stat" 2>/dev/null; }
proc_state() { awk '{ sub(/^.*\) /, ""); print $1 }' "/proc/$1/stat" 2>/dev/null; }

# daemon_pid NAME: print the pid of the recorded daemon if it is alive, else fail.
daemon_pid() {
  local f=$PIDS/$1.pid pid start st
  [ -r "$f" ] || return 1
  read -r pid start <"$f" || return 1
  [ -n "$pid" ] || return 1
  st=$(proc_state "$pid") || return 1
  case "$st" in Z | X | "") return 1 ;; esac
  [ "$(proc_starttime "$pid")" = "$start" ] || return 1
  echo "$pid"
}

is_running() { daemon_pid "$1" >/dev/null; }
not_running() { ! daemon_pid "$1" >/dev/null; }

# start_daemon NAME COMMAND...: run COMMAND (a foreground daemon) in its own session,
# output to $LOGS/NAME.log, pid recorded. setsid execs in place (the background child is not
# a group leader), so $! is the daemon itself.
start_daemon() {
  local name=$1 pid; shift
  init_state
  setsid "$@" >>"$LOGS/$name.log" 2>&1 </dev/null &
  pid=$!
  echo "$pid $(proc_starttime "$pid")" >"$PIDS/$name.pid"
  echo "== started $(date '+%F %T') pid $pid: $*" >>"$LOGS/$name.log"
}

# wait_gone PID STARTTIME SECONDS: wait until that process is gone or a zombie.
wait_gone() {
  local pid=$1 start=$2 n=$(($3 * 10)) st
  while [ $n -gt 0 ]; do
    st=$(proc_state "$pid") || return 0
    case "$st" in Z | X) return 0 ;; esac
    [ "$(proc_starttime "$pid")" = "$start" ] || return 0
    sleep 0.1
    n=$((n - 1))
  done
  return 1
}

# stop_daemon NAME [GRACE_SECONDS]: SIGTERM the recorded pid, SIGKILL after the grace time.
# Only ever the recorded process, never anything found by name.
stop_daemon() {
  local name=$1 grace=${2:-15} pid start
  if pid=$(daemon_pid "$name"); then
    read -r _ start <"$PIDS/$name.pid"
    kill -TERM "$pid" 2>/dev/null || true
    if ! wait_gone "$pid" "$start" "$grace"; then
      say "$name (pid $pid) ignored SIGTERM for ${grace}s: SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      wait_gone "$pid" "$start" 5 || true
    fi
    say "stopped $name (pid $pid)"
  fi
  rm -f "$PIDS/$name.pid"
}

# wait_until SECONDS COMMAND...: retry COMMAND every 0.2 s until it succeeds.
wait_until() {
  local n=$(($1 * 5)); shift
  while [ $n -gt 0 ]; do
    "$@" >/dev/null 2>&1 && return 0
    sleep 0.2
    n=$((n - 1))
  done
  return 1
}

parse_which() {
  case "${1:-all}" in
    all) echo "slurm gridengine" ;;
    slurm | gridengine) echo "$1" ;;
    sge) echo gridengine ;;
    *) die "unknown scheduler '$1' (slurm|gridengine|all)" ;;
  esac
}

# $STATE/env: KEY=VALUE lines (no quotes, no export) that both a shell (set -a; . file) and a
# Java test (Properties-style split on the first '=') can read. Rewritten by up.sh and down.sh.
write_env_file() {
  local slurm=down sge=down tmp
  tmp=$(mktemp "$STATE/env.XXXXXX") # own temp file: two scripts may write at once
  is_running slurmctld && is_running slurmd && slurm=up
  is_running sge_qmaster && is_running sge_execd && sge=up
  cat >"$tmp" <<EOF2
CLUSTER_SWEEP_SLURM=$slurm
CLUSTER_SWEEP_GRIDENGINE=$sge
SLURM_CONF=/etc/slurm/slurm.conf
CLUSTER_SWEEP_SLURM_PARTITION=debug
CLUSTER_SWEEP_SLURM_ACCOUNTING=$(grep -q '^AccountingStorageType=accounting_storage/slurmdbd' /etc/slurm/slurm.conf 2>/dev/null && echo 1 || echo 0)
CLUSTER_SWEEP_SLURM_JOBCOMP=$STATE/slurm/jobcomp.txt
SGE_ROOT=$SGE_ROOT
SGE_CELL=$SGE_CELL
CLUSTER_SWEEP_SGE_QUEUE=all.q
CLUSTER_SWEEP_SGE_PE=smp
CLUSTER_SWEEP_LOGS=$LOGS
EOF2
  chmod 644 "$tmp"
  mv "$tmp" "$STATE/env"
}
