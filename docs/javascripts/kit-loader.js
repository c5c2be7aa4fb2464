// On every page, also after instant navigation: where the page has an app
// (the kit, the scorecard, the debrief), import kit/main.js once, from
// beside this file, and show it; on other pages, let the last app stop.
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
