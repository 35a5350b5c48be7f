import type { Exchange } from '@cors-playground/scenario';
import { usePlaygroundStore } from '../store/store';
import { exchangeCookies, type CookiePair } from '../view/cookies';

/** The request headers that decide CORS, shown up front; the rest sit behind a disclosure. */
const KEY_REQUEST_HEADER = /^(origin|access-control-request-.*|cookie|content-type|x-.*|authorization|sec-fetch-(mode|site|dest))$/;
const NOISE_RESPONSE_HEADER = /^(date|connection|keep-alive)$/;

function HeaderLines({ lines, highlight }: { lines: Array<[string, string]>; highlight?: RegExp }) {
  return (
    <dl className="header-lines">
      {lines.map(([name, value], index) => (
        <div key={`${name}-${index}`} className={highlight?.test(name) ? 'header-line key' : 'header-line'}>
          <dt>{name}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function statusClass(status: number): string {
  return status >= 400 ? 'http-status bad' : status >= 300 ? 'http-status redirect' : 'http-status good';
}

function pathOf(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.pathname + parsed.search;
  } catch {
    return url;
  }
}

function CookieChip({ cookie }: { cookie: CookiePair }) {
  return (
    <code className="cookie-chip">
      {cookie.name !== '' && <span className="cookie-name">{cookie.name}</span>}
      {cookie.name !== '' && '='}
      <span className="cookie-value">{cookie.value}</span>
    </code>
  );
}

/**
 * The cookies an exchange carried and set, by name and value. Shown on every exchange once any
 * of them has cookies, so a request that went without one says so.
 */
function ExchangeCookies({ exchange }: { exchange: Exchange }) {
  const { sent, set } = exchangeCookies(exchange.requestHeaders, exchange.response.headers);
  return (
    <div className="exchange-cookies" data-testid="exchange-cookies">
      <span className="cookies-label">Cookies</span>
      <span className="cookies-part" data-testid="cookies-sent">
        <span className="muted">sent</span>{' '}
        {sent.length === 0 ? <span className="muted">none</span> : sent.map((cookie, index) => <CookieChip key={index} cookie={cookie} />)}
      </span>
      {set.length > 0 && (
        <span className="cookies-part" data-testid="cookies-set">
          <span className="muted">set</span>{' '}
          {set.map((cookie, index) => (
            <span key={index} className="set-cookie">
              <CookieChip cookie={cookie} />
              {cookie.attributes.length > 0 && <span className="cookie-attributes">{cookie.attributes.join(' · ')}</span>}
            </span>
          ))}
        </span>
      )}
    </div>
  );
}

function hasCookies(exchange: Exchange): boolean {
  const { sent, set } = exchangeCookies(exchange.requestHeaders, exchange.response.headers);
  return sent.length > 0 || set.length > 0;
}

function ExchangeItem({ exchange, predicted, cookies }: { exchange: Exchange; predicted: boolean; cookies: boolean }) {
  const keyRequest = exchange.requestHeaders.filter(([name]) => KEY_REQUEST_HEADER.test(name));
  const response = exchange.response.headers.filter(([name]) => !NOISE_RESPONSE_HEADER.test(name));
  const isPreflight = exchange.method === 'OPTIONS' && exchange.requestHeaders.some(([name]) => name === 'access-control-request-method');
  return (
    <li className={predicted ? 'exchange predicted' : 'exchange'} data-testid={predicted ? 'predicted-exchange' : 'exchange'} data-method={exchange.method}>
      <div className="exchange-head">
        <span className="exchange-time">{predicted ? `#${exchange.seq + 1}` : `+${Math.round(exchange.at)} ms`}</span>
        <span className="origin-label">{exchange.label}</span>
        <span className="request-method">{exchange.method}</span>
        <span className="exchange-path" title={exchange.url}>{pathOf(exchange.url)}</span>
        {isPreflight && <span className="tag">preflight</span>}
        <span className="arrow">→</span>
        <span className={statusClass(exchange.response.status)}>{exchange.response.status}</span>
        {exchange.via !== undefined && <span className="tag">proxied by {exchange.via}</span>}
        {exchange.answeredBy !== undefined ? (
          <span className="muted">answered by {exchange.answeredBy}</span>
        ) : (
          exchange.routeIndex === null && <span className="muted">no route</span>
        )}
      </div>
      {cookies && <ExchangeCookies exchange={exchange} />}
      <div className="exchange-body">
        <div>
          <h4>Received</h4>
          {keyRequest.length > 0 ? <HeaderLines lines={keyRequest} highlight={/^(origin|access-control-request-.*|cookie)$/} /> : <span className="muted">no Origin, no CORS headers</span>}
          <details>
            <summary>all {exchange.requestHeaders.length} request headers</summary>
            <HeaderLines lines={exchange.requestHeaders} />
          </details>
        </div>
        <div>
          <h4>Answered</h4>
          {response.length > 0 ? <HeaderLines lines={response} highlight={/^access-control-/} /> : <span className="muted">no headers</span>}
        </div>
      </div>
    </li>
  );
}

const NONE: Exchange[] = [];

function emptyText(status: string): string {
  if (status === 'running' || status === 'creating') return 'Waiting for requests…';
  if (status === 'idle') return 'Run the scenario to see every request that reaches a server.';
  return 'No request reached a server.';
}

/**
 * What each server received and answered, in order. Before the first run it shows what the model
 * predicts the servers would receive, marked as such.
 */
export function Timeline() {
  const exchanges = usePlaygroundStore((state) => state.ui.run.exchanges);
  const status = usePlaygroundStore((state) => state.ui.run.status);
  const predictedExchanges = usePlaygroundStore((state) => state.ui.prediction.prediction?.exchanges ?? NONE);
  const showPredicted = status === 'idle' && predictedExchanges.length > 0;
  const shown = showPredicted ? predictedExchanges : exchanges;
  const cookies = shown.some(hasCookies);
  return (
    <section className="timeline" data-testid="timeline" data-source={showPredicted ? 'predicted' : 'actual'}>
      <h2 className="section-title">
        {showPredicted ? 'What the servers would receive' : 'What the servers received'}
        {showPredicted && <span className="column-tag">predicted · run to see the real requests</span>}
      </h2>
      {shown.length === 0 ? (
        <p className="muted">{emptyText(status)}</p>
      ) : (
        <ol className="exchanges">
          {shown.map((exchange) => (
            <ExchangeItem key={exchange.seq} exchange={exchange} predicted={showPredicted} cookies={cookies} />
          ))}
        </ol>
      )}
    </section>
  );
}
