"""The statistics benchmark behind scripts/bench-stats: every `chantierctl stats` query against the
hand-written SQL for the same figure, measured in the same run on the same database."""
import argparse
import http.client
import json
import socket
import urllib.parse
import os
import statistics
import subprocess
import tempfile
import time
from datetime import date, datetime, timedelta, timezone

BEGIN, END = "<!-- stats table: written by scripts/bench-stats -->", "<!-- end of stats table -->"

# The entries in force, as the current_time_entries view has them.
IN_FORCE = "NOT e.voids AND NOT EXISTS (SELECT 1 FROM time_entries l WHERE l.supersedes = e.id)"
MINUTES = "(extract(epoch FROM upper(e.worked) - lower(e.worked)) / 60)::integer - e.break_minutes"
SEASON = """coalesce(cs.season, CASE WHEN pa.school_calendar_id IS NULL AND extract(month FROM {day}) IN (7, 8)
                                 THEN 'summer' ELSE 'school-period' END)"""


def raw_activity(first, last):
    return f"""
        SELECT participant_id, program_id, week, sum(minutes) AS minutes, sum(kept) AS kept, sum(no_shows) AS no_shows
        FROM (SELECT e.participant_id, e.program_id, chantier_week_start(e.work_date) AS week,
                     CASE WHEN e.kind = 'work' THEN {MINUTES} ELSE 0 END AS minutes, 0 AS kept, 0 AS no_shows
              FROM time_entries e WHERE {IN_FORCE} AND e.work_date BETWEEN '{first}' AND '{last}'
              UNION ALL
              SELECT a.participant_id, o.program_id, chantier_week_start(sh.local_date), 0, 1,
                     (a.status = 'no_show')::integer
              FROM assignments a JOIN shifts sh ON sh.id = a.shift_id LEFT JOIN work_orders o ON o.id = sh.work_order_id
              WHERE sh.local_date BETWEEN '{first}' AND '{last}' AND sh.local_date <= CURRENT_DATE
                AND sh.status = 'open' AND a.status IN ('assigned', 'confirmed', 'completed', 'no_show')) AS a
        GROUP BY 1, 2, 3"""


def person_weeks(first, last):
    """Whole weeks before this one from activity_by_week, the days of cut weeks from the ledger."""
    first_day, last_day = date.fromisoformat(first), date.fromisoformat(last)
    monday = lambda day: day - timedelta(days=day.weekday())
    weeks_from = first_day if first_day.weekday() == 0 else monday(first_day) + timedelta(days=7)
    weeks_until = min(last_day + timedelta(days=1) if last_day.weekday() == 6 else monday(last_day),
                      monday(date.today()))
    if weeks_from >= weeks_until:
        return raw_activity(first, last)
    parts = [f"""SELECT participant_id, program_id, week, work_minutes AS minutes, kept, no_shows FROM activity_by_week
                 WHERE week >= '{weeks_from}' AND week < '{weeks_until}' AND (entries > 0 OR kept > 0)"""]
    if first_day < weeks_from:
        parts.append(raw_activity(first, weeks_from - timedelta(days=1)))
    if weeks_until <= last_day:
        parts.append(raw_activity(weeks_until, last))
    return " UNION ALL ".join(parts)


def cases(first, last, school_year):
    """(name, chantierctl arguments, hand-written SQL whose last row is the total, in the order of the
    statistic's base columns)."""
    period = ["--from", first, "--to", last]
    # The best hand-written query for approved hours reads the same hours_by_month (whole months).
    hours_by = lambda groups, select, joins: f"""
        SELECT {select}, count(DISTINCT h.participant_id), sum(h.minutes)
        FROM hours_by_month h
        {joins}
        WHERE h.month BETWEEN '{first}' AND '{last}'
        GROUP BY GROUPING SETS (({groups}), ())
        ORDER BY {", ".join(g.strip() + " NULLS LAST" for g in groups.split(","))}"""
    next_first, next_last = f"{school_year + 1}-07-01", f"{school_year + 2}-06-30"
    year_first, year_last = f"{school_year}-07-01", f"{school_year + 1}-06-30"
    return [
        ("hours by program and season", ["stats", "hours", "--by", "program,season"] + period,
         hours_by("1, 2", "pr.code, h.season", "LEFT JOIN programs pr ON pr.id = h.program_id")),
        ("hours by month", ["stats", "hours", "--by", "month"] + period,
         hours_by("1", "to_char(h.month, 'YYYY-MM')", "")),
        ("hours by sector and task", ["stats", "hours", "--by", "sector,task"] + period,
         hours_by("1, 2", "se.code, coalesce(tk.code, h.kind)",
                  """JOIN sites si ON si.id = h.site_id LEFT JOIN sectors se ON se.id = si.sector_id
                     LEFT JOIN task_kinds tk ON tk.id = h.task_kind_id""")),
        ("participation by program", ["stats", "participation"] + period, f"""
            WITH person_week AS ({person_weeks(first, last)}
            ), target AS (
                SELECT p.program_id, p.effective_from AS since,
                       lead(p.effective_from) OVER (PARTITION BY p.program_id ORDER BY p.effective_from) AS until,
                       max((t ->> 'work_minutes_per_week')::integer) FILTER (WHERE t ->> 'season' IN ('any', 'school-year'))
                           AS school_year,
                       max((t ->> 'work_minutes_per_week')::integer) FILTER (WHERE t ->> 'season' IN ('any', 'summer'))
                           AS summer
                FROM program_policies p LEFT JOIN LATERAL jsonb_array_elements(p.policy -> 'targets') t ON true
                GROUP BY p.program_id, p.effective_from
            ), measured AS (
                SELECT pr.code, pw.*,
                       CASE WHEN {SEASON.format(day="pw.week")} = 'summer' THEN tg.summer ELSE tg.school_year END AS goal
                FROM person_week pw JOIN participants pa ON pa.id = pw.participant_id
                LEFT JOIN programs pr ON pr.id = pw.program_id
                LEFT JOIN calendar_day_seasons cs ON cs.calendar_id = pa.school_calendar_id AND cs.day = pw.week
                LEFT JOIN target tg ON tg.program_id = pw.program_id AND tg.since <= pw.week
                                   AND (tg.until IS NULL OR pw.week < tg.until)
            )
            SELECT code, count(DISTINCT participant_id), count(DISTINCT week), count(*),
                   count(*) FILTER (WHERE goal IS NOT NULL), count(*) FILTER (WHERE minutes >= goal),
                   sum(kept), sum(no_shows)
            FROM measured GROUP BY GROUPING SETS ((code), ()) ORDER BY GROUPING(code), code"""),
        ("return to work by program", ["stats", "return-to-work", "--within", "180"] + period, f"""
            WITH exits AS (
                SELECT e.id, e.participant_id, e.program_id, e.starts_on, e.exit_on
                FROM enrollments e JOIN programs p ON p.id = e.program_id AND p.audience = 'adult'
                WHERE e.exit_on BETWEEN '{first}' AND '{last}'
                  AND (SELECT 1 FROM time_entries e2 WHERE e2.participant_id = e.participant_id
                       AND e2.work_date BETWEEN e.starts_on AND e.exit_on AND NOT e2.voids
                       AND NOT EXISTS (SELECT 1 FROM time_entries l WHERE l.supersedes = e2.id) LIMIT 1) IS NOT NULL
            ), measured AS (
                SELECT x.*,
                       EXISTS (SELECT 1 FROM outcomes o WHERE o.participant_id = x.participant_id
                               AND o.observed_on BETWEEN x.exit_on AND x.exit_on + 180
                               AND o.situation IN ('employed_full_time', 'employed_part_time', 'self_employed',
                                                   'in_training', 'in_school_returned')) AS returned,
                       EXISTS (SELECT 1 FROM outcomes o WHERE o.participant_id = x.participant_id
                               AND o.observed_on BETWEEN x.exit_on AND x.exit_on + 180
                               AND o.situation <> 'lost_contact') AS known
                FROM exits x
            ), by_program AS (
                SELECT DISTINCT ON (participant_id, program_id) * FROM measured
                ORDER BY participant_id, program_id, exit_on DESC, id DESC
            ), by_person AS (
                SELECT DISTINCT ON (participant_id) * FROM measured ORDER BY participant_id, exit_on DESC, id DESC
            )
            SELECT p.code, count(*), count(*) FILTER (WHERE known), count(*) FILTER (WHERE returned)
            FROM by_program b JOIN programs p ON p.id = b.program_id GROUP BY p.code
            UNION ALL
            SELECT 'total', count(*), count(*) FILTER (WHERE known), count(*) FILTER (WHERE returned) FROM by_person"""),
        (f"return to school {school_year}-{school_year + 1}",
         ["stats", "return-to-school", "--school-year", str(school_year), "--by", ""], f"""
            WITH active AS (
                SELECT DISTINCT e.participant_id AS id
                FROM enrollments e JOIN programs p ON p.id = e.program_id AND p.audience = 'youth'
                WHERE daterange(e.starts_on, e.exit_on, '[]') && daterange('{year_first}', '{year_last}', '[]')
                  AND (SELECT 1 FROM time_entries e2 WHERE e2.participant_id = e.participant_id
                       AND e2.work_date BETWEEN greatest(e.starts_on, '{year_first}')
                           AND least(coalesce(e.exit_on, '{year_last}'), '{year_last}')
                       AND NOT e2.voids AND NOT EXISTS (SELECT 1 FROM time_entries l WHERE l.supersedes = e2.id)
                       LIMIT 1) IS NOT NULL
            ), seen AS (
                SELECT a.id,
                       bool_or(o.situation IN ('in_school_returned', 'in_school_stayed')
                               AND o.observed_on BETWEEN '{next_first}' AND '{next_last}'
                               OR o.situation = 'diploma_obtained' AND o.observed_on BETWEEN '{year_first}' AND '{next_last}')
                           AS in_school,
                       bool_or(o.situation <> 'lost_contact' AND o.observed_on BETWEEN '{next_first}' AND '{next_last}')
                           AS other,
                       bool_or(o.diploma_level = 'secondary' AND o.observed_on >= '{year_first}') AS secondary,
                       bool_or(o.diploma_level = 'vocational' AND o.observed_on >= '{year_first}') AS vocational,
                       bool_or(o.diploma_level = 'college' AND o.observed_on >= '{year_first}') AS college,
                       bool_or(o.diploma_level = 'university' AND o.observed_on >= '{year_first}') AS university
                FROM active a LEFT JOIN outcomes o ON o.participant_id = a.id GROUP BY a.id
            )
            SELECT count(*), count(*) FILTER (WHERE in_school OR other), count(*) FILTER (WHERE in_school),
                   count(*) FILTER (WHERE secondary), count(*) FILTER (WHERE vocational),
                   count(*) FILTER (WHERE college), count(*) FILTER (WHERE university)
            FROM seen"""),
        ("retention by cohort", ["stats", "retention"] + period, f"""
            SELECT to_char(starts_on, 'YYYY-MM'), count(*),
                   count(*) FILTER (WHERE m3 <= CURRENT_DATE),
                   count(*) FILTER (WHERE m3 <= CURRENT_DATE AND (exit_on IS NULL OR exit_on >= m3)),
                   count(*) FILTER (WHERE m6 <= CURRENT_DATE),
                   count(*) FILTER (WHERE m6 <= CURRENT_DATE AND (exit_on IS NULL OR exit_on >= m6)),
                   count(*) FILTER (WHERE m12 <= CURRENT_DATE),
                   count(*) FILTER (WHERE m12 <= CURRENT_DATE AND (exit_on IS NULL OR exit_on >= m12))
            FROM (SELECT e.*, (starts_on + interval '3 months')::date AS m3, (starts_on + interval '6 months')::date AS m6,
                         (starts_on + interval '12 months')::date AS m12
                  FROM enrollments e WHERE starts_on BETWEEN '{first}' AND '{last}') AS e
            GROUP BY GROUPING SETS ((1), ()) ORDER BY 1 NULLS LAST"""),
    ]


class UnixConnection(http.client.HTTPConnection):
    """HTTP/1.1 over the daemon's Unix socket, kept open between requests."""

    def __init__(self, path):
        super().__init__("localhost", timeout=600)
        self.path = path

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(self.path)


def api_path(arguments):
    """`stats hours --by month --from F` as `/v1/stats/hours?by=month&from=F`."""
    name, options = arguments[1], arguments[2:]
    query = {options[i].lstrip("-").replace("-", "_"): options[i + 1] for i in range(0, len(options), 2)}
    return f"/v1/stats/{name}?" + urllib.parse.urlencode(query)


def api_timed(connection, path):
    started = time.monotonic()
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read()
    elapsed = time.monotonic() - started
    if response.status != 200:
        raise SystemExit(f"GET {path}: {response.status} {body[:500]}")
    return elapsed


def timed(command, env=None):
    started = time.monotonic()
    result = subprocess.run(command, capture_output=True, text=True, env=env)
    elapsed = time.monotonic() - started
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout, elapsed


def psql_timed(conninfo, sql, runs):
    """Server-side time of each run (psql's \\timing), and the last result's rows."""
    script = "\\timing on\n" + "\n".join([sql.strip() + ";"] * runs) + "\n"
    result = subprocess.run(["psql", conninfo, "-X", "-A", "-t", "-F", "\t", "-v", "ON_ERROR_STOP=1"],
                            input=script, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"psql failed: {result.stderr}\n{sql}")
    times = [float(line.split()[1]) / 1000 for line in result.stdout.splitlines() if line.startswith("Time: ")]
    rows = [line for line in result.stdout.splitlines() if line and not line.startswith("Time: ")]
    last_total = rows[-1].split("\t") if rows else []
    return times, last_total


def json_total(output):
    table = json.loads(output)
    values = []
    for column, cell in zip(table["columns"], table["total"]):
        if column["kind"] in ("people", "count"):
            values.append(round(cell["value"]))
        elif column["kind"] == "hours":
            values.append(round(cell["value"] * 60))
    return values


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--conninfo", required=True)
    parser.add_argument("--socket", required=True)
    parser.add_argument("--chantierctl", required=True)
    parser.add_argument("--first", required=True, help="first day of the history")
    parser.add_argument("--last", required=True)
    parser.add_argument("--school-year", type=int, required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--report")
    parser.add_argument("--label", default="")
    args = parser.parse_args()
    env = dict(os.environ, CHANTIER_SOCKET=args.socket, LANG="C.UTF-8")
    entries = subprocess.run(["psql", args.conninfo, "-X", "-A", "-t", "-c",
                              "SELECT count(*) FROM time_entries"], capture_output=True, text=True).stdout.strip()
    rows = []
    year_first = args.last[:4] + "-01-01"
    measured = [(f"{name}, {args.last[:4]}", arguments, sql)
                for name, arguments, sql in cases(year_first, args.last, args.school_year)
                if "school" not in name]
    measured += [(f"{name}, {args.first[:4]}–{args.last[:4]}" if "school" not in name else name, arguments, sql)
                 for name, arguments, sql in cases(args.first, args.last, args.school_year)]
    for name, arguments, sql in measured:
        command = [args.chantierctl, "--json"] + arguments
        timed(command, env)  # warm the cache and the daemon's pool
        ours, output = [], ""
        hand, total = psql_timed(args.conninfo, sql, args.runs)
        for _ in range(args.runs):
            output, elapsed = timed(command, env)
            ours.append(elapsed)
        while total and not total[0].lstrip("-").isdigit():
            total = total[1:]  # the group keys of the total row: empty, or "total"
        expected = [int(value) for value in total]
        got = json_total(output)
        same = got == expected
        connection = UnixConnection(args.socket)
        path = api_path(arguments)
        api = [api_timed(connection, path) for _ in range(args.runs)]
        connection.close()
        ours_median, api_median, hand_median = statistics.median(ours), statistics.median(api), statistics.median(hand)
        rows.append((name, ours_median, api_median, hand_median, api_median / hand_median, same))
        print(f"{name}: chantierctl {ours_median:.3f} s, API {api_median:.3f} s, hand-written SQL "
              f"{hand_median:.3f} s, ratio {api_median / hand_median:.2f}, same figures: {same}"
              + ("" if same else f" (ours {got}, hand-written {expected})"), flush=True)
    if args.report:
        write_report(args.report, rows, entries, args)


def write_report(path, rows, entries, args):
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d")
    lines = [BEGIN, "",
             f"Measured {stamp}{' · ' + args.label if args.label else ''} · {int(entries):,} time entries · "
             f"median of {args.runs} runs each, after one warm-up run.", "",
             "| statistic | `chantierctl stats` (end to end) | API request | hand-written SQL (server time) "
             "| API / SQL | same figures |",
             "|---|---:|---:|---:|---:|:---:|"]
    for name, ours, api, hand, ratio, same in rows:
        lines.append(f"| {name} | {ours:.3f} s | {api:.3f} s | {hand:.3f} s | {ratio:.2f} | {'yes' if same else 'NO'} |")
    lines += ["", END]
    text = open(path).read() if os.path.exists(path) else ""
    block = "\n".join(lines)
    if BEGIN in text and END in text:
        text = text[:text.index(BEGIN)] + block + text[text.index(END) + len(END):]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    open(path, "w").write(text)


if __name__ == "__main__":
    main()
