/*
 * The change map beside the scroll bar: the whole act as a thin strip, each changed row a tick
 * at its place, so one sees at a glance where the columns differ most; a click jumps there.
 */
import { pageSignal } from "../page-life";
import type { ComparisonRow } from "../../../shared/compare/comparison";

const COLOURS: Record<string, string> = {
  changed: "#c77700",
  // At least 3:1 against the map's ground (#f3f3f3), as a mark that carries meaning must be.
  renumbered: "#767676",
  inserted: "#1a7f37",
  deleted: "#b3261e",
  moved: "#5b3cc4",
  split: "#5b3cc4",
  merged: "#5b3cc4",
};

export function changeMap(rows: readonly ComparisonRow[], jump: (index: number) => void): HTMLCanvasElement {
  const canvas = document.createElement("canvas");
  canvas.className = "change-map";
  canvas.setAttribute("role", "img");
  const changed = rows.filter((r) => r.status !== "same").length;
  canvas.setAttribute("aria-label", `Change map: ${changed} of ${rows.length} rows differ`);
  const draw = () => {
    const height = canvas.clientHeight || 400;
    canvas.width = 14;
    canvas.height = height;
    const g = canvas.getContext("2d");
    if (!g) return;
    g.clearRect(0, 0, canvas.width, height);
    rows.forEach((row, i) => {
      const colour = COLOURS[row.status];
      if (!colour) return;
      g.fillStyle = colour;
      g.fillRect(row.depth === 0 ? 0 : 4, Math.floor((i / rows.length) * height), row.depth === 0 ? 14 : 10, 2);
    });
  };
  canvas.addEventListener("click", (e) => {
    const share = e.offsetY / (canvas.clientHeight || 1);
    jump(Math.min(rows.length - 1, Math.max(0, Math.floor(share * rows.length))));
  });
  const resized = new ResizeObserver(draw);
  resized.observe(canvas);
  // Watched while its page is on screen: the router's next page ends the watch.
  pageSignal().addEventListener("abort", () => resized.disconnect(), { once: true });
  return canvas;
}
