/** Who is asking: an account owner, support staff, or nobody signed in. */
export type Viewer =
  | { userId: string; email: string; role: 'owner'; accountId: string }
  | { userId: string; email: string; role: 'staff'; accountId: null }
  | null;

export type KeyAction = 'read' | 'add' | 'delete' | 'audit';

export type Decision = 'allowed' | 'unauthenticated' | 'forbidden';

/** Owners do everything on their own account; staff read every account and change none. */
export function authorize(viewer: Viewer, action: KeyAction, accountId: string): Decision {
  if (!viewer) return 'unauthenticated';
  if (viewer.role === 'staff') return action === 'read' || action === 'audit' ? 'allowed' : 'forbidden';
  return viewer.accountId === accountId ? 'allowed' : 'forbidden';
}

/** The support console (its inbox and missed searches): staff only, to read and to triage alike. */
export function authorizeConsole(viewer: Viewer): Decision {
  if (!viewer) return 'unauthenticated';
  return viewer.role === 'staff' ? 'allowed' : 'forbidden';
}
