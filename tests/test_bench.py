"""The scale benchmark's quick run, as a smoke test: it runs end to end and measures something.

Timings are not asserted: they depend on the machine. The targets of issue #6
are checked by the full run (`python -m bench.run`), not here. The run drives
Chromium, hence the `browser` marker; QB_SKIP_BROWSER=1 keeps the builds and
skips only the search timing.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from bench import run
from bench.synthetic import synthetic_bank, write_bank

from support import ROOT

pytestmark = pytest.mark.browser


def test_synthetic_banks_are_valid_and_grow_by_appending(tmp_path: Path) -> None:
    bank = write_bank(tmp_path / "bank.yaml", 20)
    assert len({question.id for question in bank.questions}) == 20
    assert synthetic_bank(10)["questions"] == synthetic_bank(20)["questions"][:10]


def test_quick_run_measures_both_sites(tmp_path: Path) -> None:
    skip_browser = bool(os.environ.get("QB_SKIP_BROWSER"))
    # A process of its own, as `make bench` runs it: Playwright's sync API
    # cannot start a second time inside the browser tests' running session.
    completed = subprocess.run(
        [sys.executable, "-m", "bench.run", "--quick", "--out", str(tmp_path), *(["--no-browser"] if skip_browser else [])],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT / "scripts")}, capture_output=True, text=True, timeout=600,
    )
    assert completed.returncode == 0, completed.stderr

    results = json.loads((tmp_path / "bench.json").read_text(encoding="utf-8"))
    assert list(results["sizes"]) == [str(size) for size in run.QUICK_SIZES]
    for at in results["sizes"].values():
        for site in ("A", "B"):
            assert at[site]["wall_seconds"] > 0 and at[site]["cpu_seconds"] > 0 and at[site]["peak_rss_mb"] > 0
            weight = at["weight"][site]
            assert weight["page_html"]["gzip"] > 0 and weight["page_css"]["raw"] > 0 and weight["page_js"]["raw"] > 0
            assert weight["search_index_docs"] > 0
        assert at["weight"]["A"]["page"] == at["weight"]["B"]["page"]
    if not skip_browser:
        search = results["search"][str(run.QUICK_SEARCH_SIZE)]
        for site in ("A", "B"):
            assert search[site]["ready_ms"] > 0
            assert [timing["query"] for timing in search[site]["queries"]] == list(run.QUICK_QUERIES)
            assert all(timing["latency_ms"] > 0 and timing["results"] > 0 for timing in search[site]["queries"])

    report = completed.stdout
    assert report == (tmp_path / "bench.md").read_text(encoding="utf-8")
    assert "| 100 |" in report and "### Targets" in report
