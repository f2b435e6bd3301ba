/** Copy buttons on /subscribe/; without this script every feed address is still visible text. */
import { el } from "./el.ts";

const RESET_AFTER_MS = 2000;
const statusRegion = document.getElementById("copy-status");

function announce(message: string): void {
  if (!statusRegion) return;
  // Cleared first, so copying the same address twice is announced twice.
  statusRegion.textContent = "";
  requestAnimationFrame(() => (statusRegion.textContent = message));
}

function copyButton(name: string, address: HTMLAnchorElement): HTMLButtonElement {
  const button = el("button", "feed-item__copy");
  button.type = "button";
  const label = el("span", undefined, "Copy");
  button.append(label, el("span", "visually-hidden", ` the feed address for ${name}`));
  let timer = 0;
  button.addEventListener("click", () => void copy());
  return button;

  async function copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(address.href);
      label.textContent = "Copied";
      announce(`Copied ${address.href}`);
    } catch {
      // Refused (permissions, insecure origin): the address is selected for Ctrl+C instead.
      window.getSelection()?.selectAllChildren(address);
      announce("Could not copy automatically. The address is selected: press Ctrl+C, or Command+C on a Mac.");
    }
    window.clearTimeout(timer);
    timer = window.setTimeout(() => (label.textContent = "Copy"), RESET_AFTER_MS);
  }
}

for (const item of document.querySelectorAll<HTMLElement>(".feed-item")) {
  const address = item.querySelector<HTMLAnchorElement>(".feed-item__url");
  const name = item.querySelector(".feed-item__name")?.textContent ?? "";
  if (address) address.after(copyButton(name, address));
}
