/* The kit page's job-description matching: the role's level (inferred, and
   changeable), a suggested kit within the chosen time, the best matches with
   the words that matched (strongest first), and the skills no question
   covers. Ranking waits until typing pauses; meanwhile the posting is read
   ahead a slice at a time, so that the ranking after the pause is quick. A job
   description longer than bank.json's `job_description_limit` is cut there,
   with a note. */

import { NO_SLICES, debounce, h, inSlices, measure, part, plural, quoted, thousands } from "./dom.js";
import { includes } from "./kit-state.js";
import { inferLevel, kit, rank, readAhead, uncovered } from "./matching.js";

// How many suggestions to show; the rest are rarely worth an interview slot.
export const SHOWN = 10;
// Ranking waits this long after the last keystroke.
export const PAUSE_MS = 250;
// What the page records of its work on a posting (see `measure`): each
// ranking, and each slice of reading it ahead.
export const RANKING = "qb-kit: ranking the job description";
export const READING_AHEAD = "qb-kit: reading the job description ahead, a slice";

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

function options(select, values, label, chosen) {
  select.replaceChildren(...values.map((value) => h("option", { value: String(value), selected: String(value) === String(chosen) }, label(value))));
}

/** The role's level: "" follows the posting; otherwise the level the user chose. */
function showLevel(root, data, text) {
  const select = part(root, "role");
  const inferred = inferLevel(data.matching, data.levels, text);
  const chosen = select.dataset.chosen || "";
  options(select, ["", ...data.levels], (level) => (level ? level : `${inferred.level} (read from the posting)`), chosen);
  part(root, "role-why").textContent = text.trim() ? `Read as ${inferred.level}: ${inferred.because}.` : "";
  return chosen || inferred.level;
}

function showProposal(root, bank, proposal) {
  part(root, "proposal").hidden = !proposal.length;
  part(root, "proposal-summary").textContent = proposal.length ? `Suggested kit: ${bank.summary(proposal)}.` : "";
  part(root, "proposal-list").replaceChildren(...proposal.map((id) => {
    const q = bank.question(id);
    return h("li", { "data-id": id }, `${q.title} (${bank.meta(q)})`);
  }));
}

function showUncovered(root, gaps, text) {
  part(root, "uncovered").textContent = !text.trim() ? ""
    : gaps.length ? `Not covered by any question in the bank: ${gaps.join(", ")}. Ask about ${gaps.length === 1 ? "it" : "them"} elsewhere.`
      : "Every skill recognised in the posting has a question.";
}

/** Mount the matcher; returns {tick(items), proposal()} for the kit page. */
export function mountSuggest(root, bank) {
  const { data } = bank;
  const field = part(root, "jd");
  const limit = data.job_description_limit;
  const list = part(root, "suggestions");
  part(root, "jd-limit").textContent = `Up to ${thousands(limit)} characters are matched.`;
  options(part(root, "budget"), data.matching.budgets, (minutes) => `${minutes} minutes`, data.matching.default_budget);
  let items = [];
  let proposal = [];
  let ahead = NO_SLICES; // the posting read ahead in slices, while the reader pastes or types

  function show() {
    const started = performance.now();
    ahead.stop(); // what is left of it (after a change of level or time), the ranking does
    ahead = NO_SLICES;
    const cut = field.value.length > limit;
    if (cut) field.value = field.value.slice(0, limit);
    part(root, "jd-cut").textContent = cut ? `The job description was cut to its first ${thousands(limit)} characters.` : "";
    const text = field.value;
    const role = showLevel(root, data, text);
    const found = text.trim() ? rank(data, text, role) : [];
    proposal = kit(data, found, role, Number(part(root, "budget").value));
    showProposal(root, bank, proposal);
    showUncovered(root, text.trim() ? uncovered(data, text) : [], text);
    list.replaceChildren(...found.slice(0, SHOWN).map((s) => suggestion(bank, s)));
    part(root, "jd-status").textContent = status(text, found, Math.min(found.length, SHOWN));
    part(root, "no-match").hidden = !(text.trim() && !found.length);
    tick(items);
    measure(RANKING, started);
  }

  function choose(target) {
    if (target === part(root, "role")) target.dataset.chosen = target.value;
    show();
  }

  function tick(next) {
    items = next;
    for (const button of list.querySelectorAll("[data-action=toggle]")) {
      const { title } = bank.question(button.dataset.id);
      const inKit = includes(next, button.dataset.id);
      button.textContent = inKit ? "Remove" : "Add";
      button.setAttribute("aria-label", inKit ? `Remove ${quoted(title)} from the kit` : `Add ${quoted(title)} to the kit`);
    }
  }

  // Ranking waits for the pause, and for the reading ahead to end: on a slow
  // phone that may be later, but no task then holds the page for long.
  const later = debounce(() => ahead.whenDone(show), PAUSE_MS);
  function typed() {
    ahead.stop();
    ahead = inSlices(readAhead(data.matching, field.value.slice(0, limit)), READING_AHEAD);
    later();
  }
  field.addEventListener("input", typed);
  // A posting the browser put back into the field (Firefox does on reload) is read as if pasted.
  if (field.value) typed();
  else show();
  const stop = () => {
    later.cancel();
    ahead.stop();
  };
  return { tick, choose, isChoice: (target) => target === part(root, "role") || target === part(root, "budget"), proposal: () => proposal, stop };
}
