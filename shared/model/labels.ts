/*
 * How people cite a provision. Citation form is what a brief says ("Article 5(2)(a)");
 * amendment form is what an amendment sheet's location line says
 * ("Article 5 – paragraph 2 – point a"). Both are derived from eIds, so they follow renumbering.
 */
import type { Node } from "prosemirror-model";
import type { ProvisionType } from "./schema";
import { EID_PREFIX, eIdToken } from "./numbering";

/** One step of a provision's path: its kind and its number token ("5", "a", "2" for a second subparagraph). */
export interface LabelStep {
  readonly type: ProvisionType;
  readonly token: string;
  /** A subparagraph named even on the way to a point, as another subparagraph of its paragraph has points too. */
  readonly named?: boolean;
}

/** Whether a provision's subparagraphs must be named in their points' labels: more than one of them has points. */
export function subparagraphsNamed(parent: Node): boolean {
  let withPoints = 0;
  for (let k = 0; k < parent.childCount && withPoints < 2; k++) {
    const child = parent.child(k);
    if (child.type.name !== "subparagraph") continue;
    for (let j = 0; j < child.childCount; j++) {
      const name = child.child(j).type.name;
      if (name === "point" || name === "indent") {
        withPoints++;
        break;
      }
    }
  }
  return withPoints > 1;
}

const HEAD_WORD: Partial<Record<ProvisionType, string>> = {
  citation: "Citation",
  recital: "Recital",
  part: "Part",
  title: "Title",
  chapter: "Chapter",
  section: "Section",
  subsection: "Subsection",
  article: "Article",
  annex: "Annex",
};

const ORDINAL_WORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

function ordinalWord(token: string): string {
  const n = Number(token);
  if (!Number.isInteger(n) || n < 1) return token;
  if (n <= ORDINAL_WORDS.length) return ORDINAL_WORDS[n - 1] as string;
  const suffix =
    n % 10 === 1 && n % 100 !== 11 ? "st" : n % 10 === 2 && n % 100 !== 12 ? "nd" : n % 10 === 3 && n % 100 !== 13 ? "rd" : "th";
  return `${n}${suffix}`;
}

/** The label steps of a provision from the chain of provisions that ends with it. */
export function labelSteps(chain: readonly Node[]): LabelStep[] {
  return chain.map((node, k) => {
    const step = { type: node.type.name as ProvisionType, token: eIdToken(node.attrs.eId as string) };
    return k > 0 && step.type === "subparagraph" && subparagraphsNamed(chain[k - 1]!) ? { ...step, named: true } : step;
  });
}

function splitHead(steps: readonly LabelStep[]): { heads: LabelStep[]; divisions: LabelStep[] } {
  const firstDivision = steps.findIndex((s) => HEAD_WORD[s.type] === undefined);
  if (firstDivision < 0) return { heads: [...steps], divisions: [] };
  return { heads: steps.slice(0, firstDivision), divisions: steps.slice(firstDivision) };
}

function isArticleLike(step: LabelStep): boolean {
  return step.type === "article" || step.type === "recital" || step.type === "citation";
}

/**
 * The heads a label names: from the article (or recital, or citation) on, leaving out the
 * chapters and sections above it, as people cite "Article 5" and not "Chapter II, Article 5";
 * an article of an annex (an agreement annexed with articles of its own) keeps the annex:
 * "Annex I, Article 1". All of them when there is no article.
 */
function citedHeads(heads: readonly LabelStep[]): LabelStep[] {
  const article = heads.findLastIndex(isArticleLike);
  if (article < 0) return [...heads];
  const annex = heads.findLastIndex((s, k) => k < article && s.type === "annex");
  return annex >= 0 ? [heads[annex]!, ...heads.slice(article)] : heads.slice(article);
}

/**
 * Citation form: "Article 5(2)(a)", "Article 6(1), second subparagraph", "Article 5(2)(a), first
 * indent", "Recital 12", "Annex I, point 3(a)", "Chapter III, Section 2". Unnumbered
 * subparagraphs on the way to a point are left out, as people cite "Article 6(1)(a)", unless
 * two of them have points: "Article 21(3), second subparagraph, point (a)".
 */
export function citationLabel(steps: readonly LabelStep[]): string {
  const { heads, divisions } = splitHead(steps);
  const shownHeads = citedHeads(heads);
  let label = shownHeads.map((s) => `${HEAD_WORD[s.type]} ${s.token}`).join(", ");
  const inArticle = shownHeads.some(isArticleLike);
  // After a named subparagraph, the next number is written out: ", point (a)".
  let afterWords = false;
  divisions.forEach((step, i) => {
    const isLast = i === divisions.length - 1;
    if (step.type === "subparagraph" || step.type === "indent") {
      if (isLast || step.named) {
        label += `, ${ordinalWord(step.token)} ${step.type}`;
        afterWords = true;
      }
      return;
    }
    const numbered = `(${step.token})`;
    const previousShown = divisions.slice(0, i).some((s) => s.type === "paragraph" || s.type === "point");
    if (afterWords) label += inArticle ? `, point ${numbered}` : `, point ${step.token}`;
    else label += !inArticle && !previousShown ? `, point ${step.token}` : numbered;
    afterWords = false;
  });
  return label;
}

/**
 * Amendment form, as on the European Parliament's amendment sheets:
 * "Article 5 – paragraph 2 – subparagraph 1 – point a", "Recital 12", "Annex I – point 3".
 */
export function amendmentLabel(steps: readonly LabelStep[]): string {
  const { heads, divisions } = splitHead(steps);
  const shownHeads = citedHeads(heads);
  return [...shownHeads.map((s) => `${HEAD_WORD[s.type]} ${s.token}`), ...divisions.map((s) => `${s.type} ${s.token}`)].join(" – ");
}

/** The kind of provision each eId prefix names: "art" an article, "para" a paragraph. */
const TYPE_OF_PREFIX: ReadonlyMap<string, ProvisionType> = new Map(
  Object.entries(EID_PREFIX).map(([type, prefix]) => [prefix, type as ProvisionType]),
);

/**
 * The citation form of an eId alone, without the document it names a provision of:
 * "art_5__para_2__point_a" -> "Article 5(2)(a)", "art_4__para_1a__wrapup" -> "Article 4(1a),
 * concluding words". Without the document it cannot tell whether the first subparagraph is
 * named on the way to a point; a second or later one is, as its label must not be its first's:
 * "Article 21(3), second subparagraph, point (a)". Null when a part of the eId names no kind of
 * provision, or the eId does not begin where a citation does (an article, a recital, an annex).
 */
export function eIdLabel(eId: string): string | null {
  const parts = eId.split("__");
  const concluding = parts.length > 1 && parts.at(-1) === "wrapup";
  const steps: LabelStep[] = [];
  for (const part of concluding ? parts.slice(0, -1) : parts) {
    const cut = part.indexOf("_");
    const type = cut > 0 ? TYPE_OF_PREFIX.get(part.slice(0, cut)) : undefined;
    if (type === undefined || cut === part.length - 1) return null;
    const token = part.slice(cut + 1);
    steps.push(type === "subparagraph" && Number(token) > 1 ? { type, token, named: true } : { type, token });
  }
  if (steps.length === 0 || HEAD_WORD[steps[0]!.type] === undefined) return null;
  const label = citationLabel(steps);
  return concluding ? `${label}, concluding words` : label;
}
