// The user's `deal.*` settings, asked of the client when a feature needs them (so a change
// applies at the next request), with defaults for clients that have no settings to give.
import type { ClientCapabilities, Connection } from 'vscode-languageserver/node';

export interface DealSettings {
  codeLens: { enabled: boolean };
  inlayHints: { enabled: boolean };
  format: { enabled: boolean };
}

export const defaultSettings: DealSettings = {
  codeLens: { enabled: true },
  inlayHints: { enabled: true },
  format: { enabled: true },
};

export class SettingsReader {
  private canAsk = false;

  constructor(private readonly connection: Connection) {}

  useCapabilities(capabilities: ClientCapabilities): void {
    this.canAsk = !!capabilities.workspace?.configuration;
  }

  async forDocument(uri: string): Promise<DealSettings> {
    if (!this.canAsk) return defaultSettings;
    try {
      const section = (await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'deal' })) as Partial<DealSettings> | null;
      return {
        codeLens: { enabled: section?.codeLens?.enabled ?? true },
        inlayHints: { enabled: section?.inlayHints?.enabled ?? true },
        format: { enabled: section?.format?.enabled ?? true },
      };
    } catch {
      return defaultSettings;
    }
  }
}
