import { href } from "../../lib/urls.ts";

/** Screen readers hear the count once typing settles, not once per keystroke. */
const ANNOUNCE_DELAY_MS = 300;

const timers = new WeakMap<HTMLElement, ReturnType<typeof setTimeout>>();

/** Puts a message in the live region after a short pause; a newer message replaces a waiting one. */
export function showStatus(region: HTMLElement, message: string): void {
  clearTimeout(timers.get(region));
  if (message === "") {
    region.textContent = "";
    return;
  }
  timers.set(
    region,
    setTimeout(() => (region.textContent = message), ANNOUNCE_DELAY_MS),
  );
}

/** Says search could not load and offers the story index instead. */
export function showLoadError(region: HTMLElement): void {
  clearTimeout(timers.get(region));
  const link = document.createElement("a");
  link.href = href("stories/");
  link.textContent = "browse every story";
  region.replaceChildren("Search could not load. Reload the page to try again, or ", link, ".");
}
