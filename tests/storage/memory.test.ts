import { describe } from "vitest";
import { createMemoryStorage } from "../../src/storage/memory.js";
import { storageContract } from "./storage-contract.js";

describe("in-memory storage", () => {
  storageContract(async () => {
    const storage = createMemoryStorage();
    return { open: async () => storage, cleanup: () => storage.close() };
  });
});
