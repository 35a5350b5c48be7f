/**
 * Links into the Fetch standard, and the verdict every step of the model returns. A verdict names
 * the spec step that decided it, so the UI can explain it and the tests can name it.
 */
export const FETCH_SPEC = 'https://fetch.spec.whatwg.org/';
export const XHR_SPEC = 'https://xhr.spec.whatwg.org/';

/** The anchors the engine cites, by the spec's own term. */
export const SPEC_ANCHORS = {
  corsSafelistedMethod: 'cors-safelisted-method',
  forbiddenMethod: 'forbidden-method',
  normalizeMethod: 'concept-method-normalize',
  corsSafelistedRequestHeader: 'cors-safelisted-request-header',
  corsUnsafeRequestHeaderNames: 'cors-unsafe-request-header-names',
  corsNonWildcardRequestHeaderName: 'cors-non-wildcard-request-header-name',
  forbiddenRequestHeader: 'forbidden-request-header',
  noCorsSafelistedRequestHeader: 'no-cors-safelisted-request-header',
  corsSafelistedResponseHeaderName: 'cors-safelisted-response-header-name',
  forbiddenResponseHeaderName: 'forbidden-response-header-name',
  requestBodyHeaderName: 'request-body-header-name',
  extractHeaderListValues: 'extract-header-list-values',
  okStatus: 'ok-status',
  redirectStatus: 'redirect-status',
  locationUrl: 'concept-response-location-url',
  redirectTaint: 'concept-request-tainted-origin',
  serializingRequestOrigin: 'serializing-a-request-origin',
  appendOriginHeader: 'append-a-request-origin-header',
  mainFetch: 'main-fetch',
  httpFetch: 'http-fetch',
  httpRedirectFetch: 'http-redirect-fetch',
  corsPreflightFetch: 'cors-preflight-fetch-0',
  corsPreflightCache: 'cors-preflight-cache',
  corsCheck: 'concept-cors-check',
  basicFilteredResponse: 'concept-filtered-response-basic',
  corsFilteredResponse: 'concept-filtered-response-cors',
  opaqueFilteredResponse: 'concept-filtered-response-opaque',
  opaqueRedirectFilteredResponse: 'concept-filtered-response-opaque-redirect',
  networkError: 'concept-network-error',
  requestConstructor: 'dom-request',
  headersGuard: 'concept-headers-guard',
  accessControlMaxAge: 'http-access-control-max-age',
  crossOriginResourcePolicyCheck: 'cross-origin-resource-policy-check',
} as const;
export type SpecTerm = keyof typeof SPEC_ANCHORS;

export function fetchSpec(term: SpecTerm): string {
  return `${FETCH_SPEC}#${SPEC_ANCHORS[term]}`;
}

export const VERDICT_RESULTS = ['pass', 'fail', 'info', 'unsupported'] as const;
export type VerdictResult = (typeof VERDICT_RESULTS)[number];

/** One decision of the model: what was decided, by which spec step, and why. */
export interface Verdict {
  result: VerdictResult;
  /** The spec step in its own words, e.g. "CORS check, step 4". */
  step: string;
  /** The spec anchor that decided it. */
  spec: string;
  /** A sentence a reader understands without the spec open. */
  detail: string;
  /** The header values (or other inputs) the step looked at, by name; null when absent. */
  values?: Record<string, string | null>;
  /** The id of the failed check, when result is "fail". */
  blockedBy?: string;
}

export function verdict(
  result: VerdictResult,
  term: SpecTerm,
  step: string,
  detail: string,
  blockedBy?: string,
  values?: Record<string, string | null>,
): Verdict {
  const made: Verdict = { result, step, spec: fetchSpec(term), detail };
  if (values !== undefined) made.values = values;
  if (blockedBy !== undefined) made.blockedBy = blockedBy;
  return made;
}
