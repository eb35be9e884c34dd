import { seg, type Line } from '../browser/lines.js';
import { highlightSql } from '../browser/highlight.js';
import type { Theme } from '../theme/theme.js';

const PY_KEYWORDS = new Set(['def', 'class', 'import', 'from', 'return', 'async', 'await', 'if', 'else', 'elif', 'for', 'in', 'with', 'as', 'try', 'finally', 'except', 'raise', 'yield', 'None', 'True', 'False', 'is', 'not', 'and', 'or', 'pass', 'lambda']);

/** One Python line as segments: comments muted, strings green, keywords accented (no ANSI, so lines truncate cleanly). */
function pythonLine(text: string): Line {
  const out: Line = [];
  const re = /(#.*$)|("""|'''|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|(\b[A-Za-z_]\w*\b)|(@\w+)/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) out.push(seg(text.slice(last, m.index)));
    if (m[1]) out.push(seg(m[1], 'muted'));
    else if (m[2]) out.push(seg(m[2], 'ok'));
    else if (m[3]) out.push(PY_KEYWORDS.has(m[3]) ? seg(m[3], 'accent', true) : seg(m[3]));
    else out.push(seg(m[4]!, 'accent'));
    last = re.lastIndex;
  }
  if (last < text.length) out.push(seg(text.slice(last)));
  return out;
}

/** A generated file as highlighted lines for the preview. */
export function previewLines(path: string, contents: string, theme: Theme): Line[] {
  const lines = contents.replace(/\n$/, '').split('\n');
  if (path.endsWith('.sql')) return lines.map((l) => [seg(highlightSql(l, theme))]);
  return lines.map(pythonLine);
}
