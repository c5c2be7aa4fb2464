"""Debian's Chromium and a site on 127.0.0.1: what the browser tests and the benchmark share.

Playwright's own browser download is never used: nothing but the package
registries is reachable, so the browser is the system's (`CHROMIUM`).
"""

from __future__ import annotations

import os
import threading
import urllib.request
from pathlib import Path

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
