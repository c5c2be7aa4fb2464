"""Markdown from the data: rendered without raw HTML, sanitised with an allowlist,
and its fences found by a linear scan."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from question_bank.markdown import fenced_blocks, fences, split_at_first_fence
from question_bank.safe_html import LINK_SCAN_LIMIT, clean_data, clean_page, inline_html, markdown_html, render

# Each of these once left a live <img onerror> on a page, through a regex
# neutraliser that guessed Markdown's parse (issue #9).
PARSER_CONFUSION = {
    "backslash-before-backtick": "T \\`<img src=x onerror=alert(1)>`",
    "code-span-across-paragraphs": "Opens `here\n\n<img src=x onerror=alert(1)> and closes` later.",
    "unclosed-tilde-fence": "~~~\n<img src=x onerror=alert(1)>",
    "rejected-info-string": "~~~ !!!\n<img src=x onerror=alert(1)>\n~~~",
    "attribute-list-after-code-span": "`x`{: autofocus onfocus=alert(1) }",
    "heading-with-escaped-backtick": "## T \\`<img src=x onerror=alert(1)>`",
    "table-cell": "| a | b |\n| --- | --- |\n| \\`<img src=x onerror=alert(1)>` | <img src=x onerror=alert(1)> |",
    "raw-block": '<div onclick="alert(1)">block</div>',
    "script": "<script>alert(1)</script>",
    "svg": '<svg onload="alert(1)"></svg>',
    "iframe": '<iframe src="https://example.org"></iframe>',
    "style": "<style>body{display:none}</style>",
    "comment": "<!-- hidden -->",
}


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, attrs))


def elements(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    parser = _Elements()
    parser.feed(html)
    return parser.found


@pytest.mark.parametrize("text", PARSER_CONFUSION.values(), ids=PARSER_CONFUSION)
def test_raw_html_in_data_is_text(text: str) -> None:
    html = markdown_html(text)
    live = elements(html)
    assert not {tag for tag, _ in live} & {"img", "script", "svg", "iframe", "style", "div"}, html
    assert not [name for _, attrs in live for name, _ in attrs if name.startswith("on") or name == "autofocus"], html
    assert "<!--" not in html


def test_attribute_lists_stay_literal() -> None:
    assert markdown_html("A paragraph {: .evil onclick=x }") == "<p>A paragraph {: .evil onclick=x }</p>"


def test_dunder_names_keep_their_underscores() -> None:
    assert markdown_html("Override __new__ and __init__, not _private_.") == (
        "<p>Override __new__ and __init__, not _private_.</p>"
    )


def test_prose_still_renders_as_markdown() -> None:
    html = markdown_html("*em* **strong** `code` [link](https://docs.python.org/3/)\n\n- one\n- two")
    assert "<em>em</em>" in html and "<strong>strong</strong>" in html and "<code>code</code>" in html
    assert '<a href="https://docs.python.org/3/">link</a>' in html
    assert "<ul>\n<li>one</li>" in html


def test_code_is_highlighted_and_keeps_its_text() -> None:
    html = markdown_html('```python\nprint("<b>{{ x }}</b>")\n```')
    assert html.startswith('<div class="highlight"><pre>')
    assert "&lt;b&gt;{{ x }}&lt;/b&gt;" in html
    assert '<span class="nb">print</span>' in html


LINKS = {
    "javascript": "[x](javascript:alert(1))",
    "reference-style": "[x][e]\n\n[e]: javascript:alert(1)",
    "control-character": "[x](\x01javascript:alert(1))",
    "entity-encoded": "[x](java&#x09;script:alert(1))",
    "vbscript": "[x](vbscript:msgbox(1))",
    "data": "[x](data:text/html,<script>alert(1)</script>)",
}


@pytest.mark.parametrize("text", LINKS.values(), ids=LINKS)
def test_unsafe_link_targets_are_dropped(text: str) -> None:
    html = markdown_html(text)
    assert "href" not in html and "<a>x</a>" in html


@pytest.mark.parametrize("href", ["https://a.b/c", "http://a.b", "mailto:x@y.z", "#frag", "../gil/"])
def test_safe_link_targets_are_kept(href: str) -> None:
    assert f'href="{href}"' in markdown_html(f"[x]({href})")


ALLOWLIST = {
    # (html, what survives)
    "event-handler": ('<p onclick="x">t</p>', "<p>t</p>"),
    "style-attribute": ('<p style="color:red">t</p>', "<p>t</p>"),
    "foreign-class": ('<span class="evil">t</span>', '<span class="">t</span>'),
    "pygments-class": ('<span class="nf">t</span>', '<span class="nf">t</span>'),
    "form-control": ('<input type="checkbox" autofocus>', ""),
    "image": ('<img src="x.png">', ""),
    "object": ('<object data="x"></object>', ""),
}


@pytest.mark.parametrize(("html", "kept"), ALLOWLIST.values(), ids=ALLOWLIST)
def test_data_allowlist(html: str, kept: str) -> None:
    assert clean_data(html) == kept


def test_page_allowlist_keeps_the_templates_structure_only() -> None:
    page = (
        '<section class="qb-card" aria-labelledby="t"><h2 id="t">Card</h2></section>'
        '<details class="tip"><summary>More</summary><p>x</p></details>'
        '<nav class="qb-pager" data-pagefind-ignore><a rel="prev" href="../a/">A</a></nav>'
    )
    assert clean_page(page) == page.replace("data-pagefind-ignore>", 'data-pagefind-ignore="">')
    assert clean_page('<details open ontoggle="x"><summary>s</summary></details>') == '<details open=""><summary>s</summary></details>'
    assert clean_page('<svg onload="x"></svg><script>x</script><form action="/"></form>') == ""


def test_inline_fields_lose_only_their_paragraph() -> None:
    assert inline_html("A *title* with `code`") == "A <em>title</em> with <code>code</code>"
    assert inline_html("One\n\nTwo") == "<p>One</p>\n<p>Two</p>", "two paragraphs stay two"


def test_render_reports_depth_links_images_and_code_blocks() -> None:
    rendered = render("> - [a](https://a.b)\n>   - ![i](x.png)\n\n```python\npass\n```\n\n    indented")
    assert rendered.links == ["https://a.b"]
    assert rendered.images == 1
    assert rendered.code_blocks == 2
    assert rendered.depth == 4  # blockquote > ul > li > a


# The fence scanner: what the examples and the validator see.


def test_fences_with_their_expected_output() -> None:
    text = "Intro\n\n```python\nprint(1)\n```\n\npytest output:\n\n```text\n1 passed\n```\n\n~~~toml\na = 1\n~~~\n"
    found = fences(text)
    assert [(f.language, f.runner, f.output) for f in found] == [("python", "pytest", "1 passed\n"), ("toml", None, None)]
    assert fenced_blocks(text) == 3


def test_fence_inside_a_list_item_is_dedented() -> None:
    [fence] = fences("- item\n\n    ```python\n    if True:\n        pass\n    ```\n")
    assert fence.code == "if True:\n    pass\n"


def test_unclosed_fence_is_reported() -> None:
    [fence] = fences("```python\nprint(1)\n")
    assert not fence.closed and fence.line == 0


def test_backtick_in_a_backtick_info_string_is_not_a_fence() -> None:
    # As in CommonMark: the first line is prose, so the last one opens a fence.
    [fence] = fences("``` a`b\ncode\n```")
    assert (fence.line, fence.closed) == (2, False)


# Link text is found by a bounded scan (safe_html._link_text), not Python-Markdown's own.


def test_two_links_in_one_paragraph_are_both_links() -> None:
    html = markdown_html("See [one](https://a.b/1) and [two](https://a.b/2).")
    assert html == '<p>See <a href="https://a.b/1">one</a> and <a href="https://a.b/2">two</a>.</p>'


def test_brackets_inside_link_text_are_matched() -> None:
    html = markdown_html("[a [nested] text](https://a.b) after]")
    assert html == '<p><a href="https://a.b">a [nested] text</a> after]</p>'


def test_a_link_far_into_a_paragraph_is_still_a_link() -> None:
    # The scan window starts at the link, not at the start of the paragraph.
    prose = "word " * (LINK_SCAN_LIMIT // 5 + 20)
    assert markdown_html(f"{prose}[late](https://a.b)").endswith('<a href="https://a.b">late</a></p>')


def test_link_text_longer_than_the_scan_window_stays_text() -> None:
    text = "[" + "x" * (LINK_SCAN_LIMIT + 10) + "](https://a.b)"
    assert "href" not in markdown_html(text)


# What the renderer is configured to do, seen in its output.


def test_a_numbered_list_split_by_code_keeps_counting() -> None:
    html = markdown_html("1. Write the test.\n\n```python\nassert f() == 1\n```\n\n2. Run it.")
    assert '<ol start="2">\n<li>Run it.</li>' in html


def test_tables_render_as_tables() -> None:
    assert markdown_html("| a | b |\n| - | - |\n| 1 | 2 |").startswith("<table>\n<thead>\n<tr>\n<th>a</th>")


def test_a_field_too_deep_to_render_does_not_break_the_next() -> None:
    render.cache_clear()
    with pytest.raises(RecursionError):
        render("- " * 3000 + "x")
    assert render("See [the docs](https://a.b).").html == '<p>See <a href="https://a.b">the docs</a>.</p>'


def test_render_reports_every_link_target_and_only_targets() -> None:
    assert render('[a](https://a.b "A title") and [b]()').links == ["https://a.b", ""]


def test_depth_counts_nesting_not_elements_seen() -> None:
    # blockquote > blockquote > p, then a third blockquote beside that p, holding one: 4 deep.
    assert render("> > a\n>\n> > > b").depth == 4


def test_a_link_text_made_of_a_bracketed_word() -> None:
    assert markdown_html("[[a]](https://a.b)") == '<p><a href="https://a.b">[a]</a></p>'


def test_an_output_block_at_the_very_end_belongs_to_its_fence() -> None:
    [fence] = fences("```python\nprint(1)\n```\nOutput:\n```text\n1\n```")
    assert (fence.output, fence.runner) == ("1\n", "python")


def test_a_fence_right_after_an_output_block_is_its_own_example() -> None:
    found = fences("```python\nprint(1)\n```\nOutput:\n```text\n1\n```\n```python\nprint(2)\n```")
    assert [(f.code, f.output) for f in found] == [("print(1)\n", "1\n"), ("print(2)\n", None)]


def test_a_text_block_after_prose_that_is_no_label_is_not_an_output() -> None:
    found = fences("```python\nprint(1)\n```\nThen this:\n```text\n1\n```")
    assert [(f.language, f.output) for f in found] == [("python", None), ("text", None)]


def test_an_unclosed_fence_keeps_its_last_line_and_an_empty_one_closes() -> None:
    [unclosed] = fences("```python\nprint(1)\nprint(2)")
    assert (unclosed.code, unclosed.closed) == ("print(1)\nprint(2)\n", False)
    [empty] = fences("```text\n```")
    assert (empty.code, empty.closed, empty.language) == ("\n", True, "text")
    assert fences("```\nx\n```")[0].language == ""


def test_a_line_indented_less_than_its_fence_loses_only_its_indentation() -> None:
    [fence] = fences("  ```python\n x = 1\n    y = 2\n  ```")
    assert fence.code == "x = 1\n  y = 2\n"


@pytest.mark.parametrize("prefix", ["\xa0", "X"])
def test_a_fence_is_opened_only_by_spaces_and_tabs_before_it(prefix: str) -> None:
    # The renderer opens no fence there either: the closing line then opens one.
    [fence] = fences(f"{prefix}```python\nx\n```")
    assert (fence.line, fence.closed) == (2, False)


def test_the_prose_before_the_first_fence() -> None:
    text = "Fix this:\nplease.\n\n```python\nx = 1\n```\nAfter."
    assert split_at_first_fence(text) == ("Fix this:\nplease.\n", "```python\nx = 1\n```\nAfter.")
    assert split_at_first_fence("No code.\nAt all.") == ("No code.\nAt all.", "")


def test_a_label_is_a_line_of_its_own() -> None:
    # "Output:" followed by more prose is prose: the text block after it is an example of its own.
    found = fences("```python\nprint(1)\n```\nOutput:\nwhich is one line.\n```text\n1\n```")
    assert [(f.language, f.output) for f in found] == [("python", None), ("text", None)]
