/* The band the ticked points earn. The rule is not written here: it is
   bank.json's `band_rule`, made by scripts/question_bank/scorecard.py, whose
   `suggested_band` does what `suggestedBand` does. A browser test runs both
   on every combination of counts. */

/** The first band, best first, whose every requirement the counts meet. */
export function suggestedBand(rule, counts) {
  const count = (name) => counts[name] ?? 0;
  const step = rule.find(({ at_least: least, at_most: most }) =>
    Object.entries(least).every(([name, n]) => count(name) >= n)
    && Object.entries(most).every(([name, n]) => count(name) <= n));
  return step.band;
}

/**
 * What an answer's ticks count, by the names the rule uses: each checklist
 * (should_cover, look_for, red_flags: bank.json's `checklists`) and the
 * card's must-hear points, which are should-cover points too.
 */
export function countsOf(bank, material, answer) {
  const counts = Object.fromEntries(bank.data.checklists.map((list) => [list, answer.ticks[list].length]));
  const mustHear = material.card.must_hear;
  counts.must_hear = mustHear.filter((n) => answer.ticks.should_cover.includes(n)).length;
  return counts;
}
