/** The short phrases every list and page shows about a story or a person, each written once. */
import { site } from "../site.config.ts";
import type { StoryData } from "../schema/schema.ts";

/** "Staff Engineer at Stripe"; either half alone when the other is missing; "" when both are. */
export function roleLine(role: string | undefined, company: string | undefined): string {
  if (role && company) return `${role} at ${company}`;
  return role || company || "";
}

/** "Interview" or "Discussion" ("Interviews" … with `plural`). */
export function kindLabel(kind: StoryData["kind"], plural = false): string {
  const labels = site.kinds[kind];
  return plural ? labels.other : labels.one;
}
