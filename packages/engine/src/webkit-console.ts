import type { ConsoleContext, CorsFailure } from './console-messages';

/**
 * WebKit's console lines for a blocked request: the reason (WebCore/loader/CrossOriginAccessControl.cpp
 * passesAccessControlCheck and validatePreflightResponse, CrossOriginPreflightResultCache.cpp,
 * WebKit/NetworkProcess/NetworkLoadChecker.cpp for redirects), then the line the API prints
 * (ThreadableLoader.cpp: "Fetch API cannot load URL due to access control checks."). Safari
 * prints them as two console messages; the model joins them with a line feed. Read in
 * WebKit/WebKit (main, 2025), matching lines users report from Safari; not yet checked against a
 * running WebKit.
 */
export const WEBKIT_CONSOLE_SOURCE = {
  verified: false,
  source: 'WebKit/WebKit Source/WebCore/loader/CrossOriginAccessControl.cpp, CrossOriginPreflightResultCache.cpp, ThreadableLoader.cpp; Source/WebKit/NetworkProcess/NetworkLoadChecker.cpp',
} as const;

/** The name as the script wrote it (WebKit's HTTPHeaderMap keeps the case), else the lower-case name. */
function writtenName(name: string, context: ConsoleContext): string {
  return context.headers?.find(([key]) => key.toLowerCase() === name)?.[0] ?? name;
}

/** The reason WebKit gives, in its order of checks: a preflight's status comes before its CORS check. */
function webkitReason(failure: CorsFailure, context: ConsoleContext): string {
  const origin = context.serializedOrigin ?? context.origin;
  const status = failure.status ?? 200;
  if (failure.preflight && (status < 200 || status > 299)) return `Preflight response is not successful. Status code: ${status}`;
  switch (failure.error) {
    case 'WildcardOriginNotAllowed':
      return 'Cannot use wildcard in Access-Control-Allow-Origin when credentials flag is true.';
    case 'MultipleAllowOriginValues':
      return failure.hint.includes(',') ? 'Access-Control-Allow-Origin cannot contain more than one origin.' : `Origin ${origin} is not allowed by Access-Control-Allow-Origin. Status code: ${status}`;
    case 'MissingAllowOriginHeader':
    case 'InvalidAllowOriginValue':
    case 'AllowOriginMismatch':
      return `Origin ${origin} is not allowed by Access-Control-Allow-Origin. Status code: ${status}`;
    case 'InvalidAllowCredentials':
      return 'Credentials flag is true, but Access-Control-Allow-Credentials is not "true".';
    case 'InvalidAllowMethodsPreflightResponse':
      return `Header Access-Control-Allow-Methods has an invalid value: ${failure.hint}`;
    case 'InvalidAllowHeadersPreflightResponse':
      return `Header Access-Control-Allow-Headers has an invalid value: ${failure.hint}`;
    case 'MethodDisallowedByPreflightResponse':
      return `Method ${failure.hint} is not allowed by Access-Control-Allow-Methods.`;
    case 'HeaderDisallowedByPreflightResponse':
      return `Request header field ${writtenName(failure.hint, context)} is not allowed by Access-Control-Allow-Headers.`;
    case 'PreflightInvalidStatus':
    case 'PreflightDisallowedRedirect':
      return `Preflight response is not successful. Status code: ${status}`;
    case 'CorsDisabledScheme':
      return 'not allowed to follow a cross-origin CORS redirection with non CORS scheme';
    case 'RedirectContainsCredentials':
      return `redirection URL ${failure.redirectTo ?? failure.hint} has credentials`;
    case 'DisallowedByMode':
      return 'Cross origin requests are not allowed when using same-origin fetch mode.';
  }
}

export function webkitCorsMessage(failure: CorsFailure, context: ConsoleContext): string {
  let reason = webkitReason(failure, context);
  if (failure.redirectTo !== undefined && !failure.preflight && failure.error !== 'CorsDisabledScheme' && failure.error !== 'RedirectContainsCredentials') {
    reason = `Cross-origin redirection to ${failure.redirectTo} denied by Cross-Origin Resource Sharing policy: ${reason}`;
  }
  const api = context.api === 'xhr' ? 'XMLHttpRequest' : 'Fetch API';
  return `${reason}\n${api} cannot load ${context.lastUrl} due to access control checks.`;
}
