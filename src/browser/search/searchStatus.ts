import { href } from "../../lib/urls.ts";

/** Screen readers hear the count once typing settles, not once per keystroke. */
const ANNOUNCE_DELAY_MS = 300;

let waiting: ReturnType<typeof setTimeout> | undefined;

/** Puts a message in the live region after a short pause; a newer message replaces a waiting one, "" clears at once. */
export function showStatus(region: HTMLElement, message: string): void {
  clearTimeout(waiting);
  if (message === "") region.textContent = "";
  else waiting = setTimeout(() => (region.textContent = message), ANNOUNCE_DELAY_MS);
}

/** Says search could not load and offers the story index instead. */
export function showLoadError(region: HTMLElement): void {
  clearTimeout(waiting);
  const link = document.createElement("a");
  link.href = href("stories/");
  link.textContent = "browse every story";
  region.replaceChildren("Search could not load. Reload the page to try again, or ", link, ".");
}
