/*
 * Numbering and eIds, recomputed from structure. An eId follows the Akoma Ntoso naming convention
 * (`art_5__para_2__point_a`); it is derived from the provision's place and number, never typed.
 */
import { Fragment, type Node } from "prosemirror-model";
import { isProvisionType, type ProvisionType } from "./schema";
import { newGuid } from "./guid";

/** The eId prefix of each kind of provision, as the Akoma Ntoso naming convention spells it. */
export const EID_PREFIX: Record<ProvisionType, string> = {
  citation: "cit",
  recital: "rec",
  part: "part",
  title: "title",
  chapter: "chp",
  section: "sec",
  subsection: "subsec",
  article: "art",
  paragraph: "para",
  subparagraph: "subpara",
  point: "point",
  indent: "indent",
  annex: "anx",
};

/**
 * Provisions whose number restarts nowhere in the act, so their eIds stand without their
 * parent's; inside an annex (an agreement or statute annexed with articles of its own), they are
 * the annex's and take its eId before theirs: "anx_I__art_1".
 */
const UNPREFIXED: ReadonlySet<ProvisionType> = new Set(["citation", "recital", "article", "annex"]);
const ANNEX_PREFIX = `${EID_PREFIX.annex}_`;
/** Provisions that are counted, not numbered: their eId token is their ordinal. */
const ORDINAL_ONLY: ReadonlySet<ProvisionType> = new Set(["citation", "subparagraph", "indent"]);
const ROMAN = /^[ivxlcdm]+$/i;
const LATIN_SUFFIX = /^(bis|ter|quater|quinquies|sexies|septies|octies|novies|decies)$/i;

/**
 * The number token of a printed number, whatever the language: "Article 14a" -> "14a",
 * "CHAPITRE II" -> "II", "(iv)" -> "iv", "2." -> "2", "Article 5 bis" -> "5bis"; null when the
 * number has no token ("ANNEX", "—").
 */
export function numberToken(num: string | null): string | null {
  if (num === null) return null;
  const tokens = num.match(/[\p{L}\p{N}]+/gu) ?? [];
  let rest: string[] = tokens;
  const first = tokens[0];
  if (tokens.length > 1 && first !== undefined && /^\p{L}+$/u.test(first) && !ROMAN.test(first) && first.length > 1) {
    rest = tokens.slice(1);
  } else if (tokens.length === 1 && first !== undefined && /^\p{L}{4,}$/u.test(first) && !ROMAN.test(first)) {
    // a word standing alone ("ANNEX", "Preamble") is no number; "(da)" or "(iv)" is
    return null;
  }
  if (rest.length > 1 && rest.slice(1).every((t) => LATIN_SUFFIX.test(t))) rest = [rest.join("")];
  const token = rest.join("_").replace(/[^A-Za-z0-9_]/g, "");
  return token === "" ? null : token;
}

/** The last segment's token of an eId: "art_5__para_2" -> "2". */
export function eIdToken(eId: string): string {
  const separator = eId.lastIndexOf("__");
  const last = separator < 0 ? eId : eId.slice(separator + 2);
  return last.slice(last.indexOf("_") + 1);
}

function rebuild(node: Node, children: Node[]): Node {
  return node.type.create(node.attrs, Fragment.from(children), node.marks);
}

/**
 * The document with every provision's eId recomputed from its place and number, and a guid
 * given to every provision that has none. Duplicated numbers get a distinguishing suffix, since
 * an eId must be unique in its document.
 */
export function assignIdentifiers(doc: Node): Node {
  const used = new Set<string>();
  /** Per eId given more than once, the suffix to try next. */
  const suffixes = new Map<string, number>();
  const walk = (node: Node, parentEId: string): Node => {
    const counts = new Map<string, number>();
    const children: Node[] = [];
    node.forEach((child) => {
      const name = child.type.name;
      if (!isProvisionType(name)) {
        children.push(child.type.spec.group === "block" || child.isLeaf ? child : walk(child, parentEId));
        return;
      }
      const ordinal = (counts.get(name) ?? 0) + 1;
      counts.set(name, ordinal);
      const token = (ORDINAL_ONLY.has(name) ? null : numberToken(child.attrs.num as string | null)) ?? String(ordinal);
      const prefix = (UNPREFIXED.has(name) && !parentEId.startsWith(ANNEX_PREFIX)) || parentEId === "" ? "" : `${parentEId}__`;
      const base = `${prefix}${EID_PREFIX[name]}_${token}`;
      let eId = base;
      // Counting on from the last suffix given: a text of a thousand "(a)" must not search from 2 each time.
      let n = suffixes.get(base) ?? 2;
      for (; used.has(eId); n++) eId = `${base}_${n}`;
      if (eId !== base) suffixes.set(base, n);
      used.add(eId);
      const guid = (child.attrs.guid as string) || newGuid();
      const updated = child.type.create({ ...child.attrs, eId, guid }, child.content, child.marks);
      children.push(walk(updated, eId));
    });
    return rebuild(node, children);
  };
  return walk(doc, "");
}

type NumberStyle = "arabic" | "roman" | "ROMAN" | "alpha" | "ALPHA";

function styleOf(token: string): NumberStyle {
  if (/^\d/.test(token)) return "arabic";
  if (/^[ivxlcdm]+$/.test(token) && token !== "c" && token !== "d" && token !== "l" && token !== "m") return "roman";
  if (/^[IVXLCDM]+$/.test(token)) return "ROMAN";
  if (/^[a-z]+$/.test(token)) return "alpha";
  return "ALPHA";
}

function toRoman(n: number): string {
  const digits: [number, string][] = [
    [1000, "m"],
    [900, "cm"],
    [500, "d"],
    [400, "cd"],
    [100, "c"],
    [90, "xc"],
    [50, "l"],
    [40, "xl"],
    [10, "x"],
    [9, "ix"],
    [5, "v"],
    [4, "iv"],
    [1, "i"],
  ];
  let out = "";
  for (const [value, letters] of digits) for (; n >= value; n -= value) out += letters;
  return out;
}

function toAlpha(n: number): string {
  let out = "";
  for (; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(97 + ((n - 1) % 26)) + out;
  return out;
}

function format(n: number, style: NumberStyle): string {
  switch (style) {
    case "arabic":
      return String(n);
    case "roman":
      return toRoman(n);
    case "ROMAN":
      return toRoman(n).toUpperCase();
    case "alpha":
      return toAlpha(n);
    case "ALPHA":
      return toAlpha(n).toUpperCase();
  }
}

/** The printed number with its token replaced by `n` in the same style: ("Article 14a", 15) -> "Article 15". */
function nextNumber(num: string, n: number): string {
  const token = numberToken(num);
  if (token === null) return num;
  const core = token.match(/^\d+/)?.[0] ?? token;
  const at = num.lastIndexOf(core);
  if (at < 0) return num;
  const run = num.slice(at).match(/^[\p{L}\p{N}]+/u)?.[0] ?? core;
  return num.slice(0, at) + format(n, styleOf(core)) + num.slice(at + run.length);
}

/** Provisions numbered in one sequence through the whole act rather than within their parent. */
const ACT_WIDE: ReadonlySet<ProvisionType> = new Set(["recital", "article"]);

/**
 * The document renumbered from structure: each numbered provision gets the next number of its
 * sequence in the style its own number already has ("Article 4a" after Article 4 becomes
 * "Article 5", "(c)" after "(a)" becomes "(b)"). Unnumbered provisions stay unnumbered; eIds are
 * recomputed to follow.
 */
export function renumber(doc: Node): Node {
  // An annex's own articles are numbered from 1, apart from the act's.
  const walk = (node: Node, actWide = new Map<string, number>()): Node => {
    const counts = new Map<string, number>();
    const children: Node[] = [];
    node.forEach((child) => {
      const name = child.type.name;
      if (child.type.spec.group === "block" || child.isLeaf) {
        children.push(child);
        return;
      }
      const within = name === "annex" ? new Map<string, number>() : actWide;
      if (!isProvisionType(name) || child.attrs.num === null) {
        children.push(walk(child, within));
        return;
      }
      const sequence = ACT_WIDE.has(name) ? actWide : counts;
      const n = (sequence.get(name) ?? 0) + 1;
      sequence.set(name, n);
      const num = child.attrs.num as string;
      const updated = child.type.create({ ...child.attrs, num: nextNumber(num, n) }, child.content, child.marks);
      children.push(walk(updated, within));
    });
    return rebuild(node, children);
  };
  return assignIdentifiers(walk(doc));
}
