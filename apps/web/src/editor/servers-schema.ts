import { HTTP_METHODS, scenarioJsonSchema } from '@cors-playground/scenario';

type Schema = Record<string, unknown>;

const COMMON_RESPONSE_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': 'The origin allowed to read the response: an exact origin such as ${origin:app}, ${request.origin}, or *.',
  'Access-Control-Allow-Methods': 'In a preflight response: the methods allowed, e.g. "PUT, DELETE".',
  'Access-Control-Allow-Headers': 'In a preflight response: the request headers allowed, e.g. "X-Token, Content-Type".',
  'Access-Control-Allow-Credentials': 'Send "true" to let a credentialed request read the response (ACAO must then not be *).',
  'Access-Control-Expose-Headers': 'Response headers JavaScript may read beyond the CORS-safelisted ones.',
  'Access-Control-Max-Age': 'Seconds a preflight answer may be cached.',
  'Content-Type': 'The media type of the body.',
  'Set-Cookie': 'A cookie to set; a list sends several.',
  Location: 'Where a redirect points, e.g. ${origin:api}/data.',
  Vary: 'Request headers the answer depends on, e.g. Origin.',
  'Cross-Origin-Resource-Policy': 'same-origin, same-site or cross-origin.',
};

function at(schema: unknown, ...path: string[]): Schema | null {
  let node: unknown = schema;
  for (const key of path) node = typeof node === 'object' && node !== null ? (node as Schema)[key] : undefined;
  return typeof node === 'object' && node !== null ? (node as Schema) : null;
}

/**
 * The JSON Schema of the servers editor: the scenario's schema without `client` (the client
 * editor holds it), plus hints Monaco turns into completion: the methods a route may name and the
 * usual CORS response headers. The hints only suggest; validation stays the scenario package's.
 */
export function serversJsonSchema(): Schema {
  const schema = structuredClone(scenarioJsonSchema());
  delete schema.$schema;
  const properties = at(schema, 'properties');
  if (properties) delete properties.client;
  const route = at(schema, 'properties', 'servers', 'additionalProperties', 'properties', 'routes', 'items', 'properties');
  const methodString = at(route, 'method', 'anyOf', '0');
  const methodItems = at(route, 'method', 'anyOf', '1', 'items');
  const methodHint = { examples: ['*', ...HTTP_METHODS] };
  if (methodString) Object.assign(methodString, methodHint);
  if (methodItems) Object.assign(methodItems, methodHint);
  const headers = at(route, 'headers');
  const headerValue = at(headers, 'additionalProperties');
  if (headers && headerValue) {
    headers.properties = Object.fromEntries(
      Object.entries(COMMON_RESPONSE_HEADERS).map(([name, description]) => [name, { ...headerValue, description }]),
    );
  }
  return schema;
}
