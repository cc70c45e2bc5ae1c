/**
 * How long an identity token should live. The service's JWT guide warns that the editor does not ask for a
 * new token when the one it holds expires during a session: the user is disconnected instead. So the
 * lifetime must cover a whole editing session.
 */

/** One working day: someone who opens a document in the morning can edit until evening without being cut off. */
export const RECOMMENDED_LIFETIME_SECONDS = 8 * 3600;

/** Beyond this a leaked token stays useful for days; no editing session needs that. */
export const LONG_LIFETIME_SECONDS = 24 * 3600;
