import { MONTH_NAMES } from "../matching/lexicon.js";
import type { Token } from "./analyse.js";

const MONTHS = MONTH_NAMES;

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * A DATE entity the NLP library found ("July 23, 2025", "November 2022", "July 22") as the data
 * writes dates: YYYY-MM-DD, or YYYY-MM when only the month is given. A date without a year takes the
 * article's. Null for dates it cannot pin to a month ("last week", "recent months").
 */
export function isoDateOf(tokens: readonly Token[], fallbackYear: number): string | null {
  let month: number | null = null;
  let day: number | null = null;
  let year: number | null = null;
  for (const token of tokens) {
    const lower = token.text.toLowerCase();
    const monthIndex = MONTHS.indexOf(lower);
    if (monthIndex >= 0) month = monthIndex + 1;
    else if (token.type === "number" || token.pos === "NUM") {
      const value = Number(token.text.replace(/(st|nd|rd|th)$/, ""));
      if (!Number.isInteger(value)) continue;
      if (value >= 1000) year = value;
      else if (value >= 1 && value <= 31) day = value;
    }
  }
  if (month === null) return null;
  const fullYear = year ?? fallbackYear;
  if (day === null) return `${fullYear}-${pad(month)}`;
  const iso = `${fullYear}-${pad(month)}-${pad(day)}`;
  // 31 June and the like are not dates.
  return new Date(`${iso}T00:00:00Z`).toISOString().startsWith(iso) ? iso : null;
}
