import type {
  FeedbackRecord,
  FeedbackStore,
  QuestionLog,
  QuestionLogRecord,
} from "../../src/storage/types.js";

/** Keeps what a listener stored, readable back through `records`, for listener tests. */
export class InMemoryFeedbackStore implements FeedbackStore {
  readonly records: FeedbackRecord[] = [];

  async recordFeedback(record: FeedbackRecord): Promise<void> {
    this.records.push(record);
  }
}

export class InMemoryQuestionLog implements QuestionLog {
  readonly records: QuestionLogRecord[] = [];

  async logQuestion(record: QuestionLogRecord): Promise<void> {
    this.records.push(record);
  }
}
