/*
 * A dossier's alignment corrections on the comparison page: the pins and separations its
 * drafters made, in words ("Council mandate's Recital 5 put in one row with Commission
 * proposal's Recital 6"), and, for its owners and drafters, a form to make one and a button to
 * take one back (and put it back). Each change is saved against the list the page loaded, so that
 * a change someone else made meanwhile is not undone unawares, and the table is then made again:
 * with the change, or, when the list had changed, with the list as it is and the person's
 * correction still in the form.
 */
import type { Comparison } from "../../../shared/compare/comparison";
import type { DossierDetail } from "../../../shared/protocol/api";
import { api, ApiFailure } from "../api";
import { pageSignal } from "../page-life";
import { h } from "../dom";
import { FRAMING_TYPES } from "../../../shared/compare/framing";
import { followedIn } from "../../../shared/compare/override-outcome";
import { eIdLabel } from "../../../shared/model/labels";
import { mayShareRow } from "../../../shared/compare/similarity";

type Override = DossierDetail["overrides"][number];

export interface Corrections {
  readonly dossierId: number;
  readonly comparison: Comparison & { readonly versionIds: readonly number[] };
  readonly dossier: DossierDetail;
  /** Called once a change is saved: the table is to be made again with it. */
  readonly saved: () => void;
  /** The versions of the table removed from the dossier since it was made, by id, with their names. */
  readonly removed: () => ReadonlyMap<number, string>;
  /** Whether the dossier itself is no longer there (removed, or no longer the user's to read) since the table was made. */
  readonly dossierRemoved: () => boolean;
}

/**
 * What the last change was, said by the panel of the page made again after it, which takes the
 * focus: a keyboard or screen-reader user is not left at the top of a new page in silence. A
 * correction taken back can be put back from there, where it stood in the list.
 */
interface Change {
  readonly said: string;
  readonly putBack?: { readonly override: Override; readonly at: number };
  /**
   * A correction that was not saved because the list was changed meanwhile (by another member,
   * or by the same person in another tab): the page is made again with the list as it now is,
   * and the form offers the correction again.
   */
  readonly draft?: Override;
}

/**
 * The change for the panel of the page made again after it: that page only, at the address it
 * was made at, and soon; a page that was not made again (left while it was being made, or
 * refused) leaves it to no other.
 */
let lastChange: { readonly change: Change; readonly address: string; readonly at: number } | null = null;
const CHANGE_TOLD_WITHIN_MS = 60_000;

/** The change the panel of the page at this address is to say, taken once. */
function takeLastChange(): Change | null {
  const found = lastChange;
  lastChange = null;
  return found !== null && found.address === location.hash && Date.now() - found.at < CHANGE_TOLD_WITHIN_MS ? found.change : null;
}

/** How much of a provision's words an option shows after its label, to tell apart provisions of one label. */
const OPTION_WORDS = 60;

/** A provision a correction may name. */
interface Named {
  readonly eId: string;
  readonly type: string;
  readonly label: string;
  readonly text: string;
}

/** The provisions of each column of a comparison, found once: a form and a list of corrections ask for them often. */
const columnsSeen = new WeakMap<Comparison, Map<number, ReadonlyMap<string, Named>>>();

/** The provisions of one column by eId, in the table's order, each once: what a correction may name. */
function provisionsIn(comparison: Comparison, column: number): ReadonlyMap<string, Named> {
  let columns = columnsSeen.get(comparison);
  if (columns === undefined) columnsSeen.set(comparison, (columns = new Map()));
  let found = columns.get(column);
  if (found === undefined) {
    const named = new Map<string, Named>();
    for (const row of comparison.rows) {
      // The title and the concluding formulas always stand in one row: nothing to correct there.
      if (FRAMING_TYPES.has(row.type)) continue;
      const cell = row.cells[column];
      if (!cell || named.has(cell.eId)) continue;
      named.set(cell.eId, { eId: cell.eId, type: cell.type, label: cell.label, text: cell.text });
    }
    columns.set(column, (found = named));
  }
  return found;
}

/**
 * "Council mandate's Recital 5": a provision an override names, by the labels of this table where
 * it has them, and otherwise (a version that is not a column) by what its eId says.
 */
function sideWords(side: Override["a"], { comparison, dossier }: Corrections): string {
  const name = dossier.versions.find((v) => v.id === side.version)?.name ?? `version ${side.version}`;
  const column = comparison.versionIds.indexOf(side.version);
  const label = column < 0 ? undefined : provisionsIn(comparison, column).get(side.eId)?.label;
  return `${name}'s ${label ?? eIdLabel(side.eId) ?? side.eId}`;
}

/** Whether the table follows an override; undefined when a version it names is not among the columns. */
function followed(override: Override, { comparison }: Corrections): boolean | undefined {
  const [a, b] = [override.a, override.b].map((side) => comparison.versionIds.indexOf(side.version));
  if (a! < 0 || b! < 0) return undefined;
  return followedIn(comparison.rows, { ...override, a: { ...override.a, version: a! }, b: { ...override.b, version: b! } });
}

/** An override in words. */
export function correctionWords(override: Override, context: Corrections): string {
  const [a, b] = [sideWords(override.a, context), sideWords(override.b, context)];
  return override.kind === "pin" ? `${a} put in one row with ${b}` : `${a} kept apart from ${b}`;
}

/** The corrections of the dossier, and the form to make them for those who may. */
export function correctionsPanel(context: Corrections): HTMLElement {
  const { dossierId, comparison, dossier } = context;
  const current = dossier.overrides;
  const mayCorrect = dossier.role === "owner" || dossier.role === "drafter";
  const error = h("p", { class: "error", role: "alert" });
  const remake = (change: Change) => {
    // The page is made again at its address with the filters on screen written in it: the
    // address is read after, and before the new page's panel asks for the change (once its
    // table has come from the server).
    context.saved();
    lastChange = { change, address: location.hash, at: Date.now() };
  };
  /** A save on its way: a second click (a double click) sends nothing, as the first one's list is already being saved. */
  let saving = false;
  /** Saves a list; `made` is the correction the person made or put back, kept for them if the save is refused as stale. */
  const save = async (overrides: Override[], change: Change, made?: Override) => {
    if (saving) return;
    if (context.dossierRemoved()) {
      error.textContent = "Not saved: the dossier is no longer there.";
      return;
    }
    // A correction made naming a version removed since the table was made cannot be kept: said by its name.
    const removed = context.removed();
    const gone = made === undefined ? [] : [made.a.version, made.b.version].filter((v) => removed.has(v));
    if (gone.length > 0) {
      error.textContent = `Not saved: ${gone.map((v) => removed.get(v)).join(" and ")} ${gone.length === 1 ? "was" : "were"} removed from the dossier since this table was made, and a correction cannot name ${gone.length === 1 ? "it" : "them"}. Compare the versions still in the dossier to correct their alignment.`;
      return;
    }
    saving = true;
    panel.setAttribute("aria-busy", "true");
    error.textContent = "";
    try {
      await api("PUT", `/api/dossiers/${dossierId}/overrides`, { overrides, expected: current });
      remake(change);
    } catch (e) {
      if (e instanceof ApiFailure && e.code === "overrides-changed") {
        // Saved against a list that is no longer the dossier's: shown again with the list as it
        // is, the person's own correction offered again in the form.
        const said = "Not saved: the corrections were changed meanwhile. Here they are as they now are";
        // What became of the correction is said once the form has tried to take it again.
        remake(made ? { said, draft: made } : { said: `${said}.` });
        return;
      }
      // Refused: the panel stays, to be used again. (Saved, or stale, it gives way to the table made again, and takes no second save.)
      saving = false;
      panel.removeAttribute("aria-busy");
      if (e instanceof ApiFailure && e.status === 401) {
        // Signed out elsewhere, or expired: said in words, and the header follows.
        error.textContent = "Not saved: your session has ended. Sign in again, then make the change once more.";
        window.dispatchEvent(new Event("session-ended"));
        return;
      }
      error.textContent = e instanceof ApiFailure ? e.message : "the correction could not be saved";
    }
  };

  // Numbered as the server's messages number them ("override 2 names …").
  const list = h(
    "ol",
    { class: "correction-list" },
    ...current.map((override, k) =>
      h(
        "li",
        {},
        correctionWords(override, context),
        followed(override, context) === false
          ? h("span", { class: "not-followed" }, " (not followed: see the warning above the table)")
          : null,
        mayCorrect
          ? takeBack(k + 1, () =>
              save(
                current.filter((_, other) => other !== k),
                {
                  said: `Taken back: ${correctionWords(override, context)}.`,
                  putBack: { override, at: k },
                },
              ),
            )
          : null,
      ),
    ),
  );
  const panel = h(
    "details",
    { class: "corrections", ...(current.length > 0 ? { open: true } : {}) },
    h("summary", {}, `Alignment corrections (${current.length})`),
    current.length > 0 ? list : h("p", {}, "None: the rows are as the alignment found them."),
    error,
  );
  // On paper the list is shown, whether or not the panel is open on screen.
  let openOnScreen = panel.open;
  window.addEventListener(
    "beforeprint",
    () => {
      openOnScreen = panel.open;
      panel.open = true;
    },
    { signal: pageSignal() },
  );
  window.addEventListener("afterprint", () => (panel.open = openOnScreen), { signal: pageSignal() });
  const change = takeLastChange();
  const form = mayCorrect
    ? correctionForm(comparison, change?.draft ?? null, (override) =>
        save([...current, override], { said: `Saved: ${correctionWords(override, context)}.` }, override),
      )
    : null;
  if (form !== null) error.before(form.element);
  if (change !== null) {
    let said = change.said;
    // Said to be in the form only when the form could take it whole.
    if (change.draft !== undefined)
      said += form?.restored
        ? "; your correction is still in the form."
        : "; your correction names provisions this table no longer offers.";
    const status = h("p", { class: "saved", role: "status" }, said);
    const putBack = change.putBack;
    if (putBack !== undefined && mayCorrect) {
      const button = h("button", { type: "button", class: "put-back" }, "Put it back");
      button.addEventListener("click", () =>
        save(
          [...current.slice(0, putBack.at), putBack.override, ...current.slice(putBack.at)],
          { said: `Put back: ${correctionWords(putBack.override, context)}.` },
          putBack.override,
        ),
      );
      status.append(" ", button);
    }
    panel.querySelector("summary")!.after(status);
    panel.open = true;
    // Once the page is on screen.
    requestAnimationFrame(() => panel.querySelector("summary")!.focus());
  }
  return panel;
}

function takeBack(place: number, act: () => void): HTMLElement {
  const button = h("button", { type: "button", class: "take-back", "aria-label": `Take back correction ${place}` }, "Take back");
  button.addEventListener("click", act);
  return button;
}

/**
 * The form that makes a correction: its kind, and a provision of each of two versions; filled in
 * with `offered` where the table has its versions and provisions (`restored` says whether it did).
 */
function correctionForm(
  comparison: Corrections["comparison"],
  offered: Override | null,
  make: (override: Override) => void,
): { readonly element: HTMLElement; readonly restored: boolean } {
  const kind = (value: Override["kind"], words: string, checked: boolean) =>
    h("label", {}, h("input", { type: "radio", name: "correction-kind", value, checked }), ` ${words}`);
  /** A side of the correction: a version, and its provisions of the kinds `kinds()` lets through, asked once per filling. */
  const side = (id: string, standard: number, kinds: () => (type: string) => boolean) => {
    const version = h(
      "select",
      { id: `${id}-version` },
      ...comparison.versions.map((name, v) => h("option", { value: v, selected: v === standard }, name)),
    );
    const provision = h("select", { id: `${id}-provision` });
    const fill = () => {
      const before = provision.value;
      const fits = kinds();
      provision.replaceChildren(
        ...[...provisionsIn(comparison, Number(version.value)).values()]
          .filter((p) => fits(p.type))
          .map((p) => h("option", { value: p.eId }, p.text === "" ? p.label : `${p.label}: ${shortened(p.text)}`)),
      );
      if ([...provision.options].some((o) => o.value === before)) provision.value = before;
    };
    version.addEventListener("change", fill);
    /** Chooses a version's provision, when the table and this side offer it; whether it could. */
    const choose = (chosen: Override["a"]): boolean => {
      const column = comparison.versionIds.indexOf(chosen.version);
      if (column < 0 || version.options[column]!.disabled) return false;
      version.value = String(column);
      fill();
      if (![...provision.options].some((o) => o.value === chosen.eId)) return false;
      provision.value = chosen.eId;
      return true;
    };
    return { version, provision, fill, choose };
  };
  const a = side("correct-a", comparison.ref, () => () => true);
  // The second side offers what may stand in one row with the first, of another version: the
  // server refuses the rest ("a recital and an article never share a row").
  const b = side("correct-b", comparison.ref === 0 ? 1 : 0, () => {
    const first = provisionsIn(comparison, Number(a.version.value)).get(a.provision.value)?.type;
    return (type) => first === undefined || mayShareRow(first, type);
  });
  const matchFirst = () => {
    for (const option of b.version.options) option.disabled = option.value === a.version.value;
    if (b.version.value === a.version.value) b.version.value = [...b.version.options].find((o) => !o.disabled)?.value ?? b.version.value;
    b.fill();
  };
  a.fill();
  matchFirst();
  a.version.addEventListener("change", matchFirst);
  a.provision.addEventListener("change", matchFirst);
  let restored = false;
  if (offered !== null) {
    const firstChosen = a.choose(offered.a);
    matchFirst();
    restored = firstChosen && b.choose(offered.b);
  }
  const form = h(
    "form",
    { class: "correct" },
    h(
      "fieldset",
      {},
      h("legend", {}, "Correct the alignment"),
      kind("pin", "put in one row", offered?.kind !== "separate"),
      kind("separate", "keep apart", offered?.kind === "separate"),
      // Labels in view: a person who sees the form reads what each list is for, as a screen reader does.
      h("span", { class: "side" }, h("label", {}, "First version ", a.version), " ", h("label", {}, "first provision ", a.provision)),
      h(
        "span",
        { class: "side" },
        h("label", {}, "with second version ", b.version),
        " ",
        h("label", {}, "second provision ", b.provision),
      ),
      h("button", { type: "submit" }, "Save and compare again"),
    ),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const chosen = form.querySelector<HTMLInputElement>("input[name=correction-kind]:checked")!.value as Override["kind"];
    make({
      kind: chosen,
      a: { version: comparison.versionIds[Number(a.version.value)]!, eId: a.provision.value },
      b: { version: comparison.versionIds[Number(b.version.value)]!, eId: b.provision.value },
    });
  });
  return { element: form, restored };
}

function shortened(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length <= OPTION_WORDS ? line : `${line.slice(0, OPTION_WORDS - 1)}…`;
}
