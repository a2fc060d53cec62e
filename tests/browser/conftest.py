"""Browser tests: Debian's Chromium, driven by Playwright's sync API, against pytest-django's live server.

Every test in this folder is marked `browser`. A test that uses the `page` fixture fails if the page
asked anything of a host other than the live server: the site must not leak its visitors to third
parties (no CDN, no web fonts, no analytics).

Playwright never downloads a browser here: without /usr/bin/chromium the tests skip, and the root
conftest turns that skip into a failure under CI=true.
"""

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config, items):
    for item in items:
        if HERE in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium_executable() -> Path:
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        pytest.skip(f"browser tests need Debian's Chromium at {CHROMIUM} (apt-get install chromium)")
    return CHROMIUM


@pytest.fixture
def browser(chromium_executable, monkeypatch) -> Iterator:
    """A Chromium of its own for each test (about a second to start).

    Not one for the whole session, on purpose: while Playwright's sync API is started its event
    loop stays registered as running on the main thread, and Django then takes the thread for
    an async one. It hands out other database connections there (asgiref's Local), so that
    pytest-django's set-up and flush would work on connections that do not hold the serialized
    migration data: after the first test the home page would be gone. Later async tests would
    fail too ("Runner.run() cannot be called from a running event loop").

    Started after the database fixtures and stopped before their teardown, the browser sees the
    database as migrated and seeded. While it runs, the test body is still plain synchronous code,
    which Django would refuse ("You cannot call this from an async context"): the check is lifted.
    """
    from playwright.sync_api import sync_playwright

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(chromium_executable), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _is_local(url: str, origin: str) -> bool:
    return url == origin or url.startswith((f"{origin}/", "data:", "blob:"))


@pytest.fixture
def requested_urls() -> list[str]:
    """Every URL the browser asked for during the test, in order."""
    return []


@pytest.fixture
def page(browser, live_server, requested_urls) -> Iterator:
    context = browser.new_context(locale="es-CO", viewport=DESKTOP, base_url=live_server.url)
    context.on("request", lambda request: requested_urls.append(request.url))
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()
    foreign = [url for url in requested_urls if not _is_local(url, live_server.url)]
    assert not foreign, f"requests outside {live_server.url}: {foreign}"


@pytest.fixture
def visit(page, live_server, requested_urls) -> Callable:
    """`visit(path)`: open the page, check it answered 200 and asked only the live server."""

    def go(path: str):
        already = len(requested_urls)
        response = page.goto(path, wait_until="load")
        assert response is not None and response.status == 200, f"{path}: {response and response.status}"
        page.wait_for_load_state("networkidle")
        assert_only_local(requested_urls[already:], live_server.url, path)
        return response

    return go


def assert_only_local(urls: list[str], origin: str, where: str) -> None:
    foreign = [url for url in urls if not _is_local(url, origin)]
    assert not foreign, f"{where} asked hosts other than {origin}: {foreign}"


@pytest.fixture
def screenshot(page) -> Callable:
    """`screenshot(name)`: full-page PNGs at phone and desktop widths in test-artifacts/."""
    ARTIFACTS.mkdir(exist_ok=True)

    def take(name: str) -> list[Path]:
        paths = []
        for label, size in (("phone", PHONE), ("desktop", DESKTOP)):
            page.set_viewport_size(size)
            path = ARTIFACTS / f"{name}-{label}.png"
            page.screenshot(path=str(path), full_page=True)
            paths.append(path)
        page.set_viewport_size(DESKTOP)
        return paths

    return take


BLOCKING_IMPACTS = {"serious", "critical"}


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']} <{violation['helpUrl']}>"
        )
        for node in violation["nodes"][:10]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {node['target']}: {summary}")
    return "\n".join(lines)


@pytest.fixture
def assert_accessible(page) -> Callable:
    """`assert_accessible(where)`: axe-core on the current page finds nothing serious or critical."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check(where: str) -> None:
        violations = axe.run(page).response["violations"]
        blocking = [violation for violation in violations if violation["impact"] in BLOCKING_IMPACTS]
        assert not blocking, f"axe-core on {where}:\n{describe_violations(blocking)}"

    return check


class _SeededSnapshot:
    """On the in-memory SQLite test database, the database right after the first `seed_demo`
    of the run, copied with SQLite's backup API; later tests that start from the same empty
    database get that copy back in milliseconds instead of seeding again for seconds. Used only
    when nothing was added before the seed (the same row counts as the first time) and never
    on PostgreSQL, which seeds every time."""

    empty: tuple | None = None
    copy = None

    @staticmethod
    def fingerprint() -> tuple:
        from django.db import connection

        with connection.cursor() as cursor:
            # The models' tables: a flush leaves others (Wagtail's full-text index) as they were.
            tables = sorted(connection.introspection.django_table_names(only_existing=True))
            return tuple(
                cursor.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]  # noqa: S608 (table names of our schema)
                for table in tables
            )

    @classmethod
    def usable(cls) -> bool:
        from django.db import connection

        return connection.vendor == "sqlite" and connection.is_in_memory_db()


@pytest.fixture
def demo_content(transactional_db):
    """The demo site (`seed_demo`). Requested before `page`, so it is there when the browser
    starts. Seeding takes seconds: a test that checks many pages loops over them in one test
    (`check_pages`) rather than seeding once per page; on SQLite later seeds are a copy of the
    first (`_SeededSnapshot`)."""
    import sqlite3

    from django.core.management import call_command
    from django.db import connection

    snapshot = _SeededSnapshot.usable()
    seeded = _SeededSnapshot.copy
    if snapshot and seeded is not None and _SeededSnapshot.fingerprint() == _SeededSnapshot.empty:
        connection.ensure_connection()
        seeded.backup(connection.connection)
        return
    empty = _SeededSnapshot.fingerprint() if snapshot else None
    call_command("seed_demo", "--allow-production", verbosity=0)
    if snapshot and _SeededSnapshot.copy is None:
        copy = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(copy)
        _SeededSnapshot.empty, _SeededSnapshot.copy = empty, copy


NARROWEST = {"width": 320, "height": 640}


def sideways_overflow(page, width: int) -> list[str]:
    """The elements reaching past `width` when the document scrolls sideways, else []."""
    if page.evaluate("document.documentElement.scrollWidth") <= width:
        return []
    return page.evaluate(
        """(width) => [...document.querySelectorAll('body *')]
            .filter(element => element.getBoundingClientRect().right > width)
            .slice(0, 10)
            .map(element => element.outerHTML.slice(0, 120))""",
        width,
    ) or ["(the document itself)"]


@pytest.fixture
def check_pages(page, visit, assert_accessible) -> Callable:
    """`check_pages(paths)`: each page answers 200 from the live server only, axe-core finds
    nothing serious at 1280 and 375 px, and nothing scrolls sideways at 320 px (WCAG 1.4.10).
    Every failure is collected and reported with its page, so one bad page hides no other."""

    def check(paths: list[str]) -> None:
        failures = []
        for path in paths:
            page.set_viewport_size(DESKTOP)
            try:
                visit(path)
                for label, size in (("desktop", DESKTOP), ("phone", PHONE)):
                    page.set_viewport_size(size)
                    assert_accessible(f"{path} ({label}, {size['width']} px)")
                page.set_viewport_size(NARROWEST)
                too_wide = sideways_overflow(page, NARROWEST["width"])
                assert not too_wide, f"{path} scrolls sideways at 320 px; too wide: {too_wide}"
            except AssertionError as failure:
                failures.append(str(failure))
        page.set_viewport_size(DESKTOP)
        assert not failures, "\n\n".join(failures)

    return check
