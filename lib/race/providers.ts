/**
 * Models of an `rtc_encryption_provider` and the key store behind it, shared by every client of one document
 * (in real deployments the store lives on the customer's server). Pure: every call returns a new state.
 */
export const PROVIDER_BEHAVIOURS = ['static', 'dynamic', 'discarding', 'new-key-per-hint'] as const;
export type ProviderBehaviour = (typeof PROVIDER_BEHAVIOURS)[number];

export interface ProviderDescription {
  label: string;
  summary: string;
  /** True when the behaviour keeps both rules of the connection process. */
  safe: boolean;
  /** Where the docs explain what this behaviour breaks, or how a safe provider is written. */
  docs: string;
}

export const SAFE_PROVIDER_DOCS = '/docs/session-race#writing-a-safe-provider';

export const PROVIDERS: Record<ProviderBehaviour, ProviderDescription> = {
  static: {
    label: 'Static key',
    summary: 'One fixed key for every document; every hint gives the same key.',
    safe: true,
    docs: '/docs/session-race#writing-a-safe-provider',
  },
  dynamic: {
    label: 'Dynamic, correct',
    summary:
      'A new key for each new session, stored before use; a hint always gives back its own key, and old keys are kept.',
    safe: true,
    docs: SAFE_PROVIDER_DOCS,
  },
  discarding: {
    label: 'Dynamic, discards old keys',
    summary: 'Keeps only the newest key for the document: making a key deletes the previous one.',
    safe: false,
    docs: '/docs/session-race#when-a-provider-discards-old-keys',
  },
  'new-key-per-hint': {
    label: 'Dynamic, new key for the same hint',
    summary: 'Ignores the hint it is asked for and hands out a fresh key every time.',
    safe: false,
    docs: '/docs/session-race#when-a-hint-returns-a-new-key',
  },
};

export interface KeyRecord {
  key: string;
  hint: string;
}

export interface ProviderState {
  behaviour: ProviderBehaviour;
  /** How many keys the provider has made so far: names keys K1, K2… and hints h1, h2… */
  made: number;
  /** The keys the provider can still look up by hint. */
  store: readonly KeyRecord[];
}

const STATIC_KEY: KeyRecord = { key: 'K', hint: 'static' };

export function initialProvider(behaviour: ProviderBehaviour): ProviderState {
  return { behaviour, made: 0, store: behaviour === 'static' ? [STATIC_KEY] : [] };
}

/** The provider called without a key hint: a new session needs a key. */
export function makeKey(state: ProviderState): {
  state: ProviderState;
  record: KeyRecord;
  discarded: readonly KeyRecord[];
} {
  if (state.behaviour === 'static') return { state, record: STATIC_KEY, discarded: [] };
  const made = state.made + 1;
  const record = { key: `K${made}`, hint: `h${made}` };
  if (state.behaviour === 'discarding')
    return { state: { ...state, made, store: [record] }, record, discarded: state.store };
  return { state: { ...state, made, store: [...state.store, record] }, record, discarded: [] };
}

/** The provider called with a key hint; `key` is null when it has nothing for that hint. */
export function keyForHint(state: ProviderState, hint: string): { state: ProviderState; key: string | null } {
  if (state.behaviour === 'new-key-per-hint') {
    const made = state.made + 1;
    return { state: { ...state, made }, key: `K${made}` };
  }
  return { state, key: state.store.find((record) => record.hint === hint)?.key ?? null };
}
