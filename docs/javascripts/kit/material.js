/* Read-only renderings of a question's material (kit/questions/<id>.json):
   the parts the printed kit and the scorecard both show. Headings come from
   bank.json's labels; texts are sanitised HTML, inserted by `rich`. */

import { capitalise, h, rich } from "./dom.js";

/** Item `n` (counted from 1, as the card counts) of a list. */
export const nth = (list, n) => list[n - 1];

/** "Junior 3 Solid · Mid 3 Solid · Senior 4 Strong". */
export function passes(bank, card) {
  return bank.data.levels.map((level) => `${capitalise(level)}: ${bank.bandName(card.passes_at[level])}`).join(" · ");
}

export function followUp(bank, { question, good_answer: reply }, tag = "div") {
  return h(tag, { className: "qb-kit__follow-up" },
    rich("div", {}, question),
    h("div", { className: "qb-kit__reply" }, h("strong", {}, `${bank.label("good_answer")}: `), rich("span", {}, reply)));
}

export function followUps(bank, material) {
  return h("ol", { className: "qb-kit__follow-ups" }, ...material.follow_ups.map((f) => followUp(bank, f, "li")));
}

export function rubric(bank, material) {
  return h("div", { className: "qb-kit__rubric" }, h("table", {},
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Band"), h("th", { scope: "col" }, "What the answer sounds like"))),
    h("tbody", {}, ...bank.data.bands.map((band) => h("tr", {},
      h("th", { scope: "row" }, bank.bandName(band.band)),
      rich("td", {}, material.rubric[band.field]))))));
}

export function levels(bank, material) {
  return h("dl", { className: "qb-kit__levels" }, ...bank.data.levels.flatMap((level) => [
    h("dt", {}, capitalise(level)), rich("dd", {}, material.levels[level]),
  ]));
}

export function exercise(bank, { planted, fix, hints }, heading = "h3") {
  const label = (field) => h(heading === "h3" ? "h4" : "h3", {}, bank.label(field));
  return h("div", { className: "qb-kit__exercise" },
    label("planted"), h("ul", {}, ...planted.map((point) => rich("li", {}, point))),
    label("fix"), rich("div", {}, fix),
    ...(hints.length ? [label("hints"), h("ul", {}, ...hints.map(({ hint, cost }) =>
      h("li", {}, rich("div", {}, hint), rich("div", { className: "qb-kit__meta" }, cost))))] : []));
}

/** The scoring rule in words, band by band, from bank.json. */
export function scoringRule(bank) {
  return h("dl", { className: "qb-kit__rule" }, ...bank.data.bands.flatMap((band) => [
    h("dt", {}, bank.bandName(band.band)), h("dd", {}, band.rule),
  ]));
}
