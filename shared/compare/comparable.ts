/*
 * A provision as alignment sees it: kind, number, label, own words, and the bag of words of the
 * whole provision with its sub-provisions, which is what two versions of it are compared on.
 */
import type { Node } from "prosemirror-model";
import { GROUP_TYPES, isProvisionType, type ProvisionType } from "../model/schema";
import { eIdToken, numberToken } from "../model/numbering";
import { citationLabel, subparagraphsNamed, type LabelStep } from "../model/labels";
import { linesOf, ownBlockParts } from "../model/walk";
import { footnotesCited, footnotesOf, type Footnote } from "../model/footnotes";
import { amendmentNumbersIn, marksAmendments } from "../model/amendment-numbers";
import { CONCLUSIONS, CONCLUSIONS_LABEL, PREFACE, PREFACE_LABEL } from "./framing";
import { isDeletedMark } from "./deleted-marks";
import type { Lexicon, TokenizedText } from "./lexicon";
import { WordBag } from "./word-bag";
import { SequenceNumbers } from "./sequence-numbers";

/** What alignment compares: a provision, or the act's title or concluding formulas. */
export type ComparableType = ProvisionType | typeof PREFACE | typeof CONCLUSIONS;

export interface Comparable {
  readonly version: number;
  readonly type: ComparableType;
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
  /** The footnotes its own words refer to, in reading order: their words are the provision's, their markers are not. */
  readonly footnotes: readonly ComparableFootnote[];
  /** Words of the heading, own words and all sub-provisions. */
  readonly bag: WordBag;
  /** Kind, number, heading, words and sub-provisions: equal keys mean an unchanged provision, in every version. */
  readonly key: number;
  /** Its own words and the words of its footnotes, alone: equal exactly when they are. */
  readonly wordsKey: number;
  /** The numbers of the Parliament's amendments to this provision ("AM 60"), as its text marks them; most have none. */
  readonly amendments: readonly string[];
  /**
   * True when the provision stands only to say that it is deleted: its words are "deleted" and
   * nothing else, as the Parliament prints a provision its amendment deletes. It belongs with the
   * provision of that number, whose words it no longer has.
   */
  readonly deletedMark: boolean;
  readonly children: readonly Comparable[];
}

/** A footnote a provision refers to, with its words tokenized for diffs. */
export interface ComparableFootnote extends Footnote {
  readonly tokens: TokenizedText;
}

/** Whether two provisions refer to footnotes of the same words, in the same order, whatever their markers. */
export function sameFootnotes(a: readonly ComparableFootnote[], b: readonly ComparableFootnote[]): boolean {
  return a.length === b.length && a.every((note, k) => note.text === b[k]!.text);
}

/** The top-level sequences of one version, each aligned on its own. */
export interface VersionSequences {
  /** The act's title ("Proposal for a REGULATION … setting up a Union regime …"): one, or none. */
  readonly preface: Comparable[];
  readonly citations: Comparable[];
  readonly recitals: Comparable[];
  /** Groups and articles in reading order: chapters and their articles flattened. */
  readonly body: Comparable[];
  readonly annexes: Comparable[];
  /** The concluding formulas and signatures ("Done at Brussels, …"): one, or none. */
  readonly conclusions: Comparable[];
}

const GROUPS: ReadonlySet<string> = new Set(GROUP_TYPES);
const NO_AMENDMENTS: readonly string[] = [];
const NO_FOOTNOTES: readonly ComparableFootnote[] = [];
/** The kind given to concluding words in keys, apart from every provision type. */
const CONCLUDING = "concluding words";
/** How the eId of a provision's concluding words ends: Akoma Ntoso's name for a wrap-up. */
export const CONCLUDING_EID = "__wrapup";

/** Where a provision stands: its kind, label steps and label, and the paths below it by eId. */
interface ProvisionPath {
  readonly type: ProvisionType;
  /** A subparagraph named in its points' labels (see LabelStep). */
  readonly named: boolean;
  readonly steps: readonly LabelStep[];
  readonly label: string;
  /** Made when the first path below is: most provisions have none. */
  below: Map<string, ProvisionPath> | null;
}

/**
 * Makes the comparables of the versions of one comparison, sharing its lexicon and remembering
 * what repeats across versions: the bag and key of a provision, its label, the token of a number.
 */
export class ComparableMaker {
  private readonly bags = new Map<number, WordBag>();
  private readonly top: ProvisionPath = { type: "article", named: false, steps: [], label: "", below: null };
  private readonly numberTokens = new Map<string, string | null>();
  /** Keys are numbers given to distinct descriptions of provisions, so equal keys are exact. */
  private readonly keys = new SequenceNumbers();
  /** Numbers for the kinds and number tokens in descriptions; texts have the lexicon's serials. */
  private readonly serials = new Map<string | null, number>();
  /** Amendment numbers found in a sub-provision's words that belong to a provision above it, by "version:eId". */
  private readonly amendmentsAbove = new Map<string, string[]>();
  /** Whether the version being made marks amendment numbers anywhere: most do not, and need not be searched. */
  private marked = false;
  /** The footnotes of the version being made, by id: empty for most, which need not be searched for references. */
  private notes: ReadonlyMap<string, Footnote> = new Map();

  constructor(readonly lexicon: Lexicon) {}

  /** The sequences of a document's provisions that alignment works on. */
  sequencesOf(doc: Node, version: number): VersionSequences {
    const seq: VersionSequences = { preface: [], citations: [], recitals: [], body: [], annexes: [], conclusions: [] };
    this.marked = marksAmendments(doc);
    this.notes = footnotesOf(doc);
    const body = (node: Node, path: ProvisionPath) => {
      node.forEach((child) => {
        const name = child.type.name;
        if (name === "article") seq.body.push(this.comparable(child, version, path));
        else if (GROUPS.has(name)) {
          seq.body.push(this.comparable(child, version, path, false, true));
          body(child, this.pathTo(path, name as ProvisionType, child.attrs.eId as string));
        }
      });
    };
    doc.forEach((part) => {
      if (part.type.name === "preface") {
        const blocks: Node[] = [];
        part.forEach((block) => blocks.push(block));
        const title = linesOf(blocks);
        if (title.trim() !== "") seq.preface.push(this.title(version, title, this.footnotesIn(blocks)));
      } else if (part.type.name === "preamble") {
        part.forEach((child) => {
          if (child.type.name === "citation") seq.citations.push(this.comparable(child, version, this.top));
          if (child.type.name === "recital") seq.recitals.push(this.comparable(child, version, this.top));
        });
      } else if (part.type.name === "body") body(part, this.top);
      else if (part.type.name === "annex") seq.annexes.push(this.comparable(part, version, this.top));
      else if (part.type.name === "conclusions") {
        // A signature's lines are lines of the formulas.
        const blocks: Node[] = [];
        part.forEach((child) => (child.type.name === "signature" ? child.forEach((line) => blocks.push(line)) : blocks.push(child)));
        const text = linesOf(blocks);
        if (text.trim() !== "") seq.conclusions.push(this.concludingFormulas(version, text, this.footnotesIn(blocks)));
      }
    });
    return seq;
  }

  /**
   * The comparable of a provision. The articles and groups in a group of the body (`flattened`)
   * stand in the body's sequence beside it, not under it; a group elsewhere (a chapter of an
   * annex) holds what is in it, articles and groups too.
   */
  private comparable(node: Node, version: number, path: ProvisionPath, named = false, flattened = false): Comparable {
    const type = node.type.name as ProvisionType;
    const eId = node.attrs.eId as string;
    const here = this.pathTo(path, type, eId, named);
    const isGroup = GROUPS.has(type);
    const children: Comparable[] = [];
    const nameSubparagraphs = !isGroup && subparagraphsNamed(node);
    node.forEach((child) => {
      if (isProvisionType(child.type.name) && !(flattened && (child.type.name === "article" || GROUPS.has(child.type.name)))) {
        children.push(this.comparable(child, version, here, nameSubparagraphs && child.type.name === "subparagraph"));
      }
    });
    const own = ownBlockParts(node);
    // Words after the last sub-provision close the list: a row of their own after it, where they
    // stand. A group's sub-provisions are aligned apart from it, so its words all stay its own.
    const blocks = isGroup && own.concluding.length > 0 ? [...own.lead, ...own.concluding] : own.lead;
    const text = linesOf(blocks);
    const concluding = isGroup ? "" : linesOf(own.concluding);
    if (concluding !== "") children.push(this.concludingWords(version, eId, here.label, concluding, this.footnotesIn(own.concluding)));
    const tokens = this.lexicon.tokens(text);
    const footnotes = this.footnotesIn(blocks);
    const heading = node.attrs.heading as string | null;
    const headingTokens = heading === null ? null : this.lexicon.tokens(heading);
    const num = node.attrs.num as string | null;
    const numToken = this.numberToken(num);
    // A description: kind, number, heading (0 for none), own words and footnotes, then the sub-provisions.
    const wordsKey = this.wordsKey(tokens, footnotes);
    let key = this.keys.next(this.keys.next(0, this.serialOf(type)), this.serialOf(numToken));
    key = this.keys.next(this.keys.next(key, headingTokens === null ? 0 : headingTokens.serial + 1), wordsKey);
    for (const child of children) key = this.keys.next(key, child.key);
    return {
      amendments: this.marked ? this.amendmentsOf(node, version, eId) : NO_AMENDMENTS,
      deletedMark: isDeletedMark(text, children.length),
      version,
      type,
      eId,
      num,
      numToken,
      heading,
      headingTokens,
      label: here.label,
      text,
      tokens,
      footnotes,
      bag: this.bagOf(key, isGroup, headingTokens, tokens, children),
      key,
      wordsKey,
      children,
    };
  }

  /**
   * The concluding words of a provision as a provision of their own, named as Akoma Ntoso names
   * a wrap-up ("art_4__para_1a__wrapup", "Article 4(1a), concluding words"): unnumbered, a
   * subparagraph as far as alignment is concerned.
   */
  private concludingWords(
    version: number,
    parentEId: string,
    parentLabel: string,
    text: string,
    footnotes: readonly ComparableFootnote[],
  ): Comparable {
    return this.wordsAlone(version, text, footnotes, {
      kind: CONCLUDING,
      type: "subparagraph",
      eId: `${parentEId}${CONCLUDING_EID}`,
      label: `${parentLabel}, concluding words`,
    });
  }

  /**
   * The act's title as a row of its own, the first of the table as in a four-column document,
   * labelled "Title": its words change between stages ("Proposal for a REGULATION …" becomes
   * "REGULATION (EU) 2021/821 … of 20 May 2021 …") and so may its subject.
   */
  private title(version: number, text: string, footnotes: readonly ComparableFootnote[]): Comparable {
    return this.wordsAlone(version, text, footnotes, { kind: PREFACE, type: PREFACE, eId: PREFACE, label: PREFACE_LABEL });
  }

  /** The act's concluding formulas and signatures as a row of their own, after its articles, as in a four-column document. */
  private concludingFormulas(version: number, text: string, footnotes: readonly ComparableFootnote[]): Comparable {
    return this.wordsAlone(version, text, footnotes, { kind: CONCLUSIONS, type: CONCLUSIONS, eId: CONCLUSIONS, label: CONCLUSIONS_LABEL });
  }

  /**
   * Words that stand as a provision without being one (a list's concluding words, the act's
   * title): no number, no heading, no sub-provisions, and a kind of their own in their key, so
   * that they are equal only to words of that kind.
   */
  private wordsAlone(
    version: number,
    text: string,
    footnotes: readonly ComparableFootnote[],
    named: { readonly kind: string; readonly type: ComparableType; readonly eId: string; readonly label: string },
  ): Comparable {
    const tokens = this.lexicon.tokens(text);
    // Described as a provision is: kind, no number, no heading, own words and footnotes.
    const wordsKey = this.wordsKey(tokens, footnotes);
    const key = this.keys.next(
      this.keys.next(this.keys.next(this.keys.next(0, this.serialOf(named.kind)), this.serialOf(null)), 0),
      wordsKey,
    );
    return {
      version,
      type: named.type,
      eId: named.eId,
      num: null,
      numToken: null,
      heading: null,
      headingTokens: null,
      label: named.label,
      text,
      tokens,
      footnotes,
      bag: this.bagOf(key, false, null, tokens, []),
      key,
      wordsKey,
      amendments: NO_AMENDMENTS,
      deletedMark: false,
      children: [],
    };
  }

  /**
   * The amendment numbers of a provision: those in its own words, except a note that belongs to
   * a provision above (kept for it until it is made, after its sub-provisions), and those its
   * sub-provisions kept for it.
   */
  private amendmentsOf(node: Node, version: number, eId: string): readonly string[] {
    const kept = this.amendmentsAbove.get(`${version}:${eId}`);
    if (kept !== undefined) this.amendmentsAbove.delete(`${version}:${eId}`);
    const own = kept ?? [];
    for (const { marker, of } of amendmentNumbersIn(node)) {
      if (of !== null && of !== eId && eId.startsWith(`${of}__`)) {
        const key = `${version}:${of}`;
        this.amendmentsAbove.set(key, [...(this.amendmentsAbove.get(key) ?? []), marker]);
      } else own.push(marker);
    }
    return own.length === 0 ? NO_AMENDMENTS : own;
  }

  /** The footnotes some blocks refer to, with their words tokenized. */
  private footnotesIn(blocks: readonly Node[]): readonly ComparableFootnote[] {
    const cited = footnotesCited(blocks, this.notes);
    return cited.length === 0 ? NO_FOOTNOTES : cited.map((note) => ({ ...note, tokens: this.lexicon.tokens(note.text) }));
  }

  /**
   * The number of own words and footnotes: the words, then, when there are footnotes, how many
   * and the words of each. Their markers are left out, as a footnote's number is no change of the law.
   */
  private wordsKey(tokens: TokenizedText, footnotes: readonly ComparableFootnote[]): number {
    let key = this.keys.next(0, tokens.serial);
    if (footnotes.length === 0) return key;
    key = this.keys.next(key, footnotes.length);
    for (const note of footnotes) key = this.keys.next(key, note.tokens.serial);
    return key;
  }

  /** The path to a provision from its parent's: its label, found once for each chain of eIds. */
  private pathTo(parent: ProvisionPath, type: ProvisionType, eId: string, named = false): ProvisionPath {
    parent.below ??= new Map();
    let path = parent.below.get(eId);
    if (path === undefined || path.type !== type || path.named !== named) {
      const steps = [...parent.steps, named ? { type, token: eIdToken(eId), named } : { type, token: eIdToken(eId) }];
      path = { type, named, steps, label: citationLabel(steps), below: null };
      parent.below.set(eId, path);
    }
    return path;
  }

  /**
   * The words of the heading, own words and all sub-provisions; a group's are those of its
   * heading alone, as its articles are aligned on their own. Equal keys have equal bags.
   */
  private bagOf(
    key: number,
    isGroup: boolean,
    headingTokens: TokenizedText | null,
    tokens: TokenizedText,
    children: readonly Comparable[],
  ): WordBag {
    let bag = this.bags.get(key);
    if (bag === undefined) {
      const own = isGroup ? [] : [tokens];
      if (headingTokens !== null) own.push(headingTokens);
      bag = WordBag.of(
        this.lexicon,
        own,
        children.map((c) => c.bag),
      );
      this.bags.set(key, bag);
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

  private serialOf(part: string | null): number {
    let serial = this.serials.get(part);
    if (serial === undefined) {
      serial = this.serials.size;
      this.serials.set(part, serial);
    }
    return serial;
  }
}
