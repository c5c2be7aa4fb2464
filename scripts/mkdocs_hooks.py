"""MkDocs glue: connect the build to the pure functions in `question_bank`.

One function per MkDocs event. The bank is loaded and validated once, in
`on_config`, before anything is written, so a bad data file stops the build
with the validator's message and no half-built site.
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

# MkDocs adds this file's folder to sys.path while it imports a hook.
from question_bank.export import (
    EXPORT_FILE,
    EXPORT_SCHEMA_FILE,
    KIT_DATA_FILE,
    export,
    export_schema,
    kit_data,
    kit_question,
    kit_question_path,
    to_json,
)
from question_bank.loader import MAX_BYTES_OVERRIDE, MAX_FILE_BYTES, BankError, load_bank
from question_bank.model import Bank
from question_bank.render import (
    description,
    inline_field_html,
    question_path,
    question_url,
    render_field_reference,
    render_index,
    render_question,
    render_redirect,
    render_scoring_rule,
)
from question_bank.csp import has_policy, site_policy, with_policy
from question_bank.safe_html import clean_page

BANK_FILE = "data/questions.yaml"
# Pagefind reads only what main.html marks with data-pagefind-body (each
# page's article); Material's permalink marks are not words to find.
PAGEFIND = [sys.executable, "-m", "pagefind", "--exclude-selectors", ".headerlink", "--site"]
# Tests and the benchmark build other banks by setting QUESTION_BANK.
BANK_OVERRIDE = "QUESTION_BANK"

# The page MkDocs compiles for each question is only a macro call; the macro
# returns the rendered Markdown, which mkdocs-macros does not render again.
PAGE_STUB = "---\nrender_macros: true\n---\n{{{{ question_page('{id}') }}}}\n"

bank: Bank
# `mkdocs serve` injects an inline live-reload script on every request, which
# a fixed policy cannot allow: the policy is written only by real builds.
serving = False
# Position of each question in the bank, by page path and by id: page
# rendering looks questions up once per page, which must not cost O(n).
position_by_page: dict[str, int] = {}
position_by_id: dict[str, int] = {}


def on_startup(command: str, dirty: bool) -> None:
    global serving
    serving = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global bank
    # The bank lives until the build ends: load it with the collector paused,
    # then freeze it so that later collections do not rescan it page after
    # page (measured: about 1 s of a 1,000-question build). Unfreezing first
    # lets `mkdocs serve` free the previous rebuild's bank.
    gc.unfreeze()
    gc.disable()
    try:
        bank = load_bank(
            Path(config.config_file_path).parent / os.environ.get(BANK_OVERRIDE, BANK_FILE),
            int(os.environ.get(MAX_BYTES_OVERRIDE, MAX_FILE_BYTES)),
        )
    except BankError as error:
        raise PluginError(str(error)) from None
    finally:
        gc.enable()
    gc.collect()
    gc.freeze()
    # Material prints site_description unescaped into an attribute.
    config.site_description = Markup(escape(bank.description))
    config.plugins["macros"].register_macros(
        {
            "question_page": lambda question_id: render_question(bank, position_by_id[question_id]),
            "question_table": lambda: render_index(bank),
            "bank_title": lambda: inline_field_html(bank.title),
            "bank_description": lambda: inline_field_html(bank.description),
            "question_count": lambda: len(bank.questions),
            "scoring_rule": render_scoring_rule,
            "field_reference": render_field_reference,
        }
    )
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    site_url = config.site_url or "/"
    files.append(File.generated(config, EXPORT_FILE, content=to_json(export(bank, site_url), compact=True)))
    files.append(File.generated(config, EXPORT_SCHEMA_FILE, content=to_json(export_schema())))
    files.append(File.generated(config, KIT_DATA_FILE, content=to_json(kit_data(bank), compact=True)))
    position_by_page.clear()
    position_by_id.clear()
    for position, question in enumerate(bank.questions):
        path = question_path(question.id)
        files.append(File.generated(config, path, content=PAGE_STUB.format(id=question.id)))
        kit_file = kit_question_path(question.id)
        files.append(File.generated(config, kit_file, content=to_json(kit_question(question), compact=True)))
        position_by_page[path] = position_by_id[question.id] = position
        for alias in question.aliases:
            redirect = render_redirect(f"../{question.id}/", question_url(site_url, question.id))
            files.append(File.generated(config, f"questions/{alias}/index.html", content=redirect))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    position = position_by_page.get(page.file.src_uri)
    if position is not None:
        # The page body is raw HTML, so MkDocs finds no heading to take the
        # title from. Markup keeps it escaped in every template that prints it.
        page.meta["title"] = Markup(escape(bank.questions[position].title))
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # Data reaches pages only through macros: every page that renders them is
    # sanitised as a whole before it is written, the second wall behind the
    # data renderer's own (see question_bank.safe_html).
    if page.meta.get("render_macros"):
        return clean_page(html)
    return html


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    position = position_by_page.get(page.file.src_uri)
    if position is None:
        return context
    question = bank.questions[position]
    # As with site_description: Markup carries the escaping with the value.
    page.meta["description"] = Markup(escape(description(question)))
    if config.repo_url and config.edit_uri:
        # A question is edited in the data file, not in a page under docs/.
        branch_root = config.edit_uri.rsplit("docs/", 1)[0]
        page.edit_url = urljoin(urljoin(config.repo_url.rstrip("/") + "/", branch_root), BANK_FILE)
    return context


def on_post_build(config: MkDocsConfig) -> None:
    index_for_search(config.site_dir)
    if serving:
        return
    # Every page gets the same policy, so it is known only once all pages are
    # written. Redirect pages carry their own, stricter one.
    pages = [path for path in Path(config.site_dir).rglob("*.html") if not has_policy(path.read_text("utf-8"))]
    texts = [path.read_text("utf-8") for path in pages]
    content = site_policy(texts)
    for path, html in zip(pages, texts):
        path.write_text(with_policy(html, content), "utf-8")


def index_for_search(site_dir: str) -> None:
    """Write Pagefind's index into site/pagefind/, also under `mkdocs serve`."""
    result = subprocess.run([*PAGEFIND, site_dir], capture_output=True, text=True)
    if result.returncode != 0:
        raise PluginError(f"Pagefind could not index {site_dir}:\n{result.stdout}{result.stderr}")
