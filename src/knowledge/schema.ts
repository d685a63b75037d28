import { z } from "zod";

/**
 * True when `value` names a day that exists. `Date.parse` alone is not enough: it rolls 2025-02-30 over
 * into March instead of rejecting it, so the parsed date must print back as the same text.
 */
function isRealDay(value: string): boolean {
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

/** A calendar date as curators write it: `2025-07-22`. */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD")
  .refine(isRealDay, "is not a real calendar date");

/** Timeline events may be known only to the month (`2022-11`) or to the day. */
const isoDateOrMonth = z
  .string()
  .regex(/^\d{4}-\d{2}(-\d{2})?$/, "must be a date written YYYY-MM-DD or a month written YYYY-MM")
  .refine((value) => isRealDay(value.length === 7 ? `${value}-01` : value), "is not a real calendar date");

const nonEmpty = z.string().trim().min(1, "must not be empty");

/** A source article, stored whole so every evidence quote can be checked against it. */
export const documentSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "must be lower-case letters, digits and dashes"),
    title: nonEmpty,
    date: isoDate,
    /** The outlets the document itself cites; entries may only attribute to these. */
    outlets: z.array(nonEmpty).min(1, "must name at least one outlet"),
    /** Only a URL that came with the document; never a guessed one. */
    url: z.url().optional(),
    text: nonEmpty,
  })
  .strict();

export const entrySourceSchema = z
  .object({
    document: nonEmpty,
    outlets: z.array(nonEmpty).min(1, "must name at least one outlet"),
  })
  .strict();

export const entrySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "must be lower-case letters, digits and dashes"),
    question: nonEmpty,
    alternates: z.array(nonEmpty).min(1, "must list at least one alternate phrasing"),
    /**
     * Questions about the entry's subject that the documents do not answer ("which cities were hit?"): the
     * bot declines them, offering this entry, instead of answering as if it knew.
     */
    unanswered: z.array(nonEmpty).default([]),
    answer: nonEmpty.max(600, "must be short: at most 600 characters"),
    sources: z.array(entrySourceSchema).min(1, "must cite at least one source"),
    evidence: nonEmpty,
    tags: z.array(nonEmpty).default([]),
    asOf: isoDate,
    /**
     * The scheduled event the entry is about, when it is about one: once the date has gone by, the bot
     * says so from the clock, so the answer never reads as if it were still ahead.
     */
    scheduledEvent: z.object({ date: isoDate, label: nonEmpty }).strict().optional(),
  })
  .strict();

export const entryFileSchema = z
  .object({ entries: z.array(z.unknown()).min(1, "must hold at least one entry") })
  .strict();

export const statusSchema = z
  .object({
    summary: nonEmpty,
    positions: z.object({ ukraine: nonEmpty, russia: nonEmpty }).strict(),
    nextEvent: z.object({ date: isoDate, label: nonEmpty }).strict().nullable(),
    latest: z.array(nonEmpty).min(1),
    sources: z.array(entrySourceSchema).min(1),
    asOf: isoDate,
    /** Entry ids to offer someone who has not asked a question the bot can read yet. */
    examples: z.array(nonEmpty).min(1).max(3).optional(),
  })
  .strict();

export const timelineEventSchema = z
  .object({
    date: isoDateOrMonth,
    label: nonEmpty,
    sources: z.array(entrySourceSchema).min(1),
    evidence: nonEmpty,
  })
  .strict();

export const timelineSchema = z.object({ events: z.array(timelineEventSchema).min(1) }).strict();

/** What an entity is: two entities of one kind are different subjects. */
export const ENTITY_KINDS = ["person", "country", "place", "organisation", "outlet", "event"] as const;

/** A person, place, organisation, outlet or event the documents name, with the other names people use. */
export const entitySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "must be lower-case letters, digits and dashes"),
    kind: z.enum(ENTITY_KINDS),
    name: nonEmpty,
    aliases: z.array(nonEmpty).min(1, "must list at least one alias"),
  })
  .strict();

export const entityFileSchema = z
  .object({ entities: z.array(z.unknown()).min(1, "must hold at least one entity") })
  .strict();

export type SourceDocument = z.infer<typeof documentSchema>;
export type EntrySource = z.infer<typeof entrySourceSchema>;
export type Entry = z.infer<typeof entrySchema>;
export type Status = z.infer<typeof statusSchema>;
export type TimelineEvent = z.infer<typeof timelineEventSchema>;
export type Entity = z.infer<typeof entitySchema>;
export type EntityKind = Entity["kind"];
