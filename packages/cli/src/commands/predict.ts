import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ENGINES, type EngineName } from '@cors-playground/scenario';
import { EXIT, type CliIo } from '../io';
import { formatPrediction } from '../format-table';
import { predictScenario } from '../predict';
import { loadScenarioFile } from '../scenario-files';

export const PREDICT_USAGE = 'Usage: cors-playground predict FILE [--json] [--engine chromium|firefox|webkit]\n';

/** `cors-playground predict FILE`: what a browser would do with the scenario, without a network. */
export async function predictCommand(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false }, engine: { type: 'string', default: 'chromium' } } });
  } catch (error) {
    io.stderr(`${(error as Error).message}\n${PREDICT_USAGE}`);
    return EXIT.usage;
  }
  const [file, ...extra] = parsed.positionals;
  const engine = parsed.values.engine as EngineName;
  if (file === undefined || extra.length > 0) {
    io.stderr(PREDICT_USAGE);
    return EXIT.usage;
  }
  if (!ENGINES.includes(engine)) {
    io.stderr(`--engine: "${engine}" is not one of ${ENGINES.join(', ')}\n`);
    return EXIT.usage;
  }
  const loaded = await loadScenarioFile(resolve(io.cwd, file), file);
  if (!loaded.ok) {
    for (const message of loaded.messages) io.stderr(`${message}\n`);
    return EXIT.usage;
  }
  const prediction = await predictScenario(loaded.scenario, { engine });
  if (parsed.values.json) io.stdout(`${JSON.stringify({ requests: prediction.requests, log: prediction.log }, null, 2)}\n`);
  else io.stdout(formatPrediction(loaded.scenario.title, prediction, engine));
  return EXIT.ok;
}
