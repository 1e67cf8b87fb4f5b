import { createRequire } from 'node:module';
import type Holidays from 'date-holidays';
import { isIsoDate } from '../model/dates.js';

/** Whether an ISO date (`2025-12-25`) is a holiday. */
export type IsHoliday = (isoDate: string) => boolean;

const DAY_MS = 86_400_000;

function toUtc(isoDate: string): number {
  if (!isIsoDate(isoDate)) throw new RangeError(`"${isoDate}" is not a date written YYYY-MM-DD`);
  return Date.parse(`${isoDate}T00:00:00Z`);
}

/**
 * The date `n` working days after `isoDate`, skipping Saturdays, Sundays and holidays: the day a
 * figure with an n-day reporting lag is due. `isoDate` itself never counts, and 0 returns it as
 * it is (due on the period's last day, whatever day that is).
 */
export function addWorkingDays(isoDate: string, n: number, isHoliday: IsHoliday): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number of 0 or more, not ${n}`);
  let ms = toUtc(isoDate);
  for (let left = n; left > 0;) {
    ms += DAY_MS;
    const day = new Date(ms);
    const weekday = day.getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !isHoliday(day.toISOString().slice(0, 10))) left--;
  }
  return new Date(ms).toISOString().slice(0, 10);
}

// Importing `date-holidays` takes about a quarter of a second, which a static import would charge
// to every command that loads this module. So the library (its CommonJS build, whose export is
// the class) is required on the first question about a date, and each year's holidays are
// worked out once.
let calendar: Holidays | undefined;
const holidaysByYear = new Map<number, Set<string>>();

function englishCalendar(): Holidays {
  if (!calendar) {
    const HolidaysClass = createRequire(import.meta.url)('date-holidays') as typeof Holidays;
    calendar = new HolidaysClass('GB', 'ENG');
  }
  return calendar;
}

function publicHolidaysIn(year: number): Set<string> {
  let dates = holidaysByYear.get(year);
  if (!dates) {
    // Public holidays only: the calendar also lists observances (Mother's Day, Easter Sunday).
    // Substitute days (a Monday off for a Christmas on a Saturday) are public holidays too.
    dates = new Set(
      englishCalendar()
        .getHolidays(year)
        .filter((h) => h.type === 'public')
        .map((h) => h.date.slice(0, 10)),
    );
    holidaysByYear.set(year, dates);
  }
  return dates;
}

/** Bank holidays in England and Wales (Wales keeps England's), from the `date-holidays` calendar. */
export function englandAndWalesBankHolidays(): IsHoliday {
  return (isoDate) => publicHolidaysIn(Number(isoDate.slice(0, 4))).has(isoDate);
}
