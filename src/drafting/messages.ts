/** The words the drafter puts around the article's own: question templates and answer framing. */
export const DRAFT_TEXT = {
  accordingTo: (outlets: string, claim: string) => `According to ${outlets}, ${claim}.`,
  /** For a claim the article attributes to a plan or a person, itself reported by the outlets. */
  outletsReport: (outlets: string, claim: string) => `${outlets} report that ${claim}.`,
  openQuestion: (question: string) => `The article leaves this open; it asks: “${question}”`,
  whatAbout: (topic: string) => `What about ${topic}?`,
  chatty: (topic: string) => `hey, what's going on with ${topic}?`,
  tellMeAbout: (topic: string, object: string) =>
    object === "" ? `tell me about ${topic}` : `tell me about ${topic} and ${object}`,
  whatDidOutletSay: (outlet: string, topic: string) => `what did ${outlet} say about ${topic}`,
  howMany: (what: string) => `how many ${what}`,
  whenIs: (what: string) => `when is the ${what}`,
  whatHappenedOn: (date: string) => `what happened on ${date}`,
  scheduledLabel: (what: string, asOf: string) => `${what}, scheduled as of ${asOf}`,
  noPosition: (side: string) =>
    `The article states no position for ${side}: write one or leave the card as it is.`,
} as const;

/** What `npm run draft` prints. */
export const DRAFT_CLI = {
  usage: [
    "Usage:",
    '  npm run draft -- FILE --title "Title" --date YYYY-MM-DD --outlets "Outlet A,Outlet B" [--url URL]',
    "      stores the article under KNOWLEDGE_DIR/documents/ and drafts entries, timeline events and a",
    "      status update under KNOWLEDGE_DIR/drafts/ for a curator to review and move into qa/.",
    "  npm run draft -- --check       validates KNOWLEDGE_DIR/drafts/ and lists what it holds",
    "  npm run draft -- --evaluate    drafts the data's documents in memory and scores the drafted",
    "      knowledge base on the labelled sets in tests/eval/ (dev, holdout, regression), next to the curated one",
  ].join("\n"),
  cannotRead: (file: string, reason: string) => `Cannot read the article ${file}: ${reason}`,
  badDocument: (problem: string) => `The article cannot be stored: ${problem}`,
  outletNotInText: (outlet: string) =>
    `--outlets names "${outlet}", which the article never mentions: give the outlets it cites, as it spells them.`,
  exists: (path: string) =>
    `${path} already exists: a document is drafted once. Remove it to draft it again.`,
  wrote: (path: string) => `wrote ${path}`,
  drafted: (entries: number, events: number) =>
    `Drafted ${entries} entries and ${events} timeline events, and a proposed status card. Review them, then move what is right into qa/, timeline.yml and status.yml: drafts are never served.`,
  checkSummary: (entries: number, events: number, statuses: number, problems: number) =>
    `Drafts: ${entries} entries, ${events} timeline events, ${statuses} status proposals; ${problems === 0 ? "no problems" : `${problems} ${problems === 1 ? "problem" : "problems"}`}.`,
  problem: (message: string) => `  problem: ${message}`,
  fileHeader: (title: string, date: string) =>
    [
      `Drafted by \`npm run draft\` from "${title}" (${date}). Not served: review every field against the`,
      "article, fix the questions and answers, then move what is right into qa/ (entries), timeline.yml",
      "or status.yml. Evidence is copied verbatim; answers name the outlet the sentence names, or the",
      "article's lead outlets when it names none.",
    ].join("\n"),
  evaluationRule:
    '"Right" for a drafted answer: its evidence comes from the same sentence of the document as the evidence of a curated entry the question is labelled with (its id or one of its `also`; draft ids differ from curated ids). The curated set is shown by that rule and by the labelled entries themselves.',
} as const;
