/*
 * The Akoma Ntoso 3.0 writer: a document in the legal schema as an AKN act with FRBR
 * identification, eIds and GUIDs on every provision, footnotes as notes in the metadata, and
 * annexes as attachments. What it writes validates against the OASIS schema and reads back identical.
 */
import type { Mark, Node } from "prosemirror-model";
import { isProvisionType } from "../../model/schema";
import { cellAttributes, element, escapeMarkup } from "../markup";
import { toIso6392 } from "./language";
import {
  AKN_NS,
  ANNEX_CONTAINER,
  EMPHASIS_CLASS_PREFIX,
  EMPHASIS_ELEMENT,
  INTERPOSED_TEXT,
  PLACEHOLDER_DATE,
  PROVENANCE_CLASS_PREFIX,
  SYNOPSIS_NS,
  UNIDENTIFIED_WORK,
  UNKNOWN_DATE_NAME,
} from "./vocabulary";

/** The document as an Akoma Ntoso XML string. `generated` is the manifestation's date (YYYY-MM-DD). */
export function writeAkn(doc: Node, generated: string = new Date().toISOString().slice(0, 10)): string {
  const parts: string[] = [];
  let preamble = "";
  let body = "";
  let conclusions = "";
  const annexes: Node[] = [];
  let footnotes: Node | null = null;
  doc.forEach((part) => {
    switch (part.type.name) {
      case "preface":
        if (part.childCount > 0) parts.push(element("preface", {}, element("longTitle", {}, blocks(part))));
        break;
      case "preamble":
        preamble = element("preamble", {}, preambleContent(part));
        break;
      case "body":
        body = element("body", {}, children(part));
        break;
      case "conclusions":
        conclusions = element("conclusions", {}, conclusionsContent(part));
        break;
      case "annex":
        annexes.push(part);
        break;
      case "footnotes":
        footnotes = part;
        break;
    }
  });
  const identity = identityOf(doc);
  const act = element(
    "act",
    { name: identity.name },
    meta(doc, identity, generated, footnotes, "!main") +
      parts.join("") +
      preamble +
      (body || "<body/>") +
      conclusions +
      attachments(annexes, identity, generated),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<akomaNtoso xmlns="${AKN_NS}" xmlns:syn="${SYNOPSIS_NS}">${act}</akomaNtoso>\n`;
}

interface Identity {
  readonly name: string;
  readonly work: string;
  readonly date: string;
  readonly dateName: string;
  readonly language: string;
}

function identityOf(doc: Node): Identity {
  const work = (doc.attrs.work as string | null) ?? UNIDENTIFIED_WORK;
  const kind = work.split("/")[4];
  const date = doc.attrs.date as string | null;
  return {
    name: kind && kind !== "unidentified" ? kind : "act",
    work,
    date: date ?? PLACEHOLDER_DATE,
    dateName: date ? "adoption" : UNKNOWN_DATE_NAME,
    language: toIso6392(doc.attrs.language as string),
  };
}

function frbr(identity: Identity, generated: string, component: string): string {
  const { work, date, dateName, language } = identity;
  const expression = `${work}/${language}@${date}`;
  const dateEl = element("FRBRdate", { date, name: dateName }, "");
  const author = element("FRBRauthor", { href: "#author" }, "");
  return element(
    "identification",
    { source: "#synopsis" },
    element(
      "FRBRWork",
      {},
      element("FRBRthis", { value: `${work}/${component}` }, "") +
        element("FRBRuri", { value: work }, "") +
        dateEl +
        author +
        element("FRBRcountry", { value: "eu" }, ""),
    ) +
      element(
        "FRBRExpression",
        {},
        element("FRBRthis", { value: `${expression}/${component}` }, "") +
          element("FRBRuri", { value: expression }, "") +
          dateEl +
          author +
          element("FRBRlanguage", { language }, ""),
      ) +
      element(
        "FRBRManifestation",
        {},
        element("FRBRthis", { value: `${expression}/${component}.xml` }, "") +
          element("FRBRuri", { value: `${expression}.akn` }, "") +
          element("FRBRdate", { date: generated, name: "generation" }, "") +
          element("FRBRauthor", { href: "#synopsis" }, ""),
      ),
  );
}

function meta(doc: Node, identity: Identity, generated: string, footnotes: Node | null, component: string): string {
  const references = element(
    "references",
    { source: "#synopsis" },
    element("TLCOrganization", { eId: "synopsis", href: "/ontology/organization/synopsis", showAs: "Synopsis" }, "") +
      element("TLCOrganization", { eId: "author", href: "/ontology/organization/eu", showAs: "European Union" }, ""),
  );
  let notes = "";
  if (footnotes !== null) {
    let content = "";
    (footnotes as Node).forEach((note) => {
      content += element("note", { eId: note.attrs.id as string, marker: note.attrs.marker as string }, blocks(note));
    });
    notes = element("notes", { source: "#synopsis" }, content);
  }
  const stage = doc.attrs.stage as string | null;
  const notice = doc.attrs.notice as string | null;
  const proprietary =
    stage !== null || notice !== null
      ? element(
          "proprietary",
          { source: "#synopsis" },
          (notice !== null ? element("syn:demonstration", {}, escapeMarkup(notice)) : "") +
            (stage !== null ? element("syn:stage", {}, escapeMarkup(stage)) : ""),
        )
      : "";
  return element("meta", {}, frbr(identity, generated, component) + references + notes + proprietary);
}

function preambleContent(preamble: Node): string {
  let out = "";
  const nodes: Node[] = [];
  preamble.forEach((n) => nodes.push(n));
  for (let i = 0; i < nodes.length;) {
    const node = nodes[i]!;
    const next = nodes[i + 1];
    if (node.type.name === "citation") {
      let citations = "";
      for (; nodes[i]?.type.name === "citation"; i++) citations += leafProvision("citation", nodes[i]!);
      out += element("citations", {}, citations);
    } else if (node.type.name === "recital" || (node.attrs.name === "recitalsIntro" && next?.type.name === "recital")) {
      let recitals = "";
      if (node.type.name === "formula") {
        recitals += element("intro", {}, blocks(node));
        i++;
      }
      for (; nodes[i]?.type.name === "recital"; i++) recitals += leafProvision("recital", nodes[i]!);
      out += element("recitals", {}, recitals);
    } else {
      out += element("formula", { name: node.attrs.name as string }, blocks(node));
      i++;
    }
  }
  return out;
}

/** A citation or recital: a numbered item of blocks, its points (rare) as a list of items. */
function leafProvision(tag: string, node: Node): string {
  let content = numAndHeading(node);
  node.forEach((child) => {
    content += isProvisionType(child.type.name) ? blockListOf(child) : block(child);
  });
  return element(tag, { eId: node.attrs.eId as string, GUID: node.attrs.guid as string }, content);
}

function blockListOf(division: Node): string {
  let content = numAndHeading(division);
  division.forEach((child) => {
    content += isProvisionType(child.type.name) ? blockListOf(child) : block(child);
  });
  const item = element(
    "item",
    { eId: division.attrs.eId as string, GUID: division.attrs.guid as string, class: division.type.name },
    content,
  );
  return element("blockList", { eId: `${division.attrs.eId as string}__list` }, item);
}

function numAndHeading(node: Node): string {
  const num = node.attrs.num as string | null;
  const heading = node.attrs.heading as string | null;
  return (
    (num !== null ? element("num", {}, escapeMarkup(num)) : "") + (heading !== null ? element("heading", {}, escapeMarkup(heading)) : "")
  );
}

/** Sub-provisions of a container in order. */
function children(container: Node): string {
  let out = "";
  container.forEach((child) => {
    out += hierarchy(child, child.type.name);
  });
  return out;
}

/**
 * A provision as an AKN hierarchical element: its words alone go in <content>; words before its
 * sub-provisions in <intro>, after them in <wrapUp>, and between two of them in an hcontainer.
 */
function hierarchy(node: Node, tag: string, extra: Record<string, string> = {}): string {
  const eId = node.attrs.eId as string;
  const attrs = { ...extra, eId, GUID: node.attrs.guid as string };
  const items: Node[] = [];
  node.forEach((c) => items.push(c));
  const isSub = (n: Node) => isProvisionType(n.type.name);
  const first = items.findIndex(isSub);
  if (first < 0) return element(tag, attrs, numAndHeading(node) + element("content", {}, blocksOf(items) || "<p/>"));
  const last = items.length - 1 - [...items].reverse().findIndex(isSub);
  let content = numAndHeading(node);
  if (first > 0) content += element("intro", {}, blocksOf(items.slice(0, first)));
  let interposed = 0;
  for (let i = first; i <= last;) {
    const item = items[i]!;
    if (isSub(item)) {
      content += hierarchy(item, item.type.name);
      i++;
      continue;
    }
    let j = i;
    while (j <= last && !isSub(items[j]!)) j++;
    interposed++;
    content += element(
      "hcontainer",
      { name: INTERPOSED_TEXT, eId: `${eId}__hcontainer_${interposed}` },
      element("content", {}, blocksOf(items.slice(i, j))),
    );
    i = j;
  }
  if (last < items.length - 1) content += element("wrapUp", {}, blocksOf(items.slice(last + 1)));
  return element(tag, attrs, content);
}

function blocksOf(nodes: readonly Node[]): string {
  return nodes.map(block).join("");
}

function blocks(container: Node): string {
  let out = "";
  container.forEach((b) => {
    out += block(b);
  });
  return out;
}

function block(node: Node): string {
  if (node.type.name === "table") return table(node);
  return element("p", {}, inline(node));
}

function table(node: Node): string {
  let rows = "";
  node.forEach((row) => {
    let cells = "";
    row.forEach((cell) => {
      const header = cell.attrs.header as boolean;
      cells += element(header ? "th" : "td", cellAttributes(cell), blocks(cell) || "<p/>");
    });
    rows += element("tr", {}, cells);
  });
  return element("table", {}, rows);
}

function inline(textblock: Node): string {
  let out = "";
  textblock.forEach((n) => {
    if (n.type.name === "footnote_ref") {
      out += element("noteRef", { href: `#${n.attrs.id as string}`, marker: n.attrs.marker as string, placement: "bottom" }, "");
      return;
    }
    out += marked(escapeMarkup(n.text ?? ""), n.marks);
  });
  return out;
}

function marked(text: string, marks: readonly Mark[]): string {
  return marks.reduceRight((inner, mark) => {
    if (mark.type.name === "provenance")
      return element("span", { class: `${PROVENANCE_CLASS_PREFIX}${mark.attrs.source as string}` }, inner);
    const kind = mark.attrs.kind as string;
    const tag = EMPHASIS_ELEMENT[kind];
    return tag ? element(tag, {}, inner) : element("span", { class: `${EMPHASIS_CLASS_PREFIX}${kind}` }, inner);
  }, text);
}

function conclusionsContent(conclusions: Node): string {
  let out = "";
  let signatures = 0;
  conclusions.forEach((n) => {
    if (n.type.name === "signature") {
      signatures++;
      out += element("container", { name: "signature", eId: `signature_${signatures}` }, blocks(n));
    } else out += block(n);
  });
  return out;
}

function attachments(annexes: readonly Node[], identity: Identity, generated: string): string {
  if (annexes.length === 0) return "";
  const items = annexes.map((annex, i) =>
    element(
      "attachment",
      { eId: `att_${i + 1}` },
      element(
        "doc",
        { name: "annex" },
        annexMeta(identity, generated, i + 1) + element("mainBody", {}, hierarchy(annex, "hcontainer", { name: ANNEX_CONTAINER })),
      ),
    ),
  );
  return element("attachments", {}, items.join(""));
}

function annexMeta(identity: Identity, generated: string, n: number): string {
  return element("meta", {}, frbr(identity, generated, `annex_${n}`));
}
