/* The kit page's "Your kit": the chosen questions in order, each with
   buttons to move or remove it and a box naming its interviewer; and the
   grid that shows who covers which topic. */

import { h, listed, part, plural, quoted } from "./dom.js";
import { coverage, ids, interviewers } from "./kit-state.js";
import { NAME_LIMIT } from "./link.js";

const NAMES_LIST = "qb-kit-interviewers";

function item(bank, { id, by }, index, count) {
  const { title, minutes } = bank.question(id);
  const button = (action, label, text, disabled = false) => h("button", {
    type: "button", className: "qb-kit__button qb-kit__button--icon", disabled,
    "data-action": action, "data-id": id, "aria-label": label, "data-focus": `${action}:${id}`,
  }, text);
  const field = `qb-kit-by-${id}`;
  return h("li", { className: "qb-kit__item" },
    h("div", { className: "qb-kit__body" },
      h("p", { className: "qb-kit__title" }, title),
      h("p", { className: "qb-kit__meta" }, `${minutes} min`),
      h("p", { className: "qb-kit__by" },
        h("label", { htmlFor: field }, "Interviewer", h("span", { className: "qb-kit__sr" }, ` for ${quoted(title)}`)),
        h("input", { id: field, type: "text", value: by, maxLength: NAME_LIMIT, autocomplete: "off",
          className: "qb-kit__name", "data-assign": id, list: NAMES_LIST, placeholder: "Name or role" }))),
    h("div", { className: "qb-kit__moves" },
      button("up", `Move ${quoted(title)} up`, "↑", index === 0),
      button("down", `Move ${quoted(title)} down`, "↓", index === count - 1),
      button("remove", `Remove ${quoted(title)} from the kit`, "✕")));
}

/** Redraw the list; `focus` names buttons (action:id) to focus, first one that is enabled. */
export function showSelection(root, bank, items, focus) {
  const chosen = ids(items);
  part(root, "total").textContent = items.length
    ? `${bank.summary(chosen)} in total.`
    : "No questions yet: tick them in the list, or add suggested ones.";
  part(root, "jump").textContent = `Your kit: ${items.length ? bank.summary(chosen) : "empty"}`;
  part(root, "kit").replaceChildren(...items.map((entry, index) => item(bank, entry, index, items.length)));
  if (!focus) return;
  const target = focus.map((key) => root.querySelector(`[data-focus="${key}"]:not(:disabled)`)).find(Boolean);
  (target || part(root, "heading")).focus(); // the last one left: back to the heading
}

function grid(bank, rows, names) {
  const header = h("tr", {}, h("th", { scope: "col" }, "Topic"),
    ...names.map((name) => h("th", { scope: "col" }, name)), h("th", { scope: "col" }, "Covered"));
  const body = rows.map((row) => h("tr", { className: row.covered ? "" : "qb-kit__uncovered" },
    h("th", { scope: "row" }, bank.topic(row.topic)),
    ...names.map((name) => h("td", {}, String(row.by.get(name) ?? "—"))),
    h("td", {}, row.covered ? "Yes" : "No one")));
  return h("div", { className: "qb-kit__scroll", tabIndex: 0, role: "region", "aria-labelledby": "qb-kit-coverage-title" },
    h("table", {}, h("thead", {}, header), h("tbody", {}, ...body)));
}

/** The coverage grid and its one-line verdict, and the names offered while typing. */
export function showCoverage(root, bank, items) {
  const names = interviewers(items);
  part(root, "names").replaceChildren(...names.map((name) => h("option", { value: name })));
  part(root, "coverage").hidden = !items.length;
  const rows = coverage(items, bank);
  const open = rows.filter((row) => !row.covered).map((row) => bank.topic(row.topic));
  part(root, "coverage-status").textContent = !names.length
    ? "Name an interviewer for each question to split the interview; this grid then shows who covers which topic."
    : open.length
      ? `No interviewer yet for ${plural(open.length, "topic")}: ${listed(open)}.`
      : `Every topic in the kit has an interviewer: ${plural(names.length, "interviewer")}.`;
  part(root, "coverage-grid").replaceChildren(...(names.length ? [grid(bank, rows, names)] : []));
}
