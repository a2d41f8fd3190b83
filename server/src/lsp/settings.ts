// The user's `deal.*` settings, asked of the client the first time a document needs them and
// kept until the client says the configuration changed (then features refresh and ask again),
// with defaults for clients that have no settings to give.
import type { ClientCapabilities, Connection } from './language-server-library';

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
  private readonly kept = new Map<string, Promise<DealSettings>>();
  private readonly listeners: (() => void)[] = [];

  constructor(private readonly connection: Connection) {
    connection.onDidChangeConfiguration(() => {
      this.kept.clear();
      for (const listener of this.listeners) listener();
    });
  }

  useCapabilities(capabilities: ClientCapabilities): void {
    this.canAsk = !!capabilities.workspace?.configuration;
  }

  /** Runs `listener` after the client says the settings changed (kept settings are dropped first). */
  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Forgets a closed document's settings. */
  forget(uri: string): void {
    this.kept.delete(uri);
  }

  forDocument(uri: string): Promise<DealSettings> {
    if (!this.canAsk) return Promise.resolve(defaultSettings);
    let settings = this.kept.get(uri);
    if (!settings) this.kept.set(uri, (settings = this.ask(uri)));
    return settings;
  }

  private async ask(uri: string): Promise<DealSettings> {
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
