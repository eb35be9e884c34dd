import { targetKey } from '../../core/rules/engine.js';
import type { Finding, LintResult, Rule } from '../../core/rules/types.js';

const LEVEL: Record<Finding['severity'], 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * SARIF 2.1.0 for GitHub code scanning. Schema findings have no file, so they point at a logical
 * location (the object) and at the config or migration file when there is one.
 */
export function findingsSarif(result: LintResult, rules: readonly Rule[], version: string, o: { artifact?: string } = {}): string {
  const used = rules.filter((r) => result.findings.some((f) => f.ruleId === r.id));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'tablewright',
          version,
          informationUri: 'https://www.npmjs.com/package/tablewright',
          rules: used.map((r) => ({
            id: r.id,
            name: r.name,
            shortDescription: { text: r.name.replace(/-/g, ' ') },
            fullDescription: { text: r.why },
            defaultConfiguration: { level: LEVEL[r.severity] },
            properties: { category: r.category },
          })),
        },
      },
      results: result.findings.map((f) => {
        const file = f.target.file ?? o.artifact;
        const object = targetKey(f);
        return {
          ruleId: f.ruleId,
          ruleIndex: used.findIndex((r) => r.id === f.ruleId),
          level: LEVEL[f.severity],
          message: { text: `${f.message}. ${f.why}${f.fix?.sql ? ` Fix: ${f.fix.sql}` : ''}` },
          locations: [{
            ...(file ? { physicalLocation: { artifactLocation: { uri: file }, ...(f.target.line ? { region: { startLine: f.target.line, ...(typeof f.target.column === 'number' ? { startColumn: f.target.column } : {}) } } : {}) } } : {}),
            ...(object ? { logicalLocations: [{ fullyQualifiedName: object, kind: f.target.column && typeof f.target.column === 'string' ? 'member' : 'type' }] } : {}),
          }],
          partialFingerprints: { tablewrightObject: `${f.ruleId}:${object}:${f.message.length}` },
        };
      }),
    }],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
