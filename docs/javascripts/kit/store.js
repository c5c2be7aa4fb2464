/* Scorecards saved in this browser (localStorage), one entry per label.
   Nothing here is sent anywhere. Storage can be refused (a private window, a
   full disk): saving then returns false, and the page says so. */

const PREFIX = "qb-scorecard:";
export const RECORD_FORMAT = 1;

/** A new, empty scorecard for a kit. */
export function newRecord(label, interviewer, items, checklists) {
  const answers = Object.fromEntries(items.map(({ id }) => [id, blankAnswer(checklists)]));
  return { format: RECORD_FORMAT, label, interviewer, kit: items, answers, recommendation: 0, summary: "", locked: null, saved: null };
}

/** No band yet (null; 0 is "not asked"), nothing ticked, no evidence. */
export const blankAnswer = (checklists) => ({
  band: null, ticks: Object.fromEntries(checklists.map((list) => [list, []])), exercise: [], note: "", seconds: 0,
});

function storage() {
  try {
    return window.localStorage;
  } catch {
    return null; // storage is blocked altogether
  }
}

export function load(label) {
  try {
    const record = JSON.parse(storage()?.getItem(PREFIX + label) ?? "null");
    return record?.format === RECORD_FORMAT ? record : null;
  } catch {
    return null;
  }
}

export function save(record) {
  try {
    record.saved = new Date().toISOString();
    storage().setItem(PREFIX + record.label, JSON.stringify(record));
    return true;
  } catch {
    return false;
  }
}

export function remove(label) {
  try {
    storage().removeItem(PREFIX + label);
  } catch {
    // nothing was stored
  }
}

/**
 * A saved scorecard as the bank is now: a question renamed since (an alias)
 * is found under its current id; null if the bank no longer has one of them.
 */
export function current(record, bank) {
  if (!record || !record.kit.every(({ id }) => bank.has(bank.current(id)))) return null;
  const kit = record.kit.map((item) => ({ ...item, id: bank.current(item.id) }));
  const answers = Object.fromEntries(record.kit.map(({ id }) => [bank.current(id), record.answers[id]]));
  return { ...record, kit, answers };
}

/** Every scorecard on this device, the latest saved first. */
export function all() {
  const found = [];
  const store = storage();
  for (let index = 0; store && index < store.length; index += 1) {
    const key = store.key(index);
    if (key.startsWith(PREFIX)) {
      const record = load(key.slice(PREFIX.length));
      if (record) found.push(record);
    }
  }
  return found.sort((a, b) => (b.saved ?? "").localeCompare(a.saved ?? ""));
}
