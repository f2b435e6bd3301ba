/** Dates as the archive stores them ("2020-05", "2020-05-14") and as pages show them. */
import { site } from "../site.config.ts";

const monthYear = new Intl.DateTimeFormat(site.locale, { month: "long", year: "numeric", timeZone: "UTC" });
const dayMonthYear = new Intl.DateTimeFormat(site.locale, {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

/** Month names as pages show them, January first. */
export const MONTHS = Array.from({ length: 12 }, (_, m) =>
  new Intl.DateTimeFormat(site.locale, { month: "long", timeZone: "UTC" }).format(Date.UTC(2000, m, 1)),
);

/** "2020-05" -> "May 2020"; "2020-05-14" -> "14 May 2020". */
export function formatPartialDate(value: string): string {
  const date = partialDateToDate(value);
  return value.length > 7 ? dayMonthYear.format(date) : monthYear.format(date);
}

/** A Date for sorting and feeds; a month alone counts as its first day (UTC). */
export function partialDateToDate(value: string): Date {
  const [year, month, day] = value.split("-").map(Number);
  // Not Date.UTC: it reads years 0-99 as 1900-1999.
  const date = new Date(0);
  date.setUTCFullYear(year ?? 1970, (month ?? 1) - 1, day ?? 1);
  return date;
}
