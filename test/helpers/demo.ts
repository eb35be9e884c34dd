import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection } from '../../src/core/db/connection.js';
import { openEmbedded } from '../../src/core/db/embedded-connection.js';

export function demoTemplate(): string {
  const dir = process.env.TW_TEST_DEMO_TEMPLATE;
  if (!dir) throw new Error('TW_TEST_DEMO_TEMPLATE is not set: run the tests through vitest (global setup builds it)');
  return dir;
}

/** A private copy of the prepared demo database (copying is ~0.1 s; building it is ~12 s). */
export function copyDemo(): { dir: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'tw-demo-'));
  const dir = join(root, 'demo');
  cpSync(demoTemplate(), dir, { recursive: true });
  return { dir, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

export async function openDemoCopy(): Promise<{ conn: Connection; dir: string; cleanup: () => Promise<void> }> {
  const { dir, cleanup } = copyDemo();
  const conn = await openEmbedded({ kind: 'embedded', dataDir: dir, demo: true, sources: { dataDir: 'test' } });
  return { conn, dir, cleanup: async () => { await conn.close(); cleanup(); } };
}

/** An empty embedded database in a temp dir (initdb costs ~2 s: share it within a file). */
export async function openEmptyEmbedded(): Promise<{ conn: Connection; dir: string; cleanup: () => Promise<void> }> {
  const root = mkdtempSync(join(tmpdir(), 'tw-empty-'));
  const dir = join(root, 'db');
  const conn = await openEmbedded({ kind: 'embedded', dataDir: dir, demo: false, sources: { dataDir: 'test' } });
  return { conn, dir, cleanup: async () => { await conn.close(); rmSync(root, { recursive: true, force: true }); } };
}
