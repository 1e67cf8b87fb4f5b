// The linter holds the stages apart (docs/dev/architecture.md draws them):
// text (comparing and wording text) below everything; model, diagnostics -> core -> views -> render, with load and rules reading the files and
// write putting files down. Files, git, child processes and the clock stay at the edges.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Each stage folder of src/, and the stage folders it may import from (besides itself). */
export const LAYERS = {
  text: [],
  diagnostics: ['text'],
  model: ['text'],
  core: ['model', 'diagnostics', 'text'],
  formats: ['core', 'model', 'diagnostics', 'text'],
  views: ['core', 'model', 'text'],
  render: ['views', 'formats', 'core', 'model', 'diagnostics', 'text'],
  load: ['formats', 'core', 'model', 'diagnostics', 'text'],
  rules: ['load', 'formats', 'core', 'model', 'diagnostics', 'text'],
  write: ['load', 'render', 'formats', 'core', 'model', 'diagnostics', 'text'],
  git: ['load', 'rules', 'formats', 'core', 'model', 'diagnostics', 'text'],
};
const STAGES = Object.keys(LAYERS);

/** The folders that may touch the outside world: the file system, processes, the clock. */
const EDGES = ['load', 'write', 'git', 'commands', 'bin', 'tools'];
const OUTSIDE_MODULES = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'child_process', 'node:child_process', 'node:os', 'os'];

const restrictions = (folder) => {
  const allowed = new Set(LAYERS[folder]);
  const banned = [...STAGES, 'commands', 'bin', 'tools'].filter((f) => f !== folder && !allowed.has(f));
  const patterns = [
    {
      regex: `^\\.\\./(${banned.join('|')})/`,
      message: `src/${folder} may import only from ${[...allowed].map((f) => `src/${f}`).join(', ') || 'itself'}: see docs/dev/architecture.md`,
    },
  ];
  const paths = EDGES.includes(folder)
    ? []
    : OUTSIDE_MODULES.map((name) => ({
        name,
        message: `src/${folder} is pure: files and processes are read and written only in ${EDGES.map((f) => `src/${f}`).join(', ')}`,
      }));
  return { paths, patterns };
};

const clockRules = {
  'no-restricted-syntax': [
    'error',
    { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'the clock is read only in src/commands: pass today in' },
    { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'the clock is read only in src/commands: pass today in' },
    { selector: "MemberExpression[object.name='process']", message: 'process is touched only in src/commands, src/bin and the edges: pass what is needed in' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'reports/**', 'test/**/fixtures/**', 'test/**/__snapshots__/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // noUncheckedIndexedAccess makes `!` the honest way to say "this index exists".
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // A leading underscore names what is left out on purpose (a field dropped by destructuring).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  ...STAGES.map((folder) => ({
    files: [`src/${folder}/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', restrictions(folder)], ...(EDGES.includes(folder) ? {} : clockRules) },
  })),
);
