#!/usr/bin/env node
// The `pulsebot` command. It runs the TypeScript sources through tsx (as `npm start` does), so it
// works right after `npm install`, with no build step.
import process from 'node:process';
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../app/cli.ts');
process.exitCode = await runCli(process.argv.slice(2), process.env);
