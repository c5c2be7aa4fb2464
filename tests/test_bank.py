"""The real bank as a whole: the breadth the issues promise, kept as it grows."""

from __future__ import annotations

from collections import Counter

from support import real_bank

BANK = real_bank()


def test_every_level_is_well_represented() -> None:
    levels = Counter(question.level for question in BANK.questions)
    assert levels["senior"] >= 9 and levels["mid"] >= 12 and levels["junior"] >= 10, levels


def test_every_topic_is_used_by_two_questions_or_more() -> None:
    # A topic with one question is a filter that finds one thing, and a hint
    # that the question's tags are too fine.
    used = Counter(topic for question in BANK.questions for topic in question.topics)
    assert {topic: used[topic] for topic in BANK.topics if used[topic] < 2} == {}


def test_every_area_lists_a_question() -> None:
    listed = {BANK.topics[question.first_topic].area for question in BANK.questions}
    assert listed == set(BANK.areas)
