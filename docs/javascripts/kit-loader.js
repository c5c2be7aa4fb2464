// On every page, also after instant navigation: on the kit page, load kit.js
// (once, from beside this file) and mount the kit.
(() => {
  const src = new URL("kit.js", document.currentScript.src).href;
  let loaded;
  const load = () => (loaded ??= new Promise((resolve, reject) => {
    const onerror = () => { loaded = null; reject(); }; // the next visit tries again
    document.head.append(Object.assign(document.createElement("script"), { src, onload: resolve, onerror }));
  }));
  document$.subscribe(() => {
    const root = document.getElementById("qb-kit");
    if (root) load().then(() => qbKit.mount(root), () => {
      root.querySelector("[data-kit=loading]").textContent = "The kit could not be loaded. Reload the page to try again.";
    });
  });
})();
