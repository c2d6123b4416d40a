// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const chatSdks = [
  { group: ['@slack/*'], message: 'Only adapters/slack may import Slack SDKs: go through the ChatPlatform port.' },
  { group: ['@microsoft/*', 'botbuilder', 'botbuilder-*', 'botframework-*'], message: 'Only adapters/teams may import Teams SDKs.' },
  { group: ['agenda', '@agendajs/*'], message: 'Only jobs/ may import agenda: services ask through the JobQueue port.' },
];

// teams-ai v1 is in maintenance: keeping its SDKs in one folder makes the move to v2 a one-folder change.
const teamsSdks = {
  group: ['@microsoft/teams-ai', '@microsoft/teams-ai/*', 'botbuilder', 'botbuilder-*', 'botframework-*'],
  message: 'Only adapters/teams may import the Teams SDKs (teams-ai, botbuilder).',
};

/**
 * The front door (issue #16): adapters, the HR API, the CLI and the jobs reach the core only
 * through `src/pulse` (plus `src/domain` types, `src/ports`, `src/lib` and the adapters' own
 * config types). Never the use cases, the store, MongoDB, the composition root, or an adapter.
 */
const throughTheDoor = [
  { group: ['mongodb'], message: "Go through the door (src/pulse): MongoDB is the core's business." },
  {
    regex: '(^|/)(services|store|core|embedded-db|metrics)/',
    message: 'Go through the door (src/pulse/index.ts): use cases and the store are behind it. Add what you need to createPulse.',
  },
  { regex: '^(\\.\\./)+(src/)?(delivery-loop|logger|config)\\.js$', message: 'Go through the door (src/pulse): the composition root wires these.' },
  { regex: '(^|/)app/', message: 'Only the composition root (app/) knows the whole app; it passes you what you need.' },
  { regex: '(^|/)adapters/', message: 'Only the composition root (app/) imports adapters.' },
];

/** What the core itself may not reach: the composition root and the adapters (they depend on it, never the reverse). */
const insideOut = [
  { regex: '(^|/)app/', message: 'The core does not know the composition root.' },
  { regex: '(^|/)adapters/', message: 'The core does not import adapters: it talks to them through src/ports.' },
];

/** Adapters never import one another: shared rendering lives in adapters/cards (Adaptive Cards), views come from the door. */
const otherAdapters = (self) => ({
  regex: `(^|/)(${['slack', 'teams', 'web', 'cards'].filter((name) => name !== self && !(self !== 'cards' && name === 'cards')).join('|')})/`,
  message: `adapters/${self} must not import another adapter: take a view model from the door (src/pulse), or the shared card renderer (adapters/cards).`,
});

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.cache/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Use the injected Clock.' },
      ],
    },
  },
  {
    files: ['app/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: chatSdks }] },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/api/**', 'src/cli/**', 'src/domain/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...chatSdks, ...insideOut] }] },
  },
  {
    files: ['src/api/**/*.ts', 'src/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...chatSdks, ...throughTheDoor] }] },
  },
  {
    files: ['jobs/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [chatSdks[0], teamsSdks, ...throughTheDoor] }] },
  },
  {
    files: ['adapters/slack/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [teamsSdks, chatSdks[2], ...throughTheDoor, otherAdapters('slack')] }] },
  },
  {
    files: ['adapters/teams/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [chatSdks[0], chatSdks[2], ...throughTheDoor, otherAdapters('teams')] }] },
  },
  {
    files: ['adapters/web/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...chatSdks, ...throughTheDoor, otherAdapters('web')] }] },
  },
  {
    files: ['adapters/cards/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...chatSdks, ...throughTheDoor, otherAdapters('cards')] }] },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [teamsSdks] }] },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!zod$|luxon$|\\.{1,2}/)',
              message: 'src/domain is pure: it imports only zod, luxon and other domain files.',
            },
            { group: ['../../*', '../ports/*', '../services/*', '../store/*'], message: 'src/domain must not reach outside src/domain.' },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date']", message: 'src/domain takes time as luxon values from its callers.' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Use the injected Clock.' },
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // The web UI's browser scripts (served as they are, no build step).
    files: ['adapters/web/static/**/*.js'],
    languageOptions: {
      sourceType: 'module',
      globals: Object.fromEntries(
        ['window', 'document', 'location', 'localStorage', 'fetch', 'URLSearchParams', 'EventSource', 'setTimeout', 'clearTimeout', 'AdaptiveCards'].map(
          (name) => [name, 'readonly'],
        ),
      ),
    },
  },
);
