import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useDemoApp } from './helpers/demo-app.js';
import { KEYS, type RenderedApp } from './helpers/render-app.js';

const demo = useDemoApp({ columns: 120, rows: 30 });
const F5 = '\u001b[15~';
const SQL = `select * from (values (1, 'a,b', null::text), (2, 'say "hi"', 'x'), (3, 'plain', 'y')) v(id, label, note)`;
const b64 = (s: string) => Buffer.from(s).toString('base64');

async function grid(): Promise<RenderedApp> {
  const r = await demo.open();
  await r.press('2', 'i');
  await r.type(SQL);
  await r.press(F5);
  await r.waitFor((f) => f.includes('row 1 of 3'), 'the result grid with its cursor');
  return r;
}

describe('result grid: cell cursor, copy over OSC 52, export', () => {
  it('moves by row and column, marks the cell, and copies the cell, the row as CSV and as JSON', async () => {
    const r = await grid();
    const res = () => r.app.store.get().result!;
    await r.press('j', 'l');
    expect([res().row, res().col]).toEqual([1, 1]);
    expect(r.lastFrame()).toContain('row 2 of 3');
    await r.press('y');
    expect(r.terminalWrites.at(-1)).toContain(b64('say "hi"'));
    await r.press('Y');
    expect(r.terminalWrites.at(-1)).toContain(b64('id,label,note\r\n2,"say ""hi""",x\r\n'));
    await r.press('k', 'l', 'y');
    // a NULL cell copies as empty and says so
    expect(r.terminalWrites.at(-1)).toContain('\x1b]52;c;\x07');
    expect(r.app.store.get().message?.text).toMatch(/note of row 1 \(NULL, copied as empty\)/);
    await r.press('J');
    expect(r.terminalWrites.at(-1)).toContain(b64(JSON.stringify({ id: '1', label: 'a,b', note: null }, null, 2)));
    // the cursor stops at the edges
    await r.press('l', 'l', 'G', 'j');
    expect([res().row, res().col]).toEqual([2, 2]);
  });

  it('E exports the rows through :export; an existing file is kept unless --force', async () => {
    const r = await grid();
    const dir = mkdtempSync(join(tmpdir(), 'tw-export-'));
    const file = join(dir, 'rows.csv');
    await r.press('E');
    expect(r.app.store.get().prompt.open).toBe(true);
    await r.type(file);
    await r.press(KEYS.enter);
    await r.until(() => existsSync(file), 'the exported file');
    expect(readFileSync(file, 'utf8')).toBe('id,label,note\r\n1,"a,b",\r\n2,"say ""hi""",x\r\n3,plain,y\r\n');
    expect(r.app.store.get().message?.text).toContain(`wrote 3 rows as CSV to ${file}`);

    writeFileSync(file, 'my edits');
    await r.press(':');
    await r.type(`export ${file}`);
    await r.press(KEYS.enter);
    await r.until(() => /already exists; add --force/.test(r.app.store.get().message?.text ?? ''), 'the refusal');
    expect(readFileSync(file, 'utf8')).toBe('my edits');

    const json = join(dir, 'rows.json');
    await r.press(':');
    await r.type(`export ${json} --force`);
    await r.press(KEYS.enter);
    await r.until(() => existsSync(json), 'the JSON export');
    expect(JSON.parse(readFileSync(json, 'utf8'))).toEqual([
      { id: '1', label: 'a,b', note: null }, { id: '2', label: 'say "hi"', note: 'x' }, { id: '3', label: 'plain', note: 'y' },
    ]);
  });
});
