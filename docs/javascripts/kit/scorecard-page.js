/* The scorecard page (docs/scorecard.md): one interviewer scores one
   interview, saved in this browser as they go. This module holds the open
   scorecard and the page's events; scorecard-start draws the page before a
   scorecard is open, scorecard-question each question, scorecard-report the
   exports. */

import { announcer, copyField, debounce, h, part, quoted } from "./dom.js";
import { encodeScorecard } from "./code.js";
import { sameName } from "./kit-state.js";
import { SCORECARD_KEY, readKit, withKit } from "./link.js";
import { problemText, problems, markdown, report, sheet } from "./scorecard-report.js";
import { questionSection, refreshClock, refreshQuestion } from "./scorecard-question.js";
import { labelUrl, showSaved, showStart } from "./scorecard-start.js";
import * as store from "./store.js";
import { createTimer } from "./timer.js";

const SAVE_PAUSE_MS = 400; // typing saves once it pauses
const TIMER_SAVE_S = 10; // a running timer saves this often

export function mountScorecard(root, bank) {
  const say = announcer(part(root, "message"));
  let view = null;
  const open = (record) => {
    view?.close();
    history.replaceState(history.state, "", labelUrl(record.label));
    view = openScorecard(root, bank, record, say, { deleted });
  };
  function showChooser(message = "") {
    view?.close();
    view = null;
    part(root, "card").hidden = true;
    part(root, "saved").hidden = false;
    part(root, "notice").textContent = message;
    const linked = readKit(location.search, bank, SCORECARD_KEY);
    showStart(root, bank, linked.items, open);
    showSaved(root, bank);
  }
  // After a delete: the start form for the same kit, and a way back until the page is left.
  function deleted(record) {
    const address = new URL(location.href);
    address.search = "";
    history.replaceState(history.state, "", withKit(address, record.kit, SCORECARD_KEY));
    const message = `Deleted ${quoted(record.label)} from this device.`;
    showChooser(message);
    const undo = h("button", { type: "button", className: "qb-kit__button" }, "Undo");
    undo.addEventListener("click", () => store.save(record) && open(record));
    part(root, "notice").append(" ", undo);
    say(message);
    undo.focus();
  }
  const label = new URLSearchParams(location.search).get("label");
  const record = label && store.current(store.load(label), bank);
  if (record) open(record);
  else showChooser(label ? "The link names a scorecard that is not saved on this device. Start one below, or open one saved here." : "");
  return () => view?.close();
}

/** Show a saved scorecard and keep it saved as it changes; returns {close}. */
function openScorecard(root, bank, record, say, { deleted }) {
  part(root, "start").hidden = true;
  part(root, "saved").hidden = true;
  part(root, "card").hidden = false;
  part(root, "notice").textContent = "";
  part(root, "title").textContent = `Scorecard: ${record.label}`;
  part(root, "questions").replaceChildren(h("p", {}, "Loading the questions…"));
  const state = { record, materials: null, shout: false, closed: false };
  const persist = () => saved(root, bank, state);
  const later = debounce(persist, SAVE_PAUSE_MS);
  const timer = createTimer({
    alive: () => root.isConnected && !part(root, "card").hidden,
    onTick: (id, seconds) => {
      record.answers[id].seconds = seconds;
      refreshClock(root, bank, id, seconds, true);
      if (seconds % TIMER_SAVE_S === 0) persist();
    },
  });
  bank.materials(record.kit.map(({ id }) => id)).then((materials) => {
    if (state.closed) return; // left, or another scorecard opened, while they loaded
    state.materials = materials;
    drawQuestions(root, bank, state);
    drawOverall(root, bank, record);
    lockControls(root, record);
    persist();
  }, () => part(root, "questions").replaceChildren(h("p", {}, "The questions could not be loaded. Reload the page to try again.")));
  const handlers = events(root, bank, state, { persist, later, timer, say, deleted });
  const close = () => {
    state.closed = true;
    const stopped = timer.stop();
    if (stopped) record.answers[stopped.id].seconds = stopped.seconds;
    later.cancel();
    if (store.load(record.label)) persist();
    handlers.abort();
  };
  return { close };
}

/** Save, redraw the print sheet, and say when it was saved. */
function saved(root, bank, { record, materials }) {
  if (!materials) return;
  const ok = store.save(record);
  part(root, "save-status").textContent = ok
    ? `Saved on this device at ${new Date(record.saved).toLocaleTimeString("en-GB", { timeStyle: "short" })}.`
    : "This browser did not allow saving: keep this page open, and copy the code before you leave.";
  part(root, "sheet").replaceChildren(...sheet(report(bank, record, materials)));
}

function drawQuestions(root, bank, { record, materials }) {
  const mine = record.kit.filter((item) => item.by && sameName(item.by, record.interviewer));
  const others = record.kit.filter((item) => !mine.includes(item));
  const position = (item) => `Question ${record.kit.indexOf(item) + 1} of ${record.kit.length}`;
  const sections = (items) => items.map((item) => {
    const index = record.kit.indexOf(item);
    return questionSection(bank, item, materials[index], record.answers[item.id], position(item));
  });
  const group = (title, items) => (items.length ? [h("h2", { className: "qb-sc__group" }, title), ...sections(items)] : []);
  part(root, "questions").replaceChildren(...(mine.length
    ? [...group(`Your questions (${record.interviewer})`, mine), ...group("The other interviewers’ questions", others)]
    : group("Questions", others)));
  for (const [index, { id }] of record.kit.entries()) refreshQuestion(root, bank, id, materials[index], record.answers[id]);
}

function drawOverall(root, bank, record) {
  part(root, "recommendation").replaceChildren(h("legend", {}, "Overall recommendation"),
    h("ul", {}, ...bank.data.recommendations.map((label, index) => {
      const radio = h("input", { type: "radio", name: "qb-sc-recommendation", id: `qb-sc-recommendation-${index + 1}`,
        value: index + 1, checked: record.recommendation === index + 1, "data-recommendation": index + 1 });
      return h("li", {}, radio, h("label", { htmlFor: radio.id }, label));
    })));
  part(root, "summary").value = record.summary;
  part(root, "interviewer-facts").textContent = `Interviewer: ${record.interviewer} · ${bank.summary(record.kit.map(({ id }) => id))}`;
}

/** A locked scorecard keeps its scores: every control that changes them is disabled. */
function lockControls(root, record) {
  const locked = Boolean(record.locked);
  for (const control of part(root, "card").querySelectorAll("input[data-question], textarea[data-question], [data-recommendation], [data-part=summary], [data-action=lock], [data-action=timer]")) {
    control.disabled = locked;
  }
  part(root, "lock-status").textContent = locked
    ? `Locked on ${new Date(record.locked).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" })}: the scores can no longer change.`
    : "Not locked: you can still change every score.";
}

/** The page's events while a scorecard is open; returns the AbortController that removes them. */
function events(root, bank, state, tools) {
  const { record } = state;
  const controller = new AbortController();
  const options = { signal: controller.signal };
  const refresh = (id) => {
    const index = record.kit.findIndex((item) => item.id === id);
    refreshQuestion(root, bank, id, state.materials[index], record.answers[id], { running: tools.timer.runningId() === id, shout: state.shout });
  };
  root.addEventListener("change", (event) => {
    if (record.locked || !state.materials) return;
    changed(event.target, record, refresh);
    tools.persist();
  }, options);
  root.addEventListener("input", (event) => {
    if (record.locked || !state.materials) return;
    typed(event.target, record, refresh) && tools.later();
  }, options);
  const act = actions(root, bank, state, tools, refresh);
  root.addEventListener("click", (event) => {
    const button = event.target.closest("[data-action]");
    if (button && state.materials) act[button.dataset.action]?.(button.dataset.id);
  }, options);
  return controller;
}

/** A tick, a band or a recommendation changed. */
function changed(target, record, refresh) {
  const { question: id, list, point, band, recommendation } = target.dataset;
  if (recommendation) record.recommendation = Number(recommendation);
  if (!id) return;
  const answer = record.answers[id];
  if (list) {
    const chosen = list === "exercise" ? answer.exercise : answer.ticks[list];
    const next = target.checked ? [...chosen, Number(point)] : chosen.filter((n) => n !== Number(point));
    next.sort((a, b) => a - b);
    if (list === "exercise") answer.exercise = next;
    else answer.ticks[list] = next;
  }
  if (band !== undefined) answer.band = Number(band);
  refresh(id);
}

/** An evidence note or the summary was typed in; true if the scorecard changed. */
function typed(target, record, refresh) {
  if (target.dataset.note !== undefined) {
    record.answers[target.dataset.question].note = target.value;
    refresh(target.dataset.question);
    return true;
  }
  if (target.dataset.part === "summary") {
    record.summary = target.value;
    return true;
  }
  return false;
}

function actions(root, bank, state, { persist, timer, say, deleted }, refresh) {
  const { record } = state;
  const refuse = (verb) => {
    const found = problems(bank, record);
    if (!found.length) return false;
    state.shout = true;
    record.kit.forEach(({ id }) => refresh(id));
    say(problemText(verb, found));
    document.getElementById(found[0].focus)?.focus();
    return true;
  };
  const reveal = (name, text) => {
    part(root, `${name}-box`).hidden = false;
    part(root, name).value = text;
    return copyField(part(root, name));
  };
  return {
    timer: (id) => toggleTimer(record, timer, id, refresh, persist),
    lock: () => {
      if (refuse("lock")) return;
      const stopped = timer.stop();
      if (stopped) record.answers[stopped.id].seconds = stopped.seconds;
      record.locked = new Date().toISOString();
      persist();
      lockControls(root, record);
      record.kit.forEach(({ id }) => refresh(id));
      say("Locked: your scores can no longer change. Copy the code for the debrief.");
    },
    code: async () => {
      if (refuse("copy the code")) return;
      const copied = await reveal("code", await encodeScorecard(record, bank));
      say(copied ? "Code copied. Paste it into the debrief or your applicant-tracking system." : "Your browser did not allow copying: the code is selected in the box, copy it from there.");
    },
    markdown: async () => {
      if (refuse("copy the summary")) return;
      const copied = await reveal("markdown", markdown(report(bank, record, state.materials)));
      say(copied ? "Summary copied as Markdown." : "Your browser did not allow copying: the summary is selected in the box, copy it from there.");
    },
    print: () => {
      persist();
      window.print();
    },
    delete: () => {
      timer.stop();
      store.remove(record.label);
      deleted(record);
    },
  };
}

function toggleTimer(record, timer, id, refresh, persist) {
  if (timer.runningId() === id) {
    const stopped = timer.stop();
    record.answers[id].seconds = stopped.seconds;
  } else {
    const stopped = timer.start(id, record.answers[id].seconds);
    if (stopped) {
      record.answers[stopped.id].seconds = stopped.seconds;
      refresh(stopped.id);
    }
  }
  refresh(id);
  persist();
}
