// Material's own script (its bundle, linked by overrides/main.html as this
// script's data-bundle) costs a phone a few hundred milliseconds of main
// thread on every page, and the page reads the same without it: the drawer,
// the search dialog, collapsibles and content tabs are driven by CSS. So it
// runs on the reader's first move (a touch, a key, the mouse, a scroll),
// and at once when the page must differ from its HTML from the start: a
// colour palette other than the first (dark mode, or one stored from an
// earlier visit).
//
// Until then this script stands in for the little the page needs: the
// palette toggle is shown, a palette chosen before Material runs is handed
// to it, and printing opens every collapsible.
(() => {
  const script = document.currentScript;
  const MOVES = ["pointerdown", "pointermove", "touchstart", "keydown", "wheel", "scroll", "focusin"];
  let started = null;
  let done = false; // Material has set the page up
  let mounted;
  const ready = new Promise((resolve) => { mounted = resolve; });

  const load = () => (started ??= new Promise((resolve, reject) => {
    for (const type of MOVES) removeEventListener(type, load, true);
    const bundle = document.createElement("script");
    bundle.src = script.dataset.bundle;
    bundle.onload = () => {
      // Material sets itself up on DOMContentLoaded, which is long past.
      document.dispatchEvent(new Event("DOMContentLoaded"));
      done = true;
      mounted();
      resolve();
    };
    bundle.onerror = () => {
      started = null; // the next move tries again
      for (const type of MOVES) addEventListener(type, load, { capture: true, passive: true });
      reject(new Error("Material's script could not be loaded"));
    };
    document.body.append(bundle);
  }));

  // Other scripts wait for `ready` (Material's keyboard$, for one); `load`
  // starts it when they need it now.
  window.qbMaterial = { ready, load: () => load().then(() => ready) };

  const palette = document.querySelector("[data-md-component=palette]");
  const inputs = palette ? [...palette.querySelectorAll("input")] : [];
  // The palette Material starts with: the stored one, else the first whose
  // media query matches, else the first.
  const stored = inputs.length ? __md_get("__palette") : null;
  const index = stored ? stored.index : Math.max(0, inputs.findIndex((input) => matchMedia(input.dataset.mdColorMedia).matches));

  if (index !== 0) {
    load().catch(() => {});
    return;
  }
  for (const type of MOVES) addEventListener(type, load, { capture: true, passive: true });

  if (inputs.length > 1) {
    inputs[0].nextElementSibling.hidden = false; // the toggle to the next palette
    let chosen = null;
    palette.addEventListener("change", (event) => { if (!done) chosen = event.target; });
    ready.then(() => chosen?.dispatchEvent(new Event("change")));
  }

  addEventListener("beforeprint", () => {
    if (done) return; // Material's own handler opens them
    const closed = [...document.querySelectorAll("details:not([open])")];
    for (const details of closed) details.open = true;
    addEventListener("afterprint", () => { for (const details of closed) details.open = false; }, { once: true });
  });
})();
