import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import type { Scenario, ThirdPartyCookies } from '@cors-playground/scenario';
import { CHROMIUM_ARGS, chromiumPath } from './session';

/**
 * The browser profile a scenario assumes (`browser.thirdPartyCookies`), for real runs.
 *
 * Playwright's contexts are off-the-record profiles, and Chromium 156 blocks third-party cookies
 * there (the "Block third-party cookies in Incognito" default: Chromium reports the refused
 * cookies as blocked by UserPreferences), so a browser launched as usual is the "blocked" profile.
 * No launch flag, Playwright option or CDP call turns that off for one context
 * (Network.setCookieControls only adds restrictions, and only for the page's own frame). An
 * off-the-record profile reads its cookie setting from the regular profile it belongs to, so the
 * "allowed" profile is a second Chromium whose regular profile has cookie controls off
 * (`profile.cookie_controls_mode: 0`, as in a regular window): its new contexts allow third-party
 * cookies, as Chromium does by default outside incognito. Both were checked in Chromium 156
 * (corpus/cookies, in both profiles and both run contexts).
 */
const ALLOWING_PREFERENCES = { profile: { cookie_controls_mode: 0 } };

interface Companion {
  browser: Promise<Browser>;
  close(): Promise<void>;
}

/** The "allowed" browser launched beside each "blocked" one, on first use. */
const companions = new WeakMap<Browser, Companion>();

async function launchAllowingThirdPartyCookies(): Promise<Companion> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'cors-playground-profile-'));
  await mkdir(join(userDataDir, 'Default'));
  await writeFile(join(userDataDir, 'Default', 'Preferences'), JSON.stringify(ALLOWING_PREFERENCES));
  const removeProfile = () => rm(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }).catch(() => undefined);
  let persistent: BrowserContext;
  try {
    persistent = await chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath(), headless: true, args: [...CHROMIUM_ARGS], handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
    });
  } catch (error) {
    await removeProfile();
    throw error;
  }
  const browser = persistent.browser();
  if (!browser) {
    await persistent.close().catch(() => undefined);
    await removeProfile();
    throw new Error('Chromium started without a browser object for the "allowed" third-party cookie profile');
  }
  return {
    browser: Promise.resolve(browser),
    close: async () => {
      await persistent.close().catch(() => undefined);
      // Chromium's helper processes may still be writing there for a moment; a leftover temporary
      // directory is harmless, a failed close of the session is not.
      await removeProfile();
    },
  };
}

function companionOf(blocked: Browser): Companion {
  let companion = companions.get(blocked);
  if (!companion) {
    const launched = launchAllowingThirdPartyCookies();
    companion = { browser: launched.then((made) => made.browser), close: () => launched.then((made) => made.close(), () => undefined) };
    companions.set(blocked, companion);
    const made = companion;
    // A launch that failed is not kept: the next run tries again.
    launched.catch(() => companions.get(blocked) === made && companions.delete(blocked));
    blocked.once('disconnected', () => void made.close());
  }
  return companion;
}

/** The browser that runs a profile: `browser` itself blocks third-party cookies; "allowed" runs in its companion. */
export async function browserForProfile(browser: Browser, profile: ThirdPartyCookies): Promise<Browser> {
  return profile === 'blocked' ? browser : companionOf(browser).browser;
}

/** A fresh context (no cookie or cache of another run) in the profile the scenario assumes. */
export async function newRunContext(browser: Browser, scenario: Scenario): Promise<BrowserContext> {
  return (await browserForProfile(browser, scenario.browser.thirdPartyCookies)).newContext();
}

/** Closes the companion of `browser`, if one was launched (the browser's own close does it too, without waiting). */
export async function closeCompanion(browser: Browser): Promise<void> {
  const companion = companions.get(browser);
  // Forgotten first: a later run with the same browser (another spec file in the worker) launches a new one.
  companions.delete(browser);
  await companion?.close();
}
