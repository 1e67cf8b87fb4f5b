import { MEASURE, OUTTURNS } from '../../helpers/base-workspace.js';
import { edit, error, validateTable, warning } from '../../helpers/rule-tester.js';

// The base rows, for reference (columns: kpi 1, period 7, value 15, numerator 20, denominator 23):
//   1 kpi,period,value,numerator,denominator,reviewed_by,note
//   2 HC-01,2025-10,86.0,86,100,Repairs Manager,
//   3 HC-01,2025-11,85.5,171,200,Repairs Manager,
//   4 HC-01,2025-12,87.0,87,100,,awaiting sign-off
const row2 = (to: string) => ({ [OUTTURNS]: edit('HC-01,2025-10,86.0,86,100,Repairs Manager,', to) });
const row3 = (to: string) => ({ [OUTTURNS]: edit('HC-01,2025-11,85.5,171,200,Repairs Manager,', to) });
const row4 = (to: string) => ({ [OUTTURNS]: edit('HC-01,2025-12,87.0,87,100,,awaiting sign-off', to) });
const header = (to: string) => ({ [OUTTURNS]: edit('kpi,period,value,numerator,denominator,reviewed_by,note', to) });
const append = (rows: string) => ({ [OUTTURNS]: (b: string) => `${b}${rows}` });

/** Outturn CSV rows: shape, KPI, period, figures, ratios, duplicates. */
export default validateTable({
  name: 'outturn CSV rules',
  valid: [
    { name: 'a KPI id with spaces around it', files: row2(' HC-01 ,2025-10,86.0,86,100,Repairs Manager,') },
    { name: 'a header and no rows', files: { [OUTTURNS]: 'kpi,period,value\n' } },
    { name: 'a note over two lines, with a tab', files: row4('HC-01,2025-12,87.0,87,100,,"awaiting\tsign-off\nfrom the manager"') },
    {
      name: 'the first and last months of the years prf reads',
      files: append('HC-01,1901-01,86.0,86,100,Repairs Manager,\nHC-01,2098-12,86.0,86,100,Repairs Manager,\n'),
    },
    { name: 'n/a with no counts', files: row4('HC-01,2025-12,n/a,,,,system outage') },
    { name: 'a percentage with its % sign', files: row2('HC-01,2025-10,86.0%,86,100,Repairs Manager,') },
    { name: 'a value of 100%, the top of the range', files: row2('HC-01,2025-10,100.0,100,100,Repairs Manager,') },
    { name: 'a zero denominator with n/a as the value', files: row4('HC-01,2025-12,n/a,0,0,,no repairs this month') },
    { name: 'a value within half a unit of the counts at its decimals (85.55 for 85.5)', files: row3('HC-01,2025-11,85.55,171,200,Repairs Manager,') },
    { name: 'a blank value worked out from the counts', files: row3('HC-01,2025-11,,171,200,Repairs Manager,') },
    { name: 'not applicable ([z]) with its reason', files: append('HC-01,2026-01,[z],,,Repairs Manager,no repairs service this month\n') },
    { name: 'a fraction-like figure explained in the note', files: append('HC-01,2026-01,0.86,86,10000,Repairs Manager,new way of counting\n') },
    {
      name: 'a figure within its process limits',
      files: { [MEASURE]: (b: string) => `${b}spc:\n  minimumPoints: 2\n`, ...append('HC-01,2026-01,86.5,173,200,Repairs Manager,\n') },
    },
  ],
  invalid: [
    {
      name: 'an unclosed quote',
      files: row4('HC-01,2025-12,87.0,87,100,,"awaiting sign-off'),
      diagnostics: [error(OUTTURNS, 4, 1, 'csv-syntax', 'close the quote')],
    },
    {
      name: 'a mistyped column name',
      files: header('kpi,period,value,numerator,denominator,reviewd_by,note'),
      diagnostics: [error(OUTTURNS, 1, 40, 'csv-header', 'Did you mean "reviewed_by"?')],
    },
    {
      name: 'no value column',
      files: { [OUTTURNS]: 'kpi,period,note\nHC-01,2025-10,\n' },
      diagnostics: [error(OUTTURNS, 1, 1, 'csv-header', 'the header has no "value" column')],
    },
    {
      name: 'a column named twice',
      files: { [OUTTURNS]: 'kpi,period,value,Value\nHC-01,2025-10,86,86\n' },
      diagnostics: [error(OUTTURNS, 1, 18, 'csv-header', 'column "value" appears twice')],
    },
    {
      name: 'an unquoted thousands comma makes a cell too many',
      files: row3('HC-01,2025-11,85.5,171,200,Repairs Manager,,1,000'),
      diagnostics: [error(OUTTURNS, 3, 45, 'csv-ragged-row', 'quote a value that contains a comma')],
    },
    {
      name: 'a row with cells missing, reported at its end',
      files: row3('HC-01,2025-11,85.5'),
      diagnostics: [error(OUTTURNS, 3, 19, 'csv-ragged-row', 'add the missing cells')],
    },
    {
      name: 'a mistyped KPI id',
      files: row2('HC-O1,2025-10,86.0,86,100,Repairs Manager,'),
      diagnostics: [error(OUTTURNS, 2, 1, 'csv-unknown-kpi', 'Did you mean "HC-01"?')],
    },
    {
      name: 'an empty kpi cell',
      files: row2(',2025-10,86.0,86,100,Repairs Manager,'),
      diagnostics: [error(OUTTURNS, 2, 1, 'csv-unknown-kpi', 'the kpi cell is empty')],
    },
    {
      // Its rows are checked once the entry is fixed, not reported as unknown meanwhile.
      name: 'a KPI whose own file is broken: reported there, not on each of its rows',
      files: { [MEASURE]: edit('polarity: higher', 'polarity: hgiher') },
      diagnostics: [error(MEASURE, 17, 11, 'schema-invalid-value')],
    },
    {
      name: 'a figure for a project',
      files: append('HC-02,2025-26-Q3,50,,,Asset Manager,\n'),
      diagnostics: [error(OUTTURNS, 5, 1, 'csv-not-measure', 'commentary')],
    },
    {
      name: 'a month that does not exist',
      files: row3('HC-01,2025-13,85.5,171,200,Repairs Manager,'),
      diagnostics: [error(OUTTURNS, 3, 7, 'csv-period-invalid')],
    },
    {
      name: 'a fifth quarter',
      files: append('HC-01,2025-26-Q5,86.0,86,100,Repairs Manager,\n'),
      diagnostics: [error(OUTTURNS, 5, 7, 'csv-period-invalid', 'no quarter Q5')],
    },
    {
      name: 'a month in year 9999 (it would be filed in 9998-99.csv)',
      files: append('HC-01,9999-01,86.0,86,100,Repairs Manager,\n'),
      diagnostics: [
        error(OUTTURNS, 5, 7, 'csv-period-out-of-range', 'outside the years prf reads (financial years 1900-01 to 2098-99 and months 1901-01 to 2098-12)'),
      ],
    },
    {
      name: 'a month in year 0, and the first month after the range',
      files: append('HC-01,0000-01,86.0,86,100,Repairs Manager,\nHC-01,2099-01,86.0,86,100,Repairs Manager,\n'),
      diagnostics: [
        error(OUTTURNS, 5, 7, 'csv-period-out-of-range', '0000-01 is outside'),
        error(OUTTURNS, 6, 7, 'csv-period-out-of-range', '2099-01 is outside'),
      ],
    },
    {
      name: 'an escape sequence in reviewed_by (as a hostile --by once wrote it)',
      files: row3('HC-01,2025-11,85.5,171,200,Repairs Manager\u001b[2J,'),
      diagnostics: [error(OUTTURNS, 3, 28, 'text-control-character', 'reviewed_by holds a control character (U+001B)')],
    },
    {
      name: 'a line break in reviewed_by, and a bell in a note',
      files: row3('HC-01,2025-11,85.5,171,200,"Repairs\nManager",ring\u0007'),
      diagnostics: [
        error(OUTTURNS, 3, 28, 'text-control-character', '(U+000A)'),
        error(OUTTURNS, 4, 10, 'text-control-character', 'note holds a control character (U+0007)'),
      ],
    },
    {
      name: 'a quarter for a monthly KPI',
      files: row4('HC-01,2025-26-Q3,87.0,87,100,,awaiting sign-off'),
      diagnostics: [error(OUTTURNS, 4, 7, 'csv-period-frequency', 'a month such as 2025-10')],
    },
    {
      name: 'a blank value with no counts',
      files: row4('HC-01,2025-12,,,,,awaiting sign-off'),
      diagnostics: [warning(OUTTURNS, 4, 15, 'csv-value-blank', 'n/a')],
    },
    {
      name: 'a blank value, an error with --strict',
      strict: true,
      files: row4('HC-01,2025-12,,,,,awaiting sign-off'),
      diagnostics: [error(OUTTURNS, 4, 15, 'csv-value-blank', 'n/a')],
    },
    {
      name: 'text in the value cell',
      files: row3('HC-01,2025-11,eighty,171,200,Repairs Manager,'),
      diagnostics: [error(OUTTURNS, 3, 15, 'csv-value-invalid', 'value:')],
    },
    {
      name: 'a spreadsheet formula in the value cell',
      files: row3('HC-01,2025-11,=SUM(A1:A3),171,200,Repairs Manager,'),
      diagnostics: [error(OUTTURNS, 3, 15, 'csv-value-invalid', 'formula')],
    },
    {
      name: 'each invalid cell of a row is reported',
      files: row3('HC-01,2025-11,eighty,lots,200,Repairs Manager,'),
      diagnostics: [error(OUTTURNS, 3, 15, 'csv-value-invalid', 'value:'), error(OUTTURNS, 3, 22, 'csv-value-invalid', 'numerator:')],
    },
    {
      name: 'a percentage above 100',
      files: row2('HC-01,2025-10,120.0,,,Repairs Manager,'),
      diagnostics: [error(OUTTURNS, 2, 15, 'csv-value-range', 'percentage')],
    },
    {
      name: 'a share written as a fraction is not guessed',
      files: row2('HC-01,2025-10,-0.5,,,Repairs Manager,'),
      diagnostics: [error(OUTTURNS, 2, 15, 'csv-value-range', 'a share lies between 0 and 100')],
    },
    {
      name: 'a numerator without a denominator',
      files: row4('HC-01,2025-12,87.0,87,,,awaiting sign-off'),
      diagnostics: [error(OUTTURNS, 4, 23, 'csv-ratio-incomplete', 'both the numerator and the denominator')],
    },
    {
      name: 'a denominator without a numerator',
      files: row4('HC-01,2025-12,87.0,,100,,awaiting sign-off'),
      diagnostics: [error(OUTTURNS, 4, 20, 'csv-ratio-incomplete')],
    },
    {
      name: 'a zero denominator with a value',
      files: row4('HC-01,2025-12,87.0,0,0,,awaiting sign-off'),
      diagnostics: [error(OUTTURNS, 4, 22, 'csv-ratio-incomplete', 'the denominator is 0')],
    },
    {
      name: 'a ratio figure without its counts is a warning',
      files: row3('HC-01,2025-11,85.5,,,Repairs Manager,'),
      diagnostics: [warning(OUTTURNS, 3, 20, 'csv-ratio-counts-missing', 'quarter and year')],
    },
    {
      name: 'a ratio figure without its counts, an error with --strict',
      strict: true,
      files: row3('HC-01,2025-11,85.5,,,Repairs Manager,'),
      diagnostics: [error(OUTTURNS, 3, 20, 'csv-ratio-counts-missing', 'give the numerator and denominator too')],
    },
    {
      name: 'the value disagrees with numerator / denominator',
      files: row3('HC-01,2025-11,95.5,171,200,Repairs Manager,'),
      diagnostics: [error(OUTTURNS, 3, 15, 'csv-ratio-mismatch', '171 / 200 x 100 = 85.5')],
    },
    {
      name: 'a value just over half a unit from the counts (85.56 for 85.5)',
      files: row3('HC-01,2025-11,85.56,171,200,Repairs Manager,'),
      diagnostics: [error(OUTTURNS, 3, 15, 'csv-ratio-mismatch')],
    },
    {
      name: 'the same KPI and period in two files',
      files: { 'data/outturns/extra.csv': 'kpi,period,value,numerator,denominator\nHC-01,2025-10,86,86,100\n' },
      diagnostics: [error('data/outturns/extra.csv', 2, 1, 'csv-duplicate-row', 'data/outturns/2025-26.csv:2')],
    },
    {
      name: 'the same KPI and period twice in one file, reported at the second',
      files: append('HC-01,2025-11,85.5,171,200,Repairs Manager,\n'),
      diagnostics: [error(OUTTURNS, 5, 1, 'csv-duplicate-row', 'already given at data/outturns/2025-26.csv:3')],
    },
    {
      name: 'not applicable ([z]) with no reason',
      files: append('HC-01,2026-01,[z],,,Repairs Manager,\n'),
      diagnostics: [warning(OUTTURNS, 5, 15, 'csv-na-reason', 'recorded as not applicable with no reason')],
    },
    {
      name: 'a fraction typed for a percentage',
      files: append('HC-01,2026-01,0.86,86,10000,Repairs Manager,\n'),
      diagnostics: [warning(OUTTURNS, 5, 1, 'csv-value-fraction', '0.86 was probably meant as 86.0%')],
    },
    {
      name: 'a misplaced decimal point',
      files: append('HC-01,2026-01,8.6,86,1000,Repairs Manager,\n'),
      diagnostics: [warning(OUTTURNS, 5, 1, 'csv-value-scale', 'about 10 times smaller than the recent figures')],
    },
    {
      name: 'a figure outside the range the KPI declares',
      files: { [MEASURE]: (b: string) => `${b}range:\n  min: 0\n  max: 85.9\n` },
      diagnostics: [warning(OUTTURNS, 2, 1, 'csv-value-declared-range', 'outside the range HC-01 declares (0 to 85.9)')],
    },
    {
      name: 'a latest figure far outside its process limits',
      files: { [MEASURE]: (b: string) => `${b}spc:\n  minimumPoints: 2\n`, ...append('HC-01,2026-01,60.0,60,100,Repairs Manager,\n') },
      diagnostics: [warning(OUTTURNS, 5, 1, 'figure-implausible', 'far outside its process limits 83.5% to 88.8%')],
    },
  ],
});
