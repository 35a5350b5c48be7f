import {
  parseJsonText,
  validateScenario,
  type ScenarioInput,
  type ValidationError,
  type ValidationResult,
} from '@cors-playground/scenario';

/**
 * The scenario is edited in two editors: the servers editor holds the whole scenario as JSON
 * except `client`, which the client editor holds as JavaScript. These functions split a scenario
 * into the two texts and join the texts back into one validated scenario.
 */
export interface EditorTexts {
  serversText: string;
  clientText: string;
}

export interface ParsedTexts {
  /** The scenario as written (defaults left out), when the servers text is a JSON object. */
  input: ScenarioInput | null;
  validation: ValidationResult;
}

export const SERVERS_TEXT_PATH = '(the servers editor)';

/** The servers text puts what a reader edits first and the (long, one-line) notes last. */
export function textsFromScenario(input: ScenarioInput): EditorTexts {
  const { client = '', version, title, origins, page, servers, notes, ...rest } = input;
  const ordered = { version, title, origins, page, servers, ...rest, notes };
  return { serversText: `${JSON.stringify(ordered, null, 2)}\n`, clientText: client };
}

function failure(errors: ValidationError[]): ParsedTexts {
  return { input: null, validation: { ok: false, errors } };
}

export function parseTexts({ serversText, clientText }: EditorTexts): ParsedTexts {
  const json = parseJsonText(serversText);
  if (!json.ok) return failure([{ path: SERVERS_TEXT_PATH, message: json.message }]);
  const parsed = json.value;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return failure([{ path: SERVERS_TEXT_PATH, message: 'must be a JSON object: { "version": 1, "origins": …, "page": …, "servers": … }' }]);
  }
  if (Object.hasOwn(parsed, 'client')) {
    return failure([{ path: 'client', message: 'lives in the Client editor: remove it from the servers JSON' }]);
  }
  const { version, title, notes, origins, page, ...rest } = parsed as Record<string, unknown>;
  // Keep the document's key order, with the client code where SCENARIO.md puts it.
  const input = { version, title, notes, origins, page, client: clientText, ...rest } as ScenarioInput;
  for (const key of ['title', 'notes'] as const) if (input[key] === undefined) delete input[key];
  return { input, validation: validateScenario(input) };
}
