/**
 * Editors debounce their changes; a Run (or a shortcut pressed mid-typing) must first flush what
 * is still pending, so it runs the code on screen. Each editor registers its flush here.
 */
const flushers = new Set<() => void>();

export function registerPendingEdit(flush: () => void): () => void {
  flushers.add(flush);
  return () => flushers.delete(flush);
}

export function flushPendingEdits(): void {
  for (const flush of flushers) flush();
}
