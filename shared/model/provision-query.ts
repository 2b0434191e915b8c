/*
 * What people type to jump to a provision ("Art 5", "art. 5(2)(a)", "recital 12", "annex i",
 * "ch II") read as the citation label the comparison rows carry ("Article 5(2)(a)").
 */

const KINDS: readonly [RegExp, string][] = [
  [/^(art(icle)?s?|artikel|art)\.?$/i, "Article"],
  [/^(rec(ital)?s?|cons(id[eé]rant)?|erw(ägungsgrund)?)\.?$/i, "Recital"],
  [/^(anx|annex(e)?|anhang)\.?$/i, "Annex"],
  [/^(ch(ap(ter)?)?|chapitre|kapitel)\.?$/i, "Chapter"],
  [/^(sec(tion)?|abschnitt)\.?$/i, "Section"],
  [/^(cit(ation)?)\.?$/i, "Citation"],
];

/** The citation label a query stands for, or null when it names no provision. */
export function provisionLabel(query: string): string | null {
  const m = /^\s*([\p{L}.]+)\s*([0-9]+[a-z]*|[ivxlc]+)\s*((?:\(\s*\w+\s*\))*)\s*$/iu.exec(query);
  if (!m) return null;
  const kind = KINDS.find(([pattern]) => pattern.test(m[1]!));
  if (!kind) return null;
  const number = /^\d/.test(m[2]!) || kind[1] === "Article" || kind[1] === "Recital" ? m[2]!.toLowerCase() : m[2]!.toUpperCase();
  const parts = (m[3] ?? "").replace(/\s+/g, "").toLowerCase();
  return `${kind[1]} ${number}${parts}`;
}
