// Material's search dialog, answered by Pagefind. Pagefind's script and its
// index are fetched only once the reader opens search (focus, click, `/`,
// `s` or `f`), and then fragment by fragment, never on page load. The keys
// and the result markup are Material's own (components/search in 9.8.1), so
// Material's stylesheet draws the results unchanged.
(() => {
  const root = document.querySelector("[data-qb-search]");
  if (!root) return;
  const config = JSON.parse(document.getElementById("__config").textContent);
  const site = new URL(config.base, location.href);
  const toggle = document.querySelector("[data-md-toggle=search]");
  const query = root.querySelector(".md-search__input");
  const scrollwrap = root.querySelector(".md-search__scrollwrap");
  const meta = root.querySelector(".md-search-result__meta");
  const list = root.querySelector(".md-search-result__list");
  // Results are shown ten at a time, more as the reader scrolls to the end:
  // each one costs a fragment fetch.
  const PAGE_SIZE = 10;
  // Wait for a pause in typing before searching, so that a word typed at
  // speed does not fetch fragments for each of its prefixes.
  const DEBOUNCE_MS = 120;
  // Material's own teaser length, in words.
  const EXCERPT_WORDS = 30;

  const translate = (key, count) => config.translations[key].replace("#", count);
  const setOpen = (open) => toggle.checked !== open && toggle.click();

  let pagefind = null;
  const loadPagefind = () => (pagefind ??= import(new URL("pagefind/pagefind.js", site).href).then(async (module) => {
    await module.options({ baseUrl: site.pathname, excerptLength: EXCERPT_WORDS });
    await module.init();
    if (!query.value.trim()) meta.textContent = translate("search.result.placeholder");
    return module;
  }, (error) => {
    pagefind = null; // the next opening tries again
    meta.textContent = "Search could not be loaded. Check the connection and open search again.";
    throw error;
  }));

  // What Pagefind returns is text, except the <mark>s of an excerpt: rebuild
  // it from exactly those, so that nothing in it can become live markup.
  const marked = (html) => {
    const template = document.createElement("template");
    template.innerHTML = html;
    return [...template.content.childNodes].map((node) => {
      if (node.nodeName !== "MARK") return document.createTextNode(node.textContent);
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      return mark;
    });
  };

  // Pagefind marks the excerpt only; mark the title's words as Material did.
  const markedTitle = (title, terms) => title.split(/(\s+)/).map((word) => {
    const bare = word.toLowerCase().replace(/[^\p{L}\p{N}_]/gu, "");
    const hit = bare && terms.some((term) => bare.startsWith(term) || (bare.length > 3 && term.startsWith(bare)));
    if (!hit) return document.createTextNode(word);
    const mark = document.createElement("mark");
    mark.textContent = word;
    return mark;
  });

  const element = (tag, attributes, ...children) => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    node.append(...children.flat());
    return node;
  };

  // Absolute, as Material writes its result links.
  const resultLink = (url, heading, excerpt, icon) => element("a", { href: new URL(url, site).href, class: "md-search-result__link", tabindex: "-1" },
    element("article", { class: "md-search-result__article md-typeset" },
      icon ? element("div", { class: "md-search-result__icon md-icon" }) : [],
      heading,
      excerpt ? element("p", {}, marked(excerpt)) : []));

  // One page: its title and best excerpt, then its sections folded away,
  // as Material shows a page whose best match is the page itself.
  const resultItem = (data, terms) => {
    const title = data.meta.title || data.url;
    // The h1's section is the page itself, already shown above them.
    const sections = data.sub_results.filter((section) => section.anchor && section.anchor.element !== "h1");
    const item = element("li", { class: "md-search-result__item" },
      resultLink(data.url, element("h1", {}, markedTitle(title, terms)), data.excerpt, true));
    if (sections.length) {
      const more = sections.length === 1
        ? translate("search.result.more.one")
        : translate("search.result.more.other", sections.length);
      item.append(element("details", { class: "md-search-result__more" },
        element("summary", { tabindex: "-1" }, element("div", {}, more)),
        sections.map((section) => resultLink(section.url, element("h2", {}, section.title), section.excerpt, false))));
    }
    return item;
  };

  const countLine = (count) => {
    if (count === 0) return translate("search.result.none");
    if (count === 1) return translate("search.result.one");
    return translate("search.result.other", count.toLocaleString("en"));
  };

  // The search being shown: later typing replaces it, and scrolling to the
  // end of the list shows its next results.
  let shown = { results: [], next: 0, terms: [], busy: false };
  let latest = 0;

  const showMore = async (current) => {
    if (current.busy || current.next >= current.results.length) return;
    current.busy = true;
    const batch = current.results.slice(current.next, current.next + PAGE_SIZE);
    const pages = await Promise.all(batch.map((result) => result.data()));
    current.busy = false;
    if (current !== shown) return;
    current.next += batch.length;
    list.append(...pages.map((data) => resultItem(data, current.terms)));
  };

  const runSearch = async () => {
    const ticket = ++latest;
    const value = query.value.trim();
    if (!value) {
      shown = { results: [], next: 0, terms: [], busy: false };
      list.replaceChildren();
      if (pagefind) meta.textContent = translate("search.result.placeholder");
      return;
    }
    const module = await loadPagefind();
    const search = await module.debouncedSearch(value, {}, DEBOUNCE_MS);
    if (search === null || ticket !== latest) return; // a later keystroke won
    const current = { results: search.results, next: 0, terms: value.toLowerCase().split(/\s+/), busy: false };
    const pages = await Promise.all(current.results.slice(0, PAGE_SIZE).map((result) => result.data()));
    if (ticket !== latest) return;
    shown = current;
    current.next = pages.length;
    meta.textContent = countLine(current.results.length);
    list.replaceChildren(...pages.map((data) => resultItem(data, current.terms)));
  };

  const nearEnd = () => scrollwrap.scrollTop + scrollwrap.clientHeight >= scrollwrap.scrollHeight - 100;
  scrollwrap.addEventListener("scroll", () => nearEnd() && showMore(shown));

  // Opening search: focusing the box opens the dialog and loads Pagefind.
  query.addEventListener("focus", () => {
    setOpen(true);
    loadPagefind().catch(() => {});
  });
  query.addEventListener("input", () => runSearch().catch(() => {}));
  query.form.addEventListener("submit", (event) => event.preventDefault());
  query.form.addEventListener("reset", () => setTimeout(() => {
    query.focus();
    runSearch().catch(() => {});
  }));
  // The header's search button: focusing from a click is what brings up the
  // keyboard on phones.
  for (const label of document.querySelectorAll("header [for=__search]")) {
    label.addEventListener("click", () => query.focus());
  }
  // Reveal the results to the accessibility tree only while search is open.
  const reveal = () => {
    list.setAttribute("role", toggle.checked ? "list" : "presentation");
    list.hidden = !toggle.checked;
  };
  toggle.addEventListener("change", reveal);
  reveal();

  const resultLinks = () => [...root.querySelectorAll(
    ".md-search-result :not(details) > [href], .md-search-result summary, .md-search-result details[open] [href]")];

  // Material's keys while search is open (components/search/_/index.ts).
  const searchKeys = {
    Enter: (key) => {
      if (document.activeElement !== query) return;
      list.querySelector(".md-search-result__item a")?.click(); // the best result
      key.claim();
    },
    Escape: () => {
      setOpen(false);
      query.blur();
    },
    ArrowUp: (key) => moveFocus(key, -1),
    ArrowDown: (key) => moveFocus(key, +1),
  };
  searchKeys.Tab = searchKeys.Escape;

  const moveFocus = (key, step) => {
    const stops = [query, ...resultLinks()];
    const at = Math.max(0, stops.indexOf(document.activeElement));
    stops[(at + stops.length + step) % stops.length].focus();
    key.claim(); // no page scrolling
  };

  keyboard$.subscribe((key) => {
    if (key.mode === "search") {
      const handle = searchKeys[key.type];
      if (handle) handle(key);
      else if (document.activeElement !== query) query.focus();
    } else if (["f", "s", "/"].includes(key.type)) {
      query.focus();
      query.select();
      key.claim(); // the key is not typed into the box
    }
  });
})();
