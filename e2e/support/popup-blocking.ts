import { chromium, type Browser } from '@playwright/test';
import { chromiumPath, CHROMIUM_ARGS } from '../../packages/cli/src/verify/session';

/**
 * Chromium with its pop-up blocker on, as a person's browser has it: Playwright turns the blocker
 * off by default, and then no test could tell a window opened within the Run click from one the
 * browser would refuse.
 */
export function launchWithPopupBlocker(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS], ignoreDefaultArgs: ['--disable-popup-blocking'] });
}
