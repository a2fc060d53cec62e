"""A first visit on a phone: what the home, a challenge and a live room page transfer.

    .venv/bin/python bench/phone.py

Seeds the demo content into its own PostgreSQL database (`bench_lab`; BENCH_DATABASE_URL
changes it), starts one daphne process with DEBUG off (static files from WhiteNoise, compressed
as in production), and opens each page in Debian's Chromium at 375×740 with an empty cache, as
a phone's first visit. It counts the bytes on the wire of every response (the page, styles,
scripts, images, fonts; a lazy image below the first screen is not fetched), the JavaScript
among them, and any request that leaves 127.0.0.1 (there must be none). Bounded: three pages,
each given 30 s at most.
"""

from __future__ import annotations

import json
import os
import sys
import urllib.request
from urllib.parse import urlsplit

from common import bench_env, daphne_servers, ensure_postgres_database, manage

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TARGET_TOTAL_KB = 200
TARGET_SCRIPT_KB = 50


def measure(page, url: str) -> dict:
    """Bytes on the wire for one visit with an empty cache (Chrome's encodedDataLength)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    kinds: dict[str, str] = {}
    hosts: set[str] = set()
    sizes: dict[str, int] = {}
    cdp.on("Network.responseReceived", lambda event: kinds.__setitem__(event["requestId"], event["type"]))
    cdp.on(
        "Network.requestWillBeSent", lambda event: hosts.add(urlsplit(event["request"]["url"]).hostname or "")
    )
    cdp.on(
        "Network.loadingFinished",
        lambda event: sizes.__setitem__(event["requestId"], int(event["encodedDataLength"])),
    )
    page.goto(url, wait_until="networkidle", timeout=30_000)
    total = sum(sizes.values())
    scripts = sum(size for request, size in sizes.items() if kinds.get(request) == "Script")
    return {
        "requests": len(sizes),
        "total_kb": total / 1024,
        "script_kb": scripts / 1024,
        "other_hosts": sorted(host for host in hosts if host not in {"127.0.0.1", "localhost", ""}),
    }


def main() -> int:
    from playwright.sync_api import sync_playwright

    database_url = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bench_lab")
    ensure_postgres_database(database_url)
    env = bench_env(database_url, os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/3"))
    manage(env, "migrate", "--no-input", "-v", "0")
    manage(env, "seed_demo", "--allow-production")
    manage(env, "collectstatic", "--no-input", "-v", "0")
    with daphne_servers(env, 1) as (port,):
        base = f"http://127.0.0.1:{port}"
        with urllib.request.urlopen(f"{base}/api/v1/sessions/", timeout=10) as response:  # noqa: S310 (loopback)
            sessions = json.load(response)
        sessions = sessions.get("results", sessions) if isinstance(sessions, dict) else sessions
        live = next((s for s in sessions if s["status"] == "live"), sessions[0])
        with urllib.request.urlopen(f"{base}/api/v1/challenges/", timeout=10) as response:  # noqa: S310
            challenges = json.load(response)
        challenges = challenges.get("results", challenges) if isinstance(challenges, dict) else challenges
        pages = {
            "home": "/",
            "challenge page": urlsplit(challenges[0]["url"]).path,
            "live room": urlsplit(live["url"]).path,
        }
        print(
            f"# first visit at 375×740, empty cache, one daphne, DEBUG off (targets: ≤ {TARGET_TOTAL_KB} KB, "
            f"≤ {TARGET_SCRIPT_KB} KB of JavaScript, no other host)"
        )
        print(f"{'page':<16}{'path':<44}{'requests':>9}{'KB':>8}{'JS KB':>8}  other hosts")
        failed = False
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for name, path in pages.items():
                context = browser.new_context(
                    viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True
                )
                row = measure(context.new_page(), base + path)
                context.close()
                failed |= (
                    row["total_kb"] > TARGET_TOTAL_KB
                    or row["script_kb"] > TARGET_SCRIPT_KB
                    or bool(row["other_hosts"])
                )
                hosts = ", ".join(row["other_hosts"]) or "none"
                print(
                    f"{name:<16}{path:<44}{row['requests']:>9}{row['total_kb']:>8.1f}"
                    f"{row['script_kb']:>8.1f}  {hosts}"
                )
            browser.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
