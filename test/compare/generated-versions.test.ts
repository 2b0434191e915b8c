/*
 * Versions made up at random from a data-protection vocabulary, in the plain-text format:
 * recitals and articles inserted, deleted, reworded and moved between versions, as a procedure
 * does to an act. Whatever the alignment makes of them, each version's provisions must all be
 * in the table once, in their order (moved ones aside), and a cell word for word the same as
 * the reference's must be sure of its row. Two cases that review found are kept as they were
 * generated.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Node } from "prosemirror-model";
import { describe, expect, it } from "vitest";
import { compareVersions } from "../../shared/compare/comparison";
import { readDocument } from "../../shared/formats/read";
import { faults } from "../support/comparison-faults";

const VOCABULARY = (
  "data controller processor authority supervisory consent subject rights personal processing lawful transparency purpose " +
  "limitation storage integrity confidentiality accountability transfer third country adequacy decision safeguards binding " +
  "corporate rules certification code conduct board commission member state penalty fine remedy liability court"
).split(" ");

/** A small fast generator of numbers in [0, 1) from a seed (mulberry32), so that every run makes the same versions. */
function generator(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Act {
  readonly recitals: string[];
  readonly articles: string[][];
}

function makeVersions(random: () => number): { texts: string[]; ref: number } {
  const pick = () => VOCABULARY[Math.floor(random() * VOCABULARY.length)]!;
  const sentence = (words: number) => Array.from({ length: words }, pick).join(" ");
  const reword = (text: string, share: number) =>
    text
      .split(" ")
      .map((w) => (random() < share ? pick() : w))
      .join(" ");
  /** Some insertions, deletions, rewordings and moves. */
  const edit = (list: readonly string[], edits: number): string[] => {
    const out = list.slice();
    for (let k = 0; k < edits; k++) {
      const r = random();
      const i = Math.floor(random() * out.length);
      if (r < 0.25 && out.length > 1) out.splice(i, 1);
      else if (r < 0.5) out.splice(i, 0, sentence(6 + Math.floor(random() * 10)));
      else if (r < 0.75) out[i] = reword(out[i] ?? sentence(5), 0.2 + random() * 0.5);
      else if (out.length > 2) out.splice(Math.floor(random() * out.length), 0, reword(out.splice(i, 1)[0]!, random() * 0.5));
    }
    return out;
  };
  const first: Act = {
    recitals: Array.from({ length: 6 + Math.floor(random() * 10) }, () => sentence(6 + Math.floor(random() * 12))),
    articles: Array.from({ length: 3 + Math.floor(random() * 4) }, () =>
      Array.from({ length: 1 + Math.floor(random() * 4) }, () => sentence(5 + Math.floor(random() * 10))),
    ),
  };
  const acts = [first];
  const count = 2 + Math.floor(random() * 3);
  for (let k = 1; k < count; k++) {
    const from = random() < 0.5 ? acts[k - 1]! : first;
    const articles = edit(
      from.articles.map((a) => a.join("|")),
      1 + Math.floor(random() * 3),
    ).map((a) => edit(a.split("|"), 1 + Math.floor(random() * 3)));
    acts.push({ recitals: edit(from.recitals, 1 + Math.floor(random() * 5)), articles });
  }
  const texts = acts.map((act) => {
    const recitals = act.recitals.map((r, i) => `(${i + 1}) ${r}.`).join("\n");
    const articles = act.articles.map(
      (paragraphs, i) =>
        `Article ${i + 1}\n\n` + (paragraphs.length === 1 ? `${paragraphs[0]}.` : paragraphs.map((p, k) => `${k + 1}. ${p}.`).join("\n")),
    );
    return `REGULATION on testing\n\nWhereas:\n\n${recitals}\n\nHAVE ADOPTED THIS REGULATION:\n\n${articles.join("\n\n")}\n`;
  });
  return { texts, ref: Math.floor(random() * count) };
}

const read = (text: string): Node => readDocument({ bytes: new TextEncoder().encode(text), file: "generated.txt", format: "text" }).doc;

describe("versions made up at random", () => {
  it("keep every provision once in its column, in its order, and cells identical to the reference sure of their rows", () => {
    const random = generator(7);
    for (let trial = 0; trial < 150; trial++) {
      const { texts, ref } = makeVersions(random);
      const docs = texts.map(read);
      const comparison = compareVersions(docs, { ref });
      expect(faults(comparison, docs), `trial ${trial}`).toEqual([]);
      for (const row of comparison.rows) {
        for (const [v, cell] of row.cells.entries()) {
          if (cell !== null && v !== ref && cell.status === "same" && cell.text !== "")
            expect(cell.confidence, `trial ${trial}, ${row.label}`).toBe(1);
        }
      }
    }
  });

  const generated = (name: string): Node[] =>
    (JSON.parse(readFileSync(join(import.meta.dirname, "generated", name), "utf8")) as string[]).map(read);

  it("keeps the confidence of cells already in a row when rows left apart are joined into it", () => {
    const comparison = compareVersions(generated("identical-cell-after-join.json"), { ref: 0 });
    const row = comparison.rows.find((r) => r.label === "Article 2(1)" && r.cells[0] !== null)!;
    expect([row.cells[2]!.status, row.cells[2]!.confidence]).toEqual(["same", 1]);
  });

  it("keeps a column's 'merged into' beside rows that are joined", () => {
    const comparison = compareVersions(generated("merge-mark-beside-join.json"), { ref: 0 });
    const row = comparison.rows.find((r) => r.label === "Article 4" && r.cells[0] !== null)!;
    expect([row.statuses[1], row.notes[1]]).toEqual(["merged", "merged into Article 3"]);
  });
});
