/* One question of a scorecard: its card, the points to tick while
   listening, the band, the evidence and the timer. Controls carry data-*
   attributes naming what they change; scorecard-page.js listens for them. */

import { clock, h, rich } from "./dom.js";
import * as show from "./material.js";
import { countsOf, suggestedBand } from "./scoring.js";

const fieldId = (id, ...rest) => ["qb-sc", id, ...rest].join("-");

/** A box to tick for point `n` of `list`, labelled by the point itself. */
function tick(id, list, n, html, answer) {
  const box = h("input", { type: "checkbox", id: fieldId(id, list, n), checked: answer.ticks[list].includes(n),
    "data-question": id, "data-list": list, "data-point": n });
  return h("li", { className: "qb-sc__tick" }, box, rich("label", { htmlFor: box.id }, html));
}

function ticks(id, list, numbers, material, answer, legend) {
  if (!numbers.length) return null;
  return h("fieldset", { className: "qb-sc__points" }, h("legend", {}, legend),
    h("ul", {}, ...numbers.map((n) => tick(id, list, n, show.nth(material[list], n), answer))));
}

const numbers = (list, except = []) => list.map((_, index) => index + 1).filter((n) => !except.includes(n));

function card(bank, id, material, answer) {
  const { card: c } = material;
  const heading = (field) => h("h4", {}, bank.label(field));
  return h("div", { className: "qb-sc__card" },
    heading("question"), rich("div", { className: "qb-sc__ask" }, material.question),
    ticks(id, "should_cover", c.must_hear, material, answer, bank.label("must_hear")),
    heading("always_ask"), show.followUp(bank, show.nth(material.follow_ups, c.always_ask)),
    ticks(id, "red_flags", [c.top_red_flag], material, answer, bank.label("top_red_flag")),
    h("p", { className: "qb-sc__passes" }, h("strong", {}, `${bank.label("passes_at")}: `), show.passes(bank, c)));
}

function exerciseChecks(bank, id, answer) {
  const items = bank.data.exercise_checklist.map((label, index) => {
    const box = h("input", { type: "checkbox", id: fieldId(id, "exercise", index + 1), checked: answer.exercise.includes(index + 1),
      "data-question": id, "data-list": "exercise", "data-point": index + 1 });
    return h("li", { className: "qb-sc__tick" }, box, h("label", { htmlFor: box.id }, label));
  });
  return h("fieldset", { className: "qb-sc__points" }, h("legend", {}, bank.label("exercise")), h("ul", {}, ...items));
}

function more(bank, id, material, answer) {
  const { card: c } = material;
  const others = material.follow_ups.filter((_, index) => index + 1 !== c.always_ask);
  const section = (field, ...content) => [h("h4", {}, bank.label(field)), ...content];
  return h("details", { className: "qb-sc__more" },
    h("summary", {}, "More to listen for, the guidance and the rubric"),
    ticks(id, "should_cover", numbers(material.should_cover, c.must_hear), material, answer, bank.label("should_cover")),
    ticks(id, "look_for", numbers(material.look_for), material, answer, bank.label("look_for")),
    ticks(id, "red_flags", numbers(material.red_flags, [c.top_red_flag]), material, answer, bank.label("red_flags")),
    ...(material.exercise ? [exerciseChecks(bank, id, answer), show.exercise(bank, material.exercise)] : []),
    ...section("guidance", rich("div", {}, material.guidance)),
    ...(others.length ? section("follow_ups", h("ul", {}, ...others.map((f) => show.followUp(bank, f, "li")))) : []),
    ...section("rubric", h("div", { className: "qb-kit__scroll", tabIndex: 0, role: "region", "aria-label": `${bank.label("rubric")}: ${bank.question(id).title}` }, show.rubric(bank, material))),
    ...section("levels", show.levels(bank, material)));
}

function band(bank, id, answer) {
  const choice = (value, label) => {
    const radio = h("input", { type: "radio", name: fieldId(id, "band"), id: fieldId(id, "band", value), value,
      checked: answer.band === value, "data-question": id, "data-band": value });
    return h("li", {}, radio, h("label", { htmlFor: radio.id }, label));
  };
  return h("fieldset", { className: "qb-sc__band" }, h("legend", {}, "Band"),
    h("ul", {}, ...bank.data.bands.map((b) => choice(b.band, bank.bandName(b.band))), choice(0, bank.data.not_asked)));
}

function evidence(id, answer) {
  const hint = fieldId(id, "note-hint");
  const problem = fieldId(id, "note-problem");
  return h("div", { className: "qb-sc__evidence" },
    h("label", { htmlFor: fieldId(id, "note"), className: "qb-kit__label" }, "Evidence"),
    h("p", { id: hint, className: "qb-kit__hint" }, "Required for any band: what the candidate said or did that earns it."),
    h("textarea", { id: fieldId(id, "note"), rows: 3, value: answer.note, "data-question": id, "data-note": "",
      "aria-describedby": `${hint} ${problem}` }),
    h("p", { id: problem, className: "qb-sc__problem", "data-problem": id }));
}

/** The section for one question of the kit. */
export function questionSection(bank, { id, by }, material, answer, position) {
  const q = bank.question(id);
  const meta = [position, `${q.minutes} min`, by && `Asked by ${by}`].filter(Boolean).join(" · ");
  return h("section", { className: "qb-sc__question", "aria-labelledby": fieldId(id, "title"), "data-question": id },
    h("p", { className: "qb-kit__meta" }, meta),
    h("h3", { id: fieldId(id, "title") }, q.title),
    card(bank, id, material, answer),
    more(bank, id, material, answer),
    h("p", { className: "qb-sc__timer" },
      h("button", { type: "button", className: "qb-kit__button", "data-action": "timer", "data-id": id, "aria-describedby": fieldId(id, "clock") }, "Start timer"),
      h("span", { id: fieldId(id, "clock"), "data-clock": id })),
    h("p", { className: "qb-sc__suggestion", "data-suggestion": id, "aria-live": "polite" }),
    band(bank, id, answer),
    evidence(id, answer));
}

/** Refresh what follows from the answer: the suggested band, the evidence problem, the clock. */
export function refreshQuestion(root, bank, id, material, answer, { running = false, shout = false } = {}) {
  const suggested = suggestedBand(bank.data.band_rule, countsOf(bank, material, answer));
  root.querySelector(`[data-suggestion="${id}"]`).textContent = `The ticked points suggest ${bank.bandName(suggested)}.`;
  const missing = answer.band > 0 && !answer.note.trim();
  const problem = root.querySelector(`[data-problem="${id}"]`);
  problem.textContent = missing && shout ? "Write the evidence for this band." : missing ? "Evidence is required for this band." : "";
  root.querySelector(`#${fieldId(id, "note")}`).setAttribute("aria-invalid", String(missing && shout));
  refreshClock(root, bank, id, answer.seconds, running);
}

export function refreshClock(root, bank, id, seconds, running) {
  const limit = bank.question(id).minutes * 60;
  const clockText = root.querySelector(`[data-clock="${id}"]`);
  clockText.textContent = `${clock(seconds)} of ${clock(limit)}${seconds > limit ? ", over time" : ""}`;
  clockText.classList.toggle("qb-sc__over", seconds > limit);
  root.querySelector(`[data-action=timer][data-id="${id}"]`).textContent = running ? "Pause timer" : "Start timer";
}

export { fieldId };
