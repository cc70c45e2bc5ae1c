import { clientName, type ClientLane, type ClientPhase, type LaneSnapshot } from '@/lib/race';

const PHASE_TEXT: Record<ClientPhase, string> = {
  idle: 'Not started',
  'no-session': 'No session yet',
  'has-key': 'Has its own key',
  sent: 'Create-session sent',
  won: 'Won, setting up',
  waiting: 'Rejected, waiting',
  joining: 'Joining the session',
  collaborating: 'Collaborating',
  'cannot-decrypt': 'Cannot decrypt',
};

const card = 'rounded-lg border p-3 text-sm';

/** Each lane's state at the current event. */
export function LaneCards({ lanes }: { lanes: LaneSnapshot }) {
  return (
    <ul aria-label="Lanes now" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      {lanes.clients.map((lane, client) => (
        <li
          key={client}
          className={`${card} ${lane.phase === 'cannot-decrypt' ? 'border-red-300 bg-red-50 dark:border-red-800 dark:bg-red-950/40' : lane.phase === 'collaborating' ? 'border-emerald-300 bg-emerald-50 dark:border-emerald-800 dark:bg-emerald-950/40' : 'border-slate-200 dark:border-slate-700'}`}
        >
          <ClientCard lane={lane} client={client} />
        </li>
      ))}
      <li className={`${card} border-slate-200 dark:border-slate-700`}>
        <p className="font-semibold">Server</p>
        <p>
          {lanes.server.session === 'none'
            ? 'No session'
            : lanes.server.session === 'creating'
              ? `${clientName(lanes.server.winner ?? 0)} is creating the session`
              : 'Session available'}
        </p>
        {lanes.server.hint && (
          <p className="text-slate-700 dark:text-slate-300">
            Key hint <code>{lanes.server.hint}</code>
          </p>
        )}
      </li>
      <li className={`${card} border-slate-200 dark:border-slate-700`}>
        <p className="font-semibold">Provider’s key store</p>
        <p className="text-slate-700 dark:text-slate-300">
          {lanes.providerHints.length ? (
            <>
              Can look up{' '}
              {lanes.providerHints.map((hint, index) => (
                <span key={hint}>
                  {index > 0 && ', '}
                  <code>{hint}</code>
                </span>
              ))}
            </>
          ) : (
            'Empty'
          )}
        </p>
      </li>
    </ul>
  );
}

function ClientCard({ lane, client }: { lane: ClientLane; client: number }) {
  return (
    <>
      <p className="flex flex-wrap items-center gap-2 font-semibold">
        Client {clientName(client)}
        {lane.role && (
          <span className="rounded bg-slate-200 px-1.5 py-0.5 text-xs font-medium text-slate-800 dark:bg-slate-700 dark:text-slate-100">
            {lane.role}
          </span>
        )}
        {lane.status && <code className="text-xs">{lane.status}</code>}
      </p>
      <p>{PHASE_TEXT[lane.phase]}</p>
      {lane.key && (
        <p className="text-slate-700 dark:text-slate-300">
          Key <code>{lane.key}</code>, hint <code>{lane.hint}</code>
        </p>
      )}
      {!lane.key && lane.hint && (
        <p className="text-slate-700 dark:text-slate-300">
          No key for hint <code>{lane.hint}</code>
        </p>
      )}
    </>
  );
}
