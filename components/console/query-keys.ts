/** The prefix of every inbox list query: a change to one item refreshes every filtered list at once. */
export const FEEDBACK_LIST_KEY = ['console-feedback'] as const;
