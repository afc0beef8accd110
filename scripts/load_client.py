#!/usr/bin/env python3
"""Load generator for chantierd: N concurrent clients over the daemon's Unix socket, each on its
own keep-alive HTTP/1.1 connection, logging hours (POST /v1/time-entries) and reading rosters
(GET /v1/shifts, GET /v1/time-entries of a site's week) for T seconds or R requests. Prints one
JSON object: throughput, latency percentiles by operation, answers by status, the daemon's
resident memory (sampled), and, with --acked FILE, appends the id of every entry the daemon
acknowledged (for the crash test, which checks each one is in the database).

Every logTime carries an Idempotency-Key; a request whose connection broke before an answer is
retried with the same key on a new connection (as chantierctl does), so a retry never logs twice.

With --rate R the clients send R requests a second between them, at random (Poisson) times, as
`pgbench --rate` does, instead of each sending its next request as soon as the last is answered; a
request's latency then counts from the time it was due, so that time spent waiting behind a slow
answer counts too.

Slots are (participant, weekday) pairs walked participant-first, so concurrent requests are for
different people and each person's entries come in date order: 2 h on weekdays from the start day,
within the Multiboulot caps and the weekly rest, so no entry is flagged.
"""

import argparse
import asyncio
import datetime
import json
import os
import random
import time
import uuid


class Connection:
    def __init__(self, path):
        self.path = path
        self.reader = None
        self.writer = None

    async def request(self, method, target, body=None, headers=None):
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_unix_connection(self.path)
        data = b"" if body is None else json.dumps(body).encode()
        lines = [f"{method} {target} HTTP/1.1", "Host: chantier", f"Content-Length: {len(data)}"]
        if body is not None:
            lines.append("Content-Type: application/json")
        for name, value in (headers or {}).items():
            lines.append(f"{name}: {value}")
        self.writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + data)
        await self.writer.drain()
        status_line = await self.reader.readline()
        if not status_line:
            raise ConnectionError("closed before an answer")
        status = int(status_line.split()[1])
        length = 0
        close = False
        while True:
            line = await self.reader.readline()
            if line in (b"\r\n", b""):
                break
            name, _, value = line.decode().partition(":")
            if name.lower() == "content-length":
                length = int(value.strip())
            elif name.lower() == "connection" and value.strip().lower() == "close":
                close = True
        payload = await self.reader.readexactly(length) if length else b""
        if close:
            self.close()
        return status, payload

    def close(self):
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


def weekdays(start, count):
    days, day = [], start
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day += datetime.timedelta(days=1)
    return days


def rss_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def percentile(values, fraction):
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


async def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--socket", required=True)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--requests", type=int, default=0, help="stop after this many (0: run --seconds)")
    parser.add_argument("--participants", type=int, required=True, help="ids 1…N, each enrolled")
    parser.add_argument("--sites", type=int, default=20, help="sites site-1…site-N")
    parser.add_argument("--start", default="2026-01-05", help="the first weekday logged")
    parser.add_argument("--first-slot", type=int, default=0, help="skip this many slots (a second run)")
    parser.add_argument("--reads", type=float, default=0.2, help="the share of roster reads")
    parser.add_argument("--acked", help="append the id of every acknowledged entry to this file")
    parser.add_argument("--pid", type=int, help="the daemon's pid, to sample its resident memory")
    parser.add_argument("--rate", type=float, default=0, help="requests a second, all clients together (0: as fast as answered)")
    parser.add_argument("--skip-first", type=float, default=0,
                        help="leave out of the latencies the requests started (or due) in the first seconds")
    parser.add_argument("--retry-seconds", type=float, default=30, help="how long a refused connection is retried")
    args = parser.parse_args()
    if args.rate < 0:
        parser.error("--rate must be 0 (as fast as answered) or a number of requests a second")

    today = datetime.date.today()
    days = [day for day in weekdays(datetime.date.fromisoformat(args.start), 260) if day < today]
    slots = iter(range(args.first_slot, args.participants * len(days)))
    latencies = {"logTime": [], "listShifts": [], "listTimeEntries": []}
    answered = {operation: 0 for operation in latencies}
    statuses = {}
    failures = {"retried": 0, "refused": 0, "lost": 0}
    acked = open(args.acked, "a", buffering=1) if args.acked else None
    memory = []
    issued = 0
    deadline = time.monotonic() + args.seconds
    counted_from = time.perf_counter() + args.skip_first
    rng = random.Random(1)

    def more():
        return (issued < args.requests) if args.requests else (time.monotonic() < deadline)

    async def send(connection, operation, method, target, body=None, headers=None, due=None):
        """Sends one request, retrying on a broken or refused connection; returns (status, body).
        Its latency counts from `due` (a time.perf_counter() value) when it was scheduled."""
        started = time.perf_counter() if due is None else due
        give_up = time.monotonic() + args.retry_seconds
        while True:
            try:
                status, payload = await connection.request(method, target, body, headers)
                break
            except (ConnectionError, asyncio.IncompleteReadError, FileNotFoundError, OSError) as error:
                connection.close()
                if isinstance(error, (ConnectionRefusedError, FileNotFoundError)):
                    failures["refused"] += 1
                else:
                    failures["retried"] += 1
                if time.monotonic() > give_up:
                    failures["lost"] += 1
                    return None, b""
                await asyncio.sleep(0.05)
        answered[operation] += 1
        if started >= counted_from:
            latencies[operation].append(time.perf_counter() - started)
        statuses[str(status)] = statuses.get(str(status), 0) + 1
        return status, payload

    async def client():
        nonlocal issued
        connection = Connection(args.socket)
        due = time.perf_counter()
        while more():
            if args.rate:
                # Each client's requests arrive as a Poisson process of rate R / clients.
                due += rng.expovariate(args.rate / args.clients)
                await asyncio.sleep(max(0.0, due - time.perf_counter()))
                if not more():
                    break
            issued += 1
            paced = due if args.rate else None
            if rng.random() < args.reads:
                site = rng.randint(1, args.sites)
                week = days[rng.randrange(len(days))].isocalendar()
                week_text = f"{week[0]}-W{week[1]:02d}"
                if rng.random() < 0.5:
                    await send(connection, "listShifts", "GET", f"/v1/shifts?week={week_text}&site=site-{site}", due=paced)
                else:
                    await send(
                        connection, "listTimeEntries", "GET", f"/v1/time-entries?week={week_text}&site=site-{site}", due=paced
                    )
                continue
            slot = next(slots, None)
            if slot is None:
                break
            participant = slot % args.participants + 1
            day = days[slot // args.participants]
            body = {
                "participant_id": participant, "site": f"site-{participant % args.sites + 1}",
                "date": day.isoformat(), "start": "09:00", "end": "11:00", "kind": "work",
            }
            status, payload = await send(
                connection, "logTime", "POST", "/v1/time-entries", body, {"Idempotency-Key": str(uuid.uuid4())}, paced
            )
            if status == 200 and acked:
                acked.write(f"{json.loads(payload)['entry']['id']}\n")
        connection.close()

    async def sampler():
        while True:
            if args.pid:
                value = rss_kib(args.pid)
                if value:
                    memory.append(value)
            await asyncio.sleep(0.5)

    sampling = asyncio.create_task(sampler())
    rss_before = rss_kib(args.pid) if args.pid else None
    started = time.monotonic()
    await asyncio.gather(*(client() for _ in range(args.clients)))
    elapsed = time.monotonic() - started
    sampling.cancel()
    if acked:
        acked.close()

    def summary(values):
        return {
            "count": len(values),
            "p50_ms": round(percentile(values, 0.50) * 1000, 2) if values else None,
            "p95_ms": round(percentile(values, 0.95) * 1000, 2) if values else None,
            "p99_ms": round(percentile(values, 0.99) * 1000, 2) if values else None,
            "max_ms": round(max(values) * 1000, 2) if values else None,
        }

    everything = [value for values in latencies.values() for value in values]
    print(json.dumps({
        "clients": args.clients,
        "rate": args.rate or None,
        "seconds": round(elapsed, 2),
        "requests": sum(answered.values()),
        "per_second": round(sum(answered.values()) / elapsed, 1),
        "log_time_per_second": round(answered["logTime"] / elapsed, 1),
        "all": summary(everything),
        "operations": {name: summary(values) for name, values in latencies.items()},
        "statuses": statuses,
        "connection_failures": failures,
        "rss_kib": {"before": rss_before, "max": max(memory) if memory else None,
                    "after": rss_kib(args.pid) if args.pid else None},
        "next_slot": next(slots, args.participants * len(days)),
    }))


if __name__ == "__main__":
    asyncio.run(main())
