#!/usr/bin/env node
// The command line runs from its bundle (lib/bundle/cli.cjs, made by scripts/bundle.mjs at
// build time), with V8's code cache where it can (lib/start.js, from src/start.ts).
import { start } from '../lib/start.js';

process.exitCode = await start(process.argv.slice(2));
