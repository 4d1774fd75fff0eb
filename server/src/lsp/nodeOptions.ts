// The Node options the VS Code client starts the language server with (and
// the benchmark, which starts it as the client does). No imports: the client
// bundle takes this list without pulling the server in.
//
// `--min-semi-space-size=16`: start V8's young generation at the size it
// grows to anyway under the allocation of a parse, instead of growing it
// through a series of scavenges while the first big file is parsed (opening
// 20k lines: about 10% faster, `npm run bench`). Other editors may pass it
// too (`node --min-semi-space-size=16 server/out/server.js --stdio`); the
// server works the same without it.
export const SERVER_EXEC_ARGV: readonly string[] = ['--min-semi-space-size=16'];
