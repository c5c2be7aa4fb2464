"""Every built page is valid HTML: the W3C Nu Html Checker reports no error.

The checker is npm's vnu-jar (locked in tests/package-lock.json), run on a
Java runtime from Debian; `make test` installs both (scripts/install-html-checker).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from support import ROOT

VNU_JAR = ROOT / "tests" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
INSTALL = "scripts/install-html-checker (run by `make test`)"


def nu_check(pages: list[Path]) -> tuple[list[dict], set[Path]]:
    """The checker's errors on `pages`, and the pages it says it read: one Java process for all."""
    java = shutil.which("java")
    assert java, f"no Java runtime on PATH: {INSTALL} installs Debian's default-jre-headless"
    assert VNU_JAR.is_file(), f"no Nu Html Checker at {VNU_JAR}: {INSTALL} installs it"
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--stdout", "--verbose", *map(str, pages)],
        capture_output=True, text=True, timeout=600,
    )
    # Exit 1 only means "errors found"; anything else is the checker failing to run.
    assert result.returncode in (0, 1), f"vnu.jar exited {result.returncode}:\n{result.stderr}"
    # --verbose names each file it read, one a line, on stderr: a page it could
    # not read reports no error, so the test must see that it read them all.
    read = {Path(line) for line in result.stderr.splitlines() if line.endswith(".html")}
    return json.loads(result.stdout)["messages"], read


def describe(message: dict, site: Path) -> str:
    """One error as `page:line:column: message`, with the text it points at."""
    page = Path(message.get("url", "").removeprefix("file:"))
    where = page.relative_to(site) if page.is_relative_to(site) else page
    extract = " ".join(message.get("extract", "").split())
    return f"{where}:{message.get('lastLine', '?')}:{message.get('firstColumn', '?')}: {message['message']}\n    {extract}"


def test_every_page_is_valid_html(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert site / "index.html" in pages and site / "404.html" in pages
    errors, read = nu_check(pages)
    assert read == set(pages), f"the checker did not read: {sorted(set(pages) - read)}"
    assert not errors, f"{len(errors)} Nu Html Checker errors:\n" + "\n".join(describe(e, site) for e in errors)
