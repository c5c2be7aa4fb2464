// Linked only by the pages that hold an app (the kit, the scorecard, the
// debrief: see overrides/main.html): import kit/main.js, from beside this
// file, and show the app. It needs nothing of Material's script, which
// material-loader.js loads later.
(() => {
  const root = document.querySelector("[data-app]");
  if (!root) return;
  const entry = new URL("kit/main.js", document.currentScript.src).href;
  // After the first paint: the page's text shows at once, and the app, a
  // few hundred milliseconds of a phone's main thread, is built after it.
  requestAnimationFrame(() => setTimeout(() => import(entry).then((kit) => kit.show(root), () => {
    root.querySelector("[data-part=loading]").textContent = "The page could not be loaded. Reload the page to try again.";
  })));
})();
