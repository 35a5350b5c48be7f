import type { CorsError, CorsFailure } from './console-messages';
import { getHeader, type HeaderList } from './header-list';
import { serverErrorNote } from './server-errors';
import { verdict, type Verdict } from './spec';

export const CREDENTIALS_MODES = ['omit', 'same-origin', 'include'] as const;
export type CredentialsMode = (typeof CREDENTIALS_MODES)[number];

export interface CorsCheckRequest {
  /** The result of serializing a request origin: the page origin, or "null" once redirect-tainted. */
  serializedOrigin: string;
  credentialsMode: CredentialsMode;
  /** The request's method, for the explanation. */
  method?: string;
}

export type CorsCheckResult =
  | { ok: true; verdict: Verdict }
  | { ok: false; verdict: Verdict; failure: CorsFailure; blockedBy: string };

/** blockedBy ids of the CORS check, by Chromium's error; a preflight's get the prefix "preflight-". */
const BLOCKED_BY: Partial<Record<CorsError, string>> = {
  WildcardOriginNotAllowed: 'acao-wildcard-with-credentials',
  MissingAllowOriginHeader: 'acao-missing',
  MultipleAllowOriginValues: 'acao-multiple',
  InvalidAllowOriginValue: 'acao-invalid',
  AllowOriginMismatch: 'acao-mismatch',
};

function isUrl(text: string): boolean {
  try {
    new URL(text);
    return true;
  } catch {
    return false;
  }
}

interface CheckInputs {
  allowOriginLines: number;
  preflight: boolean;
  method: string;
  status: number;
  values: Record<string, string | null>;
}

function failed(error: CorsError, hint: string, inputs: CheckInputs, step: string, detail: string, blockedBy = BLOCKED_BY[error]!): CorsCheckResult {
  const id = inputs.preflight ? `preflight-${blockedBy}` : blockedBy;
  // A failed CORS check on an error status: say that the error page is the cause, not the CORS set-up.
  const note = serverErrorNote(inputs.status, inputs.method, inputs.values['Access-Control-Allow-Origin'] !== null);
  return {
    ok: false,
    failure: { error, hint, preflight: inputs.preflight, status: inputs.status, allowOriginLines: inputs.allowOriginLines },
    blockedBy: id,
    verdict: verdict('fail', 'corsCheck', step, note ? `${detail} ${note}` : detail, id, inputs.values),
  };
}

function passed(step: string, detail: string, inputs: CheckInputs): CorsCheckResult {
  return { ok: true, verdict: verdict('pass', 'corsCheck', step, detail, undefined, inputs.values) };
}

/**
 * https://fetch.spec.whatwg.org/#concept-cors-check
 * In Chromium's order (services/network/public/cpp/cors/cors.cc CheckAccess), which also tells
 * apart the ways step 4 fails: several values, a value that is no origin, another origin.
 */
export function corsCheck(request: CorsCheckRequest, headers: HeaderList, preflight = false, status = 200): CorsCheckResult {
  const what = preflight ? 'The preflight response' : 'The response';
  // 1. Let origin be the result of getting `Access-Control-Allow-Origin` from response's header list.
  const origin = getHeader(headers, 'Access-Control-Allow-Origin');
  const include = request.credentialsMode === 'include';
  const values: Record<string, string | null> = { Origin: request.serializedOrigin, 'credentials mode': request.credentialsMode, status: String(status), 'Access-Control-Allow-Origin': origin };
  if (include) values['Access-Control-Allow-Credentials'] = getHeader(headers, 'Access-Control-Allow-Credentials');
  const allowOriginLines = headers.filter(([name]) => name.toLowerCase() === 'access-control-allow-origin').length;
  const inputs: CheckInputs = { allowOriginLines, preflight, method: preflight ? 'OPTIONS' : request.method ?? 'the request', status, values };
  // 3. If request's credentials mode is not "include" and origin is `*`, then return success.
  if (origin === '*' && !include) {
    return passed('CORS check, step 3', `${what} allows any origin (Access-Control-Allow-Origin: *) and the request carries no credentials.`, inputs);
  }
  if (origin === '*') {
    return failed('WildcardOriginNotAllowed', '', inputs, 'CORS check, step 4',
      `${what} answers Access-Control-Allow-Origin: *, but the request's credentials mode is "include", where only the exact origin ${request.serializedOrigin} is accepted.`);
  }
  // 2. If origin is null, then return failure.
  if (origin === null) {
    return failed('MissingAllowOriginHeader', '', inputs, 'CORS check, step 2', `${what} has no Access-Control-Allow-Origin header.`);
  }
  // 4. If the serialized request origin is not origin, then return failure.
  if (origin !== request.serializedOrigin) return mismatch(origin, request, inputs, what);
  // 5. If request's credentials mode is not "include", then return success.
  if (!include) {
    return passed('CORS check, step 5', `${what} allows the origin ${origin}.`, inputs);
  }
  // 6-8. Let credentials be `Access-Control-Allow-Credentials`; success only if it is `true`.
  const credentials = getHeader(headers, 'Access-Control-Allow-Credentials');
  if (credentials === 'true') {
    return passed('CORS check, step 7', `${what} allows the origin ${origin} with credentials (Access-Control-Allow-Credentials: true).`, inputs);
  }
  return failed('InvalidAllowCredentials', credentials ?? '', inputs, 'CORS check, step 8',
    credentials === null
      ? `${what} has no Access-Control-Allow-Credentials header, which must be exactly "true" when the credentials mode is "include".`
      : `${what} has Access-Control-Allow-Credentials: ${credentials}, which must be exactly "true" (lower case) when the credentials mode is "include".`,
    credentials === null ? 'acac-missing' : 'acac-invalid');
}

function mismatch(origin: string, request: CorsCheckRequest, inputs: CheckInputs, what: string): CorsCheckResult {
  const step = 'CORS check, step 4';
  if (/[ ,]/.test(origin)) {
    return failed('MultipleAllowOriginValues', origin, inputs, step,
      `${what} has Access-Control-Allow-Origin: ${origin}; the header takes one value (repeated header lines are combined with ", ").`);
  }
  if (origin !== 'null' && !isUrl(origin)) {
    return failed('InvalidAllowOriginValue', origin, inputs, step, `${what} has Access-Control-Allow-Origin: ${origin}, which is not an origin.`);
  }
  return failed('AllowOriginMismatch', origin, inputs, step,
    `${what} has Access-Control-Allow-Origin: ${origin}, but the request's origin is ${request.serializedOrigin} (compared as exact strings).`);
}
