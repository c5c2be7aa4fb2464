/* The interview kit page (docs/kit.md): pick, order, assign, share and
   print questions. This module holds the kit and the page's events; the
   parts it draws are in kit-browse, kit-suggest, kit-selection, kit-print. */

import { announcer, copyField, listed, part, plural, quoted } from "./dom.js";
import { mountBrowse } from "./kit-browse.js";
import { kitSheet } from "./kit-print.js";
import { showCoverage, showSelection } from "./kit-selection.js";
import { added, assigned, ids, includes, moved, removed } from "./kit-state.js";
import { mountSuggest } from "./kit-suggest.js";
import { SCORECARD_KEY, cleanName, readKit, withKit } from "./link.js";

// Unknown ids a link names that the notice repeats; the rest are counted.
const NAMED_UNKNOWN = 5;

/** What the page says about ids in its link that it could not use; never the free text itself. */
export function unknownNotice({ unknown, ignored }) {
  const parts = [];
  if (unknown.length) {
    const named = unknown.slice(0, NAMED_UNKNOWN).map(quoted);
    const more = unknown.length - named.length;
    parts.push(`The link names ${plural(unknown.length, "question")} that this bank does not have, `
      + `so ${unknown.length === 1 ? "it was" : "they were"} left out: ${listed(more ? [...named, `${more} more`] : named)}.`);
  }
  if (ignored) parts.push(`${plural(ignored, "part")} of the link ${ignored === 1 ? "was" : "were"} not a question id and ${ignored === 1 ? "was" : "were"} ignored.`);
  return parts.join(" ");
}

export function mountKit(root, bank) {
  const linked = readKit(location.search, bank);
  part(root, "notice").textContent = unknownNotice(linked);
  const page = {
    root, bank, items: linked.items, printing: null,
    say: announcer(part(root, "message")),
    browse: mountBrowse(root, bank),
    suggest: mountSuggest(root, bank),
  };
  const act = actions(page);
  listen(root, act, {
    change: (target) => {
      if (page.browse.isFilter(target)) page.browse.filter();
      else if (page.suggest.isChoice(target)) page.suggest.choose(target);
      else if (target.dataset.assign) assign(page, target);
      else if (target.type === "checkbox") act[target.checked ? "add" : "drop"](target.value);
    },
  });
  showSelection(root, bank, page.items);
  change(page, page.items, "", { redraw: false }); // the address without the unknown ids, which the notice lists
  part(root, "message").textContent = "";
  return () => page.suggest.stop();
}

// The kit lives in the address; the scorecard link carries it too.
function writeAddress({ root, items }) {
  const url = withKit(location.href, items);
  history.replaceState(history.state, "", url);
  part(root, "url").value = url.href;
  part(root, "scorecard").href = withKit(new URL(root.dataset.scorecard, location.href), items, SCORECARD_KEY).href;
}

/** Every change of the kit: the address, the lists, a stale printout, a message. */
function change(page, next, message, { focus, redraw = true } = {}) {
  const { root, bank } = page;
  page.items = next;
  writeAddress(page);
  part(root, "sheet").replaceChildren();
  root.classList.remove("qb-kit--print-ready");
  if (redraw) showSelection(root, bank, next, focus);
  showCoverage(root, bank, next);
  page.browse.tick(next);
  page.suggest.tick(next);
  page.say(`${message} ${next.length ? `Kit: ${bank.summary(ids(next))}.` : "The kit is empty."}`);
}

function assign(page, field) {
  const name = cleanName(field.value);
  const title = quoted(page.bank.question(field.dataset.assign).title);
  field.value = name;
  change(page, assigned(page.items, field.dataset.assign, name), name ? `${title} is asked by ${name}.` : `${title} has no interviewer.`, { redraw: false });
}

/** What the page's buttons do, by their data-action. */
function actions(page) {
  const { root, bank } = page;
  const title = (id) => quoted(bank.question(id).title);
  const add = (id) => change(page, added(page.items, id), `Added ${title(id)}.`);
  const drop = (id, focus) => change(page, removed(page.items, id), `Removed ${title(id)}.`, { focus });
  const move = (id, by) => {
    const index = ids(page.items).indexOf(id) + by;
    const [action, other] = by < 0 ? ["up", "down"] : ["down", "up"];
    change(page, moved(page.items, id, by), `Moved ${title(id)} to position ${index + 1} of ${page.items.length}.`, { focus: [`${action}:${id}`, `${other}:${id}`] });
  };
  return {
    add,
    drop,
    toggle: (id) => (includes(page.items, id) ? drop(id) : add(id)),
    up: (id) => move(id, -1),
    down: (id) => move(id, 1),
    remove: (id) => {
      const index = ids(page.items).indexOf(id);
      drop(id, [`remove:${page.items[index + 1]?.id}`, `remove:${page.items[index - 1]?.id}`]);
    },
    copy: () => copyLink(page),
    print: () => print(page),
    clear: () => change(page, [], "Cleared the kit."),
    // The suggested kit replaces the kit in one click; it stays editable like any other.
    use: () => change(page, page.suggest.proposal().map((id) => ({ id, by: "" })), "Using the suggested kit."),
    reset: page.browse.reset,
    jump: () => part(root, "heading").focus(),
    browse: () => {
      part(root, "topic").scrollIntoView({ block: "center" });
      part(root, "topic").focus();
    },
  };
}

async function copyLink({ root, bank, items, say }) {
  part(root, "link").hidden = false;
  const copied = await copyField(part(root, "url"));
  if (!copied) return say("Your browser did not allow copying: the link is selected in the box, copy it from there.");
  say(items.length ? `Link copied: ${bank.summary(ids(items))}.` : "Link copied. The kit is empty.");
}

async function print(page) {
  const { root, bank, items, say } = page;
  if (!items.length) return say("The kit is empty: add questions before printing.");
  if (page.printing) return; // a second press while the material loads would print twice
  page.printing = items;
  say(`Preparing ${plural(items.length, "question")} for printing…`);
  const { sheet, missing } = await kitSheet(bank, items);
  page.printing = null;
  if (page.items !== items) return; // the kit changed meanwhile: that press is stale
  part(root, "sheet").replaceChildren(...sheet);
  root.classList.add("qb-kit--print-ready");
  say(missing.length
    ? `Ready to print, but the guidance of ${listed(missing.map(quoted))} could not be loaded.`
    : `Ready to print: ${bank.summary(ids(items))}, each with a scorecard.`);
  window.print();
}

/** Delegated events: the lists are rebuilt, the root stays. */
function listen(root, actions, { change }) {
  root.addEventListener("click", (event) => {
    const button = event.target.closest("[data-action]");
    if (!button) return;
    if (button.tagName === "A") {
      // The jump link focuses the kit instead: no #hash in the kit's link, and
      // no instant navigation, which would rebuild the page and lose the focus.
      event.preventDefault();
      event.stopPropagation();
    }
    actions[button.dataset.action](button.dataset.id);
  });
  root.addEventListener("change", (event) => change(event.target));
}
