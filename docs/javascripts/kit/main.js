/* The entry point kit-loader.js imports: mounts the page's app (kit,
   scorecard or debrief) on its root element, and unmounts the previous one
   when Material's instant navigation swaps the page. Each app's module is
   imported the first time a page needs it. */

import { loadBank } from "./data.js";

const APPS = {
  kit: () => import("./kit-page.js").then((m) => m.mountKit),
  scorecard: () => import("./scorecard-page.js").then((m) => m.mountScorecard),
  debrief: () => import("./debrief-page.js").then((m) => m.mountDebrief),
};

let unmount = null; // what the mounted app left running (a timer, a debounce)

/** Show the app whose root is `root`, or none: called on every page, also after instant navigation. */
export async function show(root) {
  unmount?.();
  unmount = null;
  if (!root || root.dataset.mounted) return;
  root.dataset.mounted = "true";
  try {
    const [mountApp, bank] = await Promise.all([APPS[root.dataset.app](), loadBank(root)]);
    unmount = mountApp(root, bank) ?? null;
    root.querySelector("[data-part=loading]")?.remove();
    root.querySelector("[data-part=app]").hidden = false;
  } catch (error) {
    delete root.dataset.mounted; // the next visit tries again
    root.querySelector("[data-part=loading]").textContent =
      `The page could not be loaded (${error.message}). Reload the page to try again.`;
  }
}
