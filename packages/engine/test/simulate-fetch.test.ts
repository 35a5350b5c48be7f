import { describe, expect, it } from 'vitest';
import type { ModelExchange } from '../src/index';
import { FETCH_CASES, type ExpectedRecord, type SimulationCase } from './data/fetch-cases';
import { TIME_CASES } from './data/time-cases';
import { line, run } from './support';

function describeExchange(exchange: ModelExchange): string {
  const header = (name: string) => exchange.requestHeaders.find(([key]) => key === name)?.[1];
  const parts = [`${exchange.method} ${exchange.label}${new URL(exchange.url).pathname}`, `origin=${header('origin') ?? '-'}`];
  for (const name of ['access-control-request-method', 'access-control-request-headers', 'content-type', 'accept', 'authorization']) {
    const value = header(name);
    const short = name === 'access-control-request-method' ? 'acrm' : name === 'access-control-request-headers' ? 'acrh' : name;
    if (value !== undefined && !(name === 'accept' && value === '*/*')) parts.push(`${short}=${value}`);
  }
  return parts.join(' ');
}

function expectedFields(expected: ExpectedRecord): Record<string, unknown> {
  const { preflight, reasons, console: consoleLine, url, ...rest } = expected;
  const fields: Record<string, unknown> = { ...rest };
  if (url !== undefined) fields.url = line(url);
  if (preflight !== undefined) fields['preflight.sent'] = preflight;
  if (reasons !== undefined) fields['preflight.reasons'] = reasons;
  if (consoleLine !== undefined) fields['console.chromium'] = consoleLine === null ? null : line(consoleLine);
  return fields;
}

async function checkCase(testCase: SimulationCase): Promise<void> {
    const result = await run(testCase.client, testCase.servers, { engine: testCase.engine, extra: testCase.extra });
    if (testCase.end === undefined) expect(result.error).toBeNull();
    expect(result.requests).toHaveLength(testCase.requests.length);
    testCase.requests.forEach((expected, index) => {
      const record = result.requests[index]!;
      const actual: Record<string, unknown> = { ...record, 'preflight.sent': record.preflight.sent, 'preflight.reasons': record.preflight.reasons, 'console.chromium': record.console.chromium };
      const fields = expectedFields(expected);
      expect(Object.fromEntries(Object.keys(fields).map((key) => [key, actual[key]])), `request ${index}`).toEqual(fields);
      expect(result.traces[index]!.verdicts.length, `request ${index} is explained`).toBeGreaterThan(0);
      expect(record.explanation, `request ${index} carries its explanation`).toEqual(result.traces[index]!.verdicts);
    });
    if (testCase.log) expect(result.log).toEqual(testCase.log.map(line));
    if (testCase.exchanges) expect(result.exchanges.map(describeExchange)).toEqual(testCase.exchanges.map(line));
    if (testCase.elapsedMs !== undefined) expect(result.elapsedMs).toBe(testCase.elapsedMs);
    if (testCase.end !== undefined) expect(result.end).toBe(testCase.end);
}

describe('fetch through the model', () => {
  it.each(FETCH_CASES)('$name', checkCase);
});

describe('time in the model: sleep(), route delays and the preflight cache', () => {
  it.each(TIME_CASES)('$name', checkCase);
});
