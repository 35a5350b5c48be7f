import type { LiveOrigin, ScenarioInput, ValidationError } from '@cors-playground/scenario';
import { isLiveOriginMap, isObject } from '../predict/records-shape';

/** What POST /api/sandboxes answers with 201. */
export interface SandboxInfo {
  id: string;
  origins: Record<string, string>;
  live: Record<string, LiveOrigin>;
  /** The harness page on the scenario's page origin. */
  runUrl: string;
  eventsUrl: string;
  expiresAt: string;
}

export type CreateSandboxResult =
  | { ok: true; sandbox: SandboxInfo }
  | { ok: false; message: string; errors: ValidationError[] };

function isSandboxInfo(value: unknown): value is SandboxInfo {
  return (
    isObject(value) &&
    typeof value.id === 'string' &&
    isObject(value.origins) &&
    isLiveOriginMap(value.live) &&
    typeof value.runUrl === 'string' &&
    typeof value.eventsUrl === 'string'
  );
}

function validationErrors(value: unknown): ValidationError[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (item): item is ValidationError => isObject(item) && typeof item.path === 'string' && typeof item.message === 'string',
  );
}

/** Creates a fresh sandbox for one run. Never throws: a failure comes back as a message to show. */
export async function createSandbox(fetchImpl: typeof fetch, input: ScenarioInput, apiBase = '/api'): Promise<CreateSandboxResult> {
  let response: Response;
  try {
    response = await fetchImpl(`${apiBase}/sandboxes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
  } catch (error) {
    return { ok: false, message: `Could not reach the playground server (${(error as Error).message}).`, errors: [] };
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON: described below by the status.
  }
  if (response.status === 201 && isSandboxInfo(body)) return { ok: true, sandbox: body };
  const message = isObject(body) && typeof body.message === 'string' ? body.message : `The server answered ${response.status} ${response.statusText}`.trim();
  const errors = isObject(body) ? validationErrors(body.errors) : [];
  return { ok: false, message: response.status === 201 ? 'The server answered with an unexpected sandbox description.' : message, errors };
}

/** Frees a finished run's sandbox on the server. Best effort: an idle sandbox expires anyway. */
export async function deleteSandbox(fetchImpl: typeof fetch, id: string, apiBase = '/api'): Promise<void> {
  try {
    await fetchImpl(`${apiBase}/sandboxes/${encodeURIComponent(id)}`, { method: 'DELETE' });
  } catch {
    // The server will expire it.
  }
}
