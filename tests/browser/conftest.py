"""Browser fixtures: Debian's Chromium through Playwright, and the served site.

A browser that cannot be found fails the tests; only an explicit
QB_SKIP_BROWSER=1 skips them, and CI never sets it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from harness import DESKTOP, SKIP_VARIABLE, Server, Visit, serve
from local_browser import CHROMIUM, LAUNCH_ARGS

from support import FIXTURES, built


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if item.path.is_relative_to(here):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium() -> Path:
    if os.environ.get(SKIP_VARIABLE):
        pytest.skip(f"{SKIP_VARIABLE} is set: browser tests skipped on request")
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        pytest.fail(
            f"no Chromium at {CHROMIUM}. Install Debian's `chromium` (make test does this as root), "
            f"set CHROMIUM=/path/to/chromium, or set {SKIP_VARIABLE}=1 to skip the browser tests",
            pytrace=False,
        )
    return CHROMIUM


@pytest.fixture(scope="session")
def browser(chromium: Path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium), args=LAUNCH_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The real bank, built for and served under a project-site base path."""
    folder = tmp_path_factory.mktemp("browser-site")
    with serve(lambda site_url: built(folder / "site", site_url=site_url)) as running:
        yield running


@pytest.fixture(scope="session")
def hostile_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The hostile fixture bank, built and served the same way."""
    folder = tmp_path_factory.mktemp("browser-hostile")
    bank = FIXTURES / "hostile.yaml"
    with serve(lambda site_url: built(folder / "site", bank_file=bank, site_url=site_url)) as running:
        yield running


@pytest.fixture
def visit() -> Visit:
    return Visit()


@pytest.fixture
def open_page(browser, visit: Visit):
    """Open pages with a given viewport and colour scheme; all are recorded in `visit`."""
    contexts = []

    def make(viewport: dict = DESKTOP, color_scheme: str = "light"):
        context, page = visit.open(browser, viewport, color_scheme)
        contexts.append(context)
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(open_page):
    """A desktop page in the light scheme."""
    return open_page()
