/*
 * A file's name made from a title, for a download: without the characters file systems refuse.
 * "Regulation (EU) 2021/821" gives "2021-821", and a title's colon or bars give dashes between
 * spaces. The Word table downloaded in the browser and the Akoma Ntoso sent by the server are
 * named so.
 */

/** Characters file systems refuse in a name, other than "/": control characters among them. */
// eslint-disable-next-line no-control-regex -- control characters are among those refused
const REFUSED = /\s*[\\:*?"<>|\u0000-\u001f\u007f]+\s*/g;

/** The name of a file of `title`, ending in `extension` (".docx", ".akn.xml"). */
export function fileNameOf(title: string, extension: string): string {
  const name = title.replace(/\//g, "-").replace(REFUSED, " - ").trim();
  return `${name === "" ? "document" : name}${extension}`;
}
