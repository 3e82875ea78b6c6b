import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@seleksi/auth';
import { AccountResponse } from '../accounts/accounts.dto';
import { UuidParam } from '../common/uuid-param';
import { AccountAuditEntryResponse, AuditQueryDto, CorrectIdentityDto, NikReleasedResponse, ReleaseNikDto } from './account-admin.dto';
import { AccountAdminService } from './account-admin.service';

@ApiTags('admin accounts')
@Roles('admin')
@ApiBearerAuth()
@Controller('admin/accounts')
export class AccountAdminController {
  constructor(private readonly admin: AccountAdminService) {}

  @Post('release-nik')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Free a NIK held by another account after its owner proved identity; closes that account; audited (404 NIK_NOT_HELD)' })
  @ApiOkResponse({ type: NikReleasedResponse })
  releaseNik(@CurrentPrincipal() principal: Principal, @Body() dto: ReleaseNikDto): Promise<NikReleasedResponse> {
    return this.admin.releaseNik(principal.id, dto);
  }

  @Patch(':accountId/identity')
  @ApiOperation({ summary: "Correct an applicant's identity data with a reason; audited with each field before and after" })
  @ApiOkResponse({ type: AccountResponse })
  correctIdentity(
    @CurrentPrincipal() principal: Principal,
    @Param('accountId', UuidParam('accountId')) accountId: string,
    @Body() dto: CorrectIdentityDto,
  ): Promise<AccountResponse> {
    return this.admin.correctIdentity(principal.id, accountId, dto);
  }

  @Get('audit')
  @ApiOperation({ summary: 'The account actions of admins, newest first: who, when, why' })
  @ApiOkResponse({ type: [AccountAuditEntryResponse] })
  audit(@Query() query: AuditQueryDto): Promise<AccountAuditEntryResponse[]> {
    return this.admin.auditTrail(query.accountId);
  }
}
