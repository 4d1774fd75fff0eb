// The requests a server sends its client for files that are not open in the
// editor, when it cannot read them itself (the browser build: a Web Worker has
// no file system). VS Code's client answers them with `vscode.workspace.fs` and
// `workspace.findFiles` (client/src/fileRequests.ts). No imports: the client
// bundle takes these names without pulling the server in.

/** `{ uri }` → the file's text, or null when the host cannot read it. */
export const READ_FILE_REQUEST = 'productteam/readFile';
/** `{ folderUri }` → the uris of the organisation files under that folder. */
export const FIND_FILES_REQUEST = 'productteam/findFiles';

export interface ReadFileParams {
  uri: string;
}
export interface FindFilesParams {
  folderUri: string;
}
