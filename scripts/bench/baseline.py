"""Build B of the benchmark: the same pages as plain Markdown files, for plain Material.

B's docs/ is captured from an untimed build of A (see `bench.capture`): every
page holds exactly the Markdown that A hands to Python-Markdown (same
admonitions, `???` details, tables, tabs), and every file A generates in
memory (question pages, JSON exports, redirects) is a plain file. So B has the
same content, written ahead of time as an author without our data file would
have it; what it lacks is what the benchmark measures: our hook, mkdocs-macros,
the theme overrides and our CSS and JavaScript.

Capturing from a real build, rather than calling our render functions again,
keeps B in step with the hook as it changes, with no second copy of its logic.

Both configs inherit ours (`INHERIT`), so the theme settings, markdown
extensions, nav and validation are the same; they replace only the keys that
plug our code in, and paths, which INHERIT would resolve from the new file.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

from .builds import ROOT, Build, run_build
from .capture import DESTINATION

# Inside the project folder (or its snapshot) that is built.
SITE_CONFIG = "mkdocs.yml"
CAPTURE_HOOK = Path(__file__).resolve().with_name("capture.py").relative_to(ROOT)
# `custom_dir` can be replaced through INHERIT but not removed; an empty
# folder overrides nothing.
NO_OVERRIDES = "no-overrides"


def capture_config(source: Path) -> dict:
    """Our site exactly, from another folder, with the capture hook after ours."""
    with (source / SITE_CONFIG).open(encoding="utf-8") as file:
        site = yaml_load(file)
    theme = site.get("theme", {})
    return {
        "INHERIT": str(source / SITE_CONFIG),
        "docs_dir": str(source / site.get("docs_dir", "docs")),
        "theme": {"custom_dir": str(source / theme["custom_dir"])} if "custom_dir" in theme else {},
        "hooks": [*(str(source / hook) for hook in site.get("hooks", [])), str(source / CAPTURE_HOOK)],
        "watch": [],
    }


def baseline_config(bank: dict, source: Path) -> dict:
    return {
        "INHERIT": str(source / SITE_CONFIG),
        # Ours is set by the hook from the bank; plain Material reads it from here.
        "site_description": bank["description"],
        "theme": {"custom_dir": NO_OVERRIDES},
        "extra_css": [],
        "extra_javascript": [],
        "hooks": [],
        "plugins": ["search"],
        "watch": [],
    }


def _write_config(path: Path, config: dict) -> Path:
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def write_baseline(bank: dict, bank_file: Path, folder: Path, source: Path) -> Path:
    """Capture B's docs/ from a build of A (from `source`) into `folder`; return B's config file."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / NO_OVERRIDES).mkdir(exist_ok=True)
    capture = Build("capture", source, bank_file, _write_config(folder / "capture.yml", capture_config(source)),
                    extra_environment={DESTINATION: str(folder / "docs")})
    run_build(capture, folder / "capture-site", folder / "capture.log")
    shutil.rmtree(folder / "capture-site")
    return _write_config(folder / "mkdocs.yml", baseline_config(bank, source))
