/*
 * The column names of --names: a list separated by commas, where a name that has a comma of its
 * own writes it "\," ("Council\, general approach,Parliament"), and a backslash before a comma
 * "\\". Spaces around each name are not part of it.
 */

/** The names of a --names value, in order. */
export function namesOption(value: string): string[] {
  const names: string[] = [];
  let name = "";
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    const next = value[i + 1];
    if (c === "\\" && (next === "," || next === "\\")) {
      name += next;
      i++;
    } else if (c === ",") {
      names.push(name.trim());
      name = "";
    } else name += c;
  }
  names.push(name.trim());
  return names;
}
