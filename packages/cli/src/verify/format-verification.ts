import type { Difference, RunRecords } from '@cors-playground/scenario';
import { RECORD_COLUMNS, recordRow, table } from '../format-table';
import { agrees, type ScenarioVerification } from './verify-scenarios';

function requestTable(records: RunRecords): string {
  if (records.requests.length === 0) return 'No requests.';
  return table([[...RECORD_COLUMNS], ...records.requests.map((record, index) => recordRow(index, record))]);
}

/** The two logs side by side, line by line. */
function logTable(predicted: RunRecords, actual: RunRecords): string {
  const count = Math.max(predicted.log.length, actual.log.length);
  if (count === 0) return '(both empty)';
  const rows = Array.from({ length: count }, (_, index) => [String(index + 1), predicted.log[index] ?? '-', actual.log[index] ?? '-']);
  return table([['#', 'predicted', 'actual'], ...rows]);
}

function shown(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The differences as a table: which request (1-based, or "log"), which field, both values. */
export function differenceTable(differences: readonly Difference[]): string {
  const rows = differences.map((difference) => [difference.request < 0 ? 'log' : String(difference.request + 1), difference.field, shown(difference.predicted), shown(difference.actual)]);
  return table([['request', 'field', 'predicted', 'actual'], ...rows]);
}

/** "N passed, M failed": a case passes when it ran and nothing differs. */
export function summaryLine(results: readonly ScenarioVerification[]): string {
  const passed = results.filter(agrees).length;
  return `${passed} passed, ${results.length - passed} failed`;
}

/** One line per case for a directory: "FILE: agree", "FILE: 2 differences", "FILE: not verified (why)". */
export function caseLine(result: ScenarioVerification): string {
  if (result.error !== null) return `${result.file}: not verified (${result.error})`;
  const count = result.differences.length;
  return `${result.file}: ${count === 0 ? 'agree' : `${count} ${count === 1 ? 'difference' : 'differences'}`}`;
}

/** The readable form of one verified scenario: both sides, both logs, the differences, the summary line. */
export function formatVerification(result: ScenarioVerification, browser: string): string {
  const lines = [result.scenario.title || result.file, `browser: ${browser}`, ''];
  if (result.error !== null || !result.predicted || !result.actual) {
    lines.push(`Not verified: ${result.error ?? 'the run did not finish'}`);
  } else {
    lines.push('predicted (the engine)', requestTable(result.predicted), '');
    lines.push(`actual (${browser})`, requestTable(result.actual), '');
    lines.push('log', logTable(result.predicted, result.actual), '');
    if (result.differences.length === 0) lines.push(`differences: none, the prediction agrees with ${browser}`);
    else lines.push(`differences: ${result.differences.length}`, differenceTable(result.differences));
  }
  lines.push('', summaryLine([result]));
  return `${lines.join('\n')}\n`;
}

/** A case as `verify --json` prints it; `error` appears only when the run could not finish. */
function caseJson(result: ScenarioVerification): Record<string, unknown> {
  const sides = {
    predicted: result.predicted,
    actual: result.actual,
    differences: result.differences,
  };
  return result.error === null ? sides : { ...sides, error: result.error };
}

/** `verify FILE --json` (SCENARIO.md): { browser, predicted, actual, differences }. */
export function verificationJson(result: ScenarioVerification, browser: string): Record<string, unknown> {
  return { browser, ...caseJson(result) };
}

/** `verify DIRECTORY --json`: { browser, results: [{ file, predicted, actual, differences }] }. */
export function verificationsJson(results: readonly ScenarioVerification[], browser: string): Record<string, unknown> {
  return { browser, results: results.map((result) => ({ file: result.file, ...caseJson(result) })) };
}
