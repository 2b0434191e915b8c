/*
 * The automated accessibility check of axe-core (Deque), run inside a page as it stands: the
 * rules of WCAG 2.2 at levels A and AA, and axe's best practices. What axe cannot decide (the
 * contrast of words over a striped background) it leaves undecided rather than failed, and no
 * rule stands for trying the pages with a screen reader.
 */
import axe from "axe-core";
import type { Page } from "playwright-core";

const RULE_SETS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

/**
 * What axe finds wrong with the page, a line for each rule broken: its name, how serious, what
 * it asks, and where (the first three elements). Empty when it finds nothing.
 */
export async function accessibilityFaults(page: Page): Promise<string[]> {
  // Evaluated through the debugging protocol, which the page's Content Security Policy does not govern.
  await page.evaluate(axe.source);
  const results = await page.evaluate(
    (values) => (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: "tag", values } }),
    RULE_SETS,
  );
  return results.violations.map(
    (v) =>
      `${v.id} (${v.impact ?? "impact unknown"}): ${v.help}, at ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(" "))
        .join("; ")}${v.nodes.length > 3 ? ` and ${v.nodes.length - 3} more` : ""}`,
  );
}
