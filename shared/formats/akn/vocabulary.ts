/*
 * The Akoma Ntoso vocabulary Synopsis writes and reads: namespaces, the placeholders used where a
 * document lacks an identity, and the classes that carry marks the standard has no element for.
 */

export const AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";
/** Synopsis's own metadata inside <proprietary>: the stage and the demonstration notice. */
export const SYNOPSIS_NS = "https://synopsis.example/ns/1.0";

/** FRBR work URI written for a document whose identity is unknown; read back as "unknown". */
export const UNIDENTIFIED_WORK = "/akn/eu/act/unidentified";
/** FRBRdate name written when the document has no date (the schema requires a date). */
export const UNKNOWN_DATE_NAME = "unknown";
export const PLACEHOLDER_DATE = "1000-01-01";

/** Emphasis kinds with an element of their own; other kinds are written as a classed span. */
export const EMPHASIS_ELEMENT: Record<string, string> = { italic: "i", bold: "b", underline: "u", sup: "sup", sub: "sub" };
export const EMPHASIS_CLASS_PREFIX = "emphasis-";
export const PROVENANCE_CLASS_PREFIX = "provenance-";
/** The hcontainer that holds words standing between two sub-provisions (AKN allows none there). */
export const INTERPOSED_TEXT = "interposedText";
/** The name of the hcontainer that holds an annex inside its attachment. */
export const ANNEX_CONTAINER = "annex";
