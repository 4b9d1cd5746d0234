#!/usr/bin/env node
// Makes sure a browser for printing is there, using studyguide's own search chain.
// On Debian or Ubuntu as root (a fresh CI machine, a container) it installs Debian's
// headless Chromium and fonts with apt-get; anywhere else it says how to get one.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const { findBrowser } = await import('../lib/browser/find.js').catch(() => {
  console.error('studyguide: the code is not built yet; run "npm install" first.');
  process.exit(1);
});

try {
  const found = await findBrowser();
  if (process.env.CI || process.argv.includes('--verbose')) console.error(`browser: ${found.executablePath} (${found.source})`);
  process.exit(0);
} catch (error) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (process.platform === 'linux' && isRoot && existsSync('/usr/bin/apt-get')) {
    console.error('studyguide: no browser found; installing Debian\'s chromium-headless-shell and fonts with apt-get…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const fonts = ['fonts-dejavu-core', 'fonts-liberation'];
    try {
      execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium-headless-shell', ...fonts], { stdio: 'inherit', env });
    } catch {
      execFileSync('apt-get', ['install', '-y', '-qq', 'chromium', ...fonts], { stdio: 'inherit', env });
    }
    const found = await findBrowser();
    console.error(`browser: ${found.executablePath}`);
    process.exit(0);
  }
  console.error(`studyguide: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
