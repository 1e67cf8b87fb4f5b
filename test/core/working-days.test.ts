import { describe, expect, it } from 'vitest';
import { addWorkingDays, englandAndWalesBankHolidays } from '../../src/core/working-days.js';

const listed = (dates: string[]) => (iso: string) => dates.includes(iso);
const none = listed([]);

describe('addWorkingDays', () => {
  it.each([
    // 2025-12-31 is a Wednesday.
    { name: 'zero days is the day itself', from: '2025-12-31', n: 0, holidays: [], expected: '2025-12-31' },
    { name: 'zero days from a Saturday stays on it', from: '2026-01-03', n: 0, holidays: [], expected: '2026-01-03' },
    { name: 'one day', from: '2025-12-31', n: 1, holidays: [], expected: '2026-01-01' },
    { name: 'one day past a holiday', from: '2025-12-31', n: 1, holidays: ['2026-01-01'], expected: '2026-01-02' },
    { name: 'Friday plus one is Monday', from: '2026-01-02', n: 1, holidays: [], expected: '2026-01-05' },
    { name: 'from a Saturday, one day is Monday', from: '2026-01-03', n: 1, holidays: [], expected: '2026-01-05' },
    { name: 'from a Sunday, one day is Monday', from: '2026-01-04', n: 1, holidays: [], expected: '2026-01-05' },
    { name: 'five days is a week', from: '2026-01-05', n: 5, holidays: [], expected: '2026-01-12' },
    // The Q3 example: 8 working days after 31 December, skipping New Year's Day.
    { name: 'Q3 lag of 8 skipping 1 January', from: '2025-12-31', n: 8, holidays: ['2026-01-01'], expected: '2026-01-13' },
    { name: 'Q3 lag of 8 with no holidays', from: '2025-12-31', n: 8, holidays: [], expected: '2026-01-12' },
    { name: 'a holiday on a weekend is not skipped twice', from: '2026-01-02', n: 1, holidays: ['2026-01-03'], expected: '2026-01-05' },
    { name: 'across a month end (30-day month)', from: '2025-06-30', n: 1, holidays: [], expected: '2025-07-01' },
    { name: 'across 29 February', from: '2028-02-28', n: 1, holidays: [], expected: '2028-02-29' },
    { name: 'across a year end', from: '2026-12-24', n: 1, holidays: ['2026-12-25', '2026-12-28'], expected: '2026-12-29' },
  ])('$name: $from + $n = $expected', ({ from, n, holidays, expected }) => {
    expect(addWorkingDays(from, n, listed(holidays))).toBe(expected);
  });

  it('asks only about weekdays after the start', () => {
    const asked: string[] = [];
    addWorkingDays('2026-01-02', 2, (iso) => {
      asked.push(iso);
      return false;
    });
    expect(asked).toEqual(['2026-01-05', '2026-01-06']);
  });

  it.each([
    { from: '2025-12-31', n: -1, message: /whole number of 0 or more/ },
    { from: '2025-12-31', n: 1.5, message: /whole number of 0 or more/ },
    { from: '2025-02-30', n: 1, message: /not a date/ },
    { from: '31/12/2025', n: 1, message: /not a date/ },
  ])('refuses $from + $n', ({ from, n, message }) => {
    expect(() => addWorkingDays(from, n, none)).toThrow(message);
  });
});

describe('englandAndWalesBankHolidays', () => {
  const isHoliday = englandAndWalesBankHolidays();

  it.each([
    { date: '2025-08-25', holiday: true, why: 'Summer bank holiday' },
    { date: '2025-12-25', holiday: true, why: 'Christmas Day' },
    { date: '2025-12-26', holiday: true, why: 'Boxing Day' },
    { date: '2026-01-01', holiday: true, why: "New Year's Day" },
    { date: '2026-04-03', holiday: true, why: 'Good Friday' },
    { date: '2026-04-06', holiday: true, why: 'Easter Monday' },
    { date: '2026-05-04', holiday: true, why: 'Early May bank holiday' },
    { date: '2026-12-28', holiday: true, why: 'Boxing Day substitute (26th is a Saturday)' },
    { date: '2026-04-05', holiday: false, why: 'Easter Sunday is an observance, not a bank holiday' },
    { date: '2026-03-15', holiday: false, why: "Mother's Day is an observance" },
    { date: '2026-01-02', holiday: false, why: '2 January is a bank holiday in Scotland only' },
    { date: '2026-03-17', holiday: false, why: "St Patrick's Day is a bank holiday in Northern Ireland only" },
    { date: '2025-12-24', holiday: false, why: 'Christmas Eve' },
  ])('$date: $holiday ($why)', ({ date, holiday }) => {
    expect(isHoliday(date)).toBe(holiday);
  });

  it.each([
    { from: '2025-12-31', n: 8, expected: '2026-01-13' }, // Q3 2025-26, New Year's Day skipped
    { from: '2026-03-31', n: 8, expected: '2026-04-14' }, // Q4 2025-26, Good Friday and Easter Monday skipped
    { from: '2026-12-24', n: 1, expected: '2026-12-29' }, // Christmas Day and the Boxing Day substitute skipped
  ])('with the real calendar, $from + $n working days = $expected', ({ from, n, expected }) => {
    expect(addWorkingDays(from, n, isHoliday)).toBe(expected);
  });

  it('separate lookups agree', () => {
    expect(englandAndWalesBankHolidays()('2027-12-27')).toBe(isHoliday('2027-12-27'));
    expect(isHoliday('2027-12-27')).toBe(true);
  });
});
