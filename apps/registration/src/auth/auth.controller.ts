import { Body, Controller, HttpCode, HttpStatus, Ip, Post, Req, Res } from '@nestjs/common';
import { ApiForbiddenResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@seleksi/auth';
import { FastifyReply, FastifyRequest } from 'fastify';
import { LoginDto, RefreshDto, TokenPairResponse } from './auth.dto';
import { AuthService } from './auth.service';
import { SessionCookie } from './session-cookie';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly cookie: SessionCookie,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Sign in; rate-limited per account and per address (429 LOGIN_RATE_LIMITED); `session: cookie` puts the refresh token in a cookie' })
  @ApiOkResponse({ type: TokenPairResponse })
  async login(
    @Body() dto: LoginDto,
    @Ip() address: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenPairResponse> {
    const tokens = await this.auth.login(dto.email, dto.password, address);
    if (dto.session !== 'cookie') return tokens;
    this.cookie.set(request, reply, tokens.refreshToken!);
    return { ...tokens, refreshToken: undefined };
  }

  @Public()
  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'A new access token for the refresh token in the body, or in the cookie (then the Origin must be allowed: 403 ORIGIN_REFUSED)' })
  @ApiOkResponse({ type: TokenPairResponse })
  @ApiForbiddenResponse({ description: 'ORIGIN_REFUSED' })
  async refresh(@Body() dto: RefreshDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<TokenPairResponse> {
    if (dto?.refreshToken) return this.auth.refresh(dto.refreshToken);
    const presented = this.cookie.read(request);
    try {
      const tokens = await this.auth.refresh(presented);
      this.cookie.set(request, reply, tokens.refreshToken!);
      return { ...tokens, refreshToken: undefined };
    } catch (error) {
      this.cookie.clear(request, reply);
      throw error;
    }
  }

  @Public()
  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Revoke the refresh token in the body or in the cookie (which is then cleared)' })
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ description: 'ORIGIN_REFUSED' })
  async logout(@Body() dto: RefreshDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    if (dto?.refreshToken) return this.auth.logout(dto.refreshToken);
    const presented = this.cookie.read(request);
    if (presented) await this.auth.logout(presented);
    this.cookie.clear(request, reply);
  }
}
