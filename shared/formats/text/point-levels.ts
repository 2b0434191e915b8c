/*
 * Nesting of points in plain text, where indentation is lost: "(a)" opens a level of letters,
 * "(i)" under it a level of roman numerals, "(1)" a level of numbers. A point continues the level
 * whose next number it is; "(i)" after "(h)" is a letter, after "(a)" it opens roman numerals.
 */

export type PointStyle = "letter" | "roman" | "number";

const ROMANS = [
  "i",
  "ii",
  "iii",
  "iv",
  "v",
  "vi",
  "vii",
  "viii",
  "ix",
  "x",
  "xi",
  "xii",
  "xiii",
  "xiv",
  "xv",
  "xvi",
  "xvii",
  "xviii",
  "xix",
  "xx",
];

function letterIndex(token: string): number {
  return /^[a-z]$/.test(token) ? token.charCodeAt(0) - 96 : /^([a-z])\1$/.test(token) ? 26 + token.charCodeAt(0) - 96 : -1;
}

/** Whether `token` is an inserted number after `previous`: "(ba)" after "(b)", "4a" after "4". */
function isInsertedAfter(previous: string, token: string): boolean {
  return token.length === previous.length + 1 && token.startsWith(previous) && /[a-z]$/.test(token);
}

/** Whether `token` can follow `previous` in the given style (or start it when previous is null). */
export function follows(style: PointStyle, previous: string | null, token: string): boolean {
  const t = token.toLowerCase();
  const prev = previous?.toLowerCase() ?? null;
  if (prev !== null && isInsertedAfter(prev, t)) return true;
  switch (style) {
    case "letter":
      // A later letter follows too, as points deleted from a consolidated text leave gaps, but
      // "(i)" after anything but "(h)" opens roman numerals.
      if (prev === null) return t === "a";
      return letterIndex(t) === letterIndex(prev) + 1 || (t !== "i" && letterIndex(t) > letterIndex(prev));
    case "roman":
      return prev === null ? t === "i" : ROMANS.indexOf(t) === ROMANS.indexOf(prev) + 1;
    case "number":
      // Abridged and amended texts skip numbers ("(1)", then "(20)"), so any higher number follows.
      return prev === null ? parseInt(t, 10) === 1 : parseInt(t, 10) > parseInt(prev, 10);
  }
}

/** The style a token would open a new level with. */
export function styleOf(token: string): PointStyle {
  if (/^\d/.test(token)) return "number";
  if (/^[ivxlc]+$/i.test(token) && (token.toLowerCase() === "i" || token.length > 1)) return "roman";
  return "letter";
}
