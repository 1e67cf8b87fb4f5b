/** The data package checker itself: it passes a valid package and names each MUST a package breaks. */
import { describe, expect, it } from 'vitest';
import { checkDataPackage } from './frictionless.js';

const valid = () => ({
  profile: 'tabular-data-package',
  name: 'demo-performance',
  licenses: [{ name: 'OGL-UK-3.0', path: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/', title: 'Open Government Licence v3.0' }],
  resources: [
    {
      profile: 'tabular-data-resource',
      name: 'statuses',
      path: 'data/statuses.csv',
      schema: {
        fields: [
          { name: 'kpi', type: 'string', constraints: { required: true } },
          { name: 'value', type: 'number' },
          { name: 'status', type: 'string', constraints: { enum: ['red', 'green'] } },
          { name: 'on_target', type: 'boolean' },
        ],
        primaryKey: ['kpi'],
      },
    },
  ],
});
const files = { 'data/statuses.csv': 'kpi,value,status,on_target\r\nA,-0.5,red,false\r\nB,,green,true\r\n' };

describe('checkDataPackage', () => {
  it('passes a valid tabular data package', () => {
    expect(checkDataPackage(valid(), files)).toEqual([]);
  });

  it('names each broken rule', () => {
    const broken = { ...valid(), name: 'Demo Performance', licenses: [{ title: 'no id or address' }] };
    broken.resources[0]!.path = '../outside.csv';
    broken.resources[0]!.schema.primaryKey = ['id'];
    expect(checkDataPackage(broken, { '../outside.csv': files['data/statuses.csv'] })).toEqual([
      'name breaks the pattern',
      'licenses[0] has neither name nor path',
      'resources[0].path ../outside.csv is not a relative POSIX path inside the package',
      'resources[0]: primary key id is not a field',
    ]);
    expect(checkDataPackage({ profile: 'tabular-data-package', resources: [] }, {})).toEqual(['resources is not a non-empty array']);
    const { schema: _schema, ...withoutSchema } = valid().resources[0]!;
    expect(checkDataPackage({ ...valid(), resources: [withoutSchema] }, files)).toEqual(['resources[0].schema has no fields']);
  });

  it('checks every CSV cell against its field', () => {
    expect(checkDataPackage(valid(), { 'data/statuses.csv': 'kpi,status,value,on_target\r\n' })).toEqual([
      "data/statuses.csv: header kpi,status,value,on_target is not the schema's fields kpi,value,status,on_target",
    ]);
    const bad = 'kpi,value,status,on_target\r\n,1'.concat(',red,true\r\nA,1%,amber,yes\r\nA,2,red,true\r\n');
    expect(checkDataPackage(valid(), { 'data/statuses.csv': bad })).toEqual([
      'data/statuses.csv line 2: kpi is required',
      'data/statuses.csv line 3: value 1% is not a number',
      'data/statuses.csv line 3: status amber is not one of red, green',
      'data/statuses.csv line 3: on_target yes is not a boolean',
      'data/statuses.csv line 4: primary key kpi repeats',
    ]);
    expect(checkDataPackage(valid(), {})).toEqual(['resources[0].path data/statuses.csv names no file in the package']);
  });
});
