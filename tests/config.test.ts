import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { themeCss } from '../src/theme.js';
import { tempDir } from './helpers/tmp.js';

describe('config file', () => {
  it('reads YAML, JSON and typed TypeScript configs', async () => {
    const yaml = await tempDir({ 'studyguide.config.yaml': 'paper: letter\ncitationStyle: mla\ntheme:\n  accent: "#8b0000"\n' });
    expect(await loadConfig(yaml)).toMatchObject({ paper: 'letter', citationStyle: 'mla', theme: { accent: '#8b0000' } });
    const json = await tempDir({ 'studyguide.config.json': '{ "edition": "student", "out": "handouts" }' });
    expect(await loadConfig(json)).toMatchObject({ edition: 'student', out: 'handouts' });
    const ts = await tempDir({
      'studyguide.config.ts': "import { defineConfig } from '" + new URL('../src/config.ts', import.meta.url).pathname + "';\nconst paper: 'a4' | 'letter' = 'letter';\nexport default defineConfig({ paper, strict: true });\n",
    });
    expect(await loadConfig(ts)).toMatchObject({ paper: 'letter', strict: true });
  });

  it('names the key, the value and what was expected', async () => {
    const dir = await tempDir({ 'studyguide.config.yaml': 'title: x\npaper: a5\n' });
    await expect(loadConfig(dir)).rejects.toThrow(/studyguide\.config\.yaml:1: unknown key "title"; known keys are content, out, edition, paper/);
    await expect(loadConfig(dir)).rejects.toThrow('studyguide.config.yaml:2: "paper": expected a4 or letter, got "a5"');
  });

  it('lets nothing but colours, lengths and font names into the page', async () => {
    const dir = await tempDir({ 'studyguide.config.yaml': 'theme:\n  accent: "red; } body { display: none"\n' });
    await expect(loadConfig(dir)).rejects.toThrow(/"theme.accent": expected a colour/);
    expect(themeCss({ accent: '#123456', margin: '15mm' }, { accent: 'darkred' })).toBe(':root { --accent: darkred; }\n@page { margin: 15mm; }');
  });

  it('takes a remote browser only by its DevTools WebSocket URL', async () => {
    const good = await tempDir({ 'studyguide.config.yaml': 'browserWSEndpoint: ws://127.0.0.1:9222/devtools/browser/abc\n' });
    expect(await loadConfig(good)).toMatchObject({ browserWSEndpoint: 'ws://127.0.0.1:9222/devtools/browser/abc' });
    const bad = await tempDir({ 'studyguide.config.yaml': 'browserWSEndpoint: http://127.0.0.1:9222\n' });
    await expect(loadConfig(bad)).rejects.toThrow('studyguide.config.yaml:1: "browserWSEndpoint": expected a ws:// or wss:// URL, got "http://127.0.0.1:9222"');
  });

  it('is empty when there is no file', async () => {
    const dir = await tempDir();
    expect(await loadConfig(dir)).toEqual({ dir });
  });
});
