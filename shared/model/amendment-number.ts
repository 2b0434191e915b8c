/*
 * An amendment number as one form, "AM 60", whichever way a text or a person writes it: the
 * Parliament's side notes ("AM 60") and what people type ("am 60", "Amendment No 60", "AM-60").
 */

const AMENDMENT_NUMBER = /^\s*(?:AM|Amendment)\s*(?:No\.?\s*)?-?\s*(\d+[a-z]*)\s*\.?\s*$/i;

/** "AM 60" for any way of writing amendment 60; null when the words are no amendment number. */
export function amendmentNumber(words: string): string | null {
  const m = AMENDMENT_NUMBER.exec(words);
  return m ? `AM ${m[1]!.toLowerCase()}` : null;
}
