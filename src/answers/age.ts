const DAY_MS = 86_400_000;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Information older than this is flagged with its age wherever it is shown. */
export const STALE_AFTER_DAYS = 30;

export interface InformationAge {
  /** "22 Jul 2025" */
  asOfLabel: string;
  days: number;
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

function wholeMonthsBetween(from: Date, to: Date): number {
  let months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth());
  if (to.getUTCDate() < from.getUTCDate()) months -= 1;
  return Math.max(0, months);
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? "" : "s"} ago`;
}

/** How old information dated `asOf` (YYYY-MM-DD) is at `now`. */
export function describeAge(asOf: string, now: Date): InformationAge {
  const asOfDate = new Date(`${asOf}T00:00:00Z`);
  const days = Math.max(0, Math.floor((now.getTime() - asOfDate.getTime()) / DAY_MS));
  const months = wholeMonthsBetween(asOfDate, now);
  let ago: string;
  if (days === 0) ago = "today";
  else if (months >= 24) ago = plural(Math.floor(months / 12), "year");
  else if (months >= 1) ago = plural(months, "month");
  else ago = plural(days, "day");
  return { asOfLabel: formatDate(asOf), days, ago, stale: days > STALE_AFTER_DAYS };
}

/** "As of 22 Jul 2025 — 16 months ago" when stale; "As of 22 Jul 2025" otherwise. */
export function ageLine(asOf: string, now: Date): string {
  const age = describeAge(asOf, now);
  return age.stale ? staleAgeLine(age) : `As of ${age.asOfLabel}`;
}

/** "As of 22 Jul 2025 — 16 months ago", from an age already worked out. */
export function staleAgeLine(age: InformationAge): string {
  return `As of ${age.asOfLabel} — ${age.ago}`;
}
