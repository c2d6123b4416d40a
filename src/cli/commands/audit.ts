import { formatAnonymityReport } from '../../pulse/index.js';
import type { CliContext } from '../cli-context.js';
import type { Output } from '../output.js';
import { CommandFailed } from '../usage.js';

/** `audit [--json]`: checks the answer side; fails (exit 1) when any check fails. */
export async function auditCommand(ctx: CliContext, json: boolean, io: Output): Promise<void> {
  const report = await ctx.pulse.audit();
  io.out(json ? JSON.stringify(report, null, 2) : formatAnonymityReport(report));
  if (!report.passed) {
    const failed = report.checks.filter((c) => !c.passed).map((c) => c.name);
    throw new CommandFailed(`anonymity audit failed: ${failed.join(', ')}`);
  }
}
