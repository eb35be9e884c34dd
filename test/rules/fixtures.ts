/**
 * One DDL fixture per rule that must produce the finding (`hit`) and a near miss that must not.
 * Each runs in its own schema with search_path set to it, so names are unqualified.
 */
export interface RuleFixture {
  id: string;
  hit: string;
  miss: string;
  /** a pattern the hit's message must match */
  expect: RegExp;
  options?: Record<string, unknown>;
  /** ANALYZE the schema's tables before reading statistics */
  analyze?: boolean;
}

const pk = 'id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY';
const ts = 'created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now()';

export const FIXTURES: RuleFixture[] = [
  { id: 'SD01', hit: 'CREATE TABLE t (a int, b text)', miss: `CREATE TABLE t (${pk}, a int)`, expect: /t has no primary key/ },
  { id: 'SD02', hit: `CREATE TABLE t (${pk}, created_at timestamp)`, miss: `CREATE TABLE t (${pk}, ${ts})`, expect: /created_at is timestamp without time zone.*no updated_at/ },
  { id: 'SD03', hit: `CREATE TABLE t (${pk})`, miss: `CREATE TABLE p (${pk}); CREATE TABLE t (${pk}, p_id bigint REFERENCES p)`, expect: /t has no foreign key/ },
  { id: 'SD04', hit: `CREATE TABLE t (${pk}, a int, b int, c int)`, miss: `CREATE TABLE t (${pk}, a int, b int)`, expect: /has 4 columns \(more than 3\)/, options: { max: 3 } },
  { id: 'SD05', hit: 'CREATE TABLE t (id int)', miss: `CREATE TABLE t (${pk}, a int)`, expect: /only one column/ },
  { id: 'SD06', hit: `CREATE TABLE t (${pk}, a text, b text)`, miss: `CREATE TABLE t (${pk}, a text NOT NULL, b text)`, expect: /all 2 non-key columns are nullable/ },
  { id: 'SD07', hit: `CREATE TABLE t (${pk}, phone1 text, phone2 text, phone3 text)`, miss: `CREATE TABLE t (${pk}, phone text, fax text, ipv4 inet)`, expect: /repeats phone as phone1, phone2, phone3/ },
  { id: 'SD08', hit: `CREATE TABLE p (${pk}); CREATE TABLE c (x int) INHERITS (p)`, miss: `CREATE TABLE p (id bigint, d date, PRIMARY KEY (id, d)) PARTITION BY RANGE (d); CREATE TABLE c PARTITION OF p FOR VALUES FROM ('2020-01-01') TO ('2021-01-01')`, expect: /uses table inheritance \(INHERITS fx_sd08_hit\.p\)/ },
  { id: 'SD09', hit: `CREATE TABLE t (a text, ${pk})`, miss: `CREATE TABLE t (${pk}, a text)`, expect: /primary key columns \(id\) are not the first/ },
  { id: 'SD10', hit: `CREATE TABLE t (${pk})`, miss: `CREATE TABLE t (${pk}); COMMENT ON TABLE t IS 'x'; COMMENT ON COLUMN t.id IS 'key'`, expect: /t has no comment/ },
  { id: 'SD11', hit: `CREATE TABLE a (${pk}, owner_id uuid); CREATE TABLE b (${pk}, owner_id uuid); CREATE TABLE c (${pk}, owner_id bigint)`, miss: `CREATE TABLE a (${pk}, owner_id uuid); CREATE TABLE b (${pk}, owner_id uuid)`, expect: /c\.owner_id is bigint, but 2 other table\(s\) use uuid/ },
  { id: 'SD12', hit: `CREATE TABLE t (${pk})`, miss: `CREATE TABLE t (${pk}); INSERT INTO t DEFAULT VALUES`, expect: /has no rows/, analyze: true },
  { id: 'SD13', hit: 'CREATE TABLE t (code text PRIMARY KEY)', miss: `CREATE TABLE t (${pk}, code text UNIQUE)`, expect: /text primary key \(code\)/ },
  { id: 'SD14', hit: `CREATE TABLE a (${pk}, b_id bigint NOT NULL); CREATE TABLE b (${pk}, a_id bigint NOT NULL REFERENCES a); ALTER TABLE a ADD FOREIGN KEY (b_id) REFERENCES b`,
    miss: `CREATE TABLE a (${pk}, b_id bigint NOT NULL); CREATE TABLE b (${pk}, a_id bigint NOT NULL REFERENCES a); ALTER TABLE a ADD FOREIGN KEY (b_id) REFERENCES b DEFERRABLE INITIALLY DEFERRED`, expect: /reference each other in a loop .* no key of the loop is DEFERRABLE or nullable/ },
  { id: 'SD15', hit: `CREATE TABLE t (${pk}, status text NOT NULL)`, miss: `CREATE TABLE t (${pk}, status text NOT NULL CHECK (status IN ('new', 'done')))`, expect: /t\.status is free text/ },
  { id: 'SD16', hit: `CREATE TABLE t (${pk}, colors text); INSERT INTO t (colors) SELECT (ARRAY['red,green','blue,red,white','green,blue','black,white'])[1 + i % 4] FROM generate_series(1, 400) i`,
    miss: `CREATE TABLE t (${pk}, colors text); INSERT INTO t (colors) SELECT (ARRAY['red','green','blue','It is fine, really.'])[1 + i % 4] FROM generate_series(1, 400) i`, expect: /holds delimited lists/, analyze: true },
  { id: 'IX01', hit: `CREATE TABLE p (${pk}); CREATE TABLE c (${pk}, p_id bigint REFERENCES p)`, miss: `CREATE TABLE p (${pk}); CREATE TABLE c (${pk}, p_id bigint REFERENCES p); CREATE INDEX ON c (p_id, id)`, expect: /c_p_id_fkey on fx_ix01_hit\.c \(p_id\) → fx_ix01_hit\.p has no index/ },
  { id: 'IX02', hit: `CREATE TABLE t (${pk}, a int); CREATE INDEX t_a_idx ON t (a); CREATE INDEX t_a_idx2 ON t (a)`, miss: `CREATE TABLE t (${pk}, a int); CREATE INDEX ON t (a); CREATE INDEX ON t (a) WHERE a > 0`, expect: /t_a_idx2 on .* duplicates t_a_idx/ },
  { id: 'IX03', hit: `CREATE TABLE t (${pk}, a int, b int); CREATE INDEX t_a_idx ON t (a); CREATE INDEX ON t (a, b)`, miss: `CREATE TABLE t (${pk}, a int, b int); CREATE UNIQUE INDEX ON t (a); CREATE INDEX ON t (b, a)`, expect: /t_a_idx on .* is a leading prefix of t_a_b_idx/ },
  { id: 'IX05', hit: `CREATE TABLE t (${pk}, a int); CREATE INDEX t_a_idx ON t (a); UPDATE pg_index SET indisvalid = false WHERE indexrelid = 't_a_idx'::regclass`, miss: `CREATE TABLE t (${pk}, a int); CREATE INDEX t_a_idx ON t (a)`, expect: /t_a_idx on .* is invalid/ },
  { id: 'IX06', hit: `CREATE TABLE t (${pk}, active boolean); CREATE INDEX ON t (active)`, miss: `CREATE TABLE t (${pk}, active boolean); CREATE INDEX ON t (id) WHERE active`, expect: /two values \(boolean\)/, analyze: true },
  { id: 'IX07', hit: `CREATE TABLE t (${pk}, a int); CREATE INDEX ON t (a)`, miss: `CREATE TABLE t (${pk}, a int); CREATE INDEX ON t (a) WHERE a IS NOT NULL`, expect: /leads with nullable a/ },
  { id: 'IX08', hit: `CREATE TABLE t (${pk}, tags int[]); CREATE INDEX ON t (tags)`, miss: `CREATE TABLE t (${pk}, tags int[]); CREATE INDEX ON t USING gin (tags)`, expect: /btree index t_tags_idx .* array column/ },
  { id: 'IX09', hit: `CREATE TABLE t (${pk}, at timestamptz, u int); CREATE INDEX ON t (at, u)`, miss: `CREATE TABLE t (${pk}, at timestamptz, u int); CREATE INDEX ON t (u, at)`, expect: /timestamp column before its last key/ },
  { id: 'IX10', hit: `CREATE TABLE t (${pk}, a int NOT NULL); CREATE INDEX ON t (a) WHERE a IS NOT NULL`, miss: `CREATE TABLE t (${pk}, a int); CREATE INDEX ON t (a) WHERE a IS NOT NULL`, expect: /a is NOT NULL already/ },
  { id: 'IX11', hit: `CREATE TABLE t (${pk}, a int, b int, c int, d int); CREATE INDEX ON t (a, b, c, d)`, miss: `CREATE TABLE t (${pk}, a int, b int, c int, d int); CREATE INDEX ON t (a, b, c) INCLUDE (d)`, expect: /has 4 key columns/ },
  { id: 'IX15', hit: `CREATE TABLE t (${pk}, a int, b int); CREATE INDEX ON t (a); CREATE INDEX ON t (b)`, miss: `CREATE TABLE t (${pk}, a int, b int); CREATE INDEX ON t (a)`, expect: /has 3 indexes \(more than 2\)/, options: { max: 2 } },
  { id: 'CN01', hit: `CREATE TABLE p (${pk}); CREATE TABLE c (${pk}, p_id bigint REFERENCES p)`, miss: `CREATE TABLE p (${pk}); CREATE TABLE c (${pk}, p_id bigint NOT NULL REFERENCES p)`, expect: /c_p_id_fkey on fx_cn01_hit\.c\.p_id is nullable/ },
  { id: 'CN02', hit: `CREATE TABLE p (${pk}); CREATE TABLE c (${pk}, p_id integer REFERENCES p)`, miss: `CREATE TABLE p (${pk}); CREATE TABLE c (${pk}, p_id bigint REFERENCES p)`, expect: /c\.p_id is integer but references .*p\.id of type bigint/ },
  { id: 'CN03', hit: `CREATE TABLE p (${pk}); CREATE TABLE c (${pk}, p_id bigint CONSTRAINT c_one_fkey REFERENCES p CONSTRAINT c_two_fkey REFERENCES p)`, miss: `CREATE TABLE p (${pk}); CREATE TABLE c (${pk}, p_id bigint REFERENCES p, q_id bigint REFERENCES p)`, expect: /c_two_fkey on .* duplicates c_one_fkey/ },
  { id: 'CN04', hit: `CREATE TABLE p (x int, y int, PRIMARY KEY (x, y), UNIQUE (x)); CREATE TABLE c (${pk}, a int, b int, FOREIGN KEY (a, b) REFERENCES p (x, y), FOREIGN KEY (a) REFERENCES p (x))`,
    miss: `CREATE TABLE p (x int, y int, PRIMARY KEY (x, y), UNIQUE (x)); CREATE TABLE c (${pk}, a int, b int, d int, FOREIGN KEY (a, b) REFERENCES p (x, y), FOREIGN KEY (d) REFERENCES p (x))`, expect: /share column\(s\) a/ },
  { id: 'CN05', hit: `CREATE TABLE t (${pk}, parent_id bigint REFERENCES t)`, miss: `CREATE TABLE t (${pk}, parent_id bigint REFERENCES t ON DELETE CASCADE)`, expect: /self-referencing .* ON DELETE NO ACTION/ },
  { id: 'CN06', hit: `CREATE TABLE t (${pk}, a int); ALTER TABLE t ADD CONSTRAINT t_a_check CHECK (a > 0) NOT VALID`, miss: `CREATE TABLE t (${pk}, a int); ALTER TABLE t ADD CONSTRAINT t_a_check CHECK (a > 0) NOT VALID; ALTER TABLE t VALIDATE CONSTRAINT t_a_check`, expect: /t_a_check on .* NOT VALID/ },
  { id: 'CN07', hit: `CREATE TABLE p (${pk}); CREATE TABLE c (${pk}, p_id bigint REFERENCES p)`, miss: `CREATE TABLE p (${pk}); CREATE TABLE c (${pk}, p_id bigint REFERENCES p ON DELETE RESTRICT)`, expect: /ON DELETE NO ACTION \(no rule stated\)/ },
  { id: 'CN08', hit: `CREATE TABLE t (${pk}, email text NOT NULL)`, miss: `CREATE TABLE t (${pk}, email text NOT NULL); CREATE UNIQUE INDEX ON t (lower(email))`, expect: /t\.email looks like a natural key/ },
  { id: 'CN09', hit: `CREATE TABLE customers (${pk}); CREATE TABLE orders (${pk}, customer_id bigint)`, miss: `CREATE TABLE customers (${pk}); CREATE TABLE orders (${pk}, customer_id bigint REFERENCES customers)`, expect: /orders\.customer_id looks like a reference to fx_cn09_hit\.customers/ },
  { id: 'CN10', hit: `CREATE TABLE a (${pk}); CREATE TABLE b (${pk}, a_id bigint REFERENCES a ON DELETE CASCADE); CREATE TABLE c (${pk}, b_id bigint REFERENCES b ON DELETE CASCADE)`,
    miss: `CREATE TABLE a (${pk}); CREATE TABLE b (${pk}, a_id bigint REFERENCES a ON DELETE CASCADE); CREATE TABLE c (${pk}, b_id bigint REFERENCES b ON DELETE RESTRICT)`, expect: /a cascades through 2 levels: .*a → .*b → .*c/ },
  { id: 'CN11', hit: `CREATE TABLE p (${pk}); CREATE TABLE c (${pk}, p_id bigint NOT NULL REFERENCES p ON DELETE SET NULL)`, miss: `CREATE TABLE p (${pk}); CREATE TABLE c (${pk}, p_id bigint REFERENCES p ON DELETE SET NULL)`, expect: /ON DELETE SET NULL but p_id is NOT NULL/ },
  { id: 'CN12', hit: `CREATE TABLE t (${pk}, unit_price numeric(10,2) NOT NULL)`, miss: `CREATE TABLE t (${pk}, unit_price numeric(10,2) NOT NULL CHECK (unit_price >= 0))`, expect: /unit_price has no CHECK/ },
  { id: 'NM01', hit: `CREATE TABLE "OrderLine" (${pk}, "unitPrice" int)`, miss: `CREATE TABLE order_line (${pk}, unit_price int)`, expect: /"OrderLine" is not snake_case/ },
  { id: 'NM02', hit: `CREATE TABLE person (${pk})`, miss: `CREATE TABLE people (${pk})`, expect: /"person" is singular/ },
  { id: 'NM03', hit: `CREATE TABLE t (${pk}, ${'a'.repeat(63)} int)`, miss: `CREATE TABLE t (${pk}, ${'a'.repeat(62)} int)`, expect: /is 63 bytes long/ },
  { id: 'NM04', hit: `CREATE TABLE t (${pk}, "order" int)`, miss: `CREATE TABLE t (${pk}, ordering int)`, expect: /"order" on .* is an SQL keyword/ },
  { id: 'NM05', hit: `CREATE TABLE t (${pk}, a int); CREATE INDEX by_a ON t (a)`, miss: `CREATE TABLE t (${pk}, a int); CREATE INDEX t_a_idx ON t (a)`, expect: /by_a .* does not follow <table>_<columns>_idx/ },
  { id: 'TY01', hit: `CREATE TABLE t (${pk}, at timestamp)`, miss: `CREATE TABLE t (${pk}, at timestamptz)`, expect: /t\.at is timestamp without time zone; use timestamptz/ },
  { id: 'TY02', hit: `CREATE TABLE t (${pk}, name varchar(40))`, miss: `CREATE TABLE t (${pk}, name text CHECK (length(name) <= 40))`, expect: /character varying\(40\)/ },
  { id: 'TY03', hit: `CREATE TABLE t (${pk}, code char(2))`, miss: `CREATE TABLE t (${pk}, code text)`, expect: /character\(2\)/ },
  { id: 'TY04', hit: `CREATE TABLE t (${pk}, doc json)`, miss: `CREATE TABLE t (${pk}, doc jsonb)`, expect: /doc is json; use jsonb/ },
  { id: 'TY05', hit: 'CREATE TABLE t (id bigserial PRIMARY KEY)', miss: `CREATE TABLE t (${pk})`, expect: /nextval\(\) \(serial\)/ },
  { id: 'TY06', hit: 'CREATE TABLE t (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY)', miss: `CREATE TABLE t (${pk})`, expect: /generated integer key; use bigint/ },
  { id: 'TY07', hit: `CREATE TABLE t (${pk}, total money)`, miss: `CREATE TABLE t (${pk}, total numeric(12,2))`, expect: /total is money/ },
  { id: 'TY08', hit: `CREATE TABLE t (${pk}, blob oid)`, miss: `CREATE TABLE t (${pk}, blob bytea)`, expect: /large-object reference/ },
  { id: 'TY09', hit: `CREATE TYPE mood AS ENUM ('ok', 'sad'); CREATE TABLE t (${pk}, m mood)`, miss: `CREATE TABLE t (${pk}, m text CHECK (m IN ('ok', 'sad')))`, expect: /is the enum/ },
  { id: 'TY10', hit: `CREATE TABLE t (${pk}, price double precision)`, miss: `CREATE TABLE t (${pk}, price numeric(12,2))`, expect: /price is double precision but holds money/ },
  { id: 'SC01', hit: `CREATE TABLE t (${pk}); GRANT SELECT ON t TO tw_api`, miss: `CREATE TABLE t (${pk}); GRANT SELECT ON t TO tw_api; ALTER TABLE t ENABLE ROW LEVEL SECURITY`, expect: /readable by tw_api but row-level security is off/ },
  { id: 'SC02', hit: `CREATE TABLE t (${pk}, owner text); CREATE POLICY own ON t USING (owner = current_user)`, miss: `CREATE TABLE t (${pk}, owner text); CREATE POLICY own ON t USING (owner = current_user); ALTER TABLE t ENABLE ROW LEVEL SECURITY`, expect: /1 policy \(own\) but row-level security is disabled/ },
  { id: 'SC03', hit: `CREATE TABLE t (${pk}); ALTER TABLE t ENABLE ROW LEVEL SECURITY`, miss: `CREATE TABLE t (${pk}); ALTER TABLE t ENABLE ROW LEVEL SECURITY; CREATE POLICY p ON t USING (true)`, expect: /no policy/ },
  { id: 'SC04', hit: `CREATE TABLE t (${pk}); GRANT SELECT ON t TO PUBLIC`, miss: `CREATE TABLE t (${pk}); GRANT SELECT ON t TO tw_api`, expect: /grants SELECT to PUBLIC/ },
  { id: 'SC05', hit: `CREATE FUNCTION f() RETURNS int LANGUAGE sql SECURITY DEFINER AS 'SELECT 1'`, miss: `CREATE FUNCTION f() RETURNS int LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS 'SELECT 1'`, expect: /f\(\) does not set search_path/ },
  { id: 'SC06', hit: `CREATE TABLE t (${pk}); CREATE VIEW v AS SELECT * FROM t; GRANT SELECT ON v TO tw_api`, miss: `CREATE TABLE t (${pk}); CREATE VIEW v WITH (security_invoker = true) AS SELECT * FROM t; GRANT SELECT ON v TO tw_api`, expect: /view .*v is readable by tw_api/ },
  { id: 'SC08', hit: `CREATE TABLE t (${pk}); ALTER TABLE t ENABLE ROW LEVEL SECURITY`, miss: `CREATE TABLE t (${pk}); ALTER TABLE t ENABLE ROW LEVEL SECURITY; ALTER TABLE t FORCE ROW LEVEL SECURITY`, expect: /not forced/ },
  { id: 'SC09', hit: `CREATE FUNCTION f() RETURNS int LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS 'SELECT 1'`, miss: `CREATE FUNCTION f() RETURNS int LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS 'SELECT 1'; REVOKE EXECUTE ON FUNCTION f() FROM PUBLIC`, expect: /f\(\) is executable by PUBLIC/ },
  { id: 'SC10', hit: `CREATE TABLE t (${pk}, owner text); ALTER TABLE t ENABLE ROW LEVEL SECURITY; CREATE POLICY w ON t FOR UPDATE USING (true)`, miss: `CREATE TABLE t (${pk}, owner text); ALTER TABLE t ENABLE ROW LEVEL SECURITY; CREATE POLICY w ON t FOR UPDATE USING (owner = current_user)`, expect: /policy w .* allows UPDATE on every row \(USING \(true\)\)/ },
  { id: 'HL01', hit: `CREATE TABLE t (id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY); SELECT setval(pg_get_serial_sequence('t', 'id'), 2000000000)`, miss: `CREATE TABLE t (id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY); SELECT setval(pg_get_serial_sequence('t', 'id'), 1000)`, expect: /has used 93\.1 % of the integer column .*t\.id/ },
];
