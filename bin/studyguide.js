#!/usr/bin/env node
// The command line runs from the bundle (lib/bundle/, made by scripts/bundle.mjs at build
// time): one file and a few chunks load far faster than the ~1,500 modules they contain.
import { main } from '../lib/bundle/cli.js';

process.exitCode = await main(process.argv.slice(2));
