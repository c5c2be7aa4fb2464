"""Rendering without MkDocs: the page summary, stated as a rule and checked at its edges."""

from __future__ import annotations

import pytest
from question_bank.render import DESCRIPTION_LENGTH, description

from support import real_bank

QUESTION = real_bank().questions[0]


def summary(text: str) -> str:
    return description(QUESTION.model_copy(update={"question": text}))


def words_of(length: int) -> str:
    """Words of `length` letters each, one space apart, twice as long as the limit."""
    count = 2 * DESCRIPTION_LENGTH // (length + 1)
    return " ".join(chr(ord("a") + n % 26) * length for n in range(count))


def test_a_short_question_is_its_own_summary_with_whitespace_collapsed() -> None:
    assert summary("  What is\n a   *generator*?\n") == "What is a *generator*?"


def test_a_question_of_exactly_the_limit_is_kept_whole() -> None:
    text = "x" * (DESCRIPTION_LENGTH - 2) + " y"
    assert summary(text) == text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # One character over the limit: the last word goes, and the ellipsis marks the cut.
        pytest.param("x" * (DESCRIPTION_LENGTH - 2) + " yy", "x" * (DESCRIPTION_LENGTH - 2), id="one-over"),
        # A word that ends exactly where the ellipsis still fits is kept.
        pytest.param("a " + "x" * (DESCRIPTION_LENGTH - 3) + " more", "a " + "x" * (DESCRIPTION_LENGTH - 3), id="word-fits-exactly"),
        # A word that would need one more character than the room is dropped whole.
        pytest.param("a " + "x" * (DESCRIPTION_LENGTH - 2) + " z", "a", id="word-one-too-long"),
        # A first word longer than the room is cut inside it: never longer than the limit.
        pytest.param("x" * (DESCRIPTION_LENGTH + 5) + " tail", "x" * (DESCRIPTION_LENGTH - 1), id="one-long-word"),
    ],
)
def test_a_long_question_keeps_the_whole_words_that_fit_with_an_ellipsis(text: str, kept: str) -> None:
    assert summary(text) == kept + "…"


@pytest.mark.parametrize("length", range(1, 12))
def test_a_long_summary_is_the_most_whole_words_that_fit(length: int) -> None:
    text = words_of(length)
    got = summary(text)
    kept = got.removesuffix("…")
    assert got.endswith("…") and len(got) <= DESCRIPTION_LENGTH
    assert text.startswith(kept + " "), "the cut falls between words"
    next_word = text[len(kept) + 1 :].split(" ", 1)[0]
    assert len(f"{kept} {next_word}…") > DESCRIPTION_LENGTH, "one more word would have fitted"

