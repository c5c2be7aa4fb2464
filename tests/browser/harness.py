"""The browser harness: Chromium's launch flags, the test server, and helpers.

The site is built with a project-site base path (`/bank/`), as GitHub Pages
serves a repository's site, so that relative asset paths are proven to work
below the root.
"""

from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from local_browser import serve_site

SKIP_VARIABLE = "QB_SKIP_BROWSER"
BASE_PATH = "/bank/"
AXE_SCRIPT = Path(__file__).parent / "vendor" / "axe.min.js"
AXE_VERSION = "4.14.1"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@dataclass
class Server:
    root_url: str  # http://127.0.0.1:PORT
    site_url: str  # root_url + BASE_PATH

    def url(self, path: str = "") -> str:
        return self.site_url + path.lstrip("/")


@contextlib.contextmanager
def serve(build: Callable[[str], Path]) -> Iterator[Server]:
    """Build the site for a free port's address and serve it below BASE_PATH, gzipped."""
    with serve_site(build, BASE_PATH) as site_url:
        yield Server(site_url[: -len(BASE_PATH)], site_url)


CSP_RECORDER = """
document.addEventListener("securitypolicyviolation", (event) => {
  (window.__cspViolations ||= []).push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
});
"""


@dataclass
class Visit:
    """What the pages of one test did: every request, console error and dialog."""

    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def csp_violations(self, page) -> list[str]:
        """What the page's Content-Security-Policy refused, as the page reported it."""
        reported = page.evaluate("() => window.__cspViolations || []")
        logged = [error for error in self.console_errors if "Content Security Policy" in error]
        return reported + logged

    def third_party(self, server: Server) -> list[str]:
        return [url for url in self.requests if not url.startswith((server.root_url + "/", "data:", "blob:"))]

    def open(self, browser, viewport: dict = DESKTOP, color_scheme: str = "light"):
        """A new browser context and page whose activity is recorded here."""
        context = browser.new_context(viewport=viewport, color_scheme=color_scheme, service_workers="block")
        page = context.new_page()
        # Runs before the page's own scripts, in every document of the visit.
        page.add_init_script(CSP_RECORDER)
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("console", lambda message: message.type == "error" and self.console_errors.append(message.text))
        page.on("pageerror", lambda error: self.console_errors.append(str(error)))
        page.on("dialog", self._dismiss)
        return context, page

    def _dismiss(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()


@functools.cache
def axe_source() -> str:
    source = AXE_SCRIPT.read_text(encoding="utf-8")
    assert source.startswith(f"/*! axe v{AXE_VERSION}"), "vendored axe-core is not the pinned version"
    return source


def axe_violations(page) -> list[dict]:
    """Run axe-core on the page as it is now; return its violations.

    axe is evaluated through the DevTools protocol, which the page's
    Content-Security-Policy does not govern: an injected <script> would be
    (rightly) refused by it.
    """
    page.evaluate(axe_source())
    return page.evaluate("async () => (await axe.run(document)).violations")


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        targets = [", ".join(node["target"]) for node in violation["nodes"][:3]]
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} at {targets}")
    return "\n".join(lines)


def screenshot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def expect_heading(page, title: str) -> None:
    """Wait until the page shows `title` as its h1 (the URL can change before the page does)."""
    from playwright.sync_api import expect

    expect(page.locator(".md-content h1").first).to_have_text(re.compile(rf"^\s*{re.escape(title)}\s*¶?\s*$"))


def injected_elements(page, scope: str) -> list[str]:
    """Elements under `scope` that data could only have created by becoming live markup."""
    return page.evaluate(
        """(scope) => [...document.querySelectorAll(`${scope} *`)]
                 .filter(e => ['SCRIPT', 'IFRAME', 'IMG', 'STYLE'].includes(e.tagName)
                              || e.classList.contains('injected-class')
                              || [...e.attributes].some(a => a.name.startsWith('on')))
                 .map(e => e.outerHTML.slice(0, 80))""",
        scope,
    )
