import { PortalPage } from './portal-page';

export class SignInPage extends PortalPage {
  async open(returnTo?: string): Promise<void> {
    await this.page.goto(returnTo ? `/sign-in?return=${encodeURIComponent(returnTo)}` : '/sign-in');
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.page.getByLabel('Alamat e-mail').fill(email);
    await this.page.getByLabel('Kata sandi', { exact: true }).fill(password);
    await this.page.getByRole('button', { name: 'Masuk' }).last().click();
  }
}
