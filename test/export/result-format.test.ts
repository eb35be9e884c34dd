import { describe, expect, it } from 'vitest';
import { csvField, formatOf, jsonKeys, toCsv, toJson, toTsv } from '../../src/core/export/result-format.js';
import { markCell, resultGrid } from '../../src/tui/result/result-grid.js';

const t = { columns: ['id', 'note', 'id'], rows: [['1', 'a,b\nc', null], ['2', ' lead', 'x"y']] };

describe('result export formats', () => {
  it('CSV quotes what RFC 4180 needs, doubles quotes, NULL is an empty field, CRLF ends', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField(null)).toBe('');
    expect(toCsv(t)).toBe('id,note,id\r\n1,"a,b\nc",\r\n2," lead","x""y"\r\n');
  });
  it('TSV escapes tabs and newlines as COPY does, so a record stays one line', () => {
    expect(toTsv({ columns: ['v'], rows: [['a\tb\nc\\d']] })).toBe('v\na\\tb\\nc\\\\d\n');
  });
  it('JSON keeps every column: a repeated name gets a suffix', () => {
    expect(jsonKeys(t.columns)).toEqual(['id', 'note', 'id_2']);
    expect(JSON.parse(toJson(t))[0]).toEqual({ id: '1', note: 'a,b\nc', id_2: null });
  });
  it('the format comes from the extension, with a fix when it cannot', () => {
    expect(formatOf('x.JSON')).toBe('json');
    expect(() => formatOf('x.xlsx')).toThrow(/end the file name in \.csv, \.tsv or \.json/);
  });
});

describe('result grid stops', () => {
  it('one stop per data row in a table, one per field in \\x mode; the cursor marks only its cell', () => {
    const block = { kind: 'table' as const, title: 'T', columns: ['a', 'bb'], rows: [['1', '22'], ['3', null]] };
    const g = resultGrid({ blocks: [{ kind: 'text', text: 'hello' }, block] });
    expect(g.stops.map((s) => [s.block, s.row])).toEqual([[1, 0], [1, 1]]);
    expect(g.lines[g.stops[0]!.line]!.map((s) => s.text).join('')).toBe('1 │ 22');
    expect(g.cols.get(1)).toEqual([{ x: 0, w: 1 }, { x: 4, w: 2 }]);
    const marked = markCell(g.lines[g.stops[1]!.line]!, g.stops[1]!, 1);
    expect(marked.filter((s) => s.inverse).map((s) => s.text)).toEqual(['∅ ']);
    const x = resultGrid({ blocks: [block], expanded: true });
    expect(x.stops.map((s) => [s.row, s.col])).toEqual([[0, 0], [0, 1], [1, 0], [1, 1]]);
    expect(markCell(x.lines[x.stops[1]!.line]!, x.stops[1]!, 0).filter((s) => s.inverse).map((s) => s.text)).toEqual(['22']);
  });
});
