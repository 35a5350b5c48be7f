/** The API's errors, each with its HTTP status and a stable code, defined once (Fastify core style). */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const errors = {
  invalidScenario: (message: string, details: unknown) => new ApiError(400, 'invalid-scenario', message, details),
  scenarioTooLarge: (limit: number) => new ApiError(413, 'scenario-too-large', `the scenario is larger than ${limit} bytes`),
  unsupportedMediaType: () => new ApiError(415, 'unsupported-media-type', 'send the scenario as application/json'),
  sandboxNotFound: (id: string) => new ApiError(404, 'sandbox-not-found', `no sandbox ${id}: it expired or never existed`),
  tooManySandboxes: (limit: number) => new ApiError(503, 'too-many-sandboxes', `the server holds its limit of ${limit} sandboxes; try again in a minute`),
  tooManySandboxesForClient: (limit: number) => new ApiError(429, 'too-many-sandboxes-for-client', `this client holds its limit of ${limit} live sandboxes; they expire when idle`),
  sandboxOrigin: () => new ApiError(403, 'sandbox-origin', 'the API does not answer requests from sandbox origins'),
  invalidReport: (message: string) => new ApiError(400, 'invalid-report', message),
};
