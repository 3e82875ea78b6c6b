import { Controller, Get, HttpCode, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Public } from '@seleksi/auth';
import { DataSource } from 'typeorm';
import { Dependency } from '../consumer/failure-kind';
import { KafkaEventServer } from '../consumer/kafka-event-server';

export class DependencyDownDto {
  @ApiProperty({ enum: ['postgres', 'kafka'] }) dependency!: Dependency;
  @ApiProperty({ description: 'when it was first found down (ISO 8601)' }) since!: string;
  @ApiProperty({ description: 'the last error seen' }) error!: string;
}

export class ReadinessDto {
  status!: 'ready' | 'not-ready';
  postgres!: boolean;
  kafka!: boolean;
  /** Dependencies found down, by this check or by the consumer (whose partitions wait for them). */
  @ApiProperty({ type: [DependencyDownDto] }) down!: DependencyDownDto[];
}

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(KafkaEventServer) private readonly events: KafkaEventServer,
  ) {}

  @Public()
  @Get('live')
  @HttpCode(200)
  live(): { status: 'live' } {
    return { status: 'live' };
  }

  @Public()
  @Get('ready')
  @ApiOkResponse({ type: ReadinessDto })
  async ready(): Promise<ReadinessDto> {
    const failure = await this.dataSource.query('SELECT 1').then(
      () => undefined,
      (error: Error) => error,
    );
    this.events.reportPostgres(failure);
    const postgres = failure === undefined;
    const kafka = this.events.isRunning;
    const body: ReadinessDto = { status: postgres && kafka ? 'ready' : 'not-ready', postgres, kafka, down: this.events.outages };
    if (body.status !== 'ready') throw new ServiceUnavailableException({ code: 'NOT_READY', message: 'not ready', ...body });
    return body;
  }
}
