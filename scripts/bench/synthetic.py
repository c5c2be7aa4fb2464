"""Seeded synthetic question banks, shaped like the real one, for the benchmark.

A synthetic question has every field a finished question has, at about the
real sizes (the answer is shorter: ~400 words with two ```python fences, which
the benchmark never runs). Its words come mostly from its own 1-3 topics, out
of 18, so a search term matches a realistic share of the bank.

Question `i` depends only on the seed and `i`: the bank of 10 is the first ten
questions of the bank of 3,000, so the page compared across sizes has the same
content, and the same neighbours, at every N.

    python -m bench.synthetic 1000 /tmp/bank-1000.yaml
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import yaml

from question_bank.loader import BankError, parse_bank
from question_bank.model import LEVELS, Bank

SEED = 6  # the number; any fixed value gives the same banks every run
BANK_TITLE = "Synthetic question bank"
# The same at every N, so that no page's HTML changes with the bank's size
# through the description.
BANK_DESCRIPTION = "Generated questions for the scale benchmark; not for interviews."

# Topic slug -> the terms its questions talk about. Code-like terms are shown
# as code spans in prose (see `_show`).
TOPICS: dict[str, tuple[str, ...]] = {
    "data-structures": ("list", "tuple", "set", "dict", "deque", "heap", "hash table", "slice",
                        "comprehension", "membership test", "frozenset", "named tuple"),
    "decorators": ("decorator", "closure", "wrapper", "functools.wraps", "higher-order function",
                   "call signature", "decorator factory", "cache", "retry policy", "registry"),
    "generators": ("generator", "iterator", "yield", "lazy evaluation", "pipeline", "StopIteration",
                   "itertools", "generator expression", "send()", "backpressure"),
    "asyncio": ("event loop", "coroutine", "await", "task group", "asyncio.gather", "cancellation",
                "timeout", "semaphore", "non-blocking socket", "async context manager"),
    "concurrency": ("thread", "lock", "race condition", "deadlock", "thread pool", "queue", "GIL",
                    "atomic operation", "condition variable", "contention"),
    "parallelism": ("process pool", "multiprocessing", "pickling", "shared memory", "worker process",
                    "CPU-bound work", "fork", "spawn start method", "chunk size", "speed-up"),
    "packaging": ("wheel", "lock file", "virtual environment", "pyproject.toml", "dependency resolver",
                  "version pin", "editable install", "build backend", "package index", "transitive dependency"),
    "testing": ("pytest fixture", "parametrized test", "mock", "monkeypatch", "property-based test",
                "coverage", "test double", "flaky test", "assertion", "integration test"),
    "oop": ("class", "inheritance", "composition", "method resolution order", "abstract base class",
            "property", "mixin", "dataclass", "protocol", "encapsulation"),
    "metaprogramming": ("metaclass", "descriptor", "__init_subclass__", "class decorator", "type()",
                        "__getattr__", "introspection", "__set_name__", "dynamic attribute", "code generation"),
    "object-model": ("__new__", "__init__", "__slots__", "identity", "reference count", "__eq__",
                     "__hash__", "immutability", "attribute lookup", "bound method"),
    "performance": ("profiler", "cProfile", "hot loop", "big-O complexity", "vectorisation", "caching",
                    "benchmark", "allocation", "algorithmic cost", "latency budget"),
    "memory": ("garbage collector", "reference cycle", "weak reference", "memory leak", "tracemalloc",
               "object overhead", "buffer protocol", "memoryview", "peak memory", "arena"),
    "error-handling": ("exception", "traceback", "try/except", "exception chaining", "ExceptionGroup",
                       "context manager", "cleanup", "retry", "error boundary", "finally block"),
    "typing": ("type hint", "mypy", "generic", "TypeVar", "Protocol", "Optional", "type narrowing",
               "overload", "runtime check", "stub file"),
    "databases": ("transaction", "connection pool", "ORM", "N+1 query", "index", "migration",
                  "isolation level", "cursor", "prepared statement", "bulk insert"),
    "web-backend": ("request handler", "middleware", "WSGI", "ASGI", "serialisation", "rate limit",
                    "session", "background job", "idempotency key", "health check"),
    "logging": ("logger", "handler", "log level", "structured logging", "correlation id", "formatter",
                "log record", "propagation", "sampling", "audit trail"),
}

CONTEXTS = ("a web service under load", "a nightly batch job", "a data pipeline", "a command-line tool",
            "a shared library", "a test suite", "a long-running worker", "an API client", "a Django project",
            "a notebook that became production code")
CONDITIONS = ("the data fits in memory", "the order of items matters", "callers need a stable interface",
              "the work is I/O-bound", "the work is CPU-bound", "several threads share the state",
              "the input comes from users", "the code runs on every request", "the team is small",
              "the result must be reproducible")
CONSEQUENCES = ("the bug only shows up under load", "memory grows until the process is killed",
                "the tests pass but production fails", "latency doubles for no visible reason",
                "errors are swallowed silently", "the code is hard to change later",
                "every caller has to know an implementation detail", "the profile points at the wrong place",
                "a retry makes things worse", "the failure is impossible to reproduce")
QUALITIES = ("concrete examples from real code", "trade-offs stated plainly", "precise vocabulary",
             "awareness of the failure modes", "measurement before optimisation", "a clear rule of thumb",
             "knowledge of the standard library", "honesty about what they have not used")
VERBS = ("load", "merge", "filter", "collect", "parse", "normalise", "group", "schedule", "retry", "index")
NOUNS = ("order", "invoice", "user", "event", "record", "payload", "request", "job", "reading", "batch")

SENTENCES = (
    "A good answer explains how {a} interacts with {b}, and why that matters in {context}.",
    "Use {a} when {condition}; reach for {b} when {condition2}.",
    "The usual mistake is to rely on {a} without thinking about {b}, and then {consequence}.",
    "In {context}, {a} decides how much work {b} has to do.",
    "{A} is cheap to write but expensive to debug when {condition}.",
    "Measure before changing {a}: in {context} the cost is usually in {b}, not where it looks.",
    "If {condition}, {a} is the simpler choice, and {b} can wait until it is needed.",
    "Candidates who have shipped {context} mention {a} and {b} without being asked.",
    "Without {a}, {consequence}; with it, the code says what it means.",
    "{A} and {b} solve different problems, and mixing them up means {consequence}.",
    "The standard library already covers {a}; writing it by hand is rarely worth it.",
    "Ask what happens to {a} when {condition}: the answer shows whether they have seen {b} fail.",
)
BULLETS = (
    "**{A}**: what it is for, and the one case where {b} is the better tool.",
    "**{A}** when {condition}, because otherwise {consequence}.",
    "**{A} versus {b}**: the trade-off in {context}, with the numbers that decide it.",
    "**{A}**: how it fails, and how a test would catch that before {consequence}.",
)

CODE_TEMPLATES = (
    '''from dataclasses import dataclass


@dataclass(frozen=True)
class {Noun}:
    key: int
    label: str = "{noun}"


def {verb}_{noun}s(items: list[{Noun}], limit: int = {n}) -> list[{Noun}]:
    """Keep the first `limit` {noun}s with distinct keys."""
    seen: set[int] = set()
    kept = []
    for item in items:
        if item.key in seen or len(kept) >= limit:
            continue
        seen.add(item.key)
        kept.append(item)
    return kept


print(len({verb}_{noun}s([{Noun}(n % {m}) for n in range({m2})])))
''',
    '''from collections.abc import Iterable, Iterator


def {verb}_{noun}s(lines: Iterable[str]) -> Iterator[tuple[str, int]]:
    """Yield each {noun} as it is read, so memory stays flat."""
    for number, line in enumerate(lines, 1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        yield text, number


{noun}s = ["{noun}-" + str(n) for n in range({n})]
print(sum(1 for _ in {verb}_{noun}s({noun}s)))
''',
    '''import asyncio


async def {verb}_{noun}(key: int) -> int:
    await asyncio.sleep(0)
    return key * {n}


async def main() -> None:
    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task({verb}_{noun}(key)) for key in range({m})]
    print(sum(task.result() for task in tasks))


asyncio.run(main())
''',
    '''import contextlib
import time


@contextlib.contextmanager
def timed(name: str):
    start = time.perf_counter()
    try:
        yield
    finally:
        print(f"{{name}}: {{time.perf_counter() - start:.3f}}s")


with timed("{verb} {noun}s"):
    {noun}s = {{n: n * n for n in range({m2})}}
''',
    '''class {Noun}Registry:
    """{Noun}s by name; registering a name twice is an error, not a silent overwrite."""

    def __init__(self) -> None:
        self._by_name: dict[str, object] = {{}}

    def __contains__(self, name: str) -> bool:
        return name in self._by_name

    def register(self, name: str, {noun}: object) -> None:
        if name in self._by_name:
            raise ValueError(f"{{name}} is already registered")
        self._by_name[name] = {noun}


registry = {Noun}Registry()
registry.register("{verb}", object())
print("{verb}" in registry)
''',
)


# Real prose keeps meeting new words: 10 real questions hold ~4,500 distinct
# search tokens, and a bank of 1,000 would hold tens of thousands. The topic
# terms above alone would saturate at ~3,000, which would flatter the search
# index. So some words are drawn from a long tail of made-up words, with a
# Zipf-like (log-uniform) rank: a few come back often, most are rare.
SYLLABLES = ("ka", "lo", "mi", "ren", "ta", "vo", "zi", "pel", "dra", "nu", "sor", "qui", "bex", "fa", "lun", "tor",
             "vi", "mar", "ost", "gle", "ja", "ne", "rok", "shi", "pa", "wen", "tun", "wy", "cor", "bri", "den", "hal")
RARE_WORDS = len(SYLLABLES) ** 4
RARE_TERM_SHARE = 0.2  # of the terms in a sentence
ASIDE_SHARE = 0.7  # of sentences, which then carry an aside with one or two rare words
ASIDES = ("Compare {x} and {y}.", "The {x} case is similar.", "Some teams call this {x}.", "See also {x} and {y}.")


def rare_word(rank: int) -> str:
    """A made-up word, one per rank."""
    syllables = []
    while True:
        rank, digit = divmod(rank, len(SYLLABLES))
        syllables.append(SYLLABLES[digit])
        if not rank:
            return "".join(syllables)


def _show(term: str) -> str:
    """Prose shows code-like terms (`functools.wraps`, `__init__`, `type()`) as code spans."""
    looks_like_code = any(mark in term for mark in "._()") or (term[:1].isupper() and term[1:2].islower()
                                                                and any(c.isupper() for c in term[1:]))
    return f"`{term}`" if looks_like_code else term


def _slug(term: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", term.lower()).strip("-")


class _Writer:
    """Text for one question, drawn from its topics' terms with its own RNG."""

    def __init__(self, rng: random.Random, topics: list[str]):
        self.rng = rng
        # Mostly the question's own terms, sometimes any topic's: real answers digress.
        self.own = [term for topic in topics for term in TOPICS[topic]]
        self.every = [term for terms in TOPICS.values() for term in terms]

    def term(self) -> str:
        if self.rng.random() < RARE_TERM_SHARE:
            return self.rare()
        return self.rng.choice(self.own if self.rng.random() < 0.8 else self.every)

    def rare(self) -> str:
        return rare_word(int(RARE_WORDS ** self.rng.random()))

    def sentence(self) -> str:
        text = self.fill(self.rng.choice(SENTENCES))
        if self.rng.random() < ASIDE_SHARE:
            text += " " + self.rng.choice(ASIDES).format(x=self.rare(), y=self.rare())
        return text

    def fill(self, template: str) -> str:
        a = self.term()
        b = self.term()
        while b == a:
            b = self.term()
        first = _show(a)
        return template.format(
            a=first, A=first[0].upper() + first[1:] if first[0] != "`" else first, b=_show(b),
            context=self.rng.choice(CONTEXTS), condition=self.rng.choice(CONDITIONS),
            condition2=self.rng.choice(CONDITIONS), consequence=self.rng.choice(CONSEQUENCES),
        )

    def sentences(self, count: int) -> str:
        return " ".join(self.sentence() for _ in range(count))

    def code(self, template: str) -> str:
        noun, verb = self.rng.choice(NOUNS), self.rng.choice(VERBS)
        return template.format(noun=noun, Noun=noun.capitalize(), verb=verb, n=self.rng.randint(2, 9),
                               m=self.rng.randint(3, 20), m2=self.rng.randint(50, 5000))

    def answer(self) -> str:
        first, second = self.rng.sample(CODE_TEMPLATES, 2)
        bullets = "\n".join(f"- {self.fill(self.rng.choice(BULLETS))}" for _ in range(3))
        return (
            f"{self.sentences(4)}\n\n{bullets}\n\n{self.sentences(3)}\n\n"
            f"```python\n{self.code(first)}```\n\n{self.sentences(4)}\n\n"
            f"```python\n{self.code(second)}```\n\n{self.sentences(4)}\n"
        )


def synthetic_question(index: int, seed: int = SEED) -> dict:
    """The plain data of question `index`: the same for a given seed at every bank size."""
    rng = random.Random(f"{seed}-{index}")
    topics = rng.sample(sorted(TOPICS), rng.choice((1, 2, 2, 3)))
    write = _Writer(rng, topics)
    a, b = rng.sample(TOPICS[topics[0]], 2)
    title = rng.choice(("{A} and {b}", "{A} versus {b}", "When to use {a}", "{A} in practice"))
    return {
        "id": f"{_slug(a)}-{index + 1:04d}",
        "title": title.format(a=a, A=a[0].upper() + a[1:], b=b)[:80],
        "question": f"Explain {_show(a)} and {_show(b)}. When would you use each, and what goes wrong "
                    f"in {rng.choice(CONTEXTS)}?",
        "topics": topics,
        "level": rng.choice(LEVELS),
        "minutes": rng.choice((5, 10, 10, 15, 15, 20)),
        "guidance": f"Should cover {_show(a)}, {_show(b)} and "
                    f"{_show(rng.choice([term for term in TOPICS[topics[-1]] if term not in (a, b)]))}. "
                    f"Look for {rng.choice(QUALITIES)} and {rng.choice(QUALITIES)}.",
        "should_cover": [write.sentences(rng.choice((1, 2))) for _ in range(rng.randint(6, 8))],
        "look_for": [write.sentences(rng.choice((1, 2))) for _ in range(rng.randint(3, 4))],
        "red_flags": [write.sentences(1) for _ in range(rng.randint(4, 5))],
        "follow_ups": [
            {"question": f"What changes about {_show(write.term())} when {rng.choice(CONDITIONS)}?",
             "good_answer": write.sentences(2)}
            for _ in range(3)
        ],
        "rubric": {band: write.sentences(2) for band in ("no_evidence", "partial", "solid", "strong")},
        "levels": {level: write.sentences(2) for level in LEVELS},
        "card": {"must_hear": [1, 2, 3], "always_ask": 1, "top_red_flag": 1,
                 "passes_at": {"junior": 3, "mid": 3, "senior": 4}},
        "answer": write.answer(),
        "keywords": [a, b],
    }


def topic_declarations() -> dict[str, dict]:
    """The bank's topics: a label, and job-description terms (the topic's first few words)."""
    return {slug: {"label": slug.replace("-", " ").capitalize(), "area": SYNTHETIC_AREA,
                   "terms": [slug.replace("-", " "), *terms[:4]]}
            for slug, terms in TOPICS.items()}


SYNTHETIC_AREA = "synthetic"


def synthetic_bank(count: int, seed: int = SEED) -> dict:
    return {
        "title": BANK_TITLE,
        "description": BANK_DESCRIPTION,
        "areas": {SYNTHETIC_AREA: "Synthetic questions"},
        "topics": topic_declarations(),
        "seniority": {"junior": ["junior", "graduate"], "mid": ["mid-level"], "senior": ["senior", "lead"]},
        "questions": [synthetic_question(index, seed) for index in range(count)],
    }


class _BankDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """YAML as a person writes it: block scalars for Markdown, and no anchors,
    which the loader refuses."""

    def ignore_aliases(self, data) -> bool:
        return True


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|" if "\n" in text else None)


_BankDumper.add_representer(str, _represent_text)


def bank_yaml(count: int, seed: int = SEED) -> str:
    header = f"# Synthetic bank for the scale benchmark: {count} questions, seed {seed}. Generated; do not edit.\n"
    return header + yaml.dump(synthetic_bank(count, seed), Dumper=_BankDumper, sort_keys=False,
                              allow_unicode=True, width=100)


def write_bank(path: Path, count: int, seed: int = SEED) -> Bank:
    """Write the bank of `count` questions to `path` and return it as the build will see it.

    It goes through the real validator, so a generator change that produced an
    invalid bank fails here, not as a puzzling build error.
    """
    text = bank_yaml(count, seed)
    bank = parse_bank(text.encode("utf-8"), str(path), max_bytes=len(text.encode("utf-8")))
    path.write_text(text, encoding="utf-8")
    return bank


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) not in (1, 2) or not args[0].isdigit():
        print("usage: python -m bench.synthetic COUNT [OUT.yaml]", file=sys.stderr)
        return 2
    count = int(args[0])
    try:
        if len(args) == 2:
            write_bank(Path(args[1]), count)
            print(f"wrote {args[1]}: {count} questions")
        else:
            text = bank_yaml(count)
            parse_bank(text.encode("utf-8"), "<stdout>")
            sys.stdout.write(text)
    except BankError as error:
        print(f"error: the generator produced an invalid bank:\n{error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
