/*
 * The plain-text reader, for texts pasted from PDFs or Word: one provision a line ("Article 5",
 * "1. ...", "(a) ...", "— ..."), the title first, recitals as "(1) ...", annexes as "ANNEX I",
 * and footnotes after a line of underscores as "[1] ...", referenced in the text as "[1]".
 */
import type { Node } from "prosemirror-model";
import { act, footnote, formula, InlineRun, p, provision } from "../../model/build";
import { GROUP_TYPES, type ProvisionType } from "../../model/schema";
import { WarningLog, type ReadResult } from "../reader";
import { lineKind, looksLikeHeading } from "./line-kinds";
import { follows, styleOf, type PointStyle } from "./point-levels";
import { NOTICE_LINE } from "./notice-line";

/** A line of words; `afterBlank` when a blank line stood before it, which after points starts a new subparagraph. */
interface Words {
  readonly words: string;
  readonly afterBlank: boolean;
}

interface Draft {
  readonly type: ProvisionType;
  readonly num: string | null;
  heading: string | null;
  readonly items: (Words | Draft)[];
  readonly style?: PointStyle;
  readonly token?: string;
}

const FOOTNOTE_SEPARATOR = /^_{3,}\s*$/;
const FOOTNOTE_LINE = /^\[(\d+)\]\s+(.*)$/;
/** A footnote reference, with the space a typist may leave before it (a reference is not words). */
const FOOTNOTE_REF = /\s*\[(\d+)\]/g;
/** Kinds of line that end the title when no blank line does. */
const STARTS_BODY: ReadonlySet<string> = new Set(["article", "group", "annex"]);
const DIVISIONS: ReadonlySet<ProvisionType> = new Set(["paragraph", "subparagraph", "point", "indent"]);

/** Reads a plain-text act. */
export function readText(given: string, file?: string): ReadResult {
  const warnings = new WarningLog();
  const text = withoutControlCharacters(given, warnings, file);
  const allLines = text.replace(/\r\n?/g, "\n").split("\n");
  const separator = allLines.findIndex((l) => FOOTNOTE_SEPARATOR.test(l.trim()));
  const lines = separator >= 0 ? allLines.slice(0, separator) : allLines;
  const footnotes = separator >= 0 ? readFootnotes(allLines.slice(separator + 1), separator + 2, warnings, file) : [];
  const markers = new Set(footnotes.map((f) => f.attrs.marker as string));
  const run = (words: string) => inlineWithRefs(words, markers);

  let i = 0;
  const skipBlank = () => {
    while (i < lines.length && lines[i]!.trim() === "") i++;
  };
  skipBlank();
  // A demonstration text says so on its first line, as the plain-text writer puts it.
  let notice: string | null = null;
  if (i < lines.length && lines[i]!.trim().startsWith(NOTICE_LINE)) {
    notice = lines[i]!.trim().slice(NOTICE_LINE.length).trim() || null;
    i++;
    skipBlank();
  }
  const preface: Node[] = [];
  if (i < lines.length && lineKind(lines[i]!.trim()).kind === "words") {
    // The title runs to a blank line, or to the first article, chapter or annex if none comes between.
    for (; i < lines.length && lines[i]!.trim() !== "" && !STARTS_BODY.has(lineKind(lines[i]!.trim()).kind); i++)
      preface.push(p(run(lines[i]!.trim())));
  }

  const preamble = readPreamble();
  const body: Draft = { type: "article", num: null, heading: null, items: [] };
  const annexes: Draft[] = [];
  const conclusions: string[] = [];
  const stack: Draft[] = [body];
  const top = () => stack[stack.length - 1]!;
  const push = (draft: Draft) => {
    top().items.push(draft);
    stack.push(draft);
  };
  const headingAfter = (draft: Draft) => {
    skipBlank();
    const next = lines[i]?.trim();
    if (next !== undefined && looksLikeHeading(next)) {
      draft.heading = next;
      i++;
    }
  };

  for (; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === "") continue;
    const kind = lineKind(line);
    switch (kind.kind) {
      case "group": {
        const rank = GROUP_TYPES.indexOf(kind.type);
        while (stack.length > 1 && !(isGroup(top().type) && GROUP_TYPES.indexOf(top().type as (typeof GROUP_TYPES)[number]) < rank))
          stack.pop();
        const draft: Draft = { type: kind.type, num: kind.num, heading: null, items: [] };
        if (stack.length === 1 && annexes.length > 0) stack.push(annexes[annexes.length - 1]!);
        push(draft);
        i++;
        headingAfter(draft);
        i--;
        break;
      }
      case "article": {
        while (stack.length > 1 && !isGroup(top().type)) stack.pop();
        const draft: Draft = { type: "article", num: kind.num, heading: null, items: [] };
        push(draft);
        i++;
        headingAfter(draft);
        i--;
        break;
      }
      case "annex": {
        stack.length = 1;
        const draft: Draft = { type: "annex", num: kind.num, heading: null, items: [] };
        annexes.push(draft);
        stack.push(draft);
        i++;
        headingAfter(draft);
        i--;
        break;
      }
      case "paragraph": {
        while (stack.length > 1 && !["article", "annex"].includes(top().type) && !isGroup(top().type)) stack.pop();
        const inAnnex = stack.some((d) => d.type === "annex");
        if (inAnnex) placePoint(kind.num, kind.num.replace(/\.$/, ""), kind.text);
        else push({ type: "paragraph", num: kind.num, heading: null, items: [words(kind.text)] });
        break;
      }
      case "point":
        placePoint(kind.num, kind.token, kind.text);
        break;
      case "indent":
        if (top().type === "indent") stack.pop();
        push({ type: "indent", num: kind.num, heading: null, items: [words(kind.text)] });
        break;
      case "words":
        if (annexes.length === 0 && top().items.length > 0 && isConclusion(line)) {
          for (; i < lines.length && lineKind(lines[i]!.trim()).kind !== "annex"; i++)
            if (lines[i]!.trim() !== "") conclusions.push(lines[i]!.trim());
          i--;
          break;
        }
        if (stack.length === 1)
          warnings.add("words outside any article kept as an unnumbered article", { ...(file ? { file } : {}), line: i + 1 });
        while (top().type === "point" || top().type === "indent") stack.pop();
        top().items.push({ words: kind.text, afterBlank: i > 0 && lines[i - 1]!.trim() === "" });
        break;
    }
  }

  function placePoint(num: string, token: string, text: string): void {
    while (top().type === "indent") stack.pop();
    // A point whose words end with a colon announces sub-points: "(h) ... as follows:" then "(i)" nests.
    const announcesList = top().type === "point" && endsWithColon(top()) && follows(styleOf(token), null, token);
    for (let k = stack.length - 1; k > 0 && stack[k]!.type === "point" && !announcesList; k--) {
      const sibling = stack[k]!;
      if (follows(sibling.style!, sibling.token!, token)) {
        stack.length = k;
        push({ type: "point", num, heading: null, items: [words(text)], style: sibling.style!, token });
        return;
      }
    }
    // Unannounced, a list of letters does not open in a list of letters: a number repeated, or
    // out of order, is kept in the open list of its kind, which also keeps a text of a thousand
    // "(a)" from nesting a thousand deep. (An amending act announces lists of any kind within
    // its points: "(1) Article 4 is amended as follows:", "(a) ... the following:", "(1) ...".)
    const style = styleOf(token);
    const at = { ...(file ? { file } : {}), line: i + 1 };
    for (let k = stack.length - 1; k > 0 && stack[k]!.type === "point" && !announcesList; k--) {
      if (stack[k]!.style !== style) continue;
      warnings.add('a point numbered out of order (as "(a)" after "(a)") kept in the open list of its kind', at);
      stack.length = k;
      break;
    }
    // However announced, points nest no deeper than any act's do.
    const depth = stack.filter((d) => d.type === "point").length;
    if (depth >= MAX_POINT_DEPTH) {
      warnings.add(`points nested more than ${MAX_POINT_DEPTH} deep kept at the ${MAX_POINT_DEPTH}th level`, at);
      stack.pop();
    }
    push({ type: "point", num, heading: null, items: [words(text)], style, token });
  }

  function readPreamble(): Node[] {
    const out: Node[] = [];
    let recitalsSeen = false;
    for (; i < lines.length; i++) {
      const line = lines[i]!.trim();
      if (line === "") continue;
      const kind = lineKind(line);
      if (kind.kind === "article" || kind.kind === "group" || kind.kind === "annex") break;
      const recital = /^\((\d+[a-z]?)\)\s+(\S.*)$/.exec(line);
      if (recital) {
        recitalsSeen = true;
        out.push(provision("recital", { num: `(${recital[1]!})` }, [p(run(recital[2]!))]));
        continue;
      }
      const nextIsRecital = /^\(\d+[a-z]?\)\s/.test(nextNonBlank(i + 1) ?? "");
      if (!recitalsSeen && nextIsRecital && line.endsWith(":")) out.push(formula("recitalsIntro", [p(run(line))]));
      else if (recitalsSeen) {
        const last = out[out.length - 1];
        const isFormula = line === line.toUpperCase() || line.endsWith(":");
        if (isFormula || !last || last.type.name !== "recital") out.push(formula("enactingFormula", [p(run(line))]));
        else out[out.length - 1] = last.copy(last.content.addToEnd(p(run(line))));
      } else if (out.length === 0 && line === line.toUpperCase() && line.endsWith(",")) out.push(formula("preambleInit", [p(run(line))]));
      else out.push(provision("citation", {}, [p(run(line))]));
    }
    return out;
  }

  function nextNonBlank(from: number): string | undefined {
    for (let k = from; k < lines.length; k++) if (lines[k]!.trim() !== "") return lines[k]!.trim();
    return undefined;
  }

  const toNode = (draft: Draft): Node => provision(draft.type, { num: draft.num, heading: draft.heading }, contentOf(draft));
  const contentOf = (draft: Draft): Node[] => {
    const segments = subparagraphSegments(draft);
    if (segments.length > 1) {
      return segments.map((segment) =>
        provision(
          "subparagraph",
          {},
          segment.map((item) => ("words" in item ? p(run(item.words)) : toNode(item))),
        ),
      );
    }
    return draft.items.map((item) => ("words" in item ? p(run(item.words)) : toNode(item)));
  };

  const bodyNodes: Node[] = [];
  for (const item of body.items) {
    if ("words" in item) bodyNodes.push(provision("article", {}, [p(run(item.words))]));
    else bodyNodes.push(toNode(item));
  }
  return {
    format: "text",
    doc: act({
      ...(notice !== null ? { attrs: { notice } } : {}),
      preface,
      preamble,
      body: bodyNodes,
      conclusions: conclusions.map((c) => p(run(c))),
      annexes: annexes.map(toNode),
      footnotes,
    }),
    warnings: warnings.list(),
  };
}

function isGroup(type: ProvisionType): boolean {
  return (GROUP_TYPES as readonly string[]).includes(type);
}

/**
 * The unnumbered subparagraphs of a provision: each line of words starts one, except words
 * right after points, which close the list unless a blank line stands before them. A provision
 * with numbered paragraphs or a single run of words has none.
 */
function subparagraphSegments(draft: Draft): (Words | Draft)[][] {
  if (!["article", "paragraph", "point"].includes(draft.type)) return [];
  if (draft.items.some((item) => !("words" in item) && (!DIVISIONS.has(item.type) || item.type === "paragraph"))) return [];
  const segments: (Words | Draft)[][] = [];
  draft.items.forEach((item, k) => {
    const previous = draft.items[k - 1];
    const closesList = "words" in item && previous !== undefined && !("words" in previous) && !item.afterBlank;
    if (("words" in item && !closesList) || segments.length === 0) segments.push([item]);
    else segments[segments.length - 1]!.push(item);
  });
  return segments;
}

function endsWithColon(draft: Draft): boolean {
  const last = draft.items[draft.items.length - 1];
  return last !== undefined && "words" in last && last.words.trimEnd().endsWith(":");
}

function words(text: string): Words {
  return { words: text, afterBlank: false };
}

/**
 * The closing formula that ends the enacting terms ("This Regulation shall be binding in its
 * entirety...", "Done at Brussels, ..."), in English, French and German: the conclusions begin here.
 */
const CONCLUSION = [
  /^This (Regulation|Directive|Decision) shall be binding in its entirety/,
  /^This (Directive|Decision) is addressed to/,
  /^(Le présent règlement|La présente (directive|décision)) est obligatoire dans tous ses éléments/,
  /^Les États membres sont destinataires/,
  /^(Diese Verordnung|Diese Richtlinie|Dieser Beschluss) ist in allen (ihren|seinen) Teilen verbindlich/,
  /^(Diese Richtlinie|Dieser Beschluss) ist an die Mitgliedstaaten gerichtet/,
  /^(Done at|Fait à|Geschehen zu) /,
];

function isConclusion(line: string): boolean {
  return CONCLUSION.some((pattern) => pattern.test(line));
}

function inlineWithRefs(words: string, markers: ReadonlySet<string>): InlineRun {
  const run = new InlineRun();
  let last = 0;
  for (const m of words.matchAll(FOOTNOTE_REF)) {
    if (!markers.has(m[1]!)) continue;
    run.text(words.slice(last, m.index));
    run.footnoteRef(`fn_${m[1]!}`, m[1]!);
    last = m.index + m[0].length;
  }
  return run.text(words.slice(last));
}

function readFootnotes(lines: readonly string[], firstLine: number, warnings: WarningLog, file?: string): Node[] {
  const notes: Node[] = [];
  lines.forEach((raw, k) => {
    const line = raw.trim();
    if (line === "") return;
    const m = FOOTNOTE_LINE.exec(line);
    if (m) notes.push(footnote(`fn_${m[1]!}`, m[1]!, [p(m[2]!)]));
    else if (notes.length > 0) {
      const last = notes[notes.length - 1]!;
      notes[notes.length - 1] = last.copy(last.content.addToEnd(p(line)));
    } else {
      warnings.add('a line after the footnote separator is not a footnote "[n] ..."; kept as an unnumbered footnote', {
        ...(file ? { file } : {}),
        line: firstLine + k,
      });
      notes.push(footnote(`fn_unnumbered_${firstLine + k}`, "", [p(line)]));
    }
  });
  return notes;
}

/** Points nest at most this deep: an amending act's point, its letter, the number it replaces, and some more. */
const MAX_POINT_DEPTH = 8;

/** Characters that are no text and that XML cannot hold (NUL, escape, U+FFFE...); tabs, line ends, form feeds and vertical tabs are spacing. */
// eslint-disable-next-line no-control-regex -- finding control characters is what it is for
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000e-\u001f\ufffe\uffff]/g;

/** The text with control characters made spaces, said once with the line of the first. */
function withoutControlCharacters(text: string, warnings: WarningLog, file: string | undefined): string {
  const first = text.search(CONTROL_CHARACTERS);
  if (first < 0) return text;
  const line = text.slice(0, first).split(/\r\n?|\n/).length;
  const count = text.match(CONTROL_CHARACTERS)!.length;
  warnings.add(`${count === 1 ? "a control character" : `${count} control characters`} (no text, such as NUL or escape) read as spaces`, {
    ...(file ? { file } : {}),
    line,
  });
  return text.replace(CONTROL_CHARACTERS, " ");
}
