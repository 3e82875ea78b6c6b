import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Roles } from '@seleksi/auth';
import { FastifyReply } from 'fastify';
import { PeriodParams } from '../ranking/ranking.dto';
import { FormationReportDto, ReportQuery, toCsv } from './report.dto';
import { ReportRepository } from './report.repository';

@ApiTags('reports')
@ApiBearerAuth()
@Roles('placement-officer', 'admin')
@Controller('periods/:periodId/report')
export class ReportController {
  constructor(private readonly reports: ReportRepository) {}

  /** Per formation; `?format=csv` gives text/csv for a spreadsheet. */
  @Get()
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: [FormationReportDto] })
  async report(
    @Param() params: PeriodParams,
    @Query() query: ReportQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FormationReportDto[] | string> {
    const rows = await this.reports.perFormation(params.periodId);
    if (query.format !== 'csv') return rows;
    void reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="placement-${params.periodId}.csv"`);
    return toCsv(rows);
  }
}
