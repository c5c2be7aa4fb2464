"""A build hook, for the benchmark only: write out what build A gives MkDocs, as build B's docs/.

`bench.builds` adds it after our own hook. For each page it writes the Markdown as
Python-Markdown receives it (after our hook and mkdocs-macros), under the page's front
matter; for each other file of the site, generated or not, its bytes. It leaves out our
CSS and JavaScript and the theme's files, which plain Material brings itself.
"""

from __future__ import annotations

import os
from pathlib import Path

import yaml

DESTINATION = "BENCH_BASELINE_DOCS"


def _write(src_uri: str, content: bytes) -> None:
    target = Path(os.environ[DESTINATION], src_uri)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)


def on_files(files, config):
    ours = {str(asset) for asset in (*config.extra_css, *config.extra_javascript)}
    for file in files:
        from_site = file.generated_by or (file.src_dir and Path(file.src_dir) == Path(config.docs_dir))
        if from_site and not file.is_documentation_page() and file.src_uri not in ours:
            _write(file.src_uri, file.content_bytes)
    return files


def on_page_markdown(markdown, page, config, files):
    # Titles are Markup (escaped text), which YAML's safe dumper does not know;
    # `render_macros` is read by mkdocs-macros only, which B does not have.
    meta = {key: str(value) if isinstance(value, str) else value
            for key, value in page.meta.items() if key != "render_macros"}
    front_matter = f"---\n{yaml.safe_dump(meta, sort_keys=False, allow_unicode=True)}---\n\n" if meta else ""
    _write(page.file.src_uri, (front_matter + markdown).encode("utf-8"))
    return markdown
