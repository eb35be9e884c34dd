/** Prints demo-build progress on stderr: a redrawn line on a terminal, plain lines otherwise. */
export function demoProgressPrinter(stream: NodeJS.WriteStream = process.stderr) {
  const start = Date.now();
  let announced = false;
  return (step: string, done: number, total: number) => {
    if (!announced) {
      stream.write('Building the embedded demo database (first run only, about 15 s)...\n');
      announced = true;
    }
    const secs = ((Date.now() - start) / 1000).toFixed(1);
    if (stream.isTTY) {
      const width = 24;
      const filled = Math.round((done / total) * width);
      stream.write(`\r\x1b[2K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${step} (${secs} s)`);
      if (done === total) stream.write('\n');
    } else {
      stream.write(`  ${done}/${total} ${step} (${secs} s)\n`);
    }
  };
}
