/* A filled scorecard as a report: what must be filled in before it is
   locked or exported, and the same report as Markdown (for an ATS note) and
   as a sheet to print. Both are drawn from one outline, `report`. */

import { clock, h, quoted, textOf, listed } from "./dom.js";
import { nth } from "./material.js";
import { countsOf, suggestedBand } from "./scoring.js";
import { fieldId } from "./scorecard-question.js";

/** What stops locking or exporting: [{missing, focus}], focus being an element id. */
export function problems(bank, record) {
  const found = [];
  for (const { id } of record.kit) {
    const { band, note } = record.answers[id];
    if (band > 0 && !note.trim()) found.push({ missing: `evidence for ${quoted(bank.question(id).title)}`, focus: fieldId(id, "note") });
  }
  if (!record.kit.some(({ id }) => record.answers[id].band > 0)) {
    found.push({ missing: "a band for at least one question", focus: fieldId(record.kit[0].id, "band", 1) });
  }
  if (!record.recommendation) found.push({ missing: "an overall recommendation", focus: "qb-sc-recommendation-1" });
  if (!record.summary.trim()) found.push({ missing: "a written summary", focus: "qb-sc-summary" });
  return found;
}

export const problemText = (verb, found) => `Before you ${verb}, add ${listed(found.map((p) => p.missing))}.`;

function questionReport(bank, item, material, answer, position) {
  const q = bank.question(item.id);
  const heard = (list) => answer.ticks[list].map((n) => textOf(nth(material[list], n)));
  const lists = bank.data.checklists.map((list) => [bank.label(list), heard(list)]);
  if (material.exercise) lists.push([bank.label("exercise"), answer.exercise.map((n) => nth(bank.data.exercise_checklist, n))]);
  const suggested = suggestedBand(bank.data.band_rule, countsOf(bank, material, answer));
  return {
    heading: `${position}. ${q.title}: ${bank.bandName(answer.band ?? 0)}`,
    facts: [
      ["Suggested by the ticks", bank.bandName(suggested)],
      ["Time", `${clock(answer.seconds)} of ${clock(q.minutes * 60)}`],
      ...(item.by ? [["Asked by", item.by]] : []),
    ],
    lists,
    evidence: answer.note.trim(),
  };
}

/** The outline both renderings share. */
export function report(bank, record, materials) {
  const asked = record.kit.filter(({ id }) => record.answers[id].band > 0).length;
  return {
    title: `Interview scorecard: ${record.label}`,
    facts: [
      ["Interviewer", record.interviewer || "not given"],
      ["Recommendation", record.recommendation ? nth(bank.data.recommendations, record.recommendation) : "none yet"],
      ["Questions scored", `${asked} of ${record.kit.length}`],
    ],
    summary: record.summary.trim(),
    questions: record.kit.map((item, index) => questionReport(bank, item, materials[index], record.answers[item.id], index + 1)),
  };
}

/** The report as Markdown, which also reads as plain text. */
export function markdown(outline) {
  const facts = (pairs) => pairs.map(([label, value]) => `- ${label}: ${value}`);
  const lines = [`# ${outline.title}`, "", ...facts(outline.facts), "", "## Summary", "", outline.summary || "(none)"];
  for (const q of outline.questions) {
    lines.push("", `## ${q.heading}`, "", ...facts(q.facts));
    for (const [label, points] of q.lists) lines.push(`- ${label}: ${points.length ? points.join("; ") : "none"}`);
    lines.push("", `Evidence: ${q.evidence || "(none)"}`);
  }
  return `${lines.join("\n")}\n`;
}

/** The report as a sheet to print. */
export function sheet(outline) {
  const facts = (pairs) => h("ul", { className: "qb-sc__facts" }, ...pairs.map(([label, value]) => h("li", {}, h("strong", {}, `${label}: `), value)));
  return [
    h("section", { className: "qb-kit__printed" },
      h("h2", {}, outline.title), facts(outline.facts),
      h("h3", {}, "Summary"), h("p", { className: "qb-sc__prose" }, outline.summary || "(none)")),
    ...outline.questions.map((q) => h("section", { className: "qb-sc__printed-question" },
      h("h3", {}, q.heading), facts(q.facts),
      h("ul", {}, ...q.lists.map(([label, points]) => h("li", {}, h("strong", {}, `${label}: `), points.length ? points.join("; ") : "none"))),
      h("p", { className: "qb-sc__prose" }, h("strong", {}, "Evidence: "), q.evidence || "(none)"))),
  ];
}
