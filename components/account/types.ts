/** The shapes of GET /api/accounts/{apiKey}/keys and …/audit, as the account page reads them. */

export interface StoredKey {
  id: string;
  kid: string;
  kty: string;
  alg: string | null;
  thumbprint: string;
  createdAt: string;
  lastUsedAt: string | null;
  jwk: Record<string, unknown>;
  /** The deployment's accepted algorithms this key can check; empty when tokens signed with it would be refused. */
  acceptedAlgorithms?: string[];
}

export interface KeysBody {
  account?: { name: string; apiKey: string };
  keys: StoredKey[];
}

export interface AuditEvent {
  id: number;
  action: string;
  actorId: string;
  actorRole: string;
  keyKid: string | null;
  at: string;
}

export interface AuditBody {
  events: AuditEvent[];
}

/** One finding of the §2 key check, as a refused upload reports it. */
export interface KeyFinding {
  code: string;
  message: string;
  docs?: string;
}

export interface UploadProblem {
  message: string;
  keys: { kid: string | null; errors: KeyFinding[]; warnings?: KeyFinding[] }[];
  errors: KeyFinding[];
}
