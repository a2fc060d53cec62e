"""The observatory's pages and open data against a trivial view, on PostgreSQL, over loopback.

    .venv/bin/python bench/observatory.py [--seconds 10] [--concurrency 16] [--workers 2]

Seeds the demo content (a dozen indicators with years of observations, some by comuna, the
participation indicators and two plans) into its own PostgreSQL database (`bench_observatory` by
default; set BENCH_DATABASE_URL to change it), starts daphne processes with DEBUG off, and reports
requests per second and latency next to the `/salud/` view measured in the same run. Bounded: each
path runs `--seconds` at most, then every process stops.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform

from common import bench_env, daphne_servers, ensure_postgres_database, load, manage

PATHS = [
    "/observatorio/",
    "/observatorio/indice-transparencia-ita/",
    "/observatorio/presupuesto-participativo/?territorio=todos",
    "/observatorio/plan-anticorrupcion/2026/",
    "/observatorio/contratacion-directa/datos.csv",
    "/api/v1/indicators/",
]
BASELINE = "/salud/"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2, help="daphne processes")
    args = parser.parse_args()

    database_url = os.environ.get(
        "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bench_observatory"
    )
    ensure_postgres_database(database_url)
    env = bench_env(database_url, os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/3"))
    manage(env, "migrate", "--no-input", "-v", "0")
    manage(env, "seed_demo", "--allow-production")
    manage(env, "collectstatic", "--no-input", "-v", "0")

    print(
        f"# {platform.processor() or platform.machine()}, {os.cpu_count()} cores, {args.workers} daphne, "
        f"{args.concurrency} connections, {args.seconds:.0f} s per path, PostgreSQL + Redis"
    )
    with daphne_servers(env, args.workers) as ports:
        asyncio.run(load(ports, BASELINE, concurrency=4, seconds=2))  # warm up every process
        for path in PATHS:
            asyncio.run(load(ports, path, concurrency=4, seconds=1))
        baseline = asyncio.run(load(ports, BASELINE, concurrency=args.concurrency, seconds=args.seconds))
        rows = [baseline]
        for path in PATHS:
            rows.append(asyncio.run(load(ports, path, concurrency=args.concurrency, seconds=args.seconds)))
    print(f"{'path':<58}{'req/s':>9}{'ratio':>8}{'p50 ms':>9}{'p95 ms':>9}{'errors':>8}")
    for row in rows:
        print(
            f"{row.path:<58}{row.rps:>9.1f}{row.rps / baseline.rps:>8.2f}{row.median_ms:>9.1f}"
            f"{row.percentile(0.95):>9.1f}{row.errors:>8}  {' '.join(sorted(row.statuses))}"
        )


if __name__ == "__main__":
    main()
