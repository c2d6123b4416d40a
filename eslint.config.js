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
    files: ['src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: chatSdks }] },
  },
  {
    files: ['adapters/**/*.ts', 'jobs/**/*.ts', 'test/**/*.ts'],
    ignores: ['adapters/teams/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [teamsSdks] }] },
  },
  {
    files: ['adapters/teams/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [chatSdks[0], chatSdks[2]] }] },
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
        ['window', 'document', 'location', 'localStorage', 'fetch', 'URLSearchParams', 'EventSource', 'setTimeout', 'clearTimeout', 'AdaptiveCards'].map((name) => [name, 'readonly']),
      ),
    },
  },
);
