/**
 * The Regulator of Social Housing's 22 Tenant Satisfaction Measures, as 26 figures (CH01, CH02,
 * NM01 and RP02 have two parts each). The descriptions are the regulator's own wording; the
 * polarity is prf's reading (the regulator does not define one): CH01 and NM01 are neutral, since
 * a higher count can mean easier access to complaining or reporting.
 */

export type TsmTenure = 'LCRA' | 'LCHO';
export const TSM_TENURES = ['LCRA', 'LCHO'] as const;

export interface TsmMeasure {
  /** `TP01`, or `CH01-1` for part 1 of a two-part measure: the KPI id in a TSM starter is `TSM-` and this. */
  key: string;
  code: string;
  part: 1 | 2 | null;
  name: string;
  /** The regulator's description. */
  definition: string;
  formula: string;
  unit: 'percentage' | 'rate';
  polarity: 'higher' | 'lower' | 'neutral';
  /**
   * Where the workbook reports it: `perception` on the LCRA or LCHO perception sheet;
   * `tenure` on the management information sheet once per tenure (LCRA -, LCHO -); `landlord` on
   * that sheet once for the landlord as a whole (LCRA and LCHO combined).
   */
  reported: 'perception' | 'tenure' | 'landlord';
  /** Perception measures the regulator does not ask of shared owners (LCHO): the repairs and home questions. */
  rentedOnly?: true;
}

const tp = (n: string, name: string, definition: string, base = 'respondents who answered the question'): TsmMeasure => ({
  ...(['02', '03', '04'].includes(n) ? { rentedOnly: true as const } : {}),
  key: `TP${n}`,
  code: `TP${n}`,
  part: null,
  name,
  definition,
  formula: `Respondents ${n === '08' ? 'who strongly agree or agree' : 'very or fairly satisfied'} / ${base} x 100`,
  unit: 'percentage',
  polarity: 'higher',
  reported: 'perception',
});

const homes = (code: string, name: string, definition: string, checked: string): TsmMeasure => ({
  key: code,
  code,
  part: null,
  name,
  definition,
  formula: `Homes for which all required ${checked} were carried out and recorded at year end / homes for which they were required x 100`,
  unit: 'percentage',
  polarity: 'higher',
  reported: 'landlord',
});

export const TSM_MEASURES: readonly TsmMeasure[] = [
  tp('01', 'Overall satisfaction', 'Proportion of respondents who report that they are satisfied with the overall service from their landlord.'),
  tp(
    '02',
    'Satisfaction with repairs',
    'Proportion of respondents who have received a repair in the last 12 months who report that they are satisfied with the overall repairs service.',
    'respondents who had a repair in the last 12 months and answered',
  ),
  tp(
    '03',
    'Satisfaction with time taken to complete most recent repair',
    'Proportion of respondents who have received a repair in the last 12 months who report that they are satisfied with the time taken to complete their most recent repair.',
    'respondents who had a repair in the last 12 months and answered',
  ),
  tp('04', 'Satisfaction that the home is well maintained', 'Proportion of respondents who report that they are satisfied that their home is well maintained.'),
  tp('05', 'Satisfaction that the home is safe', 'Proportion of respondents who report that they are satisfied that their home is safe.'),
  tp(
    '06',
    'Satisfaction that the landlord listens to tenant views and acts upon them',
    'Proportion of respondents who report that they are satisfied that their landlord listens to tenant views and acts upon them.',
  ),
  tp(
    '07',
    'Satisfaction that the landlord keeps tenants informed about things that matter to them',
    'Proportion of respondents who report that they are satisfied that their landlord keeps them informed about things that matter to them.',
  ),
  tp(
    '08',
    'Agreement that the landlord treats tenants fairly and with respect',
    'Proportion of respondents who report that they agree their landlord treats them fairly and with respect.',
  ),
  tp(
    '09',
    "Satisfaction with the landlord's approach to handling complaints",
    "Proportion of respondents who report making a complaint in the last 12 months who are satisfied with their landlord's approach to complaints handling.",
    'respondents who complained in the last 12 months and answered',
  ),
  tp(
    '10',
    'Satisfaction that the landlord keeps communal areas clean and well maintained',
    'Proportion of respondents with communal areas who report that they are satisfied that their landlord keeps communal areas clean and well maintained.',
    'respondents with communal areas who answered',
  ),
  tp(
    '11',
    'Satisfaction that the landlord makes a positive contribution to neighbourhoods',
    'Proportion of respondents who report that they are satisfied that their landlord makes a positive contribution to their neighbourhood.',
  ),
  tp(
    '12',
    "Satisfaction with the landlord's approach to handling anti-social behaviour",
    "Proportion of respondents who report that they are satisfied with their landlord's approach to handling anti-social behaviour.",
  ),
  {
    key: 'RP01',
    code: 'RP01',
    part: null,
    name: 'Homes that do not meet the Decent Homes Standard',
    definition: 'Proportion of homes that do not meet the Decent Homes Standard.',
    formula: 'Homes to which the Decent Homes Standard applies that fail it at year end / homes to which it applies x 100',
    unit: 'percentage',
    polarity: 'lower',
    reported: 'landlord',
  },
  {
    key: 'RP02-1',
    code: 'RP02',
    part: 1,
    name: 'Repairs completed within target timescale: non-emergency',
    definition: "Proportion of non-emergency responsive repairs completed within the landlord's target timescale.",
    formula: 'Non-emergency responsive repairs completed within the target timescale in the year / non-emergency responsive repairs completed x 100',
    unit: 'percentage',
    polarity: 'higher',
    reported: 'landlord',
  },
  {
    key: 'RP02-2',
    code: 'RP02',
    part: 2,
    name: 'Repairs completed within target timescale: emergency',
    definition: "Proportion of emergency responsive repairs completed within the landlord's target timescale.",
    formula: 'Emergency responsive repairs completed within the target timescale in the year / emergency responsive repairs completed x 100',
    unit: 'percentage',
    polarity: 'higher',
    reported: 'landlord',
  },
  homes('BS01', 'Gas safety checks', 'Proportion of homes for which all required gas safety checks have been carried out.', 'gas safety checks'),
  homes('BS02', 'Fire safety checks', 'Proportion of homes for which all required fire risk assessments have been carried out.', 'fire risk assessments'),
  homes(
    'BS03',
    'Asbestos safety checks',
    'Proportion of homes for which all required asbestos management surveys or re-inspections have been carried out.',
    'asbestos management surveys or re-inspections',
  ),
  homes(
    'BS04',
    'Water safety checks',
    'Proportion of homes for which all required legionella risk assessments have been carried out.',
    'legionella risk assessments',
  ),
  homes(
    'BS05',
    'Lift safety checks',
    'Proportion of homes for which all required communal passenger lift safety checks have been carried out.',
    'communal passenger lift safety checks',
  ),
  {
    key: 'CH01-1',
    code: 'CH01',
    part: 1,
    name: 'Complaints relative to the size of the landlord: stage one',
    definition: 'Number of stage one complaints received per 1,000 homes.',
    formula: 'Stage one complaints made by tenants in the year / homes at year end x 1,000',
    unit: 'rate',
    polarity: 'neutral',
    reported: 'tenure',
  },
  {
    key: 'CH01-2',
    code: 'CH01',
    part: 2,
    name: 'Complaints relative to the size of the landlord: stage two',
    definition: 'Number of stage two complaints received per 1,000 homes.',
    formula: 'Stage two complaints made by tenants in the year / homes at year end x 1,000',
    unit: 'rate',
    polarity: 'neutral',
    reported: 'tenure',
  },
  {
    key: 'CH02-1',
    code: 'CH02',
    part: 1,
    name: 'Complaints responded to within Complaint Handling Code timescales: stage one',
    definition: "Proportion of stage one complaints responded to within the Housing Ombudsman's Complaint Handling Code timescales.",
    formula: 'Stage one complaints responded to within the Code timescale / stage one complaints responded to x 100',
    unit: 'percentage',
    polarity: 'higher',
    reported: 'tenure',
  },
  {
    key: 'CH02-2',
    code: 'CH02',
    part: 2,
    name: 'Complaints responded to within Complaint Handling Code timescales: stage two',
    definition: "Proportion of stage two complaints responded to within the Housing Ombudsman's Complaint Handling Code timescales.",
    formula: 'Stage two complaints responded to within the Code timescale / stage two complaints responded to x 100',
    unit: 'percentage',
    polarity: 'higher',
    reported: 'tenure',
  },
  {
    key: 'NM01-1',
    code: 'NM01',
    part: 1,
    name: 'Anti-social behaviour cases relative to the size of the landlord: all cases',
    definition: 'Number of anti-social behaviour cases opened per 1,000 homes.',
    formula: 'Anti-social behaviour cases opened in the year / homes at year end x 1,000',
    unit: 'rate',
    polarity: 'neutral',
    reported: 'landlord',
  },
  {
    key: 'NM01-2',
    code: 'NM01',
    part: 2,
    name: 'Anti-social behaviour cases relative to the size of the landlord: hate incidents',
    definition: 'Number of anti-social behaviour cases that involve hate incidents opened per 1,000 homes.',
    formula: 'Anti-social behaviour cases involving hate incidents opened in the year / homes at year end x 1,000',
    unit: 'rate',
    polarity: 'neutral',
    reported: 'landlord',
  },
];

/** `TP01`, `CH01 (part 1)`: the regulator code a dictionary entry carries. */
export const regulatorCodeOf = (m: TsmMeasure) => (m.part === null ? m.code : `${m.code} (part ${m.part})`);

/**
 * The measure a dictionary entry's regulatorCode names (`TP01`, `TSM TP01`, `CH01 (part 1)`,
 * `CH01 part 1`), or null. A two-part code without its part names no single figure.
 */
export function measureOfRegulatorCode(text: string | undefined): TsmMeasure | null {
  const m = /\b(TP|BS|RP|CH|NM)(\d\d)\b(?:\s*[(-]?\s*(?:part|pt)?\s*([12])\s*\)?)?/i.exec(text ?? '');
  if (!m) return null;
  const code = `${m[1]!.toUpperCase()}${m[2]}`;
  const part = m[3] === undefined ? null : Number(m[3]);
  return TSM_MEASURES.find((x) => x.code === code && (x.part === part || (x.part === null && part === null))) ?? null;
}
