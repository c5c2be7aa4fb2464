/* The debrief's arithmetic, with no page in sight: the bands of several
   scorecards for one kit side by side, per question and per topic, their
   spread, and where interviewers disagree by bank.json's `disagreement`
   bands or more. A scorecard here is what code.js decodes. */

/** A scorecard's band for a question, or null if it was not asked. */
export const bandOf = (card, id) => (card.answers[id]?.band > 0 ? card.answers[id].band : null);

/** Largest minus smallest of the numbers given, or null if none are. */
export function spread(values) {
  const given = values.filter((value) => value !== null);
  return given.length ? Math.max(...given) - Math.min(...given) : null;
}

const mean = (values) => {
  const given = values.filter((value) => value !== null);
  return given.length ? given.reduce((sum, value) => sum + value, 0) / given.length : null;
};

/** Per question: [{id, bands, spread, disagree, asked}], in kit order. */
export function byQuestion(bank, cards) {
  return cards[0].kit.map(({ id }) => {
    const bands = cards.map((card) => bandOf(card, id));
    const gap = spread(bands);
    return { id, bands, spread: gap, disagree: gap !== null && gap >= bank.data.disagreement, asked: gap !== null };
  });
}

/** Per topic of the kit: [{topic, means, spread, disagree}], each interviewer's mean band on the topic. */
export function byTopic(bank, cards) {
  const ids = cards[0].kit.map(({ id }) => id);
  return Object.keys(bank.data.topics)
    .map((topic) => ({ topic, ids: ids.filter((id) => bank.question(id).topics.includes(topic)) }))
    .filter(({ ids: onTopic }) => onTopic.length)
    .map(({ topic, ids: onTopic }) => {
      const means = cards.map((card) => mean(onTopic.map((id) => bandOf(card, id))));
      const gap = spread(means);
      return { topic, means, spread: gap, disagree: gap !== null && gap >= bank.data.disagreement };
    });
}

/** Whether two scorecards score the same questions (in any order). */
export function sameKit(a, b) {
  const ids = (card) => card.kit.map(({ id }) => id).sort().join();
  return ids(a) === ids(b);
}
