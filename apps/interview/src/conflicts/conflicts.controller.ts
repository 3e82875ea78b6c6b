import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@seleksi/auth';
import { UuidParam } from '../shared/uuid-param';
import { ConflictDeclaredDto, DeclareConflictDto } from './conflicts.dto';
import { ConflictsService } from './conflicts.service';

@ApiTags('conflicts')
@ApiBearerAuth()
@Controller('panelist/panels/:panelId/candidates/:participantNumber/conflict')
export class ConflictsController {
  constructor(private readonly conflicts: ConflictsService) {}

  @Post()
  @Roles('panelist')
  @ApiCreatedResponse({ type: ConflictDeclaredDto })
  declare(
    @CurrentPrincipal() p: Principal,
    @UuidParam('panelId') panelId: string,
    @Param('participantNumber') pn: string,
    @Body() dto: DeclareConflictDto,
  ): Promise<ConflictDeclaredDto> {
    return this.conflicts.declare(p, panelId, pn, dto);
  }
}
