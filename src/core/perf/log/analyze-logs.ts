import { Fingerprinter } from '../fingerprint.js';
import { DEFAULT_NPLUSONE, NPlusOneDetector, type Burst, type NPlusOneThresholds } from '../nplus1/detect.js';
import { NPlusOneCollector } from '../nplus1/report.js';
import type { LogSummary, QueryGroup } from '../types.js';
import { GroupCollector } from './groups.js';
import { readLog, type ReadLogOptions } from './read-log.js';

export interface LogAnalysis {
  groups: QueryGroup[];
  /** bursts grouped by (triggering, repeated) statement; call `nPlusOne.result(snapshot)` for the report */
  nPlusOne: NPlusOneCollector;
  logs: LogSummary[];
}

/** Reads each log once, streaming: statement groups and N+1 bursts in one pass. */
export async function analyzeLogs(files: string[], o: ReadLogOptions & { nPlusOne?: Partial<NPlusOneThresholds> } = {}): Promise<LogAnalysis> {
  const fp = await Fingerprinter.create();
  const groups = new GroupCollector(fp);
  const collector = new NPlusOneCollector();
  const logs: LogSummary[] = [];
  for (const file of files) {
    // sessions do not span files: each file gets its own detector
    const detector = new NPlusOneDetector({ ...DEFAULT_NPLUSONE, ...o.nPlusOne }, (b: Burst) => collector.add(b));
    logs.push(await readLog(file, (e, fromPlan) => {
      const k = groups.keyOf(e);
      groups.add(e, fromPlan, k);
      if (!fromPlan) detector.push(e, k);
    }, o));
    detector.end();
  }
  return { groups: groups.result(), nPlusOne: collector, logs };
}
