import { describePostgres } from "../helpers/postgres.js";
import { postgresHarness } from "../helpers/storage-harness.js";
import { schedulerGuarantees } from "./scheduler-guarantees.js";

describePostgres("digest delivery on PostgreSQL", () => {
  schedulerGuarantees(postgresHarness);
});
