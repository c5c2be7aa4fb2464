"""Debian's Chromium and a site served on 127.0.0.1: what the browser tests and the benchmark share.

Playwright's own browser download is never used: nothing but the package
registries is reachable, so the browser is the system's (`CHROMIUM`).
"""

from __future__ import annotations

import contextlib
import gzip
import io
import os
import re
import sys
import threading
import urllib.request
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))

# No sandbox (tests run as root in CI), and none of the background traffic
# (updates, sync, QUIC probes) that would try to leave the machine.
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]


# The names under which the kit page records its work with a posting (User
# Timing), as kit-suggest.js exports them: `RANKING`, `READING_AHEAD`.
KIT_SUGGEST = Path(__file__).resolve().parent.parent / "docs" / "javascripts" / "kit" / "kit-suggest.js"


def kit_record(name: str) -> str:
    found = re.search(rf'^export const {name} = "([^"\\]+)";$', KIT_SUGGEST.read_text(encoding="utf-8"), re.MULTILINE)
    if found is None:
        raise LookupError(f"{KIT_SUGGEST} no longer exports {name} as a plain string")
    return found[1]


# Installed in a page: `window.measured` then lists every User Timing measure
# the page records, in order, as {name, duration} (the page keeps only its latest of each).
WATCH_MEASURES = """() => {
  window.measured = [];
  new PerformanceObserver((list) => window.measured.push(...list.getEntries().map(({ name, duration }) => ({ name, duration }))))
    .observe({ type: "measure" });
}"""


def paste(page, text: str) -> None:
    """Paste `text` into the focused field from the clipboard: one input event, as a reader's
    paste. (Playwright's fill and insert_text insert a multi-line text a line at a time.)"""
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.evaluate("(text) => navigator.clipboard.writeText(text)", text)
    page.keyboard.press("ControlOrMeta+V")


def wait_until_answering(url: str, attempts: int = 50) -> None:
    """Return once `url` answers 200; a server that never does is an error, not a hang."""
    for _ in range(attempts):
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            threading.Event().wait(0.1)
    raise RuntimeError(f"the local server never answered at {url}")


# What GitHub Pages compresses; Pagefind's fragments are gzipped already.
COMPRESSIBLE = frozenset({".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt"})
GZIP_LEVEL = 6


class _SiteHandler(SimpleHTTPRequestHandler):
    """A built site below the server's base path, as GitHub Pages serves it:
    gzipped when the browser accepts it, with the site's own 404 page."""

    protocol_version = "HTTP/1.1"  # keep-alive, as a browser gets from any real host

    def translate_path(self, path: str) -> str:
        path, base = urlsplit(path).path, self.server.base_path
        if not path.startswith(base):
            return str(self.server.site / "__outside_base_path__")
        self.directory = str(self.server.site)  # known only once the site is built
        return super().translate_path("/" + path[len(base):])

    def send_head(self):
        file = Path(self.translate_path(self.path))
        if file.is_dir() and urlsplit(self.path).path.endswith("/"):
            file = file / "index.html"
        if not (file.is_file() and file.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()  # redirects, 404s, images and fonts as they are
        body = gzip.compress(file.read_bytes(), GZIP_LEVEL, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(file)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")  # GitHub Pages' lifetime
        super().end_headers()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        not_found = self.server.site / "404.html"
        if code != 404 or not not_found.exists():
            return super().send_error(code, message, explain)
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:  # keep test and bench output readable
        pass


class _SiteServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        # A browser closing its connections is the client moving on, not a failure.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve_site(build: Callable[[str], Path], base_path: str = "/") -> Iterator[str]:
    """Bind a free port of 127.0.0.1, build the site for its address (`build(site_url)`
    returns the built folder), serve it below `base_path`, and always shut down.
    Yields the site's URL once it answers."""
    server = _SiteServer(("127.0.0.1", 0), _SiteHandler)
    server.base_path = base_path
    site_url = f"http://127.0.0.1:{server.server_address[1]}{base_path}"
    try:
        server.site = Path(build(site_url))
    except BaseException:
        server.server_close()  # shutdown() would wait forever for a loop that never started
        raise
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        wait_until_answering(site_url)
        yield site_url
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
