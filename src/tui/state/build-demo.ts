type Progress = (step: string, done: number, total: number) => void;

/** Whether the demo at `dir` still has to be built. */
export async function demoNeedsBuild(dir: string): Promise<boolean> {
  const { isDemoCurrent } = await import('../../core/demo/build.js');
  return !isDemoCurrent(dir);
}

/** Builds the demo in a child process, reporting progress, so the app keeps answering keys. */
export async function buildDemoInBackground(dir: string, progress: Progress): Promise<void> {
  const { ensureDemoElsewhere } = await import('../../core/demo/build-elsewhere.js');
  await ensureDemoElsewhere(dir, progress);
}
