import { createAnswerEngine } from "../../src/answers/engine.js";
import { loadKnowledgeBase } from "../../src/knowledge/load.js";
import { loadMeaningModel } from "../../src/matching/semantic/meaning-model.js";

/**
 * Embeds the curated data once before the test files start, into the vector cache they all read: on a
 * fresh checkout every file would otherwise embed the same 1,300 phrasings at the same time.
 */
export default async function warmVectorCache(): Promise<void> {
  const meaning = await loadMeaningModel((error) => {
    throw error;
  });
  await createAnswerEngine(loadKnowledgeBase("data"), { meaning });
}
