/*
 * The act's title in a comparison: not a provision, yet the first row of a four-column document.
 * Akoma Ntoso calls the part that holds it the preface; readers call it the title.
 */

/** The kind (and eId) of the row that holds the act's title. */
export const PREFACE = "preface";
/** Its label, as the row's first cell shows it. */
export const PREFACE_LABEL = "Title";
/** Its kind as a reader names it, where kinds of provision are listed. */
export const PREFACE_KIND_NAME = "title of the act";
