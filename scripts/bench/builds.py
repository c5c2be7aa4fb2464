"""Timed builds of A (our site) and B (plain Material), each in a fresh process.

Each build is its own `mkdocs build --strict` process, so its import cost is
counted (a user waits for it too) and its peak memory is its own: the child's
resource usage comes from `os.wait4`, which reports that one child, where
`getrusage(RUSAGE_CHILDREN)` would report the largest child so far.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from .tables import markdown_table

ROOT = Path(__file__).resolve().parents[2]
MKDOCS = Path(sys.executable).parent / "mkdocs"
BUILD_TIMEOUT_SECONDS = 1800
# What a snapshot leaves out: history, environments, build output, caches.
NOT_SOURCE = shutil.ignore_patterns(".git", ".venv", "site", "site.partial", "bench-results", "test-output",
                                    "node_modules", "__pycache__", ".pytest_cache", "mutants", "mutation-work")


def snapshot(destination: Path) -> Path:
    """Copy the project as it is now, for the benchmark to build: edits saved
    during a run must not change the code measured between one size and the next."""
    return Path(shutil.copytree(ROOT, destination, ignore=NOT_SOURCE))


class BuildFailed(RuntimeError):
    pass


@dataclass(frozen=True)
class Build:
    """How to build one site: A from the bank file through our hook, or B from its own config."""

    name: str  # "A" or "B"
    source: Path  # the project, or a snapshot of it
    bank_file: Path
    config_file: Path | None = None  # None: the project's own mkdocs.yml
    extra_environment: dict[str, str] = field(default_factory=dict)

    def command(self, site_dir: Path) -> list[str]:
        config = ["--config-file", str(self.config_file)] if self.config_file else []
        return [str(MKDOCS), "build", "--strict", *config, "--site-dir", str(site_dir)]

    def environment(self, site_url: str) -> dict[str, str]:
        # B ignores QUESTION_BANK (it has no hook); setting it for both keeps
        # the two environments identical but for the config. Banks of
        # thousands of questions are over the data file's size limit, which
        # guards contributions, not the benchmark's scale.
        return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "QUESTION_BANK": str(self.bank_file),
                "QUESTION_BANK_MAX_BYTES": str(1 << 30), "SITE_URL": site_url, **self.extra_environment}


@dataclass(frozen=True)
class BuildRun:
    name: str
    wall_seconds: float
    cpu_seconds: float  # user + system: less disturbed than wall time on a busy machine
    peak_rss_mb: float


def run_build(build: Build, site_dir: Path, log_file: Path, site_url: str = "http://127.0.0.1:8000/") -> BuildRun:
    """Build into `site_dir` (which must not exist yet), for `site_url`, and measure that one process."""
    with log_file.open("w", encoding="utf-8") as log:
        start = time.perf_counter()
        process = subprocess.Popen(build.command(site_dir), cwd=build.source, env=build.environment(site_url),
                                   stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
        while not (waited := os.wait4(process.pid, os.WNOHANG))[0]:
            if time.perf_counter() - start > BUILD_TIMEOUT_SECONDS:
                process.kill()
                os.wait4(process.pid, 0)
                raise BuildFailed(f"build {build.name} still running after {BUILD_TIMEOUT_SECONDS}s; log: {log_file}")
            time.sleep(0.005)
        wall = time.perf_counter() - start
    _, status, usage = waited
    # Reaped by wait4, not by Popen: record the exit code so Popen does not try again.
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        tail = "".join(log_file.read_text(encoding="utf-8", errors="replace").splitlines(keepends=True)[-20:])
        raise BuildFailed(f"build {build.name} failed with exit code {process.returncode}; log {log_file}:\n{tail}")
    return BuildRun(build.name, wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)  # KiB on Linux


def measure(builds: list[Build], runs: int, folder: Path) -> tuple[dict, dict[str, Path]]:
    """Build each site `runs` times, alternating A B A B so that a slow spell of the
    machine hits both; return the medians and the last site of each."""
    measured: list[BuildRun] = []
    sites: dict[str, Path] = {}
    for number in range(1, runs + 1):
        for build in builds:
            if build.name in sites:
                shutil.rmtree(sites[build.name])
            sites[build.name] = folder / f"site-{build.name}"
            measured.append(run_build(build, sites[build.name], folder / f"build-{build.name}-{number}.log"))
    result = {name: {"wall_seconds": statistics.median(run.wall_seconds for run in mine),
                     "cpu_seconds": statistics.median(run.cpu_seconds for run in mine),
                     "peak_rss_mb": max(run.peak_rss_mb for run in mine)}
              for name in sites for mine in [[run for run in measured if run.name == name]]}
    return result, sites


def table(results: dict) -> str:
    rows = [[f"{int(size):,}", f"{at['A']['wall_seconds']:.2f} s", f"{at['B']['wall_seconds']:.2f} s",
             f"**{at['A']['wall_seconds'] / at['B']['wall_seconds']:.2f}**",
             f"{at['A']['cpu_seconds'] / at['B']['cpu_seconds']:.2f}",
             f"{at['A']['wall_seconds'] / int(size) * 1000:.0f}",
             f"{at['A']['peak_rss_mb']:.0f} / {at['B']['peak_rss_mb']:.0f} MB"]
            for size, at in results["builds"].items()]
    return markdown_table(["Questions", "A build", "B build", "A/B wall", "A/B CPU", "A ms per question",
                           "peak memory A / B"], rows)
