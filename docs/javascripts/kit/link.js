/* A kit in a link, and back.

   /kit/?q=gil,asyncio&by=Ana,Sam: `q` lists the questions in the order they
   are asked (commas as they are, for people to read); `by`, present only when
   some question is assigned, names each question's interviewer in the same
   order, blank for none (`by=Ana,,Sam`). Each name is percent-encoded, so a
   comma in a name cannot split the list. The scorecard page reads the same
   two lists under `kit` instead of `q`, which Material's search claims. */

export const KIT_PAGE_KEY = "q";
export const SCORECARD_KEY = "kit";
const BY_KEY = "by";
export const NAME_LIMIT = 60;

/** A name as the kit keeps it: one line, trimmed, no longer than NAME_LIMIT. */
export const cleanName = (name) => name.replace(/\s+/g, " ").trim().slice(0, NAME_LIMIT);

function decode(text) {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return ""; // a broken escape: treat as nothing
  }
}

/** The raw (still encoded) value of `key` in a query string. */
function raw(search, key) {
  for (const pair of search.replace(/^\?/, "").split("&")) {
    const [name, ...value] = pair.split("=");
    if (decode(name) === key) return value.join("=");
  }
  return null;
}

/** What a bank's ids look like (question_bank.model.SLUG_PATTERN, shipped in bank.json). */
const slugTest = ({ pattern, max_length: longest }) => (text) => text.length <= longest && new RegExp(pattern).test(text);

/**
 * The kit a query string describes: {items: [{id, by}], unknown, ignored}.
 * `unknown` lists id-shaped entries the bank does not have; anything else
 * (free text someone typed into the link) is only counted, never repeated.
 */
export function readKit(search, bank, key = KIT_PAGE_KEY) {
  const ids = (raw(search, key) ?? "").split(",").map((id) => decode(id).trim().toLowerCase());
  const names = (raw(search, BY_KEY) ?? "").split(",").map((name) => cleanName(decode(name)));
  const isSlug = slugTest(bank.data.slug);
  const items = [];
  const unknown = [];
  let ignored = 0;
  ids.forEach((written, index) => {
    if (!written) return;
    const id = bank.current(written);
    if (!isSlug(written)) ignored += 1;
    else if (!bank.has(id)) unknown.includes(written) || unknown.push(written);
    else if (!items.some((item) => item.id === id)) items.push({ id, by: names[index] || "" });
  });
  return { items, unknown, ignored };
}

/** The query string for a kit: "q=a,b&by=Ana,", or "" for an empty kit. */
export function kitQuery(items, key = KIT_PAGE_KEY) {
  if (!items.length) return "";
  const query = `${key}=${items.map((item) => encodeURIComponent(item.id)).join(",")}`;
  if (!items.some((item) => item.by)) return query;
  return `${query}&${BY_KEY}=${items.map((item) => encodeURIComponent(item.by)).join(",")}`;
}

/** `url` with its kit replaced by `items`; its other parameters are kept. */
export function withKit(url, items, key = KIT_PAGE_KEY) {
  const next = new URL(url);
  next.searchParams.delete(key);
  next.searchParams.delete(BY_KEY);
  next.search = [next.searchParams.toString(), kitQuery(items, key)].filter(Boolean).join("&");
  return next;
}
