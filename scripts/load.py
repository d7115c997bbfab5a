"""Bounded load test of the HTTP API on loopback: `make load`.

Starts `dyad serve` on the demo store (built from the bundled sample when missing), then
runs CLIENTS concurrent keep-alive clients for SECONDS against the events and trend routes,
split over PROCESSES client processes so the client is not the bottleneck, and prints
requests/s, p50, p99 and errors. Exits 1 when the floor (0 errors, p99 <= 250 ms) is missed.

    python scripts/load.py [--db build/load.duckdb] [--clients 200] [--seconds 20] [--workers 2]
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "src" / "dyad" / "data" / "sample" / "sample.jsonl"
P99_FLOOR_MS = 250.0
PATHS = [
    "/api/events?limit=50",
    "/api/events?actor=USA&limit=50",
    "/api/events?code=19&factuality=all&limit=50",
    "/api/trend?period=quarter",
    "/api/trend?period=month&actor=IRQ",
    "/api/trend?period=quarter&measure=unique&factuality=all",
]


async def _client(port: int, until: float, offset: int, out: list[tuple[float, bool]]) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    n = offset
    while time.perf_counter() < until:
        path = PATHS[n % len(PATHS)]
        n += 1
        began = time.perf_counter()
        writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
        head = await reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        length = next(
            int(line.split(b":", 1)[1])
            for line in head.split(b"\r\n")
            if line.lower().startswith(b"content-length:")
        )
        body = await reader.readexactly(length)
        ok = status == 200 and body.startswith(b'{"ok": true')
        out.append((time.perf_counter() - began, ok))
    writer.close()


def _run_clients(args: tuple[int, int, float, int]) -> list[tuple[float, bool]]:
    port, clients, until, first = args
    out: list[tuple[float, bool]] = []

    async def main() -> None:
        await asyncio.gather(*(_client(port, until, first + i, out) for i in range(clients)))

    asyncio.run(main())
    return out


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, default=ROOT / "build" / "load.duckdb")
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    dyad = str(Path(sys.executable).with_name("dyad"))
    if not args.db.exists():
        args.db.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([dyad, "ingest", str(SAMPLE), "--db", str(args.db)], check=True)
    port = _free_port()
    command = [dyad, "serve", "--db", str(args.db), "--port", str(port)]
    server = subprocess.Popen(
        [*command, "--workers", str(args.workers)], stderr=subprocess.DEVNULL, cwd=ROOT
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/summary", timeout=1)
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    print("load: the server did not start", file=sys.stderr)
                    return 1
                time.sleep(0.2)
        per = args.clients // args.processes
        until = time.perf_counter() + args.seconds
        jobs = [(port, per, until, i * per) for i in range(args.processes)]
        began = time.perf_counter()
        with multiprocessing.get_context("spawn").Pool(args.processes) as pool:
            results = [r for part in pool.map(_run_clients, jobs) for r in part]
        elapsed = time.perf_counter() - began
    finally:
        server.terminate()
        server.wait(timeout=30)
    times = sorted(t * 1000 for t, _ok in results)
    errors = sum(1 for _t, ok in results if not ok)
    p50 = statistics.median(times)
    p99 = times[min(len(times) - 1, int(0.99 * len(times)))]
    print(
        f"load: {per * args.processes} clients, {args.seconds:g} s, server workers "
        f"{args.workers}, cpus {os.cpu_count()}: {len(times):,} requests, "
        f"{len(times) / elapsed:,.0f} requests/s, p50 {p50:.1f} ms, p99 {p99:.1f} ms, "
        f"errors {errors}"
    )
    if errors or p99 > P99_FLOOR_MS:
        print(f"load: below the floor (0 errors, p99 <= {P99_FLOOR_MS:g} ms)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
