/** What the rules reference (docs/guide/rules.md, written by `npm run docs`) says about one code. */
export interface RuleDoc {
  /** What the code means, in one sentence. */
  summary: string;
  /** The severity prf gives it; `--strict` makes every warning an error. */
  severity: 'error' | 'warning';
  /** What in the input makes prf report it, as the code that reports it checks. */
  trigger: string;
  /** What the officer does to clear it. */
  fix: string;
  /** A short piece of offending input, the file it would be in, and a word on it if the text alone cannot show it. */
  example: { file: string; text: string; note?: string };
}

/**
 * Every diagnostic code prf can emit, with its documentation. Codes are stable: CI configurations
 * and other tools match on them. A test checks that each code is asserted by a test, and another
 * that docs/guide/rules.md is what `npm run docs` writes from this catalogue.
 */
export const RULES = {
  'file-encoding': {
    summary: 'The file is not UTF-8 text (UTF-16, binary, or invalid bytes).',
    severity: 'error',
    trigger:
      'Any file prf reads (prf.yaml, a KPI file, an outturn CSV, a commentary file, a CSV given to prf import) starts with a UTF-16 byte-order mark, contains a NUL byte, or holds bytes that are not valid UTF-8. The line is that of the first bad byte.',
    fix: 'Save the file as UTF-8. In Excel choose "CSV UTF-8 (Comma delimited)"; in a text editor choose the UTF-8 encoding.',
    example: {
      file: 'data/outturns/2025-26.csv',
      text: 'kpi,period,value,numerator,denominator,reviewed_by,note\nHC-01,2025-10,86.0,86,100,Repairs Manager,Café closed',
      note: 'saved from an old spreadsheet as Windows-1252, so the é is the single byte E9, which is not UTF-8',
    },
  },
  'file-empty': {
    summary: 'The file is empty.',
    severity: 'error',
    trigger: 'A file prf reads holds nothing but spaces, tabs and line breaks.',
    fix: 'Give the file its content, or delete it.',
    example: { file: 'data/commentary/2025-26-Q4.yaml', text: '', note: 'a commentary file created ahead of time and left blank' },
  },
  'file-too-large': {
    summary: 'The file is larger than prf reads.',
    severity: 'error',
    trigger: 'A file is larger than 256 MiB (268,435,456 bytes), the most prf reads of one file.',
    fix: 'Split the file: one outturn CSV per financial year, say. prf reads every CSV in the outturns folder.',
    example: { file: 'data/outturns/all-years.csv', text: '', note: 'ten years of figures for every KPI in one 300 MB file' },
  },
  'file-unreadable': {
    summary: 'The file or folder could not be read (permissions, a broken link, a link outside the workspace).',
    severity: 'error',
    trigger:
      'While walking the workspace: a file or folder prf may not read, a symbolic link to something that does not exist, or a link (or a folder named in paths:) that leads outside the workspace. While reading history (--at, prf diff, prf verify, prf validate --since): no prf.yaml at that commit, or a file committed as a symbolic link, which prf does not follow in history.',
    fix: 'Give prf permission to read the file, remove or mend the link, or copy the file into the workspace and commit the file itself rather than a link to it.',
    example: { file: 'kpis/HC-01.yaml', text: '', note: 'a symbolic link to /home/officer/Desktop/HC-01.yaml, outside the workspace' },
  },
  'yaml-syntax': {
    summary: 'The YAML cannot be parsed.',
    severity: 'error',
    trigger:
      'The YAML parser cannot read the file: an unclosed quote or a line indented wrongly, for example. Only the first syntax error is reported, since the ones after it are mostly echoes; for an unclosed double quote the position is where the quote opens.',
    fix: 'Correct the line named. Text that contains ": " or starts with a character YAML treats specially ([, {, &, *, !, %, @) must be in quotes.',
    example: { file: 'kpis/HC-01.yaml', text: 'name: "Percentage of repairs completed at first visit\nservice: Repairs' },
  },
  'yaml-duplicate-key': {
    summary: 'A key appears twice in the same mapping.',
    severity: 'error',
    trigger: 'The same key is written twice at the same level of one mapping.',
    fix: 'Keep one of the two, or rename one. A changed target replaces the old value; the change record (changes:) says what it was and who approved it.',
    example: { file: 'kpis/HC-01.yaml', text: 'target:\n  type: single\n  value: 86\n  value: 90' },
  },
  'yaml-tab': {
    summary: 'A tab is used for indentation; YAML needs spaces.',
    severity: 'error',
    trigger: 'A line of a YAML file is indented with a tab character.',
    fix: 'Indent with spaces. Most editors can be set to insert spaces when Tab is pressed.',
    example: { file: 'kpis/HC-01.yaml', text: 'roles:\n\towner: Head of Repairs', note: 'the second line starts with a tab' },
  },
  'yaml-alias-limit': {
    summary: 'Too many or too deeply nested YAML aliases (a possible alias bomb).',
    severity: 'error',
    trigger:
      'Expanding the anchors (&name) and aliases (*name) of a file would take more than 100 alias expansions, as the YAML library counts them. Aliases of aliases multiply: this is how an alias bomb ("billion laughs") makes a small file enormous.',
    fix: 'Write the values out in full instead of using anchors and aliases.',
    example: {
      file: 'kpis/HC-01.yaml',
      text: 'inclusions: &a9 [&a0 [x, x, x, x, x, x, x, x, x, x], &a1 [*a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0], &a2 [*a1, *a1, *a1, ...]]',
    },
  },
  'yaml-nesting-limit': {
    summary: 'Lists or mappings nested more deeply than prf reads (64 levels).',
    severity: 'error',
    trigger:
      'Brackets ([ and {) and indentation levels together nest more than 64 deep. prf counts them in a quick scan before parsing, so a hostile file gets this message instead of exhausting the parser. A KPI entry needs four or five levels.',
    fix: 'Flatten the structure. A file this deep is almost always damaged or not a prf file at all.',
    example: {
      file: 'kpis/HC-01.yaml',
      text: 'inclusions: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[x]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]',
    },
  },
  'yaml-not-mapping': {
    summary: 'The document must be a mapping of keys to values.',
    severity: 'error',
    trigger: 'prf.yaml, a KPI file or a commentary file parses as a list or a single value rather than a mapping of keys to values.',
    fix: 'Write the file as keys and values (id: ..., name: ...). A file that starts each line with "- " is a list: remove the dashes.',
    example: { file: 'kpis/HC-01.yaml', text: '- id: HC-01\n- name: Percentage of repairs completed at first visit' },
  },
  'schema-unknown-key': {
    summary: 'A key the schema does not know (often a typo).',
    severity: 'error',
    trigger:
      'A key that the schema for prf.yaml, a KPI entry or a commentary file does not have at that place. The message suggests the nearest known key ("did you mean") or lists the keys allowed there.',
    fix: 'Correct the spelling to the key suggested, or remove the key. The JSON Schemas in schemas/ list every key; an editor with the YAML extension completes them.',
    example: { file: 'kpis/HC-01.yaml', text: 'roles:\n  owener: Head of Repairs', note: 'suggests owner' },
  },
  'schema-missing-field': {
    summary: 'A required field is missing.',
    severity: 'error',
    trigger:
      'A field the schema requires is absent. The position is the mapping that should hold it (the top of the file for a top-level field); the message names the field, the choices when it has a fixed list, and what it is for.',
    fix: 'Add the field. prf new writes an entry with every required field and a comment on each.',
    example: {
      file: 'kpis/HC-01.yaml',
      text: 'roles:\n  owner: Head of Repairs\n  collector: Repairs Analyst\n  headOfService: Head of Housing\n  strategicLead: Strategic Director, Place',
      note: 'no reviewer',
    },
  },
  'schema-invalid-value': {
    summary: 'A value is not one of the allowed options.',
    severity: 'error',
    trigger: 'A field with a fixed list of values (polarity, frequency, aggregation, a target type, a status) holds something not on the list.',
    fix: 'Use one of the values the message lists; it suggests the nearest when there is a likely typo.',
    example: { file: 'kpis/HC-01.yaml', text: 'polarity: hgiher', note: 'suggests higher' },
  },
  'schema-type': {
    summary: 'A value has the wrong type (text where a number belongs, and so on).',
    severity: 'error',
    trigger:
      "A value is of the wrong kind: a number or true/false where text belongs, text where a number belongs, a list where a mapping belongs, an empty value, a number too large to hold (1e400) or not a number (.nan); or a value that fits none of a field's allowed forms.",
    fix: 'Write the value as the message says: put text that looks like a number or yes/no in quotes, write numbers plainly (96.4, not "96.4%"), or give a value where it is empty.',
    example: { file: 'kpis/HC-01.yaml', text: 'service: 2024', note: 'a number where text belongs: write "2024"' },
  },
  'schema-format': {
    summary: 'A value is of the right type but badly formed or out of range.',
    severity: 'error',
    trigger:
      "A value of the right type breaks the field's rule: a financial year not written like 2025-26 (or naming the wrong years), a date that is not YYYY-MM-DD or does not exist, a period that is not a month, quarter, half or year (such as 2025-26-Q5), an id in the wrong form, empty text, a number outside its range (decimals 0-6, a confidence score 1-5, a reporting lag 0-120 days), a baseline with a value but no period, or with value: null and no note, or an empty list that needs an item.",
    fix: 'Correct the value to the form the message gives, for example 2026-27 for a financial year or 2026-01-31 for a date.',
    example: { file: 'kpis/HC-01.yaml', text: 'target:\n  type: yearly\n  years:\n    2025-26: 86\n    2026-28: 87' },
  },
  'config-duplicate-id': {
    summary: 'A committee, priority or aim id is used twice in prf.yaml.',
    severity: 'error',
    trigger:
      'Two committees, or two priorities, share an id in prf.yaml; or two aims share an id, even under different priorities (aim ids are unique across priorities).',
    fix: 'Give each committee, priority and aim its own id, and update the KPIs that name the one renamed.',
    example: {
      file: 'prf.yaml',
      text: 'committees:\n  - id: housing-osc\n    name: Housing Overview and Scrutiny Committee\n  - id: housing-osc\n    name: Housing and Communities Committee',
    },
  },
  'workspace-path': {
    summary: 'A path in prf.yaml points outside the workspace.',
    severity: 'error',
    trigger: 'A folder under paths: in prf.yaml is absolute, or leads up out of the workspace with "..".',
    fix: 'Give a folder inside the workspace, relative to prf.yaml.',
    example: { file: 'prf.yaml', text: 'paths:\n  kpis: ../elsewhere' },
  },
  'config-reserved-id': {
    summary: 'An id in prf.yaml is one prf keeps for itself.',
    severity: 'error',
    trigger: 'A committee id is index, which names the index page prf writes beside the committee papers, so the two would overwrite each other.',
    fix: 'Choose another id for the committee, and change the committee: field of its KPIs to match.',
    example: { file: 'prf.yaml', text: 'committees:\n  - id: index\n    name: Overview and Scrutiny Committee' },
  },
  'kpi-id-file-mismatch': {
    summary: 'The KPI id does not match its file name.',
    severity: 'error',
    trigger: "The id: in a KPI file differs from the file's name without .yaml (kpis/housing/HC-01.yaml must have id: HC-01).",
    fix: 'Rename the file to the id, or correct the id. To rename a KPI, rename both, and record the change in changes:.',
    example: { file: 'kpis/HC-09.yaml', text: 'id: HC-01' },
  },
  'kpi-duplicate-id': {
    summary: 'Two KPI files use the same id.',
    severity: 'error',
    trigger: 'A KPI file has the same id as one read before it (files are read in path order). The message names the first file.',
    fix: 'Give each KPI its own id (renaming its file to match), or delete the copy.',
    example: { file: 'kpis/archive/HC-01.yaml', text: 'id: HC-01', note: 'kpis/housing/HC-01.yaml already has id: HC-01' },
  },
  'kpi-unknown-committee': {
    summary: 'The committee is not listed in prf.yaml.',
    severity: 'error',
    trigger: "A KPI's committee: is not the id of any committee in prf.yaml. The message suggests the nearest id, or lists them.",
    fix: 'Use the id of a committee in prf.yaml, or add the committee there.',
    example: { file: 'kpis/HC-01.yaml', text: 'committee: housing-oc', note: 'suggests housing-osc' },
  },
  'kpi-unknown-service': {
    summary: 'The service is not among the services prf.yaml lists.',
    severity: 'warning',
    trigger:
      "prf.yaml lists services: and a KPI's service: is not one of them (case, punctuation and & for and aside). Without a services: list in prf.yaml, any service is taken. The message suggests the nearest.",
    fix: 'Correct the service to one prf.yaml lists, or add it to services: in prf.yaml (prf adopt dictionary adds the services its sheet names).',
    example: { file: 'kpis/HC-01.yaml', text: 'service: Repiars', note: 'prf.yaml lists services: [Repairs]; suggests Repairs' },
  },
  'kpi-unknown-priority': {
    summary: 'The Council Plan priority is not listed in prf.yaml.',
    severity: 'error',
    trigger: "A KPI's priority: is not the id of any priority in prf.yaml.",
    fix: 'Use the id of a priority in prf.yaml, or add the priority there with its aims.',
    example: { file: 'kpis/HC-01.yaml', text: 'priority: home\naim: repairs', note: 'suggests homes' },
  },
  'kpi-unknown-aim': {
    summary: 'The aim is not listed under the priority in prf.yaml.',
    severity: 'error',
    trigger: "A KPI's aim: is not among the aims listed under its priority in prf.yaml (an aim of another priority does not count).",
    fix: "Use one of the priority's aims, which the message lists, or add the aim under that priority in prf.yaml.",
    example: { file: 'kpis/HC-01.yaml', text: 'priority: homes\naim: repair', note: 'suggests repairs' },
  },
  'kpi-reviewer-is-collector': {
    summary: 'The data reviewer is the data collector; the reviewer must be someone else.',
    severity: 'error',
    trigger: 'roles.reviewer is the same as roles.collector, ignoring case and spaces at either end.',
    fix: 'Name a different role as reviewer: the person who checks the figure must not be the one who collected it.',
    example: { file: 'kpis/HC-01.yaml', text: 'roles:\n  collector: Repairs Analyst\n  reviewer: Repairs Analyst' },
  },
  'kpi-target-out-of-range': {
    summary: 'A target does not fit the unit (a percentage outside 0-100, a negative count).',
    severity: 'error',
    trigger:
      "A target value (single, any year of a yearly target, any entry of a profile) lies outside what the KPI's figures can be: 0-100 for a percentage worked out as a ratio, 0 or more for days, 0 or more for a number that is summed.",
    fix: "Correct the target, or the KPI's unit if the target is right. A percentage is written 95 for 95%.",
    example: { file: 'kpis/HC-01.yaml', text: 'unit: percentage\naggregation: ratio\ntarget:\n  type: single\n  value: 860' },
  },
  'kpi-target-profile-incomplete': {
    summary: 'A target profile does not cover every quarter or every month.',
    severity: 'error',
    trigger: 'A profiled target (or one year of it) misses a quarter of Q1-Q4 or a month of Jan-Dec, or mixes quarters and months.',
    fix: 'Give a target for every quarter (Q1-Q4) or every month (Jan-Dec), not a mixture.',
    example: { file: 'kpis/HC-01.yaml', text: 'target:\n  type: profiled\n  profile:\n    Q1: 2.86\n    Q2: 2.88\n    Q3: 2.89' },
  },
  'kpi-target-profile-frequency': {
    summary: "A target profile does not fit the KPI's collection frequency.",
    severity: 'error',
    trigger: 'An annual KPI has a profiled target, or a KPI collected quarterly or biannually has a profile by month.',
    fix: 'For an annual KPI use type: single or type: yearly. For a quarterly or biannual KPI, profile by quarter (Q1-Q4).',
    example: { file: 'kpis/HC-01.yaml', text: 'frequency: quarterly\ntarget:\n  type: profiled\n  profile: { Apr: 80, May: 81, Jun: 82, ... }' },
  },
  'kpi-benchmark-order': {
    summary: "Benchmark quartiles are in the wrong order for the KPI's polarity.",
    severity: 'error',
    trigger:
      'In a benchmark entry of a KPI whose polarity is higher, the upper quartile is below the median or the median below the lower quartile; for polarity lower, the other way round. The upper quartile is always the best. KPIs of neutral polarity are not checked.',
    fix: 'Check the three figures against the source: for a lower-is-better KPI the upper (best) quartile is the smallest.',
    example: {
      file: 'kpis/HC-02.yaml',
      text: 'polarity: lower\nbenchmarks:\n  - year: 2024-25\n    group: Housemark, councils under 15,000 homes\n    upperQuartile: 12.5\n    median: 9.8\n    lowerQuartile: 7.1',
    },
  },
  'kpi-recommended-missing': {
    summary: 'A recommended field (worked example, baseline, benchmarks) is missing.',
    severity: 'warning',
    trigger: 'A measure has no workedExample, no baseline, or no benchmarks key. Projects and narrative indicators are not checked.',
    fix: 'Add the field. When there is nothing to give, say so: benchmarks: [] when no benchmark exists, and a baseline of value: null with a note saying why.',
    example: {
      file: 'kpis/HC-01.yaml',
      text: 'target:\n  type: single\n  value: 86\nbaseline:\n  value: null\n  note: New measure from April 2025',
      note: 'no workedExample and no benchmarks',
    },
  },
  'kpi-target-cumulative-annual': {
    summary: 'A cumulative KPI collected more often than yearly has one annual target and no profile, so it reads red until the year end.',
    severity: 'warning',
    trigger:
      "A cumulative (year-to-date) summed measure with a monthly or quarterly frequency has a single annual target and neither a profile nor profile: linear, so each quarter's year-to-date figure is compared with the whole year's target.",
    fix: 'Add profile: linear to the target to check each period at its share of the year, or give a profiled target per quarter or month.',
    example: { file: 'kpis/SP-01.yaml', text: 'cumulative: true\nfrequency: quarterly\ntarget:\n  type: single\n  value: 23' },
  },
  'kpi-range-order': {
    summary: "A KPI's declared range has its minimum above its maximum, or its best value outside it.",
    severity: 'error',
    trigger: 'range: in a KPI entry gives min greater than max, or best: lies outside min to max.',
    fix: 'Swap or correct the limits so that min is at most max and best lies between them.',
    example: { file: 'kpis/HC-01.yaml', text: 'range:\n  min: 100\n  max: 0' },
  },
  'csv-syntax': {
    summary: 'The CSV cannot be parsed (an unclosed quote, for example).',
    severity: 'error',
    trigger:
      'The CSV reader cannot read an outturn CSV (or a CSV given to prf import): most often a quote that is opened and never closed, which swallows the rest of the file. The line is where the reader gave up.',
    fix: 'Close the quote, or remove the stray " character. Open the file in a text editor rather than a spreadsheet to see it.',
    example: {
      file: 'data/outturns/2025-26.csv',
      text: 'kpi,period,value,numerator,denominator,reviewed_by,note\nHC-01,2025-10,86.0,86,100,Repairs Manager,"late figures',
    },
  },
  'csv-header': {
    summary: 'The CSV header is missing a required column, or has an unknown or repeated one.',
    severity: 'error',
    trigger:
      'The first non-blank line of an outturn CSV names a column that is not one of kpi, period, value, numerator, denominator, reviewed_by, note (names are read in any case, with spaces or hyphens for underscores), names a column twice, or lacks one of kpi, period, value; or the file has no header row. No row of that file is read.',
    fix: 'Correct the header. The message suggests the nearest column name.',
    example: { file: 'data/outturns/2025-26.csv', text: 'kpi,period,value,numerator,denominator,reviewd_by,note', note: 'suggests reviewed_by' },
  },
  'csv-ragged-row': {
    summary: 'A row has more or fewer cells than the header.',
    severity: 'error',
    trigger:
      'A row of an outturn CSV has more or fewer cells than its header. Often a figure such as 1,234 written without quotes, so its comma splits it in two.',
    fix: 'Remove the extra cells, quote a value that contains a comma ("1,234"), or add the missing cells (empty if unknown).',
    example: { file: 'data/outturns/2025-26.csv', text: 'kpi,period,value,numerator,denominator,reviewed_by,note\nHC-05,2025-10,1,234,,,Repairs Manager,' },
  },
  'csv-unknown-kpi': {
    summary: 'The row names a KPI that is not in the dictionary.',
    severity: 'error',
    trigger:
      "The kpi cell of an outturn row is empty or names no KPI in the dictionary. Rows for a KPI whose own file has errors are not reported: that file's errors are, and its rows are checked once it is fixed.",
    fix: 'Correct the id (the message suggests the nearest), or add the KPI to the dictionary with prf new.',
    example: { file: 'data/outturns/2025-26.csv', text: 'kpi,period,value,numerator,denominator,reviewed_by,note\nHC-1,2025-10,86.0,86,100,Repairs Manager,' },
  },
  'csv-not-measure': {
    summary: 'The row gives a figure for a project or narrative indicator, which take their status from commentary.',
    severity: 'error',
    trigger: 'An outturn row names a KPI whose kind is project or narrative.',
    fix: "Remove the row, and give the KPI's status and narrative in the period's commentary file.",
    example: {
      file: 'data/outturns/2025-26.csv',
      text: 'kpi,period,value,numerator,denominator,reviewed_by,note\nHC-02,2025-26-Q3,75,,,Housing Manager,',
      note: 'HC-02 is a project',
    },
  },
  'csv-period-invalid': {
    summary: 'The period is not a month, quarter, half or financial year.',
    severity: 'error',
    trigger:
      'The period cell is not a month (2025-10), a quarter (2025-26-Q3), a half (2025-26-H1) or a financial year (2025-26): for example Q5, month 13, or a year written 2025-27.',
    fix: 'Write the period in one of those forms.',
    example: {
      file: 'data/outturns/2025-26.csv',
      text: 'kpi,period,value,numerator,denominator,reviewed_by,note\nHC-01,2025-26-Q5,86.0,86,100,Repairs Manager,',
    },
  },
  'csv-period-out-of-range': {
    summary: 'The period is well formed but in a year prf does not read: financial years 1900-01 to 2098-99, months 1901-01 to 2098-12.',
    severity: 'error',
    trigger:
      'The period cell names a month, quarter, half or financial year outside those years, such as 9999-01 or 0000-01: usually a slip in typing the year. Outside them period names stop reading back (a year of five digits), so prf never files such a figure (it would land in a file called 9998-99.csv). The same range applies to periods given on the command line and in the dictionary and commentary.',
    fix: 'Correct the year.',
    example: {
      file: 'data/outturns/2025-26.csv',
      text: 'kpi,period,value,numerator,denominator,reviewed_by,note\nHC-01,9025-10,86.0,86,100,Repairs Manager,',
    },
  },
  'csv-period-frequency': {
    summary: "The period does not match the KPI's collection frequency.",
    severity: 'error',
    trigger:
      'The period is well formed but of another kind than the KPI is collected at: a monthly KPI needs months, quarterly quarters, biannual halves, annual financial years.',
    fix: "Give the figure for the KPI's own periods (prf rolls months up into quarters and years itself), or correct the KPI's frequency.",
    example: {
      file: 'data/outturns/2025-26.csv',
      text: 'kpi,period,value,numerator,denominator,reviewed_by,note\nHC-01,2025-26-Q3,86.0,258,300,Repairs Manager,',
      note: 'HC-01 is monthly: give 2025-10, 2025-11 and 2025-12',
    },
  },
  'csv-value-blank': {
    summary: 'A value cell is blank: write n/a when the figure is not available, so a gap is never an accident.',
    severity: 'warning',
    trigger: "A measure's value cell is empty (or only spaces) and its numerator and denominator do not give the figure. prf treats the figure as missing.",
    fix: 'Give the figure, or write n/a when there is none for the period, so the gap is on record as meant.',
    example: { file: 'data/outturns/2025-26.csv', text: 'kpi,period,value,numerator,denominator,reviewed_by,note\nHC-01,2025-12,,,,Repairs Manager,' },
  },
  'csv-value-invalid': {
    summary: 'A value, numerator or denominator is not a number.',
    severity: 'error',
    trigger:
      'A value, numerator or denominator cell is not a number prf accepts: a spreadsheet formula (=SUM(B2:B4)), a spreadsheet error (#DIV/0!), a % on a KPI that is not a percentage, a £ on one that is not currency, commas not between thousands (96,4), words, or a number too large to hold. Each bad cell of the row is reported.',
    fix: 'Write the figure as digits with an optional decimal point (96.4), or n/a when there is none. In a spreadsheet, paste values rather than formulas.',
    example: {
      file: 'data/outturns/2025-26.csv',
      text: 'kpi,period,value,numerator,denominator,reviewed_by,note\nHC-01,2025-10,=SUM(B2:B4),,,Repairs Manager,',
    },
  },
  'csv-value-range': {
    summary: "A value does not fit the KPI's unit (a percentage outside 0-100, a negative count).",
    severity: 'error',
    trigger: 'The figure is below 0 or above 100 for a percentage worked out as a ratio, or below 0 for a KPI in days.',
    fix: "Correct the figure, or the KPI's unit if the figure is right.",
    example: {
      file: 'data/outturns/2025-26.csv',
      text: 'kpi,period,value,numerator,denominator,reviewed_by,note\nHC-01,2025-10,860,,,Repairs Manager,',
      note: 'HC-01 is a percentage of a whole: 86.0 typed without its point',
    },
  },
  'csv-ratio-incomplete': {
    summary: 'A ratio KPI row has a numerator without a denominator, or a zero denominator.',
    severity: 'error',
    trigger: 'A row gives a numerator without a denominator or the other way round, or gives a value with a denominator of 0 (there is no figure to give).',
    fix: 'Give both the numerator and the denominator, or neither. With a denominator of 0, write n/a as the value and leave both counts empty.',
    example: { file: 'data/outturns/2025-26.csv', text: 'kpi,period,value,numerator,denominator,reviewed_by,note\nHC-01,2025-10,86.0,86,,Repairs Manager,' },
  },
  'csv-ratio-counts-missing': {
    summary: 'A ratio KPI row has a value but no numerator and denominator, so its quarter and year cannot be rolled up.',
    severity: 'warning',
    trigger:
      'A KPI with aggregation: ratio, collected more often than annually, has a figure with no numerator and denominator. Its quarter and year are the sum of numerators over the sum of denominators, so they cannot be worked out from this row.',
    fix: 'Give the numerator and denominator as well as the value.',
    example: { file: 'data/outturns/2025-26.csv', text: 'kpi,period,value,numerator,denominator,reviewed_by,note\nHC-01,2025-10,86.0,,,Repairs Manager,' },
  },
  'csv-ratio-mismatch': {
    summary: 'The value does not agree with numerator / denominator.',
    severity: 'error',
    trigger:
      "The value differs from numerator / denominator (x 100 for a percentage) by more than half a unit of the KPI's last decimal place (0.05 for one decimal place).",
    fix: 'Correct the value or the counts. Leave the value empty to have prf work it out from the counts.',
    example: {
      file: 'data/outturns/2025-26.csv',
      text: 'kpi,period,value,numerator,denominator,reviewed_by,note\nHC-01,2025-10,86.0,171,200,Repairs Manager,',
      note: '171 / 200 x 100 = 85.5',
    },
  },
  'csv-duplicate-row': {
    summary: 'The same KPI and period appear more than once.',
    severity: 'error',
    trigger:
      'Two outturn rows give the same KPI and period, in one CSV or across several (the later one in path and line order is reported, naming the first); or two rows of the files given to one prf import do.',
    fix: 'Keep one row per KPI and period. To restate a figure, change it in place (or use prf import --restate), so git keeps the history.',
    example: {
      file: 'data/outturns/2025-26.csv',
      text: 'kpi,period,value,numerator,denominator,reviewed_by,note\nHC-01,2025-10,86.0,86,100,Repairs Manager,\nHC-01,2025-10,88.0,88,100,Repairs Manager,',
    },
  },
  'csv-na-reason': {
    summary: 'A figure recorded as not applicable has no reason.',
    severity: 'warning',
    trigger:
      "A row's value says the measure does not apply (not applicable, [z], [x]) and its note is empty; every N/A is printed with its reason. A warning, an error with --strict.",
    fix: "Write the reason in the row's note, for example: no lifts in the stock.",
    example: { file: 'data/outturns/2026-27.csv', text: 'kpi,period,value,numerator,denominator,reviewed_by,note\nHC-01,2026-04,not applicable,,,,' },
  },
  'csv-value-fraction': {
    summary: 'A percentage figure looks like a fraction typed for a percentage.',
    severity: 'warning',
    trigger: 'A percentage figure is below 1 while every earlier figure of the KPI is above 1 (0.039 typed for 3.9%). A warning, an error with --strict.',
    fix: 'Write the percentage (3.9, not 0.039). If the figure is right, add a note on the row saying so: a note accepts it.',
    example: {
      file: 'data/outturns/2026-27.csv',
      text: 'kpi,period,value,numerator,denominator,reviewed_by,note\nHC-01,2026-04,0.86,,,,',
      note: 'every earlier figure of HC-01 is about 86',
    },
  },
  'csv-value-scale': {
    summary: "A figure is 10 or 100 times larger or smaller than the KPI's own recent figures.",
    severity: 'warning',
    trigger: "A figure is about 10 or 100 times its KPI's recent figures, the mark of a misplaced decimal point. A warning, an error with --strict.",
    fix: 'Correct the decimal point. If the figure is right, add a note on the row saying why: a note accepts it.',
    example: {
      file: 'data/outturns/2026-27.csv',
      text: 'kpi,period,value,numerator,denominator,reviewed_by,note\nHC-01,2026-04,8.6,,,,',
      note: 'every earlier figure of HC-01 is about 86',
    },
  },
  'csv-value-declared-range': {
    summary: 'A figure lies outside the range its KPI declares.',
    severity: 'warning',
    trigger: "A figure is below the min or above the max of the KPI's range: in the dictionary. A warning, an error with --strict.",
    fix: 'Correct the figure. If it is right, add a note on the row saying why (a note accepts it), or widen the range in the KPI entry.',
    example: { file: 'kpis/FR-01.yaml', text: 'range:\n  min: 90\n  max: 100', note: 'with a row FR-01,2025-26-Q3,85.2 in data/outturns/2025-26.csv' },
  },
  'commentary-unknown-kpi': {
    summary: 'Commentary names a KPI that is not in the dictionary.',
    severity: 'error',
    trigger:
      'A key under kpis:, or the kpi of an achievement or forward-look note, in a commentary file is not a KPI in the dictionary (KPIs whose own files have errors are left to those errors).',
    fix: 'Correct the id (the message suggests the nearest), or remove the entry.',
    example: { file: 'data/commentary/2025-26-Q3.yaml', text: 'period: 2025-26-Q3\nkpis:\n  HC-1:\n    overview: Performance recovered in December.' },
  },
  'commentary-unknown-committee': {
    summary: 'A covering report in the commentary names a committee that is not in prf.yaml.',
    severity: 'error',
    trigger:
      "A commentary file's committees: section gives a covering report under a committee id that prf.yaml's committees: does not list, so no paper would print it.",
    fix: "Use the committee's id exactly as prf.yaml gives it, or add the committee to prf.yaml.",
    example: {
      file: 'data/commentary/2025-26-Q3.yaml',
      text: 'period: 2025-26-Q3\ncommittees:\n  housing-scrutiny:\n    recommendations:\n      - That the Committee notes the performance for Quarter 3.',
      note: 'prf.yaml names the committee housing-osc',
    },
  },
  'commentary-duplicate-period': {
    summary: 'Two commentary files are for the same period.',
    severity: 'error',
    trigger: 'Two commentary files give the same period: (however written), so prf cannot tell which to use. The later in path order is reported.',
    fix: 'Keep one commentary file per period: merge the two.',
    example: { file: 'data/commentary/q3-extra.yaml', text: 'period: 2025-26-Q3', note: 'data/commentary/2025-26-Q3.yaml is already for 2025-26-Q3' },
  },
  'commentary-missing-part': {
    summary: 'A commentary entry lacks a part it needs (overview, status, narrative).',
    severity: 'error',
    trigger: 'A commentary entry for a measure has no overview; or an entry for a project or narrative indicator has no status or no narrative.',
    fix: 'Add the part named: the overview of performance for a measure; the status and the narrative for a project or narrative indicator.',
    example: {
      file: 'data/commentary/2025-26-Q3.yaml',
      text: 'period: 2025-26-Q3\nkpis:\n  HC-01:\n    actions:\n      - action: New scheduling system\n        owner: Head of Repairs\n        due: 2026-01-31',
    },
  },
  'commentary-status-for-measure': {
    summary: 'A status was written for a measure, whose status prf computes; it is ignored.',
    severity: 'warning',
    trigger: "A commentary entry for a measure has a status:. prf works a measure's status out from its figures and target, so it does not use it.",
    fix: "Remove the status. To change a measure's colour, correct its figure or (with a recorded decision) its target.",
    example: {
      file: 'data/commentary/2025-26-Q3.yaml',
      text: 'period: 2025-26-Q3\nkpis:\n  HC-01:\n    status: green\n    overview: Performance recovered in December.',
    },
  },
  'change-unrecorded': {
    summary:
      "A KPI's definition, formula, target (or polarity, unit, frequency, aggregation, id) changed since the --since revision with no new changes entry naming that field.",
    severity: 'warning',
    trigger:
      "Only with prf validate --since REV: a KPI's definition, formula, target, polarity, unit, frequency, aggregation or id (a rename) differs from REV, and no entry added to its changes: since REV names that field. The position is the changed field.",
    fix: 'Add an entry to changes: with the date, the decision, who approved it, and the fields it changed.',
    example: {
      file: 'kpis/HC-01.yaml',
      text: 'target:\n  type: single\n  value: 90\nchanges:\n  - date: 2024-02-07\n    decision: Adopted as part of the revised KPI suite\n    approver: Cabinet\n    fields: [definition, target]',
      note: 'the target was 86 at REV; no new entry names target',
    },
  },
  'import-not-form': {
    summary: 'An imported workbook is not a return form made by prf collect, or not a readable .xlsx.',
    severity: 'error',
    trigger: "prf import was given an .xlsx file it cannot open as a workbook, or one without prf's hidden marker sheet or its Return sheet.",
    fix: 'Fill a form made by prf collect, or import the figures as a CSV with the columns of an outturn CSV.',
    example: { file: 'returns/january.xlsx', text: '', note: 'a workbook the collector made themselves' },
  },
  'import-tampered': {
    summary: 'A locked cell or the hidden marker of a return form changed after prf collect made it.',
    severity: 'error',
    trigger:
      'The seal on a return form (a SHA-256 over every locked cell and the hidden marker) no longer matches: a reference, period, target or guidance cell, or the marker, was changed after prf collect made the form.',
    fix: 'Fill in the form as sent, or make a new one with prf collect and copy the figures across.',
    example: { file: 'returns/repairs-analyst.xlsx', text: '', note: "a target on the Return sheet overwritten after the sheet's protection was turned off" },
  },
  'import-wrong-period': {
    summary: 'A form or CSV row is for another period than the one given with --period.',
    severity: 'error',
    trigger: 'prf import --period PERIOD was given a form made for another period, or a CSV row whose period does not lie within PERIOD.',
    fix: 'Import the form with the --period it was made for, find the right form, or remove the row.',
    example: {
      file: 'returns/january.csv',
      text: 'kpi,period,value,numerator,denominator,reviewed_by,note\nHC-01,2025-12,86.0,86,100,,',
      note: 'imported with --period 2026-01',
    },
  },
  'import-dictionary-changed': {
    summary: 'A return form was made from an older dictionary: an entry on it has changed since.',
    severity: 'error',
    trigger:
      "The fingerprint of a KPI's dictionary entry recorded on the form differs from the entry today, or the KPI is gone: its target or definition on the form may be wrong. The message names the KPIs and both commits.",
    fix: 'Make a new form with prf collect and copy the figures across.',
    example: { file: 'returns/repairs-analyst.xlsx', text: '', note: "made before HC-01's target changed from 86 to 90" },
  },
  'import-figure-exists': {
    summary: 'An imported figure would replace one already recorded; that needs --restate with a reason.',
    severity: 'error',
    trigger:
      'prf import brings a figure for a KPI and period that already has a different one recorded (a recorded n/a counts as a figure). The same figure again is not a problem: it changes nothing.',
    fix: 'If the recorded figure is wrong, run prf import again with --restate --reason "why it changed". The note on the row then records the old value and the reason.',
    example: {
      file: 'returns/january.csv',
      text: 'kpi,period,value,numerator,denominator,reviewed_by,note\nHC-01,2025-10,88.0,88,100,,',
      note: 'HC-01 2025-10 is already recorded as 86.0',
    },
  },
  'process-change-outside-series': {
    summary: "A KPI's process change is dated outside its series of figures.",
    severity: 'error',
    trigger:
      "A process change (processChanges: in the KPI entry) is dated before the KPI's first figure or after the end of its latest one. No rule reads today's date: the latest figure stands for now.",
    fix: 'Correct the date of the change, or remove the entry until figures from the changed process have been recorded.',
    example: {
      file: 'kpis/HC-AM-01.yaml',
      text: 'processChanges:\n  - date: 2031-04-01\n    what: New void-repairs contract\n    decidedBy: Cabinet\n    rebase: true',
    },
  },
  'figure-implausible': {
    summary: "A new figure lies far outside the KPI's own process limits: check it before it is reported.",
    severity: 'warning',
    trigger:
      "The latest figure (at validate) or an imported figure (at import) lies more than twice as far from the process mean as the KPI's control limits. It is a warning, never an error: a real change is possible.",
    fix: 'Check the figure against its source. If it is right, add a note on the row saying why (a note accepts it); if a process really changed, record a process change on the KPI.',
    example: {
      file: 'returns/re-let-times.csv',
      text: 'kpi,period,value,numerator,denominator,reviewed_by,note\nHC-AM-01,2025-11,390,,,,',
      note: 'given to prf import; re-let days have run at about 40 for two years',
    },
  },
  'tsm-layout-unrecognised': {
    summary: "A workbook given to prf benchmarks tsm does not have the sheets and headings of the regulator's TSM full-data release.",
    severity: 'error',
    trigger:
      "prf benchmarks tsm looks for the TSM release's sheets by name (Table_Coverage and the TSM perception and management-information sheets) and for the landlord code and TSM headings by their text; a workbook where any is missing is refused, and the message says what was looked for and where.",
    fix: "Give the regulator's full-data workbook as published (not a summary or a re-saved extract). If the regulator has changed its layout, report it so prf can learn the new headings.",
    example: { file: 'TSM_2025_summary.xlsx', text: '', note: "the regulator's summary tables, which have no Table_Coverage sheet" },
  },
  'tsm-landlord-unknown': {
    summary: 'The landlord code given to prf benchmarks tsm is not in a TSM workbook.',
    severity: 'error',
    trigger: 'The --landlord code is not on the Table_Coverage sheet of one of the workbooks given (landlords merge and change codes between releases).',
    fix: "Look up the landlord's code on the Table_Coverage sheet (local authorities' codes are letters and digits such as E0801) and give it exactly; for a merged landlord, give the release in which it reported.",
    example: { file: '2025_TSM_Full_Data_v1.0_FINAL.xlsx', text: '', note: 'prf benchmarks tsm --landlord XX999 on a workbook without that code' },
  },
  'text-control-character': {
    summary: 'A text field holds a control character.',
    severity: 'error',
    trigger:
      "A text field of prf.yaml, a KPI entry or a commentary file, or an outturn row's reviewed_by or note, contains a control character (ESC, BEL, NUL, a lone carriage return and the like), which could rewrite a terminal line or a paper. Tabs and line breaks are allowed where text may run over lines (a note may; a reviewer's role may not).",
    fix: 'Delete the character: it usually comes from pasting text copied from another program.',
    example: { file: 'kpis/HC-01.yaml', text: 'name: "Repairs\\e[2K all green"', note: 'an escape sequence that would erase a terminal line' },
  },
  'ragg-rule-order': {
    summary: "A status rule's bands are out of order.",
    severity: 'error',
    trigger:
      "The bands of a ragg.rule (in prf.yaml or a KPI entry) do not grow: a band's upTo threshold is not larger than the one before, or a colour gets better for a larger shortfall (green, then amber, then red is the only order).",
    fix: 'List the bands from the smallest shortfall to the largest, each upTo larger than the last, colours going from green to red.',
    example: {
      file: 'prf.yaml',
      text: 'ragg:\n  rule:\n    bands:\n      - { status: green, upTo: 10 }\n      - { status: amber, upTo: 5 }\n      - { status: red }',
    },
  },
  'ragg-rule-coverage': {
    summary: "A status rule's bands do not cover every figure.",
    severity: 'error',
    trigger: 'A band other than the last has no upTo, or the last band has one, so some shortfall would fall outside every band.',
    fix: 'Give every band but the last an upTo, and leave the last without one: it takes every larger shortfall.',
    example: { file: 'prf.yaml', text: 'ragg:\n  rule:\n    bands:\n      - { status: green, upTo: 5 }\n      - { status: red, upTo: 10 }' },
  },
  'ragg-rule-conflict': {
    summary: 'prf.yaml gives both a status rule and the older band settings.',
    severity: 'error',
    trigger: "prf.yaml's ragg section has rule: and also band: or bandType:. The rule replaces the band, so having both is ambiguous.",
    fix: 'Remove band and bandType and keep the rule, or remove the rule to keep the single band.',
    example: {
      file: 'prf.yaml',
      text: 'ragg:\n  band: 5\n  rule:\n    bands:\n      - { status: green, upTo: 5 }\n      - { status: amber, upTo: 10 }\n      - { status: red }',
    },
  },
  'table-unreadable': {
    summary: 'A spreadsheet given to prf adopt or prf import cannot be read.',
    severity: 'error',
    trigger: 'The file is not an Excel workbook or CSV prf can read, or the sheet named with --sheet is not in it.',
    fix: 'Save the spreadsheet as .xlsx or CSV UTF-8, and give --sheet the exact name of the sheet (the message lists the sheets).',
    example: { file: 'history.xlsx', text: '', note: 'prf import history.xlsx --sheet Sheet9 on a workbook with Sheet1 and Sheet2' },
  },
} satisfies Record<string, RuleDoc>;

export type RuleCode = keyof typeof RULES;
