/** What the bot says when no curated entry answers the question. */
export const DECLINE_TEXT = "I don't have an answer to that.";

/** What the bot says to a message it cannot read: it matches English only. */
export const ENGLISH_ONLY_TEXT =
  "I read English only, so I can't answer that. Try asking in English, for example:";

/** Introduces the "did you mean" suggestions under a decline. */
export const SUGGESTIONS_INTRO = "Did you mean:";

/**
 * The source line: the document an answer comes from, its date and the outlets it cites, e.g.
 * Source: “Ukraine-Russia Talks: Zelenskyy’s Bold Offer…” (22 Jul 2025), citing AP News, Newsmax.
 * `document` arrives quoted (and linked, in Slack), `date` formatted.
 */
export const SOURCE_TEXT = {
  /** Opens the line: "Source:" for one document (or outlet), "Sources:" for several. */
  line: (count: number, parts: string) => `${count === 1 ? "Source" : "Sources"}: ${parts}`,
  fromDocument: (document: string, date: string, outlets: string) =>
    `${document} (${date}), citing ${outlets}`,
  /** Sources known only by outlet (no title): "AP News, Newsmax (22 Jul 2025)". */
  outletsOnly: (outlets: string, date: string) => `${outlets} (${date})`,
  /** Appended to the plain line when the document came with a URL. */
  withUrl: (line: string, url: string) => `${line} — ${url}`,
  quotedTitle: (title: string) => `“${title}”`,
} as const;

/** Introduces the verbatim quote from the source document. */
export const EVIDENCE_LABEL = "From the article:";

/** How to call `npm run ask`, printed on stderr for bad usage. */
export const ASK_USAGE = [
  "Usage:",
  '  npm run --silent ask -- "question"          readable answer with sources and age',
  '  npm run --silent ask -- --json "question"   one line of JSON (the Answer object)',
  "  npm run --silent ask -- --jsonl             questions on stdin, one per line; one JSON line each",
  "Environment: KNOWLEDGE_DIR overrides the knowledge base directory (default: data/ in the repository).",
].join("\n");

/** Printed on stderr (and logged by the bot) when the sentence encoder cannot load; the reason follows. */
export const MEANING_MODEL_UNAVAILABLE =
  "The meaning model could not be loaded, so questions are matched by their words alone:";

/** Printed on stderr when the knowledge base cannot be loaded; the loader's message follows. */
export const KNOWLEDGE_LOAD_FAILED = "Cannot load the knowledge base:";

/** How the bot says how old its information is; `span` is "16 months", dates are already formatted. */
export const AGE_TEXT = {
  staleNothingNewer: (asOf: string, span: string) => `From ${asOf} — ${span} old; nothing newer in the data.`,
  staleNewerExists: (asOf: string, span: string, newest: string) =>
    `From ${asOf} — ${span} old; the newest document in the data is from ${newest}.`,
  eventPassedNothingLater: (label: string, date: string) =>
    `${label} was scheduled for ${date} — that date has passed; the data has nothing later.`,
  eventPassedNewerExists: (label: string, date: string, newest: string) =>
    `${label} was scheduled for ${date} — that date has passed; the newest document in the data is from ${newest}.`,
} as const;
