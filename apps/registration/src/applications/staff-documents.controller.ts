import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@seleksi/auth';
import { FastifyReply } from 'fastify';
import { UuidParam } from '../common/uuid-param';
import { ApplicationsService } from './applications.service';

/** Verifiers open the documents an ApplicationSubmitted referenced; each view is audited. */
@ApiTags('documents')
@ApiBearerAuth()
@Roles('verifier', 'admin')
@Controller('staff/documents')
export class StaffDocumentsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Get(':documentId')
  @ApiOperation({ summary: "A submitted document's bytes, for verifiers and admins; the view is recorded" })
  @ApiProduces('application/pdf', 'image/jpeg')
  async get(
    @CurrentPrincipal() staff: Principal,
    @Param('documentId', UuidParam('documentId')) documentId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const doc = await this.applications.documentForStaff(staff.id, documentId);
    void reply.header('content-type', doc.mediaType).header('cache-control', 'no-store');
    return doc.content;
  }
}
