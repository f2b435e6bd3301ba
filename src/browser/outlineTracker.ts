/* Story pages: the question being read gets aria-current in the outline. */

const outline = document.getElementById("outline");
const details = outline?.querySelector("details");
const links = new Map([...(outline?.querySelectorAll("a") ?? [])].map((a) => [a.getAttribute("href"), a]));
const questions = [...document.querySelectorAll<HTMLElement>(".transcript h2")].filter((h) => links.has(`#${h.id}`));

// "Questions" links (#outline) open the disclosure they lead to.
const openOnArrival = () => {
  if (location.hash === "#outline" && details) details.open = true;
};
addEventListener("hashchange", openOnArrival);
openOnArrival();

let current: HTMLAnchorElement | undefined;

/** Marks the last question whose heading has passed the upper third of the window. */
function markCurrent(): void {
  let reading: HTMLElement | undefined;
  for (const question of questions) {
    if (question.getBoundingClientRect().top > innerHeight / 3) break;
    reading = question;
  }
  const link = reading && links.get(`#${reading.id}`);
  if (link === current) return;
  current?.removeAttribute("aria-current");
  current = link;
  if (!link || !details) return;
  link.setAttribute("aria-current", "true");
  // A rail too long for the window scrolls on its own (elsewhere this is a no-op): keep the mark in it.
  details.scrollTop = link.offsetTop - details.clientHeight / 2;
}

if (questions.length > 0) {
  // Headings crossing the upper third of the window are the only moments the answer can change.
  const observer = new IntersectionObserver(markCurrent, { rootMargin: "0px 0px -66% 0px" });
  for (const question of questions) observer.observe(question);
  // A jump (a link, the End key) can land between two headings without any crossing the line.
  addEventListener("scrollend", markCurrent);
  markCurrent();
}
