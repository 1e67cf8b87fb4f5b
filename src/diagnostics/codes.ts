/**
 * Every diagnostic code prf can emit, with what it means. Codes are stable: CI configurations and
 * other tools match on them. A test checks that each code used in src/ is listed here.
 */
export const RULES = {
  'file-encoding': 'The file is not UTF-8 text (UTF-16, binary, or invalid bytes).',
  'file-empty': 'The file is empty.',
  'file-too-large': 'The file is larger than prf reads.',
  'file-unreadable': 'The file or folder could not be read (permissions, a broken link, a link outside the workspace).',
  'yaml-syntax': 'The YAML cannot be parsed.',
  'yaml-duplicate-key': 'A key appears twice in the same mapping.',
  'yaml-tab': 'A tab is used for indentation; YAML needs spaces.',
  'yaml-alias-limit': 'Too many or too deeply nested YAML aliases (a possible alias bomb).',
  'yaml-nesting-limit': 'Lists or mappings nested more deeply than prf reads (64 levels).',
  'yaml-not-mapping': 'The document must be a mapping of keys to values.',
  'schema-unknown-key': 'A key the schema does not know (often a typo).',
  'schema-missing-field': 'A required field is missing.',
  'schema-invalid-value': 'A value is not one of the allowed options.',
  'schema-type': 'A value has the wrong type (text where a number belongs, and so on).',
  'schema-format': 'A value is of the right type but badly formed or out of range.',
  'config-duplicate-id': 'A committee, priority or aim id is used twice in prf.yaml.',
  'kpi-id-file-mismatch': 'The KPI id does not match its file name.',
  'kpi-duplicate-id': 'Two KPI files use the same id.',
  'kpi-unknown-committee': 'The committee is not listed in prf.yaml.',
  'kpi-unknown-priority': 'The Council Plan priority is not listed in prf.yaml.',
  'kpi-unknown-aim': 'The aim is not listed under the priority in prf.yaml.',
  'kpi-reviewer-is-collector': 'The data reviewer is the data collector; the reviewer must be someone else.',
  'kpi-target-out-of-range': 'A target does not fit the unit (a percentage outside 0-100, a negative count).',
  'kpi-target-profile-incomplete': 'A target profile does not cover every quarter or every month.',
  'kpi-target-profile-frequency': "A target profile does not fit the KPI's collection frequency.",
  'kpi-target-cumulative-annual':
    'A cumulative (year-to-date) summed KPI collected more often than yearly has one annual target and no profile, so it is checked against the full year all year and reads red until the year end. A warning (an error with --strict).',
  'kpi-range-order': "A KPI's declared range has its minimum above its maximum, or its best value outside it.",
  'ragg-rule-order':
    "A status rule's bands are out of order: thresholds must grow band by band, and colours never get better for a larger shortfall (green, then amber, then red).",
  'ragg-rule-coverage': "A status rule's bands do not cover every figure: every band but the last needs upTo, and the last must have none.",
  'ragg-rule-conflict': 'prf.yaml gives ragg.rule and also ragg.band or ragg.bandType; the rule replaces the band, so remove band and bandType.',
  'kpi-benchmark-order': "Benchmark quartiles are in the wrong order for the KPI's polarity.",
  'kpi-recommended-missing': 'A recommended field (worked example, baseline, benchmarks) is missing; an error with --strict.',
  'csv-syntax': 'The CSV cannot be parsed (an unclosed quote, for example).',
  'csv-header': 'The CSV header is missing a required column, or has an unknown or repeated one.',
  'csv-ragged-row': 'A row has more or fewer cells than the header.',
  'csv-unknown-kpi': 'The row names a KPI that is not in the dictionary.',
  'csv-not-measure': 'The row gives a figure for a project or narrative indicator, which take their status from commentary.',
  'csv-period-invalid': 'The period is not a month, quarter, half or financial year.',
  'csv-period-frequency': "The period does not match the KPI's collection frequency.",
  'csv-value-blank': 'A value cell is blank: write n/a when the figure is not available, so a gap is never an accident.',
  'csv-value-invalid': 'A value, numerator or denominator is not a number.',
  'csv-value-range': "A value does not fit the KPI's unit (a percentage outside 0-100, a negative count).",
  'csv-ratio-incomplete': 'A ratio KPI row has a numerator without a denominator, or a zero denominator.',
  'csv-ratio-counts-missing':
    'A ratio KPI row has a value but no numerator and denominator, so its quarter and year cannot be rolled up; a warning (an error with --strict).',
  'csv-ratio-mismatch': 'The value does not agree with numerator / denominator.',
  'csv-na-reason':
    'A row says the measure is not applicable (not applicable, [z], [x]) but its note gives no reason; every N/A is printed with its reason. A warning (an error with --strict).',
  'csv-value-fraction':
    'A percentage figure below 1 where every earlier figure of the KPI is above 1: likely a fraction typed for a percentage (0.039 for 3.9). A warning (an error with --strict); a note on the row accepts it.',
  'csv-value-scale':
    "A figure 10 or 100 times larger or smaller than the KPI's own recent figures: likely a misplaced decimal point. A warning (an error with --strict); a note on the row accepts it.",
  'csv-value-declared-range':
    'A figure outside the range the KPI declares (range: min, max) in the dictionary. A warning (an error with --strict); a note on the row accepts it.',
  'csv-duplicate-row': 'The same KPI and period appear more than once.',
  'commentary-unknown-kpi': 'Commentary names a KPI that is not in the dictionary.',
  'commentary-duplicate-period': 'Two commentary files are for the same period.',
  'commentary-missing-part': 'A commentary entry lacks a part it needs (overview, status, narrative).',
  'commentary-status-for-measure': 'A status was written for a measure, whose status prf computes; it is ignored.',
  'change-unrecorded':
    "A KPI's definition, formula, target (or polarity, unit, frequency, aggregation, id) changed since the --since revision with no new changes entry naming that field.",
  'workspace-path': 'A path in prf.yaml points outside the workspace or to something that is not a folder.',
  'import-not-form': 'An imported workbook is not a return form made by prf collect, or not a readable .xlsx.',
  'import-tampered': 'A locked cell or the hidden marker of a return form changed after prf collect made it.',
  'import-wrong-period': 'A form or CSV row is for another period than the one given with --period.',
  'import-dictionary-changed': 'A return form was made from an older dictionary: an entry on it has changed since.',
  'import-figure-exists': 'An imported figure would replace one already recorded; that needs --restate with a reason.',
} as const;

export type RuleCode = keyof typeof RULES;
