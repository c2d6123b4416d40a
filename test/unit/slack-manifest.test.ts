import { PROMPT_EVENT_TYPE } from '../../adapters/slack/action-value.js';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { SLACK_BOT_SCOPES } from '../../adapters/slack/create-slack-adapter.js';

/** Slack's published schema, vendored with its licence (see its README). */
const schemaDir = 'test/fixtures/slack-manifest-schema';
const manifests = ['manifest/slack.yaml', 'manifest/slack.socket-mode.yaml'];

function validator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  return ajv.compile(JSON.parse(readFileSync(`${schemaDir}/manifest.schema.1.0.0.json`, 'utf8')) as object);
}

type Manifest = {
  oauth_config: { scopes: { bot: string[] } };
  features: { slash_commands: { command: string }[] };
  settings: { event_subscriptions: { bot_events: string[]; metadata_subscriptions?: { app_id: string; event_type: string }[] }; socket_mode_enabled: boolean };
};

describe('the Slack app manifests', () => {
  it("validate against Slack's published schema", () => {
    const validate = validator();
    for (const file of manifests) {
      const ok = validate(parse(readFileSync(file, 'utf8')));
      expect(validate.errors ?? [], file).toEqual([]);
      expect(ok).toBe(true);
    }
    expect(validate(JSON.parse(readFileSync(`${schemaDir}/example.manifest.valid.json`, 'utf8')))).toBe(true);
    expect(validate(JSON.parse(readFileSync(`${schemaDir}/example.manifest.invalid.json`, 'utf8')))).toBe(false);
  });

  it.each(manifests)('%s asks for exactly the scopes the code uses, and never to read DMs', (file) => {
    const manifest = parse(readFileSync(file, 'utf8')) as Manifest;
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...SLACK_BOT_SCOPES].sort());
    expect(manifest.oauth_config.scopes.bot.some((s) => s.endsWith(':history'))).toBe(false);
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(['/pulse', '/exit-survey']);
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual(['app_home_opened', 'message_metadata_posted', 'team_join', 'user_change']);
    // The reports of posted prompts that make crash recovery exact: pulsebot's own event type only.
    expect(manifest.settings.event_subscriptions.metadata_subscriptions).toEqual([{ app_id: '*', event_type: PROMPT_EVENT_TYPE }]);
  });
});
