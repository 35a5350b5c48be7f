import { validateScenario, type Scenario } from '@cors-playground/scenario';
import { describe, expect, it } from 'vitest';
import { initialAddressing, learnAddressing, PREVIEW_SANDBOX_ID, previewOrigins } from '../src/scenario/preview-origins';

function scenario(): Scenario {
  const result = validateScenario({ version: 1, origins: { app: { site: 'a' }, api: { site: 'b', port: 1 } }, page: 'app' });
  if (!result.ok) throw new Error('invalid');
  return result.scenario;
}

describe('origins for a prediction before a run', () => {
  it('use a placeholder sandbox id and the page’s own port first', () => {
    const addressing = initialAddressing({ port: '18080', protocol: 'http:' });
    const origins = previewOrigins(scenario(), addressing);
    expect(origins.app?.origin).toBe(`http://app-${PREVIEW_SANDBOX_ID}.site-a.localhost:18080`);
    expect(origins.api?.origin).toBe(`http://api-${PREVIEW_SANDBOX_ID}.site-b.localhost:18081`);
  });

  it('learn the domain and ports a real sandbox used', () => {
    const live = {
      app: { label: 'app', scheme: 'http' as const, host: 'app-abc.site-a.example.test', port: 9000, site: 'a', origin: 'http://app-abc.site-a.example.test:9000' },
      api: { label: 'api', scheme: 'http' as const, host: 'api-abc.site-b.example.test', port: 9009, site: 'b', origin: 'http://api-abc.site-b.example.test:9009' },
    };
    const learnt = learnAddressing(scenario(), live);
    expect(learnt).toEqual({ sandboxId: PREVIEW_SANDBOX_ID, domain: 'example.test', ports: { http: [9000, 9009], https: [8443, 8444] } });
  });
});
