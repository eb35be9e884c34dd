import { createHash } from 'node:crypto';
import { ensureParser, pgParser } from '../sql/pg-parser.js';

export interface Shape {
  fingerprint: string;
  /** constants replaced by $n */
  query: string;
}

// literal-inlined statements differ only in their constants: one parser call per literal-free shape
const LITERALS = /'(?:[^']|'')*'|\b\d+(?:\.\d+)?(?:e[+-]?\d+)?\b/gi;
const CACHE_LIMIT = 50_000;

/** Fingerprints statements with PostgreSQL's parser (libpg-query), caching by their literal-free text. */
export class Fingerprinter {
  private cache = new Map<string, Shape>();

  static async create(): Promise<Fingerprinter> {
    await ensureParser();
    return new Fingerprinter();
  }

  of(sql: string): Shape {
    const key = sql.replace(LITERALS, '?');
    let shape = this.cache.get(key);
    if (!shape) {
      shape = fingerprintStatement(sql, key);
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      this.cache.set(key, shape);
    }
    return shape;
  }
}

function fingerprintStatement(sql: string, literalFree: string): Shape {
  try {
    const p = pgParser();
    return { fingerprint: p.fingerprintSync(sql), query: collapse(p.normalizeSync(sql)) };
  } catch {
    // not parseable by PostgreSQL 18's grammar (a truncated log line, another dialect): group by text
    const text = collapse(literalFree);
    return { fingerprint: `t${createHash('sha1').update(text).digest('hex').slice(0, 15)}`, query: text };
  }
}

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();
