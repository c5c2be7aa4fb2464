"""Timed builds of A (this site) and B (plain Material building the same pages).

B's docs/ is captured from an untimed build of A (`bench.capture`, a hook run after ours):
every page holds exactly the Markdown A hands to Python-Markdown, every file A generates in
memory is a plain file. So B has A's content, as an author without our data file would write
it, and lacks what is measured: our hook, mkdocs-macros, the overrides, our CSS and JS.
Capturing from a real build keeps B in step with the hook, with no second copy of its logic.
Both configs INHERIT ours and replace only the keys that plug our code in.

Each build is its own `mkdocs build --strict` process, so its imports count and its peak
memory is its own: `os.wait4` reports that one child, where `getrusage(RUSAGE_CHILDREN)`
would report the largest child so far.
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

import yaml
from mkdocs.utils.yaml import yaml_load

from . import markdown_table
from .capture import DESTINATION

ROOT = Path(__file__).resolve().parents[2]
MKDOCS = Path(sys.executable).parent / "mkdocs"
CAPTURE_HOOK = Path(__file__).resolve().with_name("capture.py")
# What a snapshot leaves out: history, environments, build output, caches.
NOT_SOURCE = shutil.ignore_patterns(".git", ".venv", "site", "site.partial", "bench-results", "test-output",
                                    "node_modules", "__pycache__", ".pytest_cache", "mutants", "mutation-work")


def snapshot(destination: Path) -> Path:
    """Copy the project as it is now: edits saved during a run must not change what is measured."""
    return Path(shutil.copytree(ROOT, destination, ignore=NOT_SOURCE))


class BuildFailed(RuntimeError):
    pass


@dataclass(frozen=True)
class Build:
    name: str  # "A" or "B"
    source: Path  # the project's snapshot
    bank_file: Path  # B ignores it (it has no hook): both environments stay identical but for the config
    config_file: Path | None = None  # None: the project's own mkdocs.yml
    environment: dict[str, str] = field(default_factory=dict)


def run_build(build: Build, site_dir: Path, log_file: Path, site_url: str = "http://127.0.0.1:8000/") -> dict:
    """Build into `site_dir` for `site_url`; return that one process's wall and CPU time and peak memory."""
    config = ["--config-file", str(build.config_file)] if build.config_file else []
    # Banks of thousands of questions are over the data file's size limit, which guards contributions.
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "QUESTION_BANK": str(build.bank_file),
                   "QUESTION_BANK_MAX_BYTES": str(1 << 30), "SITE_URL": site_url, **build.environment}
    with log_file.open("w", encoding="utf-8") as log:
        start = time.perf_counter()
        process = subprocess.Popen([str(MKDOCS), "build", "--strict", *config, "--site-dir", str(site_dir)],
                                   cwd=build.source, env=environment, stdin=subprocess.DEVNULL, stdout=log,
                                   stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)  # reaped by wait4: Popen must not wait again
    if process.returncode != 0:
        tail = "".join(log_file.read_text(encoding="utf-8", errors="replace").splitlines(keepends=True)[-20:])
        raise BuildFailed(f"build {build.name} failed with exit code {process.returncode}; log {log_file}:\n{tail}")
    return {"wall_seconds": wall, "cpu_seconds": usage.ru_utime + usage.ru_stime, "peak_rss_mb": usage.ru_maxrss / 1024}


def _config(path: Path, source: Path, **keys) -> Path:
    """A config that inherits the project's (in `source`) with `keys` replaced; paths are
    given in full, since INHERIT would resolve them from the new file's folder."""
    config = {"INHERIT": str(source / "mkdocs.yml"), "watch": [], **keys}
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def site_builds(source: Path, bank_file: Path, bank: dict, folder: Path) -> list[Build]:
    """A, from `bank_file`, and B, whose docs/ this captures from a build of A into `folder`."""
    with (source / "mkdocs.yml").open(encoding="utf-8") as file:
        site = yaml_load(file)
    capture = _config(folder / "capture.yml", source, docs_dir=str(source / site.get("docs_dir", "docs")),
                      theme={"custom_dir": str(source / site["theme"]["custom_dir"])},
                      hooks=[*(str(source / hook) for hook in site["hooks"]), str(CAPTURE_HOOK)])
    run_build(Build("capture", source, bank_file, capture, {DESTINATION: str(folder / "docs")}),
              folder / "capture-site", folder / "capture.log")
    shutil.rmtree(folder / "capture-site")
    (folder / "no-overrides").mkdir()  # custom_dir can be replaced through INHERIT, not removed
    baseline = _config(folder / "mkdocs.yml", source, site_description=bank["description"],  # ours comes from the bank
                       theme={"custom_dir": "no-overrides"}, extra_css=[], extra_javascript=[], hooks=[],
                       plugins=["search"])
    return [Build("A", source, bank_file), Build("B", source, bank_file, baseline)]


def measure(builds: list[Build], runs: int, folder: Path) -> tuple[dict, dict[str, Path]]:
    """Build each site `runs` times, alternating A B A B so that a slow spell of the machine
    hits both; return the medians (peak memory: the largest) and each site's folder."""
    sites = {build.name: folder / f"site-{build.name}" for build in builds}
    measured: dict[str, list[dict]] = {build.name: [] for build in builds}
    for number in range(1, runs + 1):
        for build in builds:
            shutil.rmtree(sites[build.name], ignore_errors=True)
            log = folder / f"build-{build.name}-{number}.log"
            measured[build.name].append(run_build(build, sites[build.name], log))
    return {name: {"wall_seconds": statistics.median(run["wall_seconds"] for run in done),
                   "cpu_seconds": statistics.median(run["cpu_seconds"] for run in done),
                   "peak_rss_mb": max(run["peak_rss_mb"] for run in done)}
            for name, done in measured.items()}, sites


def table(results: dict) -> str:
    rows = [[f"{int(size):,}", f"{at['A']['wall_seconds']:.2f} s", f"{at['B']['wall_seconds']:.2f} s",
             f"**{at['A']['wall_seconds'] / at['B']['wall_seconds']:.2f}**",
             f"{at['A']['cpu_seconds'] / at['B']['cpu_seconds']:.2f}",
             f"{at['A']['wall_seconds'] / int(size) * 1000:.0f}",
             f"{at['A']['peak_rss_mb']:.0f} / {at['B']['peak_rss_mb']:.0f} MB"]
            for size, at in results["builds"].items()]
    return markdown_table(["Questions", "A build", "B build", "A/B wall", "A/B CPU", "A ms per question",
                           "peak memory A / B"], rows)
