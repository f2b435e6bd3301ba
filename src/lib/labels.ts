/** The short phrases every list and page shows about a story or a person, each written once. */
import { site } from "../site.config.ts";
import type { StoryData } from "../schema/schema.ts";

/** "Staff Engineer at Stripe"; either half alone when the other is missing; "" when both are. */
export function roleLine(role: string | undefined, company: string | undefined): string {
  if (role && company) return `${role} at ${company}`;
  return role || company || "";
}

/** "Interview" or "Discussion". */
export function kindLabel(kind: StoryData["kind"]): string {
  return site.kinds[kind].one;
}
