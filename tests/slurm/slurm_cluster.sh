#!/usr/bin/env bash
# A single-node Slurm cluster for the tests, without systemd (Debian's slurm-wlm and munge; root needed to
# run munged as the munge user and slurmd's jobs). Everything else lives under DIR: slurm.conf, state,
# spool, logs, pid files. Stopped by the PIDs this script started, never by name.
#   slurm_cluster.sh start DIR   prints nothing on success; DIR/slurm.conf is the cluster's SLURM_CONF
#   slurm_cluster.sh stop DIR
set -euo pipefail
cmd="${1:?start|stop}"
dir="${2:?DIR}"

stop_pid() { # pid file
  [ -s "$1" ] || return 0
  local pid; pid="$(cat "$1")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$1"
}

if [ "$cmd" = stop ]; then
  stop_pid "$dir/slurmd.pid"
  stop_pid "$dir/slurmctld.pid"
  stop_pid "$dir/munged.pid" # only when this script started munged
  exit 0
fi

# A cluster a crashed run left behind on this folder goes first.
stop_pid "$dir/slurmd.pid"
stop_pid "$dir/slurmctld.pid"
[ "$(id -u)" -eq 0 ] || { echo "slurm_cluster.sh: needs root (munged runs as the munge user, slurmd as root)" >&2; exit 1; }
for tool in munged munge slurmctld slurmd sbatch sinfo; do
  command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] || { echo "slurm_cluster.sh: $tool missing (apt-get install slurm-wlm munge)" >&2; exit 1; }
done
mkdir -p "$dir/state" "$dir/spool" "$dir/log"
export PATH="$PATH:/usr/sbin"

# munge: the package made the key; without systemd nobody started the daemon. One already answering
# (another test run, a real cluster) is used as it is and left alone.
if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
  install -d -o munge -g munge -m 0755 /run/munge
  runuser -u munge -- munged --pid-file=/run/munge/stemcrate-test.pid
  cp /run/munge/stemcrate-test.pid "$dir/munged.pid"
  for _ in $(seq 50); do munge -n 2>/dev/null | unmunge >/dev/null 2>&1 && break; sleep 0.1; done
fi

host="$(hostname -s)"
node="$(slurmd -C | head -1)"
cat > "$dir/slurm.conf" <<CONF
ClusterName=stemcrate-test
SlurmctldHost=${host}
SlurmUser=root
SlurmdUser=root
SlurmctldPort=${STEMCRATE_SLURMCTLD_PORT:-16817}
SlurmdPort=${STEMCRATE_SLURMD_PORT:-16818}
AuthType=auth/munge
StateSaveLocation=${dir}/state
SlurmdSpoolDir=${dir}/spool
SlurmctldPidFile=${dir}/slurmctld.pid
SlurmdPidFile=${dir}/slurmd.pid
SlurmctldLogFile=${dir}/log/slurmctld.log
SlurmdLogFile=${dir}/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
MpiDefault=none
SwitchType=switch/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
JobAcctGatherType=jobacct_gather/none
MailProg=/bin/true
ReturnToService=2
KillWait=2
MinJobAge=300
${node}
PartitionName=cpu Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$dir/slurm.conf"
slurmctld -i
slurmd
for _ in $(seq 100); do
  state="$(sinfo -h -N -o %t 2>/dev/null | head -1 || true)"
  [ "$state" = idle ] && exit 0
  sleep 0.2
done
echo "slurm_cluster.sh: the node did not come up idle (state '${state:-none}'); logs in $dir/log" >&2
tail -5 "$dir/log/slurmctld.log" "$dir/log/slurmd.log" >&2 || true
exit 1
