// Loaded with `node --require` by the benchmark: prints the process's peak resident set size
// (kB, getrusage ru_maxrss) on stderr as it exits, so the bench reads it without /usr/bin/time.
'use strict';
process.on('exit', () => {
  process.stderr.write(`\nbench-max-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
