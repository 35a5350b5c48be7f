type MonacoSetup = typeof import('./monaco-setup');

let loading: Promise<MonacoSetup> | null = null;

/** Loads Monaco and its configuration once, on first use. */
export function loadMonaco(): Promise<MonacoSetup> {
  loading ??= import('./monaco-setup');
  return loading;
}
