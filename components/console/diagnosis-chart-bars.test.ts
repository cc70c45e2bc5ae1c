import { expect, it } from 'vitest';
import type { AccountDiagnoses } from '@/lib/api/console-accounts';
import { axisTop, CHART, chartBars, colourOf, lastSeen, shortDay, SERIES_COLOURS } from './diagnosis-chart-bars';

const diagnoses: AccountDiagnoses = {
  days: [
    { day: '2026-06-28', counts: {} },
    { day: '2026-06-29', counts: { TOKEN_EXPIRED: 2 } },
    { day: '2026-06-30', counts: { TOKEN_EXPIRED: 6, TOKEN_SIGNATURE_INVALID: 2 } },
  ],
  codes: [
    { code: 'TOKEN_EXPIRED', title: 'Token has expired', docs: '/docs/errors/token-expired', total: 8 },
    { code: 'TOKEN_SIGNATURE_INVALID', title: 'Bad signature', docs: null, total: 2 },
  ],
};

it('rounds the axis up to a readable number at or above the busiest day', () => {
  expect([0, 1, 4, 8, 12, 37, 99, 640].map(axisTop)).toEqual([1, 1, 4, 8, 20, 40, 100, 800]);
});

it('stacks each day’s codes in the legend’s order, scaled to the axis, with no segment for a zero', () => {
  const { bars, top } = chartBars(diagnoses);
  expect(top).toBe(8);
  const plot = CHART.height - CHART.axis;
  expect(bars.map((bar) => bar.total)).toEqual([0, 2, 8]);
  expect(bars[0]!.segments).toEqual([]);
  const [expired, signature] = bars[2]!.segments;
  expect(expired).toMatchObject({ code: 'TOKEN_EXPIRED', count: 6, colour: SERIES_COLOURS[0], height: (6 / 8) * plot });
  expect(signature).toMatchObject({ code: 'TOKEN_SIGNATURE_INVALID', colour: SERIES_COLOURS[1], y: 0 });
  expect(expired!.y).toBeCloseTo(plot - (6 / 8) * plot);
  // Bars share the width evenly and keep inside it.
  expect(bars[2]!.x + bars[2]!.width).toBeLessThanOrEqual(CHART.width);
});

it('cycles colours past the palette, labels days in UTC and finds the last day each code was seen', () => {
  expect(colourOf(SERIES_COLOURS.length)).toBe(SERIES_COLOURS[0]);
  expect(shortDay('2026-06-30')).toBe('30 Jun');
  expect(lastSeen(diagnoses, 'TOKEN_EXPIRED')).toBe('2026-06-30');
  expect(lastSeen(diagnoses, 'OTHER')).toBeUndefined();
});
