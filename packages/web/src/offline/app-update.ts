/**
 * Whether a new version of the app shell is waiting, and how to switch to it. The new version is not forced on the
 * page: a care worker in the middle of an entry chooses when (ConnectionNotice's "更新する").
 */
export class AppUpdate {
  private apply: (() => Promise<void>) | null = null;
  private readonly listeners = new Set<() => void>();

  available = (): boolean => this.apply !== null;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** A new version is installed and waiting; `apply` activates it and reloads the page. */
  offer(apply: () => Promise<void>): void {
    this.apply = apply;
    for (const listener of this.listeners) listener();
  }

  async install(): Promise<void> {
    await this.apply?.();
  }
}
