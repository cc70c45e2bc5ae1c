'use client';

import { useId } from 'react';
import { Input, Select } from '@/components/ui/fields';
import {
  clientName,
  firstToArrive,
  MAX_CLIENTS,
  MAX_DELAY_MS,
  PROVIDER_BEHAVIOURS,
  PROVIDERS,
  RACE_MODES,
  withClientCount,
  type ClientTiming,
  type RaceMode,
  type RaceScenario,
} from '@/lib/race';

const MODE_LABELS: Record<RaceMode, string> = {
  timing: 'Step through one race',
  orderings: 'All orderings',
  live: 'Live against this server',
};

export function RaceControls({
  scenario,
  onChange,
}: {
  scenario: RaceScenario;
  onChange: (next: RaceScenario) => void;
}) {
  const providerId = useId();
  const providerHelpId = useId();
  const clientsId = useId();
  const set = (change: Partial<RaceScenario>) => onChange({ ...scenario, ...change, step: 0 });
  return (
    <div className="space-y-5 rounded-lg border border-slate-200 p-4 dark:border-slate-700">
      <fieldset>
        <legend className="mb-2 font-semibold">Mode</legend>
        <div className="flex flex-wrap gap-2">
          {RACE_MODES.map((mode) => (
            <label
              key={mode}
              className="flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-3 py-1.5 text-sm has-checked:border-brand-600 has-checked:bg-brand-50 has-focus-visible:outline-2 has-focus-visible:outline-brand-500 dark:border-slate-600 dark:has-checked:border-brand-400 dark:has-checked:bg-brand-900/40"
            >
              <input
                type="radio"
                name="race-mode"
                value={mode}
                checked={scenario.mode === mode}
                onChange={() =>
                  set({
                    mode,
                    ordering: null,
                    ...(mode === 'orderings' ? { clients: 2, timing: withClientCount(scenario.timing, 2) } : {}),
                  })
                }
                className="accent-brand-600"
              />
              {MODE_LABELS[mode]}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-[1fr_auto]">
        <div>
          <label htmlFor={providerId} className="mb-1 block font-semibold">
            Encryption provider
          </label>
          <Select
            id={providerId}
            aria-describedby={providerHelpId}
            value={scenario.provider}
            onChange={(event) => set({ provider: event.target.value as RaceScenario['provider'] })}
            className="text-sm"
          >
            {PROVIDER_BEHAVIOURS.map((behaviour) => (
              <option key={behaviour} value={behaviour}>
                {PROVIDERS[behaviour].label}
              </option>
            ))}
          </Select>
          <p id={providerHelpId} className="mt-1 text-sm text-slate-700 dark:text-slate-300">
            {PROVIDERS[scenario.provider].summary}
          </p>
        </div>
        <div>
          <label htmlFor={clientsId} className="mb-1 block font-semibold">
            Clients
          </label>
          <div className="w-20">
            <Select
              id={clientsId}
              value={scenario.clients}
              disabled={scenario.mode === 'orderings'}
              aria-describedby={scenario.mode === 'orderings' ? `${clientsId}-note` : undefined}
              onChange={(event) => {
                const clients = Number(event.target.value);
                set({ clients, timing: withClientCount(scenario.timing, clients) });
              }}
              className="text-sm"
            >
              {Array.from({ length: MAX_CLIENTS - 1 }, (_, index) => index + 2).map((count) => (
                <option key={count} value={count}>
                  {count}
                </option>
              ))}
            </Select>
          </div>
          {scenario.mode === 'orderings' && (
            <p id={`${clientsId}-note`} className="mt-1 text-xs text-slate-700 dark:text-slate-300">
              Two clients when listing every ordering.
            </p>
          )}
        </div>
      </div>
      {scenario.mode !== 'orderings' && <TimingControls scenario={scenario} onChange={(timing) => set({ timing })} />}
    </div>
  );
}

function TimingControls({
  scenario,
  onChange,
}: {
  scenario: RaceScenario;
  onChange: (timing: RaceScenario['timing']) => void;
}) {
  const firstId = useId();
  const setupId = useId();
  const { timing } = scenario;
  const first = firstToArrive(timing);
  const setClient = (client: number, change: Partial<ClientTiming>) =>
    onChange({
      ...timing,
      clients: timing.clients.map((entry, index) => (index === client ? { ...entry, ...change } : entry)),
    });
  // Choosing who reaches the server first swaps that client's timings with the current first's.
  const makeFirst = (client: number) => {
    const clients = [...timing.clients];
    [clients[client], clients[first]] = [clients[first]!, clients[client]!];
    onChange({ ...timing, clients });
  };
  return (
    <fieldset className="space-y-3">
      <legend className="mb-1 font-semibold">Timing</legend>
      <div className="flex flex-wrap items-end gap-4">
        <div className="w-40">
          <label htmlFor={firstId} className="mb-1 block text-sm font-medium">
            Reaches the server first
          </label>
          <Select
            id={firstId}
            value={first}
            onChange={(event) => makeFirst(Number(event.target.value))}
            className="text-sm"
          >
            {timing.clients.map((_, client) => (
              <option key={client} value={client}>
                Client {clientName(client)}
              </option>
            ))}
          </Select>
        </div>
        <div className="w-28">
          <label htmlFor={setupId} className="mb-1 block text-sm font-medium">
            Server setup (ms)
          </label>
          <NumberInput id={setupId} value={timing.setupMs} onChange={(setupMs) => onChange({ ...timing, setupMs })} />
        </div>
      </div>
      <div className="overflow-x-auto">
        <table className="text-sm">
          <caption className="sr-only">Delays per client, in milliseconds</caption>
          <thead>
            <tr className="text-left">
              <th scope="col" className="pr-2 pb-1 font-medium sm:pr-3">
                Client
              </th>
              <th scope="col" className="pr-2 pb-1 font-medium sm:pr-3">
                Starts at (ms)
              </th>
              <th scope="col" className="pr-2 pb-1 font-medium sm:pr-3">
                Provider takes (ms)
              </th>
              <th scope="col" className="pb-1 font-medium">
                Network delay (ms)
              </th>
            </tr>
          </thead>
          <tbody>
            {timing.clients.map((client, index) => (
              <tr key={index}>
                <th scope="row" className="pr-3 text-left font-semibold">
                  {clientName(index)}
                </th>
                <td className="py-0.5 pr-2 sm:pr-3">
                  <NumberInput
                    label={`Client ${clientName(index)} starts at (ms)`}
                    value={client.startMs}
                    onChange={(startMs) => setClient(index, { startMs })}
                  />
                </td>
                <td className="py-0.5 pr-2 sm:pr-3">
                  <NumberInput
                    label={`Client ${clientName(index)} provider takes (ms)`}
                    value={client.keyMs}
                    onChange={(keyMs) => setClient(index, { keyMs })}
                  />
                </td>
                <td className="py-0.5">
                  <NumberInput
                    label={`Client ${clientName(index)} network delay (ms)`}
                    value={client.networkMs}
                    onChange={(networkMs) => setClient(index, { networkMs })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-xs text-slate-700 dark:text-slate-300">
        A client’s key is made at start + 2 × network + provider time, and its create-session reaches the server one
        network delay later.
      </p>
    </fieldset>
  );
}

function NumberInput({
  id,
  label,
  value,
  onChange,
}: {
  id?: string;
  label?: string;
  value: number;
  onChange: (value: number) => void;
}) {
  return (
    <div className="w-20 sm:w-24">
      <Input
        id={id}
        aria-label={label}
        type="number"
        inputMode="numeric"
        min={0}
        max={MAX_DELAY_MS}
        step={5}
        value={value}
        onChange={(event) => {
          const next = Math.round(Number(event.target.value));
          if (Number.isFinite(next)) onChange(Math.min(Math.max(next, 0), MAX_DELAY_MS));
        }}
        className="text-sm tabular-nums"
      />
    </div>
  );
}
