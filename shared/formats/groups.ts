/*
 * Which kind of headed group a heading like "CHAPTER II" or "Abschnitt 2" is. The word is
 * recognised in the official languages where the markup does not say; otherwise the depth of
 * nesting decides, so a text in any language still gets a sensible structure.
 */
import { GROUP_TYPES } from "../model/schema";

export type GroupType = (typeof GROUP_TYPES)[number];

/** The words for each kind of group in the EU's official languages (lower case, first word of the heading). */
const GROUP_WORDS: Record<GroupType, readonly string[]> = {
  part: [
    "part",
    "partie",
    "teil",
    "parte",
    "deel",
    "część",
    "část",
    "časť",
    "osa",
    "del",
    "rész",
    "daļa",
    "dalis",
    "osa",
    "μέρος",
    "част",
    "cuid",
    "dio",
    "parti",
  ],
  title: [
    "title",
    "titre",
    "titel",
    "titolo",
    "título",
    "titlu",
    "tytuł",
    "hlava",
    "cím",
    "sadaļa",
    "antraštinė",
    "otsikko",
    "osasto",
    "τίτλος",
    "дял",
    "teideal",
    "glava",
    "jaotis",
    "rubrik",
    "titolu",
  ],
  chapter: [
    "chapter",
    "chapitre",
    "kapitel",
    "capo",
    "capítulo",
    "capitolo",
    "hoofdstuk",
    "rozdział",
    "kapitola",
    "fejezet",
    "nodaļa",
    "skyrius",
    "luku",
    "peatükk",
    "κεφάλαιο",
    "глава",
    "caibidil",
    "poglavje",
    "poglavlje",
    "kapittlu",
    "kapitel",
    "capitolul",
  ],
  section: [
    "section",
    "abschnitt",
    "sezione",
    "sección",
    "secção",
    "secțiunea",
    "afdeling",
    "sekcja",
    "oddíl",
    "oddiel",
    "szakasz",
    "iedaļa",
    "skirsnis",
    "jakso",
    "jagu",
    "τμήμα",
    "раздел",
    "roinn",
    "oddelek",
    "odjeljak",
    "avsnitt",
    "afsnit",
    "taqsima",
    "secțiune",
    "oddział",
  ],
  subsection: [
    "subsection",
    "sous-section",
    "unterabschnitt",
    "sottosezione",
    "subsección",
    "subsecção",
    "onderafdeling",
    "pododdział",
    "pododdíl",
    "alszakasz",
  ],
};

const BY_WORD = new Map<string, GroupType>();
for (const type of GROUP_TYPES) for (const word of GROUP_WORDS[type]) if (!BY_WORD.has(word)) BY_WORD.set(word, type);

/** The kind of group a depth of nesting stands for when its heading word is not known. */
const BY_DEPTH: readonly GroupType[] = ["chapter", "section", "subsection"];

/**
 * The kind of group: from the heading's first word when it is a known word for a group, else
 * from `depth` (0 for the outermost group of the body).
 */
export function groupTypeOf(num: string | null, depth: number): GroupType {
  const word = num
    ?.trim()
    .split(/[\s\u00a0]+/)[0]
    ?.toLocaleLowerCase();
  const known = word ? BY_WORD.get(word) : undefined;
  return known ?? BY_DEPTH[Math.min(depth, BY_DEPTH.length - 1)]!;
}
