#!/usr/bin/env python3
"""Runs a command and reports where the machine's CPU went while it ran: the command itself (with
its children), the daemon, and PostgreSQL (the postmaster, its live children and the children it
reaped meanwhile, such as pgbench's backends that ended with the run), as CPU milliseconds, and the
whole machine's busy share and busy time, which the three should nearly add up to. The command's
standard output passes through; the report is one JSON object written to --out.

    cpu_split.py --postmaster PID [--daemon PID] --out FILE -- COMMAND [ARGUMENTS…]
"""

import argparse
import json
import os
import subprocess
import sys
import time

TICK_MS = 1000 / os.sysconf("SC_CLK_TCK")


def stat_fields(pid):
    """The fields of /proc/PID/stat after the command name (which may hold spaces), or None."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rpartition(")")[2].split()
    except (FileNotFoundError, ProcessLookupError):
        return None


def own_ticks(fields):
    return int(fields[11]) + int(fields[12])  # utime, stime


def postgres_ticks(postmaster):
    """The postmaster's own time, that of the children it has reaped, and that of its live children."""
    fields = stat_fields(postmaster)
    if fields is None:
        sys.exit(f"cpu_split.py: no process {postmaster} (the postmaster)")
    total = own_ticks(fields) + int(fields[13]) + int(fields[14])  # cutime, cstime
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            child = stat_fields(entry)
            if child is not None and child[1] == str(postmaster):  # ppid
                total += own_ticks(child)
    return total


def postgres_children(postmaster):
    """The pids of the postmaster's children, and whether any of them has ended but is not yet reaped."""
    children, zombies = set(), False
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            fields = stat_fields(entry)
            if fields is not None and fields[1] == str(postmaster):
                children.add(entry)
                zombies = zombies or fields[0] == "Z"
    return children, zombies


def wait_for_backends_to_settle(postmaster):
    """Waits (3 s at most) until the postmaster's children have stopped changing for 0.2 s with none
    left to reap: a backend whose client has just gone is still exiting, and a process in the middle
    of its exit can be neither read nor yet counted in its parent's times."""
    stable, previous = 0, None
    for _ in range(60):
        children, zombies = postgres_children(postmaster)
        stable = stable + 1 if children == previous and not zombies else 0
        if stable == 4:
            return
        previous = children
        time.sleep(0.05)


def machine_ticks():
    """(busy, total) jiffies of all CPUs since boot."""
    with open("/proc/stat") as stat:
        values = [int(value) for value in stat.readline().split()[1:]]
    idle = values[3] + values[4]  # idle, iowait
    return sum(values) - idle, sum(values)


def daemon_ticks(pid):
    if pid is None:
        return 0
    fields = stat_fields(pid)
    if fields is None:
        sys.exit(f"cpu_split.py: no process {pid} (the daemon)")
    return own_ticks(fields)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postmaster", type=int, required=True)
    parser.add_argument("--daemon", type=int)
    parser.add_argument("--out", required=True)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("a command to run is required after --")

    busy, total = machine_ticks()
    postgres, daemon = postgres_ticks(args.postmaster), daemon_ticks(args.daemon)
    child = subprocess.Popen(command)
    _, status, usage = os.wait4(child.pid, 0)
    busy_after, total_after = machine_ticks()
    daemon_after = daemon_ticks(args.daemon)
    wait_for_backends_to_settle(args.postmaster)
    report = {
        "command_ms": round((usage.ru_utime + usage.ru_stime) * 1000),
        "daemon_ms": round((daemon_after - daemon) * TICK_MS),
        "postgres_ms": round((postgres_ticks(args.postmaster) - postgres) * TICK_MS),
        "machine_busy": round((busy_after - busy) / max(1, total_after - total), 3),
        "machine_busy_ms": round((busy_after - busy) * TICK_MS),
    }
    with open(args.out, "w") as out:
        json.dump(report, out)
    sys.exit(os.waitstatus_to_exitcode(status))


if __name__ == "__main__":
    main()
