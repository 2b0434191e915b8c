/*
 * Provisions kept only to say that they are deleted: "deleted", as the Parliament prints a
 * provision its amendment deletes, in the place and under the number of the provision of the
 * text it amends. Such a mark has no words to be matched on, so it is matched on its number, but
 * only against a version numbered as its own: a Council text that inserted an Article 2 and
 * renumbered the rest has its own Article 2, which the Parliament's "Article 2 deleted" is not.
 */
import type { Comparable } from "./comparable";

/** The words of a provision kept only to say it is deleted. */
const DELETED_MARK = /^\s*deleted\.?\s*$/i;

/** Whether a provision with these own words and no sub-provisions is a deletion mark. */
export function isDeletedMark(text: string, subProvisions: number): boolean {
  return subProvisions === 0 && DELETED_MARK.test(text);
}

/**
 * Whether two versions number the provisions of one level alike, judged by the provisions
 * they have word for word the same, sub-provisions included: alike when at least half of those
 * keep their number. With none to judge by, they are taken to be alike.
 */
export class Numbering {
  private readonly words = new Map<Comparable, string>();
  private readonly alike = new Map<string, boolean>();

  constructor(private readonly columns: readonly (readonly Comparable[])[]) {}

  agree(x: number, y: number): boolean {
    if (x === y) return true;
    const pair = x < y ? `${x}:${y}` : `${y}:${x}`;
    let alike = this.alike.get(pair);
    if (alike === undefined) {
      const numberOf = new Map<string, string | null>();
      for (const c of this.columns[x] ?? []) if (!c.deletedMark) numberOf.set(this.wordsOf(c), c.numToken);
      let shared = 0;
      let same = 0;
      for (const c of this.columns[y] ?? []) {
        const words = c.deletedMark ? undefined : this.wordsOf(c);
        if (words === undefined || !numberOf.has(words)) continue;
        shared++;
        if (numberOf.get(words) === c.numToken) same++;
      }
      alike = shared === 0 || 2 * same >= shared;
      this.alike.set(pair, alike);
    }
    return alike;
  }

  /** A provision's words and its sub-provisions', numbers aside, as one string. */
  private wordsOf(c: Comparable): string {
    let words = this.words.get(c);
    if (words === undefined) {
      words = `${c.type}|${c.headingTokens?.serial ?? -1}|${c.tokens.serial}|${c.children.map((child) => this.wordsOf(child)).join(",")}`;
      this.words.set(c, words);
    }
    return words;
  }
}

/**
 * How sure it is that a deletion mark and a provision (or two marks) correspond: as sure as
 * identical words when they have the same number and their versions number alike, there
 * (`alikeAround`) as well as overall; not at all otherwise. The Parliament's "(21) deleted" in
 * its amendments to the proposal is not the Council's "(21) ‘internal compliance programme’ …":
 * the Council numbers that definition 21 where the Parliament, two places after its mark,
 * numbers it 23. Unnumbered marks are left to their place among their neighbours.
 */
export function deletedMarkScore(
  a: Comparable,
  b: Comparable,
  numbering: Numbering,
  alikeAround: (mark: Comparable, version: number) => boolean,
): number | null {
  if (a.numToken === null || a.numToken !== b.numToken || !numbering.agree(a.version, b.version)) return null;
  const [mark, other] = a.deletedMark ? [a, b] : [b, a];
  return alikeAround(mark, other.version) ? 1 : null;
}
