/**
 * Local dates and times in a subscription's own zone. Intl does the zone arithmetic (DST included), so
 * nothing here adds or subtracts hours by hand.
 */

export interface LocalDateTime {
  /** "YYYY-MM-DD" */
  date: string;
  /** "HH:MM", 24-hour */
  time: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock date and time in `timeZone` at the instant `now`. */
export function localDateTime(now: Date, timeZone: string): LocalDateTime {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(now)) parts[part.type] = part.value;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
  };
}

/** "9:05" or "09:05" → "09:05"; null for anything else ("25:00", "9am", "9"). */
export function parseTimeOfDay(text: string): string | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (match === null) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`;
}

/** The zone list by lower-case name, built on first use: every `/talks` text may go through here. */
let listedZones: Map<string, string> | undefined;

/**
 * An IANA zone name as Intl knows it, spelled the way the zone list spells it when a user typed it in
 * another case ("europe/kyiv" → "Europe/Kyiv"); null when Intl does not know the zone.
 */
export function resolveTimeZone(text: string): string | null {
  const name = text.trim();
  if (name === "") return null;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
  } catch {
    return null;
  }
  const lower = name.toLowerCase();
  listedZones ??= new Map(Intl.supportedValuesOf("timeZone").map((zone) => [zone.toLowerCase(), zone]));
  const listed = listedZones.get(lower);
  if (listed !== undefined) return listed;
  // Names newer than the zone list (Node 20 lists "Europe/Kiev" but accepts "Europe/Kyiv"). Keep the
  // user's own capitals; all lower case is fixed to the usual spelling.
  if (name !== lower) return name;
  return name.includes("/")
    ? name.replace(
        /(^|[/_-])([a-z])/g,
        (_, boundary: string, letter: string) => boundary + letter.toUpperCase(),
      )
    : name.toUpperCase();
}

/**
 * The local date whose digest is due at `now`, or null when it is not yet time. Due once the local
 * clock reads the subscription's time or later, so a time skipped by a DST jump (02:30 on a spring-
 * forward night) is delivered at the first check after it, and a repeated hour changes nothing. A
 * subscription made after today's time starts tomorrow rather than posting at once.
 */
export function dueLocalDate(
  subscription: { time: string; timeZone: string; createdAt: Date },
  now: Date,
): string | null {
  const local = localDateTime(now, subscription.timeZone);
  if (local.time < subscription.time) return null;
  const created = localDateTime(subscription.createdAt, subscription.timeZone);
  if (created.date === local.date && created.time > subscription.time) return null;
  return local.date;
}
