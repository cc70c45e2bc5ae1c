// The values feedback and missed searches take, apart from the validation so that the schema and browser code
// import only these.

/** What a reader's feedback is at in the console inbox. */
export const FEEDBACK_STATUSES = ['new', 'in-progress', 'done'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

/** Why a search counts as a miss: nothing was found, or results were shown and the first was not opened. */
export const SEARCH_MISS_KINDS = ['no-result', 'not-opened'] as const;
export type SearchMissKind = (typeof SEARCH_MISS_KINDS)[number];
