import { RESULT_LINK_CLASS } from "./renderResults.ts";

/** Arrow keys walk from the search box through the result links and back; Esc returns to the box, then clears it. */
export function wireResultKeys(input: HTMLInputElement, results: HTMLElement, clear: () => void): void {
  const links = () => [...results.querySelectorAll<HTMLAnchorElement>(`a.${RESULT_LINK_CLASS}`)];

  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown") {
      const first = links()[0];
      if (!first) return;
      event.preventDefault();
      first.focus();
    } else if (event.key === "Escape" && input.value !== "") {
      // Handle it ourselves so every browser clears the box and the results alike.
      event.preventDefault();
      clear();
    }
  });

  results.addEventListener("keydown", (event) => {
    if (!(event.target instanceof HTMLAnchorElement)) return;
    const all = links();
    const at = all.indexOf(event.target);
    if (at === -1) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const next = event.key === "ArrowDown" ? all[at + 1] : all[at - 1];
      (next ?? (event.key === "ArrowUp" ? input : event.target)).focus();
    } else if (event.key === "Escape") {
      event.preventDefault();
      input.focus();
    }
  });
}
