"""The benchmark of the kit page's matching speed runs and measures something (issue 14).

Timings are not asserted: they depend on the machine; `make bench` reports them.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from support import ROOT

pytestmark = pytest.mark.browser


def test_matching_speed_is_measured_in_the_page() -> None:
    # A process of its own: Playwright's sync API cannot start twice in one session.
    completed = subprocess.run(
        [sys.executable, "-m", "bench.matching_speed"],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT / "scripts"), "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True, text=True, timeout=600,
    )
    assert completed.returncode == 0, completed.stderr
    rows = re.findall(r"^\| (The fixtures, repeated to 100 KB|Longest fixture \(reference\)) \| ([\d,]+) \| ([\d.]+) ms \| ([\d.]+) ms \|$",
                      completed.stdout, re.MULTILINE)
    assert [row[0] for row in rows] == ["The fixtures, repeated to 100 KB", "Longest fixture (reference)"]
    assert rows[0][1] == "100,000"
    (_, _, cold, warm), (_, _, reference_cold, reference_warm) = rows
    assert float(cold) > 0 and float(warm) > 0
    assert float(reference_cold) >= 0 and float(reference_warm) >= 0  # a few KB can take under the timer's step
