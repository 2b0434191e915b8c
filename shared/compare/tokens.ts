/*
 * Tokens fit for legal text, for word diffs: "2008/944/CFSP", "Article 5(2)(a)",
 * "EUR 1 000", "30 %" and short quotations stay whole, and each punctuation mark is a token of
 * its own, so a diff never splits a reference or an amount in two.
 */

export interface Token {
  /** The token as written. */
  readonly text: string;
  /** The whitespace that follows it in the source ("" or " "). */
  readonly space: string;
}

/** Quotations up to this length are one token: a defined term in quotes is one unit of meaning. */
const MAX_QUOTED_TERM = 80;

const ALTERNATIVES = [
  // a short quotation: ‘cyber-surveillance items’, "Charter"
  `‘[^’]{1,${MAX_QUOTED_TERM}}’`,
  `“[^”]{1,${MAX_QUOTED_TERM}}”`,
  `'[^'\\s][^']{0,${MAX_QUOTED_TERM - 1}}'`,
  `"[^"]{1,${MAX_QUOTED_TERM}}"`,
  // a provision reference: Article 5(2)(a), Artikel 14a(1)
  `(?:Articles?|Artikel|Article|Articolo|Artículo|Artigo|Art\\.)\\s+\\d+[a-z]?(?:\\s(?:bis|ter|quater))?(?:\\(\\w{1,5}\\))*`,
  // an act's number: (EU) 2021/821, No 428/2009, 2008/944/CFSP, 95/46/EC
  `(?:\\((?:EU|EC|EEC|Euratom|EU, Euratom)\\)\\s+)?(?:No\\s+)?\\d{1,4}/\\d{1,4}(?:/[A-Z]{2,5})?`,
  // an amount: EUR 1 000, EUR 10 million
  `(?:EUR|€)\\s?\\d{1,3}(?:[\\u00a0 ]\\d{3})*(?:[.,]\\d+)?(?:\\s(?:million|billion))?`,
  // a percentage: 30 %, 2,5 %
  `\\d+(?:[.,]\\d+)?[\\u00a0 ]?%`,
  // a number with thousands separated by spaces: 1 000 000
  `\\d{1,3}(?:[\\u00a0 ]\\d{3})+(?:[.,]\\d+)?`,
  // a word, with inner hyphens, apostrophes and points: dual-use, Member State's, e.g
  `[\\p{L}\\p{N}]+(?:[-'’.][\\p{L}\\p{N}]+)*`,
  // anything else: one punctuation mark
  `\\S`,
];
const TOKEN = new RegExp(`(${ALTERNATIVES.join("|")})(\\s*)`, "gu");

/** The tokens of a text, with the whitespace after each, so that joining them gives the text back. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) tokens.push({ text: m[1]!, space: m[2] === "" ? "" : " " });
  return tokens;
}
