import { ensureParser, pgParser } from '../../sql/pg-parser.js';

/** The PostgreSQL parser must be loaded once before `describeCheck`. */
export const loadParser = ensureParser;

type Node = Record<string, any>;

const OP_WORDS: Record<string, string> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<', '=': '=', '<>': '≠', '!=': '≠' };
const FLIP: Record<string, string> = { '>=': '<=', '<=': '>=', '>': '<', '<': '>', '=': '=', '<>': '<>' };

/** A value or column as words: `'open'::text` → open, `0::numeric` → 0, `VALUE` → the subject. */
function term(n: Node | undefined, subject: string): string | undefined {
  if (!n) return undefined;
  if (n.TypeCast) return term(n.TypeCast.arg, subject);
  if (n.ColumnRef) {
    const f = n.ColumnRef.fields.map((x: Node) => x.String?.sval ?? '*').join('.');
    return f.toUpperCase() === 'VALUE' ? subject : f;
  }
  if (n.A_Const) {
    const c = n.A_Const;
    if (c.isnull) return 'NULL';
    if (c.ival !== undefined) return String(c.ival.ival ?? 0);
    if (c.fval !== undefined) return String(c.fval.fval);
    if (c.sval !== undefined) return c.sval.sval;
    if (c.boolval !== undefined) return String(c.boolval.boolval ?? false);
  }
  if (n.FuncCall) {
    const name = n.FuncCall.funcname.map((x: Node) => x.String?.sval).pop();
    const arg = term(n.FuncCall.args?.[0], subject);
    if (['length', 'char_length', 'character_length'].includes(name) && arg) return `the length of ${arg}`;
    if (name === 'btrim' && arg) return `${arg} without surrounding spaces`;
    if (['lower', 'upper'].includes(name) && arg) return `${name}(${arg})`;
    if (name === 'now') return 'the current time';
  }
  if (n.SQLValueFunction) return 'the current time';
  return undefined;
}

const isColumn = (n: Node | undefined): boolean => !!(n?.ColumnRef || (n?.TypeCast && isColumn(n.TypeCast.arg)));

function comparison(op: string, l: Node, r: Node, subject: string): string | undefined {
  // keep the column on the left: "0 < price" reads as "price must be > 0"
  if (!isColumn(l) && isColumn(r) && FLIP[op]) [l, r, op] = [r, l, FLIP[op]!];
  const a = term(l, subject);
  const b = term(r, subject);
  if (!a || !b) return undefined;
  if (op === '~') return `${a} must match the pattern ${b}`;
  if (op === '~*') return `${a} must match the pattern ${b} (ignoring case)`;
  if (op === '!~') return `${a} must not match the pattern ${b}`;
  if (a.startsWith('the length of') && (op === '<=' || op === '<')) return `${a.replace('the length of ', '')} must be at most ${op === '<' ? Number(b) - 1 : b} characters long`;
  const w = OP_WORDS[op];
  return w ? `${a} must be ${w} ${b}` : undefined;
}

/** Two bounds on one column (`x >= 1 AND x <= 5`, PostgreSQL's spelling of BETWEEN) as one range. */
function range(args: Node[], subject: string): string | undefined {
  if (args.length !== 2) return undefined;
  const parts = args.map((a) => a.A_Expr?.kind === 'AEXPR_OP' ? { op: a.A_Expr.name[0].String.sval as string, col: term(a.A_Expr.lexpr, subject), val: term(a.A_Expr.rexpr, subject), isCol: isColumn(a.A_Expr.lexpr) } : undefined);
  const [lo, hi] = [parts.find((p) => p?.op === '>=' && p.isCol), parts.find((p) => p?.op === '<=' && p.isCol)];
  return lo && hi && lo.col === hi.col ? `${lo.col} must be between ${lo.val} and ${hi.val}` : undefined;
}

function words(n: Node, subject: string): string | undefined {
  if (n.A_Expr) {
    const e = n.A_Expr;
    const op = e.name?.[0]?.String?.sval as string | undefined;
    if (e.kind === 'AEXPR_OP' && op) return comparison(op, e.lexpr, e.rexpr, subject);
    if ((e.kind === 'AEXPR_OP_ANY' && op === '=') || e.kind === 'AEXPR_IN') {
      const list = e.rexpr?.A_ArrayExpr?.elements ?? e.rexpr?.List?.items ?? (Array.isArray(e.rexpr) ? e.rexpr : undefined);
      const vals = list?.map((x: Node) => term(x, subject));
      const col = term(e.lexpr, subject);
      if (col && vals?.every(Boolean)) return `${col} is one of ${vals.join(', ')}`;
    }
    if (e.kind === 'AEXPR_BETWEEN') {
      const [lo, hi] = e.rexpr.List?.items ?? e.rexpr;
      return `${term(e.lexpr, subject)} must be between ${term(lo, subject)} and ${term(hi, subject)}`;
    }
    return undefined;
  }
  if (n.NullTest) {
    const col = term(n.NullTest.arg, subject);
    return col ? `${col} ${n.NullTest.nulltesttype === 'IS_NULL' ? 'must be empty' : 'must be set'}` : undefined;
  }
  if (n.BoolExpr) {
    const { boolop, args } = n.BoolExpr as { boolop: string; args: Node[] };
    if (boolop === 'AND_EXPR') {
      const r = range(args, subject);
      if (r) return r;
      const parts = args.map((a) => words(a, subject));
      return parts.every(Boolean) ? parts.join(', and ') : undefined;
    }
    if (boolop === 'OR_EXPR') {
      // "x IS NULL OR <rule on x>" is a rule that applies only once x is set
      const nullArm = args.findIndex((a) => a.NullTest?.nulltesttype === 'IS_NULL');
      if (args.length === 2 && nullArm >= 0) {
        const col = term(args[nullArm]!.NullTest.arg, subject);
        const other = words(args[1 - nullArm]!, subject);
        if (col && other) return `once ${col} is set, ${other}`;
      }
      const parts = args.map((a) => words(a, subject));
      return parts.every(Boolean) ? `either ${parts.join(', or ')}` : undefined;
    }
    if (boolop === 'NOT_EXPR') {
      const inner = words(args[0]!, subject);
      return inner ? `it must not be that ${inner}` : undefined;
    }
  }
  return undefined;
}

/**
 * A CHECK expression as a business rule in plain words ("price must be ≥ 0", "status is one of
 * open, closed"); `subject` names what VALUE stands for in a domain's check. Falls back to the SQL.
 */
export function describeCheck(expression: string, subject = 'the value'): string {
  try {
    const ast = pgParser().parseSync(`SELECT (${expression})`) as Node;
    const target = ast.stmts?.[0]?.stmt?.SelectStmt?.targetList?.[0]?.ResTarget?.val;
    const w = target ? words(target, subject) : undefined;
    if (w) return w;
  } catch {
    // an expression the parser cannot read here is shown as SQL below
  }
  return `must satisfy CHECK (${expression})`;
}
