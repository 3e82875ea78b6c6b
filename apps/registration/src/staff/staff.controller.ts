import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Roles } from '@seleksi/auth';
import { IsIn, IsOptional } from 'class-validator';
import { STAFF_ROLES } from './staff-accounts';
import { StaffDirectory } from './staff.repository';

export class StaffQueryDto {
  @ApiPropertyOptional({ enum: STAFF_ROLES, description: 'Only the staff holding this role' })
  @IsOptional()
  @IsIn(STAFF_ROLES)
  role?: string;
}

export class StaffMemberResponse {
  @ApiProperty({ format: 'uuid', description: 'The account id (the `sub` of their token), as screening and interview register them' }) id!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: STAFF_ROLES, isArray: true }) roles!: string[];
}

@ApiTags('staff')
@ApiBearerAuth()
@Controller('admin/staff')
@Roles('admin')
export class StaffController {
  constructor(private readonly directory: StaffDirectory) {}

  @Get()
  @ApiOperation({ summary: "The agency's staff accounts (made with `cli staff create`), for registering verifiers and panelists" })
  @ApiOkResponse({ type: [StaffMemberResponse] })
  list(@Query() query: StaffQueryDto): Promise<StaffMemberResponse[]> {
    return this.directory.list(query.role);
  }
}
