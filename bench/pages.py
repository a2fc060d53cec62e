"""HTTP pages of the foundation against a trivial view, on PostgreSQL, over loopback.

    .venv/bin/python bench/pages.py [--seconds 10] [--concurrency 16] [--workers 2]
                                    [--server daphne,uvicorn] [PATH ...]

Seeds the demo content into its own PostgreSQL database (`bench_lab` by default; set
BENCH_DATABASE_URL to change it), starts daphne processes with DEBUG off, and for each page
reports requests per second and latency next to the `/salud/` view measured in the same run.
Bounded: each page runs `--seconds` at most, then every process stops.
"""

from __future__ import annotations

from common import demo_pages_main

# Every public page of the demo content; paths on the command line replace the list (e.g. a new
# page: `bench/pages.py / "/buscar/?q=contratos"`).
PAGES = [
    "/",
    "/noticias/",
    "/organizaciones/",
    "/retos/",
    "/retos/contratacion-abierta/",
    "/sesiones/",
    "/observatorio/",
    "/denuncias/estadisticas/",
    "/datos/",
    "/api/v1/challenges/",
    "/cuenta/login/",
    "/buscar/?q=contratos",
    "/mapa-del-sitio/",
    "/agenda/",
    "/proyectos/",
    "/observatorio/plan-anticorrupcion/",
    "/observatorio/riesgos/",
    "/boletin/",
]


if __name__ == "__main__":
    demo_pages_main(__doc__, "bench_lab", PAGES)
