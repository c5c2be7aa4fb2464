/* Matching a job description to questions: scripts/question_bank/matching.py,
   step for step, over the rules bank.json carries. A browser test runs both
   on the same job descriptions: change them together. */

const WORD = /[a-z0-9+#]+/g;

function singular(word) {
  if (word.length > 4 && word.endsWith("ies")) return word.slice(0, -3) + "y";
  if (word.length > 3 && word.endsWith("s") && !/(ss|us)$/.test(word)) return word.slice(0, -1);
  return word;
}

export const words = (text) => (text.toLowerCase().match(WORD) || []).map(singular);

/** Every joined run of up to `longest` consecutive words of the text. */
function keysIn(text, longest) {
  const found = words(text);
  const keys = new Set();
  found.forEach((_, start) => {
    let joined = "";
    for (const word of found.slice(start, start + longest)) keys.add((joined += word));
  });
  return keys;
}

/** Questions the text calls for, best first: [{question, score, matches: [[term, via]]}]. */
export function rank(data, text) {
  const present = keysIn(text, data.longest);
  const found = data.questions.map((q) => ({ question: q.id, matches: [], reasons: new Set(), keys: new Set() }));
  const byId = new Map(found.map((s) => [s.question, s]));
  for (const [key, term, via, kind, ids] of data.rules) {
    if (!present.has(key)) continue;
    for (const id of ids) {
      const s = byId.get(id);
      if (s.keys.has(key)) continue; // one reason per word of the text
      s.keys.add(key);
      s.matches.push([term, via]);
      s.reasons.add(JSON.stringify([kind, kind === "keyword" ? key : via]));
    }
  }
  const kinds = (s) => [...s.reasons].map((reason) => JSON.parse(reason)[0]);
  return found
    .filter((s) => kinds(s).some((kind) => kind !== "level")) // the level only orders
    .map((s) => ({ question: s.question, score: kinds(s).reduce((sum, kind) => sum + data.weights[kind], 0), matches: s.matches }))
    .sort((a, b) => b.score - a.score); // stable: equal scores keep the bank's order
}
