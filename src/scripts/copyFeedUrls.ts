/**
 * Copy buttons on /subscribe/. The page works without this script: every feed address is
 * visible text, so the buttons stay hidden until the script can make them work.
 */
const RESET_AFTER_MS = 2000;
const statusRegion = document.getElementById("copy-status");

function announce(message: string): void {
  if (!statusRegion) return;
  // Cleared first, so copying the same address twice is announced twice.
  statusRegion.textContent = "";
  requestAnimationFrame(() => (statusRegion.textContent = message));
}

/** Clipboard can be refused (permissions, insecure origin): select the address for Ctrl+C instead. */
function selectAddress(button: HTMLButtonElement): void {
  const address = button.parentElement?.querySelector("a");
  const selection = window.getSelection();
  if (!address || !selection) return;
  const range = document.createRange();
  range.selectNodeContents(address);
  selection.removeAllRanges();
  selection.addRange(range);
}

for (const button of document.querySelectorAll<HTMLButtonElement>("button[data-copy-url]")) {
  const label = button.querySelector("[data-copy-label]");
  const url = button.dataset["copyUrl"] ?? "";
  let timer = 0;
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(url);
      if (label) label.textContent = "Copied";
      announce(`Copied ${url}`);
    } catch {
      selectAddress(button);
      announce("Could not copy automatically. The address is selected: press Ctrl+C, or Command+C on a Mac.");
    }
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      if (label) label.textContent = "Copy";
    }, RESET_AFTER_MS);
  });
}
