import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@seleksi/auth';
import { REASON_CATALOGUE } from './reason-catalogue';
import { ReasonDto } from './reasons.dto';

@ApiTags('reasons')
@ApiBearerAuth()
@Controller('reasons')
export class ReasonsController {
  @Get()
  @Roles('verifier', 'admin')
  @ApiOkResponse({ type: [ReasonDto], description: 'The TMS reason catalogue (codes and Indonesian labels).' })
  list(): ReasonDto[] {
    return REASON_CATALOGUE.map((r) => ({ code: r.code, label: r.label }));
  }
}
