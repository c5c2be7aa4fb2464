/* The printed kit, drawn from the data: a cover, then each question with its
   card, guidance, checklists, follow-ups, rubric and a blank scorecard, then
   the overall recommendation. Model answers stay on the site. */

import { h, plural, rich } from "./dom.js";
import { ids } from "./kit-state.js";
import * as show from "./material.js";

const NOTE_LINES = 5;

const boxes = (labels, name) => h("ul", { className: "qb-kit__ticks", "aria-label": name },
  ...labels.map((label) => h("li", {}, h("span", { className: "qb-kit__box", "aria-hidden": "true" }), label)));
const lines = (count) => h("div", { className: "qb-kit__lines", "aria-hidden": "true" },
  ...Array.from({ length: count }, () => h("div", { className: "qb-kit__line" })));
const blank = (label) => h("p", { className: "qb-kit__blank" }, `${label}:`, h("span", { className: "qb-kit__fill" }));

/** A list of points, each with a box to tick and, for some, a mark ("must hear"). */
function checklist(points, marks = new Map()) {
  return h("ul", { className: "qb-kit__points" }, ...points.map((point, index) => h("li", {},
    h("span", { className: "qb-kit__box", "aria-hidden": "true" }),
    rich("span", {}, point),
    marks.has(index + 1) ? h("span", { className: "qb-kit__mark" }, ` (${marks.get(index + 1)})`) : null)));
}

function card(bank, material) {
  const { card: c } = material;
  const label = (field) => h("h4", {}, bank.label(field));
  return h("div", { className: "qb-kit__card" },
    h("h3", {}, bank.label("card")),
    label("must_hear"), checklist(c.must_hear.map((n) => show.nth(material.should_cover, n))),
    label("always_ask"), show.followUp(bank, show.nth(material.follow_ups, c.always_ask)),
    label("top_red_flag"), rich("div", {}, show.nth(material.red_flags, c.top_red_flag)),
    label("passes_at"), h("p", {}, show.passes(bank, c)));
}

function body(bank, material) {
  const section = (field, ...content) => [h("h3", {}, bank.label(field)), ...content];
  const mustHear = new Map(material.card.must_hear.map((n) => [n, bank.label("must_hear").toLowerCase()]));
  return [
    ...section("question", rich("div", { className: "admonition question" }, material.question)),
    card(bank, material),
    ...section("guidance", rich("div", {}, material.guidance)),
    ...section("should_cover", checklist(material.should_cover, mustHear)),
    ...section("look_for", checklist(material.look_for)),
    ...section("red_flags", checklist(material.red_flags)),
    ...section("follow_ups", show.followUps(bank, material)),
    ...section("rubric", show.rubric(bank, material)),
    ...section("levels", show.levels(bank, material)),
    ...(material.exercise ? section("exercise", show.exercise(bank, material.exercise),
      boxes(bank.data.exercise_checklist, bank.label("exercise"))) : []),
  ];
}

function printedQuestion(bank, { id, by }, index, total, material) {
  const q = bank.question(id);
  const meta = [`Question ${index + 1} of ${total}`, `${q.minutes} min`, by && `Interviewer: ${by}`].filter(Boolean);
  const content = material ? body(bank, material)
    : [h("p", {}, q.question), h("p", {}, `The guidance could not be loaded; it is at ${bank.pageUrl(id)}`)];
  return h("section", { className: "qb-kit__printed" },
    h("p", { className: "qb-kit__meta" }, meta.join(" · ")),
    h("h2", {}, q.title),
    ...content,
    h("div", { className: "qb-kit__scorecard" },
      h("h3", {}, `Scorecard: ${q.title}`),
      boxes([...bank.data.bands.map((band) => bank.bandName(band.band)), bank.data.not_asked], "Band"),
      h("p", { className: "qb-kit__label" }, "Evidence"),
      lines(NOTE_LINES)));
}

function cover(bank, items) {
  return h("section", { className: "qb-kit__printed qb-kit__cover" },
    h("h2", {}, "Interview kit"),
    blank("Candidate"), blank("Role"), blank("Interviewer"), blank("Date"),
    h("ol", {}, ...items.map(({ id, by }) => {
      const q = bank.question(id);
      return h("li", {}, `${q.title} (${q.minutes} min)${by ? `: ${by}` : ""}`);
    })),
    h("p", {}, `${bank.summary(ids(items))} in total.`));
}

function overall(bank) {
  return h("section", { className: "qb-kit__printed qb-kit__overall" },
    h("h2", {}, "Overall recommendation"),
    boxes(bank.data.recommendations, "Recommendation"),
    h("p", { className: "qb-kit__label" }, "Summary"),
    lines(NOTE_LINES * 2),
    blank("Interviewer"), blank("Date"));
}

/** The sheet to print, and the questions whose material could not be loaded. */
export async function kitSheet(bank, items) {
  const loaded = await Promise.allSettled(items.map(({ id }) => bank.material(id)));
  const materials = loaded.map((result) => (result.status === "fulfilled" ? result.value : null));
  const sections = items.map((item, index) => printedQuestion(bank, item, index, items.length, materials[index]));
  const missing = items.filter((_, index) => !materials[index]).map(({ id }) => bank.question(id).title);
  return { sheet: [cover(bank, items), ...sections, overall(bank)], missing, count: plural(items.length, "question") };
}
