import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiHeader, ApiNotFoundResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@seleksi/auth';
import { FastifyReply } from 'fastify';
import { UuidParam } from '../common/uuid-param';
import { ApplicationsService } from './applications.service';

/** Staff open the documents an ApplicationSubmitted referenced; each view is audited. */
@ApiTags('documents')
@ApiBearerAuth()
@Roles('verifier', 'admin')
@Controller('staff/documents')
export class StaffDocumentsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Get(':documentId')
  @ApiOperation({
    summary:
      "A submitted document's bytes, for admins and for the verifier holding the case (with the grant from screening's case view); served as a download, the view is recorded",
  })
  @ApiHeader({ name: 'x-document-grant', required: false, description: "The grant from screening's case view (required for verifiers)" })
  @ApiProduces('application/pdf', 'image/jpeg')
  @ApiForbiddenResponse({ description: 'DOCUMENT_GRANT_REQUIRED, DOCUMENT_GRANT_INVALID' })
  @ApiNotFoundResponse({ description: 'DOCUMENT_NOT_FOUND (also for a draft, or a grant for another document or account)' })
  async get(
    @CurrentPrincipal() staff: Principal,
    @Param('documentId', UuidParam('documentId')) documentId: string,
    @Headers('x-document-grant') grant: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const doc = await this.applications.documentForStaff(staff, documentId, grant);
    // Applicant-supplied bytes: never rendered in the portal's origin, never sniffed into HTML.
    void reply
      .header('content-type', doc.mediaType)
      .header('content-disposition', `attachment; filename="${doc.type}-${documentId}${doc.mediaType === 'application/pdf' ? '.pdf' : '.jpg'}"`)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "sandbox; default-src 'none'")
      .header('cache-control', 'no-store');
    return doc.content;
  }
}
