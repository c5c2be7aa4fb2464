/* What the debrief shows once it may: bands side by side per question and
   per topic, with their spread and disagreements flagged; the questions
   nobody asked; each interviewer's evidence; the overall recommendations. */

import { h, plural, textOf } from "./dom.js";
import { bandOf, byQuestion, byTopic } from "./debrief-compare.js";
import { nth } from "./material.js";

const NONE = "—";

/** A table in a region that scrolls sideways on its own, never the page. */
function table(label, head, rows) {
  return h("div", { className: "qb-kit__scroll", tabIndex: 0, role: "region", "aria-label": label },
    h("table", {},
      h("thead", {}, h("tr", {}, ...head.map((cell) => h("th", { scope: "col" }, cell)))),
      h("tbody", {}, ...rows)));
}

/** The flag cell: nobody asked, or interviewers far apart (the spread written as `spreadText`). */
function flag(row, spreadText) {
  if (row.spread === null) return h("td", { className: "qb-db__flag" }, "Nobody asked");
  if (!row.disagree) return h("td", {}, "");
  return h("td", { className: "qb-db__flag qb-db__flag--disagree" }, `Disagree by ${spreadText}`);
}

function questionTable(bank, cards, names) {
  const rows = byQuestion(bank, cards).map((row) => h("tr", { className: row.disagree ? "qb-db__disagree" : "", "data-id": row.id },
    h("th", { scope: "row" }, bank.question(row.id).title),
    ...row.bands.map((band) => h("td", {}, band ? bank.bandName(band) : NONE)),
    h("td", {}, row.spread ?? NONE), flag(row, row.spread)));
  return table("Bands by question", ["Question", ...names, "Spread", "Flag"], rows);
}

function topicTable(bank, cards, names) {
  const rows = byTopic(bank, cards).map((row) => h("tr", { className: row.disagree ? "qb-db__disagree" : "", "data-topic": row.topic },
    h("th", { scope: "row" }, bank.topic(row.topic)),
    ...row.means.map((value) => h("td", {}, value === null ? NONE : value.toFixed(1))),
    h("td", {}, row.spread === null ? NONE : row.spread.toFixed(1)), flag(row, row.spread?.toFixed(1))));
  return table("Mean band by topic", ["Topic", ...names, "Spread", "Flag"], rows);
}

function notAsked(bank, cards) {
  const missing = byQuestion(bank, cards).filter((row) => !row.asked);
  if (!missing.length) return h("p", {}, "Every question was asked by at least one interviewer.");
  return h("ul", { "data-part": "not-asked" }, ...missing.map((row) => h("li", {}, bank.question(row.id).title)));
}

function evidence(bank, cards, names, materials) {
  return cards[0].kit.flatMap(({ id }, index) => {
    const given = cards.map((card, who) => ({ card, who })).filter(({ card }) => bandOf(card, id));
    if (!given.length) return [];
    return [h("h3", {}, bank.question(id).title), h("dl", { className: "qb-db__evidence" }, ...given.flatMap(({ card, who }) => {
      const answer = card.answers[id];
      const flags = answer.ticks.red_flags.map((n) => textOf(nth(materials[index].red_flags, n)));
      return [
        h("dt", {}, `${names[who]}: ${bank.bandName(answer.band)}`),
        h("dd", {}, h("p", { className: "qb-sc__prose" }, answer.note),
          flags.length ? h("p", {}, h("strong", {}, `${bank.label("red_flags")} observed: `), flags.join("; ")) : null),
      ];
    }))];
  });
}

function recommendations(bank, cards, names) {
  const tally = bank.data.recommendations.map((label, index) =>
    `${label}: ${cards.filter((card) => card.recommendation === index + 1).length}`).join(" · ");
  const rows = cards.map((card, who) => h("tr", {},
    h("th", { scope: "row" }, names[who]),
    h("td", {}, card.recommendation ? nth(bank.data.recommendations, card.recommendation) : NONE),
    h("td", { className: "qb-sc__prose" }, card.summary)));
  return [h("p", { "data-part": "tally" }, tally), table("Overall recommendations", ["Interviewer", "Recommendation", "Summary"], rows)];
}

/** Column names: "You (Ana)" first, then each interviewer, numbered if a name repeats. */
export function columnNames(cards) {
  const seen = new Map();
  return cards.map((card, index) => {
    const count = (seen.get(card.interviewer) ?? 0) + 1;
    seen.set(card.interviewer, count);
    const name = count > 1 ? `${card.interviewer} (${count})` : card.interviewer;
    return index === 0 ? `You (${name})` : name;
  });
}

/** Everything the debrief shows, as sections. */
export function debriefSections(bank, cards, materials) {
  const names = columnNames(cards);
  const section = (title, ...content) => h("section", { className: "qb-kit__part" }, h("h2", {}, title), ...content);
  return [
    h("p", { "data-part": "who" }, `${plural(cards.length, "scorecard")}: ${names.join(", ")}.`),
    section("Bands by question", questionTable(bank, cards, names)),
    section("Bands by topic", h("p", { className: "qb-kit__hint" }, "Each interviewer’s mean band over the topic’s questions they asked."), topicTable(bank, cards, names)),
    section("Questions nobody asked", notAsked(bank, cards)),
    section("Evidence", ...evidence(bank, cards, names, materials)),
    section("Overall recommendations", ...recommendations(bank, cards, names)),
  ];
}
