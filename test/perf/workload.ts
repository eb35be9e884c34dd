import { existsSync, openSync, readSync, statSync, closeSync, writeFileSync } from 'node:fs';
import type { Connection } from '../../src/core/db/connection.js';

/** A shop whose orders.customer_id has no index (the FK is there; the index is "forgotten"). */
export const SHOP_SQL = `
CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL, email text);
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id), status text NOT NULL,
                     placed_at timestamptz NOT NULL, total numeric(12,2) NOT NULL);
CREATE TABLE order_items (id bigint PRIMARY KEY, order_id bigint NOT NULL REFERENCES orders (id), sku text NOT NULL, qty int NOT NULL);
CREATE INDEX order_items_order_id_idx ON order_items (order_id);
INSERT INTO customers SELECT i, 'customer ' || i, 'c' || i || '@example.com' FROM generate_series(1, 2000) i;
INSERT INTO orders SELECT i, 1 + (i * 7919) % 2000, (ARRAY['new', 'paid', 'shipped'])[1 + i % 3], now() - (i || ' minutes')::interval, (i % 500) + 0.99
  FROM generate_series(1, 60000) i;
INSERT INTO order_items SELECT i, 1 + (i::bigint * 104729) % 60000, 'sku-' || (i % 300), 1 + i % 4 FROM generate_series(1, 120000) i;
ANALYZE;`;

/** The Debian server log (stderr, `%m [%p] %q%u@%d `) when the server runs on this machine. */
export const SERVER_LOG = process.env.TW_TEST_SERVER_LOG ?? '/var/log/postgresql/postgresql-15-main.log';
export const serverLogReadable = (): boolean => {
  try {
    return existsSync(SERVER_LOG) && statSync(SERVER_LOG).isFile() && (closeSync(openSync(SERVER_LOG, 'r')), true);
  } catch {
    return false;
  }
};

/** Copies what the server log gained since `from` (a byte offset) into `to`. */
export function copyLogTail(from: number, to: string): void {
  const size = statSync(SERVER_LOG).size;
  const buf = Buffer.alloc(Math.max(0, size - from));
  const fd = openSync(SERVER_LOG, 'r');
  try {
    readSync(fd, buf, 0, buf.length, from);
  } finally {
    closeSync(fd);
  }
  writeFileSync(to, buf);
}

/**
 * The application's slow path: look up each customer's orders by customer_id (sequential scans: no
 * index), and an ORM-style N+1 — list orders, then fetch each order's items one statement at a time.
 */
export async function runShopWorkload(conn: Connection): Promise<void> {
  for (let c = 1; c <= 60; c++) await conn.query('SELECT id, total FROM orders WHERE customer_id = $1', [c]);
  for (let page = 0; page < 3; page++) {
    const orders = await conn.query<{ id: string }>(`SELECT id FROM orders ORDER BY id LIMIT 25 OFFSET ${page * 25}`);
    for (const o of orders.rows) await conn.query('SELECT sku, qty FROM order_items WHERE order_id = $1', [o.id]);
  }
}
