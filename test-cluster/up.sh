#!/usr/bin/env bash
# Install (from Debian, only what is missing) and start a single-node test Slurm and/or
# Grid Engine. Idempotent. Usage: up.sh [slurm|gridengine|all] [--with-accounting|--without-accounting]
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$HERE/lib.sh"
. "$HERE/slurm.sh"
. "$HERE/gridengine.sh"

usage() { echo "usage: $0 [slurm|gridengine|all] [--with-accounting|--without-accounting]" >&2; exit 2; }

main() {
  local which=all arg
  for arg in "$@"; do
    case "$arg" in
      --with-accounting) SLURM_ACCOUNTING=1 ;;
      --without-accounting) SLURM_ACCOUNTING=0 ;;
      -h | --help) usage ;;
      -*) usage ;;
      *) which=$arg ;;
    esac
  done
  need_root
  local s pkgs=() schedulers
  schedulers=$(parse_which "$which")
  init_state
  slurm_resolve_accounting
  # One apt-get run for everything that is missing is faster than one per scheduler. shellcheck:
  # the tests check the rendered scripts with it (RenderIT), and a test must not skip in CI.
  pkgs+=(shellcheck)
  for s in $schedulers; do
    case $s in
      slurm) pkgs+=("${SLURM_PACKAGES[@]}"); [ "$SLURM_ACCOUNTING" = 1 ] && pkgs+=("${SLURM_ACCT_PACKAGES[@]}") ;;
      gridengine) pkgs+=("${SGE_PACKAGES[@]}") ;;
    esac
  done
  install_packages "${pkgs[@]}"
  for s in $schedulers; do
    case $s in
      slurm) slurm_up ;;
      gridengine) sge_up ;;
    esac
  done
  write_env_file
  say "environment for clients: $STATE/env (or: . $HERE/env.sh)"
}

main "$@"
