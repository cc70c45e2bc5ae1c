// What each header member and claim an identity token carries means to the service: the docs' claims table
// (components/docs/claim-table.tsx) and the token workbench's explanations both read this one list.
import { REQUIRED_CLAIMS } from './claims';

export const DOCUMENT_CLAIM = 'https://claims.tiny.cloud/rtc/document';
export const ROLE_CLAIM = 'https://claims.tiny.cloud/rtc/role';

export interface ClaimNote {
  name: string;
  part: 'header' | 'payload';
  required: boolean;
  meaning: string;
}

const required = (name: string) => (REQUIRED_CLAIMS as readonly string[]).includes(name);

export const CLAIM_NOTES: readonly ClaimNote[] = [
  {
    name: 'alg',
    part: 'header',
    required: true,
    meaning: 'The signing algorithm: one the service accepts, RS256 recommended',
  },
  {
    name: 'typ',
    part: 'header',
    required: false,
    meaning: 'The token type, "JWT" by convention; the service does not read it',
  },
  {
    name: 'kid',
    part: 'header',
    required: false,
    meaning: "The ID of the public key that checks the signature: one of the account's registered keys",
  },
  {
    name: 'sub',
    part: 'payload',
    required: required('sub'),
    meaning: "The user's ID: a non-empty string, unique to that user",
  },
  {
    name: 'exp',
    part: 'payload',
    required: required('exp'),
    meaning: 'Expiry time, in seconds since 1970-01-01 UTC (not milliseconds)',
  },
  { name: 'iat', part: 'payload', required: required('iat'), meaning: 'When the token was issued, same unit' },
  {
    name: 'nbf',
    part: 'payload',
    required: required('nbf'),
    meaning: 'The token is refused before this time, same unit',
  },
  {
    name: DOCUMENT_CLAIM,
    part: 'payload',
    required: false,
    meaning: 'The one document ID this token may open; without it the token opens any document of the account',
  },
  {
    name: ROLE_CLAIM,
    part: 'payload',
    required: false,
    meaning: '"editor" (the default) or "viewer", which opens the editor in read-only mode',
  },
];

export function claimNote(part: ClaimNote['part'], name: string): ClaimNote | undefined {
  return CLAIM_NOTES.find((note) => note.part === part && note.name === name);
}
