import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ overrideConfig: tseslint.configs.disableTypeChecked });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('the Teams SDKs stay in adapters/teams (ESLint)', () => {
  it('only adapters/teams may import teams-ai, botbuilder or botframework-*', async () => {
    for (const module of ['@microsoft/teams-ai', 'botbuilder', 'botframework-connector']) {
      const code = `import x from '${module}';\nexport const y = x;\n`;
      for (const file of ['adapters/slack/probe.ts', 'jobs/probe.ts', 'test/e2e/probe.ts', 'src/services/probe.ts']) {
        expect(await ruleIds(file, code), `${module} in ${file}`).toContain('no-restricted-imports');
      }
      expect(await ruleIds('adapters/teams/probe.ts', code), module).toEqual([]);
    }
  }, 60_000);

  it('adapters/teams imports neither Slack SDKs nor agenda', async () => {
    expect(await ruleIds('adapters/teams/probe.ts', "import { App } from '@slack/bolt';\nexport const a = App;\n")).toContain('no-restricted-imports');
    expect(await ruleIds('adapters/teams/probe.ts', "import { Agenda } from 'agenda';\nexport const a = Agenda;\n")).toContain('no-restricted-imports');
  }, 60_000);
});
