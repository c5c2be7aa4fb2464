"""The names a reader sees for the parts of a question.

The question page template reads them, and the kit's print view and the
scorecard read them from `kit/bank.json`, so a page never has to recognise a
part by its visible label, and each label is written once.
"""

from __future__ import annotations

# By the question's field name.
PART_LABELS: dict[str, str] = {
    "question": "Ask the candidate",
    "guidance": "Evaluation guidance",
    "should_cover": "Should cover",
    "look_for": "Look for",
    "red_flags": "Red flags",
    "follow_ups": "Follow-up questions",
    "good_answer": "A good reply",
    "rubric": "Scoring rubric",
    "levels": "Level calibration",
    "exercise": "Exercise",
    "planted": "Planted problems",
    "fix": "Expected fix",
    "hints": "Hints you may give",
    "answer": "Model answer",
    "version_notes": "Version notes",
    # An exercise's snippet, shown under the card.
    "snippet": "What the candidate sees",
    # The interviewer card (model.Card) and its fields.
    "card": "Interviewer card",
    "ask": "Ask",
    "must_hear": "Must hear",
    "always_ask": "Always ask",
    "top_red_flag": "Top red flag",
    "passes_at": "Passes at",
}

# The tick lists of a scorecard, in the order they are shown.
CHECKLISTS: tuple[str, ...] = ("should_cover", "look_for", "red_flags")
