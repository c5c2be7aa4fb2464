"""The Content-Security-Policy, computed from pages without building a site.

The built site's policy is checked in test_site.py and enforced in Chromium by
browser/test_trust.py; these tests pin the rules that produce it.
"""

from __future__ import annotations

import base64
import hashlib

import pytest
from question_bank.csp import has_policy, inline_code, policy, site_policy, with_policy

SCRIPT = "console.log('hi')"
STYLE = "body { color: red }"


def sha256(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode("ascii") + "'"


def directives(text: str) -> dict[str, list[str]]:
    return {name: sources for name, *sources in (part.split() for part in text.split("; "))}


def test_inline_scripts_and_styles_are_hashed_exactly() -> None:
    found = inline_code(f"<head><script>{SCRIPT}</script><style>{STYLE}</style></head><p>text</p>")
    assert found.scripts == {sha256(SCRIPT)}
    assert found.styles == {sha256(STYLE)}


def test_entities_in_a_script_are_hashed_as_written() -> None:
    # The browser hashes the script's source text: `&amp;` is not decoded inside <script>.
    code = "a &amp;&amp; b < c"
    assert inline_code(f"<script>{code}</script>").scripts == {sha256(code)}


@pytest.mark.parametrize(
    "html",
    [
        '<script src="/assets/app.js"></script>',
        '<script type="application/json">{"a": 1}</script>',
        '<script type="application/ld+json">{"@type": "Thing"}</script>',
        "<p>no code at all</p>",
    ],
    ids=["external", "json-data", "json-ld-data", "none"],
)
def test_what_does_not_run_inline_is_not_allowed(html: str) -> None:
    found = inline_code(html)
    assert found.scripts == set() and found.styles == set()


def test_text_after_a_script_is_not_part_of_it() -> None:
    found = inline_code(f"<script>{SCRIPT}</script><p>after</p><style>{STYLE}</style><p>more</p>")
    assert found.scripts == {sha256(SCRIPT)} and found.styles == {sha256(STYLE)}


def test_the_policy_allows_only_the_site_and_the_inline_code_it_holds() -> None:
    text = policy(inline_code(f"<script>{SCRIPT}</script><script>b()</script><style>{STYLE}</style>"))
    assert directives(text) == {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'wasm-unsafe-eval'", *sorted([sha256(SCRIPT), sha256("b()")])],
        "style-src": ["'self'", sha256(STYLE)],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }


def test_one_policy_covers_the_inline_code_of_every_page() -> None:
    pages = [f"<script>{SCRIPT}</script>", f"<style>{STYLE}</style>", "<script>other()</script>", "<p>plain</p>"]
    found = directives(site_policy(pages))
    assert found["script-src"] == ["'self'", "'wasm-unsafe-eval'", *sorted([sha256(SCRIPT), sha256("other()")])]
    assert found["style-src"] == ["'self'", sha256(STYLE)]


PAGE = '<!doctype html><html><head><meta charset="utf-8"><title>t</title><script>x()</script></head><body></body></html>'
META = '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'">'


def test_the_policy_goes_right_after_the_charset_and_before_any_script() -> None:
    html = with_policy(PAGE, "default-src 'self'")
    assert html == PAGE.replace('<meta charset="utf-8">', '<meta charset="utf-8">\n' + META)
    assert has_policy(html) and not has_policy(PAGE)


def test_without_a_charset_the_policy_opens_the_head() -> None:
    page = "<html><head><title>t</title></head></html>"
    assert with_policy(page, "default-src 'self'") == page.replace("<head>", "<head>\n" + META)


def test_a_charset_outside_the_head_does_not_place_the_policy() -> None:
    page = '<meta charset="utf-8"><html><head><title>t</title></head></html>'
    assert with_policy(page, "default-src 'self'") == page.replace("<head>", "<head>\n" + META)


def test_a_page_without_a_head_is_refused() -> None:
    with pytest.raises(ValueError, match="^the page has no <head> to carry its Content-Security-Policy$"):
        with_policy("<p>fragment</p>", "default-src 'self'")


def test_a_page_may_open_with_its_head() -> None:
    page = "<head><title>t</title></head>"
    assert with_policy(page, "default-src 'self'") == page.replace("<head>", "<head>\n" + META)


def test_the_policy_goes_into_the_real_head_not_a_mention_in_the_body() -> None:
    # A script that writes the words must not pull the policy down after it.
    page = PAGE.replace("<body>", '<body><script>w("<head>", \'<meta charset="utf-8">\')</script>')
    html = with_policy(page, "default-src 'self'")
    assert html == page.replace('<meta charset="utf-8"><title>', '<meta charset="utf-8">\n' + META + "<title>", 1)


def test_an_external_script_after_an_inline_one_adds_nothing() -> None:
    found = inline_code(f'<script>{SCRIPT}</script><p>text</p><script src="/app.js"></script><style>{STYLE}</style>')
    assert (found.scripts, found.styles) == ({sha256(SCRIPT)}, {sha256(STYLE)})
