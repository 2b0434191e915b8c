/*
 * A provision as alignment sees it: kind, number, label, own words, and the bag of words of the
 * whole provision with its sub-provisions, which is what two versions of it are compared on.
 */
import type { Node } from "prosemirror-model";
import { GROUP_TYPES, isProvisionType, type ProvisionType } from "../model/schema";
import { numberToken } from "../model/numbering";
import { citationLabel, labelSteps } from "../model/labels";
import { ownText } from "../model/walk";
import { Vocabulary, WordBag } from "./word-bag";

export interface Comparable {
  readonly version: number;
  readonly type: ProvisionType;
  readonly eId: string;
  readonly num: string | null;
  /** The number without its words: "Article 14a" -> "14a". Null for unnumbered provisions. */
  readonly numToken: string | null;
  readonly heading: string | null;
  /** Citation form: "Article 5(2)(a)". */
  readonly label: string;
  /** The provision's own words, without its sub-provisions'. */
  readonly text: string;
  /** Words of the heading, own words and all sub-provisions. */
  readonly bag: WordBag;
  /** Kind, number and all the words, in order: equal keys mean an unchanged provision. */
  readonly key: string;
  readonly children: readonly Comparable[];
}

/** The top-level sequences of one version, each aligned on its own. */
export interface VersionSequences {
  readonly citations: Comparable[];
  readonly recitals: Comparable[];
  /** Groups and articles in reading order: chapters and their articles flattened. */
  readonly body: Comparable[];
  readonly annexes: Comparable[];
}

const GROUPS: ReadonlySet<string> = new Set(GROUP_TYPES);

function comparable(node: Node, version: number, ancestors: readonly Node[], vocabulary: Vocabulary): Comparable {
  const chain = [...ancestors, node];
  const isGroup = GROUPS.has(node.type.name);
  const children: Comparable[] = [];
  node.forEach((child) => {
    if (isProvisionType(child.type.name) && !(isGroup && (child.type.name === "article" || GROUPS.has(child.type.name)))) {
      children.push(comparable(child, version, chain, vocabulary));
    }
  });
  const text = ownText(node);
  const heading = node.attrs.heading as string | null;
  const num = node.attrs.num as string | null;
  // A group is compared on its heading alone: its articles are aligned on their own.
  const own = WordBag.of(isGroup ? (heading ?? "") : `${heading ?? ""} ${text}`, vocabulary);
  const bag = WordBag.union([own, ...children.map((c) => c.bag)]);
  const numToken = numberToken(num)?.toLowerCase() ?? null;
  const key = hashKey([node.type.name, numToken ?? "", heading ?? "", text, ...children.map((c) => c.key)].join("\u0001"));
  return {
    version,
    type: node.type.name as ProvisionType,
    eId: node.attrs.eId as string,
    num,
    numToken,
    heading,
    label: citationLabel(labelSteps(chain.filter((n) => isProvisionType(n.type.name)))),
    text,
    bag,
    key,
    children,
  };
}

/**
 * A short key for a long text: two 32-bit FNV-1a hashes with different seeds. Keys only propose
 * anchors, which the similarity must then confirm, so a collision costs nothing but a search.
 */
function hashKey(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return `${(a >>> 0).toString(36)}.${(b >>> 0).toString(36)}`;
}

/** The sequences of a document's provisions that alignment works on; `vocabulary` is shared by all versions compared. */
export function sequencesOf(doc: Node, version: number, vocabulary: Vocabulary): VersionSequences {
  const seq: VersionSequences = { citations: [], recitals: [], body: [], annexes: [] };
  const body = (node: Node, ancestors: readonly Node[]) => {
    node.forEach((child) => {
      const name = child.type.name;
      if (name === "article") seq.body.push(comparable(child, version, ancestors, vocabulary));
      else if (GROUPS.has(name)) {
        seq.body.push(comparable(child, version, ancestors, vocabulary));
        body(child, [...ancestors, child]);
      }
    });
  };
  doc.forEach((part) => {
    if (part.type.name === "preamble") {
      part.forEach((child) => {
        if (child.type.name === "citation") seq.citations.push(comparable(child, version, [], vocabulary));
        if (child.type.name === "recital") seq.recitals.push(comparable(child, version, [], vocabulary));
      });
    } else if (part.type.name === "body") body(part, []);
    else if (part.type.name === "annex") seq.annexes.push(comparable(part, version, [], vocabulary));
  });
  return seq;
}
