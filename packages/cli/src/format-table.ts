import type { RequestRecord } from '@cors-playground/scenario';
import type { Prediction } from './predict';

/** Pads columns to their widest cell; the last column is not padded. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ').trimEnd()).join('\n');
}

/** The columns of a request table, and one request's row in it. */
export const RECORD_COLUMNS = ['#', 'api', 'method', 'url', 'preflight', 'outcome', 'status', 'visible headers', 'blocked by'] as const;

export function recordRow(index: number, record: RequestRecord): string[] {
  return [
    String(index + 1),
    record.api,
    record.method,
    record.url,
    record.preflight.sent ? 'sent' : '-',
    record.outcome,
    String(record.status),
    record.visibleHeaders.join(', ') || '-',
    record.blockedBy ?? '-',
  ];
}

/** The readable form of a prediction: one row per request, its reasons and console line, the log. */
export function formatPrediction(title: string, prediction: Prediction, engine: string): string {
  const lines: string[] = [];
  if (title) lines.push(title);
  const page = Object.values(prediction.origins).find((origin) => prediction.requests[0]?.from === origin.label);
  lines.push(`engine: ${engine}${page ? `, page: ${page.label} (${page.origin})` : ''}`, '');
  if (prediction.requests.length === 0) lines.push('No requests.');
  else {
    lines.push(table([[...RECORD_COLUMNS], ...prediction.requests.map((record, index) => recordRow(index, record))]));
    prediction.requests.forEach((record, index) => {
      const details: string[] = [];
      if (record.preflight.reasons.length > 0) details.push(`   preflight: ${record.preflight.reasons.join('; ')}`);
      const line = record.console[engine as keyof RequestRecord['console']];
      if (line) details.push(`   console: ${line.trimEnd()}`);
      if (details.length > 0) lines.push('', `${index + 1}.`, ...details);
    });
  }
  lines.push('', 'log:', ...(prediction.log.length > 0 ? prediction.log.map((line) => `  ${line}`) : ['  (empty)']));
  lines.push('', `end: ${prediction.end}${prediction.error ? ` (${prediction.error})` : ''}`);
  for (const note of prediction.notes) lines.push(`note: ${note.detail}`);
  return `${lines.join('\n')}\n`;
}
