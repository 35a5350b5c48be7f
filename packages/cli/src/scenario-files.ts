import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { formatError, parseScenarioJson, type Scenario } from '@cors-playground/scenario';

/** A scenario file, read and validated; `messages` are the lines to print when it is not usable. */
export type LoadedScenario =
  | { ok: true; file: string; scenario: Scenario }
  | { ok: false; file: string; messages: string[] };

/** What a FILE argument named: one file, or every *.json under a directory. */
export interface ScenarioInput {
  kind: 'file' | 'directory';
  loaded: LoadedScenario[];
}

/** Every *.json file under a directory, recursively, sorted by path with numbers in numeric order (9 before 10). */
export async function findScenarioFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(async (entry) => {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) return findScenarioFiles(path);
      return entry.isFile() && entry.name.endsWith('.json') ? [path] : [];
    }),
  );
  return nested.flat().sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/**
 * Reads and validates one scenario file. `file` is the name to show. An unreadable file gives
 * "FILE: cannot read it (CODE)"; an invalid one gives a "path: message" line per error.
 */
export async function loadScenarioFile(path: string, file: string): Promise<LoadedScenario> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return { ok: false, file, messages: [`${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`] };
  }
  const validation = parseScenarioJson(text);
  if (!validation.ok) return { ok: false, file, messages: validation.errors.map(formatError) };
  return { ok: true, file, scenario: validation.scenario };
}

/**
 * Loads what a command-line argument names. A directory yields every *.json under it, each shown
 * by its path as the argument spelled it (`corpus/14-post-json-preflight.json`) and each error
 * line prefixed with that path; a directory with no scenario file is an error of its own.
 */
export async function loadScenarioInput(cwd: string, argument: string): Promise<ScenarioInput> {
  const path = resolve(cwd, argument);
  const isDirectory = await stat(path).then((stats) => stats.isDirectory(), () => false);
  if (!isDirectory) return { kind: 'file', loaded: [await loadScenarioFile(path, argument)] };
  const files = await findScenarioFiles(path);
  if (files.length === 0) return { kind: 'directory', loaded: [{ ok: false, file: argument, messages: [`${argument}: no *.json scenario file in this directory`] }] };
  const loaded = await Promise.all(files.map((file) => loadScenarioFile(file, join(argument, relative(path, file)))));
  return {
    kind: 'directory',
    loaded: loaded.map((entry) => (entry.ok ? entry : { ...entry, messages: entry.messages.map((message) => prefixed(entry.file, message)) })),
  };
}

function prefixed(file: string, message: string): string {
  return message.startsWith(`${file}: `) ? message : `${file}: ${message}`;
}
