#!/usr/bin/env bash
# Stop, kill or start ONE test-cluster daemon, for failure tests.
# Usage: ctl.sh stop|kill|start DAEMON    ctl.sh status
#   DAEMON: slurmctld slurmd qmaster execd (also munged, slurmdbd)
#   stop = polite shutdown (SIGTERM; qconf -km / qconf -ke for Grid Engine, running jobs go on)
#   kill = SIGKILL to the recorded pid, like a crash
#   start = start it again and wait until it serves
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$HERE/lib.sh"
. "$HERE/slurm.sh"
. "$HERE/gridengine.sh"

usage() { echo "usage: $0 stop|kill|start slurmctld|slurmd|qmaster|execd|munged|slurmdbd  |  $0 status" >&2; exit 2; }

# Map the short names to the pid-file names.
pidname() {
  case "$1" in
    slurmctld | slurmd | munged | slurmdbd) echo "$1" ;;
    qmaster | sge_qmaster) echo sge_qmaster ;;
    execd | sge_execd) echo sge_execd ;;
    *) usage ;;
  esac
}

kill_daemon() {
  local name=$1 pid start
  pid=$(daemon_pid "$name") || { say "$name is not running"; return 0; }
  read -r _ start <"$PIDS/$name.pid"
  kill -KILL "$pid"
  wait_gone "$pid" "$start" 10 || die "$name (pid $pid) survived SIGKILL"
  rm -f "$PIDS/$name.pid"
  say "killed $name (pid $pid)"
}

slurm_wait_node() {
  # After a controller restart the node shows its saved state until slurmd re-registers.
  wait_until 30 sh -c "sinfo -h -n '$HOST' -o %t | grep -Eq '^(idle|mix|alloc)\$'" ||
    say "warning: node $HOST is $(sinfo -h -n "$HOST" -o %t 2>&1) after slurmctld start"
}

status() {
  local n
  for n in munged mariadb slurmdbd slurmctld slurmd sge_qmaster sge_execd; do
    if is_running "$n"; then printf '%-12s running pid %s\n' "$n" "$(daemon_pid "$n")"
    else printf '%-12s stopped\n' "$n"; fi
  done
}

main() {
  need_root
  [ $# -ge 1 ] || usage
  local action=$1
  if [ "$action" = status ]; then status; return; fi
  [ $# -eq 2 ] || usage
  local name
  name=$(pidname "$2")
  case "$action" in
    kill) kill_daemon "$name" ;;
    stop)
      case "$name" in
        sge_qmaster) sge_stop_qmaster ;;
        sge_execd) sge_stop_execd -ke ;;
        *) stop_daemon "$name" ;;
      esac ;;
    start)
      case "$name" in
        munged) munge_start ;;
        slurmdbd) slurmdbd_start ;;
        slurmctld) slurmctld_start; slurm_wait_node ;;
        slurmd) slurmd_start ;;
        sge_qmaster) sge_qmaster_start ;;
        sge_execd) sge_execd_start ;;
      esac
      say "started $name (pid $(daemon_pid "$name"))" ;;
    *) usage ;;
  esac
  write_env_file
}

main "$@"
