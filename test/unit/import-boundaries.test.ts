import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

// The project's own config, minus the type-aware rules (the probes are not files on disk).
const eslint = new ESLint({ overrideConfig: tseslint.configs.disableTypeChecked });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('import boundaries (ESLint)', () => {
  it('src/domain imports only zod, luxon and itself', async () => {
    expect(await ruleIds('src/domain/boundary-probe.ts', "import { MongoClient } from 'mongodb';\nexport const c = MongoClient;\n")).toContain(
      'no-restricted-imports',
    );
    expect(await ruleIds('src/domain/boundary-probe.ts', "import type { Store } from '../store/store.js';\nexport type S = Store;\n")).toContain(
      'no-restricted-imports',
    );
    expect(await ruleIds('src/domain/boundary-probe.ts', "import { z } from 'zod';\nimport { DateTime } from 'luxon';\nexport const s = [z, DateTime];\n")).toEqual([]);
  }, 60_000);

  it('nothing in src imports a chat SDK or agenda', async () => {
    for (const module of ['@slack/bolt', '@microsoft/teams-ai', 'botbuilder', 'agenda']) {
      expect(await ruleIds('src/services/boundary-probe.ts', `import x from '${module}';\nexport const y = x;\n`), module).toContain(
        'no-restricted-imports',
      );
    }
  }, 60_000);

  it('logic takes time from the injected clock', async () => {
    expect(await ruleIds('src/services/boundary-probe.ts', 'export const t = Date.now();\n')).toContain('no-restricted-syntax');
  }, 60_000);
});
