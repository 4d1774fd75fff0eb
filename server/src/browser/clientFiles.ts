// How the browser build reads files that are not open: it asks the client
// (READ_FILE_REQUEST / FIND_FILES_REQUEST). A host whose file system cannot
// serve them (a client other than ours, a virtual file system that refuses)
// is said once in the output channel, and the server goes on with the open
// documents alone.
import type { Connection } from 'vscode-languageserver';
import type { ServerPlatform } from '../lsp/start';
import { FIND_FILES_REQUEST, READ_FILE_REQUEST, type FindFilesParams, type ReadFileParams } from '../lsp/fileRequests';

type ClientConnection = Pick<Connection, 'sendRequest'> & { console: Pick<Connection['console'], 'warn'> };

export function filesThroughClient(connection: ClientConnection): Required<Pick<ServerPlatform, 'readFile' | 'findFiles'>> {
  let told = false;
  function cannot(what: string, err: unknown): void {
    if (told) return;
    told = true;
    const why = err instanceof Error ? err.message : String(err);
    connection.console.warn(
      `[productteam] this editor cannot give the language server files that are not open (${what}: ${why}). ` +
        'Each open file is linted on its own; an organisation split over several files is checked only as far as its open files go.',
    );
  }

  return {
    async readFile(uri) {
      try {
        const text = await connection.sendRequest<string | null>(READ_FILE_REQUEST, { uri } satisfies ReadFileParams);
        return typeof text === 'string' ? text : undefined;
      } catch (err) {
        cannot(`reading ${uri}`, err);
        return undefined;
      }
    },
    async findFiles(folderUri) {
      try {
        const uris = await connection.sendRequest<string[] | null>(FIND_FILES_REQUEST, { folderUri } satisfies FindFilesParams);
        return Array.isArray(uris) ? uris.filter((u) => typeof u === 'string') : [];
      } catch (err) {
        cannot(`listing ${folderUri}`, err);
        return [];
      }
    },
  };
}
