/* Building the pages from data, and the small helpers every page shares.

   Text from the data is only ever set as text (`h` appends strings as text
   nodes). The one way HTML gets into a page is `insertHtml`, for the fields
   the build rendered from Markdown and sanitised with an allowlist
   (kit/questions/<id>.json, written by question_bank.export.kit_question);
   list points arrive without their paragraph, so they can label a box. */

// Attributes without a writable property of the same name.
const ATTRIBUTES = new Set(["list", "role"]);

/** An element; props with a dash (aria-*, data-*) are attributes, others properties. */
export function h(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null) continue;
    if (name.includes("-") || ATTRIBUTES.has(name)) node.setAttribute(name, value);
    else node[name] = value;
  }
  node.append(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
  return node;
}

/**
 * Put build-sanitised HTML into `parent`: the only place the pages insert
 * HTML. A <template> parses it inertly; the fields come from the build,
 * rendered without raw HTML and cleaned with an allowlist (render.field_html).
 */
export function insertHtml(parent, html) {
  const template = document.createElement("template");
  template.innerHTML = html;
  parent.append(template.content);
  return parent;
}

/** An element holding a sanitised HTML field. */
export const rich = (tag, props, html) => insertHtml(h(tag, props), html);

/** The text a sanitised HTML field reads as, for plain-text exports. Nothing is inserted anywhere. */
export function textOf(html) {
  const template = document.createElement("template");
  template.innerHTML = html;
  return template.content.textContent.replace(/\s+/g, " ").trim();
}

/** The element of `root` marked data-part="name". */
export const part = (root, name) => root.querySelector(`[data-part="${name}"]`);

export const plural = (n, word, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;
export const capitalise = (text) => text.charAt(0).toUpperCase() + text.slice(1);
export const quoted = (text) => `“${text}”`;
// 20000 → "20,000". Not toLocaleString: its first call loads the locale
// data, some 60 ms of a desktop's main thread and four times that on a phone.
export const thousands = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

/** "a", "a and b", "a, b and c". */
export function listed(items) {
  if (items.length < 2) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** A function that writes messages to a live region, repeating a message audibly. */
export function announcer(region) {
  return (text) => {
    region.textContent = region.textContent === text ? `${text}\u00a0` : text;
  };
}

/** Call `fn` once input has paused for `wait` ms. */
export function debounce(fn, wait) {
  let timer;
  const debounced = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), wait);
  };
  debounced.cancel = () => clearTimeout(timer);
  return debounced;
}

/** Record that `name` ran from `start` until now, keeping only the latest such record
    (User Timing: the browser's performance tools show it; the benchmark reads it). */
export function measure(name, start) {
  try {
    performance.clearMeasures(name);
    performance.measure(name, { start });
  } catch {
    // Only a record: browsers before Safari 14.1 and Firefox 103 refuse `{ start }`.
  }
}

// A slice of background work between two chances for the browser to paint
// and answer the reader: well under the 50 ms that make a task "long".
const SLICE_MS = 8;

/** Take `steps`' steps (an iterator) in tasks of about SLICE_MS each, each measured as `name`.
    Returns {stop(), whenDone(then)}: `then` runs once the last step is taken (at once if it was). */
export function inSlices(steps, name) {
  // Messages, not a chain of timeouts, which browsers hold back 4 ms each.
  const channel = new MessageChannel();
  let done = false;
  let then = null;
  channel.port1.onmessage = () => {
    const started = performance.now();
    try {
      while (!(done = steps.next().done) && performance.now() < started + SLICE_MS);
    } finally {
      // After a step throws, the next slice finds the iterator ended, and `then` still runs.
      measure(name, started);
      if (done) then?.();
      else channel.port2.postMessage(null);
    }
  };
  channel.port2.postMessage(null);
  return {
    stop: () => channel.port1.close(),
    whenDone: (callback) => (done ? callback() : (then = callback)),
  };
}

/** What `inSlices` returns when there is nothing to do. */
export const NO_SLICES = { stop: () => {}, whenDone: (callback) => callback() };

/** Copy `field`'s value; if the browser refuses, select it for the reader to copy. */
export async function copyField(field) {
  try {
    await navigator.clipboard.writeText(field.value);
    return true;
  } catch {
    field.focus();
    field.select();
    return false;
  }
}

/** Minutes and seconds, as a timer shows them: 4:05. */
export function clock(seconds) {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}
