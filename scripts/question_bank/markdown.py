"""Markdown from the YAML, made safe to hand to Python-Markdown.

Python-Markdown passes raw HTML straight through and the `attr_list` extension
turns `{: onclick=... }` into attributes, so text from the data could become
live markup. `neutralise` escapes those characters in prose while leaving code
(fenced blocks and inline code spans) exactly as written, because Markdown
already shows code literally.

It also escapes underscores in prose: Python-Markdown reads `__init__` as bold
"init", and questions about Python mention dunder names all the time. Emphasis
in the data is therefore written with `*asterisks*`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# An opening fence: up to any indentation (fences may sit inside list items),
# three or more backticks or tildes, then the info string.
_FENCE_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`\n]*?)[ \t]*$")

# Characters that would let prose reach the HTML or the attribute list.
# Backslash escapes work for the Markdown syntax characters; `<` and `&` need
# entities, which Markdown renders as the literal character.
_PROSE_ESCAPES = {
    "<": "&lt;",
    "&": "&amp;",
    "{": "\\{",
    "}": "\\}",
    "_": "\\_",
}
_PROSE_SPECIALS = re.compile("[<&{}_]")
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)

# Link targets that run code when clicked. Only the validator needs this; it
# lives here beside the other rules about Markdown in the data.
UNSAFE_LINK = re.compile(r"\]\(\s*<?\s*(?:javascript|vbscript|data):", re.IGNORECASE)


@dataclass(frozen=True)
class Fence:
    """A fenced code block inside a Markdown field."""

    language: str
    code: str
    line: int  # 0-based line of the opening fence within the field
    output: str | None = None  # the `Output:` block that follows it, if any


def _escape_prose(text: str) -> str:
    return _PROSE_SPECIALS.sub(lambda m: _PROSE_ESCAPES[m.group()], text)


def _neutralise_inline(text: str) -> str:
    """Escape prose but keep inline code spans verbatim."""
    parts: list[str] = []
    position = 0
    for span in _CODE_SPAN.finditer(text):
        parts.append(_escape_prose(text[position : span.start()]))
        parts.append(span.group())
        position = span.end()
    parts.append(_escape_prose(text[position:]))
    return "".join(parts)


def _split_blocks(text: str) -> list[tuple[bool, list[str], int]]:
    """Split Markdown into runs of prose lines and fenced code blocks.

    Returns (is_code, lines, first_line_number) triples. An unclosed fence runs
    to the end of the text, as it does in Markdown.
    """
    blocks: list[tuple[bool, list[str], int]] = []
    lines = text.split("\n")
    prose: list[str] = []
    prose_start = 0
    index = 0
    while index < len(lines):
        opening = _FENCE_OPEN.match(lines[index])
        if not opening:
            prose.append(lines[index])
            index += 1
            continue
        if prose:
            blocks.append((False, prose, prose_start))
            prose = []
        fence = opening.group("fence")
        start = index
        index += 1
        while index < len(lines):
            closing = lines[index].strip()
            if closing.startswith(fence[0] * len(fence)) and set(closing) == {fence[0]}:
                index += 1
                break
            index += 1
        blocks.append((True, lines[start:index], start))
        prose_start = index
    if prose:
        blocks.append((False, prose, prose_start))
    return blocks


def neutralise(text: str) -> str:
    """Return Markdown that renders `text` with no live HTML, attributes or Jinja.

    Prose is escaped, code is untouched. Paragraph structure, lists, emphasis
    with asterisks, links and code spans keep working.
    """
    rendered: list[str] = []
    for is_code, lines, _ in _split_blocks(text):
        if is_code:
            rendered.append("\n".join(lines))
        else:
            rendered.append(_neutralise_inline("\n".join(lines)))
    return "\n".join(rendered)


def fences(text: str) -> list[Fence]:
    """The fenced code blocks of a Markdown field, with their expected output.

    A ```python block followed by a paragraph that is exactly `Output:` and a
    ```text block has that text as its expected output; the text block is then
    part of the example, not an example of its own.
    """
    blocks = _split_blocks(text)
    found: list[Fence] = []
    index = 0
    while index < len(blocks):
        is_code, lines, line = blocks[index]
        index += 1
        if not is_code:
            continue
        language = _FENCE_OPEN.match(lines[0]).group("info").split()[0:1]
        code = _dedent_fence(lines)
        output = None
        if language == ["python"] and index + 1 < len(blocks):
            between, following = blocks[index], blocks[index + 1]
            if (
                not between[0]
                and [row.strip() for row in between[1] if row.strip()] == ["Output:"]
                and following[0]
                and _FENCE_OPEN.match(following[1][0]).group("info").split()[0:1] == ["text"]
            ):
                output = _dedent_fence(following[1])
                index += 2
        found.append(Fence(language=language[0] if language else "", code=code, line=line, output=output))
    return found


def _dedent_fence(lines: list[str]) -> str:
    indent = len(lines[0]) - len(lines[0].lstrip())
    closed = len(lines) > 1 and _is_closing(lines[-1], lines[0].strip())
    body = lines[1:-1] if closed else lines[1:]
    return "\n".join(row[indent:] if not row[:indent].strip() else row.lstrip() for row in body) + "\n"


def _is_closing(line: str, opening: str) -> bool:
    mark = opening[0]
    run = len(opening) - len(opening.lstrip(mark))
    stripped = line.strip()
    return len(stripped) >= run and set(stripped) == {mark}


def unclosed_fence(text: str) -> int | None:
    """Line (0-based) of a fence that is never closed, if there is one."""
    for is_code, lines, line in _split_blocks(text):
        if is_code and not (len(lines) > 1 and _is_closing(lines[-1], lines[0].strip())):
            return line
    return None
