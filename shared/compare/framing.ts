/*
 * The words that frame an act's provisions in a comparison: its title before them, and its
 * concluding formulas after them ("This Regulation shall be binding in its entirety…", "Done at
 * Brussels, 20 May 2021.", the signatures). They are no provisions, yet rows of a four-column
 * document: each is one row whatever its words, shown and not counted among the provisions.
 * Akoma Ntoso calls the parts that hold them the preface and the conclusions.
 */

/** The kind (and eId) of the row that holds the act's title. */
export const PREFACE = "preface";
/** Its label, as the row's first cell shows it. */
export const PREFACE_LABEL = "Title";

/** The kind (and eId) of the row that holds the act's concluding formulas. */
export const CONCLUSIONS = "conclusions";
export const CONCLUSIONS_LABEL = "Concluding formulas";

/** The kinds of the framing rows, which statistics do not count. */
export const FRAMING_TYPES: ReadonlySet<string> = new Set([PREFACE, CONCLUSIONS]);

/** A kind of row as a reader names it, where kinds are listed: provisions by their own name. */
export function kindName(type: string): string {
  return type === PREFACE ? "title of the act" : type === CONCLUSIONS ? "concluding formulas" : type;
}
