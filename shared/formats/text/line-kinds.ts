/*
 * What one line of a plain-text act is: an article, group or annex heading, a numbered
 * paragraph, a point, an indent, or words. The words for Article, Annex and the groups are known
 * in English, French and German; numbers and dashes are the same in every language.
 */
import type { GroupType } from "../groups";

export type LineKind =
  | { kind: "article"; num: string }
  | { kind: "group"; type: GroupType; num: string }
  | { kind: "annex"; num: string }
  | { kind: "paragraph"; num: string; text: string }
  | { kind: "point"; num: string; token: string; text: string }
  | { kind: "indent"; num: string; text: string }
  | { kind: "words"; text: string };

const ARTICLE = /^(Article|Artikel|Art\.)\s+(\d+[a-z]*(?:\s+(?:bis|ter|quater))?)\s*$/i;
const ANNEX = /^(ANNEX|ANNEXE|ANHANG)(\s+[IVXLC\d]+[a-z]?)?\s*$/i;
const GROUPS: readonly [RegExp, GroupType][] = [
  [/^(PART|PARTIE|TEIL)\s+([IVXLC\d]+|ONE|TWO|THREE|FOUR|FIVE)\s*$/i, "part"],
  [/^(TITLE|TITRE|TITEL)\s+([IVXLC\d]+[a-z]?)\s*$/i, "title"],
  [/^(CHAPTER|CHAPITRE|KAPITEL)\s+([IVXLC\d]+[a-z]?)\s*$/i, "chapter"],
  [/^(SECTION|ABSCHNITT)\s+(\d+[a-z]?|[IVXLC]+)\s*$/i, "section"],
  [/^(SUBSECTION|SOUS-SECTION|UNTERABSCHNITT)\s+(\d+[a-z]?)\s*$/i, "subsection"],
  // a capital letter or roman numeral alone on its line heads a part of an annex: "A.", "II."
  [/^([A-Z]|[IVXLC]+)\.$/, "section"],
];
const PARAGRAPH = /^(\d+[a-z]?\.)\s+(\S.*)$/;
const POINT = /^\(([a-z]{1,2}|[ivxlc]+|\d+[a-z]?)\)\s+(\S.*)$/i;
/** Points numbered "a.", "ii." as annexes often are. */
const LETTER_POINT = /^([a-z]|[ivx]+)\.\s+(\S.*)$/;
const INDENT = /^([—–•-])\s+(\S.*)$/;

/** The kind of a trimmed, non-empty line. */
export function lineKind(line: string): LineKind {
  let m = ARTICLE.exec(line);
  if (m) return { kind: "article", num: line };
  m = ANNEX.exec(line);
  if (m) return { kind: "annex", num: line };
  for (const [pattern, type] of GROUPS) if (pattern.test(line)) return { kind: "group", type, num: line };
  m = PARAGRAPH.exec(line);
  if (m) return { kind: "paragraph", num: m[1]!, text: m[2]! };
  m = POINT.exec(line);
  if (m) return { kind: "point", num: `(${m[1]!})`, token: m[1]!, text: m[2]! };
  m = LETTER_POINT.exec(line);
  if (m) return { kind: "point", num: `${m[1]!}.`, token: m[1]!, text: m[2]! };
  m = INDENT.exec(line);
  if (m) return { kind: "indent", num: m[1]!, text: m[2]! };
  return { kind: "words", text: line };
}

/**
 * A short line that does not end a sentence: after "Article 5" or "CHAPTER II" such a line is
 * the heading rather than the first words of the provision.
 */
export function looksLikeHeading(line: string): boolean {
  return line.length <= 200 && !/[.;:,]$/.test(line) && lineKind(line).kind === "words";
}
