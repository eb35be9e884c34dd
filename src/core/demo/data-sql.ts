/**
 * Deterministic demo data: every value derives from the row number through hashint4, so two builds
 * give the same rows. Sizes are chosen so that EXPLAIN ANALYZE shows real plan choices.
 */
const R = `CREATE OR REPLACE FUNCTION pg_temp.r(i bigint, salt int, n int) RETURNS int LANGUAGE sql IMMUTABLE AS
  $$ SELECT ((hashint8(i * 7919 + salt)::bigint & 2147483647) % n)::int $$;
CREATE OR REPLACE FUNCTION pg_temp.cid(i bigint) RETURNS uuid LANGUAGE sql IMMUTABLE AS $$ SELECT md5('customer-' || i)::uuid $$;`;

export interface DemoStep { label: string; sql: string }

export const DEMO_DATA_STEPS: DemoStep[] = [
  {
    label: 'countries',
    sql: `${R}
INSERT INTO public.countries (code, name, created_at, updated_at)
SELECT code, name, timestamptz '2023-06-01 00:00:00+00', timestamptz '2023-06-01 00:00:00+00' FROM (VALUES
 ('US','United States'),('CA','Canada'),('MX','Mexico'),('BR','Brazil'),('GB','United Kingdom'),('IE','Ireland'),
 ('FR','France'),('DE','Germany'),('NL','Netherlands'),('ES','Spain'),('IT','Italy'),('PL','Poland'),('SE','Sweden'),
 ('NO','Norway'),('FI','Finland'),('JP','Japan'),('KR','South Korea'),('IN','India'),('AU','Australia'),('NZ','New Zealand')) AS c(code, name);`,
  },
  {
    label: 'customers (20,000)',
    sql: `${R}
INSERT INTO public.customers (id, email, full_name, country_code, tags, preferences, referred_by, created_at, updated_at)
SELECT pg_temp.cid(i),
       'user' || i || '@' || (ARRAY['example.com','mail.test','shop.test','corp.example'])[1 + pg_temp.r(i, 1, 4)],
       (ARRAY['Ada','Alan','Grace','Edsger','Barbara','Donald','Frances','Ken','Margaret','Linus','Radia','Tim'])[1 + pg_temp.r(i, 2, 12)]
         || ' ' || (ARRAY['Lovelace','Turing','Hopper','Dijkstra','Liskov','Knuth','Allen','Thompson','Hamilton','Torvalds','Perlman','Berners-Lee'])[1 + pg_temp.r(i, 3, 12)],
       CASE WHEN i % 50 = 0 THEN NULL
            ELSE (ARRAY['US','US','US','CA','MX','BR','GB','IE','FR','DE','DE','NL','ES','IT','PL','SE','NO','FI','JP','KR','IN','AU','NZ'])[1 + pg_temp.r(i, 4, 23)] END,
       CASE pg_temp.r(i, 5, 6) WHEN 0 THEN ARRAY['vip'] WHEN 1 THEN ARRAY['wholesale','net30'] WHEN 2 THEN ARRAY['newsletter'] ELSE '{}'::text[] END,
       jsonb_build_object('newsletter', i % 3 = 0, 'language', (ARRAY['en','fr','de','es'])[1 + pg_temp.r(i, 6, 4)]),
       CASE WHEN i % 10 = 0 AND i > 100 THEN pg_temp.cid(1 + pg_temp.r(i, 7, (i - 1)::int)) END,
       timestamptz '2024-01-01 00:00:00+00' + i * interval '20 minutes',
       timestamptz '2024-01-01 00:00:00+00' + i * interval '20 minutes' + pg_temp.r(i, 8, 300) * interval '1 day'
FROM generate_series(1, 20000) AS i;`,
  },
  {
    label: 'catalogue: categories, products, tags',
    sql: `${R}
INSERT INTO public.categories (name, slug, created_at, updated_at)
SELECT n, lower(n), timestamptz '2023-06-01 00:00:00+00', timestamptz '2023-06-01 00:00:00+00'
FROM unnest(ARRAY['Books','Electronics','Garden','Kitchen','Sports','Toys']) WITH ORDINALITY AS t(n, k) ORDER BY k;
INSERT INTO public.categories (parent_id, name, slug, created_at, updated_at)
SELECT 1 + (k - 1) % 6, 'Sub ' || k, 'sub-' || k, timestamptz '2023-06-01 00:00:00+00', timestamptz '2023-06-01 00:00:00+00'
FROM generate_series(1, 24) AS k;
INSERT INTO public.products (sku, name, description, category_id, price, weight_grams, attributes, active, created_at, updated_at)
SELECT 'SKU-' || lpad(i::text, 5, '0'),
       (ARRAY['Classic','Deluxe','Compact','Eco','Pro','Mini','Ultra','Smart'])[1 + pg_temp.r(i, 11, 8)] || ' '
         || (ARRAY['Lamp','Kettle','Novel','Drone','Shovel','Ball','Puzzle','Headphones','Tent','Mixer'])[1 + pg_temp.r(i, 12, 10)] || ' ' || i,
       CASE WHEN i % 4 = 0 THEN NULL ELSE 'A dependable product, model ' || i || '.' END,
       7 + pg_temp.r(i, 13, 24),
       round((2 + pg_temp.r(i, 14, 50000) / 100.0)::numeric, 2),
       CASE WHEN i % 9 = 0 THEN NULL ELSE 50 + pg_temp.r(i, 15, 5000) END,
       jsonb_build_object('color', (ARRAY['red','green','blue','black','white'])[1 + pg_temp.r(i, 16, 5)], 'warranty_years', pg_temp.r(i, 17, 4)),
       i % 17 <> 0,
       timestamptz '2024-01-01 00:00:00+00' + i * interval '3 hours',
       timestamptz '2024-01-01 00:00:00+00' + i * interval '3 hours'
FROM generate_series(1, 2000) AS i;
INSERT INTO public.tags (label, created_at, updated_at)
SELECT 'tag-' || k, timestamptz '2023-06-01 00:00:00+00', timestamptz '2023-06-01 00:00:00+00' FROM generate_series(1, 50) AS k;
INSERT INTO public.product_tags (product_id, tag_id)
SELECT p, 1 + pg_temp.r(p * 3 + k, 18, 50) FROM generate_series(1, 2000) AS p, generate_series(0, 2) AS k
ON CONFLICT DO NOTHING;
INSERT INTO public.coupons (code, percent_off, valid_during, max_uses)
SELECT 'SAVE' || k, 5 * k, tstzrange(timestamptz '2025-01-01 00:00:00+00' + (k - 1) * interval '1 month', timestamptz '2025-01-01 00:00:00+00' + (k + 1) * interval '1 month'),
       CASE WHEN k % 2 = 0 THEN 1000 END
FROM generate_series(1, 10) AS k;`,
  },
  {
    label: 'orders (100,000)',
    sql: `${R}
INSERT INTO public.orders (customer_id, status, coupon_code, placed_at, shipped_at, shipping_address, notes, created_at, updated_at)
SELECT pg_temp.cid(1 + pg_temp.r(i, 21, 20000)), s.status,
       CASE WHEN i % 20 = 0 THEN 'SAVE' || (1 + pg_temp.r(i, 22, 10)) END,
       timestamptz '2025-01-01 00:00:00+00' + i * interval '5 minutes',
       CASE WHEN s.status IN ('shipped', 'delivered', 'refunded') THEN timestamptz '2025-01-01 00:00:00+00' + i * interval '5 minutes' + (1 + pg_temp.r(i, 23, 96)) * interval '1 hour' END,
       ROW('Street ' || pg_temp.r(i, 24, 999), (ARRAY['Springfield','Riverton','Lakeside','Hillview'])[1 + pg_temp.r(i, 25, 4)],
           lpad(pg_temp.r(i, 26, 99999)::text, 5, '0'), 'US')::public.postal_address,
       CASE WHEN i % 37 = 0 THEN 'Leave at the door' END,
       timestamptz '2025-01-01 00:00:00+00' + i * interval '5 minutes',
       timestamptz '2025-01-01 00:00:00+00' + i * interval '5 minutes' + pg_temp.r(i, 27, 72) * interval '1 hour'
FROM generate_series(1, 100000) AS i,
LATERAL (SELECT (CASE WHEN pg_temp.r(i, 20, 100) < 3 THEN 'pending' WHEN pg_temp.r(i, 20, 100) < 8 THEN 'cancelled'
                      WHEN pg_temp.r(i, 20, 100) < 10 THEN 'refunded' WHEN pg_temp.r(i, 20, 100) < 20 THEN 'paid'
                      WHEN pg_temp.r(i, 20, 100) < 35 THEN 'shipped' ELSE 'delivered' END)::public.order_status AS status) AS s
ORDER BY i;`,
  },
  {
    label: 'order lines (~250,000)',
    sql: `${R}
INSERT INTO public.order_items (order_id, line_no, product_id, quantity, unit_price, created_at, updated_at)
SELECT o, l, p.id, 1 + pg_temp.r(o * 4 + l, 31, 5), p.price,
       timestamptz '2025-01-01 00:00:00+00' + o * interval '5 minutes', timestamptz '2025-01-01 00:00:00+00' + o * interval '5 minutes'
FROM generate_series(1, 100000) AS o
CROSS JOIN generate_series(1, 4) AS l
JOIN public.products p ON p.id = 1 + pg_temp.r(o * 4 + l, 30, 2000)
WHERE l <= 1 + pg_temp.r(o, 29, 4);
UPDATE public.orders o SET total = t.total
FROM (SELECT order_id, sum(line_total) AS total FROM public.order_items GROUP BY order_id) t
WHERE t.order_id = o.id;`,
  },
  {
    label: 'feedback: reviews, tickets, signups',
    sql: `${R}
INSERT INTO public.reviews (product_id, customer_id, rating, title, body, helpful_votes, created_at, updated_at)
SELECT 1 + pg_temp.r(i, 40, 2000),
       CASE WHEN i % 25 = 0 THEN NULL ELSE pg_temp.cid(1 + pg_temp.r(i, 41, 20000)) END,
       (ARRAY[1,2,3,4,4,5,5,5])[1 + pg_temp.r(i, 42, 8)],
       (ARRAY['Great','Not bad','Broke quickly','Exactly as described','Would buy again'])[1 + pg_temp.r(i, 43, 5)],
       CASE WHEN i % 3 = 0 THEN NULL ELSE 'Review text ' || i END,
       pg_temp.r(i, 44, 40),
       timestamptz '2025-01-01 00:00:00+00' + i * interval '15 minutes',
       timestamptz '2025-01-01 00:00:00+00' + i * interval '15 minutes'
FROM generate_series(1, 30000) AS i
ON CONFLICT DO NOTHING;
INSERT INTO public.support_tickets (customer_id, order_id, subject, body, status, priority, created_at, updated_at)
SELECT pg_temp.cid(1 + pg_temp.r(i, 50, 20000)),
       CASE WHEN i % 4 = 0 THEN NULL ELSE 1 + pg_temp.r(i, 51, 100000) END,
       (ARRAY['Where is my order?','Refund request','Damaged item','Wrong size','Invoice needed'])[1 + pg_temp.r(i, 52, 5)],
       'Ticket body ' || i,
       (ARRAY['open','waiting','resolved','closed','closed','closed'])[1 + pg_temp.r(i, 53, 6)],
       1 + pg_temp.r(i, 54, 5),
       timestamptz '2025-02-01 00:00:00+00' + i * interval '90 minutes',
       timestamptz '2025-02-01 00:00:00+00' + i * interval '90 minutes'
FROM generate_series(1, 5000) AS i;
INSERT INTO public.newsletter_signups (email, source, signed_up_at)
SELECT 'reader' || (1 + pg_temp.r(i, 60, 2500)) || '@mail.test', (ARRAY['footer','checkout','import'])[1 + pg_temp.r(i, 61, 3)],
       timestamptz '2024-06-01 00:00:00+00' + i * interval '2 hours'
FROM generate_series(1, 3000) AS i;`,
  },
  {
    label: 'analytics events (100,000)',
    sql: `${R}
INSERT INTO analytics.events (occurred_at, customer_id, kind, payload)
SELECT timestamptz '2025-01-01 00:00:00+00' + i * interval '5 minutes 20 seconds',
       CASE WHEN i % 5 = 0 THEN NULL ELSE pg_temp.cid(1 + pg_temp.r(i, 70, 20000)) END,
       (ARRAY['page_view','page_view','page_view','search','add_to_cart','checkout','purchase'])[1 + pg_temp.r(i, 71, 7)],
       jsonb_build_object('path', '/p/' || (1 + pg_temp.r(i, 72, 2000)))
FROM generate_series(1, 100000) AS i;`,
  },
];
