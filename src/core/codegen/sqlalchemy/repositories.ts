import type { SchemaSnapshot } from '../../introspect/types.js';
import { GENERATED_MARKER } from '../files.js';
import { Imports } from './imports.js';
import { attrName, pyStr } from './names.js';
import { keyColumns, type MappedTable } from './plan.js';
import { formatPython } from './pyfmt.js';
import type { SchemasOutput } from './pydantic.js';
import { columnType, type TypeContext } from './types.js';
import { annotationImports, type TypeMapping } from './custom-types.js';

/**
 * An async repository per mapped class over an AsyncSession: get, get_by_<unique column>, list
 * (stable order by key, many-to-one relations loaded with selectinload so lists cost no N+1), count,
 * create, update, delete. The caller owns the transaction: repositories flush, never commit.
 */
export function renderRepositories(snap: SchemaSnapshot, tables: MappedTable[], schemas: SchemasOutput, enumClass: Map<string, string>, o: { types?: TypeMapping } = {}): string {
  const im = new Imports();
  im.add('__future__', 'annotations');
  im.add('collections.abc', 'Sequence');
  im.add('sqlalchemy', 'func');
  im.add('sqlalchemy', 'select');
  im.add('sqlalchemy.ext.asyncio', 'AsyncSession');
  const ctx: TypeContext = { snap, imports: new Imports(), enumClass, stubs: new Map(), extensions: new Set(), domains: new Map(), sequences: new Map(), types: o.types, warn: () => {} };
  const out: string[] = [];
  for (const mt of tables.filter((t) => t.isClass)) {
    const names = schemas.names.get(mt.qname);
    if (!names) continue;
    const M = mt.pyName;
    im.add('.models', M);
    im.add('.schemas', names.create);
    im.add('.schemas', names.update);
    const pk = keyColumns(mt);
    const pyOf = (col: string) => {
      const t = columnType(mt.table.columns.find((c) => c.name === col)!, ctx).py;
      annotationImports(t.replace(/\bJsonValue\b/g, ''), im);
      for (const cls of enumClass.values()) if (new RegExp(`\\b${cls}\\b`).test(t)) im.add('.models', cls);
      return t;
    };
    const pkArgs = pk.map((c) => `${mt.attrs.get(c)}: ${pyOf(c)}`).join(', ');
    const pkValue = pk.length === 1 ? mt.attrs.get(pk[0]!)! : `(${pk.map((c) => mt.attrs.get(c)).join(', ')})`;
    const toOne = mt.relationships.filter((r) => r.kind === 'many-to-one' || r.kind === 'one-to-one-child').map((r) => r.name);
    if (toOne.length) im.add('sqlalchemy.orm', 'selectinload');
    // one short statement per step: long method chains are laid out differently by ruff format
    // populate_existing: objects already in the session get their relations loaded too (async cannot lazy-load)
    const optionsLine = toOne.length ? [`        stmt = stmt.options(${toOne.map((r) => `selectinload(${M}.${r})`).join(', ')})`, '        stmt = stmt.execution_options(populate_existing=True)'] : [];
    const lines = [
      `class ${M}Repository:`,
      `    """Data access for ${mt.qname}; the caller commits."""`,
      '',
      '    def __init__(self, session: AsyncSession) -> None:',
      '        self.session = session',
      '',
      `    async def get(self, ${pkArgs}) -> ${M} | None:`,
      ...(toOne.length ? [`        options = [${toOne.map((r) => `selectinload(${M}.${r})`).join(', ')}]`, `        return await self.session.get(${M}, ${pkValue}, options=options, populate_existing=True)`] : [`        return await self.session.get(${M}, ${pkValue})`]),
    ];
    const uniqueCols = [
      ...mt.table.uniques.filter((u) => u.columns.length === 1).map((u) => u.columns[0]!),
      ...mt.table.indexes.filter((i) => i.unique && !i.primary && !i.predicate && i.keys.length === 1 && i.keys[0]!.column).map((i) => i.keys[0]!.column!),
    ].filter((c, i, a) => a.indexOf(c) === i && !pk.includes(c));
    for (const col of uniqueCols) {
      const a = mt.attrs.get(col)!;
      lines.push('', `    async def get_by_${attrName(a)}(self, ${a}: ${pyOf(col)}) -> ${M} | None:`,
        `        stmt = select(${M}).where(${M}.${a} == ${a})`,
        ...optionsLine,
        '        return await self.session.scalar(stmt)');
    }
    lines.push('',
      `    async def list(self, *, limit: int = 50, offset: int = 0) -> Sequence[${M}]:`,
      `        stmt = select(${M}).order_by(${pk.map((c) => `${M}.${mt.attrs.get(c)}`).join(', ')})`,
      ...optionsLine,
      '        stmt = stmt.limit(limit).offset(offset)',
      '        return (await self.session.scalars(stmt)).all()',
      '',
      '    async def count(self) -> int:',
      `        stmt = select(func.count()).select_from(${M})`,
      '        return (await self.session.scalar(stmt)) or 0',
      '',
      `    async def create(self, data: ${names.create}) -> ${M}:`,
      `        obj = ${M}(**data.model_dump(exclude_unset=True, by_alias=True))`,
      '        self.session.add(obj)',
      '        await self.session.flush()',
      '        await self.session.refresh(obj)',
      '        return obj',
      '',
      `    async def update(self, obj: ${M}, data: ${names.update}) -> ${M}:`,
      '        values = data.model_dump(exclude_unset=True, by_alias=True)',
      '        for key, value in values.items():',
      '            setattr(obj, key, value)',
      '        await self.session.flush()',
      '        await self.session.refresh(obj)',
      '        return obj',
      '',
      `    async def delete(self, obj: ${M}) -> None:`,
      '        await self.session.delete(obj)',
      '        await self.session.flush()');
    out.push(lines.join('\n'));
  }
  void pyStr;
  return formatPython(`# @${GENERATED_MARKER} reflect --repositories\n${im.render()}\n\n\n${out.join('\n\n\n')}\n`);
}

/** `db.py`: the async engine, a session factory and a request-scoped session dependency for FastAPI. */
export function renderDb(): string {
  return `# @${GENERATED_MARKER} reflect --fastapi
from __future__ import annotations

import os
from collections.abc import AsyncIterator

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine

DATABASE_URL = os.environ.get(
    "DATABASE_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
)
POOL_SIZE = int(os.environ.get("DB_POOL_SIZE", "5"))

engine = create_async_engine(DATABASE_URL, pool_size=POOL_SIZE, pool_pre_ping=True)
SessionLocal = async_sessionmaker(engine, expire_on_commit=False)


async def get_session() -> AsyncIterator[AsyncSession]:
    """One session per request: commits when the handler succeeds, rolls back when it raises.

    In FastAPI: \`SessionDep = Annotated[AsyncSession, Depends(get_session)]\`.
    """
    async with SessionLocal() as session:
        try:
            yield session
            await session.commit()
        except Exception:
            await session.rollback()
            raise
`;
}
