import { type DecisionModels, decisionModelsSchema } from "./model.js";
import fitted from "./models.json" with { type: "json" };

/** The decision models `npm run fit` wrote, checked as they load: a hand-edited file fails here, loudly. */
export const DECISION_MODELS: DecisionModels = decisionModelsSchema.parse(fitted);
