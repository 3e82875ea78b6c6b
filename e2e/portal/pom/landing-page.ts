import { PortalPage } from './portal-page';

export class LandingPage extends PortalPage {
  async open(): Promise<void> {
    await this.page.goto('/');
    await this.heading().waitFor();
  }

  period(name: string) {
    return this.page.getByRole('region', { name });
  }

  applyLink(position: string) {
    return this.page.getByRole('link', { name: new RegExp(position) });
  }
}
