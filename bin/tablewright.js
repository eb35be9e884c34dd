#!/usr/bin/env node
import('../dist/cli/main.js').then((m) => m.main(), (err) => {
  process.stderr.write(`tablewright: could not start (${err && err.message ? err.message : err}); run "npm run build" first\n`);
  process.exit(2);
});
