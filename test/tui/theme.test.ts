import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readUserConfig } from '../../src/commands/user-config.js';
import { listThemes, loadTheme } from '../../src/tui/theme/theme.js';

describe('themes', () => {
  it('ships dark, light and a no-colour theme', () => {
    expect(listThemes()).toEqual(expect.arrayContaining(['dark', 'light', 'mono']));
    const light = loadTheme('light', {}).theme;
    expect(light.mono).toBe(false);
    expect(light.colors.accent).toBeTruthy();
    expect(loadTheme(undefined, {}).theme.name).toBe('dark');
  });

  it('respects NO_COLOR over the configured theme', () => {
    const t = loadTheme('light', { NO_COLOR: '1' }).theme;
    expect(t.name).toBe('mono');
    expect(t.mono).toBe(true);
    expect(t.colors).toEqual({});
  });

  it('falls back to dark with a message for an unknown theme', () => {
    const r = loadTheme('neon', {});
    expect(r.theme.name).toBe('dark');
    expect(r.problem).toMatch(/theme "neon" not loaded.*Themes: dark, light, mono/);
  });
});

describe('config file', () => {
  it('reports a broken config.json instead of failing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tw-conf-'));
    try {
      writeFileSync(join(dir, 'config.json'), '{ "theme": ');
      const r = readUserConfig({ TW_CONFIG_DIR: dir });
      expect(r.config).toEqual({});
      expect(r.problem).toContain('config.json ignored');
      writeFileSync(join(dir, 'config.json'), JSON.stringify({ theme: 'light', keys: { 'app.quit': 'ctrl+q' } }));
      expect(readUserConfig({ TW_CONFIG_DIR: dir }).config.theme).toBe('light');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
