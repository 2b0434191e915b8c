/*
 * The REST contract between the browser and the server: request validators and response types,
 * declared once and imported by both ends. Every input from outside is checked against these.
 */
import { z } from "zod";
import { FORMATS } from "../formats/input";
import type { Comparison } from "../compare/comparison";

export const ROLES = ["owner", "drafter", "commenter", "reader"] as const;
export type Role = (typeof ROLES)[number];

export const STAGES = [
  "base act",
  "Commission proposal",
  "Parliament position",
  "Council mandate",
  "compromise",
  "adopted act",
  "other",
] as const;
/** The stage of a version sent without one. */
export const DEFAULT_STAGE = "other" satisfies (typeof STAGES)[number];

/** Characters of no width, which show nothing. */
const NO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;

/**
 * A line of text from outside, `max` characters at most, trimmed: no control characters, no
 * line or paragraph separators, no marks that set the direction of the text (which could make
 * it read otherwise than it is written), and no half of a character (a lone surrogate, which
 * could not be stored as UTF-8).
 */
const line = (what: string, max: number) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `${what} is missing` : `${what} must be text`) })
    .trim()
    .max(max, `${what} must be at most ${max} characters`)
    .regex(
      /^[^\p{Cc}\p{Zl}\p{Zp}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]*$/u,
      `${what} must not hold control characters (line breaks, tabs, marks of the text's direction and the like)`,
    )
    .regex(/^\P{Cs}*$/u, `${what} must be whole characters: it holds half of one (a lone surrogate)`)
    // Written nowhere as text: an XML file (a Word document of the comparison) cannot hold U+FFFE or U+FFFF.
    .regex(/^\P{Noncharacter_Code_Point}*$/u, `${what} must not hold noncharacters (U+FFFE, U+FFFF and the like), which no text holds`);

/**
 * A character that shows: a letter, a digit, a mark of punctuation or a symbol, other than the
 * blank ones (Braille's blank pattern, the Hangul fillers).
 */
const SHOWS = /(?![\u2800\u3164\u115f\u1160\uffa0])[\p{L}\p{N}\p{P}\p{S}]/u;

/** A name: a line with something to see in it. */
const name = (what: string, max: number) =>
  line(what, max)
    .min(1, `${what} must not be empty`)
    .refine((text) => text === "" || SHOWS.test(text), `${what} must have a character that shows`);

/**
 * What tells a version's name from another's: two names of one key read the same in a list and
 * a table's heads, told apart neither by capitals, nor by the kind or number of spaces, nor by
 * characters of no width. Used by the store, the upload's check and the CLI's column names.
 */
export function versionNameKey(name: string): string {
  return name.normalize("NFKC").toLowerCase().replace(NO_WIDTH, "").replace(/\s+/g, " ").trim();
}

/**
 * The fields a request may carry, and no others: a field of another name is refused, naming it
 * and the fields there are, where ignoring it would leave a misspelt "restricted" unsaid and its
 * dossier open to all.
 */
export function fields<Shape extends z.ZodRawShape>(shape: Shape, noun: { one: string; many: string } = { one: "field", many: "fields" }) {
  const known = Object.keys(shape).join(", ");
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code !== "unrecognized_keys") return undefined;
      const names = issue.keys.map((k) => JSON.stringify(k)).join(", ");
      return `unknown ${issue.keys.length === 1 ? noun.one : noun.many} ${names}: the ${noun.many} here are ${known}`;
    },
  });
}

/** The parameters of a query string, as `fields` has those of a body: a misspelt `ref` refused, not compared against the first column. */
export function queryParameters<Shape extends z.ZodRawShape>(shape: Shape) {
  return fields(shape, { one: "query parameter", many: "query parameters" });
}

/** A password as a person types it to show who they are: the account's, whatever its length. */
const givenPassword = z.string({ error: "password must be text" }).min(1, "password must not be empty").max(256, "password is too long");

export const loginRequest = fields({
  username: name("username", 64),
  password: givenPassword,
});
export type LoginRequest = z.infer<typeof loginRequest>;

/** The least length of a password set for a real account (the demonstration users' is "demo"). */
export const MIN_PASSWORD_LENGTH = 12;

/** A password set for a real account, by `synopsis user add` or `synopsis user password`, or by its owner. */
export const newPassword = z
  .string({ error: "the password must be text" })
  .min(MIN_PASSWORD_LENGTH, `the password must be at least ${MIN_PASSWORD_LENGTH} characters long`)
  .max(256, "the password is too long: at most 256 characters");

/** A signed-in person's change of their own password: the one they have, and the new one. */
export const passwordChange = fields({
  current: givenPassword,
  password: newPassword,
});
export type PasswordChange = z.infer<typeof passwordChange>;

/** The answer to a change of password: how many of the person's other sessions it ended. */
export interface PasswordChanged {
  readonly endedSessions: number;
}

/** An account, as `synopsis user add` makes one: who, their organisation, and their password. */
export const newAccount = fields({
  username: name("username", 64).refine(
    (u) => /^[\p{L}\p{N}._-]+$/u.test(u),
    "username must be letters, digits, dots, dashes or underscores, without spaces",
  ),
  displayName: name("name", 100),
  organisation: name("organisation", 200),
  password: newPassword,
});
export type NewAccount = z.infer<typeof newAccount>;

export const dossierCreate = fields({
  title: name("title", 300),
  procedure: line("procedure", 40).optional(),
  restricted: z.boolean({ error: "restricted must be true or false" }).default(false),
});
export type DossierCreate = z.infer<typeof dossierCreate>;

export const memberUpsert = fields({
  username: name("username", 64),
  role: z.enum(ROLES, { error: `role must be one of ${ROLES.join(", ")}` }),
});
export type MemberUpsert = z.infer<typeof memberUpsert>;

export const versionFields = fields({
  name: name("name", 120),
  stage: z.enum(STAGES, { error: `stage must be one of ${STAGES.join(", ")}` }).default(DEFAULT_STAGE),
  format: z.enum(FORMATS, { error: `format must be one of ${FORMATS.join(", ")}` }).optional(),
});
export type VersionFields = z.infer<typeof versionFields>;

/** An id: a positive whole number, or in a path or query its digits alone ("1e0", "0x1" and " 1" are no ids). */
const id = z
  .union(
    [
      z.number(),
      z
        .string()
        .regex(/^\d{1,15}$/)
        .transform(Number),
    ],
    { error: "ids are whole numbers written in digits" },
  )
  .pipe(z.number().int("ids are whole numbers").positive("ids are positive"));

export const idParam = id;

export const compareQuery = queryParameters({
  versions: z
    .string({ error: "versions must list version ids, separated by commas" })
    .transform((s): unknown[] => s.split(",").map((v) => v.trim()))
    .pipe(z.array(id).min(2, "compare at least 2 versions").max(6, "compare at most 6 versions")),
  ref: id.optional(),
});
export type CompareQuery = z.infer<typeof compareQuery>;
/** How a version is asked for: its outline as JSON (the default), or its Akoma Ntoso XML. */
export const versionQuery = queryParameters({
  format: z.enum(["json", "akn"], { error: (issue) => `format must be json or akn, not ${JSON.stringify(issue.input)}` }).optional(),
});

const override = fields({
  kind: z.enum(["pin", "separate"], { error: "an override is a pin or a separate" }),
  a: fields({ version: id, eId: name("eId", 200) }),
  b: fields({ version: id, eId: name("eId", 200) }),
});
export const overridesBody = fields({
  overrides: z.array(override).max(500, "at most 500 overrides"),
  /**
   * The list the sender changed, as it was when they loaded it: when given, the new list is kept
   * only if the stored one is still that, so that two people correcting the alignment at once do
   * not undo each other's corrections unawares.
   */
  expected: z.array(override).max(500, "at most 500 overrides").optional(),
});
export type OverridesBody = z.infer<typeof overridesBody>;
/** A dossier's alignment corrections, as they are kept and sent. */
export type Overrides = OverridesBody["overrides"];

/** Whether two lists of overrides are the same, override for override, in the same order. */
export function sameOverrides(a: Overrides, b: Overrides): boolean {
  const key = (o: Overrides[number]) => JSON.stringify([o.kind, o.a.version, o.a.eId, o.b.version, o.b.eId]);
  return a.length === b.length && a.every((o, k) => key(o) === key(b[k]!));
}

/**
 * The corrections of a list that bear on a table of these versions: those between two of them.
 * A comparison is made with these alone, and told apart from another by them.
 */
export function overridesAmong(overrides: Overrides, versionIds: readonly number[]): Overrides {
  return overrides.filter((o) => versionIds.includes(o.a.version) && versionIds.includes(o.b.version));
}

/** A comparison as the server sends it: columns named by version id, with the corrections it was made with. */
export type ServedComparison = Comparison & {
  /** The version of each column, by id. */
  readonly versionIds: readonly number[];
  /** The dossier's corrections among these versions when the table was made (`overridesAmong`), by version id. */
  readonly overrides: Overrides;
};

export interface ApiError {
  readonly error: { readonly code: string; readonly message: string };
}

export interface SessionUser {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly organisation: string;
}

export interface VersionSummary {
  readonly id: number;
  readonly name: string;
  readonly stage: string;
  readonly format: string;
  readonly title: string;
  readonly counts: Readonly<Record<string, number>>;
  readonly words: number;
  readonly warnings: readonly string[];
  readonly notice: string | null;
  readonly createdAt: string;
  /** Who added it: "Council secretariat (Council of the European Union)". */
  readonly addedBy: string;
}

/** A version as the dossier lists it to one user. */
export interface DossierVersion extends VersionSummary {
  /** Whether this user may remove it: owners any version, drafters those they added. */
  readonly removable: boolean;
}

export interface DossierSummary {
  readonly id: number;
  readonly title: string;
  readonly procedure: string | null;
  readonly restricted: boolean;
  /** The caller's role, or null when the caller reads a dossier open to all without being a member. */
  readonly role: Role | null;
}

export interface DossierDetail extends DossierSummary {
  readonly versions: readonly DossierVersion[];
  readonly members: readonly {
    readonly username: string;
    readonly displayName: string;
    readonly organisation: string;
    readonly role: Role;
  }[];
  readonly overrides: OverridesBody["overrides"];
}

/** The message of the first problem zod found, with where it was: what a 400 answer says. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message)).join("; ");
}
