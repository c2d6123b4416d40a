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
    expect(
      await ruleIds('src/domain/boundary-probe.ts', "import { z } from 'zod';\nimport { DateTime } from 'luxon';\nexport const s = [z, DateTime];\n"),
    ).toEqual([]);
  }, 60_000);

  it('nothing in src imports a chat SDK or agenda', async () => {
    for (const module of ['@slack/bolt', '@microsoft/teams-ai', 'botbuilder', 'agenda']) {
      expect(await ruleIds('src/services/boundary-probe.ts', `import x from '${module}';\nexport const y = x;\n`), module).toContain('no-restricted-imports');
    }
  }, 60_000);

  it('adapters, the HR API, the CLI and the jobs reach the core only through the door', async () => {
    const leaks: [string, string][] = [
      ['adapters/slack/boundary-probe.ts', '../../src/store/store.js'],
      ['adapters/teams/boundary-probe.ts', '../../src/services/record-answer.js'],
      ['adapters/web/boundary-probe.ts', '../../src/core/conversation/converse.js'],
      ['adapters/web/dashboard/boundary-probe.ts', 'mongodb'],
      ['src/api/routes/boundary-probe.ts', '../../services/results-range.js'],
      ['src/cli/boundary-probe.ts', '../store/database.js'],
      ['src/cli/boundary-probe.ts', '../config.js'],
      ['jobs/boundary-probe.ts', '../src/delivery-loop.js'],
      ['jobs/boundary-probe.ts', '../app/create-app.js'],
    ];
    for (const [file, module] of leaks) {
      expect(await ruleIds(file, `import x from '${module}';\nexport const y = x;\n`), `${file} → ${module}`).toContain('no-restricted-imports');
    }
    const allowed: [string, string][] = [
      ['adapters/slack/boundary-probe.ts', '../../src/pulse/index.js'],
      ['adapters/teams/boundary-probe.ts', '../../src/domain/question.js'],
      ['adapters/web/boundary-probe.ts', '../../src/ports/chat-platform.js'],
      ['adapters/web/boundary-probe.ts', '../cards/prompt-card.js'],
      ['src/api/routes/boundary-probe.ts', '../../pulse/index.js'],
      ['jobs/boundary-probe.ts', '../src/pulse/index.js'],
    ];
    for (const [file, module] of allowed) {
      expect(await ruleIds(file, `import x from '${module}';\nexport const y = x;\n`), `${file} → ${module}`).toEqual([]);
    }
  }, 60_000);

  it('adapters never import one another, and the core never imports them or the composition root', async () => {
    const leaks: [string, string][] = [
      ['adapters/web/boundary-probe.ts', '../teams/teams-platform.js'],
      ['adapters/teams/boundary-probe.ts', '../slack/comment-warning.js'],
      ['adapters/slack/boundary-probe.ts', '../web/inbox.js'],
      ['adapters/cards/boundary-probe.ts', '../teams/turn.js'],
      ['src/services/boundary-probe.ts', '../../adapters/slack/slack-platform.js'],
      ['src/store/boundary-probe.ts', '../../app/create-app.js'],
    ];
    for (const [file, module] of leaks) {
      expect(await ruleIds(file, `import x from '${module}';\nexport const y = x;\n`), `${file} → ${module}`).toContain('no-restricted-imports');
    }
  }, 60_000);

  it('logic takes time from the injected clock', async () => {
    expect(await ruleIds('src/services/boundary-probe.ts', 'export const t = Date.now();\n')).toContain('no-restricted-syntax');
  }, 60_000);
});
