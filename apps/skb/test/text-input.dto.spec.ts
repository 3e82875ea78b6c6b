import { describeRequiredText } from '@seleksi/testing';
import { CreateSessionDto, CreateVenueDto, RoomDto } from '../src/sessions/sessions.dto';

const venue = { name: 'UPT CAT BKN Bandung', address: 'Jl. Surapati No. 1', rooms: [{ name: 'Ruang 2', capacity: 40 }] };

describe('skb DTOs: free text is trimmed and never whitespace alone', () => {
  describeRequiredText([
    ['venue name', CreateVenueDto, venue, 'name'],
    ['venue address', CreateVenueDto, venue, 'address'],
    ['room name', RoomDto, { name: 'Ruang 2', capacity: 40 }, 'name'],
    ['session name', CreateSessionDto, { name: 'Sesi 1', date: '2026-12-08', startTime: '08:00', durationMinutes: 90 }, 'name'],
  ]);
});
