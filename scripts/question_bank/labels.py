"""The names a reader sees for the parts of a question.

The kit's print view and the scorecard read these from `kit/bank.json`, so a
page never has to recognise a part by its visible label. The question page
template (`templates/question.md.jinja`) still spells the same words out.
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
    "hints": "Hints",
    # The interviewer card (model.Card) and its fields.
    "card": "Interviewer card",
    "must_hear": "Must hear",
    "always_ask": "Always ask",
    "top_red_flag": "Top red flag",
    "passes_at": "Passes at",
}

# The tick lists of a scorecard, in the order they are shown.
CHECKLISTS: tuple[str, ...] = ("should_cover", "look_for", "red_flags")
