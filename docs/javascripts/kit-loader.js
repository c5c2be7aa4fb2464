// Linked only by the pages that hold an app (the kit, the scorecard, the
// debrief: see overrides/main.html): import kit/main.js, from beside this
// file, and show the app once Material has set the page up.
(() => {
  const entry = new URL("kit/main.js", document.currentScript.src).href;
  let loaded;
  const load = () => (loaded ??= import(entry).catch((error) => {
    loaded = null; // the next visit tries again
    throw error;
  }));
  document$.subscribe(() => {
    const root = document.querySelector("[data-app]");
    if (!root && !loaded) return;
    load().then((kit) => kit.show(root), () => {
      root.querySelector("[data-part=loading]").textContent = "The page could not be loaded. Reload the page to try again.";
    });
  });
})();
