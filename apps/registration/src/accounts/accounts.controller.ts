import { Body, Controller, Get, HttpCode, HttpStatus, Ip, NotFoundException, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Public } from '@seleksi/auth';
import { AccountResponse, ConfirmEmailDto, SignUpDto } from './accounts.dto';
import { AccountsService } from './accounts.service';

@ApiTags('accounts')
@Controller('accounts')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Public()
  @Post()
  @ApiOperation({ summary: 'Applicant sign-up; a confirmation token is e-mailed; throttled per client address (429 RATE_LIMITED)' })
  @ApiCreatedResponse({ type: AccountResponse })
  signUp(@Body() dto: SignUpDto, @Ip() address: string): Promise<AccountResponse> {
    return this.accounts.signUp(dto, address);
  }

  @Public()
  @Post('confirm-email')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Confirm the e-mail address with the one-time token' })
  @ApiNoContentResponse()
  confirmEmail(@Body() dto: ConfirmEmailDto): Promise<void> {
    return this.accounts.confirmEmail(dto.token);
  }

  @ApiBearerAuth()
  @Get('me')
  @ApiOkResponse({ type: AccountResponse })
  async me(@CurrentPrincipal() principal: Principal): Promise<AccountResponse> {
    const account = await this.accounts.me(principal.id);
    if (!account) throw new NotFoundException({ code: 'ACCOUNT_NOT_FOUND', message: 'no such account' });
    return account;
  }
}
