/*
 * The Formex reader: the Publications Office's XML of the Official Journal (ACT), consolidated
 * texts (CONS.ACT, Formex 3 and 4), and the zip packages EUR-Lex hands out.
 */
export { readFormex } from "./act";
export { readFormexPackage } from "./package";
