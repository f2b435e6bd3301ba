/*
 * Story pages: keeps the outline in step with the reader. The question being read gets
 * aria-current in the outline; from 1100 px the outline is a rail that is always open;
 * "Questions" links (#outline) open the disclosure they point at on narrow screens.
 */

const outline = document.querySelector<HTMLElement>("[data-outline]");
const details = outline?.querySelector("details");
const links = new Map(
  [...(outline?.querySelectorAll<HTMLAnchorElement>("a[href^='#']") ?? [])].map((a) => [
    decodeURIComponent(a.hash.slice(1)),
    a,
  ]),
);
const questions = [...document.querySelectorAll<HTMLElement>(".transcript h2[id]")].filter((h) => links.has(h.id));
const wide = matchMedia("(min-width: 1100px)");

// The rail shows the list even when <details> is closed (CSS); opening it keeps older
// browsers without ::details-content in step.
const openOnWide = () => {
  if (wide.matches && details) details.open = true;
};
openOnWide();
wide.addEventListener("change", openOnWide);

addEventListener("hashchange", () => {
  if (location.hash === "#outline" && details) details.open = true;
});
if (location.hash === "#outline" && details) details.open = true;

let current: HTMLAnchorElement | undefined;

/** The last question whose heading has passed the upper third of the window. */
function markCurrent(): void {
  const line = innerHeight / 3;
  let reading: HTMLElement | undefined;
  for (const question of questions) {
    if (question.getBoundingClientRect().top > line) break;
    reading = question;
  }
  const link = reading ? links.get(reading.id) : undefined;
  if (link === current) return;
  current?.removeAttribute("aria-current");
  current = link;
  if (!link) return;
  link.setAttribute("aria-current", "true");
  // Keep the marked link inside a rail that scrolls on its own, without scrolling the page.
  if (details && wide.matches && details.scrollHeight > details.clientHeight) {
    const box = link.getBoundingClientRect();
    const rail = details.getBoundingClientRect();
    if (box.top < rail.top || box.bottom > rail.bottom) details.scrollTop += box.top - rail.top - rail.height / 2;
  }
}

if (questions.length > 0) {
  // Headings crossing the upper third of the window are the only moments the answer can change.
  const observer = new IntersectionObserver(markCurrent, { rootMargin: "0px 0px -66% 0px" });
  for (const question of questions) observer.observe(question);
  // A jump (a link, the End key) can land between two headings without any crossing the line.
  addEventListener("scrollend", markCurrent);
  markCurrent();
}
