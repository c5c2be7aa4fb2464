"""Debian's Chromium, driven by Playwright, on a built site served gzipped (as GitHub Pages serves it).

Every visit is a fresh browser context: an empty cache, as on a first visit
from a job posting. Bytes are what crossed the wire: response bodies as sent
(gzipped where the server gzips), requests from the page and its workers alike.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from local_browser import CHROMIUM, LAUNCH_ARGS, serve_site

# A phone, as most readers arrive: Material's search box is then behind an icon,
# which the `/` key opens as it does on a desktop.
PHONE = {"viewport": {"width": 412, "height": 823}, "is_mobile": True, "has_touch": True}
# What a page fetches once it has loaded, before anyone touches it, counts too.
SETTLE_MS = 1000


@dataclass
class Visit:
    """One page in a fresh context, with every request it made."""

    page: object
    requests: list = field(default_factory=list)

    def bytes_since(self, start: int = 0) -> dict[str, int]:
        """Bytes received per kind (html, css, js, other) for the requests after the first `start`."""
        kinds = {"document": "html", "stylesheet": "css", "script": "js"}
        received: dict[str, int] = {"html": 0, "css": 0, "js": 0, "other": 0}
        for request in self.requests[start:]:
            if request.url.startswith("data:"):
                continue
            received[kinds.get(request.resource_type, "other")] += max(request.sizes()["responseBodySize"], 0)
        return received


@contextlib.contextmanager
def site_browser(site: Path) -> Iterator[tuple[str, callable]]:
    """Serve `site`, launch Chromium, and yield its URL and a `visit(path)` that opens a
    page in a fresh context and waits until it has fetched all it fetches unprompted."""
    from playwright.sync_api import sync_playwright

    with serve_site(lambda _url: site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS, headless=True)
        contexts = []

        def visit(path: str, init_script: str | None = None) -> Visit:
            while contexts:  # one page open at a time
                contexts.pop().close()
            context = browser.new_context(**PHONE, service_workers="block")
            contexts.append(context)
            if init_script:
                context.add_init_script(init_script)
            requests: list = []
            context.on("requestfinished", lambda request: requests.append(request))
            opened = Visit(context.new_page(), requests)
            opened.page.goto(url + path, wait_until="networkidle")
            opened.page.wait_for_timeout(SETTLE_MS)
            return opened

        try:
            yield url, visit
        finally:
            while contexts:
                contexts.pop().close()
            browser.close()
