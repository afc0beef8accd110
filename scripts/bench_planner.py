"""The planner benchmark behind scripts/bench-planner: one row per instance in docs/BENCHMARKS.md."""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone

SIZES = {  # name: (participants, shifts, chantierd plan budget in seconds)
    "tiny": (20, 60, 1),
    "small": (60, 200, 1),
    "medium": (300, 1000, 2.5),
    "large": (2000, 6000, 9),
    "xl": (8000, 24000, 60),
}
# Sizes where the reference solvers are rerun in the same run (30 s each, LP bound up to 120 s);
# above them they cannot build or solve their model on this machine (the kit's RESULTS.md).
LIVE_REFERENCES = {"tiny", "small", "medium"}
BEGIN, END = "<!-- planner table: written by scripts/bench-planner -->", "<!-- end of planner table -->"


def run(command, cwd=None):
    started = time.monotonic()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    return result, time.monotonic() - started


def objective(kit, instance, solution):
    result, _ = run([sys.executable, os.path.join(kit, "validate.py"), instance, solution])
    last = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else result.stderr
    if result.returncode != 0:
        return None, last
    return float(last.split(":")[1]), "valid"


def references(kit, instance, name, work):
    """CP-SAT (30 s, 2 workers) and HiGHS (MIP 30 s, LP relaxation 120 s) on this machine, now."""
    found = {}
    for key, command in (
        ("cpsat", ["cpsat.py", instance, "--time-limit", "30", "--workers", "2"]),
        ("mip", ["mip.py", instance, "--time-limit", "30"]),
        ("lp", ["mip.py", instance, "--time-limit", "120", "--lp"]),
    ):
        out = os.path.join(work, f"{name}.{key}.json")
        result, _ = run([sys.executable] + command + ["--out", out], cwd=kit)
        fields = dict(line.split(": ", 1) for line in result.stdout.splitlines() if ": " in line)
        entry = {"status": fields.get("status"), "bound": fields.get("bound")}
        if key != "lp" and result.returncode == 0:
            entry["objective"], _ = objective(kit, instance, out)
        found[key] = entry
    return found


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kit", required=True)
    parser.add_argument("--sizes", required=True)
    parser.add_argument("--chantierd", required=True)
    parser.add_argument("--report", required=True)
    parser.add_argument("--kit-references", action="store_true",
                        help="use the kit's results.json for every size instead of rerunning CP-SAT and HiGHS")
    args = parser.parse_args()
    kit = os.path.abspath(args.kit)
    reference = {row["instance"]: row for row in json.load(open(os.path.join(kit, "results.json")))}
    live = set() if args.kit_references else LIVE_REFERENCES
    work = tempfile.mkdtemp(prefix="bench-planner-")
    rows = []
    for size in args.sizes.split(","):
        participants, shifts, seconds = SIZES[size]
        for season in ("school", "summer"):
            name = f"{size}-{season}-s1"
            instance = os.path.join(kit, "instances", f"{name}.json")
            if not os.path.exists(instance):
                instance = os.path.join(work, f"{name}.json")
                run([sys.executable, os.path.join(kit, "gen.py"), "--seed", "1", "--participants", str(participants),
                     "--shifts", str(shifts), "--season", season, "--out", instance], cwd=kit)
            greedy_out = os.path.join(work, f"{name}.greedy.json")
            greedy, greedy_seconds = run([sys.executable, os.path.join(kit, "greedy.py"), instance, "--out", greedy_out],
                                         cwd=kit)
            simple = float(re.search(r"simple_bound: ([0-9.]+)", greedy.stdout).group(1))
            greedy_objective, _ = objective(kit, instance, greedy_out)
            plan_out = os.path.join(work, f"{name}.plan.json")
            plan, plan_seconds = run(["/usr/bin/time", "-f", "rss_kb=%M", args.chantierd, "plan", instance,
                                      "--seconds", str(seconds), "--seed", "1", "--output", plan_out])
            rss = int(re.search(r"rss_kb=(\d+)", plan.stderr).group(1)) // 1024
            plan_objective, verdict = objective(kit, instance, plan_out) if plan.returncode == 0 else (None, plan.stderr)
            rerun = size in live
            ref = references(kit, instance, name, work) if rerun else reference.get(name, {})
            cpsat = value((ref.get("cpsat") or {}).get("objective"))
            mip = value((ref.get("mip") or {}).get("objective"))
            bounds = [b for b in (value((ref.get("lp") or {}).get("bound")), value((ref.get("mip") or {}).get("bound")),
                                  simple) if b is not None]
            best_bound = min(bounds)
            if (ref.get("cpsat") or {}).get("status") == "OPTIMAL":
                best_bound = min(best_bound, cpsat)
            stopped = "clock" if "stopped by the clock" in plan.stderr else "work"
            rows.append({
                "stopped": stopped, "refs": "this run" if rerun else "kit", "name": name, "size": f"{participants} / {shifts}", "budget": seconds, "objective": plan_objective,
                "verdict": verdict, "seconds": plan_seconds, "rss": rss, "greedy": greedy_objective,
                "cpsat": cpsat if isinstance(cpsat, (int, float)) else None,
                "mip": mip if isinstance(mip, (int, float)) else None, "bound": best_bound,
            })
            print(rows[-1], file=sys.stderr)
    write(args.report, rows)


def value(x):
    """A number of the kit's results.json, where numbers may be written as strings or 'None'."""
    try:
        return float(x)
    except (TypeError, ValueError):
        return None


def ratio(a, b):
    return f"{a / b:.4f}" if a is not None and b else "–"


def number(x):
    return f"{x:,.1f}".replace(",", " ") if x is not None else "–"


def write(path, rows):
    lines = [
        BEGIN,
        f"Run {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC on this machine (2 cores) with `scripts/bench-planner "
        f"{','.join(sorted({r['name'].split('-')[0] for r in rows}, key=list(SIZES).index))}`; seed 1. "
        "*greedy* is the kit's baseline run in the same run. *CP-SAT* (30 s, 2 workers) and *HiGHS* (MIP 30 s; "
        "LP relaxation up to 120 s) were rerun in the same run where *refs* says `this run`; elsewhere they are "
        "the kit's reference results (`../shared/bench/results.json`, same machine kind, 120 s limits, "
        "2026-11-21), where neither finds a plan. *bound* is the best upper bound known (LP relaxation or "
        "HiGHS bound where they solved, the proven optimum where CP-SAT proved one, `common.simple_bound` "
        "elsewhere). Every plan was checked by `validate.py`.",
        "",
        "| instance | P / S | budget s | by | wall s | RSS MB | objective | valid | / greedy | refs | / CP-SAT | / HiGHS | gap to bound % |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        gap = f"{(r['bound'] - r['objective']) / r['objective'] * 100:.2f}" if r["objective"] else "–"
        lines.append(
            f"| {r['name']} | {r['size']} | {r['budget']} | {r['stopped']} | {r['seconds']:.2f} | {r['rss']} | {number(r['objective'])} | "
            f"{'✓' if r['verdict'] == 'valid' else r['verdict']} | {ratio(r['objective'], r['greedy'])} | {r['refs']} | "
            f"{ratio(r['objective'], r['cpsat'])} | {ratio(r['objective'], r['mip'])} | {gap} |"
        )
    lines.append(END)
    text = open(path).read() if os.path.exists(path) else ""
    table = "\n".join(lines)
    if BEGIN in text:
        text = text[: text.index(BEGIN)] + table + text[text.index(END) + len(END):]
    else:
        text = text.rstrip() + ("\n\n" if text else "") + table + "\n"
    with open(path, "w") as out:
        out.write(text)


if __name__ == "__main__":
    main()
