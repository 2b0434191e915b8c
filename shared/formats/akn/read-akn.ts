/*
 * The Akoma Ntoso 3.0 reader: acts as Synopsis writes them, as LEOS and the Parliament write them,
 * and the demonstration dossier. Structure comes from the AKN elements; eIds are recomputed from
 * structure, GUIDs kept. Elements it does not know are kept as text and reported.
 */
import type { Mark, Node } from "prosemirror-model";
import { GROUP_TYPES, type ProvisionType } from "../../model/schema";
import { emphasisMark, provenanceMark } from "../../model/marks";
import { act, footnote, formula, InlineRun, p, provision, signature, table, type ActParts } from "../../model/build";
import { FormatError } from "../errors";
import { WarningLog, type ReadResult } from "../reader";
import { child, elements, parseXml, textOf, type XmlElement, type XmlNode } from "../xml";
import { fitTo } from "../fit";
import { groupTypeOf } from "../groups";
import { toIso6391 } from "./language";
import {
  ANNEX_CONTAINER,
  EMPHASIS_CLASS_PREFIX,
  EMPHASIS_ELEMENT,
  INTERPOSED_TEXT,
  PROVENANCE_CLASS_PREFIX,
  UNIDENTIFIED_WORK,
  UNKNOWN_DATE_NAME,
} from "./vocabulary";

const GROUP_NAMES: ReadonlySet<string> = new Set(GROUP_TYPES);
const DOCUMENT_TYPES = new Set(["act", "bill", "doc", "statement", "documentCollection"]);
const HIERARCHY_TYPES: Record<string, ProvisionType> = {
  part: "part",
  title: "title",
  chapter: "chapter",
  section: "section",
  subsection: "subsection",
  article: "article",
  paragraph: "paragraph",
  subparagraph: "subparagraph",
  alinea: "subparagraph",
  point: "point",
  indent: "indent",
};
/** Inline elements whose words are simply part of the text around them. */
const TRANSPARENT_INLINE = new Set([
  "ref",
  "mref",
  "rref",
  "docTitle",
  "docType",
  "docNumber",
  "docProponent",
  "docDate",
  "docStatus",
  "docStage",
  "docPurpose",
  "docCommittee",
  "docIntroducer",
  "docJurisdiction",
  "docAuthority",
  "date",
  "time",
  "term",
  "def",
  "entity",
  "person",
  "organization",
  "concept",
  "object",
  "event",
  "location",
  "process",
  "role",
  "quantity",
  "inline",
  "span",
  "abbr",
  "quotedText",
  "shortTitle",
  "legislature",
  "session",
  "affectedDocument",
  "relatedDocument",
  "a",
  "signature",
  "role",
  "lawyer",
  "judge",
  "party",
  "ins",
  "del",
  "mmod",
  "mod",
]);
const EMPHASIS_BY_ELEMENT = new Map(Object.entries(EMPHASIS_ELEMENT).map(([kind, tag]) => [tag, kind]));

/** Reads an Akoma Ntoso document. `file` names the input in messages. */
export function readAkn(text: string, file?: string): ReadResult {
  const root = parseXml(text, file);
  return new AknReader(file).read(root);
}

class AknReader {
  private readonly warnings = new WarningLog();
  private readonly footnotes: Node[] = [];
  private authorialNotes = 0;

  constructor(private readonly file: string | undefined) {}

  private at(el: XmlElement) {
    return { ...(this.file ? { file: this.file } : {}), line: el.line, column: el.column };
  }

  private unknown(el: XmlElement, where: string): void {
    this.warnings.add(`unknown element <${el.name}> in ${where} kept as text`, this.at(el));
  }

  read(root: XmlElement): ReadResult {
    if (root.name !== "akomaNtoso") {
      throw new FormatError("structure", `the root element is <${root.name}>, not <akomaNtoso>`, this.at(root));
    }
    const document = elements(root).find((e) => DOCUMENT_TYPES.has(e.name));
    if (!document) throw new FormatError("structure", "<akomaNtoso> holds no <act>, <bill> or <doc>", this.at(root));
    const parts: ActParts & { preface: Node[]; body: Node[]; annexes: Node[] } = { preface: [], body: [], annexes: [] };
    for (const el of elements(document)) {
      switch (el.name) {
        case "meta":
          parts.attrs = this.meta(el);
          break;
        case "coverPage":
        case "preface":
          parts.preface.push(...this.prefaceBlocks(el));
          break;
        case "preamble":
          parts.preamble = this.preamble(el);
          break;
        case "body":
        case "mainBody":
          parts.body.push(...this.inArticles(this.hierarchyChildren(el, 0, "body"), el));
          break;
        case "conclusions":
          parts.conclusions = this.conclusions(el);
          break;
        case "attachments":
        case "components":
          parts.annexes.push(...this.attachments(el));
          break;
        default:
          this.unknown(el, `<${document.name}>`);
          parts.body.push(provision("article", {}, this.blocksOfUnknown(el)));
      }
    }
    parts.footnotes = this.footnotes;
    return { format: "akn", doc: act(parts), warnings: this.warnings.list() };
  }

  private meta(meta: XmlElement): ActParts["attrs"] {
    const identification = child(meta, "identification");
    const work = identification && child(identification, "FRBRWork");
    const expression = identification && child(identification, "FRBRExpression");
    const uri = work && child(work, "FRBRuri")?.attrs.value;
    const date = expression && child(expression, "FRBRdate");
    const language = expression && child(expression, "FRBRlanguage")?.attrs.language;
    const attrs: NonNullable<ActParts["attrs"]> = {
      work: uri && uri !== UNIDENTIFIED_WORK ? uri : null,
      date: date && date.attrs.name !== UNKNOWN_DATE_NAME ? (date.attrs.date ?? null) : null,
      language: language ? toIso6391(language) : "en",
    };
    for (const section of elements(meta)) {
      if (section.name === "proprietary") {
        for (const item of elements(section)) {
          if (item.name === "demonstration") attrs.notice = fold(textOf(item));
          if (item.name === "stage") attrs.stage = fold(textOf(item));
        }
      }
      if (section.name === "notes") {
        for (const note of elements(section)) {
          if (note.name !== "note") continue;
          const id = note.attrs.eId ?? note.attrs.id ?? `note_${this.footnotes.length + 1}`;
          this.footnotes.push(footnote(id, note.attrs.marker ?? "", this.blocks(note, "<note>")));
        }
      }
    }
    return attrs;
  }

  private prefaceBlocks(preface: XmlElement): Node[] {
    const out: Node[] = [];
    const visit = (el: XmlElement) => {
      for (const c of elements(el)) {
        if (c.name === "p" || c.name === "tblock") out.push(p(this.inline(c, [])));
        else if (c.name === "longTitle" || c.name === "container" || c.name === "blockContainer") visit(c);
        else out.push(p(this.inline(c, [])));
      }
    };
    visit(preface);
    return out;
  }

  private preamble(preamble: XmlElement): Node[] {
    const out: Node[] = [];
    for (const el of elements(preamble)) {
      if (el.name === "formula") out.push(formula(el.attrs.name ?? "formula", this.blocks(el, "<formula>")));
      else if (el.name === "citations" || el.name === "recitals") {
        for (const item of elements(el)) {
          if (item.name === "intro")
            out.push(formula(el.name === "recitals" ? "recitalsIntro" : "citationsIntro", this.blocks(item, "<intro>")));
          else if (item.name === "citation" || item.name === "recital") out.push(this.item(item.name, item));
          else if (item.name === "wrapUp") out.push(formula(`${el.name}WrapUp`, this.blocks(item, "<wrapUp>")));
          else {
            this.unknown(item, `<${el.name}>`);
            out.push(formula("text", this.blocksOfUnknown(item)));
          }
        }
      } else if (el.name === "citation" || el.name === "recital") out.push(this.item(el.name, el));
      else if (el.name === "p") out.push(formula("text", [p(this.inline(el, []))]));
      else {
        this.unknown(el, "<preamble>");
        out.push(formula("text", this.blocksOfUnknown(el)));
      }
    }
    return out;
  }

  /** A citation or recital: num, heading, blocks; a blockList's items are its points. */
  private item(type: "citation" | "recital" | "point", el: XmlElement): Node {
    const content: Node[] = [];
    for (const c of elements(el)) {
      if (c.name === "num" || c.name === "heading") continue;
      if (c.name === "blockList") content.push(...this.blockListItems(c));
      else content.push(...this.block(c, `<${el.name}>`));
    }
    return provision(type, this.fields(el), content);
  }

  private blockListItems(list: XmlElement): Node[] {
    const out: Node[] = [];
    for (const item of elements(list)) {
      if (item.name === "listIntroduction" || item.name === "listWrapUp") out.push(p(this.inline(item, [])));
      else if (item.name === "item") {
        const type = item.attrs.class === "indent" ? "indent" : "point";
        const content: Node[] = [];
        for (const c of elements(item)) {
          if (c.name === "num" || c.name === "heading") continue;
          content.push(...(c.name === "blockList" ? this.blockListItems(c) : this.block(c, "<item>")));
        }
        out.push(provision(type, this.fields(item), content));
      } else {
        this.unknown(item, "<blockList>");
        out.push(...this.blocksOfUnknown(item));
      }
    }
    return out;
  }

  private fields(el: XmlElement) {
    const num = child(el, "num");
    const heading = child(el, "heading");
    return {
      num: num ? fold(textOf(num)) : null,
      heading: heading ? fold(textOf(heading)) : null,
      ...(el.attrs.GUID ? { guid: el.attrs.GUID } : {}),
    };
  }

  /** The provisions and blocks inside a hierarchical container, in order. */
  /** `withinProvision`: the container is an article, a paragraph or a point, which no group may stand in. */
  private hierarchyChildren(container: XmlElement, depth: number, where: string, withinProvision = false): Node[] {
    const out: Node[] = [];
    for (const el of elements(container)) {
      const type = HIERARCHY_TYPES[el.name];
      if (type) out.push(this.hierarchy(el, type, depth));
      else if (el.name === "num" || el.name === "heading" || el.name === "subheading") continue;
      else if (el.name === "intro" || el.name === "wrapUp" || el.name === "content") out.push(...this.blocks(el, `<${el.name}>`));
      else if (el.name === "list") out.push(...this.hierarchyChildren(el, depth, "<list>"));
      else if (el.name === "hcontainer" && el.attrs.name === INTERPOSED_TEXT)
        out.push(...this.hierarchyChildren(el, depth, "<hcontainer>", withinProvision));
      else if (withinProvision && (el.name === "hcontainer" || el.name === "division")) {
        // A container of words inside a provision (as Parliament's texts have) is no group there: its words are a subparagraph.
        this.warnings.add(`a <${el.name}> inside ${where} kept as a subparagraph`, this.at(el));
        out.push(this.hierarchy(el, "subparagraph", depth));
      } else if (el.name === "hcontainer" || el.name === "division" || el.name === "book" || el.name === "tome" || el.name === "clause") {
        const num = child(el, "num");
        out.push(this.hierarchy(el, groupTypeOf(num ? textOf(num) : null, depth), depth));
      } else if (el.name === "crossHeading") out.push(p(this.inline(el, [])));
      else out.push(...this.block(el, where));
    }
    return out;
  }

  private hierarchy(el: XmlElement, tag: ProvisionType, depth: number): Node {
    const isGroup = tag === "part" || tag === "title" || tag === "chapter" || tag === "section" || tag === "subsection";
    // An unnumbered paragraph is a subparagraph; a provision's only subparagraph is its own words.
    const type = tag === "paragraph" && !child(el, "num") ? "subparagraph" : tag;
    let content = this.hierarchyChildren(el, isGroup ? depth + 1 : depth, `<${el.name}>`, !isGroup);
    // A group or an article inside a provision (a chapter inside an article) cannot stand there:
    // its words can. An annex holds groups, and is not one of these provisions.
    const holdsWordsAndDivisions = !isGroup && type !== "annex";
    const misplaced = holdsWordsAndDivisions
      ? content.find((n) => n.type.spec.group !== "block" && n.type.spec.group !== "division")
      : undefined;
    if (misplaced !== undefined) {
      this.warnings.add(
        `${misplaced.type.name === "article" ? "an" : "a"} ${misplaced.type.name} inside <${el.name}> kept as its number, heading and words`,
        this.at(el),
      );
      content = fitTo(content, "divisions");
    }
    const only = content.length === 1 ? content[0]! : null;
    if (only && only.type.name === "subparagraph" && only.attrs.num === null && type !== "subparagraph") {
      content = [];
      only.forEach((n) => content.push(n));
    }
    const subheading = child(el, "subheading");
    if (subheading) this.warnings.add("a <subheading> was kept as text", this.at(subheading));
    return provision(type, this.fields(el), subheading ? [p(this.inline(subheading, [])), ...content] : content);
  }

  /**
   * The body's provisions, where paragraphs or words stand outside any article (as in a
   * resolution or a decision of numbered paragraphs): each run of them kept in an article
   * without a number, as the body holds only groups and articles.
   */
  private inArticles(nodes: readonly Node[], body: XmlElement): Node[] {
    const out: Node[] = [];
    let stray: Node[] = [];
    const keep = () => {
      if (stray.length === 0) return;
      this.warnings.add(
        `${stray.length === 1 ? "a provision or words" : `${stray.length} provisions or blocks of words`} outside any article kept in an article without a number`,
        this.at(body),
      );
      out.push(provision("article", {}, stray));
      stray = [];
    };
    for (const node of nodes) {
      if (node.type.name === "article" || GROUP_NAMES.has(node.type.name)) {
        keep();
        out.push(node);
      } else stray.push(node);
    }
    keep();
    return out;
  }

  private blocks(container: XmlElement, where: string): Node[] {
    return elements(container).flatMap((el) => this.block(el, where));
  }

  private block(el: XmlElement, where: string): Node[] {
    switch (el.name) {
      case "p":
      case "tblock":
        return [p(this.inline(el, []))];
      case "table":
        return this.table(el);
      case "blockList":
        return [p(this.inline(el, []))];
      case "blockContainer":
      case "container":
      case "content":
      case "intro":
      case "wrapUp":
        return this.blocks(el, where);
      default:
        this.unknown(el, where);
        return this.blocksOfUnknown(el);
    }
  }

  private blocksOfUnknown(el: XmlElement): Node[] {
    return [p(new InlineRun().text(textOf(el)))];
  }

  private table(el: XmlElement): Node[] {
    const rows = elements(el)
      .filter((r) => r.name === "tr" && elements(r).length > 0)
      .map((r) =>
        elements(r).map((cell) => {
          const blocks = this.blocks(cell, "<table>");
          const onlyEmpty = blocks.length === 1 && blocks[0]!.childCount === 0;
          return {
            header: cell.name === "th",
            colspan: Number(cell.attrs.colspan ?? 1),
            rowspan: Number(cell.attrs.rowspan ?? 1),
            blocks: onlyEmpty ? [] : blocks,
          };
        }),
      );
    if (rows.length === 0) {
      this.warnings.add("a <table> without cells was left out", this.at(el));
      return [];
    }
    return [table(rows)];
  }

  private inline(el: XmlElement, marks: readonly Mark[], run: InlineRun = new InlineRun()): InlineRun {
    for (const node of el.children) this.inlineNode(node, marks, run);
    return run;
  }

  private inlineNode(node: XmlNode, marks: readonly Mark[], run: InlineRun): void {
    if (node.kind === "text") {
      run.text(node.text, marks);
      return;
    }
    const kind = EMPHASIS_BY_ELEMENT.get(node.name);
    if (kind) {
      this.inline(node, emphasisMark(kind).addToSet(marks), run);
      return;
    }
    const cls = node.attrs.class ?? "";
    if (node.name === "span" && cls.startsWith(PROVENANCE_CLASS_PREFIX)) {
      this.inline(node, provenanceMark(cls.slice(PROVENANCE_CLASS_PREFIX.length)).addToSet(marks), run);
    } else if (node.name === "span" && cls.startsWith(EMPHASIS_CLASS_PREFIX)) {
      this.inline(node, emphasisMark(cls.slice(EMPHASIS_CLASS_PREFIX.length)).addToSet(marks), run);
    } else if (node.name === "noteRef") {
      run.footnoteRef((node.attrs.href ?? "").replace(/^#/, ""), node.attrs.marker ?? "");
    } else if (node.name === "authorialNote") {
      this.authorialNotes++;
      const id = node.attrs.eId ?? `authorialNote_${this.authorialNotes}`;
      const marker = node.attrs.marker ?? String(this.authorialNotes);
      this.footnotes.push(footnote(id, marker, this.blocks(node, "<authorialNote>")));
      run.footnoteRef(id, marker);
    } else if (node.name === "eol" || node.name === "br") {
      run.text(" ", marks);
    } else {
      if (!TRANSPARENT_INLINE.has(node.name)) this.unknown(node, "text");
      this.inline(node, marks, run);
    }
  }

  private conclusions(el: XmlElement): Node[] {
    return elements(el).flatMap((c) => {
      if (c.name === "container" || c.name === "blockContainer") return [signature(this.blocks(c, "<conclusions>"))];
      return this.block(c, "<conclusions>");
    });
  }

  private attachments(el: XmlElement): Node[] {
    const out: Node[] = [];
    for (const attachment of elements(el)) {
      const doc = elements(attachment).find((d) => DOCUMENT_TYPES.has(d.name));
      const mainBody = doc && (child(doc, "mainBody") ?? child(doc, "body"));
      if (!mainBody) {
        this.unknown(attachment, "<attachments>");
        continue;
      }
      const containers = elements(mainBody);
      const wrapped = containers.length === 1 && containers[0]!.name === "hcontainer" && containers[0]!.attrs.name === ANNEX_CONTAINER;
      if (wrapped) out.push(this.hierarchy(containers[0]!, "annex", 1));
      else out.push(provision("annex", {}, this.hierarchyChildren(mainBody, 1, "<mainBody>")));
    }
    return out;
  }
}

function fold(text: string): string {
  return text.replace(/[\s\u00a0]+/g, " ").trim();
}
