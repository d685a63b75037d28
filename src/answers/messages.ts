/** What the bot says when no curated entry answers the question. */
export const DECLINE_TEXT = "I don't have an answer to that.";

/** What the bot says to a message it cannot read: it matches English only. */
export const ENGLISH_ONLY_TEXT =
  "I read English only, so I can't answer that. Try asking in English, for example:";

/** Introduces the "did you mean" suggestions under a decline. */
export const SUGGESTIONS_INTRO = "Did you mean:";

/** Labels the outlets under an answer. */
export const SOURCES_LABEL = "Sources:";

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
