// The portfolio index, filled once the client is ready: every `.deal` file under the workspace
// folders is analysed in the background, and `deal/workspaceIndexed` says when it is done.
import type { Connection, InitializeParams } from './language-server-library';
import type { WorkspaceIndex } from '../workspace/workspace-index';
import { pathOf } from './portfolio';
import { workspaceIndexedMethod, type WorkspaceIndexedParams } from './protocol';
import { describeError } from './run-safe';

/** The file-system folders of the workspace. Folders on other file systems, and file: URIs that
 * name no local path (`file://host/share`, an encoded `/`), are not read. */
export function workspaceFolderPaths(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  return uris.map(pathOf).filter((path): path is string => path !== undefined);
}

export function registerWorkspaceIndex(connection: Connection, index: WorkspaceIndex, folders: () => string[]): void {
  connection.onInitialized(async () => {
    try {
      const result = await index.indexFolders(folders());
      for (const file of result.unreadable) connection.console.warn(`Not indexed: ${file.uri} (${file.reason})`);
      const params: WorkspaceIndexedParams = { files: result.files, deals: result.deals, ms: Math.round(result.ms) };
      void connection.sendNotification(workspaceIndexedMethod, params);
    } catch (error) {
      connection.console.error(`Indexing the workspace failed: ${describeError(error)}`);
    }
  });
}
