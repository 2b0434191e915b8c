/*
 * How plain text carries a demonstration text's notice ("not the authentic text"): a first line
 * beginning with these words, written by the plain-text writer and taken back by its reader.
 */
export const NOTICE_LINE = "NOTICE:";
