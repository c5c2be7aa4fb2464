"""What a scorecard counts, and the one rule that turns ticks into a band.

The model states the rule in words (`SCORING_RULE`) and its numbers
(`MUST_HEAR_COUNT`, `PARTIAL_POINTS`, `SOLID_POINTS`, `STRONG_LOOK_FOR`). Here the rule becomes
data, `BAND_RULE`: a list of steps, best band first, each with the counts it
needs. `suggested_band` applies it in Python; the kit's `bank.json` carries
the same steps, and the scorecard page applies them with the same few lines
(`docs/javascripts/kit/scoring.js`). A browser test runs both on every
combination of counts and requires the same band.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .model import MUST_HEAR_COUNT, PARTIAL_POINTS, SOLID_POINTS, STRONG_LOOK_FOR

# What the scorecard counts, named as the question's own lists are, so a count
# and the list it counts share one name. `must_hear` counts the card's three
# should-cover points; they also count as should-cover points.
COUNTED = ("must_hear", "should_cover", "look_for", "red_flags")

# Best band first; the first step whose every requirement holds is the band.
# "at_most" red flags 0 is how a red flag caps the score at Partial.
BAND_RULE: tuple[dict[str, Any], ...] = (
    {
        "band": 4,
        "at_least": {"must_hear": MUST_HEAR_COUNT, "should_cover": SOLID_POINTS, "look_for": STRONG_LOOK_FOR},
        "at_most": {"red_flags": 0},
    },
    {"band": 3, "at_least": {"must_hear": MUST_HEAR_COUNT, "should_cover": SOLID_POINTS}, "at_most": {"red_flags": 0}},
    {"band": 2, "at_least": {"should_cover": PARTIAL_POINTS}, "at_most": {}},
    {"band": 1, "at_least": {}, "at_most": {}},
)

# In the debrief, interviewers whose bands for a question (or their means for
# a topic) differ by this much or more are flagged to talk it through.
DISAGREEMENT = 2

# The overall recommendation: four points and no neutral one, so that every
# interviewer has to lean one way. Stored as 1-4 in a scorecard.
RECOMMENDATIONS: tuple[str, ...] = ("Strong no", "No", "Yes", "Strong yes")

# A question the interviewer did not get to: band 0 in a scorecard.
NOT_ASKED = "Not asked"


def suggested_band(counts: Mapping[str, int], rule: tuple[dict[str, Any], ...] = BAND_RULE) -> int:
    """The band (1-4) that the ticked points earn under the counting rule."""
    for step in rule:
        if all(counts.get(name, 0) >= least for name, least in step["at_least"].items()) and all(
            counts.get(name, 0) <= most for name, most in step["at_most"].items()
        ):
            return step["band"]
    raise ValueError("the band rule has no catch-all last step")
