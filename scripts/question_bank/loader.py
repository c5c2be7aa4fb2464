"""Load `data/questions.yaml` into a validated `Bank`, or explain what is wrong.

Every problem becomes a `BankProblem` that names the file, line, question id
and field, says what was expected and how to fix it. `load_bank` raises
`BankError` with all of them; callers print `str(error)`, never a traceback.

The YAML is parsed in two steps so that errors can point at lines: `compose`
builds the node tree (which carries line numbers), we walk it once to record
where each value sits and to refuse what a data file has no business holding
(anchors and aliases, which make alias bombs possible; tags that construct
objects; duplicate keys, which YAML silently resolves by dropping one value),
then build plain Python values from it and validate them with pydantic.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from .examples import CHECKS  # the checkers define which fence languages exist
from .markdown import fenced_blocks, fences
from .model import LEVELS, SLUG_PATTERN, SOURCE_PATTERN, Bank
from .safe_html import LINK_SCHEMES, render

# libyaml's C loader is ~40x faster than the pure-Python one; fall back so that
# a machine without libyaml still builds, only slower.
SafeLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Tags a plain data file produces. Anything else (`!!python/object`, a custom
# `!tag`) asks the loader to construct something, and is refused.
PLAIN_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
)

Path_ = tuple[str | int, ...]

# Limits that keep a build fast and the parsers safe whatever the file holds.
# A whole file: 4 MiB is ~30 times today's 40 questions (about 15 KB each).
# The benchmark, which builds banks of thousands, raises it with MAX_BYTES_OVERRIDE.
MAX_FILE_BYTES = 4 * 1024 * 1024
MAX_BYTES_OVERRIDE = "QUESTION_BANK_MAX_BYTES"
# One Markdown field: the longest answer today is under 8,000 characters.
MAX_FIELD_CHARS = 12_000
# YAML nesting: the bank is at most 6 deep (questions > question > follow_ups
# > item > text); deeper input would only exhaust the parser's stack.
MAX_YAML_DEPTH = 12
# Nested elements in one rendered field: lists in lists in a quote stay far
# below this; Python-Markdown itself fails near a thousand.
MAX_MARKDOWN_DEPTH = 24


@dataclass(frozen=True)
class BankProblem:
    file: str
    line: int  # 1-based
    message: str
    question: str | None = None
    field: str | None = None
    fix: str | None = None

    def __str__(self) -> str:
        where = [f"{self.file}:{self.line}"]
        if self.question:
            where.append(f"question '{self.question}'")
        if self.field:
            where.append(f"field '{self.field}'")
        text = f"{': '.join(where)}: {self.message}"
        return f"{text}\n    fix: {self.fix}" if self.fix else text


class BankError(Exception):
    def __init__(self, problems: list[BankProblem]):
        self.problems = problems
        count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
        super().__init__(f"{count} in the question bank:\n" + "\n".join(f"  {p}" for p in problems))


@dataclass
class _Located:
    """Plain values built from the YAML, with the line of every path in them."""

    data: Any
    lines: dict[Path_, int]
    blocks: set[Path_]  # literal or folded block scalars (`|`, `>`): their text starts a line below the key

    def line_of(self, path: Path_) -> int:
        # The innermost path that was recorded: a missing field reports the
        # line of the mapping that should have held it.
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path, 1)


def _problem_at(file: str, mark: yaml.Mark | None, message: str, fix: str) -> BankProblem:
    return BankProblem(file, (mark.line + 1) if mark else 1, message, fix=fix)


def _decode(raw: bytes, file: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise BankError(
            [BankProblem(file, line, f"the file is not UTF-8 (byte 0x{raw[error.start]:02x})",
                         fix="save the file as UTF-8 in your editor")]
        ) from None


def _check_size(raw: bytes, file: str, max_bytes: int) -> None:
    if len(raw) > max_bytes:
        raise BankError([BankProblem(file, 1, f"the file is {len(raw):,} bytes, over the limit of {max_bytes:,}",
                                     fix="split very long answers, or raise MAX_FILE_BYTES in loader.py with a reason")])


def _malformed(error: yaml.YAMLError, file: str) -> BankError:
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        column = f", column {mark.column + 1}" if mark else ""
        return BankError([_problem_at(file, mark, f"malformed YAML{column}: {error.problem or error.context}",
                                      "check indentation and quoting on this line and the one above")])
    return BankError([BankProblem(file, 1, f"malformed YAML: {error}", fix="check the file's syntax")])


def _check_depth(text: str, file: str) -> None:
    """Refuse deep nesting from the event stream, before the recursive composer sees it."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=SafeLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_YAML_DEPTH:
                    raise BankError([_problem_at(file, event.start_mark,
                                                 f"lists and mappings are nested more than {MAX_YAML_DEPTH} deep here",
                                                 "flatten it: a question's fields are at most a few levels deep")])
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError as error:
        raise _malformed(error, file) from None


def _compose(text: str, file: str) -> yaml.Node | None:
    loader = SafeLoader(text)
    try:
        return loader.get_single_node()
    except yaml.YAMLError as error:
        raise _malformed(error, file) from None
    finally:
        loader.dispose()


def _construct(node: yaml.Node, file: str) -> _Located:
    lines: dict[Path_, int] = {}
    blocks: set[Path_] = set()
    problems: list[BankProblem] = []
    seen: set[int] = set()
    constructor = yaml.SafeLoader("")  # only its scalar resolution is used

    def build(node: yaml.Node, path: Path_) -> Any:
        # A node reached twice is an alias (`*name`). Refusing it here, on
        # the first repeat, also stops alias bombs before they can expand.
        if id(node) in seen:
            if not any(p.message.startswith("the value anchored") for p in problems):
                problems.append(_problem_at(file, node.start_mark,
                                            "the value anchored on this line (&name) is reused with *name; "
                                            "anchors and aliases are not allowed", "write the value out in full"))
            return None
        seen.add(id(node))
        lines.setdefault(path, node.start_mark.line + 1)
        if node.tag not in PLAIN_TAGS:
            problems.append(_problem_at(file, node.start_mark, f"the YAML tag '{node.tag}' is not allowed",
                                        "remove the tag; the bank holds plain text, numbers and lists"))
            return None
        if isinstance(node, yaml.MappingNode):
            mapping: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = build(key_node, path)
                if key in mapping:
                    problems.append(_problem_at(file, key_node.start_mark, f"the key '{key}' appears twice here",
                                                "keep one of them; YAML would silently drop the other"))
                    continue
                lines[(*path, key)] = key_node.start_mark.line + 1
                mapping[key] = build(value_node, (*path, key))
            return mapping
        if isinstance(node, yaml.SequenceNode):
            return [build(item, (*path, index)) for index, item in enumerate(node.value)]
        if node.style in ("|", ">"):
            blocks.add(path)
        try:
            return constructor.construct_object(node)
        except ValueError as error:  # a date that does not exist (2026-13-45), an int past Python's digit limit
            problems.append(_problem_at(file, node.start_mark, f"the value '{node.value[:40]}' cannot be read: {error}",
                                        "write a real date as YYYY-MM-DD, or quote the value to keep it as text"))
            return None

    data = build(node, ())
    if problems:
        raise BankError(problems)
    return _Located(data, lines, blocks)


def _question_id(located: _Located, path: Path_) -> str | None:
    if len(path) >= 2 and path[0] == "questions" and isinstance(path[1], int):
        questions = located.data.get("questions") if isinstance(located.data, dict) else None
        item = questions[path[1]] if isinstance(questions, list) and path[1] < len(questions) else None
        found = item.get("id") if isinstance(item, dict) else None
        return str(found) if found is not None else f"#{path[1] + 1}"  # a question without an id, or not a mapping
    return None


def _field_name(path: Path_) -> str | None:
    inner = path[2:] if path[:1] == ("questions",) and len(path) > 1 else path
    return ".".join(str(part) for part in inner) or None


def _describe(value: Any) -> str:
    kinds = {str: "text", int: "a number", float: "a number", bool: "true/false", list: "a list", dict: "a mapping"}
    return "nothing" if value is None else kinds.get(type(value), type(value).__name__)


# What each kind of pydantic error means for someone editing the YAML.
_EXPLAIN: dict[str, tuple[str, str]] = {
    "missing": ("this required field is missing", "add it; see the template at the top of the file"),
    "extra_forbidden": ("unknown field", "check the spelling against the template at the top of the file, or remove it"),
    "string_type": ("expected text, got {got}", "put the value in quotes"),
    "int_type": ("expected a whole number, got {got}", "write a plain number without quotes, e.g. 10"),
    "list_type": ("expected a list, got {got}", "write a list, e.g. [first, second] or one '- item' per line"),
    "model_type": ("expected a mapping of fields, got {got}", "indent the fields under this key"),
    "dict_type": ("expected a mapping of fields, got {got}", "indent the fields under this key"),
    "literal_error": ("expected {expected}, got {input!r}", "use one of the allowed values"),
    "date_type": ("expected a date, got {got}", "write it as YYYY-MM-DD without quotes, e.g. 2026-11-24"),
    "string_too_short": ("must not be empty", "write the text, or remove the field if it is optional"),
    "string_too_long": ("is too long (at most {max_length} characters)", "shorten it"),
    "too_short": ("needs at least {min_length} item(s)", "add the missing items; see the template at the top of the file"),
    "too_long": ("is too long: at most {max_length} allowed", "shorten it, or keep only the most important items"),
    "greater_than_equal": ("must be at least {ge}", "use a realistic number of minutes"),
    "less_than_equal": ("must be at most {le}", "use a realistic number of minutes, or split the question"),
    "value_error": ("must not be blank", "write the text, or remove the field if it is optional"),
}


# What each pattern a value must match means, for the same reader.
_PATTERNS: dict[str, tuple[str, str]] = {
    SLUG_PATTERN: ("'{input}' is not a slug", "use lowercase letters, digits and single hyphens, e.g. 'list-comprehensions'"),
    SOURCE_PATTERN: ("'{input}' is not an https:// address", "link to the official source by its https:// address"),
}


def _explanation(kind: str, context: dict[str, Any]) -> tuple[str, str] | None:
    if kind == "string_pattern_mismatch":
        return _PATTERNS.get(context["pattern"])
    return _EXPLAIN.get(kind)


def _misspellings(details: list[dict[str, Any]]) -> dict[Path_, str]:
    """Unknown keys that are near misses of a missing field: one typo, one message."""
    missing = {tuple(d["loc"]) for d in details if d["type"] == "missing"}
    near: dict[Path_, str] = {}
    for detail in details:
        path = tuple(detail["loc"])
        if detail["type"] != "extra_forbidden":
            continue
        candidates = [str(m[-1]) for m in missing if m[:-1] == path[:-1]]
        match = difflib.get_close_matches(str(path[-1]), candidates, n=1, cutoff=0.75)
        if match:
            near[path] = match[0]
    return near


def _from_validation(error: ValidationError, located: _Located, file: str) -> list[BankProblem]:
    details = error.errors()
    near = _misspellings(details)
    corrected = {(*path[:-1], name) for path, name in near.items()}
    problems = []
    for detail in details:
        path: Path_ = tuple(detail["loc"])
        if detail["type"] == "missing" and path in corrected:
            continue
        context = {**detail.get("ctx", {}), "input": detail.get("input"), "got": _describe(detail.get("input"))}
        explanation = _explanation(detail["type"], context)
        if explanation:
            message, fix = (template.format(**context) for template in explanation)
        else:  # an error kind no field of today's model produces
            message, fix = detail["msg"], "see the contributing guide"
        if path in near:
            message, fix = f"unknown field; did you mean '{near[path]}'?", f"rename it to '{near[path]}'"
        problems.append(BankProblem(file, located.line_of(path), message,
                                    question=_question_id(located, path), field=_field_name(path), fix=fix))
    return problems


def _cross_checks(bank: Bank, located: _Located, file: str) -> Iterator[BankProblem]:
    """Rules that span questions, or look inside Markdown: pydantic checks one value at a time."""
    for slug, topic in bank.topics.items():
        if topic.area not in bank.areas:
            yield BankProblem(file, located.line_of(("topics", slug, "area")), f"area '{topic.area}' is not declared under the bank's areas",
                              field=f"topics.{slug}.area", fix=f"use one of: {', '.join(bank.areas)}; or declare '{topic.area}' under areas")
    owner: dict[str, str] = {}
    ids = {question.id for question in bank.questions}
    for index, question in enumerate(bank.questions):
        for field, names in (("id", [question.id]), ("aliases", question.aliases)):
            for name in names:
                if name in owner:
                    path: Path_ = ("questions", index, field)
                    yield BankProblem(file, located.line_of(path), f"'{name}' is already used by question '{owner[name]}'",
                                      question=question.id, field=field,
                                      fix="ids and aliases share one URL space; choose another id, or drop the alias")
                owner.setdefault(name, question.id)
        for position, topic in enumerate(question.topics):
            if topic not in bank.topics:
                path = ("questions", index, "topics", position)
                yield BankProblem(file, located.line_of(path), f"topic '{topic}' is not declared under the bank's topics",
                                  question=question.id, field="topics",
                                  fix=f"use one of: {', '.join(bank.topics)}; or declare '{topic}' with its label and terms")
        yield from _card_checks(question, index, located, file)
        yield from _markdown_checks(question, index, located, file, ids)


def _card_checks(question: Any, index: int, located: _Located, file: str) -> Iterator[BankProblem]:
    """The card points at items by number: each number must name an item, once."""
    card = question.card
    references = [("must_hear", number, "should_cover") for number in card.must_hear]
    references += [("always_ask", card.always_ask, "follow_ups"), ("top_red_flag", card.top_red_flag, "red_flags")]
    for field, number, items in references:
        count = len(getattr(question, items))
        if number > count:
            yield BankProblem(file, located.line_of(("questions", index, "card", field)),
                              f"there is no item {number} in {items} (it has {count})",
                              question=question.id, field=f"card.{field}",
                              fix=f"use a number from 1 to {count}: the position of the item in {items}")
    if len(set(card.must_hear)) != len(card.must_hear):
        yield BankProblem(file, located.line_of(("questions", index, "card", "must_hear")),
                          "the same should_cover point is named twice", question=question.id,
                          field="card.must_hear", fix="name three different should_cover points")
    bands = [getattr(card.passes_at, level) for level in LEVELS]
    if bands != sorted(bands):
        yield BankProblem(file, located.line_of(("questions", index, "card", "passes_at")),
                          f"a more senior level passes at a lower band ({', '.join(map(str, bands))})",
                          question=question.id, field="card.passes_at",
                          fix="make the bands rise or stay equal from junior to mid to senior")


def _markdown_checks(question: Any, index: int, located: _Located, file: str, ids: set[str]) -> Iterator[BankProblem]:
    """Each Markdown field: bounded, its code fences runnable, its links safe and resolvable."""
    for path, text in question.markdown_fields():
        full: Path_ = ("questions", index, *path)
        # A block scalar (`answer: |`) starts on the line after its key, and
        # its lines are the file's; a quoted one is reported at its key.
        block = full in located.blocks
        first = located.line_of(full) + block

        def problem(message: str, fix: str, offset: int = 0) -> BankProblem:
            line = first + offset if block else first
            return BankProblem(file, line, message, question=question.id, field=_field_name(full), fix=fix)

        if len(text) > MAX_FIELD_CHARS:
            yield problem(f"the text is {len(text):,} characters, over the limit of {MAX_FIELD_CHARS:,}",
                          "shorten it; an answer says the essential in 250-600 words")
            continue
        fence_problems = list(_fence_problems(text, problem))
        yield from fence_problems
        try:
            rendered = render(text)
        except RecursionError:
            yield problem("the Markdown is nested too deep to render", "flatten the nested lists or quotes")
            continue
        if rendered.depth > MAX_MARKDOWN_DEPTH:
            yield problem(f"the Markdown nests {rendered.depth} elements deep, over the limit of {MAX_MARKDOWN_DEPTH}",
                          "flatten the nested lists or quotes")
        if not fence_problems and rendered.code_blocks != fenced_blocks(text):
            yield problem("a code block here is not a fence the tests can run: an indented code block, "
                          "or a fence the renderer does not accept", "write code as ```python ... ``` with a known language")
        if rendered.images:
            yield problem("images are not supported in the bank", "link to the image instead: [description](https://...)")
        for href in rendered.links:
            reason = link_problem(href, ids)
            if reason:
                yield problem(reason, f"use an https:// address, a #fragment, or ../<question-id>/ for another question")


def _fence_problems(text: str, problem: Any) -> Iterator[BankProblem]:
    for fence in fences(text):
        if not fence.closed:
            yield problem("this code fence is never closed", "close it with a line of three backticks", fence.line)
        elif fence.language not in CHECKS:
            yield problem(f"code fence language '{fence.language or '(none)'}' is not one the tests know how to check",
                          f"label it as one of: {', '.join(CHECKS)} (see the contributing guide)", fence.line)


# What a browser ignores in an address (WHATWG URL parsing): C0 controls and
# spaces at either end, and tabs and newlines anywhere. `\x01javascript:` is
# `javascript:` to a browser, so it must be to this check too.
_URL_EDGE = "".join(map(chr, range(0x21)))
_URL_IGNORED = str.maketrans("", "", "\t\n\r")


def _browser_view(href: str) -> str:
    return href.strip(_URL_EDGE).translate(_URL_IGNORED)


def link_problem(href: str, ids: set[str]) -> str | None:
    """Why a link from the data may not be published, or None if it may."""
    address = _browser_view(href)
    before_path = address.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    if ":" in before_path:
        scheme = before_path.split(":", 1)[0].lower()
        return None if scheme in LINK_SCHEMES else f"links may not use '{scheme}:' addresses"
    if address.startswith("#"):
        return None
    target = address.split("#", 1)[0]
    parts = target.split("/")
    if len(parts) == 3 and parts[0] == ".." and parts[2] == "" and parts[1] in ids:
        return None
    return f"the link target '{address[:80]}' is not a question of this bank or a web address"


def parse_bank(raw: bytes, file: str = "data/questions.yaml", max_bytes: int = MAX_FILE_BYTES) -> Bank:
    """Validate the bytes of a bank file. Raises `BankError` naming every problem."""
    _check_size(raw, file, max_bytes)
    text = _decode(raw, file)
    _check_depth(text, file)
    node = _compose(text, file)
    if node is None:
        raise BankError([BankProblem(file, 1, "the file is empty", fix="start from the template in the contributing guide")])
    located = _construct(node, file)
    try:
        bank = Bank.model_validate(located.data)
    except ValidationError as error:
        raise BankError(_from_validation(error, located, file)) from None
    problems = list(_cross_checks(bank, located, file))
    if problems:
        raise BankError(problems)
    return bank


def load_bank(path: Path, max_bytes: int = MAX_FILE_BYTES) -> Bank:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise BankError([BankProblem(str(path), 1, f"cannot read the file: {error.strerror}")]) from None
    return parse_bank(raw, str(path), max_bytes)
