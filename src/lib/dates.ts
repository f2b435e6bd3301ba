/** Month names as pages show them. */
export const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "2020-05" -> "May 2020"; "2020-05-14" -> "14 May 2020". */
export function formatPartialDate(value: string): string {
  const [year, month, day] = value.split("-");
  const monthName = MONTHS[Number(month) - 1] ?? "";
  return day ? `${Number(day)} ${monthName} ${year}` : `${monthName} ${year}`;
}

/** A Date for sorting and feeds; a month alone counts as its first day (UTC). */
export function partialDateToDate(value: string): Date {
  const [year, month, day] = value.split("-").map(Number);
  // Not Date.UTC: it reads years 0-99 as 1900-1999.
  const date = new Date(0);
  date.setUTCFullYear(year ?? 1970, (month ?? 1) - 1, day ?? 1);
  return date;
}

/** The four-digit year of a partial date. */
export function yearOf(value: string): string {
  return value.slice(0, 4);
}
