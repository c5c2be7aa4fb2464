/* The scorecard code: one interviewer's scores as a short, URL-safe string
   to paste into a message, an applicant-tracking system or the debrief.

   SC1.<payload>.<check>
   - "SC" and the format version (1). A later format gets a new number; this
     page then says the code is newer than it, instead of misreading it.
   - payload: base64url (no padding) of the raw-DEFLATE-compressed UTF-8 JSON
       {"kit": [question id, ...],            the kit, in order
        "interviewer": "Ana",                 a name or a role
        "answers": [{"band": 0-4,             0: not asked
                     "should_cover": [n, ...], "look_for": [...], "red_flags": [...],
                                              ticked points, counted from 1
                                              (the lists are bank.json's `checklists`)
                     "exercise": [n, ...],    ticked exercise checklist items
                     "note": "evidence"}, ...],   one per kit question, in order
        "recommendation": 1-4,                bank.json's `recommendations`, from 1
        "summary": "..."}
   - check: the CRC-32 of that JSON (UTF-8), 8 hex digits, so a code that
     was cut short or changed is refused rather than misread.
   Python reads it with base64.urlsafe_b64decode, zlib.decompress(data, -15)
   and zlib.crc32 (tests/browser/test_scorecard.py does). */

export const CODE_FORMAT = 1;
const SHAPE = /^SC(\d{1,4})\.([A-Za-z0-9_-]+)\.([0-9a-f]{8})$/;
const LONGEST_CODE = 60_000; // characters; a real code is a few hundred
const LARGEST_JSON = 500_000; // bytes, once decompressed
export const NOTE_LIMIT = 4_000; // characters in an evidence note or the summary
const MOST_POINTS = 50;
const MOST_QUESTIONS = 100;

export class CodeError extends Error {}

const NOT_A_CODE = `This is not a scorecard code: a code starts with “SC${CODE_FORMAT}.”. Copy it again from the scorecard’s “Copy code” box.`;
const DAMAGED = "This code is damaged: it was cut short or changed after it was copied. Copy it again from the scorecard.";
const newer = (version) => `This code was made by a newer version of the scorecard (format ${version}); this page reads format ${CODE_FORMAT}. Reload the page to get the newer version, then try again.`;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 as zlib computes it, as 8 hex digits. */
function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return ((c ^ 0xffffffff) >>> 0).toString(16).padStart(8, "0");
}

function toBase64Url(bytes) {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text) {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((text.length + 3) % 4));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** Bytes through a (de)compression stream, refusing output larger than `limit`. */
async function through(bytes, stream, limit = Infinity) {
  const reader = new Blob([bytes]).stream().pipeThrough(stream).getReader();
  const chunks = [];
  let size = 0;
  for (let step = await reader.read(); !step.done; step = await reader.read()) {
    size += step.value.length;
    if (size > limit) throw new CodeError(DAMAGED);
    chunks.push(step.value);
  }
  return new Uint8Array(await new Blob(chunks).arrayBuffer());
}

/** The code for a scorecard record (store.js) against a bank. */
export async function encodeScorecard(record, bank) {
  const answer = (id) => {
    const { band, ticks, exercise, note } = record.answers[id];
    return { band: band ?? 0, ...Object.fromEntries(bank.data.checklists.map((list) => [list, ticks[list]])), exercise, note };
  };
  const json = JSON.stringify({
    kit: record.kit.map(({ id }) => id),
    interviewer: record.interviewer,
    answers: record.kit.map(({ id }) => answer(id)),
    recommendation: record.recommendation,
    summary: record.summary,
  });
  const bytes = new TextEncoder().encode(json);
  const packed = await through(bytes, new CompressionStream("deflate-raw"));
  return `SC${CODE_FORMAT}.${toBase64Url(packed)}.${crc32(bytes)}`;
}

/** The JSON inside a code, or a CodeError that says what is wrong with it. */
async function unpack(code) {
  const text = code.replace(/\s+/g, ""); // messages and ATS notes wrap long lines
  const version = /^SC(\d{1,4})\./.exec(text)?.[1];
  if (!version || Number(version) < 1) throw new CodeError(NOT_A_CODE);
  if (Number(version) > CODE_FORMAT) throw new CodeError(newer(Number(version)));
  const parts = SHAPE.exec(text);
  if (!parts || text.length > LONGEST_CODE) throw new CodeError(DAMAGED);
  let bytes;
  try {
    bytes = await through(fromBase64Url(parts[2]), new DecompressionStream("deflate-raw"), LARGEST_JSON);
  } catch {
    throw new CodeError(DAMAGED);
  }
  if (crc32(bytes) !== parts[3]) throw new CodeError(DAMAGED);
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new CodeError(DAMAGED);
  }
}

const isInt = (value, low, high) => Number.isInteger(value) && value >= low && value <= high;
const isText = (value, limit) => typeof value === "string" && value.length <= limit;
const isPoints = (value) => Array.isArray(value) && value.length <= MOST_POINTS
  && value.every((n) => isInt(n, 1, MOST_POINTS)) && new Set(value).size === value.length;

function wellFormed(data, bank) {
  const lists = [...bank.data.checklists, "exercise"];
  const answerOk = (a) => a && typeof a === "object" && isInt(a.band, 0, bank.data.bands.length)
    && lists.every((list) => isPoints(a[list])) && isText(a.note, NOTE_LIMIT);
  return data && typeof data === "object"
    && Array.isArray(data.kit) && data.kit.length >= 1 && data.kit.length <= MOST_QUESTIONS
    && data.kit.every((id) => isText(id, bank.data.slug.max_length) && new RegExp(bank.data.slug.pattern).test(id))
    && new Set(data.kit).size === data.kit.length
    && isText(data.interviewer, 200) && isText(data.summary, NOTE_LIMIT)
    && isInt(data.recommendation, 0, bank.data.recommendations.length)
    && Array.isArray(data.answers) && data.answers.length === data.kit.length && data.answers.every(answerOk);
}

/**
 * The scorecard a code holds, in the shape of a record's parts:
 * {kit: [{id, by}], interviewer, answers: {id: answer}, recommendation, summary}.
 * Throws a CodeError with a message for the reader if the code cannot be used.
 */
export async function decodeScorecard(code, bank) {
  const data = await unpack(code);
  if (!wellFormed(data, bank)) throw new CodeError(DAMAGED);
  const ids = data.kit.map(bank.current);
  const missing = ids.filter((id) => !bank.has(id));
  if (missing.length) {
    throw new CodeError(`This code scores ${missing.length === 1 ? "a question" : `${missing.length} questions`} that this bank does not have (${missing.join(", ")}): it was made with another question bank.`);
  }
  const answers = Object.fromEntries(ids.map((id, index) => {
    const { band, exercise, note, ...lists } = data.answers[index];
    const ticks = Object.fromEntries(bank.data.checklists.map((list) => [list, lists[list]]));
    return [id, { band, ticks, exercise, note, seconds: 0 }];
  }));
  const { interviewer, recommendation, summary } = data;
  return { kit: ids.map((id) => ({ id, by: "" })), interviewer, answers, recommendation, summary };
}

/** Refuse a decoded scorecard whose ticks point past the current questions' lists. */
export function checkPoints(card, bank, materials) {
  const fits = card.kit.every(({ id }, index) => {
    const { ticks, exercise } = card.answers[id];
    const material = materials[index];
    return bank.data.checklists.every((list) => ticks[list].every((n) => n <= material[list].length))
      && exercise.every((n) => n <= (material.exercise ? bank.data.exercise_checklist.length : 0));
  });
  if (!fits) throw new CodeError("This code ticks points that these questions no longer have: the question bank has changed since it was made.");
}
