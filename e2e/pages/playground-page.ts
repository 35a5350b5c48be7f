import { expect, type Locator, type Page } from '@playwright/test';
import { decodeScenarioHash, encodeScenarioHash, type Outcome, type Scenario, type ScenarioInput } from '@cors-playground/scenario';

export type RunStatus = 'idle' | 'creating' | 'running' | 'finished' | 'timeout' | 'expired' | 'failed';
export type PredictionStatus = 'idle' | 'pending' | 'done' | 'timeout' | 'failed';
export type EditorName = 'servers' | 'client';
export type Framework = 'fastify' | 'express';
export type RunContext = 'frame' | 'window';

export interface RequestRowState {
  predictedOutcome: Outcome | null;
  actualOutcome: Outcome | null;
  /** The row is marked as a disagreement between prediction and browser. */
  disagrees: boolean;
}

const FINAL_RUN_STATUSES: readonly RunStatus[] = ['finished', 'timeout', 'expired', 'failed'];

/**
 * The playground UI as a user drives it: pick a starter or type into the editors, run, read the
 * predicted and actual sides. Editors are filled the way a user pastes text, so Monaco's typing
 * aids (auto-closing brackets, auto-indent) leave the text as given.
 */
export class PlaygroundPage {
  readonly runButton: Locator;
  readonly starterPicker: Locator;
  readonly serversEditor: Locator;
  readonly clientEditor: Locator;
  readonly errorsPanel: Locator;
  readonly notice: Locator;
  readonly runStatus: Locator;
  readonly runContext: Locator;
  readonly predictionStatus: Locator;
  readonly timeline: Locator;
  readonly runContextPicker: Locator;
  readonly serverCode: Locator;

  constructor(readonly page: Page) {
    this.runButton = page.getByTestId('run-button');
    this.starterPicker = page.getByTestId('starter-picker');
    this.serversEditor = page.getByTestId('servers-editor');
    this.clientEditor = page.getByTestId('client-editor');
    this.errorsPanel = page.getByTestId('errors-panel');
    this.notice = page.getByTestId('notice');
    this.runStatus = page.getByTestId('run-status');
    this.runContext = page.getByTestId('run-context');
    this.predictionStatus = page.getByTestId('prediction-status');
    this.timeline = page.getByTestId('timeline');
    this.runContextPicker = page.getByTestId('run-context-picker');
    this.serverCode = page.getByTestId('server-code');
  }

  /** Opens the playground (optionally with a raw hash, e.g. a damaged link) and waits for both editors. */
  async goto(hash = ''): Promise<void> {
    await this.page.goto(`/${hash}`);
    await this.waitForEditors();
  }

  /** Opens the playground on a scenario, through the share link a user would paste. */
  async gotoScenario(scenario: ScenarioInput): Promise<void> {
    await this.goto(`#${encodeScenarioHash(scenario)}`);
  }

  async waitForEditors(): Promise<void> {
    await expect(this.serversEditor).toHaveAttribute('data-ready', 'true');
    await expect(this.clientEditor).toHaveAttribute('data-ready', 'true');
  }

  /** Picks a starter by its id (file name without .json, e.g. "get-blocked-no-acao") or its title. */
  async pickStarter(name: string): Promise<void> {
    const byValue = this.starterPicker.locator(`option[value="${name}"]`);
    if ((await byValue.count()) > 0) await this.starterPicker.selectOption(name);
    else await this.starterPicker.selectOption({ label: name });
  }

  /** The id of the starter the scenario matches, or '' once it has been edited. */
  async selectedStarter(): Promise<string> {
    return this.starterPicker.inputValue();
  }

  editor(name: EditorName): Locator {
    return name === 'servers' ? this.serversEditor : this.clientEditor;
  }

  /** Bumped by every change to the scenario, once the page has re-rendered with it. */
  async scenarioRevision(): Promise<string | null> {
    return this.page.getByTestId('editors').getAttribute('data-revision');
  }

  /** Replaces an editor's whole text, as pasting it would, and waits until the playground has taken it. */
  async setEditorText(name: EditorName, text: string): Promise<void> {
    const editor = this.editor(name);
    const before = await this.scenarioRevision();
    await editor.locator('.monaco-editor').click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.evaluate((pasted) => {
      const data = new DataTransfer();
      data.setData('text/plain', pasted);
      document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
    await expect(editor).not.toHaveAttribute('data-pending', 'true');
    // The same text as before changes nothing, so the revision may rightly stay.
    await expect
      .poll(() => this.scenarioRevision(), { timeout: 2_000 })
      .not.toBe(before)
      .catch(() => undefined);
  }

  /** The servers editor holds the scenario without `client`, as JSON. */
  async setServersJson(text: string): Promise<void> {
    await this.setEditorText('servers', text);
  }

  async setClientCode(code: string): Promise<void> {
    await this.setEditorText('client', code);
  }

  /** Validation errors as shown, one "path message" string each. */
  async errors(): Promise<string[]> {
    if ((await this.errorsPanel.count()) === 0) return [];
    return (await this.errorsPanel.locator('li').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
  }

  async run(): Promise<void> {
    await expect(this.runButton).toBeEnabled();
    await this.runButton.click();
  }

  /** Runs with the keyboard shortcut from inside the client editor. */
  async runWithShortcut(): Promise<void> {
    await this.clientEditor.locator('.monaco-editor').click();
    await this.page.keyboard.press('ControlOrMeta+Enter');
  }

  /** Waits for the run to end and returns how it ended. */
  async waitForActual(timeout = 45_000): Promise<RunStatus> {
    await expect(this.runStatus).toHaveAttribute('data-status', new RegExp(`^(${FINAL_RUN_STATUSES.join('|')})$`), { timeout });
    return (await this.runStatus.getAttribute('data-status')) as RunStatus;
  }

  /** Waits for the prediction to settle (done, timed out or failed) and returns its status. */
  async waitForPrediction(timeout = 20_000): Promise<PredictionStatus> {
    await expect(this.predictionStatus).toHaveAttribute('data-status', /^(done|timeout|failed)$/, { timeout });
    return (await this.predictionStatus.getAttribute('data-status')) as PredictionStatus;
  }

  rows(): Locator {
    return this.page.locator('[data-testid^="request-row-"]');
  }

  row(index: number): Locator {
    return this.page.getByTestId(`request-row-${index}`);
  }

  /** The outcome each side shows for request `index` (0-based), and whether the row is a disagreement. */
  async requestRow(index: number): Promise<RequestRowState> {
    const row = this.row(index);
    await expect(row).toBeVisible();
    // After a run the predicted side is redone with the run's sandbox: read it once that is settled,
    // not the preview's prediction it replaces.
    const ran = await this.runStatus.getAttribute('data-status');
    if (ran === 'finished' || ran === 'timeout') await expect(this.predictionStatus).toHaveAttribute('data-basis', 'sandbox');
    await this.waitForPrediction();
    const outcome = async (side: 'predicted' | 'actual') => (await row.getByTestId(`${side}-cell`).getAttribute('data-outcome')) as Outcome | null;
    return {
      predictedOutcome: await outcome('predicted'),
      actualOutcome: await outcome('actual'),
      disagrees: (await row.getAttribute('data-disagrees')) === 'true',
    };
  }

  async logLines(side: 'predicted' | 'actual'): Promise<string[]> {
    return this.page.getByTestId(`${side}-log`).locator('.log-lines li').allInnerTexts();
  }

  /** What the servers received, in order, as "METHOD path" (e.g. "OPTIONS /data"). */
  async exchanges(): Promise<string[]> {
    const items = this.timeline.getByTestId('exchange');
    const count = await items.count();
    const result: string[] = [];
    for (let index = 0; index < count; index++) {
      const item = items.nth(index);
      result.push(`${await item.getAttribute('data-method')} ${(await item.locator('.exchange-path').innerText()).trim()}`);
    }
    return result;
  }

  /** Chooses where the next run happens, with the control beside the Run button. */
  async chooseRunContext(context: RunContext): Promise<void> {
    await this.runContextPicker.locator(`[data-context="${context}"]`).click();
    await expect(this.runContextPicker).toHaveAttribute('data-context', context);
  }

  /** Sets up a run whose client code loops forever, in a new window (a starter's servers, `for (;;) {}`). */
  async prepareLoopingWindowRun(): Promise<void> {
    await this.pickStarter('get-allowed-with-acao');
    await this.setClientCode('for (;;) {}');
    await this.chooseRunContext('window');
  }

  /** Presses Run and returns the window the run opened. */
  async runInNewWindow(): Promise<Page> {
    const opened = this.page.context().waitForEvent('page');
    await this.run();
    return opened;
  }

  /** Switches the servers panel to the server code of an origin, in a framework, and returns the code shown. */
  async serverCodeOf(label: string, framework: Framework): Promise<string> {
    await this.page.getByTestId('servers-view-code').click();
    await this.serverCode.locator(`[data-testid="server-code-origin"][data-label="${label}"]`).click();
    await this.serverCode.locator(`[data-testid="server-code-framework"][data-framework="${framework}"]`).click();
    await expect(this.serverCode).toHaveAttribute('data-framework', framework);
    await expect(this.serverCode).toHaveAttribute('data-label', label);
    return this.serverCode.getByTestId('server-code-text').innerText();
  }

  /** Back to the servers JSON editor. */
  async showServersJson(): Promise<void> {
    await this.page.getByTestId('servers-view-json').click();
    await expect(this.serversEditor).toBeVisible();
  }

  /** The cookies each exchange of the timeline carried, as "name=value" strings, in order. */
  async cookiesSent(): Promise<string[][]> {
    const items = this.timeline.getByTestId('exchange');
    const result: string[][] = [];
    for (let index = 0; index < (await items.count()); index++) {
      const chips = items.nth(index).getByTestId('cookies-sent').locator('.cookie-chip');
      result.push((await chips.allInnerTexts()).map((text) => text.trim()));
    }
    return result;
  }

  /** The scenario the address bar holds now (what a copied link would open). */
  async scenarioInUrl(): Promise<Scenario | null> {
    const result = decodeScenarioHash(new URL(this.page.url()).hash);
    return result.ok ? result.scenario : null;
  }
}
