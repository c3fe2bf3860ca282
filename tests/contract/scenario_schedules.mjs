// The scheduled jobs part of the scenario (2022 versions): create, list, show, a merge patch
// (with If-Match where the version has it), the jobs an occurrence started once the emulator's
// clock has moved, the error cases, and delete.

import { SEED } from './seed_ids.mjs';

const OCTOBER = '2022-10-31-preview';
const OK = [200];
const NO_CONTENT = [204];
const NOT_FOUND = [404];
const INVALID = [400]; // InvalidScheduledJob
const STALE = [412]; // PreconditionFailed

const REBOOT = { type: 'command', target: SEED.thermostat, path: 'reboot', value: null };

// `now` (RFC 3339) moved by `minutes`, to the second, in UTC.
function later(now, minutes) {
  return new Date(Date.parse(now) + minutes * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export async function runScheduleScenario(client, emulator, id) {
  const version = client.apiVersion;
  const schedule = id('schedule');
  const start = later(await emulator.now(), 60);
  const definition = {
    displayName: 'Nightly reboot',
    group: SEED.labThermostats,
    data: [REBOOT],
    schedule: { start, recurrence: 'daily', end: { type: 'occurrences', occurrences: 3 } },
    enabled: true,
  };
  const created = await client.call({
    name: 'create a scheduled job',
    method: 'PUT',
    path: `/api/scheduledJobs/${schedule}`,
    body: definition,
    expect: OK,
  });
  await client.callAllPages({ name: 'list scheduled jobs', path: '/api/scheduledJobs', expect: OK });
  if (version === OCTOBER) {
    await client.callAllPages({
      name: 'list scheduled jobs, maxpagesize=1',
      path: '/api/scheduledJobs',
      query: { maxpagesize: 1 },
      expect: OK,
    });
  }
  await client.call({ name: 'show a scheduled job', path: `/api/scheduledJobs/${schedule}`, expect: OK });
  const etag = created.json?.etag;
  await client.call({
    name: 'update a scheduled job (merge patch)',
    method: 'PATCH',
    path: `/api/scheduledJobs/${schedule}`,
    contentType: 'application/merge-patch+json',
    headers: version === OCTOBER && etag ? { 'If-Match': etag } : {},
    body: { displayName: 'Nightly reboot, renamed' },
    expect: OK,
  });
  if (version === OCTOBER && etag) {
    await client.call({
      name: 'update a scheduled job with a stale If-Match',
      method: 'PATCH',
      path: `/api/scheduledJobs/${schedule}`,
      contentType: 'application/merge-patch+json',
      headers: { 'If-Match': etag },
      body: { description: 'stale' },
      expect: STALE,
    });
  }
  await emulator.advance('1h');
  const runs = await client.callAllPages({
    name: 'list the jobs of a scheduled job',
    path: `/api/scheduledJobs/${schedule}/jobs`,
    expect: OK,
  });
  if (runs.length !== 1 || runs[0].scheduledJobId !== schedule) {
    throw new Error(`expected one job of ${schedule} after its start, got ${JSON.stringify(runs)}`);
  }
  await client.call({
    name: 'create a scheduled job that mixes data types',
    method: 'PUT',
    path: `/api/scheduledJobs/${id('schedule-mixed')}`,
    body: {
      ...definition,
      data: [REBOOT, { type: 'property', target: SEED.thermostat, path: 'targetTemperature', value: 21 }],
    },
    expect: INVALID,
  });
  await client.call({ name: 'show an unknown scheduled job', path: '/api/scheduledJobs/no-such-schedule', expect: NOT_FOUND });
  await client.call({ name: 'delete a scheduled job', method: 'DELETE', path: `/api/scheduledJobs/${schedule}`, expect: NO_CONTENT });
}
