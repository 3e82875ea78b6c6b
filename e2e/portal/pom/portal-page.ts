import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/stack';

/** What every page object shares: its heading, the axe check (WCAG 2.0/2.1 A and AA), a screenshot artefact. */
export abstract class PortalPage {
  constructor(readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  async expectNoAxeViolations(): Promise<void> {
    const results = await new AxeBuilder({ page: this.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    expect(summary, `axe on ${this.page.url()}`).toEqual([]);
  }

  /** A full-page screenshot kept under .data/screenshots/ as a test artefact. */
  async screenshot(name: string): Promise<void> {
    const dir = join(ROOT, '.data/screenshots');
    mkdirSync(dir, { recursive: true });
    await this.page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
  }

  /** Presses Tab until the element has focus (keyboard-only use), failing after `max` presses. */
  async tabTo(locator: ReturnType<Page['locator']>, max = 60): Promise<void> {
    for (let i = 0; i < max; i += 1) {
      if (await locator.evaluate((el) => el === el.ownerDocument.activeElement)) return;
      await this.page.keyboard.press('Tab');
    }
    throw new Error(`could not reach ${locator.toString()} with Tab`);
  }
}
