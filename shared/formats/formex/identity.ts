/*
 * The identity of the act a Formex document holds: its language (LG.DOC), its date (DATE ISO),
 * and its work URI (/akn/eu/act/regulation/2016/679), from NO.DOC and the kind of act.
 */
import { elements, textOf, type XmlElement } from "../xml";

export type ActKind = "regulation" | "directive" | "decision";

/** Formex codes of the legal value of an act (LEG.VAL, LEGAL.VALUE): REG, DIR, DEC, and refinements such as REG.IMPL. */
const KIND_CODES: Readonly<Record<string, ActKind>> = { REG: "regulation", DIR: "directive", DEC: "decision" };

/**
 * The words for each kind of act in the EU's official languages (lower case), for an act whose
 * markup does not say its kind: the title then does ("Regulation (EU) 2016/679...").
 */
const KIND_WORDS: Readonly<Record<ActKind, readonly string[]>> = {
  regulation:
    "regulation règlement verordnung reglamento regolamento regulamento verordening rozporządzenie nařízení nariadenie rendelet regula reglamentas asetus määrus κανονισμός регламент rialachán uredba forordning förordning regolament regulamentul".split(
      " ",
    ),
  directive:
    "directive richtlinie directiva direttiva diretiva richtlijn dyrektywa směrnice smernica irányelv direktīva direktyva direktiivi direktiiv οδηγία директива treoir direktiva direktiv".split(
      " ",
    ),
  decision:
    "decision décision beschluss decisión decisione decisão besluit decyzja rozhodnutí rozhodnutie határozat lēmums sprendimas päätös otsus απόφαση решение cinneadh odluka sklep afgørelse beslut deċiżjoni decizia decizie".split(
      " ",
    ),
};

const KIND_BY_WORD = new Map<string, ActKind>();
for (const [kind, words] of Object.entries(KIND_WORDS) as [ActKind, readonly string[]][]) {
  for (const word of words) KIND_BY_WORD.set(word, kind);
}

/** How far into a title the kind of act is looked for: past "Commission Implementing" and the like. */
const TITLE_WORDS_SEARCHED = 4;

/** The kind of act from a Formex legal-value code ("REG", "DIR.IMPL"), or null. */
export function kindFromCode(code: string | undefined): ActKind | null {
  return code ? (KIND_CODES[code.split(".")[0]!.toUpperCase()] ?? null) : null;
}

/** The kind of act from the first words of its title, in any official language, or null. */
export function kindFromTitle(title: string | null): ActKind | null {
  const words = (title ?? "")
    .toLocaleLowerCase()
    .split(/[\s\u00a0]+/)
    .slice(0, TITLE_WORDS_SEARCHED);
  for (const word of words) {
    const kind = KIND_BY_WORD.get(word);
    if (kind) return kind;
  }
  return null;
}

/** The ISO date of a DATE element ("20160427") as YYYY-MM-DD, or null. */
export function isoDate(date: XmlElement | undefined): string | null {
  const match = date?.attrs.ISO?.match(/^(\d{4})(\d{2})(\d{2})$/);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
}

/** The ISO 639-1 code of an LG.DOC element ("EN" -> "en"), or null when it is not a two-letter code. */
export function languageCode(lg: XmlElement | undefined): string | null {
  const code = lg ? textOf(lg).trim().toLowerCase() : "";
  return /^[a-z]{2}$/.test(code) ? code : null;
}

/** The work URI from a NO.DOC (NO.CURRENT and YEAR) and the kind of act, or null when either is unknown. */
export function workOf(noDoc: XmlElement | undefined, kind: ActKind | null): string | null {
  if (!noDoc || !kind) return null;
  const part = (name: string) => {
    const element = elements(noDoc).find((e) => e.name === name);
    const digits = element ? textOf(element).trim() : "";
    return /^\d+$/.test(digits) ? String(Number(digits)) : null;
  };
  const number = part("NO.CURRENT");
  const year = part("YEAR");
  return number && year ? `/akn/eu/act/${kind}/${year}/${number}` : null;
}
