import { deviationsOf, type Deviation } from '@cors-playground/engine';
import { ENGINES, type EngineName, type RequestRecord, type RunRecords } from '@cors-playground/scenario';
import { agrees, type ScenarioVerification } from '@cors-playground/cli';

export interface AgreementReport {
  /** As the running browser reports it, e.g. "chromium 156.0.8078.79". */
  browser: string;
  /** The day of the run, YYYY-MM-DD. */
  date: string;
  results: readonly ScenarioVerification[];
}

/** Text that is safe in a Markdown table cell: no pipe ends the cell, no line break ends the row, no tag opens. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\r?\n/g, ' ');
}

function code(text: string): string {
  return text === '' ? '' : `\`${text.replace(/`/g, "'")}\``;
}

function tableOf(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)];
}

/** One request's outcome in a few words: "PUT ok 200, preflight", "xhr GET blocked". */
export function outcomeOf(record: RequestRecord): string {
  const api = record.api === 'fetch' ? '' : `${record.api} `;
  const status = record.outcome === 'ok' ? ` ${record.status}` : '';
  return `${api}${record.method} ${record.outcome}${status}${record.preflight.sent ? ', preflight' : ''}`;
}

/** The outcomes the prediction expects, request by request; a case that makes no request is described by its log. */
export function expectedOutcomes(records: RunRecords | null): string {
  if (!records) return '(not run)';
  if (records.requests.length === 0) return `no request; log: ${records.log.map((line) => code(line)).join(', ') || '(empty)'}`;
  // Runs of one outcome are counted ("GET ok 200 ×500"), so a flood reads in a line.
  const runs: Array<{ outcome: string; count: number }> = [];
  for (const outcome of records.requests.map(outcomeOf)) {
    const last = runs.at(-1);
    if (last?.outcome === outcome) last.count++;
    else runs.push({ outcome, count: 1 });
  }
  return runs.map(({ outcome, count }) => (count === 1 ? outcome : `${outcome} ×${count}`)).join('; ');
}

function verdictOf(result: ScenarioVerification): string {
  if (result.error !== null) return `**not run**: ${cell(result.error)}`;
  const count = result.differences.length;
  return count === 0 ? 'yes' : `**no**: ${count} ${count === 1 ? 'difference' : 'differences'}`;
}

function caseRows(results: readonly ScenarioVerification[]): string[] {
  return tableOf(
    ['case', 'title', 'expected outcomes', 'prediction and Chromium agree'],
    results.map((result) => [`[${code(result.file.replace(/^corpus\//, ''))}](../${result.file})`, cell(result.scenario.title), cell(expectedOutcomes(result.predicted)), verdictOf(result)]),
  );
}

function shown(value: unknown): string {
  return code(typeof value === 'string' ? value : JSON.stringify(value));
}

function differenceSections(results: readonly ScenarioVerification[]): string[] {
  const failing = results.filter((result) => !agrees(result));
  if (failing.length === 0) return [];
  const lines = ['## Differences', ''];
  for (const result of failing) {
    lines.push(`### ${code(result.file)}`, '');
    if (result.error !== null) lines.push(`Not run: ${cell(result.error)}`, '');
    else {
      const rows = result.differences.map((difference) => [difference.request < 0 ? 'log' : String(difference.request + 1), difference.field, cell(shown(difference.predicted)), cell(shown(difference.actual))]);
      lines.push(...tableOf(['request', 'field', 'predicted', 'Chromium'], rows), '');
    }
  }
  return lines;
}

const SPEC_NAMES: Readonly<Record<string, string>> = { 'fetch.spec.whatwg.org': 'Fetch', 'xhr.spec.whatwg.org': 'XMLHttpRequest' };

/** "Fetch #http-access-control-max-age" for a link into a WHATWG standard. */
function specLabel(spec: string): string {
  const url = new URL(spec);
  return `${SPEC_NAMES[url.hostname] ?? url.hostname} ${url.hash}`.trim();
}

function deviationRows(rows: readonly Deviation[]): string[] {
  return tableOf(
    ['id', 'what the engine does', 'departs from', 'evidence', 'seen in a real browser'],
    rows.map((row) => [code(row.id), cell(row.summary), `[${cell(specLabel(row.spec))}](${row.spec})`, cell(row.evidence), row.verified ? 'yes' : 'no, read in the source']),
  );
}

function deviationSection(engine: EngineName): string[] {
  const rows = deviationsOf(engine);
  const lines = [`### ${engine}`, ''];
  if (rows.length === 0) return [...lines, 'No deviation recorded: the model applies the standard.', ''];
  return [...lines, ...deviationRows(rows), ''];
}

/** docs/agreement.md: the verdict on every corpus case, then the engine's deviation tables with their evidence. */
export function agreementMarkdown(report: AgreementReport): string {
  const passed = report.results.filter(agrees).length;
  return [
    '# Agreement: the prediction against real Chromium',
    '',
    'Generated by `npm run agreement-report` (scripts/agreement-report.ts); do not edit by hand.',
    '',
    `- Verified against: **${report.browser}** (headless, driven by playwright-core)`,
    `- Date: ${report.date}`,
    `- Cases: ${report.results.length}; the prediction and Chromium agree on **${passed}**, differ on ${report.results.length - passed}`,
    '',
    'Every scenario of `corpus/` ran for real (a sandbox on a local server, the harness page in a fresh',
    'browser context) and was predicted by the engine for the same sandbox and ports. They agree when',
    'they match on every request\'s outcome, preflight sent, status and visible headers, on the log, and,',
    'for blocked requests, on Chromium\'s console line. `cors-playground verify corpus` and the e2e',
    'agreement suite run the same code (packages/cli/src/verify).',
    '',
    '## Cases',
    '',
    'The expected outcomes are the prediction\'s, request by request (status when ok; "preflight" when one was sent).',
    '',
    ...caseRows(report.results),
    '',
    ...differenceSections(report.results),
    '## Engine deviations',
    '',
    'Where an engine departs from the Fetch standard, as the engine records it (packages/engine/src/deviations.ts).',
    '',
    ...ENGINES.flatMap(deviationSection),
  ].join('\n');
}
