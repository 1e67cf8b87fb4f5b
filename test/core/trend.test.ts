import { describe, expect, it } from 'vitest';
import { directionOfTravel, type Direction } from '../../src/core/trend.js';
import type { Measure } from '../../src/model/kpi.js';

describe('directionOfTravel', () => {
  it.each<[number | null, number | null, Measure['polarity'], number, Direction | null]>([
    [96.4, 95.1, 'higher', 1, 'improving'],
    [95.1, 96.4, 'higher', 1, 'declining'],
    [96.4, 96.4, 'higher', 1, 'unchanged'],
    [38, 40, 'lower', 0, 'improving'],
    [40, 38, 'lower', 0, 'declining'],
    [96.44, 96.36, 'higher', 1, 'unchanged'],
    [96.45, 96.44, 'higher', 1, 'improving'],
    [96.45, 96.44, 'higher', 2, 'improving'],
    [1.005, 1.0, 'higher', 2, 'improving'],
    [-0.04, 0.04, 'lower', 1, 'unchanged'],
    [5, 4, 'neutral', 0, null],
    [null, 4, 'higher', 0, null],
    [5, null, 'higher', 0, null],
  ])('%d from %d, %s is better, %i dp: %s', (current, comparison, polarity, decimals, direction) => {
    expect(directionOfTravel(current, comparison, { polarity, decimals })).toBe(direction);
  });
});
