/*
 * A provision as alignment sees it: kind, number, label, own words, and the bag of words of the
 * whole provision with its sub-provisions, which is what two versions of it are compared on.
 */
import type { Node } from "prosemirror-model";
import { GROUP_TYPES, isProvisionType, type ProvisionType } from "../model/schema";
import { numberToken } from "../model/numbering";
import { citationLabel, labelSteps } from "../model/labels";
import { ownText } from "../model/walk";
import type { Lexicon, TokenizedText } from "./lexicon";
import { WordBag } from "./word-bag";

export interface Comparable {
  readonly version: number;
  readonly type: ProvisionType;
  readonly eId: string;
  readonly num: string | null;
  /** The number without its words: "Article 14a" -> "14a". Null for unnumbered provisions. */
  readonly numToken: string | null;
  readonly heading: string | null;
  readonly headingTokens: TokenizedText | null;
  /** Citation form: "Article 5(2)(a)". */
  readonly label: string;
  /** The provision's own words, without its sub-provisions'. */
  readonly text: string;
  readonly tokens: TokenizedText;
  /** Words of the heading, own words and all sub-provisions. */
  readonly bag: WordBag;
  /** Kind, number, heading, words and sub-provisions: equal keys mean an unchanged provision, in every version. */
  readonly key: number;
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

/**
 * Makes the comparables of the versions of one comparison, sharing its lexicon and remembering
 * what repeats across versions: the bag of a text, the token of a number, the key of a provision.
 */
export class ComparableMaker {
  private readonly ownBags = new Map<TokenizedText, WordBag>();
  private readonly numberTokens = new Map<string, string | null>();
  /** Keys are numbers given to distinct descriptions of provisions, so equal keys are exact. */
  private readonly keys = new Map<string, number>();
  private readonly serials = new Map<TokenizedText, number>();

  constructor(readonly lexicon: Lexicon) {}

  /** The sequences of a document's provisions that alignment works on. */
  sequencesOf(doc: Node, version: number): VersionSequences {
    const seq: VersionSequences = { citations: [], recitals: [], body: [], annexes: [] };
    const body = (node: Node, ancestors: readonly Node[]) => {
      node.forEach((child) => {
        const name = child.type.name;
        if (name === "article") seq.body.push(this.comparable(child, version, ancestors));
        else if (GROUPS.has(name)) {
          seq.body.push(this.comparable(child, version, ancestors));
          body(child, [...ancestors, child]);
        }
      });
    };
    doc.forEach((part) => {
      if (part.type.name === "preamble") {
        part.forEach((child) => {
          if (child.type.name === "citation") seq.citations.push(this.comparable(child, version, []));
          if (child.type.name === "recital") seq.recitals.push(this.comparable(child, version, []));
        });
      } else if (part.type.name === "body") body(part, []);
      else if (part.type.name === "annex") seq.annexes.push(this.comparable(part, version, []));
    });
    return seq;
  }

  private comparable(node: Node, version: number, ancestors: readonly Node[]): Comparable {
    const chain = [...ancestors, node];
    const isGroup = GROUPS.has(node.type.name);
    const children: Comparable[] = [];
    node.forEach((child) => {
      if (isProvisionType(child.type.name) && !(isGroup && (child.type.name === "article" || GROUPS.has(child.type.name)))) {
        children.push(this.comparable(child, version, chain));
      }
    });
    const text = ownText(node);
    const tokens = this.lexicon.tokens(text);
    const heading = node.attrs.heading as string | null;
    const headingTokens = heading === null ? null : this.lexicon.tokens(heading);
    const num = node.attrs.num as string | null;
    const numToken = this.numberToken(num);
    // A group is compared on its heading alone: its articles are aligned on their own.
    const ownTexts = isGroup
      ? headingTokens === null
        ? []
        : [headingTokens]
      : headingTokens === null
        ? [tokens]
        : [headingTokens, tokens];
    const bag =
      children.length === 0 && ownTexts.length === 1
        ? this.bagOf(ownTexts[0]!)
        : WordBag.of(
            this.lexicon,
            ownTexts,
            children.map((c) => c.bag),
          );
    const description = [
      node.type.name,
      numToken ?? "",
      this.serialOf(headingTokens),
      this.serialOf(tokens),
      ...children.map((c) => c.key),
    ];
    return {
      version,
      type: node.type.name as ProvisionType,
      eId: node.attrs.eId as string,
      num,
      numToken,
      heading,
      headingTokens,
      label: citationLabel(labelSteps(chain.filter((n) => isProvisionType(n.type.name)))),
      text,
      tokens,
      bag,
      key: this.keyOf(description.join("\u0001")),
      children,
    };
  }

  private bagOf(tokens: TokenizedText): WordBag {
    let bag = this.ownBags.get(tokens);
    if (bag === undefined) {
      bag = WordBag.of(this.lexicon, [tokens]);
      this.ownBags.set(tokens, bag);
    }
    return bag;
  }

  private numberToken(num: string | null): string | null {
    if (num === null) return null;
    let token = this.numberTokens.get(num);
    if (token === undefined) {
      token = numberToken(num)?.toLowerCase() ?? null;
      this.numberTokens.set(num, token);
    }
    return token;
  }

  /** A number for each distinct text: the lexicon gives the same object for the same text. */
  private serialOf(tokens: TokenizedText | null): number {
    if (tokens === null) return -1;
    let serial = this.serials.get(tokens);
    if (serial === undefined) {
      serial = this.serials.size;
      this.serials.set(tokens, serial);
    }
    return serial;
  }

  private keyOf(description: string): number {
    let key = this.keys.get(description);
    if (key === undefined) {
      key = this.keys.size;
      this.keys.set(description, key);
    }
    return key;
  }
}
