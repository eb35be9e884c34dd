import { expect, it } from 'vitest';
import { describePython, runPython } from '../helpers/python.js';

describePython('the generated-code venv', () => {
  it('has SQLAlchemy 2.0, Alembic and Pydantic 2 importable', () => {
    const r = runPython('import sqlalchemy, alembic, pydantic, psycopg, asyncpg; print(sqlalchemy.__version__.split(".")[0], pydantic.VERSION.split(".")[0])');
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('2 2');
  });
});
