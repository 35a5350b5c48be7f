import type { ConsoleContext, CorsFailure } from './console-messages';
import { isToken } from './header-list';

/**
 * Firefox's console lines for a blocked request, built from the strings of
 * dom/locales/en-US/chrome/security/security.properties as netwerk/protocol/http/nsCORSListenerProxy.cpp
 * picks them (mozilla/gecko-dev, read 2025). Not yet checked against a running Firefox.
 */
export const FIREFOX_CONSOLE_SOURCE = {
  verified: false,
  source: 'mozilla/gecko-dev dom/locales/en-US/chrome/security/security.properties; netwerk/protocol/http/nsCORSListenerProxy.cpp (LogBlockedRequest)',
} as const;

const BLOCKED = 'Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at';

/** security.properties, the CORS keys the model can reach (%1$S is the URL, %2$S the parameter). */
export const FIREFOX_STRINGS = {
  CORSMissingAllowOrigin2: `${BLOCKED} %1$S. (Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: %2$S.`,
  CORSMultipleAllowOriginNotAllowed: `${BLOCKED} %1$S. (Reason: Multiple CORS header ‘Access-Control-Allow-Origin’ not allowed).`,
  CORSAllowOriginNotMatchingOrigin: `${BLOCKED} %1$S. (Reason: CORS header ‘Access-Control-Allow-Origin’ does not match ‘%2$S’).`,
  CORSNotSupportingCredentials: `${BLOCKED} ‘%1$S’. (Reason: Credential is not supported if the CORS header ‘Access-Control-Allow-Origin’ is ‘*’).`,
  CORSMissingAllowCredentials: `${BLOCKED} %1$S. (Reason: expected ‘true’ in CORS header ‘Access-Control-Allow-Credentials’).`,
  CORSPreflightDidNotSucceed3: `${BLOCKED} %1$S. (Reason: CORS preflight response did not succeed). Status code: %2$S.`,
  CORSExternalRedirectNotAllowed: `${BLOCKED} %1$S. (Reason: CORS request external redirect not allowed).`,
  CORSMethodNotFound: `${BLOCKED} %1$S. (Reason: Did not find method in CORS header ‘Access-Control-Allow-Methods’).`,
  CORSInvalidAllowMethod: `${BLOCKED} %1$S. (Reason: invalid token ‘%2$S’ in CORS header ‘Access-Control-Allow-Methods’).`,
  CORSInvalidAllowHeader: `${BLOCKED} %1$S. (Reason: invalid token ‘%2$S’ in CORS header ‘Access-Control-Allow-Headers’).`,
  CORSMissingAllowHeaderFromPreflight2: `${BLOCKED} %1$S. (Reason: header ‘%2$S’ is not allowed according to header ‘Access-Control-Allow-Headers’ from CORS preflight response).`,
  CORSRequestNotHttp: `${BLOCKED} %1$S. (Reason: CORS request not http).`,
} as const;
export type FirefoxStringKey = keyof typeof FIREFOX_STRINGS;

function format(key: FirefoxStringKey, url: string, parameter = ''): string {
  return FIREFOX_STRINGS[key].replace('%1$S', url).replace('%2$S', parameter);
}

/** The first item of a comma-separated list that is not a token (nsCCharSeparatedTokenizer trims whitespace). */
function firstInvalidToken(value: string): string {
  return value.split(',').map((item) => item.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '')).find((item) => item !== '' && !isToken(item)) ?? value;
}

/** The key and parameter nsCORSListenerProxy logs for a failure, in its order of checks. */
function firefoxReason(failure: CorsFailure): [FirefoxStringKey, string] | null {
  const status = String(failure.status ?? 200);
  // CheckRequestApproved counts the header lines first, then reads the (combined) value.
  if ((failure.allowOriginLines ?? 0) > 1) return ['CORSMultipleAllowOriginNotAllowed', ''];
  switch (failure.error) {
    case 'MissingAllowOriginHeader':
      return ['CORSMissingAllowOrigin2', status];
    case 'WildcardOriginNotAllowed':
      return ['CORSNotSupportingCredentials', ''];
    case 'MultipleAllowOriginValues':
    case 'InvalidAllowOriginValue':
    case 'AllowOriginMismatch':
      return ['CORSAllowOriginNotMatchingOrigin', failure.hint];
    case 'InvalidAllowCredentials':
      return ['CORSMissingAllowCredentials', ''];
    case 'PreflightInvalidStatus':
      return ['CORSPreflightDidNotSucceed3', status];
    case 'PreflightDisallowedRedirect':
      return ['CORSExternalRedirectNotAllowed', ''];
    case 'MethodDisallowedByPreflightResponse':
      return ['CORSMethodNotFound', ''];
    case 'HeaderDisallowedByPreflightResponse':
      return ['CORSMissingAllowHeaderFromPreflight2', failure.hint];
    case 'InvalidAllowMethodsPreflightResponse':
      return ['CORSInvalidAllowMethod', firstInvalidToken(failure.hint)];
    case 'InvalidAllowHeadersPreflightResponse':
      return ['CORSInvalidAllowHeader', firstInvalidToken(failure.hint)];
    case 'CorsDisabledScheme':
      return ['CORSRequestNotHttp', ''];
    default:
      // DisallowedByMode and RedirectContainsCredentials fail without a CORS line in Firefox.
      return null;
  }
}

/** Firefox's line for a CORS failure: the URL is the one of the response that failed. */
export function firefoxCorsMessage(failure: CorsFailure, context: ConsoleContext): string | null {
  const reason = firefoxReason(failure);
  return reason === null ? null : format(reason[0], context.lastUrl, reason[1]);
}
