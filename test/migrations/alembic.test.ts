import { describe, expect, it } from 'vitest';
import { checkMigrationText } from '../../src/core/migrations/index.js';
import { ALEMBIC_BODY_LINE, alembicFile, alembicFindings } from './helpers.js';

/** The SQL rule cases written as Alembic ops: Alembic wraps each migration in a transaction (§10). */
const CASES: { rule: string; bad: string[]; ok: string[] }[] = [
  { rule: 'MS01', bad: ['op.create_index("ix_u_email", "users", ["email"])', 'op.create_index(op.f("ix_u_email"), "users", ["email"], unique=True, schema="app")'],
    ok: ['with op.get_context().autocommit_block():\n    op.create_index("ix_u_email", "users", ["email"], postgresql_concurrently=True)',
      'op.create_table("t", sa.Column("id", sa.BigInteger(), primary_key=True), sa.Column("a", sa.Text()))\nop.create_index("ix_t_a", "t", ["a"])'] },
  { rule: 'MS03', bad: ['op.create_index("ix", "users", ["email"], postgresql_concurrently=True)', 'op.drop_index("ix", table_name="users", postgresql_concurrently=True)'],
    ok: ['with op.get_context().autocommit_block():\n    op.drop_index("ix", table_name="users", postgresql_concurrently=True)'] },
  { rule: 'MS02', bad: ['op.drop_index("ix_users_email", table_name="users")'], ok: ['with op.get_context().autocommit_block():\n    op.drop_index("ix_users_email", table_name="users", postgresql_concurrently=True)'] },
  { rule: 'MS04', bad: ['op.create_foreign_key("fk_o_u", "orders", "users", ["user_id"], ["id"])', 'op.add_column("orders", sa.Column("user_id", sa.BigInteger(), sa.ForeignKey("users.id"), nullable=True))'],
    ok: ['op.create_foreign_key("fk_o_u", "orders", "users", ["user_id"], ["id"], postgresql_not_valid=True)',
      'op.create_table("orders", sa.Column("id", sa.BigInteger(), primary_key=True), sa.Column("user_id", sa.BigInteger(), sa.ForeignKey("users.id")))'] },
  { rule: 'MS05', bad: ['op.create_check_constraint("ck_pos", "orders", "amount > 0")'], ok: ['op.create_check_constraint("ck_pos", "orders", "amount > 0", postgresql_not_valid=True)'] },
  { rule: 'MS06', bad: ['op.create_check_constraint("ck", "orders", "amount > 0", postgresql_not_valid=True)\nop.execute("ALTER TABLE orders VALIDATE CONSTRAINT ck")'],
    ok: ['op.create_check_constraint("ck", "orders", "amount > 0", postgresql_not_valid=True)\nwith op.get_context().autocommit_block():\n    op.execute("ALTER TABLE orders VALIDATE CONSTRAINT ck")'] },
  { rule: 'MS07', bad: ['op.alter_column("users", "email", nullable=False)', 'with op.batch_alter_table("users") as batch_op:\n    batch_op.alter_column("email", nullable=False)'],
    ok: ['op.alter_column("users", "email", nullable=True)'] },
  { rule: 'MS08', bad: ['op.add_column("users", sa.Column("token", sa.Uuid(), server_default=sa.text("gen_random_uuid()")))'],
    ok: ['op.add_column("users", sa.Column("active", sa.Boolean(), server_default=sa.text("true"), nullable=False))', 'op.add_column("users", sa.Column("created", sa.DateTime(timezone=True), server_default=sa.func.now()))'] },
  { rule: 'MS09', bad: ['op.add_column("users", sa.Column("org_id", sa.BigInteger(), nullable=False))'], ok: ['op.add_column("users", sa.Column("org_id", sa.BigInteger(), nullable=False, server_default="0"))', 'op.add_column("users", sa.Column("org_id", sa.BigInteger()))'] },
  { rule: 'MS10', bad: ['op.alter_column("users", "n", type_=sa.BigInteger(), existing_type=sa.Integer())', 'op.alter_column("users", "n", type_=sa.String(20), existing_type=sa.String(50))'],
    ok: ['op.alter_column("users", "name", type_=sa.Text(), existing_type=sa.String(50))', 'op.alter_column("users", "name", type_=sa.String(100), existing_type=sa.String(50))'] },
  { rule: 'MS11', bad: ['op.create_unique_constraint("uq_email", "users", ["email"])'], ok: ['op.create_table("t", sa.Column("e", sa.Text()))\nop.create_unique_constraint("uq_e", "t", ["e"])'] },
  { rule: 'MS16', bad: ['op.drop_column("users", "legacy")'], ok: ['op.execute("SET lock_timeout = \'2s\'")\nop.drop_column("users", "legacy")'] },
  { rule: 'BC01', bad: ['op.drop_column("users", "legacy")', 'with op.batch_alter_table("users", schema="app") as b:\n    b.drop_column("legacy")'], ok: ['op.add_column("users", sa.Column("x", sa.Text()))'] },
  { rule: 'BC04', bad: ['op.alter_column("users", "name", new_column_name="full_name")'], ok: ['op.alter_column("users", "name", server_default="x")'] },
  { rule: 'BC05', bad: ['op.rename_table("users", "accounts")'], ok: ['op.create_table("users2", sa.Column("id", sa.Integer()))\nop.rename_table("users2", "accounts")'] },
  { rule: 'BC08', bad: ['op.drop_constraint("fk_o_u", "orders", type_="foreignkey")'], ok: ['op.drop_constraint("ck_o", "orders", type_="check")', 'op.drop_constraint("fk_o_u", "orders")'] },
  { rule: 'MS27', bad: ['op.execute("UPDATE users SET active = true")'], ok: ['op.execute("UPDATE users SET active = true WHERE id < 1000")'] },
  { rule: 'TX01', bad: ['op.execute("BEGIN")'], ok: ['op.execute("SELECT 1")'] },
];

describe('Alembic ops, lowered to what Alembic renders', () => {
  for (const { rule, bad, ok } of CASES) {
    describe(rule, () => {
      for (const b of bad) it(`flags: ${b.replace(/\n/g, ' ⏎ ')}`, async () => expect((await alembicFindings(b, rule)).length).toBeGreaterThan(0));
      for (const o of ok) it(`passes: ${o.replace(/\n/g, ' ⏎ ')}`, async () => expect(await alembicFindings(o, rule)).toEqual([]));
    });
  }

  it('findings carry the .py file position of the op call', async () => {
    const [f] = await alembicFindings('op.execute("SET lock_timeout = 1")\nop.create_index("ix", "users", ["email"])', 'MS01');
    expect(f!.target).toMatchObject({ file: 'm.py', line: ALEMBIC_BODY_LINE + 1, column: 5 });
  });
  it('SQL inside op.execute is positioned inside the string', async () => {
    const [f] = await alembicFindings('op.execute("""\n    SELECT 1;\n    DROP TABLE old_stuff;\n""")', 'BC02');
    expect(f!.target).toMatchObject({ line: ALEMBIC_BODY_LINE + 2, column: 9 });
  });
  it('sa.ForeignKey on add_column renders a separate validating ADD FOREIGN KEY', async () => {
    const [f] = await alembicFindings('op.add_column("orders", sa.Column("user_id", sa.BigInteger(), sa.ForeignKey("users.id")))', 'MS04');
    expect(f!.message).toContain('→ public.users');
    expect(f!.fix!.alembic).toContain('op.create_foreign_key("orders_user_id_fkey", "orders", "users", ["user_id"], ["id"], postgresql_not_valid=True)');
  });
  it('concurrently outside autocommit_block says how to fix it in Alembic', async () => {
    const [f] = await alembicFindings('op.create_index("ix", "users", ["email"], postgresql_concurrently=True)', 'MS03');
    expect(f!.message).toContain('Alembic runs each migration in one');
    expect(f!.fix!.alembic).toContain('autocommit_block');
  });
  it('# tablewright:ignore on the line before or at the end of the call', async () => {
    const body = '# tablewright:ignore MS01\nop.create_index("a", "users", ["a"])\nop.create_index("b", "users", ["b"])  # tablewright:ignore MS01\nop.create_index("c", "users", ["c"])';
    const f = await alembicFindings(body, 'MS01');
    expect(f.map((x) => x.target.line)).toEqual([ALEMBIC_BODY_LINE + 3]);
  });
  it('unknown constructs are reported as not understood, never guessed', async () => {
    const f = await checkMigrationText('m.py', alembicFile('conn = op.get_bind()\nop.bulk_insert(t, [])\nfor x in ["a", "b"]:\n    op.drop_column("users", x)\nop.add_column("users", sa.Column("e", MyType()))\nop.execute(f"DROP TABLE {name}")'));
    const nu = f.filter((x) => x.ruleId === 'not-understood');
    expect(nu.map((x) => x.target.line)).toEqual([0, 1, 2, 4, 5].map((d) => ALEMBIC_BODY_LINE + d));
    expect(nu[3]!.message).toContain('type MyType is not one the reader knows');
    expect(f.some((x) => x.ruleId === 'BC01' || x.ruleId === 'BC02')).toBe(false);
  });
  it('a Python file that is not a migration gets a clear message', async () => {
    await expect(checkMigrationText('env.py', 'from alembic import context\ncontext.configure()\n')).rejects.toThrow(/env\.py: not an Alembic migration/);
  });
  it('a Python syntax error is a finding with its line', async () => {
    const f = await checkMigrationText('m.py', 'revision = "a"\ndef upgrade():\n    op.execute("x\n');
    expect(f[0]).toMatchObject({ ruleId: 'syntax-error', target: { line: 3 } });
  });
  it('the Alembic fix is real Alembic code for the NOT NULL recipe', async () => {
    const [f] = await alembicFindings('op.alter_column("users", "email", nullable=False)', 'MS07');
    expect(f!.fix!.alembic!.split('\n')[0]).toBe('op.create_check_constraint("users_email_not_null", "users", "email IS NOT NULL", postgresql_not_valid=True)');
  });
});

describe('create_table with a construct the reader does not know', () => {
  it('reports the element but still records the table as new', async () => {
    const f = await checkMigrationText('m.py', alembicFile('op.create_table("t", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("mood", sa.Enum("a", "b", name="mood")))\nop.create_index("ix_t_id", "t", ["id"])'));
    expect(f.filter((x) => x.ruleId === 'not-understood').map((x) => x.message)).toEqual(['op.create_table: type sa.Enum is not one the reader knows; that part is not checked']);
    expect(f.some((x) => x.ruleId === 'MS01')).toBe(false);
  });
});

describe('the Alembic 1.13+ template', () => {
  it('reads annotated headers, tuple down_revision and typed upgrade()', async () => {
    const src = `"""add index

Revision ID: 3f2a
Revises: 1a, 2b
Create Date: 2026-01-01 00:00:00
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision: str = '3f2a'
down_revision: Union[str, Sequence[str], None] = ('1a', '2b')
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    # ### commands auto generated by Alembic - please adjust! ###
    op.create_index(op.f('ix_users_email'), 'users', ['email'], unique=False)
    # ### end Alembic commands ###


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index(op.f('ix_users_email'), table_name='users')
`;
    const f = await checkMigrationText('versions/3f2a_add_index.py', src);
    expect(f.filter((x) => x.ruleId === 'MS01').map((x) => x.target.line)).toEqual([22]);
    expect(f.some((x) => x.ruleId === 'not-understood')).toBe(false);
  });
});
