import { describe, expect, it } from 'vitest';
import { isIsoDate } from '../../src/model/dates.js';

describe('isIsoDate: a real day written YYYY-MM-DD', () => {
  it.each(['2026-01-31', '2024-02-29', '2025-12-25', '0001-01-01'])('%s is', (d) => expect(isIsoDate(d)).toBe(true));
  it.each(['2026-02-30', '2025-02-29', '2026-13-01', '2026-00-10', '2026-1-31', '26-01-31', '2026-01-31T00:00', ' 2026-01-31', ''])('%s is not', (d) =>
    expect(isIsoDate(d)).toBe(false),
  );
});
