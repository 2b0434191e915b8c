/*
 * A removal that asks once more in place: "Remove…" shows the question with its two answers,
 * "Keep it" (focused first, and Escape) takes it back, and the other answer removes. What is
 * removed is gone for every member, so the question is asked every time.
 */
import { ApiFailure } from "./api";
import { h } from "./dom";

export interface RemovalQuestion {
  /** The first button's name for screen readers, when its words ("Remove…") do not say what it removes. */
  readonly askLabel?: string;
  readonly ask: string;
  /** The question, and an id for it unique on the page: it describes both answers. */
  readonly question: string;
  readonly questionId: string;
  /** The answer that removes ("Remove Council mandate"). */
  readonly confirm: string;
  /** Removes; its refusal is said beside the buttons. */
  readonly remove: () => Promise<void>;
}

export function removalQuestion(r: RemovalQuestion): HTMLElement {
  const ask = h("button", { type: "button", class: "remove", ...(r.askLabel ? { "aria-label": r.askLabel } : {}) }, r.ask);
  // The question describes both answers, so that "Keep it", focused first, is heard with it.
  const yes = h("button", { type: "button", class: "remove danger", "aria-describedby": r.questionId }, r.confirm);
  const keep = h("button", { type: "button", "aria-describedby": r.questionId }, "Keep it");
  const question = h("span", { id: r.questionId }, r.question);
  const confirm = h("span", { class: "confirm", hidden: true }, question, " ", yes, " ", keep);
  const message = h("span", { class: "error", role: "alert" });
  ask.addEventListener("click", () => {
    ask.hidden = true;
    confirm.hidden = false;
    keep.focus();
  });
  const cancel = () => {
    // A removal already sent is not called back by hiding its question.
    if (yes.disabled) return;
    confirm.hidden = true;
    ask.hidden = false;
    ask.focus();
  };
  keep.addEventListener("click", cancel);
  confirm.addEventListener("keydown", (e) => {
    if (e.key === "Escape") cancel();
  });
  yes.addEventListener("click", () => {
    yes.disabled = true;
    message.textContent = "";
    r.remove().catch((err: unknown) => {
      yes.disabled = false;
      if (err instanceof ApiFailure && err.status === 401) window.dispatchEvent(new Event("session-ended"));
      message.textContent = err instanceof ApiFailure ? `Not removed: ${err.message}` : "Not removed: the server could not be reached.";
    });
  });
  return h("span", { class: "removal" }, ask, confirm, message);
}
