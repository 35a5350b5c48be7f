import type { LiveOrigin, RunContext, ThirdPartyCookies } from '@cors-playground/scenario';
import { labelOf } from '../origin-labels';

/**
 * The sites cookies look at. A site here is schemeful (https://html.spec.whatwg.org/#concept-site):
 * the scheme and the registrable domain, which for a sandbox origin is its site domain
 * (`site-SITE.localhost`). Chromium 156 treats `site-a.localhost` as a registrable domain: two
 * labels of one site are same-site (Sec-Fetch-Site: same-site, and a cookie with
 * Domain=site-a.localhost reaches both), while Domain=localhost is refused.
 */
export interface CookieSiteOptions {
  origins: Readonly<Record<string, LiveOrigin>>;
  /** The origin whose page runs the client code. */
  page: LiveOrigin;
  context: RunContext;
  thirdPartyCookies: ThirdPartyCookies;
}

/**
 * The top-level site in the "frame" context: the playground's own host (`localhost`, or the hosted
 * playground's host), which is cross-site to every sandbox origin by design.
 */
export const PLAYGROUND_SITE = 'the playground';

export class CookieSites {
  /** The top-level page's site: the page origin's in a window, the playground's in a frame. */
  readonly topLevelSite: string;

  constructor(readonly options: CookieSiteOptions) {
    this.topLevelSite = options.context === 'window' ? this.siteOf(new URL(options.page.origin)) : PLAYGROUND_SITE;
  }

  /** The schemeful site of a URL: its scheme and its sandbox site, or its host outside the sandbox. */
  siteOf(url: URL): string {
    const label = labelOf(this.options.origins, url);
    const live = label === null ? undefined : this.options.origins[label];
    return live ? `${live.scheme}://site-${live.site}` : `${url.protocol}//${url.hostname}`;
  }

  /** The registrable domain of a sandbox host (LABEL-ID.site-SITE.DOMAIN): its site domain. */
  registrableDomainOf(host: string): string {
    const dot = host.indexOf('.');
    return dot === -1 ? host : host.slice(dot + 1);
  }

  /**
   * https://httpwg.org/http-extensions/draft-ietf-httpbis-rfc6265bis.html#name-same-site-and-cross-site-requests:
   * a request made by the page is same-site when its URL, the page and the top-level page are all
   * one site. In the frame context the top-level page is the playground, so nothing is same-site.
   */
  isSameSite(url: URL): boolean {
    const site = this.siteOf(url);
    return site === this.topLevelSite && site === this.siteOf(new URL(this.options.page.origin));
  }

  /** A cookie of a site other than the top-level page's is a third-party cookie. */
  isThirdParty(url: URL): boolean {
    return this.siteOf(url) !== this.topLevelSite;
  }

  /** Whether the profile blocks this URL's cookies (only unpartitioned ones: CHIPS cookies stay). */
  blocksThirdParty(url: URL): boolean {
    return this.options.thirdPartyCookies === 'blocked' && this.isThirdParty(url);
  }

  describeTopLevel(): string {
    return this.options.context === 'window'
      ? `the top-level page is the page origin (${this.topLevelSite})`
      : 'the run is in a frame inside the playground, whose site is cross-site to every sandbox origin';
  }
}
