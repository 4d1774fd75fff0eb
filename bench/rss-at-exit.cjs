// Preloaded (`node --require`) into a process the CLI benchmark runs: writes its
// peak resident memory to stderr when it exits, whatever the exit code.
'use strict';
process.on('exit', () => {
  require('node:fs').writeSync(2, `\nBENCH_MAX_RSS_KB ${process.resourceUsage().maxRSS}\n`);
});
