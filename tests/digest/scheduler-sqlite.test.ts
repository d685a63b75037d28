import { describe } from "vitest";
import { sqliteHarness } from "../helpers/storage-harness.js";
import { schedulerGuarantees } from "./scheduler-guarantees.js";

describe("digest delivery on SQLite", () => {
  schedulerGuarantees(sqliteHarness);
});
