/* The kit page's list of every question, narrowed by topic, level and time.
   Built once; filtering hides rows and the kit's changes tick boxes in place. */

import { capitalise, h, part, plural } from "./dom.js";
import { includes } from "./kit-state.js";

const FILTERS = ["topic", "level", "minutes"];

/** Fill a filter's options; each says how many questions it keeps. */
function fill(select, values, label, keeps, questions) {
  for (const value of values) {
    const count = questions.filter((q) => keeps(q, value)).length;
    if (count) select.append(h("option", { value }, `${label(value)} (${count})`));
  }
}

/** Topics grouped under the bank's areas, as on the home page; empty areas are left out. */
function fillTopics(select, bank) {
  for (const [, label, topics] of bank.data.areas) {
    const group = h("optgroup", { label });
    fill(group, topics, bank.topic, (q, slug) => q.topics.includes(slug), bank.questions);
    if (group.childElementCount) select.append(group);
  }
}

function fillFilters(root, bank) {
  const { questions, data } = bank;
  fillTopics(part(root, "topic"), bank);
  fill(part(root, "level"), data.levels, capitalise, (q, level) => q.level === level, questions);
  const lengths = [...new Set(questions.map((q) => q.minutes))].sort((a, b) => a - b).map(String);
  fill(part(root, "minutes"), lengths, (m) => `${m} min or less`, (q, m) => q.minutes <= Number(m), questions);
}

function row(bank, q) {
  const box = h("input", { type: "checkbox", id: `qb-kit-pick-${q.id}`, value: q.id, "aria-describedby": `qb-kit-about-${q.id}` });
  const item = h("li", { className: "qb-kit__question" }, box, h("div", { className: "qb-kit__body" },
    h("label", { htmlFor: box.id, className: "qb-kit__title" }, q.title),
    h("p", { id: `qb-kit-about-${q.id}`, className: "qb-kit__meta" }, bank.meta(q)),
    h("p", { className: "qb-kit__text" }, q.question),
    h("a", { href: bank.pageUrl(q.id), className: "qb-kit__open" }, "Open the question",
      h("span", { className: "qb-kit__sr" }, `: ${q.title}`))));
  return { item, box };
}

/** Mount the list; returns what the kit page calls as things change. */
export function mountBrowse(root, bank) {
  fillFilters(root, bank);
  const rows = new Map(bank.questions.map((q) => [q.id, row(bank, q)]));
  part(root, "questions").append(...[...rows.values()].map((r) => r.item));

  function filter() {
    const [topic, level, most] = FILTERS.map((name) => part(root, name).value);
    let shown = 0;
    for (const q of bank.questions) {
      const keep = (!topic || q.topics.includes(topic)) && (!level || q.level === level) && (!most || q.minutes <= Number(most));
      rows.get(q.id).item.hidden = !keep;
      shown += keep;
    }
    part(root, "count").textContent = shown
      ? `Showing ${shown} of ${plural(bank.questions.length, "question")}.`
      : "No question fits all these filters. Clear one, or clear them all.";
  }

  function reset() {
    for (const name of FILTERS) part(root, name).value = "";
    filter();
  }

  const tick = (items) => rows.forEach(({ box }, id) => { box.checked = includes(items, id); });
  filter();
  return { filter, reset, tick, isFilter: (element) => FILTERS.some((name) => part(root, name) === element) };
}
