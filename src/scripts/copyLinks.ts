/**
 * Adds a "Copy link" button beside each question's permalink. Without JavaScript the
 * permalink itself still works; the button only exists where it can do its job.
 */
const statusRegion = document.getElementById("copy-status");

for (const anchor of document.querySelectorAll<HTMLAnchorElement>(".transcript .heading-anchor")) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "copy-link";
  button.textContent = "Copy link";
  button.addEventListener("click", async () => {
    const url = new URL(anchor.hash, location.href).href;
    try {
      await navigator.clipboard.writeText(url);
      if (statusRegion) statusRegion.textContent = "Link to this question copied.";
    } catch {
      // Clipboard can be refused (permissions, insecure origin): fall back to the address bar.
      location.hash = anchor.hash;
      if (statusRegion) statusRegion.textContent = "Copy the link from the address bar.";
    }
  });
  // Beside the heading, not inside it, so the heading's accessible name stays the question.
  button.setAttribute("aria-label", `Copy link to: ${anchor.parentElement?.textContent ?? "this question"}`);
  (anchor.closest("h2, h3") ?? anchor).after(button);
}

// A module, so these names stay out of the global scope.
export {};
