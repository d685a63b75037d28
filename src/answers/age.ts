import { MONTH_NAMES } from "../matching/lexicon.js";
import { AGE_TEXT } from "./messages.js";

const DAY_MS = 86_400_000;
/** "July" and "Jul", from the one list of month names. */
const LONG_MONTHS = MONTH_NAMES.map((month) => `${month[0]?.toUpperCase()}${month.slice(1)}`);
const MONTHS = LONG_MONTHS.map((month) => month.slice(0, 3));

/** STALE_AFTER_DAYS when unset: information older than this opens with its age wherever it is shown. */
export const DEFAULT_STALE_AFTER_DAYS = 14;

/** When something is read, and from what age on it must say how old it is. */
export interface AgeContext {
  now: Date;
  /** STALE_AFTER_DAYS */
  staleAfterDays: number;
}

export interface InformationAge {
  /** "22 Jul 2025" */
  asOfLabel: string;
  days: number;
  /** "16 months", "3 days", "today" */
  span: string;
  /** "16 months ago", "3 days ago", "today" */
  ago: string;
  stale: boolean;
}

/** Formats a YYYY-MM-DD (or YYYY-MM) date for people: "22 Jul 2025" or "Nov 2022". */
export function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-");
  const monthName = MONTHS[Number(month) - 1] ?? month;
  return day === undefined ? `${monthName} ${year}` : `${Number(day)} ${monthName} ${year}`;
}

/** The same date with the month in full, as a question about it is phrased: "23 July 2025". */
export function formatLongDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-");
  const monthName = LONG_MONTHS[Number(month) - 1] ?? month;
  return day === undefined ? `${monthName} ${year}` : `${Number(day)} ${monthName} ${year}`;
}

/** The UTC calendar day of an instant, "YYYY-MM-DD". */
export function isoDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

function wholeMonthsBetween(from: Date, to: Date): number {
  let months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth());
  if (to.getUTCDate() < from.getUTCDate()) months -= 1;
  return Math.max(0, months);
}

function count(amount: number, unit: string): string {
  return `${amount} ${unit}${amount === 1 ? "" : "s"}`;
}

/** How old information dated `asOf` (YYYY-MM-DD) is at `now`; stale once older than `staleAfterDays`. */
export function describeAge(
  asOf: string,
  now: Date,
  staleAfterDays: number = DEFAULT_STALE_AFTER_DAYS,
): InformationAge {
  const asOfDate = new Date(`${asOf}T00:00:00Z`);
  const days = Math.max(0, Math.floor((now.getTime() - asOfDate.getTime()) / DAY_MS));
  const months = wholeMonthsBetween(asOfDate, now);
  let span: string;
  if (days === 0) span = "today";
  else if (months >= 24) span = count(Math.floor(months / 12), "year");
  else if (months >= 1) span = count(months, "month");
  else span = count(days, "day");
  return {
    asOfLabel: formatDate(asOf),
    days,
    span,
    ago: days === 0 ? span : `${span} ago`,
    stale: days > staleAfterDays,
  };
}

/** "As of 22 Jul 2025 — 16 months ago": the quiet age line shown under fresh information. */
export function ageLine(asOf: string, now: Date): string {
  const age = describeAge(asOf, now);
  return `As of ${age.asOfLabel} — ${age.ago}`;
}

/**
 * The newest date in the data: the latest document's. "Nothing newer in the data" is true of
 * information dated on or after it.
 */
export function newestDataDate(documents: Iterable<{ date: string }>): string {
  let newest = "";
  for (const document of documents) if (document.date > newest) newest = document.date;
  return newest;
}

/**
 * The line that opens anything older than STALE_AFTER_DAYS: "From 22 Jul 2025 — 16 months old; nothing
 * newer in the data." Null while the information is fresh.
 */
export function staleLine(asOf: string, newestDate: string, context: AgeContext): string | null {
  const age = describeAge(asOf, context.now, context.staleAfterDays);
  if (!age.stale) return null;
  return asOf >= newestDate
    ? AGE_TEXT.staleNothingNewer(age.asOfLabel, age.span)
    : AGE_TEXT.staleNewerExists(age.asOfLabel, age.span, formatDate(newestDate));
}

/**
 * Said of an answer about a scheduled event once its date has gone by (in UTC), worked out from the
 * clock rather than written into the data; null while the date is still ahead.
 */
export function passedEventLine(
  event: { date: string; label: string },
  newestDate: string,
  now: Date,
): string | null {
  if (event.date >= isoDay(now)) return null;
  const date = formatDate(event.date);
  return newestDate <= event.date
    ? AGE_TEXT.eventPassedNothingLater(event.label, date)
    : AGE_TEXT.eventPassedNewerExists(event.label, date, formatDate(newestDate));
}
