# shellcheck shell=bash
# Source this (". test-cluster/env.sh") to get what the scheduler clients and the cluster
# tests need. Neither client strictly needs anything: slurm.conf sits at its default path and
# Debian's q* commands are wrappers that read /etc/default/gridengine. The exports only make
# it explicit (and let a test find the partition, queue, PE, logs and whether each is up).
# up.sh/down.sh keep the same KEY=VALUE lines in /var/tmp/cluster-sweep-test-cluster/env for
# programs that would rather read a file.
export SLURM_CONF=/etc/slurm/slurm.conf
export SGE_ROOT=/var/lib/gridengine
export SGE_CELL=default
if [ -r "${CLUSTER_SWEEP_STATE:-/var/tmp/cluster-sweep-test-cluster}/env" ]; then
  set -a
  . "${CLUSTER_SWEEP_STATE:-/var/tmp/cluster-sweep-test-cluster}/env"
  set +a
fi
