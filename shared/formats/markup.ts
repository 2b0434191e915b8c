/*
 * Writing markup: escaping and a compact element serializer shared by the Akoma Ntoso and HTML
 * writers. Only what a writer of well-formed XML and HTML needs, nothing more.
 */

/**
 * Characters XML 1.0 cannot hold: controls other than tab and line ends, U+FFFE and U+FFFF;
 * surrogates are looked at more closely, as only half a character (a lone one) is refused.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is what it is for
const MAYBE_NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ud800-\udfff]/;
// eslint-disable-next-line no-control-regex -- as above
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|\p{Cs}/gu;

/**
 * Text escaped for element content and attribute values alike. A character that XML cannot hold,
 * which no reader gives but an older stored document might hold, is written as U+FFFD, so that
 * the file written is still XML; most text has none, and takes the quick way.
 */
export function escapeMarkup(text: string): string {
  return fitForXml(text.replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;")));
}

/** Text with each character XML cannot hold written as U+FFFD, for a writer that escapes the rest itself. */
export function fitForXml(text: string): string {
  return MAYBE_NOT_XML.test(text) ? text.replace(NOT_XML, "\ufffd") : text;
}

/** Attributes as written in a start tag; null and undefined values are left out. */
export function attributes(attrs: Record<string, string | number | null | undefined>): string {
  let out = "";
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined) continue;
    out += ` ${name}="${escapeMarkup(String(value))}"`;
  }
  return out;
}

/** An XML element with already-serialized content; empty content gives a self-closed tag. */
export function element(name: string, attrs: Record<string, string | number | null | undefined>, content: string): string {
  return content === "" ? `<${name}${attributes(attrs)}/>` : `<${name}${attributes(attrs)}>${content}</${name}>`;
}

/** The attributes of a table cell as HTML and Akoma Ntoso write them: spans only where they are not 1. */
export function cellAttributes(cell: { attrs: Record<string, unknown> }): { colspan: number | null; rowspan: number | null } {
  const { colspan, rowspan } = cell.attrs as { colspan: number; rowspan: number };
  return { colspan: colspan !== 1 ? colspan : null, rowspan: rowspan !== 1 ? rowspan : null };
}

/** An HTML element: always an end tag, since HTML does not close `<td/>` or `<span/>`. */
export function htmlElement(name: string, attrs: Record<string, string | number | null | undefined>, content: string): string {
  return `<${name}${attributes(attrs)}>${content}</${name}>`;
}
