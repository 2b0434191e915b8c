/*
 * Whether a comparison followed its overrides, read from the table it made: a pin is followed
 * when its two provisions stand in one row, a separate when they stand in none. One that was not
 * is said in words, with why as far as the table tells: a provision the table does not show, two
 * provisions held by provisions in different rows (a pin joins provisions under provisions in one
 * row), or the act's title and concluding formulas, which stand in one row whatever their words.
 */
import type { AlignmentOverride } from "./alignment";
import type { ComparisonRow } from "./comparison";
import { FRAMING_TYPES } from "./framing";
import { eIdLabel } from "../model/labels";

/**
 * Whether the rows follow an override, its versions given as columns: a pin when its two
 * provisions share a row, a separate when they share none. Undefined when the rows do not show
 * one of them.
 */
export function followedIn(rows: readonly ComparisonRow[], override: AlignmentOverride): boolean | undefined {
  const { a, b } = override;
  const has = (side: AlignmentOverride["a"]) => rows.some((row) => row.cells[side.version]?.eId === side.eId);
  if (!has(a) || !has(b)) return undefined;
  const together = rows.some((row) => row.cells[a.version]?.eId === a.eId && row.cells[b.version]?.eId === b.eId);
  return override.kind === "pin" ? together : !together;
}

/** Where each provision stands (a provision may have cells in two rows: its own words apart from its paragraphs'), and its label, by "column:eId". */
function placesOf(rows: readonly ComparisonRow[]): { readonly rowsOf: Map<string, number[]>; readonly labelOf: Map<string, string> } {
  const rowsOf = new Map<string, number[]>();
  const labelOf = new Map<string, string>();
  rows.forEach((row, r) =>
    row.cells.forEach((cell, v) => {
      if (cell === null) return;
      const key = `${v}:${cell.eId}`;
      rowsOf.set(key, [...(rowsOf.get(key) ?? []), r]);
      if (!labelOf.has(key)) labelOf.set(key, cell.label);
    }),
  );
  return { rowsOf, labelOf };
}

/** "Council mandate's Recital 5": a provision an override names, by its label in the rows, else by what its eId says. */
function namer(labelOf: ReadonlyMap<string, string>, names: readonly string[]): (side: AlignmentOverride["a"]) => string {
  return (side) =>
    `${names[side.version] ?? `version ${side.version}`}'s ${labelOf.get(`${side.version}:${side.eId}`) ?? eIdLabel(side.eId) ?? side.eId}`;
}

/**
 * The overrides in words, in their order: "Council mandate's Recital 5 put in one row with
 * Commission proposal's Recital 6", and "(not followed: see the warnings)" after one the rows
 * do not follow, as the app's list marks it.
 */
export function overridesInWords(
  rows: readonly ComparisonRow[],
  overrides: readonly AlignmentOverride[],
  names: readonly string[],
): string[] {
  if (overrides.length === 0) return [];
  const named = namer(placesOf(rows).labelOf, names);
  return overrides.map(
    (o) =>
      `${named(o.a)} ${o.kind === "pin" ? "put in one row with" : "kept apart from"} ${named(o.b)}` +
      (followedIn(rows, o) === true ? "" : " (not followed: see the warnings)"),
  );
}

/** Warnings for the overrides the rows do not follow, in the overrides' order. */
export function overridesNotFollowed(
  rows: readonly ComparisonRow[],
  overrides: readonly AlignmentOverride[],
  names: readonly string[],
): string[] {
  if (overrides.length === 0) return [];
  const { rowsOf, labelOf } = placesOf(rows);
  const named = namer(labelOf, names);
  const warnings: string[] = [];
  for (const override of overrides) {
    const [a, b] = [override.a, override.b].map((side) => rowsOf.get(`${side.version}:${side.eId}`));
    const what =
      override.kind === "pin"
        ? `The correction putting ${named(override.a)} in one row with ${named(override.b)}`
        : `The correction keeping ${named(override.a)} apart from ${named(override.b)}`;
    if (a === undefined || b === undefined) {
      const missing = a === undefined ? override.a : override.b;
      warnings.push(
        `${what} was not followed: this table shows no ${eIdLabel(missing.eId) ?? `provision ${missing.eId}`} of ${names[missing.version] ?? `version ${missing.version}`}`,
      );
      continue;
    }
    if (followedIn(rows, override)) continue;
    if (override.kind === "pin") {
      const aboveA = parentRow(rows, a[0]!);
      const aboveB = parentRow(rows, b[0]!);
      const holders = [
        aboveA === null ? null : (rows[aboveA]!.cells[override.a.version] ?? null),
        aboveB === null ? null : (rows[aboveB]!.cells[override.b.version] ?? null),
      ];
      warnings.push(
        aboveA !== aboveB && holders[0] && holders[1]
          ? `${what} was not followed: ${names[override.a.version]}'s ${holders[0].label} and ${names[override.b.version]}'s ${holders[1].label}, which hold them, stand in different rows; put those in one row first`
          : `${what} was not followed: the alignment could not put them in one row beside the other corrections`,
      );
    } else {
      const framing = a.some((r) => FRAMING_TYPES.has(rows[r]!.type));
      warnings.push(
        `${what} was not followed: ${framing ? "the act's title and its concluding formulas always stand in one row" : "they still stand in one row"}`,
      );
    }
  }
  return warnings;
}

/** The row of the provision that holds row `r`'s: the nearest row before it that stands a level higher; null at the top. */
function parentRow(rows: readonly ComparisonRow[], r: number): number | null {
  for (let p = r - 1; p >= 0; p--) if (rows[p]!.depth < rows[r]!.depth) return p;
  return null;
}
