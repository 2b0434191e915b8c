/*
 * What is wrong with a list of alignment overrides, before it is kept: a pin or a separate that
 * names a provision a version does not have, or two provisions of one version; a pin of two
 * kinds that never share a row (a recital and an article); the same pair named twice; pins that
 * would put two provisions of one version in one row, directly or through a chain of pins; a
 * separate of two provisions that pins join. Alignment would drop or quietly settle each of
 * these, so the person who made them is told instead.
 */
import type { Node } from "prosemirror-model";
import type { AlignmentOverride } from "./alignment";
import { ComparableMaker, type Comparable } from "./comparable";
import { FRAMING_TYPES } from "./framing";
import { Lexicon } from "./lexicon";
import { mayShareRow } from "./similarity";

/** A provision alignment knows in a version: its kind, and its label ("Article 5(2)"). */
export interface AlignableProvision {
  readonly type: string;
  readonly label: string;
}

/** The provisions alignment knows in a version, by eId: what an override may name. */
export type AlignableProvisions = ReadonlyMap<string, AlignableProvision>;

/**
 * The provisions of a document as alignment sees them, by eId, made as alignment makes them:
 * every provision, the concluding words after a provision's last sub-provision, and the act's
 * title and concluding formulas where it has them.
 */
export function alignableProvisions(doc: Node): AlignableProvisions {
  const found = new Map<string, AlignableProvision>();
  const add = (c: Comparable): void => {
    if (!found.has(c.eId)) found.set(c.eId, { type: c.type, label: c.label });
    c.children.forEach(add);
  };
  for (const sequence of Object.values(new ComparableMaker(new Lexicon()).sequencesOf(doc, 0))) sequence.forEach(add);
  return found;
}

/** "1", "1 and 2", "1, 2 and 3". */
function listed(places: readonly number[]): string {
  return places.length === 1 ? `${places[0]}` : `${places.slice(0, -1).join(", ")} and ${places[places.length - 1]}`;
}

/**
 * The problems of a list of overrides, each naming the overrides it concerns by their place in
 * the list (counting from 1); none when the list can be kept. `provisions` gives each version's
 * alignable provisions, or undefined for a version it does not know.
 */
export function overrideProblems(
  overrides: readonly AlignmentOverride[],
  provisions: (version: number) => AlignableProvisions | undefined,
  versionName: (version: number) => string = (version) => `version ${version}`,
): string[] {
  /** "Council mandate's Article 5": a provision as the messages name it, by its eId where it has no label. */
  const named = (side: AlignmentOverride["a"]) =>
    `${versionName(side.version)}'s ${provisions(side.version)?.get(side.eId)?.label ?? side.eId}`;
  const problems: string[] = [];
  const sound: { readonly override: AlignmentOverride; readonly place: number }[] = [];
  const pairs = new Map<string, number>();
  overrides.forEach((override, k) => {
    const place = k + 1;
    const { a, b } = override;
    if (a.version === b.version) {
      problems.push(
        `override ${place} names two provisions of ${versionName(a.version)}: an override joins or separates provisions of two versions`,
      );
      return;
    }
    const unknown = [a, b].filter((side) => provisions(side.version) === undefined);
    if (unknown.length > 0) {
      problems.push(
        `override ${place} names ${unknown.map((side) => versionName(side.version)).join(" and ")}, which is not among the versions`,
      );
      return;
    }
    const kinds = [a, b].map((side) => provisions(side.version)!.get(side.eId)?.type);
    const missing = [a, b].filter((_, s) => kinds[s] === undefined);
    if (missing.length > 0) {
      problems.push(
        `override ${place} names ${missing.map((side) => `${side.eId}, which ${versionName(side.version)} does not have`).join(", and ")}`,
      );
      return;
    }
    if (kinds.some((kind) => FRAMING_TYPES.has(kind!))) {
      problems.push(`override ${place} names the act's title or its concluding formulas, which always stand in one row`);
      return;
    }
    if (override.kind === "pin" && !mayShareRow(kinds[0]!, kinds[1]!)) {
      problems.push(`override ${place} pins ${named(a)} to ${named(b)}: only provisions of one kind can share a row`);
      return;
    }
    const pair = [`${a.version}:${a.eId}`, `${b.version}:${b.eId}`].sort().join("|");
    const earlier = pairs.get(pair);
    if (earlier !== undefined) {
      problems.push(`overrides ${earlier} and ${place} both name ${named(a)} and ${named(b)}: keep one of them`);
      return;
    }
    pairs.set(pair, place);
    sound.push({ override, place });
  });
  const labelOf = (side: AlignmentOverride["a"]) => provisions(side.version)?.get(side.eId)?.label ?? side.eId;
  return [...problems, ...pinConflicts(sound, named, versionName, labelOf)];
}

/**
 * Pins that join provisions into rows: each group of provisions joined by pins, directly or
 * through others, must hold at most one provision of each version, and no separate may name two
 * provisions of one group.
 */
function pinConflicts(
  sound: readonly { readonly override: AlignmentOverride; readonly place: number }[],
  named: (side: AlignmentOverride["a"]) => string,
  versionName: (version: number) => string,
  labelOf: (side: AlignmentOverride["a"]) => string,
): string[] {
  const parent = new Map<string, string>();
  const root = (key: string): string => {
    let r = key;
    while (parent.has(r)) r = parent.get(r)!;
    return r;
  };
  const keyOf = (side: AlignmentOverride["a"]) => `${side.version}:${side.eId}`;
  const pins = sound.filter(({ override }) => override.kind === "pin");
  for (const { override } of pins) {
    const [ra, rb] = [root(keyOf(override.a)), root(keyOf(override.b))];
    if (ra !== rb) parent.set(ra, rb);
  }
  const problems: string[] = [];
  const groups = new Map<string, { readonly places: number[]; readonly sides: Map<string, AlignmentOverride["a"]> }>();
  for (const { override, place } of pins) {
    const r = root(keyOf(override.a));
    let group = groups.get(r);
    if (group === undefined) groups.set(r, (group = { places: [], sides: new Map() }));
    group.places.push(place);
    for (const side of [override.a, override.b]) group.sides.set(keyOf(side), side);
  }
  for (const { places, sides } of groups.values()) {
    const byVersion = new Map<number, AlignmentOverride["a"][]>();
    for (const side of sides.values()) byVersion.set(side.version, [...(byVersion.get(side.version) ?? []), side]);
    for (const [version, same] of byVersion) {
      if (same.length < 2) continue;
      problems.push(
        `${places.length === 1 ? "pin" : "pins"} ${listed(places)} put ${same.map(labelOf).join(" and ")} of ${versionName(version)} in one row: a row holds one provision of each version`,
      );
    }
  }
  for (const { override, place } of sound) {
    if (override.kind === "separate" && root(keyOf(override.a)) === root(keyOf(override.b))) {
      problems.push(`override ${place} separates ${named(override.a)} and ${named(override.b)}, which pins join in one row`);
    }
  }
  return problems;
}
