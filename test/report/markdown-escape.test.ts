import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../src/render/markdown-escape.js';

describe('escapeMarkdown', () => {
  it.each([
    ['plain text', 'Repairs completed', 'Repairs completed'],
    ['a figure at the start', '11.3% is worse', '11.3% is worse'],
    ['an ordered-list start', '1. First', '1\\. First'],
    ['a table pipe', 'a | b', 'a \\| b'],
    ['emphasis and links', '*bold* [x](y)', '\\*bold\\* \\[x\\](y)'],
    ['raw HTML', '<script>', '\\<script\\>'],
    ['a heading start', '# Title', '\\# Title'],
    ['a list start', '- item', '\\- item'],
    ['line breaks', 'one\ntwo', 'one two'],
  ])('%s', (_name, input, output) => expect(escapeMarkdown(input)).toBe(output));
});
