/* The scorecard page before a scorecard is open: start one for the kit in
   the link, or reopen one saved on this device. */

import { h, part, plural } from "./dom.js";
import { interviewers, ids } from "./kit-state.js";
import { NAME_LIMIT, cleanName } from "./link.js";
import * as store from "./store.js";

export const labelUrl = (label) => {
  const url = new URL(location.href);
  url.search = new URLSearchParams({ label }).toString();
  return url;
};

function savedItem(bank, record) {
  const when = new Date(record.saved).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });
  const state = record.locked ? "locked" : "not locked";
  return h("li", {},
    h("a", { href: labelUrl(record.label).href }, record.label),
    h("span", { className: "qb-kit__meta" }, ` · ${record.interviewer} · ${plural(record.kit.length, "question")} · ${state} · saved ${when}`));
}

/** The list of scorecards saved on this device. */
export function showSaved(root, bank) {
  const records = store.all().map((record) => store.current(record, bank)).filter(Boolean);
  part(root, "saved-list").replaceChildren(...records.map((record) => savedItem(bank, record)));
  part(root, "saved-empty").hidden = records.length > 0;
}

/** The form that starts a scorecard for `items`; calls `open(record)` once it is saved. */
export function showStart(root, bank, items, open) {
  part(root, "start").hidden = false;
  for (const name of ["label", "interviewer"]) part(root, name).maxLength = NAME_LIMIT;
  part(root, "start-form").hidden = !items.length;
  part(root, "no-kit").hidden = items.length > 0;
  part(root, "start-kit").textContent = items.length
    ? `For this kit: ${bank.summary(ids(items))}: ${items.map(({ id }) => bank.question(id).title).join("; ")}.`
    : "";
  part(root, "interviewers").replaceChildren(...interviewers(items).map((name) => h("option", { value: name })));
  part(root, "start-form").onsubmit = (event) => {
    event.preventDefault();
    start(root, bank, items, open);
  };
}

function start(root, bank, items, open) {
  const label = cleanName(part(root, "label").value);
  const interviewer = cleanName(part(root, "interviewer").value);
  const problem = !label ? ["label", "Give the scorecard a label."]
    : store.load(label) ? ["label", "A scorecard with this label is already saved on this device: open it below, or choose another label."]
      : !interviewer ? ["interviewer", "Say who you are (a name or a role), so that the debrief can tell the scorecards apart."]
        : null;
  part(root, "start-problem").textContent = problem ? problem[1] : "";
  for (const name of ["label", "interviewer"]) part(root, name).setAttribute("aria-invalid", String(problem?.[0] === name));
  if (problem) return part(root, problem[0]).focus();
  const record = store.newRecord(label, interviewer, items, bank.data.checklists);
  if (!store.save(record)) {
    part(root, "start-problem").textContent = "This browser does not allow saving here (a private window, or storage turned off), so the scorecard could not be started.";
    return;
  }
  open(record);
}
