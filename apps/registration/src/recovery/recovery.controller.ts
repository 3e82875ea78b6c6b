import { Body, Controller, HttpCode, HttpStatus, Ip, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { Public } from '@seleksi/auth';
import { AcceptedResponse, PasswordResetConfirmDto, RecoveryRequestDto } from './recovery.dto';
import { RecoveryService } from './recovery.service';

const ACCEPTED: AcceptedResponse = { status: 'accepted' };

@ApiTags('accounts')
@Controller('accounts')
export class RecoveryController {
  constructor(private readonly recovery: RecoveryService) {}

  @Public()
  @Post('confirm-email/resend')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'E-mail a new confirmation link; the same answer whether or not the e-mail is registered or confirmed' })
  @ApiAcceptedResponse({ type: AcceptedResponse })
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED, with Retry-After' })
  async resend(@Body() dto: RecoveryRequestDto, @Ip() address: string): Promise<AcceptedResponse> {
    await this.recovery.resendConfirmation(dto.email, address);
    return ACCEPTED;
  }

  @Public()
  @Post('password-reset')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'E-mail a password reset link; the same answer whether or not the e-mail is registered' })
  @ApiAcceptedResponse({ type: AcceptedResponse })
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED, with Retry-After' })
  async requestReset(@Body() dto: RecoveryRequestDto, @Ip() address: string): Promise<AcceptedResponse> {
    await this.recovery.requestPasswordReset(dto.email, address);
    return ACCEPTED;
  }

  @Public()
  @Post('password-reset/confirm')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Set a new password with the one-time link token (400 RESET_TOKEN_INVALID, 410 RESET_TOKEN_EXPIRED); signs out every session' })
  @ApiNoContentResponse()
  confirmReset(@Body() dto: PasswordResetConfirmDto): Promise<void> {
    return this.recovery.confirmPasswordReset(dto.token, dto.password);
  }
}
