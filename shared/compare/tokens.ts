/*
 * Tokens fit for legal text, for word diffs: "2008/944/CFSP", "Article 5(2)(a)",
 * "EUR 1 000", "30 %" and short quotations stay whole, and each punctuation mark is a token of
 * its own, so a diff never splits a reference or an amount in two.
 *
 * A hand-written scanner rather than one regular expression of alternatives: every version of
 * an act passes through it, and it is several times faster. At each position the first kind
 * of token that fits is taken, in this order: a short quotation, a provision reference, an
 * act's number, an amount, a percentage, a number with thousands separated by spaces, a word,
 * and otherwise one character. Numbers end where their digits end: "EUR 1000" is one amount,
 * not "EUR 100" followed by "0".
 */
import { charLength, isAsciiWord, isDigit, isLowerAscii, isSpace, isUpperAscii, wordCharLength } from "./characters";

export interface Token {
  /** The token as written. */
  readonly text: string;
  /** The whitespace that follows it in the source ("" or " "). */
  readonly space: string;
}

/** Quotations up to this length are one token: a defined term in quotes is one unit of meaning. */
const MAX_QUOTED_TERM = 80;

/** The words that introduce a provision reference, in the languages of the corpus. */
const REFERENCE_WORDS = ["Articles", "Article", "Artikel", "Articolo", "Artículo", "Artigo", "Art."];
/** Latin insertions after an article's number: "Article 4 bis". */
const LATIN_INSERTIONS = ["bis", "ter", "quater"];
/** The parenthesised prefixes of an act's number: "(EU) 2021/821". */
const ACT_PREFIXES = ["(EU, Euratom)", "(Euratom)", "(EEC)", "(EU)", "(EC)"];
const MULTIPLIERS = ["million", "billion"];

const NBSP = 0xa0;
const SPACE = 0x20;

function digitsEnd(text: string, at: number): number {
  while (at < text.length && isDigit(text.charCodeAt(at))) at++;
  return at;
}

function spacesEnd(text: string, at: number): number {
  while (at < text.length && isSpace(text.charCodeAt(at))) at++;
  return at;
}

/** The first of `words` written at `at` and not followed by a letter, or null. */
function wordAt(text: string, at: number, words: readonly string[]): string | null {
  for (const w of words) if (text.startsWith(w, at) && wordCharLength(text, at + w.length) === 0) return w;
  return null;
}

/** A quotation of one to MAX_QUOTED_TERM characters between `open` and `close`; a ' must not open onto a space. */
function quotationEnd(text: string, at: number): number {
  const open = text.charCodeAt(at);
  const close = open === 0x2018 ? 0x2019 : open === 0x201c ? 0x201d : open;
  if (open === 0x27 && (at + 1 >= text.length || text.charCodeAt(at + 1) === 0x27 || isSpace(text.charCodeAt(at + 1)))) return -1;
  const last = Math.min(text.length - 1, at + MAX_QUOTED_TERM + 1);
  for (let q = at + 1; q <= last; q++) if (text.charCodeAt(q) === close) return q > at + 1 ? q + 1 : -1;
  return -1;
}

/** "Article 5(2)(a)", "Articles 14a", "Article 4 bis(1)": a reference word, a number, its subdivisions. */
function referenceEnd(text: string, at: number): number {
  const word = REFERENCE_WORDS.find((w) => text.startsWith(w, at));
  if (word === undefined) return -1;
  let q = at + word.length;
  const afterSpace = spacesEnd(text, q);
  if (afterSpace === q || !isDigit(text.charCodeAt(afterSpace))) return -1;
  q = digitsEnd(text, afterSpace);
  if (isLowerAscii(text.charCodeAt(q)) && wordCharLength(text, q + 1) === 0) q++;
  if (wordCharLength(text, q) > 0) return -1;
  if (isSpace(text.charCodeAt(q))) {
    const latin = wordAt(text, q + 1, LATIN_INSERTIONS);
    if (latin !== null) q += 1 + latin.length;
  }
  for (;;) {
    if (text.charCodeAt(q) !== 0x28) break;
    let r = q + 1;
    while (r < text.length && r - q <= 5 && isAsciiWord(text.charCodeAt(r))) r++;
    if (r === q + 1 || text.charCodeAt(r) !== 0x29) break;
    q = r + 1;
  }
  return q;
}

/** "(EU) 2021/821", "No 428/2009", "2008/944/CFSP", "95/46/EC": an act's number with what prefixes it. */
function actNumberEnd(text: string, at: number): number {
  let q = at;
  const prefix = ACT_PREFIXES.find((p) => text.startsWith(p, q));
  if (prefix !== undefined) {
    const after = spacesEnd(text, q + prefix.length);
    if (after === q + prefix.length) return -1;
    q = after;
  } else if (text.charCodeAt(q) === 0x28) return -1;
  if (text.startsWith("No", q)) {
    const after = spacesEnd(text, q + 2);
    if (after === q + 2) return -1;
    q = after;
  }
  const year = digitsEnd(text, q);
  if (year === q || year - q > 4 || text.charCodeAt(year) !== 0x2f) return -1;
  const number = digitsEnd(text, year + 1);
  if (number === year + 1 || number - year - 1 > 4) return -1;
  q = number;
  if (text.charCodeAt(q) === 0x2f) {
    let r = q + 1;
    while (r < text.length && isUpperAscii(text.charCodeAt(r))) r++;
    if (r - q - 1 >= 2 && r - q - 1 <= 5) q = r;
  }
  return q;
}

/** The end of the groups of three digits after a space that follow `at`: "1 000 000". */
function thousandsEnd(text: string, at: number): number {
  for (;;) {
    const sep = text.charCodeAt(at);
    if (sep !== SPACE && sep !== NBSP) return at;
    const end = digitsEnd(text, at + 1);
    if (end - at - 1 !== 3) return at;
    at = end;
  }
}

/** A decimal part, ",5" or ".25", if one follows `at`. */
function decimalsEnd(text: string, at: number): number {
  const c = text.charCodeAt(at);
  if (c !== 0x2c && c !== 0x2e) return at;
  const end = digitsEnd(text, at + 1);
  return end > at + 1 ? end : at;
}

/** A number as amounts write it: "1 000", "1000", "2,5". */
function amountNumberEnd(text: string, at: number): number {
  const digits = digitsEnd(text, at);
  if (digits === at) return -1;
  const grouped = digits - at <= 3 ? thousandsEnd(text, digits) : digits;
  return decimalsEnd(text, grouped);
}

/** "EUR 1 000", "€20 million". */
function amountEnd(text: string, at: number): number {
  const currency = text.startsWith("EUR", at) ? 3 : text.charCodeAt(at) === 0x20ac ? 1 : 0;
  if (currency === 0) return -1;
  let q = at + currency;
  if (isSpace(text.charCodeAt(q)) && isDigit(text.charCodeAt(q + 1))) q++;
  q = amountNumberEnd(text, q);
  if (q < 0) return -1;
  if (isSpace(text.charCodeAt(q))) {
    const multiplier = wordAt(text, q + 1, MULTIPLIERS);
    if (multiplier !== null) q += 1 + multiplier.length;
  }
  return q;
}

/** "30 %", "2,5 %". */
function percentageEnd(text: string, at: number): number {
  let q = decimalsEnd(text, digitsEnd(text, at));
  const c = text.charCodeAt(q);
  if (c === SPACE || c === NBSP) q++;
  return text.charCodeAt(q) === 0x25 ? q + 1 : -1;
}

/** "1 000 000": at most three digits, then groups of three. */
function groupedNumberEnd(text: string, at: number): number {
  const digits = digitsEnd(text, at);
  if (digits - at > 3) return -1;
  const grouped = thousandsEnd(text, digits);
  return grouped === digits ? -1 : decimalsEnd(text, grouped);
}

/** What an ASCII character can be at the start of a token, or inside a word. */
const ASCII_SPACE = 1;
const ASCII_LETTER_OR_DIGIT = 2;
/** May start a reference, an act's number, an amount, a number or a quotation: "A", "E", "N", digits, "(", quotes. */
const ASCII_SPECIAL = 4;
const ASCII_KIND = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const char = String.fromCharCode(c);
  if (/\s/.test(char)) ASCII_KIND[c] = ASCII_SPACE;
  else if (/[A-Za-z0-9]/.test(char)) ASCII_KIND[c] = ASCII_LETTER_OR_DIGIT;
  if (/[AEN0-9('"]/.test(char)) ASCII_KIND[c]! |= ASCII_SPECIAL;
}

/** A word with inner hyphens, apostrophes and points: "dual-use", "State's", "e.g". */
function wordEnd(text: string, at: number): number {
  let q = at;
  for (;;) {
    while (q < text.length) {
      const c = text.charCodeAt(q);
      if (c < 128) {
        if ((ASCII_KIND[c]! & ASCII_LETTER_OR_DIGIT) === 0) break;
        q++;
      } else {
        const n = wordCharLength(text, q);
        if (n === 0) break;
        q += n;
      }
    }
    const c = text.charCodeAt(q);
    if ((c === 0x2d || c === 0x27 || c === 0x2019 || c === 0x2e) && wordCharLength(text, q + 1) > 0) q++;
    else return q;
  }
}

/** Where the token that starts at `at` (not a space) ends. */
function tokenEnd(text: string, at: number): number {
  const c = text.charCodeAt(at);
  let end = -1;
  if (c === 0x2018 || c === 0x201c || c === 0x27 || c === 0x22) end = quotationEnd(text, at);
  else if (c === 0x41 /* A */) end = referenceEnd(text, at);
  else if (c === 0x28 /* ( */ || c === 0x4e /* N */) end = actNumberEnd(text, at);
  else if (c === 0x45 /* E */ || c === 0x20ac /* € */) end = amountEnd(text, at);
  else if (isDigit(c)) {
    end = actNumberEnd(text, at);
    if (end < 0) end = percentageEnd(text, at);
    if (end < 0) end = groupedNumberEnd(text, at);
  }
  if (end > at) return end;
  if (wordCharLength(text, at) > 0) return wordEnd(text, at);
  return at + charLength(text, at);
}

/** The hash of a token's characters (FNV-1a), as the scan computes it along the way. */
const HASH_SEED = 0x811c9dc5 | 0;
const HASH_PRIME = 0x01000193;

/** The hash of `text.slice(start, end)`, equal to what `scanTokens` gives that token. */
export function tokenHash(text: string, start: number, end: number): number {
  let hash = HASH_SEED;
  for (let k = start; k < end; k++) hash = Math.imul(hash ^ text.charCodeAt(k), HASH_PRIME);
  return hash;
}

/**
 * Where a scan puts its tokens, in reading order: token k is `text.slice(starts[k], ends[k])`
 * and its `tokenHash` is `hashes[k]`. Each array needs room for as many tokens as the text has
 * characters.
 */
export interface TokenBounds {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly hashes: Int32Array;
}

/** Bounds with room for the tokens of a text of `length` characters. */
export function tokenBounds(length: number): TokenBounds {
  return { starts: new Int32Array(length), ends: new Int32Array(length), hashes: new Int32Array(length) };
}

/**
 * Scans a text into tokens, putting down where each starts and ends and the hash of its
 * characters, so that a table of tokens need not read them again, and returns how many there
 * are. Whitespace belongs to no token. Plain words and punctuation in ASCII, most of any text,
 * take a short way, hashed as they are read. The scan only writes numbers: looking each token up
 * from inside the scan, through a callback, made tokenizing the bench act's texts take 60 ms
 * where scanning first and looking up after takes 42.
 */
export function scanTokens(text: string, into: TokenBounds): number {
  const { starts, ends, hashes } = into;
  const length = text.length;
  let count = 0;
  let at = 0;
  while (at < length) {
    const c = text.charCodeAt(at);
    let end: number;
    let hash: number;
    if (c < 128) {
      const kind = ASCII_KIND[c]!;
      if (kind === ASCII_SPACE) {
        at++;
        continue;
      }
      if (kind === ASCII_LETTER_OR_DIGIT) {
        end = at + 1;
        hash = Math.imul(HASH_SEED ^ c, HASH_PRIME);
        // Bounded by the length: reading past the end gives NaN, which makes the loop slower.
        let d = 0;
        while (end < length) {
          d = text.charCodeAt(end);
          if (d >= 128 || (ASCII_KIND[d]! & ASCII_LETTER_OR_DIGIT) === 0) break;
          hash = Math.imul(hash ^ d, HASH_PRIME);
          end++;
        }
        // A joiner or a letter beyond ASCII may go on with the word: the long way.
        if (end < length && (d >= 128 || d === 0x2d || d === 0x27 || d === 0x2e)) {
          end = wordEnd(text, end);
          hash = tokenHash(text, at, end);
        }
      } else if (kind === 0) {
        end = at + 1;
        hash = Math.imul(HASH_SEED ^ c, HASH_PRIME);
      } else {
        end = tokenEnd(text, at);
        hash = tokenHash(text, at, end);
      }
    } else {
      if (isSpace(c)) {
        at++;
        continue;
      }
      end = tokenEnd(text, at);
      hash = tokenHash(text, at, end);
    }
    starts[count] = at;
    ends[count] = end;
    hashes[count++] = hash;
    at = end;
  }
  return count;
}

/** The tokens of a text, with the whitespace after each, so that joining them gives the text back. */
export function tokenize(text: string): Token[] {
  const bounds = tokenBounds(text.length);
  const count = scanTokens(text, bounds);
  return Array.from({ length: count }, (_, k) => {
    const end = bounds.ends[k]!;
    return { text: text.slice(bounds.starts[k], end), space: end < text.length && isSpace(text.charCodeAt(end)) ? " " : "" };
  });
}
