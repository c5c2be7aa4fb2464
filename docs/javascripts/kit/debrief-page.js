/* The debrief page (docs/debrief.md): several interviewers' scorecard codes
   for one kit, compared. Independent scoring, kept honest by the page: the
   others' codes can be added, and anything of theirs shown, only after you
   have given your own scorecard, locked on this device or as your code. */

import { announcer, h, part, plural } from "./dom.js";
import { CodeError, checkPoints, decodeScorecard } from "./code.js";
import { sameKit } from "./debrief-compare.js";
import { debriefSections } from "./debrief-view.js";
import * as store from "./store.js";

/** A locked scorecard of this device as the debrief reads it (the shape decodeScorecard gives). */
const fromRecord = ({ kit, interviewer, answers, recommendation, summary }) => ({ kit, interviewer, answers, recommendation, summary });

/** The codes in a pasted text: anything separated by blank space or commas. */
const codesIn = (text) => text.split(/[\s,]+/).filter(Boolean);

export function mountDebrief(root, bank) {
  const say = announcer(part(root, "message"));
  const state = { cards: [], codes: new Set(), materials: null };
  const locked = store.all().filter((record) => record.locked).map((record) => store.current(record, bank)).filter(Boolean);
  part(root, "own-local").hidden = !locked.length;
  part(root, "own-select").replaceChildren(...locked.map((record, index) =>
    h("option", { value: index }, `${record.label} (${record.interviewer})`)));

  const accept = (cards, codes) => acceptCards(root, bank, state, cards, codes);
  const actions = {
    "own-local": () => accept([fromRecord(locked[Number(part(root, "own-select").value)])], []),
    "own-code": async () => {
      const [code] = codesIn(part(root, "own-code").value);
      if (!code) throw new CodeError("Paste your own scorecard code first.");
      await accept([await decodeScorecard(code, bank)], [code]);
    },
    others: async () => {
      const codes = codesIn(part(root, "others-codes").value);
      const cards = await checkOthers(bank, state, codes);
      await accept(cards, codes);
      part(root, "others-codes").value = "";
      say(`Added ${plural(cards.length, "scorecard")}.`);
    },
    restart: () => {
      state.cards = [];
      state.codes.clear();
      show(root, bank, state);
      say("Started over: nothing is shown until you give your own scorecard.");
    },
  };
  root.addEventListener("click", async (event) => {
    const button = event.target.closest("[data-action]");
    if (!button) return;
    part(root, "problem").textContent = "";
    try {
      await actions[button.dataset.action]();
    } catch (error) {
      if (!(error instanceof CodeError)) throw error;
      part(root, "problem").textContent = error.message; // and nothing changed
    }
  });
  show(root, bank, state);
}

/** Add scorecards to the comparison, once their points fit the questions as they are now. */
async function acceptCards(root, bank, state, cards, codes) {
  const materials = await bank.materials(cards[0].kit.map(({ id }) => id));
  cards.forEach((card) => checkPoints(card, bank, materials));
  state.materials = materials;
  state.cards.push(...cards);
  codes.forEach((code) => state.codes.add(code));
  show(root, bank, state);
}

/** Every code decoded and fit for this debrief, or a CodeError naming the first that is not. */
async function checkOthers(bank, state, codes) {
  if (!codes.length) throw new CodeError("Paste one or more codes first.");
  const cards = [];
  for (const [index, code] of codes.entries()) {
    const which = codes.length > 1 ? `Code ${index + 1} of ${codes.length}: ` : "";
    const refuse = (message) => new CodeError(`Nothing was added. ${which}${message}`);
    if (state.codes.has(code) || codes.indexOf(code) !== index) throw refuse("this code has already been added.");
    let card;
    try {
      card = await decodeScorecard(code, bank);
    } catch (error) {
      throw error instanceof CodeError ? refuse(error.message) : error;
    }
    if (!sameKit(card, state.cards[0])) throw refuse("this code is for a different kit from your own scorecard’s.");
    cards.push(card);
  }
  return cards;
}

/** The page for the state: the own step until it is done, then the others' codes and the comparison. */
function show(root, bank, state) {
  const hasOwn = state.cards.length > 0;
  part(root, "own").hidden = hasOwn;
  for (const control of part(root, "others").querySelectorAll("textarea, button")) control.disabled = !hasOwn;
  part(root, "gate").textContent = hasOwn
    ? "Your own scorecard is in. Add the other interviewers’ codes."
    : "Give your own scorecard first: the other interviewers’ codes can be added only after that.";
  part(root, "restart").hidden = !hasOwn;
  part(root, "results").replaceChildren(...(hasOwn ? debriefSections(bank, state.cards, state.materials) : []));
}
