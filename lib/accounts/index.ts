// Customer accounts as the token checks and the JWK set endpoint see them.
export { API_KEY_PATTERN } from './api-key';
export * from './key-set';
