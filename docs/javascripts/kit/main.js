/* The entry point kit-loader.js imports: mounts the page's app (kit,
   scorecard or debrief) on its root element, importing only that app's
   module. `show` unmounts the previous app first, should Material ever swap
   the page in place (navigation.instant, which the site leaves off). */

import { loadBank } from "./data.js";

const APPS = {
  kit: () => import("./kit-page.js").then((m) => m.mountKit),
  scorecard: () => import("./scorecard-page.js").then((m) => m.mountScorecard),
  debrief: () => import("./debrief-page.js").then((m) => m.mountDebrief),
};

let unmount = null; // what the mounted app left running (a timer, a debounce)

/** Show the app whose root is `root`, or none. */
export async function show(root) {
  unmount?.();
  unmount = null;
  if (!root || root.dataset.mounted) return;
  root.dataset.mounted = "true";
  try {
    const [mountApp, bank] = await Promise.all([APPS[root.dataset.app](), loadBank(root)]);
    // A task of its own for the app: running its modules and reading the bank
    // end theirs here, so a phone's main thread is never held long by both.
    await new Promise((resolve) => setTimeout(resolve));
    unmount = mountApp(root, bank) ?? null;
    root.querySelector("[data-part=loading]")?.remove();
    root.querySelector("[data-part=app]").hidden = false;
  } catch (error) {
    delete root.dataset.mounted; // the next visit tries again
    root.querySelector("[data-part=loading]").textContent =
      `The page could not be loaded (${error.message}). Reload the page to try again.`;
  }
}
