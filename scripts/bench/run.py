"""Run the benchmark and write the README's tables: A (this site) against B (plain Material).

The project is copied first (`builds.snapshot`) and every build is of that copy. Banks are
the real bank's questions replicated under new ids (`bench.scale`); B is the same pages
captured as plain Markdown (`bench.builds`). The real bank is built first, untimed (the
warm-up: .pyc files, disk cache), for Lighthouse and the matching speed; then, at each size,
A and B are timed and a first visit to a question page measured; at one size, a first search.

    make bench                        # N = 10 ... 3,000, Lighthouse and search; ~30 min on 2 cores
    make bench ARGS=--quick           # N = 10 and 100, one build each: the smoke test's run
    make bench ARGS='--sizes 3000 --runs 1 --no-lighthouse'   # one more row of the tables

Prints the report and writes it, with every measurement, to bench-results/.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

from local_browser import serve_site

from . import browser, builds, lighthouse, matching_speed
from .builds import ROOT, BuildFailed, run_build, site_builds, snapshot
from .scale import write_bank

SIZES = (10, 100, 1000, 3000)
QUICK_SIZES = (10, 100)
SEARCH_SIZES = {False: 1000, True: 100}  # by --quick
PAGE_INDEX = 4  # the page measured: the fifth real question, with the same content and neighbours at every size
SEARCHED_QUESTIONS = 5  # searched for: the first keyword of each of the first five real questions
SECTIONS = {
    "builds": ("Build time", builds.table),
    "first_visit": ("First visit to a question page (bytes received, gzipped)", browser.first_visit_table),
    "search": ("First search, typed on a phone", browser.search_table),
    "lighthouse": ("Lighthouse (mobile, served gzipped; median of the runs)", lighthouse.table),
    "matching": ("Matching a job description in the page", matching_speed.table),
}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="N = 10 and 100, one run of each, search at 100")
    parser.add_argument("--sizes", type=lambda text: tuple(sorted(int(n) for n in text.split(",") if n)),
                        help=f"comma-separated bank sizes, each over {PAGE_INDEX} (default: {SIZES}); "
                             "--sizes= for Lighthouse and matching speed only")
    parser.add_argument("--runs", type=int, help="builds of each site per size, and Lighthouse runs per page "
                                                 "(default: 3; --quick: 1)")
    parser.add_argument("--no-browser", action="store_true", help="builds only")
    parser.add_argument("--no-lighthouse", action="store_true", help="no Lighthouse and no matching speed")
    parser.add_argument("--out", type=Path, default=ROOT / "bench-results", help="folder for bench.json and bench.md")
    args = parser.parse_args(argv)
    if args.sizes is None:
        args.sizes = QUICK_SIZES if args.quick else SIZES
    args.runs = args.runs or (1 if args.quick else 3)
    if args.sizes and args.sizes[0] <= PAGE_INDEX:
        parser.error(f"each size must be over {PAGE_INDEX}: the page measured is question #{PAGE_INDEX + 1}")
    return args


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def bank_builds(source: Path, size: int | None, folder: Path) -> tuple[dict, list]:
    """The bank of `size` questions (None: the real bank) in `folder`, and its A and B builds."""
    folder.mkdir()
    bank = write_bank(folder / "bank.yaml", size, source / "data" / "questions.yaml")
    return bank, site_builds(source, folder / "bank.yaml", bank, folder)


def question_page(bank: dict) -> str:
    return f"questions/{bank['questions'][PAGE_INDEX]['id']}/"


def measure_size(size: int, args: argparse.Namespace, source: Path, work: Path, results: dict) -> None:
    bank, both = bank_builds(source, size, work / f"n{size}")
    log(f"N={size}: building A and B, {args.runs} time(s) each")
    results["builds"][str(size)], sites = builds.measure(both, args.runs, work / f"n{size}")
    if not args.no_browser:
        log(f"N={size}: first visit")
        results["first_visit"][str(size)] = {name: browser.first_visit(site, question_page(bank))
                                             for name, site in sites.items()}
    if size == SEARCH_SIZES[args.quick] and not args.no_browser:
        log(f"N={size}: first search")
        terms = [question["keywords"][0] for question in bank["questions"][:SEARCHED_QUESTIONS]]
        results["search"][str(size)] = {name: browser.searches(site, question_page(bank), terms)
                                        for name, site in sites.items()}
    shutil.rmtree(work / f"n{size}")


def measure_real_bank(args: argparse.Namespace, source: Path, work: Path, results: dict) -> None:
    """Build A and B of the real bank, untimed, and run Lighthouse on each, served at the
    address it was built for; then the kit page's matching speed."""
    bank, both = bank_builds(source, None, work / "real")
    for build in both:
        def build_for(url: str, build=build) -> Path:
            run_build(build, work / "real" / f"site-{build.name}", work / "real" / f"{build.name}.log", url)
            return work / "real" / f"site-{build.name}"

        with serve_site(build_for) as url:
            if not (args.no_browser or args.no_lighthouse):
                log(f"Lighthouse on {build.name}, {args.runs} run(s) per page")
                pages = {"home": "", "question": question_page(bank), "kit": "kit/"}
                results["lighthouse"][build.name] = lighthouse.measure(url, pages, args.runs)
    if not (args.no_browser or args.no_lighthouse):
        results["matching"] = matching_speed.measure_matching(source, work)


def environment(args: argparse.Namespace) -> dict:
    def git(*command: str) -> str:
        return subprocess.run(["git", *command], cwd=ROOT, capture_output=True, text=True).stdout.strip()

    return {"commit": git("rev-parse", "--short", "HEAD"),
            "uncommitted_changes": bool(git("status", "--porcelain", "--untracked-files=no")),
            "command": "make bench" + (f" ARGS='{' '.join(sys.argv[1:])}'" if sys.argv[1:] else ""),
            "runs": args.runs, "sizes": list(args.sizes), "cpus": os.cpu_count(), "python": platform.python_version(),
            "mkdocs_material": version("mkdocs-material"), "load_average_start": os.getloadavg()[0],
            "started": time.strftime("%Y-%m-%d %H:%M %Z")}


def markdown(results: dict) -> str:
    meta = results["meta"]
    parts = [f"`{meta['command']}` at {meta['commit']}{' (with uncommitted changes)' * meta['uncommitted_changes']}, "
             f"{meta['started']}: {meta['runs']} build(s) of each site per size; {meta['cpus']} CPUs, load average "
             f"{meta['load_average_start']:.1f} at the start and {meta['load_average_end']:.1f} at the end; "
             f"Python {meta['python']}, mkdocs-material {meta['mkdocs_material']}."]
    parts += [f"### {title}\n\n{table(results)}" for key, (title, table) in SECTIONS.items() if results[key]]
    return "\n\n".join(parts) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    results: dict = {"meta": environment(args), **{key: {} for key in SECTIONS}}
    try:
        with tempfile.TemporaryDirectory(prefix="qbank-bench-") as temporary:
            source = snapshot(Path(temporary) / "project")
            measure_real_bank(args, source, Path(temporary), results)
            for size in args.sizes:
                measure_size(size, args, source, Path(temporary), results)
    except BuildFailed as error:
        log(f"error: {error}")
        return 1
    results["meta"]["load_average_end"] = os.getloadavg()[0]
    text = markdown(results)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "bench.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    (args.out / "bench.md").write_text(text, encoding="utf-8")
    sys.stdout.write(text)
    log(f"wrote {args.out / 'bench.json'} and {args.out / 'bench.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
