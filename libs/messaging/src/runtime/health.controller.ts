import { Controller, Get, HttpCode, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@seleksi/auth';
import { DataSource } from 'typeorm';
import { KafkaEventServer } from '../consumer/kafka-event-server';

export class ReadinessDto {
  status!: 'ready' | 'not-ready';
  postgres!: boolean;
  kafka!: boolean;
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
    const postgres = await this.dataSource
      .query('SELECT 1')
      .then(() => true)
      .catch(() => false);
    const kafka = this.events.isRunning;
    const body: ReadinessDto = { status: postgres && kafka ? 'ready' : 'not-ready', postgres, kafka };
    if (body.status !== 'ready') throw new ServiceUnavailableException({ code: 'NOT_READY', message: 'not ready', ...body });
    return body;
  }
}
