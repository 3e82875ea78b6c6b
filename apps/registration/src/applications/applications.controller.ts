import { Body, Controller, Get, Headers, HttpStatus, Param, Patch, Post, Put, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@seleksi/auth';
import { DomainError } from '@seleksi/messaging';
import { FastifyReply, FastifyRequest } from 'fastify';
import { UuidParam } from '../common/uuid-param';
import { ApplicationResponse, CreateApplicationDto, DocumentRefusedResponse, DocumentResponse, UpdateApplicationDto } from './applications.dto';
import { ApplicationsService } from './applications.service';
import { RegistrationCardService } from './registration-card.service';
import { SubmitApplication } from './usecases/submit-application';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,128}$/;

@ApiTags('applications')
@ApiBearerAuth()
@Roles('applicant')
@Controller('applications')
export class ApplicationsController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly submitApplication: SubmitApplication,
    private readonly cards: RegistrationCardService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'My applications, newest first' })
  @ApiOkResponse({ type: [ApplicationResponse] })
  list(@CurrentPrincipal() me: Principal): Promise<ApplicationResponse[]> {
    return this.applications.listOwn(me.id);
  }

  @Post()
  @ApiOperation({ summary: 'Start a draft application for one formation of an open period (one per period)' })
  @ApiOkResponse({ type: ApplicationResponse })
  create(@CurrentPrincipal() me: Principal, @Body() dto: CreateApplicationDto): Promise<ApplicationResponse> {
    return this.applications.create(me.id, dto);
  }

  @Get(':applicationId')
  @ApiOkResponse({ type: ApplicationResponse })
  get(@CurrentPrincipal() me: Principal, @Param('applicationId', UuidParam('applicationId')) id: string): Promise<ApplicationResponse> {
    return this.applications.get(me.id, id);
  }

  @Patch(':applicationId')
  @ApiOperation({ summary: 'Save a draft (formation, education, declarations); refused after submission' })
  @ApiOkResponse({ type: ApplicationResponse })
  update(
    @CurrentPrincipal() me: Principal,
    @Param('applicationId', UuidParam('applicationId')) id: string,
    @Body() dto: UpdateApplicationDto,
  ): Promise<ApplicationResponse> {
    return this.applications.update(me.id, id, dto);
  }

  @Put(':applicationId/documents/:type')
  @ApiOperation({ summary: 'Upload a required document as the raw body; its content decides its type; the last upload wins' })
  @ApiConsumes('application/octet-stream', 'image/jpeg', 'application/pdf')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOkResponse({ type: DocumentResponse })
  @ApiResponse({ status: 413, type: DocumentRefusedResponse, description: 'DOCUMENT_TOO_LARGE' })
  @ApiResponse({ status: 415, type: DocumentRefusedResponse, description: 'DOCUMENT_TYPE_NOT_ALLOWED' })
  @ApiResponse({ status: 422, type: DocumentRefusedResponse, description: 'DOCUMENT_UNREADABLE_PDF or DOCUMENT_UNREADABLE_JPEG' })
  upload(
    @CurrentPrincipal() me: Principal,
    @Param('applicationId', UuidParam('applicationId')) id: string,
    @Param('type') type: string,
    @Req() request: FastifyRequest,
  ): Promise<DocumentResponse> {
    return this.applications.upload(me.id, id, type, request.body);
  }

  @Post(':applicationId/submit')
  @ApiOperation({ summary: 'Submit (final). Retrying with the same Idempotency-Key returns the same receipt' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: '8–128 characters, unique per submission attempt' })
  @ApiOkResponse({ type: ApplicationResponse, description: '201 when submitted now, 200 for a retried key' })
  async submit(
    @CurrentPrincipal() me: Principal,
    @Param('applicationId', UuidParam('applicationId')) id: string,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ApplicationResponse> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw new DomainError(
        'IDEMPOTENCY_KEY_INVALID',
        'Idempotency-Key must be 8–128 letters, digits, dots, colons, dashes or underscores',
        HttpStatus.BAD_REQUEST,
        'Idempotency-Key',
      );
    }
    const outcome = await this.submitApplication.execute({ accountId: me.id, applicationId: id, idempotencyKey: idempotencyKey ?? null });
    void reply.status(outcome.created ? HttpStatus.CREATED : HttpStatus.OK);
    return outcome.application;
  }

  @Get(':applicationId/card.pdf')
  @ApiOperation({ summary: 'The registration card of a submitted application' })
  @ApiProduces('application/pdf')
  async card(
    @CurrentPrincipal() me: Principal,
    @Param('applicationId', UuidParam('applicationId')) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const card = await this.cards.render(me.id, id);
    void reply.header('content-type', 'application/pdf').header('content-disposition', `inline; filename="${card.fileName}"`);
    return card.pdf;
  }
}
