/** What an account's API key looks like: it travels in URLs and in every page that loads the editor. */
export const API_KEY_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;
