/* The interview kit (docs/kit.md): filter, pick, order, share and print
   questions, and rank them against a job description, all in the browser.

   kit-loader.js loads this file once and calls qbKit.mount(root) on every
   visit to the kit page, instant navigation included, so each kit's state
   lives in its own closure and nothing is left listening on window or
   document. Text from the data is only ever set as text; the one HTML put
   into the page is a question page fetched from this same site, to print. */
(() => {
  "use strict";

  // ── Matching: scripts/question_bank/matching.py, step for step ──────────
  // A browser test runs both on the same job descriptions: change them together.

  const WORD = /[a-z0-9+#]+/g;

  function singular(word) {
    if (word.length > 4 && word.endsWith("ies")) return word.slice(0, -3) + "y";
    if (word.length > 3 && word.endsWith("s") && !/(ss|us)$/.test(word)) return word.slice(0, -1);
    return word;
  }

  const words = (text) => (text.toLowerCase().match(WORD) || []).map(singular);

  /** Every joined run of up to `longest` consecutive words of the text. */
  function keysIn(text, longest) {
    const found = words(text);
    const keys = new Set();
    found.forEach((_, start) => {
      let joined = "";
      for (const word of found.slice(start, start + longest)) keys.add((joined += word));
    });
    return keys;
  }

  /** Questions the text calls for, best first: [{question, score, matches: [[term, via]]}]. */
  function rank(data, text) {
    const present = keysIn(text, data.longest);
    const found = data.questions.map((q) => ({ question: q.id, matches: [], reasons: new Set(), keys: new Set() }));
    const byId = new Map(found.map((s) => [s.question, s]));
    for (const [key, term, via, kind, ids] of data.rules) {
      if (!present.has(key)) continue;
      for (const id of ids) {
        const s = byId.get(id);
        if (s.keys.has(key)) continue; // one reason per word of the text
        s.keys.add(key);
        s.matches.push([term, via]);
        s.reasons.add(JSON.stringify([kind, kind === "keyword" ? key : via]));
      }
    }
    const kinds = (s) => [...s.reasons].map((reason) => JSON.parse(reason)[0]);
    return found
      .filter((s) => kinds(s).some((kind) => kind !== "level")) // the level only orders
      .map((s) => ({ question: s.question, score: kinds(s).reduce((sum, kind) => sum + data.weights[kind], 0), matches: s.matches }))
      .sort((a, b) => b.score - a.score); // stable: equal scores keep the bank's order
  }

  // ── Small helpers ───────────────────────────────────────────────────────

  /** An element; props with a dash (aria-*, data-*) are attributes, others properties. */
  function h(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(props)) {
      if (name.includes("-")) node.setAttribute(name, value);
      else node[name] = value;
    }
    node.append(...children); // strings become text nodes, never markup
    return node;
  }

  const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const capitalise = (text) => text.charAt(0).toUpperCase() + text.slice(1);
  const quoted = (text) => `“${text}”`;

  // How many suggestions to show; the rest are rarely worth an interview slot.
  const SHOWN = 10;
  const NOTE_LINES = 5;
  const RECOMMENDATIONS = ["Strong no", "No", "Yes", "Strong yes"];

  // Bank data by URL, fetched once per page load however often the kit is opened.
  const banks = new Map();

  function mount(root) {
    if (root.dataset.mounted) return;
    root.dataset.mounted = "true";
    const url = new URL(root.dataset.bank, location.href).href;
    if (!banks.has(url)) {
      banks.set(url, fetch(url).then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.json();
      }));
    }
    banks.get(url).then(
      (data) => start(root, data),
      (error) => {
        banks.delete(url);
        root.querySelector("[data-kit=loading]").textContent =
          `The questions could not be loaded (${error.message}). Reload the page to try again.`;
      },
    );
  }

  // ── One kit on one page ─────────────────────────────────────────────────

  function start(root, data) {
    const part = (name) => root.querySelector(`[data-kit="${name}"]`);
    const byId = new Map(data.questions.map((q) => [q.id, q]));
    const pages = new Map(); // question id → promise of its fetched article, or null
    const minutes = (ids) => ids.reduce((sum, id) => sum + byId.get(id).minutes, 0);
    const summary = (ids) => `${plural(ids.length, "question")}, ${minutes(ids)} min`;
    const pageUrl = (id) => new URL(`${root.dataset.questions}${id}/`, location.href).href;
    const meta = (q) => [capitalise(q.level), `${q.minutes} min`, q.topics.map((t) => data.topics[t]).join(", ")].join(" · ");
    const say = (text) => {
      // Repeat a message with a changed character, so that it is announced again.
      const message = part("message");
      message.textContent = message.textContent === text ? `${text}\u00a0` : text;
    };

    const linked = new URLSearchParams(location.search).get("q") || "";
    // An old id (a question's alias) still finds its question: shared links never break.
    const current = (id) => (Object.hasOwn(data.aliases, id) ? data.aliases[id] : id);
    const asked = [...new Set(linked.split(",").map((id) => current(id.trim().toLowerCase())).filter(Boolean))];
    let kit = asked.filter((id) => byId.has(id));
    const unknown = asked.filter((id) => !byId.has(id));
    if (unknown.length) {
      part("notice").textContent = `The link names ${plural(unknown.length, "question")} that this bank does not have, `
        + `so ${unknown.length === 1 ? "it was" : "they were"} left out: ${unknown.map(quoted).join(", ")}.`;
    }

    // Filters: each option says how many questions it keeps.
    function fill(select, values, label, keeps) {
      for (const value of values) {
        const count = data.questions.filter((q) => keeps(q, value)).length;
        if (count) select.append(h("option", { value }, `${label(value)} (${count})`));
      }
    }
    fill(part("topic"), Object.keys(data.topics), (slug) => data.topics[slug], (q, slug) => q.topics.includes(slug));
    fill(part("level"), data.levels, capitalise, (q, level) => q.level === level);
    const lengths = [...new Set(data.questions.map((q) => q.minutes))].sort((a, b) => a - b);
    fill(part("minutes"), lengths.map(String), (m) => `${m} min or less`, (q, m) => q.minutes <= Number(m));

    // The list to pick from: built once, then shown, hidden and ticked in place.
    const rows = new Map();
    for (const q of data.questions) {
      const box = h("input", { type: "checkbox", id: `qb-kit-pick-${q.id}`, value: q.id, "aria-describedby": `qb-kit-about-${q.id}` });
      const row = h("li", { className: "qb-kit__question" }, box, h("div", { className: "qb-kit__body" },
        h("label", { htmlFor: box.id, className: "qb-kit__title" }, q.title),
        h("p", { id: `qb-kit-about-${q.id}`, className: "qb-kit__meta" }, meta(q)),
        h("p", { className: "qb-kit__text" }, q.question),
        h("a", { href: pageUrl(q.id), className: "qb-kit__open" }, "Open the question",
          h("span", { className: "qb-kit__sr" }, `: ${q.title}`))));
      rows.set(q.id, { row, box });
      part("questions").append(row);
    }

    function showFilters() {
      const [topic, level, most] = ["topic", "level", "minutes"].map((name) => part(name).value);
      let shown = 0;
      for (const q of data.questions) {
        const keep = (!topic || q.topics.includes(topic)) && (!level || q.level === level) && (!most || q.minutes <= Number(most));
        rows.get(q.id).row.hidden = !keep;
        shown += keep;
      }
      part("count").textContent = shown
        ? `Showing ${shown} of ${plural(data.questions.length, "question")}.`
        : "No question fits all these filters. Clear one, or clear them all.";
    }

    function showSuggestions() {
      const text = part("jd").value;
      const found = text.trim() ? rank(data, text) : [];
      part("suggestions").replaceChildren(...found.slice(0, SHOWN).map((s) => {
        const q = byId.get(s.question);
        const terms = s.matches.map(([term, via]) => h("li", { className: "qb-kit__term" }, via ? `${term} → ${via}` : term));
        return h("li", { className: "qb-kit__suggestion", "data-id": q.id },
          h("div", { className: "qb-kit__body" },
            h("p", { className: "qb-kit__title" }, q.title),
            h("p", { className: "qb-kit__meta" }, meta(q)),
            h("ul", { className: "qb-kit__terms", "aria-label": "Matched" }, ...terms)),
          h("button", { type: "button", className: "qb-kit__button", "data-action": "toggle", "data-id": q.id }));
      }));
      const shown = Math.min(found.length, SHOWN);
      part("jd-status").textContent = !text.trim() ? ""
        : !found.length ? "Nothing in this job description matches a question in the bank. Choose questions by topic, level and time instead."
        : `${plural(found.length, "question")} ${found.length === 1 ? "matches" : "match"}`
          + `${found.length > shown ? `; the best ${shown} are shown` : ""}, best first, with the words that matched.`;
      part("no-match").hidden = !(text.trim() && !found.length);
      showTicks();
    }

    // Tick boxes and suggestion buttons follow the kit without being rebuilt.
    function showTicks() {
      for (const [id, { box }] of rows) box.checked = kit.includes(id);
      for (const button of part("suggestions").querySelectorAll("[data-action=toggle]")) {
        const { title } = byId.get(button.dataset.id);
        const added = kit.includes(button.dataset.id);
        button.textContent = added ? "Remove" : "Add";
        button.setAttribute("aria-label", added ? `Remove ${quoted(title)} from the kit` : `Add ${quoted(title)} to the kit`);
      }
    }

    function showKit(focus) {
      part("total").textContent = kit.length ? `${summary(kit)} in total.` : "No questions yet: tick them in the list, or add suggested ones.";
      part("jump").textContent = `Your kit: ${kit.length ? summary(kit) : "empty"}`;
      part("kit").replaceChildren(...kit.map((id, index) => {
        const { title } = byId.get(id);
        const button = (action, label, text, disabled = false) => h("button", {
          type: "button", className: "qb-kit__button qb-kit__button--icon", disabled,
          "data-action": action, "data-id": id, "aria-label": label, "data-focus": `${action}:${id}`,
        }, text);
        return h("li", { className: "qb-kit__item" },
          h("div", { className: "qb-kit__body" },
            h("p", { className: "qb-kit__title" }, title),
            h("p", { className: "qb-kit__meta" }, `${byId.get(id).minutes} min`)),
          h("div", { className: "qb-kit__moves" },
            button("up", `Move ${quoted(title)} up`, "↑", index === 0),
            button("down", `Move ${quoted(title)} down`, "↓", index === kit.length - 1),
            button("remove", `Remove ${quoted(title)} from the kit`, "✕")));
      }));
      const target = focus && focus.map((key) => root.querySelector(`[data-focus="${key}"]:not(:disabled)`)).find(Boolean);
      if (focus) (target || part("heading")).focus(); // the last one left: back to the heading
    }

    // The kit lives in the address, as ?q=id,id (commas as they are, for people to read).
    function writeAddress() {
      const url = new URL(location.href);
      url.searchParams.delete("q");
      url.search = [url.searchParams.toString(), kit.length ? `q=${kit.join(",")}` : ""].filter(Boolean).join("&");
      history.replaceState(history.state, "", url);
      part("url").value = url.href;
    }

    // Every change of the kit: the address, the lists, a stale printout, a message.
    function change(next, message, focus) {
      kit = next;
      writeAddress();
      part("sheet").replaceChildren();
      root.classList.remove("qb-kit--print-ready");
      showKit(focus);
      showTicks();
      say(`${message} ${kit.length ? `Kit: ${summary(kit)}.` : "The kit is empty."}`);
    }

    const add = (id) => change([...kit, id], `Added ${quoted(byId.get(id).title)}.`);
    const remove = (id, focus) => change(kit.filter((other) => other !== id), `Removed ${quoted(byId.get(id).title)}.`, focus);

    function move(id, by) {
      const next = kit.filter((other) => other !== id);
      const index = kit.indexOf(id) + by;
      next.splice(index, 0, id);
      const [action, other] = by < 0 ? ["up", "down"] : ["down", "up"];
      change(next, `Moved ${quoted(byId.get(id).title)} to position ${index + 1} of ${kit.length}.`, [`${action}:${id}`, `${other}:${id}`]);
    }

    async function copyLink() {
      const field = part("url");
      part("link").hidden = false;
      try {
        await navigator.clipboard.writeText(field.value);
        say(kit.length ? `Link copied: ${summary(kit)}.` : "Link copied. The kit is empty.");
      } catch {
        field.focus();
        field.select();
        say("Your browser did not allow copying: the link is selected in the box, copy it from there.");
      }
    }

    // ── Printing ──────────────────────────────────────────────────────────

    function article(id) {
      if (!pages.has(id)) {
        const url = pageUrl(id);
        pages.set(id, fetch(url)
          .then((response) => (response.ok ? response.text() : Promise.reject()))
          .then((html) => new DOMParser().parseFromString(html, "text/html").querySelector(".md-content article"))
          .then((found) => found && printable(found, id, url))
          .catch(() => null));
      }
      return pages.get(id).then((found) => {
        if (!found) pages.delete(id); // try again next time
        return found && found.cloneNode(true);
      });
    }

    /** The question page's content as an interviewer's copy: no answer, all open. */
    function printable(found, id, url) {
      const body = document.importNode(found, true);
      body.querySelectorAll("h1, .md-content__button, .headerlink, .qb-pager, script").forEach((node) => node.remove());
      for (const details of body.querySelectorAll("details")) {
        if (details.querySelector("summary")?.textContent.trim() === "Model answer") details.remove();
        else details.open = true;
      }
      // Every page numbers its ids (tabs, headings) alike: keep them unique here.
      for (const node of body.querySelectorAll("[id]")) node.id = `qb-kit-${id}-${node.id}`;
      for (const label of body.querySelectorAll("label[for]")) label.htmlFor = `qb-kit-${id}-${label.htmlFor}`;
      for (const input of body.querySelectorAll("input[name]")) input.name = `qb-kit-${id}-${input.name}`;
      for (const link of body.querySelectorAll("a[href]")) link.href = new URL(link.getAttribute("href"), url).href;
      for (const image of body.querySelectorAll("img[src]")) image.src = new URL(image.getAttribute("src"), url).href;
      return body;
    }

    const ticks = (labels, name) => h("ul", { className: "qb-kit__ticks", "aria-label": name },
      ...labels.map((label) => h("li", {}, h("span", { className: "qb-kit__box", "aria-hidden": "true" }), label)));
    const lines = (count) => h("div", { className: "qb-kit__lines", "aria-hidden": "true" },
      ...Array.from({ length: count }, () => h("div", { className: "qb-kit__line" })));
    const blank = (label) => h("p", { className: "qb-kit__blank" }, `${label}:`, h("span", { className: "qb-kit__fill" }));

    function printedQuestion(q, index, total, body) {
      const content = body ? [...body.childNodes] : [
        h("div", { className: "admonition question" }, h("p", {}, q.question)),
        h("p", {}, `The guidance could not be loaded; it is at ${pageUrl(q.id)}`),
      ];
      return h("section", { className: "qb-kit__printed" },
        h("p", { className: "qb-kit__meta" }, `Question ${index + 1} of ${total} · ${q.minutes} min`),
        h("h2", {}, q.title),
        ...content,
        h("div", { className: "qb-kit__scorecard" },
          h("h3", {}, `Scorecard: ${q.title}`),
          // Numbered as on the question pages' rubric tables.
          ticks(data.bands.map((band, n) => `${n + 1} ${band}`), "Score"),
          h("p", { className: "qb-kit__label" }, "Notes"),
          lines(NOTE_LINES)));
    }

    let preparing = false; // a second press while the pages load would print twice

    async function print() {
      if (!kit.length) return say("The kit is empty: add questions before printing.");
      if (preparing) return;
      const ids = kit.slice();
      say(`Preparing ${plural(ids.length, "question")} for printing…`);
      preparing = true;
      const bodies = await Promise.all(ids.map(article));
      preparing = false;
      if (ids.join() !== kit.join()) return; // the kit changed meanwhile: that press is stale
      const missing = ids.filter((_, index) => !bodies[index]);
      const questions = ids.map((id) => byId.get(id));
      part("sheet").replaceChildren(
        h("section", { className: "qb-kit__printed qb-kit__cover" },
          h("h2", {}, "Interview kit"),
          blank("Candidate"), blank("Role"), blank("Interviewer"), blank("Date"),
          h("ol", {}, ...questions.map((q) => h("li", {}, `${q.title} (${q.minutes} min)`))),
          h("p", {}, `${summary(ids)} in total.`)),
        ...questions.map((q, index) => printedQuestion(q, index, ids.length, bodies[index])),
        h("section", { className: "qb-kit__printed qb-kit__overall" },
          h("h2", {}, "Overall recommendation"),
          ticks(RECOMMENDATIONS, "Recommendation"),
          h("p", { className: "qb-kit__label" }, "Reasons"),
          lines(NOTE_LINES * 2),
          blank("Interviewer"), blank("Date")));
      root.classList.add("qb-kit--print-ready");
      say(missing.length
        ? `Ready to print, but the guidance of ${missing.map((id) => quoted(byId.get(id).title)).join(", ")} could not be loaded.`
        : `Ready to print: ${summary(ids)}, each with a scorecard.`);
      window.print();
    }

    // ── Events, delegated: the lists are rebuilt, the root stays ──────────

    const actions = {
      toggle: (id) => (kit.includes(id) ? remove(id) : add(id)),
      up: (id) => move(id, -1),
      down: (id) => move(id, 1),
      remove: (id) => {
        const index = kit.indexOf(id);
        remove(id, [`remove:${kit[index + 1]}`, `remove:${kit[index - 1]}`]);
      },
      copy: copyLink,
      print,
      clear: () => change([], "Cleared the kit."),
      reset: () => {
        for (const name of ["topic", "level", "minutes"]) part(name).value = "";
        showFilters();
      },
      jump: () => part("heading").focus(),
      browse: () => {
        part("topic").scrollIntoView({ block: "center" });
        part("topic").focus();
      },
    };
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
    root.addEventListener("input", (event) => {
      if (event.target === part("jd")) showSuggestions();
    });
    root.addEventListener("change", (event) => {
      const { target } = event;
      if (target.tagName === "SELECT") showFilters();
      else if (target.type === "checkbox") (target.checked ? add : remove)(target.value);
    });

    showFilters();
    showKit();
    showSuggestions();
    writeAddress(); // without the unknown ids, which the notice lists
    part("loading").remove();
    part("app").hidden = false;
  }

  window.qbKit = { mount, rank, words };
})();
