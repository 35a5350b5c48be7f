import { z } from 'zod';
import { scenarioSchema } from './schema';

/** The JSON Schema of a scenario as a user writes it, for Monaco's completion and inline errors. */
export function scenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
