"""The observatory's pages and open data against a trivial view, on PostgreSQL, over loopback.

    .venv/bin/python bench/observatory.py [--seconds 10] [--concurrency 16] [--workers 2]

Seeds the demo content (a dozen indicators with years of observations, some by comuna, the
participation indicators and two plans) into its own PostgreSQL database (`bench_observatory` by
default; set BENCH_DATABASE_URL to change it), starts daphne processes with DEBUG off, and reports
requests per second and latency next to the `/salud/` view measured in the same run. Bounded: each
path runs `--seconds` at most, then every process stops.
"""

from __future__ import annotations

from common import demo_pages_main

PATHS = [
    "/observatorio/",
    "/observatorio/indice-transparencia-ita/",
    "/observatorio/presupuesto-participativo/?territorio=todos",
    "/observatorio/plan-anticorrupcion/2026/",
    "/observatorio/contratacion-directa/datos.csv",
    "/api/v1/indicators/",
]


if __name__ == "__main__":
    demo_pages_main(__doc__, "bench_observatory", PATHS)
