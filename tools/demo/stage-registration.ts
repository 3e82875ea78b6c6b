import { moveClockPast } from './demo-clock';
import { StageContext } from './stage-context';

/** Stage 1: the registration deadline passes (the demo clock moves past it) and the admin closes the period. */
export async function closeRegistration(c: StageContext): Promise<void> {
  const { t, apis, period } = c;
  const days = await moveClockPast(t.clockFile, new Date(period.registrationClosesAt));
  if (days > 0)
    t.say(`  demo clock moved ${days.toFixed(1)} days forward, past the deadline (${period.registrationClosesLocal}); ${t.clockFile} holds the offset`);
  const admin = await c.staff.as('admin');
  if (period.status === 'open') {
    const closed = await apis.registration.must('POST', `/admin/periods/${period.id}/close`, { token: admin.token }, ['PERIOD_NOT_OPEN']);
    if (closed.status < 300) t.say(`  ${admin.name} closed registration: PeriodClosed published; drafts can no longer be submitted`);
  } else {
    t.say('  registration was already closed');
  }
  t.say(`  see: GET ${t.registration}/periods/${period.id} (status "closed")`);
}
