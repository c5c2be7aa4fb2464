// Material's search dialog, answered by Pagefind: imported by
// search-loader.js when the reader opens search. The keys and the result
// markup are Material's own (components/search in 9.8.1), so Material's
// stylesheet draws the results unchanged.

// Results are shown a few at a time (about what the dialog shows at once),
// more as the reader scrolls to the end: each one costs a fragment fetch.
const PAGE_SIZE = 5;
// Search as the reader types, as Material does, but let a burst of keys
// faster than this (a paste, a held key) search only once.
const DEBOUNCE_MS = 50;
// Material's own teaser length, in words.
const EXCERPT_WORDS = 30;

const element = (tag, attributes, ...children) => {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children.flat());
  return node;
};

// A Pagefind excerpt is the page's text with < and > escaped and the
// matches between <mark> and </mark>: rebuilt as text nodes and marks, never
// parsed as HTML, so nothing in it can become live markup.
const marked = (excerpt) => excerpt.split(/(<mark>|<\/mark>)/).reduce((nodes, part, index, parts) => {
  if (part === "<mark>" || part === "</mark>" || !part) return nodes;
  const text = part.replaceAll("&lt;", "<").replaceAll("&gt;", ">");
  nodes.push(parts[index - 1] === "<mark>" ? element("mark", {}, text) : document.createTextNode(text));
  return nodes;
}, []);

// Pagefind marks the excerpt only; mark the title's words as Material did.
const markedTitle = (title, terms) => title.split(/(\s+)/).map((word) => {
  const bare = word.toLowerCase().replace(/[^\p{L}\p{N}_]/gu, "");
  const hit = bare && terms.some((term) => bare.startsWith(term) || (bare.length > 3 && term.startsWith(bare)));
  return hit ? element("mark", {}, word) : document.createTextNode(word);
});

export async function mount(root, { config, site, pagefind }) {
  const toggle = document.querySelector("[data-md-toggle=search]");
  const query = root.querySelector(".md-search__input");
  const scrollwrap = root.querySelector(".md-search__scrollwrap");
  const meta = root.querySelector(".md-search-result__meta");
  const list = root.querySelector(".md-search-result__list");
  const translate = (key, count) => config.translations[key].replace("#", count);

  // Pagefind runs in the page (noWorker): its own web worker would be one
  // more script to fetch, one after the other, before the first result,
  // for a search that takes milliseconds. Its links start at the site's root.
  await pagefind.options({ baseUrl: site.pathname, excerptLength: EXCERPT_WORDS, noWorker: true });
  await pagefind.init();

  // Absolute, as Material writes its result links.
  const resultLink = (url, heading, excerpt, icon) => element("a", { href: new URL(url, site).href, class: "md-search-result__link", tabindex: "-1" },
    element("article", { class: "md-search-result__article md-typeset" },
      icon ? element("div", { class: "md-search-result__icon md-icon" }) : [],
      heading,
      excerpt ? element("p", {}, marked(excerpt)) : []));

  // One page: its title and best excerpt, then its sections folded away,
  // as Material shows a page whose best match is the page itself.
  const resultItem = (data, terms) => {
    // The h1's section is the page itself, already shown above them.
    const sections = data.sub_results.filter((section) => section.anchor && section.anchor.element !== "h1");
    const item = element("li", { class: "md-search-result__item" },
      resultLink(data.url, element("h1", {}, markedTitle(data.meta.title || data.url, terms)), data.excerpt, true));
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
    fill();
  };

  // Until the list can scroll, scrolling cannot ask for more: fill it. A
  // closed dialog has no height, and must not read as one at its end.
  const nearEnd = () => scrollwrap.scrollTop + scrollwrap.clientHeight >= scrollwrap.scrollHeight - 100;
  const fill = () => {
    if (toggle.checked && scrollwrap.clientHeight > 0 && nearEnd()) showMore(shown).catch(() => {});
  };

  const runSearch = async () => {
    const ticket = ++latest;
    const value = query.value.trim();
    if (!value) {
      shown = { results: [], next: 0, terms: [], busy: false };
      list.replaceChildren();
      meta.textContent = translate("search.result.placeholder");
      return;
    }
    const search = await pagefind.debouncedSearch(value, {}, DEBOUNCE_MS);
    if (search === null || ticket !== latest) return; // a later keystroke won
    const current = { results: search.results, next: 0, terms: value.toLowerCase().split(/\s+/), busy: false };
    const pages = await Promise.all(current.results.slice(0, PAGE_SIZE).map((result) => result.data()));
    if (ticket !== latest) return;
    shown = current;
    current.next = pages.length;
    meta.textContent = countLine(current.results.length);
    list.replaceChildren(...pages.map((data) => resultItem(data, current.terms)));
    fill();
  };
  const search = () => runSearch().catch(() => {});

  query.addEventListener("input", search);
  query.form.addEventListener("submit", (event) => event.preventDefault());
  query.form.addEventListener("reset", () => setTimeout(() => {
    query.focus();
    search();
  }));
  scrollwrap.addEventListener("scroll", fill);

  // Reveal the results to the accessibility tree only while search is open.
  const reveal = () => {
    list.setAttribute("role", toggle.checked ? "list" : "presentation");
    list.hidden = !toggle.checked;
  };
  toggle.addEventListener("change", reveal);
  reveal();

  const moveFocus = (key, step) => {
    const stops = [query, ...root.querySelectorAll(
      ".md-search-result :not(details) > [href], .md-search-result summary, .md-search-result details[open] [href]")];
    const at = Math.max(0, stops.indexOf(document.activeElement));
    stops[(at + stops.length + step) % stops.length].focus();
    key.claim(); // no page scrolling
  };
  // Material's keys while search is open (components/search/_/index.ts);
  // the loader closes it on Escape and Tab.
  const searchKeys = {
    Enter: (key) => {
      if (document.activeElement !== query) return;
      list.querySelector(".md-search-result__item a")?.click(); // the best result
      key.claim();
    },
    ArrowUp: (key) => moveFocus(key, -1),
    ArrowDown: (key) => moveFocus(key, +1),
    Escape: () => {},
    Tab: () => {},
  };
  keyboard$.subscribe((key) => {
    if (key.mode !== "search") return;
    const handle = searchKeys[key.type];
    if (handle) handle(key);
    else if (document.activeElement !== query) query.focus();
  });

  // What was typed while Pagefind loaded.
  search();
}
