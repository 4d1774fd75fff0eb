// Answers the server's requests for files that are not open in the editor
// (server/src/lsp/fileRequests.ts): the browser build of the server has no
// file system, so it reads through VS Code's, which serves whatever the
// workspace lives on (github.dev's repository, vscode.dev's local folder).
// A failure goes back to the server as an error, and the server says in the
// output channel what it cannot do.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { FIND_FILES_REQUEST, READ_FILE_REQUEST, type FindFilesParams, type ReadFileParams } from '../../server/src/lsp/fileRequests';
import { OUR_PATTERNS } from './associations';

/** Every organisation file (SPEC section 1), as one glob for findFiles. */
const ORGANISATION_FILES = `**/{${OUR_PATTERNS.join(',')}}`;
/** Never the dependencies' copies of a file. */
const EXCLUDE = '**/node_modules/**';

export function answerFileRequests(client: BaseLanguageClient): vscode.Disposable[] {
  return [
    client.onRequest(READ_FILE_REQUEST, async ({ uri }: ReadFileParams) => {
      try {
        return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(uri, true)));
      } catch (err) {
        // A file that is not there is an answer (null); a file system that cannot read is an error.
        if (err instanceof vscode.FileSystemError && err.code === 'FileNotFound') return null;
        throw err;
      }
    }),
    client.onRequest(FIND_FILES_REQUEST, async ({ folderUri }: FindFilesParams) => {
      const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(folderUri, true));
      if (!folder) return [];
      const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, ORGANISATION_FILES), EXCLUDE);
      return found.map((u) => u.toString());
    }),
  ];
}
