/** Where an owner's sent bundles are listed: the section's id on /account, and the link the reader's confirmation uses. */
export const SENT_BUNDLES_ID = 'sent-evidence';
export const SENT_BUNDLES_HREF = `/account#${SENT_BUNDLES_ID}`;
