/* The kit page's job-description matching: suggestions with the words that
   matched. Ranking waits until typing pauses, and a job description longer
   than bank.json's `job_description_limit` is cut there, with a note. */

import { debounce, h, part, plural, quoted } from "./dom.js";
import { includes } from "./kit-state.js";
import { rank } from "./matching.js";

// How many suggestions to show; the rest are rarely worth an interview slot.
export const SHOWN = 10;
// Ranking waits this long after the last keystroke.
export const PAUSE_MS = 250;

function suggestion(bank, { question: id, matches }) {
  const q = bank.question(id);
  const terms = matches.map(([term, via]) => h("li", { className: "qb-kit__term" }, via ? `${term} → ${via}` : term));
  return h("li", { className: "qb-kit__suggestion", "data-id": id },
    h("div", { className: "qb-kit__body" },
      h("p", { className: "qb-kit__title" }, q.title),
      h("p", { className: "qb-kit__meta" }, bank.meta(q)),
      h("ul", { className: "qb-kit__terms", "aria-label": "Matched" }, ...terms)),
    h("button", { type: "button", className: "qb-kit__button", "data-action": "toggle", "data-id": id }));
}

function status(text, found, shown) {
  if (!text.trim()) return "";
  if (!found.length) return "Nothing in this job description matches a question in the bank. Choose questions by topic, level and time instead.";
  return `${plural(found.length, "question")} ${found.length === 1 ? "matches" : "match"}`
    + `${found.length > shown ? `; the best ${shown} are shown` : ""}, best first, with the words that matched.`;
}

/** Mount the matcher; returns {tick(items)} for the kit page. */
export function mountSuggest(root, bank) {
  const field = part(root, "jd");
  const limit = bank.data.job_description_limit;
  const list = part(root, "suggestions");
  part(root, "jd-limit").textContent = `Up to ${limit.toLocaleString("en")} characters are matched.`;
  let kit = [];

  function show() {
    const cut = field.value.length > limit;
    if (cut) field.value = field.value.slice(0, limit);
    part(root, "jd-cut").textContent = cut ? `The job description was cut to its first ${limit.toLocaleString("en")} characters.` : "";
    const text = field.value;
    const found = text.trim() ? rank(bank.data, text) : [];
    list.replaceChildren(...found.slice(0, SHOWN).map((s) => suggestion(bank, s)));
    part(root, "jd-status").textContent = status(text, found, Math.min(found.length, SHOWN));
    part(root, "no-match").hidden = !(text.trim() && !found.length);
    tick(kit);
  }

  function tick(items) {
    kit = items;
    for (const button of list.querySelectorAll("[data-action=toggle]")) {
      const { title } = bank.question(button.dataset.id);
      const inKit = includes(items, button.dataset.id);
      button.textContent = inKit ? "Remove" : "Add";
      button.setAttribute("aria-label", inKit ? `Remove ${quoted(title)} from the kit` : `Add ${quoted(title)} to the kit`);
    }
  }

  const later = debounce(show, PAUSE_MS);
  field.addEventListener("input", later);
  show();
  return { tick, stop: later.cancel };
}
