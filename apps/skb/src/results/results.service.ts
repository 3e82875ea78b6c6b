import { HttpStatus, Injectable } from '@nestjs/common';
import { DomainError } from '@seleksi/messaging';
import { DataSource } from 'typeorm';
import { mapResult, MyResultResponse } from './results.dto';
import { ResultsRepository } from './results.repository';

@Injectable()
export class ResultsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly results: ResultsRepository,
  ) {}

  /** Another applicant's result and a result not yet final look the same from outside: 404. */
  async mine(applicantId: string, periodId: string): Promise<MyResultResponse> {
    const result = await this.results.findForApplicant(this.dataSource.manager, applicantId, periodId);
    if (!result) throw new DomainError('RESULT_NOT_FOUND', 'periodId: no final SKB result of yours in this period', HttpStatus.NOT_FOUND, 'periodId');
    return mapResult(result);
  }
}
