/* A kit: the questions of one interview, in order, each with the
   interviewer who asks it. A list of {id, by}; every change returns a new
   list, and the kit page decides what to redraw. */

export const ids = (items) => items.map((item) => item.id);
export const includes = (items, id) => items.some((item) => item.id === id);

export const added = (items, id) => (includes(items, id) ? items : [...items, { id, by: "" }]);
export const removed = (items, id) => items.filter((item) => item.id !== id);

/** The kit with `id` moved `by` places (-1 up, 1 down). */
export function moved(items, id, by) {
  const index = items.findIndex((item) => item.id === id);
  const next = removed(items, id);
  next.splice(index + by, 0, items[index]);
  return next;
}

export const assigned = (items, id, name) => items.map((item) => (item.id === id ? { ...item, by: name } : item));

/** Everyone the kit names, in the order they first appear. */
export const interviewers = (items) => [...new Set(items.map((item) => item.by).filter(Boolean))];

/** Names compare without case or surrounding spaces: "ana" is Ana. */
export const sameName = (a, b) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Who covers each topic of the kit: [{topic, by: Map(name → question count), covered}],
 * in the bank's topic order.
 */
export function coverage(items, bank) {
  const rows = new Map(Object.keys(bank.data.topics).map((slug) => [slug, { topic: slug, by: new Map(), asked: 0 }]));
  for (const { id, by } of items) {
    for (const slug of bank.question(id).topics) {
      const row = rows.get(slug);
      row.asked += 1;
      if (by) row.by.set(by, (row.by.get(by) ?? 0) + 1);
    }
  }
  return [...rows.values()].filter((row) => row.asked).map((row) => ({ ...row, covered: row.by.size > 0 }));
}
