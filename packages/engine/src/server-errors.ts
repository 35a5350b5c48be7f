/**
 * Server errors that look like CORS errors: an error page (404, 500, a proxy's 413) rarely carries
 * CORS headers, so the browser reports a missing Access-Control-Allow-Origin whose cause is the
 * server's error. The explanation and the fix say so instead of only "CORS failed".
 */

/** True for a status that means the server did not handle the request as the page meant it. */
export function isErrorStatus(status: number): boolean {
  return status >= 400;
}

/**
 * A sentence on an error status behind a failed check, or '' for other statuses. `corsHeaders`
 * says whether the error page carried Access-Control-Allow-Origin at all.
 */
export function serverErrorNote(status: number, method: string, corsHeaders: boolean): string {
  if (!isErrorStatus(status)) return '';
  const cause =
    status >= 500 ? 'it failed'
    : status === 404 || status === 405 ? `nothing there handles ${method}`
    : status === 401 || status === 403 ? `it refused ${method}${method === 'OPTIONS' ? ', and a preflight never carries credentials' : ''}`
    : `it rejected ${method}`;
  const page = corsHeaders ? 'the error answer' : 'the error page has no CORS headers';
  return `Your server answered ${status} to ${method} (${cause}) and ${page}: a server error that looks like a CORS error.`;
}
