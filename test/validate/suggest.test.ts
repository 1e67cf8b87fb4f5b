import { describe, expect, it } from 'vitest';
import { didYouMean } from '../../src/diagnostics/suggest.js';

describe('didYouMean', () => {
  it.each([
    ['owener', ['owner', 'collector', 'reviewer'], 'owner'],
    ['hgiher', ['higher', 'lower', 'neutral'], 'higher'],
    ['HC-O1', ['HC-01', 'HC-02'], 'HC-01'],
    ['Reviewer', ['owner', 'reviewer'], 'reviewer'],
    ['banana', ['owner', 'reviewer'], undefined],
    ['', ['owner'], undefined],
  ])('%j among %j -> %j', (input, candidates, expected) => {
    expect(didYouMean(input, candidates)).toBe(expected);
  });
});
