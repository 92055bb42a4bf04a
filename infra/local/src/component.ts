export interface ComponentStatus {
  readonly running: boolean;
  readonly healthy: boolean;
  readonly pid?: number | undefined;
  /** Where it listens, in words: "PostgreSQL 127.0.0.1:55432". */
  readonly listening: readonly string[];
}

/** One real server run locally. Every method is safe to call twice. */
export interface Component {
  readonly name:
    | 'postgres'
    | 'kafka'
    | 'temporal'
    | 'identity-provider'
    | 'engagement-worker'
    | 'gateway'
    | 'compliance'
    | 'activities'
    | 'notifications';
  readonly title: string;
  readonly logFile: string;
  /** Fetches binaries or jars into the cache, once. */
  install(): Promise<void>;
  /** Starts the server unless it runs already, and waits until it is healthy. */
  up(): Promise<void>;
  /** Stops the server and leaves no process behind. */
  down(): Promise<'stopped' | 'killed' | 'not running'>;
  status(): Promise<ComponentStatus>;
}
