/* The bank as the pages see it: kit/bank.json, and each question's material
   (kit/questions/<id>.json) fetched on demand. Both are written by
   scripts/question_bank/export.py; every label, field name and number the
   pages use comes from there. Files are fetched once per page load. */

import { capitalise, plural } from "./dom.js";

const files = new Map(); // url → promise of parsed JSON

function fetchJson(url) {
  if (!files.has(url)) {
    files.set(url, fetch(url).then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json();
    }));
    files.get(url).catch(() => files.delete(url)); // the next try fetches again
  }
  return files.get(url);
}

/** The bank named by the root's data-bank attribute (relative to the page). */
export async function loadBank(root) {
  const url = new URL(root.dataset.bank, location.href);
  return makeBank(await fetchJson(url.href), url);
}

function makeBank(data, url) {
  const byId = new Map(data.questions.map((q) => [q.id, q]));
  const band = (number) => data.bands.find((b) => b.band === number);
  const bank = {
    data,
    questions: data.questions,
    has: (id) => byId.has(id),
    question: (id) => byId.get(id),
    /** An id as it is now: an old id (an alias) finds its question, so links never break. */
    current: (id) => (Object.hasOwn(data.aliases, id) ? data.aliases[id] : id),
    topic: (slug) => data.topics[slug],
    label: (field) => data.labels[field],
    band,
    /** "3 Solid", or "Not asked" for 0. */
    bandName: (number) => (number ? `${number} ${band(number).label}` : data.not_asked),
    minutes: (ids) => ids.reduce((sum, id) => sum + byId.get(id).minutes, 0),
    summary: (ids) => `${plural(ids.length, "question")}, ${bank.minutes(ids)} min`,
    meta: (q) => [capitalise(q.level), `${q.minutes} min`, q.topics.map((t) => data.topics[t]).join(", ")].join(" · "),
    pageUrl: (id) => new URL(data.question_page.replace("{id}", id), url).href,
    /** The question's material: its texts as sanitised HTML, its card, its exercise. */
    material: (id) => fetchJson(new URL(data.question_file.replace("{id}", id), url).href),
    materials: (ids) => Promise.all(ids.map((id) => bank.material(id))),
  };
  return bank;
}
