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
  let items = linked.items;
  const say = announcer(part(root, "message"));
  const browse = mountBrowse(root, bank);
  const suggest = mountSuggest(root, bank);
  part(root, "notice").textContent = unknownNotice(linked);
  let printing = null; // the kit being prepared for print, while its material loads

  // The kit lives in the address; the scorecard link carries it too.
  function writeAddress() {
    const url = withKit(location.href, items);
    history.replaceState(history.state, "", url);
    part(root, "url").value = url.href;
    part(root, "scorecard").href = withKit(new URL(root.dataset.scorecard, location.href), items, SCORECARD_KEY).href;
  }

  // Every change of the kit: the address, the lists, a stale printout, a message.
  function change(next, message, { focus, redraw = true } = {}) {
    items = next;
    writeAddress();
    part(root, "sheet").replaceChildren();
    root.classList.remove("qb-kit--print-ready");
    if (redraw) showSelection(root, bank, items, focus);
    showCoverage(root, bank, items);
    browse.tick(items);
    suggest.tick(items);
    say(`${message} ${items.length ? `Kit: ${bank.summary(ids(items))}.` : "The kit is empty."}`);
  }

  const title = (id) => quoted(bank.question(id).title);
  const add = (id) => change(added(items, id), `Added ${title(id)}.`);
  const remove = (id, focus) => change(removed(items, id), `Removed ${title(id)}.`, { focus });
  function move(id, by) {
    const index = ids(items).indexOf(id) + by;
    const [action, other] = by < 0 ? ["up", "down"] : ["down", "up"];
    change(moved(items, id, by), `Moved ${title(id)} to position ${index + 1} of ${items.length}.`, { focus: [`${action}:${id}`, `${other}:${id}`] });
  }
  function assign(field) {
    const name = cleanName(field.value);
    field.value = name;
    change(assigned(items, field.dataset.assign, name), name ? `${title(field.dataset.assign)} is asked by ${name}.` : `${title(field.dataset.assign)} has no interviewer.`, { redraw: false });
  }

  async function copyLink() {
    part(root, "link").hidden = false;
    const copied = await copyField(part(root, "url"));
    if (!copied) return say("Your browser did not allow copying: the link is selected in the box, copy it from there.");
    say(items.length ? `Link copied: ${bank.summary(ids(items))}.` : "Link copied. The kit is empty.");
  }

  async function print() {
    if (!items.length) return say("The kit is empty: add questions before printing.");
    if (printing) return; // a second press while the material loads would print twice
    printing = items;
    say(`Preparing ${plural(items.length, "question")} for printing…`);
    const { sheet, missing } = await kitSheet(bank, items);
    const stale = printing !== items; // the kit changed meanwhile: that press is stale
    printing = null;
    if (stale) return;
    part(root, "sheet").replaceChildren(...sheet);
    root.classList.add("qb-kit--print-ready");
    say(missing.length
      ? `Ready to print, but the guidance of ${listed(missing.map(quoted))} could not be loaded.`
      : `Ready to print: ${bank.summary(ids(items))}, each with a scorecard.`);
    window.print();
  }

  const actions = {
    toggle: (id) => (includes(items, id) ? remove(id) : add(id)),
    up: (id) => move(id, -1),
    down: (id) => move(id, 1),
    remove: (id) => {
      const index = ids(items).indexOf(id);
      remove(id, [`remove:${items[index + 1]?.id}`, `remove:${items[index - 1]?.id}`]);
    },
    copy: copyLink,
    print,
    clear: () => change([], "Cleared the kit."),
    reset: browse.reset,
    jump: () => part(root, "heading").focus(),
    browse: () => {
      part(root, "topic").scrollIntoView({ block: "center" });
      part(root, "topic").focus();
    },
  };
  listen(root, actions, {
    change: (target) => {
      if (browse.isFilter(target)) browse.filter();
      else if (target.dataset.assign) assign(target);
      else if (target.type === "checkbox") (target.checked ? add : remove)(target.value);
    },
  });

  showSelection(root, bank, items);
  change(items, "", { redraw: false }); // the address without the unknown ids, which the notice lists
  part(root, "message").textContent = "";
  return () => suggest.stop();
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
