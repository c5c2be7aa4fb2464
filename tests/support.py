"""Helpers shared by the tests: paths, the real bank, and the strict site build."""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from pathlib import Path

from question_bank.loader import load_bank
from question_bank.model import Bank

ROOT = Path(__file__).resolve().parent.parent
BANK_FILE = ROOT / "data" / "questions.yaml"
FIXTURES = Path(__file__).parent / "fixtures"
MKDOCS = Path(sys.executable).parent / "mkdocs"
# Words whose forms the page's matching.js must stem and spell as matching.py
# does; the last three name properties every JavaScript object inherits.
AWKWARD_WORDS = ["status", "classes", "libraries", "C++", "C#", "Node.js", "CI/CD", "async/await", "multi-processing",
                 "vectorisation", "vectorization", "profiling", "profiler", "streaming", "analyses", "behaviour", "Café",
                 "optimise", "optimising", "serialisation", "catalogue", "constructor", "__proto__", "hasOwnProperty"]


def real_bank() -> Bank:
    return load_bank(BANK_FILE)


def build_site(site_dir: Path, bank_file: Path | None = None, site_url: str | None = None) -> subprocess.CompletedProcess:
    """Run the real strict build, as `make build` does, into `site_dir`."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if bank_file is not None:
        env["QUESTION_BANK"] = str(bank_file)
    if site_url is not None:
        env["SITE_URL"] = site_url
    return subprocess.run(
        [str(MKDOCS), "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )


def built(site_dir: Path, **kwargs) -> Path:
    result = build_site(site_dir, **kwargs)
    assert result.returncode == 0, f"mkdocs build failed:\n{result.stderr}"
    return site_dir


def text_of(fragment: str) -> str:
    """What an HTML fragment reads as, with whitespace collapsed (for sanitised fields only)."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())
