import { siteOf, type RequestRecord, type Scenario } from '@cors-playground/scenario';

/**
 * The likely reason the browser sent none of the cookies the model predicted on a request: the
 * scenario assumes a regular profile, which allows third-party cookies, and this browser blocks
 * them (an incognito window, or the "Block third-party cookies" setting). Without this note the
 * row only says "1 difference" and reads like a wrong prediction.
 *
 * Null unless the row shows exactly that, on a request to a site other than the top-level one:
 * in the frame context the top-level site is the playground's, cross-site to every origin; in the
 * window context it is the page origin's site.
 */
export function blockedThirdPartyCookiesNote(scenario: Scenario | null, predicted: RequestRecord | null, actual: RequestRecord | null): string | null {
  if (!scenario || !predicted?.cookies?.length || !actual || actual.cookies?.length !== 0) return null;
  if (scenario.browser.thirdPartyCookies !== 'allowed' || actual.to === null) return null;
  if (scenario.context === 'window' && siteOf(scenario, actual.to) === siteOf(scenario, scenario.page)) return null;
  return (
    `The browser sent no cookies, where the model sent ${predicted.cookies.join(', ')}: this browser blocks third-party cookies ` +
    '(an incognito window, or “Block third-party cookies” in its settings), while the scenario assumes a regular profile that allows them. ' +
    'To predict this browser, add "browser": { "thirdPartyCookies": "blocked" } to the scenario.'
  );
}
