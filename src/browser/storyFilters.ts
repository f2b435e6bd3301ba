/** Filters the story list on /stories/ in place; without JavaScript no-js.css hides the form. */
const form = document.querySelector<HTMLFormElement>("form.filters");
const cards = [...document.querySelectorAll<HTMLElement>(".story-card")];
const statusRegion = document.querySelector<HTMLElement>("#filter-status");

if (form && statusRegion) {
  const apply = (): void => {
    // Each select names a card's data attribute (topic holds several, space-separated); an empty choice matches all.
    const chosen = new URLSearchParams();
    for (const select of form.querySelectorAll("select")) if (select.value) chosen.set(select.name, select.value);
    let shown = 0;
    for (const card of cards) {
      card.hidden = [...chosen].some(([name, value]) => !(card.dataset[name] ?? "").split(" ").includes(value));
      if (!card.hidden) shown += 1;
    }
    statusRegion.textContent =
      shown === cards.length ? `Showing all ${shown} stories.` : `Showing ${shown} of ${cards.length} stories.`;
    const query = chosen.toString();
    history.replaceState(null, "", query ? `?${query}` : location.pathname);
  };
  const params = new URLSearchParams(location.search);
  for (const select of form.querySelectorAll("select")) {
    const wanted = params.get(select.name);
    if (wanted && [...select.options].some((o) => o.value === wanted)) select.value = wanted;
  }
  form.addEventListener("change", apply);
  form.addEventListener("reset", () => setTimeout(apply));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    apply();
  });
  if (params.size > 0) apply();
}

// A module, so these names stay out of the global scope.
export {};
