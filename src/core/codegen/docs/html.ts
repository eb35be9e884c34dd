import { GENERATED_MARKER } from '../files.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Inline Markdown of our own pages: `code`, **bold**, _italic_, [text](link.md). */
function inline(s: string): string {
  const parts = s.split(/(`[^`]*`)/);
  return parts.map((p) => {
    if (p.startsWith('`') && p.endsWith('`') && p.length >= 2) return `<code>${esc(p.slice(1, -1))}</code>`;
    return esc(p)
      .replace(/\[([^\]]+)\]\(([^)]+)\.md\)/g, '<a href="$2.html">$1</a>')
      .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '<a href="$2">$1</a>')
      .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
      .replace(/(^|\s)_([^_]+)_(?=\s|$|[.,;:])/g, '$1<em>$2</em>');
  }).join('');
}

const cells = (row: string) => row.replace(/^\||\|$/g, '').split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'));

/**
 * HTML for the Markdown the docs generator writes (headings, paragraphs, lists, pipe tables,
 * mermaid blocks): a known subset, so a small converter renders it faithfully.
 */
export function markdownToHtml(md: string, title: string): string {
  const lines = md.split('\n').filter((l) => !l.startsWith('<!--'));
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.startsWith('```mermaid')) {
      const body: string[] = [];
      while (++i < lines.length && !lines[i]!.startsWith('```')) body.push(lines[i]!);
      out.push(`<pre class="mermaid">${esc(body.join('\n'))}</pre>`);
    } else if (/^#{1,6} /.test(l)) {
      const n = l.indexOf(' ');
      out.push(`<h${n}>${inline(l.slice(n + 1))}</h${n}>`);
    } else if (l.startsWith('|') && lines[i + 1]?.startsWith('|---')) {
      const head = cells(l);
      const align = cells(lines[++i]!).map((c) => (c.endsWith(':') ? ' style="text-align:right"' : ''));
      out.push('<table>', `<tr>${head.map((h, k) => `<th${align[k] ?? ''}>${inline(h)}</th>`).join('')}</tr>`);
      while (lines[i + 1]?.startsWith('|')) out.push(`<tr>${cells(lines[++i]!).map((c, k) => `<td${align[k] ?? ''}>${inline(c)}</td>`).join('')}</tr>`);
      out.push('</table>');
    } else if (l.startsWith('- ')) {
      out.push('<ul>');
      for (i--; lines[i + 1]?.startsWith('- '); ) out.push(`<li>${inline(lines[++i]!.slice(2))}</li>`);
      out.push('</ul>');
    } else if (l.trim()) {
      out.push(`<p>${inline(l)}</p>`);
    }
  }
  return `<!DOCTYPE html>
<!-- ${GENERATED_MARKER} docs: edits to this file are overwritten -->
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;line-height:1.45}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ccc;padding:.25rem .5rem;vertical-align:top}
th{background:#f3f5f7}code{background:#f3f5f7;padding:0 .2rem}pre.mermaid{background:#fafafa;padding:.5rem}</style>
<script type="module">import mermaid from 'https://cdn.jsdelivr.net/npm/mermaid@11/dist/mermaid.esm.min.mjs'; mermaid.initialize({ startOnLoad: true });</script>
</head><body>
${out.join('\n')}
</body></html>
`;
}
