import { LIMITS, refusedPastCap, requestCapSummary } from '@cors-playground/scenario';
import type { SandboxNetwork } from './sandbox-network';
import { verdict, type Verdict } from './spec';

/**
 * The note a run gets when its client code hit the sandbox's request cap (LIMITS.requestsPerRun):
 * the model answers past the cap with the sandbox's 429, so every such request is predicted
 * blocked, as the browser blocks it, and the run says why.
 */
export function requestCapNote(network: SandboxNetwork): Verdict | null {
  const refused = refusedPastCap(network.received ?? 0, LIMITS.requestsPerRun);
  if (refused <= 0) return null;
  return verdict('info', 'httpFetch', 'Request cap of the sandbox', requestCapSummary(LIMITS.requestsPerRun, refused), undefined, {
    limit: String(LIMITS.requestsPerRun),
    refused: String(refused),
  });
}
