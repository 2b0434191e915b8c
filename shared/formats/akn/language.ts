/*
 * Akoma Ntoso names languages by ISO 639-2 three-letter codes ("eng"); the document model keeps
 * ISO 639-1 ("en"), as EUR-Lex does. The official languages of the Union both ways.
 */

const PAIRS: readonly (readonly [string, string])[] = [
  ["bg", "bul"],
  ["cs", "ces"],
  ["da", "dan"],
  ["de", "deu"],
  ["el", "ell"],
  ["en", "eng"],
  ["es", "spa"],
  ["et", "est"],
  ["fi", "fin"],
  ["fr", "fra"],
  ["ga", "gle"],
  ["hr", "hrv"],
  ["hu", "hun"],
  ["it", "ita"],
  ["lt", "lit"],
  ["lv", "lav"],
  ["mt", "mlt"],
  ["nl", "nld"],
  ["pl", "pol"],
  ["pt", "por"],
  ["ro", "ron"],
  ["sk", "slk"],
  ["sl", "slv"],
  ["sv", "swe"],
];
const TO_THREE = new Map(PAIRS);
const TO_TWO = new Map(PAIRS.map(([two, three]) => [three, two]));

export function toIso6392(language: string): string {
  return TO_THREE.get(language) ?? language;
}

export function toIso6391(language: string): string {
  return TO_TWO.get(language) ?? language;
}
