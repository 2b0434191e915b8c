/*
 * Versions of a real act with seeded edits of known kinds, for the comparison benchmark:
 * reworded words, inserted and deleted articles and paragraphs, renumbering and a moved article.
 * Every provision keeps its guid through the edits, so the guids are the truth the alignment is
 * scored against; inserted provisions get new ones.
 */
import { Fragment, type Node } from "prosemirror-model";
import { legalSchema } from "../shared/model/schema";
import { assignIdentifiers, renumber } from "../shared/model/numbering";

/** A small deterministic generator (mulberry32), so every run edits the same places. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VOCABULARY =
  "authority exporter competent safeguard transparency assessment notification surveillance obligation procedure register cooperation derogation provider recipient criteria".split(
    " ",
  );

/**
 * The node with each descendant passed through `f` before its own children are: `f` keeps it
 * (returns it), drops it (null) or replaces it with several nodes.
 */
function mapNodes(node: Node, f: (n: Node) => Node | Node[] | null): Node {
  if (node.isText || node.isLeaf) return node;
  const children: Node[] = [];
  node.forEach((c) => {
    const out = f(c);
    if (out === null) return;
    for (const o of Array.isArray(out) ? out : [out]) children.push(o.isText || o.isLeaf ? o : mapNodes(o, f));
  });
  return node.type.create(node.attrs, Fragment.from(children), node.marks);
}

/** Replaces the given share of words with other words. */
export function reword(doc: Node, share: number, rnd: () => number): Node {
  return mapNodes(doc, (n) => {
    if (!n.isText) return n;
    const text = n.text!.replace(/\p{L}{3,}/gu, (w) => (rnd() < share ? VOCABULARY[Math.floor(rnd() * VOCABULARY.length)]! : w));
    return legalSchema.text(text, n.marks);
  });
}

function sentence(rnd: () => number, words: number): string {
  return Array.from({ length: words }, () => VOCABULARY[Math.floor(rnd() * VOCABULARY.length)]).join(" ") + ".";
}

function newParagraph(num: string, rnd: () => number): Node {
  return legalSchema.nodes.paragraph!.create({ num }, legalSchema.nodes.p!.create(null, legalSchema.text(sentence(rnd, 40))));
}

/** Deletes `count` articles and inserts `count` new ones ("Article 7a") after others. */
export function insertAndDeleteArticles(doc: Node, count: number, rnd: () => number): Node {
  const articles: Node[] = [];
  doc.descendants((n) => {
    if (n.type.name === "article") articles.push(n);
    return n.type.name !== "article";
  });
  // Deleted ones are drawn from all but the first and last, and inserted ones follow others.
  if (articles.length < 2 * count + 2)
    throw new Error(
      `seeded edits: ${count} articles to delete and insert need at least ${2 * count + 2} articles; the act has ${articles.length}`,
    );
  const deleted = new Set<Node>();
  const after = new Set<Node>();
  while (deleted.size < count) deleted.add(articles[1 + Math.floor(rnd() * (articles.length - 2))]!);
  while (after.size < count) {
    const a = articles[Math.floor(rnd() * articles.length)]!;
    if (!deleted.has(a)) after.add(a);
  }
  return assignIdentifiers(
    mapNodes(doc, (n) => {
      if (deleted.has(n)) return null;
      if (!after.has(n)) return n;
      const num = `${n.attrs.num as string}a`;
      const inserted = legalSchema.nodes.article!.create({ num }, [newParagraph("1.", rnd), newParagraph("2.", rnd)]);
      return [n, inserted];
    }),
  );
}

/** Deletes `count` paragraphs and inserts `count` new ones ("3a.") in articles that have paragraphs. */
export function insertAndDeleteParagraphs(doc: Node, count: number, rnd: () => number): Node {
  const paragraphs: Node[] = [];
  doc.descendants((n) => {
    if (n.type.name === "paragraph" && n.attrs.num) paragraphs.push(n);
    return n.type.name !== "paragraph";
  });
  if (paragraphs.length < 2 * count) {
    throw new Error(
      `seeded edits: ${count} paragraphs to delete and insert need at least ${2 * count} numbered paragraphs; the act has ${paragraphs.length}`,
    );
  }
  const deleted = new Set<Node>();
  const after = new Set<Node>();
  while (deleted.size < count) deleted.add(paragraphs[Math.floor(rnd() * paragraphs.length)]!);
  while (after.size < count) {
    const p = paragraphs[Math.floor(rnd() * paragraphs.length)]!;
    if (!deleted.has(p)) after.add(p);
  }
  return assignIdentifiers(
    mapNodes(doc, (n) => {
      if (deleted.has(n)) return null;
      if (!after.has(n)) return n;
      return [n, newParagraph(`${(n.attrs.num as string).replace(/\.$/, "")}a.`, rnd)];
    }),
  );
}

/** Moves one article from the first half of the body to the end of the last chapter. */
export function moveArticle(doc: Node, rnd: () => number): Node {
  const articles: Node[] = [];
  doc.descendants((n) => {
    if (n.type.name === "article") articles.push(n);
    return n.type.name !== "article";
  });
  const moved = articles[Math.floor(rnd() * (articles.length / 2))]!;
  const last = articles[articles.length - 1]!;
  return assignIdentifiers(mapNodes(doc, (n) => (n === moved ? null : n === last ? [n, moved] : n)));
}

/**
 * Four versions in the order a procedure makes them: the act; then reworded with articles and
 * paragraphs inserted and deleted; then renumbered with an article moved and more rewording;
 * then more insertions, deletions and rewording.
 */
export function seededVersions(base: Node, seed = 2016): Node[] {
  const rnd = random(seed);
  const v1 = insertAndDeleteParagraphs(insertAndDeleteArticles(reword(base, 0.03, rnd), 3, rnd), 8, rnd);
  const v2 = renumber(moveArticle(reword(v1, 0.03, rnd), rnd));
  const v3 = insertAndDeleteParagraphs(insertAndDeleteArticles(reword(v2, 0.03, rnd), 2, rnd), 5, rnd);
  return [base, v1, v2, v3];
}

/**
 * An act of about 100,000 words from the corpus: the Digital Services Act with the GDPR's
 * recitals and chapters appended and the whole renumbered, as no single act in the corpus is
 * that long.
 */
export function longAct(dsa: Node, gdpr: Node): Node {
  const partOf = (doc: Node, name: string) => {
    let found: Node | null = null;
    doc.forEach((c) => {
      if (c.type.name === name) found = c;
    });
    return found as Node | null;
  };
  const children: Node[] = [];
  dsa.forEach((part) => {
    const extra = partOf(gdpr, part.type.name);
    if ((part.type.name === "preamble" || part.type.name === "body") && extra) {
      const kept: Node[] = [];
      part.forEach((c) => kept.push(c));
      extra.forEach((c) => {
        if (c.type.name !== "formula" && c.type.name !== "citation") kept.push(c);
      });
      children.push(part.type.create(part.attrs, Fragment.from(kept)));
    } else children.push(part);
  });
  return renumber(dsa.type.create(dsa.attrs, Fragment.from(children)));
}
