import { CONFIG } from '../../helpers/base-workspace.js';
import { edit, error, validateTable } from '../../helpers/rule-tester.js';

const withPaths = (lines: string) => (b: string) => `${b}paths:\n${lines}`;

/** prf.yaml: ids used once each, and folders inside the workspace. */
export default validateTable({
  name: 'prf.yaml rules',
  valid: [
    { name: 'the default folders written out', files: { [CONFIG]: withPaths('  kpis: kpis\n  outturns: data/outturns\n  commentary: data/commentary\n') } },
    { name: 'a folder that goes up and back in stays inside', files: { [CONFIG]: withPaths('  kpis: kpis/../kpis\n') } },
    {
      name: 'one aim id under two names in two priorities is not needed: distinct ids pass',
      files: { [CONFIG]: (b) => `${b}  - id: places\n    name: Good places\n    aims:\n      - id: parks\n        name: Parks\n` },
    },
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
  ],
});
