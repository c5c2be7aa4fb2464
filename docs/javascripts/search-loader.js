// On every page: Material's search box, answered by Pagefind. Nothing of
// search is fetched until the reader opens it (focus, click, `/`, `s` or
// `f`); then search/main.js and Pagefind's script are imported side by side,
// and Material's script (see material-loader.js), whose keyboard$ they use.
(() => {
  const root = document.querySelector("[data-qb-search]");
  if (!root) return;
  const config = JSON.parse(document.getElementById("__config").textContent);
  const site = new URL(config.base, location.href);
  const entry = new URL("search/main.js", document.currentScript.src).href;
  const toggle = document.querySelector("[data-md-toggle=search]");
  const query = root.querySelector(".md-search__input");

  let loaded = null;
  const load = () => (loaded ??= Promise.all([import(entry), import(new URL("pagefind/pagefind.js", site).href), qbMaterial.load()])
    .then(([search, pagefind]) => search.mount(root, { config, site, pagefind }), (error) => {
      loaded = null; // opening search again tries again
      root.querySelector(".md-search-result__meta").textContent =
        "Search could not be loaded. Check the connection and open search again.";
      throw error;
    }));

  // Focusing the box opens the dialog, as in Material.
  query.addEventListener("focus", () => {
    if (!toggle.checked) toggle.click();
    load().catch(() => {});
  });
  // The header's search button: focusing from a click is what brings up the
  // keyboard on phones.
  for (const label of document.querySelectorAll("header [for=__search]")) {
    label.addEventListener("click", () => query.focus());
  }
  const onKey = (key) => {
    if (key.mode === "search" && ["Escape", "Tab"].includes(key.type)) {
      // Closing works even if search/main.js could not be loaded.
      if (toggle.checked) toggle.click();
      query.blur();
    } else if (key.mode === "global" && ["f", "s", "/"].includes(key.type)) {
      query.focus();
      query.select();
      key.claim(); // the key is not typed into the box
    }
  };
  // Until Material's script runs, its keyboard$ is read here from the keys
  // themselves, as Material reads them (components/keyboard in 9.8.1): no
  // Ctrl or Meta, and in "global" mode not while a field takes the key (a
  // radio button takes only the arrows).
  const takesKey = (element, key) => (element instanceof HTMLInputElement
    ? element.type !== "radio" || /^Arrow/.test(key)
    : element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement || element.isContentEditable);
  const early = (event) => {
    if (event.ctrlKey || event.metaKey) return;
    const mode = toggle.checked ? "search" : "global";
    if (mode === "global" && document.activeElement && takesKey(document.activeElement, event.key)) return;
    onKey({ mode, type: event.key, claim: () => event.preventDefault() });
  };
  addEventListener("keydown", early);
  qbMaterial.ready.then(() => {
    removeEventListener("keydown", early);
    keyboard$.subscribe(onKey);
  });
})();
