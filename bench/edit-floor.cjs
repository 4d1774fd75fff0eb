// The floor of one edit (issue 19's "real aim"): what any server must do when
// a keystroke changes one entry of a big file, and nothing more: parse that
// entry alone, then turn the file's findings into LSP diagnostics (line and
// character from an offset index) and serialise the publishDiagnostics
// message. The server's CPU per change is compared with this.
//   node bench/edit-floor.cjs <file> <line of the edit> <today>
// Prints one JSON line: { floorMs, parseEntryMs, convertMs, entryLines, diagnostics }.
'use strict';
const { readFileSync } = require('node:fs');
const { performance } = require('node:perf_hooks');
const { join } = require('node:path');

const [file, lineArg, today] = process.argv.slice(2);
const { analyze, parseDocument } = require(process.env.BENCH_ENGINE || join(__dirname, '.out/engine.cjs'));
const text = readFileSync(file, 'utf8');
const lines = text.split('\n');
const editLine = Number(lineArg);

// The entry the edit is in: from its key line (two spaces in) to the next one.
let from = editLine;
while (from > 0 && !/^ {2}\S/.test(lines[from])) from--;
let to = editLine + 1;
while (to < lines.length && !/^ {2}\S/.test(lines[to]) && !/^\S/.test(lines[to])) to++;
const entryText = `p:\n${lines.slice(from, to).join('\n')}\n`;

const analysis = analyze(text, { today });
const SEVERITY = { error: 1, warning: 2, info: 3, hint: 4 };
const uri = 'file:///bench/20k.productteam.yaml';

function parseEntry() {
  return parseDocument(entryText, { uniqueKeys: false, strict: true, prettyErrors: false });
}
function convert() {
  const diagnostics = analysis.problems.map((p) => {
    const s = analysis.lines.positionAt(p.start);
    const e = analysis.lines.positionAt(p.end);
    return {
      range: { start: { line: s.line, character: s.character }, end: { line: e.line, character: e.character } },
      severity: SEVERITY[p.severity],
      code: p.ruleId,
      source: 'productteam',
      message: p.message,
    };
  });
  return JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri, version: 2, diagnostics } });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const timed = (fn, runs) => {
  for (let i = 0; i < 20; i++) fn();
  const out = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return median(out);
};
const parseEntryMs = timed(parseEntry, 200);
const convertMs = timed(convert, 100);
process.stdout.write(
  JSON.stringify({ floorMs: parseEntryMs + convertMs, parseEntryMs, convertMs, entryLines: to - from, diagnostics: analysis.problems.length }) + '\n',
);
