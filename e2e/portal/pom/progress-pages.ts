import { PortalPage } from './portal-page';

export class ReceiptPage extends PortalPage {
  registrationNumber() {
    return this.page.getByTestId('registration-number');
  }
}

export class StatusPage extends PortalPage {
  async open(applicationId: string): Promise<void> {
    await this.page.goto(`/applications/${applicationId}/status`);
    await this.heading().waitFor();
  }

  stage(name: RegExp) {
    return this.page.getByRole('heading', { level: 2, name });
  }
}

export class AppealPage extends PortalPage {
  async open(applicationId: string): Promise<void> {
    await this.page.goto(`/applications/${applicationId}/appeal`);
    await this.heading().waitFor();
  }
}

export class SimplePage extends PortalPage {
  async open(path: string): Promise<void> {
    await this.page.goto(path);
    await this.heading().waitFor();
  }
}
