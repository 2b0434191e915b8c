/*
 * Character classes the tokenizer reads text by, as JavaScript's regular expressions define
 * them (\s, \d, \w, \p{L}\p{N}), answered from a table instead of a regular expression per
 * character: the tokenizer looks at every character of every version of an act.
 */

const SPACE = 1;
const WORD = 2; // a letter or a number, in any script
const KNOWN = 128;

/** Classes of the UTF-16 code units, filled in as they are met. */
const classes = new Uint8Array(65536);
const SPACE_TEST = /\s/u;
const WORD_TEST = /[\p{L}\p{N}]/u;

function classOf(code: number): number {
  let c = classes[code]!;
  if (c === 0) {
    const char = String.fromCharCode(code);
    c = KNOWN | (SPACE_TEST.test(char) ? SPACE : 0) | (WORD_TEST.test(char) ? WORD : 0);
    classes[code] = c;
  }
  return c;
}

/** White space as \s means it: spaces, tabs, line ends, no-break and other Unicode spaces. */
export function isSpace(code: number): boolean {
  return (classOf(code) & SPACE) !== 0;
}

/** An ASCII digit, as \d means it. */
export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** An ASCII letter, digit or underscore, as \w means it. */
export function isAsciiWord(code: number): boolean {
  return isDigit(code) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

export function isUpperAscii(code: number): boolean {
  return code >= 65 && code <= 90;
}

export function isLowerAscii(code: number): boolean {
  return code >= 97 && code <= 122;
}

/**
 * The length in code units of the letter or number at `at` ([\p{L}\p{N}]): 1, or 2 for one
 * outside the Basic Multilingual Plane; 0 when there is none.
 */
export function wordCharLength(text: string, at: number): number {
  if (at >= text.length) return 0;
  const code = text.charCodeAt(at);
  if (code < 0xd800 || code > 0xdbff) return (classOf(code) & WORD) !== 0 ? 1 : 0;
  const point = text.codePointAt(at)!;
  return point > 0xffff && WORD_TEST.test(String.fromCodePoint(point)) ? 2 : 0;
}

/** The length in code units of the character at `at`: 2 for a surrogate pair, else 1. */
export function charLength(text: string, at: number): number {
  const code = text.charCodeAt(at);
  if (code < 0xd800 || code > 0xdbff) return 1;
  const next = text.charCodeAt(at + 1);
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}
