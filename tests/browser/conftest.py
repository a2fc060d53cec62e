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
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
HERE = Path(__file__).resolve().parent

def pytest_collection_modifyitems(config, items):
    for item in items:
        if HERE in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="package")
def browser() -> Iterator:
    """One Chromium for all the tests of this folder.

    Scoped to this package rather than the whole session on purpose: while Playwright's sync API
    is started, its event loop stays registered as running on the main thread. Left running to
    the end of the session it would break every later async test ("Runner.run() cannot be called
    from a running event loop"); the package scope stops it after the last browser test.

    For the same reason Django would refuse ORM calls from the test body and from pytest-django's
    database set-up and flush ("You cannot call this from an async context"); they are plain
    synchronous code, so the check is lifted for as long as the browser runs.
    """
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        pytest.skip(f"browser tests need Debian's Chromium at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
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
