import { CONFIG } from '../../helpers/base-workspace.js';
import { edit, error, validateTable } from '../../helpers/rule-tester.js';

const withPaths = (lines: string) => (b: string) => `${b}paths:\n${lines}`;
// A status rule in prf.yaml (from line 11: ragg:, rule:, bands:, then two lines a band, the first band's at 14 and 15).
const withRule =
  (bands: string, before = '') =>
  (b: string) =>
    `${b}ragg:\n${before}  rule:\n    bands:\n${bands}`;
const band = (status: string, upTo?: number) => `      - status: ${status}\n${upTo === undefined ? '' : `        upTo: ${upTo}\n`}`;

/** prf.yaml: ids used once each and not reserved, folders inside the workspace, and a usable status rule. */
export default validateTable({
  name: 'prf.yaml rules',
  valid: [
    { name: 'the default folders written out', files: { [CONFIG]: withPaths('  kpis: kpis\n  outturns: data/outturns\n  commentary: data/commentary\n') } },
    { name: 'a folder that goes up and back in stays inside', files: { [CONFIG]: withPaths('  kpis: kpis/../kpis\n') } },
    {
      name: 'one aim id under two names in two priorities is not needed: distinct ids pass',
      files: { [CONFIG]: (b) => `${b}  - id: places\n    name: Good places\n    aims:\n      - id: parks\n        name: Parks\n` },
    },
    { name: 'a status rule, best band first, the last open-ended', files: { [CONFIG]: withRule(band('green', 0.05) + band('amber', 0.1) + band('red')) } },
  ],
  invalid: [
    {
      name: 'two committees with one id',
      files: {
        [CONFIG]: edit(
          '    name: Housing Overview and Scrutiny Committee\n',
          '    name: Housing Overview and Scrutiny Committee\n  - id: housing-osc\n    name: Another\n',
        ),
      },
      diagnostics: [error(CONFIG, 5, 9, 'config-duplicate-id', 'committee id "housing-osc" is used twice')],
    },
    {
      name: 'two priorities with one id',
      files: { [CONFIG]: (b) => `${b}  - id: homes\n    name: More homes\n    aims: []\n` },
      diagnostics: [error(CONFIG, 11, 9, 'config-duplicate-id', 'priority id "homes" is used twice')],
    },
    {
      name: 'one aim id under two priorities',
      files: { [CONFIG]: (b) => `${b}  - id: places\n    name: Good places\n    aims:\n      - id: repairs\n        name: Repair parks\n` },
      diagnostics: [error(CONFIG, 14, 13, 'config-duplicate-id', 'aim ids must be unique across priorities')],
    },
    {
      name: 'an absolute outturns folder',
      files: { [CONFIG]: withPaths('  outturns: /srv/outturns\n') },
      diagnostics: [error(CONFIG, 12, 13, 'workspace-path', 'paths.outturns (/srv/outturns) leads outside the workspace')],
    },
    {
      name: 'a commentary folder that goes up and out',
      files: { [CONFIG]: withPaths('  commentary: data/../..\n') },
      diagnostics: [error(CONFIG, 12, 15, 'workspace-path', 'leads outside the workspace')],
    },
    {
      name: "a committee with the index page's id",
      files: {
        [CONFIG]: edit(
          '    name: Housing Overview and Scrutiny Committee\n',
          '    name: Housing Overview and Scrutiny Committee\n  - id: index\n    name: Index Committee\n',
        ),
      },
      diagnostics: [error(CONFIG, 5, 9, 'config-reserved-id', 'committee id "index" names the index page')],
    },
    {
      name: 'a status rule whose second band ends before the first',
      files: { [CONFIG]: withRule(band('green', 0.1) + band('amber', 0.05) + band('red')) },
      diagnostics: [error(CONFIG, 17, 15, 'ragg-rule-order', 'band 2 (Amber) ends at 0.05, not beyond band 1 (0.1)')],
    },
    {
      name: 'a status rule with a better colour after a worse one',
      files: { [CONFIG]: withRule(band('amber', 0.05) + band('green', 0.1) + band('red')) },
      diagnostics: [error(CONFIG, 16, 17, 'ragg-rule-order', 'band 2 is green after a amber band')],
    },
    {
      name: 'a status rule whose last band stops',
      files: { [CONFIG]: withRule(band('green', 0.05) + band('red', 0.1)) },
      diagnostics: [error(CONFIG, 17, 15, 'ragg-rule-coverage', 'leave upTo out of the last band')],
    },
    {
      name: 'a status rule and the amber band it replaces',
      files: { [CONFIG]: withRule(band('green', 0.05) + band('red'), '  band: 0.1\n') },
      diagnostics: [error(CONFIG, 12, 3, 'ragg-rule-conflict', 'ragg.band is not used when ragg.rule is given')],
    },
  ],
});
