/**
 * How `log(...values)` turns its arguments into one line. The harness (real run) and the engine's
 * simulator (prediction) both call this, so the two logs compare line by line.
 */
export function formatLogValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error || (typeof value === 'object' && value !== null && 'name' in value && 'message' in value && typeof (value as Error).message === 'string' && typeof (value as Error).name === 'string')) {
    return `${(value as Error).name}: ${(value as Error).message}`;
  }
  if (value === undefined || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' || typeof value === 'symbol' || typeof value === 'function') {
    return String(value);
  }
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

export function formatLogLine(values: readonly unknown[]): string {
  return values.map(formatLogValue).join(' ');
}
