import { interruptOnSignals } from './interrupt';
import type { VerifySession } from './session';

export type OpenSession = () => Promise<VerifySession>;

/** Loaded lazily, so that importing this module does not load Playwright and Fastify. */
export const openDefaultSession: OpenSession = async () => (await import('./session')).openVerifySession();

/**
 * Runs `work` with a server and a browser, and closes both afterwards, whatever happens. On
 * SIGINT or SIGTERM both are closed at once (which ends the runs under way), `work` gets an
 * aborted signal, and this rejects with an InterruptedError.
 */
export async function withVerifySession<T>(work: (session: VerifySession, signal: AbortSignal) => Promise<T>, open: OpenSession = openDefaultSession): Promise<T> {
  const interruption = interruptOnSignals();
  const { signal } = interruption;
  let session: VerifySession | null = null;
  try {
    session = await open();
    signal.throwIfAborted();
    const opened = session;
    signal.addEventListener('abort', () => void opened.close(), { once: true });
    const result = await work(session, signal);
    signal.throwIfAborted();
    return result;
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    throw error;
  } finally {
    await session?.close();
    interruption.dispose();
  }
}
