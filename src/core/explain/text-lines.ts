/**
 * Undoes what psql, pgAdmin and DBeaver wrap around a text plan (explain.md §4.4): table borders,
 * the QUERY PLAN header, the (N rows) footer, `+` continuations, quotes, tabs, hard-wrapped lines.
 * Returns the plan's own lines with their indentation intact.
 */
export function cleanPlanText(text: string): string[] {
  let lines = (text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text).replace(/↵/g, '').split('\n');
  if (text.includes('\t')) lines = lines.map((l) => l.replace(/\t/g, '    '));
  // cheap tests first: plan lines can be megabytes long
  lines = lines.filter((l) => !(/[-─═]{3}/.test(l.slice(0, 8)) && /^\s*[+\-─═╔╗╚╝├┤┌┐└┘┼╠╣╪]*[-─═]{3,}[+\-─═╔╗╚╝├┤┌┐└┘┼╠╣╪]*\s*$/.test(l)));
  lines = lines.filter((l) => !(l.length < 200 && ((l.includes('QUERY PLAN') && /^\s*[|│║]?\s*QUERY PLAN\s*[|│║]?\s*$/.test(l)) || (l.trimStart().startsWith('(') && /^\s*\(\d+ [^\s)]+\)\s*$/.test(l)))));
  // a bordered table: drop the first and last border characters of each line
  if (lines.filter((l) => l.trim()).every((l) => /^\s*[|│║]/.test(l))) lines = lines.map((l) => l.replace(/^\s*[|│║] ?/, '').replace(/\s*[|│║]\s*$/, ''));
  // whole lines quoted (DBeaver / CSV copy)
  if (lines.filter((l) => l.trim()).every((l) => /^\s*".*"\s*$/.test(l))) lines = lines.map((l) => l.trim().slice(1, -1).replace(/""/g, '"'));
  // aligned psql output marks continued cells with a trailing `+`
  lines = lines.map((l) => {
    const t = l.trimEnd();
    return t.endsWith('+') && /\s/.test(t.charAt(t.length - 2)) ? t.slice(0, -1).trimEnd() : t;
  });
  lines = lines.filter((l) => l.trim());
  // a loop, not Math.min(...): a spread of 10⁵ lines overflows the stack
  let indent = Infinity;
  for (const l of lines) indent = Math.min(indent, l.length - l.trimStart().length);
  if (Number.isFinite(indent) && indent > 0) lines = lines.map((l) => l.slice(indent));
  return rejoinWrapped(lines);
}

function count(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i !== -1; i = s.indexOf(ch, i + 1)) n++;
  return n;
}

// indexOf is a native scan: a char-by-char loop over megabyte Output lines cost more than the parse
const balance = (s: string): number => count(s, '(') - count(s, ')');

/** Terminals and mail clients hard-wrap long lines: a line with open parentheses continues. */
function rejoinWrapped(lines: string[]): string[] {
  const out: string[] = [];
  let open = 0;
  for (const l of lines) {
    if (open > 0 && out.length) {
      out[out.length - 1] += ` ${l.trim()}`;
    } else if (out.length && l.trimStart().startsWith('(') && !/^\s*\(\d+ /.test(l) && out[out.length - 1]!.trimEnd().endsWith(')')) {
      out[out.length - 1] += ` ${l.trim()}`;
    } else {
      out.push(l);
    }
    open = Math.max(0, balance(out[out.length - 1]!));
  }
  return out;
}
