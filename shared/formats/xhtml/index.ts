/*
 * The EUR-Lex XHTML reader: the CONVEX rendering of an act, as the Official Journal publishes it
 * or as a consolidated text, read into a document in the legal schema.
 */
export { readXhtml } from "./document";
