/** Filters the story list on /stories/ in place; without JavaScript no-js.css hides the form. */
const form = document.querySelector<HTMLFormElement>("form.filters");
const cards = [...document.querySelectorAll<HTMLElement>(".story-card")];
const statusRegion = document.querySelector<HTMLElement>("#filter-status");

/** Does a card match every chosen filter? An empty choice matches all. */
function matches(card: HTMLElement, company: string, topic: string, kind: string): boolean {
  return (
    (!company || card.dataset["company"] === company) &&
    (!topic || (card.dataset["topics"] ?? "").split(" ").includes(topic)) &&
    (!kind || card.dataset["kind"] === kind)
  );
}

/** A form value as text: selects give strings, never files. */
function textOf(value: FormDataEntryValue | null): string {
  return typeof value === "string" ? value : "";
}

function apply(): void {
  if (!form || !statusRegion) return;
  const data = new FormData(form);
  const [company, topic, kind] = ["company", "topic", "kind"].map((key) => textOf(data.get(key)));
  let shown = 0;
  for (const card of cards) {
    const visible = matches(card, company ?? "", topic ?? "", kind ?? "");
    card.hidden = !visible;
    if (visible) shown += 1;
  }
  statusRegion.textContent =
    shown === cards.length ? `Showing all ${shown} stories.` : `Showing ${shown} of ${cards.length} stories.`;
  const params = new URLSearchParams();
  for (const [key, value] of data) if (textOf(value)) params.set(key, textOf(value));
  const query = params.toString();
  history.replaceState(null, "", query ? `?${query}` : location.pathname);
}

if (form) {
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
