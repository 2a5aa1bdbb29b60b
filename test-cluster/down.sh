#!/usr/bin/env bash
# Stop the test schedulers started by up.sh (only the daemons whose pids it recorded).
# Usage: down.sh [slurm|gridengine|all]. Fine to run when nothing is running.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$HERE/lib.sh"
. "$HERE/slurm.sh"
. "$HERE/gridengine.sh"

main() {
  need_root
  local s schedulers
  schedulers=$(parse_which "${1:-all}")
  for s in $schedulers; do
    case $s in
      slurm) if command -v scontrol >/dev/null; then slurm_down; else say "slurm: not installed"; fi ;;
      gridengine) if command -v qconf >/dev/null; then sge_down; else say "gridengine: not installed"; fi ;;
    esac
  done
  init_state
  write_env_file
}

main "$@"
