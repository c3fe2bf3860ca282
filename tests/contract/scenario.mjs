// The scenario run through Prism for one api-version: every jobs endpoint, the device-group
// endpoints the version has, a job of every data type the version knows, stop, resume and rerun
// on a real job lifecycle, and error cases. Ids carry the version so the runs never collide.

import { runScheduleScenario } from './scenario_schedules.mjs';
import { SEED } from './seed_ids.mjs';

const PREVIEW = 'preview';
const OCTOBER = '2022-10-31-preview';

const TYPE_NAMES = {
  property: { 2022: 'property', preview: 'PropertyJobData' },
  command: { 2022: 'command', preview: 'CommandJobData' },
  cloudProperty: { 2022: 'cloudProperty', preview: 'CloudPropertyJobData' },
};

function typeName(type, apiVersion) {
  return TYPE_NAMES[type][apiVersion === PREVIEW ? 'preview' : 2022];
}

// What an api-version's spec has (see shared/api/README.md).
function features(apiVersion) {
  return {
    deviceGroupItems: apiVersion !== PREVIEW, // GET /deviceGroups/{id} and .../devices
    templateMigration: apiVersion !== PREVIEW,
    manifestMigration: apiVersion === OCTOBER,
    maxPageSize: apiVersion === OCTOBER,
    errorResponses: apiVersion !== PREVIEW, // the preview spec documents no error response
    organizations: apiVersion !== PREVIEW, // GET /organizations[/{id}], a job's organizations
    scheduledJobs: apiVersion !== PREVIEW, // /scheduledJobs
  };
}

const OK = [200];
const NO_CONTENT = [204];
const NOT_FOUND = [404];
// Statuses as docs/emulator.md documents them (the service leaves most of them unsaid).
const INVALID = [400]; // InvalidJob, InvalidApiVersionParameter
const TAKEN = [409]; // JobAlreadyExists
const UNPROCESSABLE = [422]; // DeviceGroupNotFound, InvalidJobState, NoFailedDevices

export async function runScenario(client, emulator) {
  const version = client.apiVersion;
  const has = features(version);
  const id = (name) => `contract-${name}-${version.replace(/[^a-z0-9]/gi, '')}`;

  // Device groups.
  const groups = await client.callAllPages({ name: 'list device groups', path: '/api/deviceGroups', expect: OK });
  if (!groups.some((group) => group.id === SEED.thermostats)) {
    throw new Error(`the demo group ${SEED.thermostats} is not in GET /api/deviceGroups`);
  }
  if (has.deviceGroupItems) {
    await client.call({ name: 'show a device group', path: `/api/deviceGroups/${SEED.thermostats}`, expect: OK });
    await client.callAllPages({
      name: 'list the devices of a group',
      path: `/api/deviceGroups/${SEED.thermostats}/devices`,
      expect: OK,
    });
    // A group written through the API: created by filter, its devices, patched, deleted.
    const groupPath = `/api/deviceGroups/${id('group')}`;
    const filter = 'SELECT * FROM devices WHERE $displayName = "lab-01" OR $displayName = "lab-02"';
    await client.call({ name: 'create a device group', method: 'PUT', path: groupPath,
      body: { displayName: 'Contract pair', filter, description: 'two lab thermostats' }, expect: OK });
    await client.callAllPages({ name: 'list the devices of a filter group', path: `${groupPath}/devices`, expect: OK });
    await client.call({ name: 'patch a device group', method: 'PATCH', path: groupPath,
      body: { displayName: 'Contract pair 2' }, expect: OK });
    await client.call({ name: 'create a group with an unsupported filter', method: 'PUT', path: `/api/deviceGroups/${id('badgroup')}`,
      body: { displayName: 'Bad', filter: 'SELECT * FROM devices WHERE $lastSeen = "x"' }, expect: INVALID });
    await client.call({ name: 'delete a device group', method: 'DELETE', path: groupPath, expect: NO_CONTENT });
    await client.call({ name: 'delete a deleted device group', method: 'DELETE', path: groupPath, expect: NOT_FOUND });
  }
  if (has.maxPageSize) {
    await client.call({ name: 'list device groups by name, sorted', path: '/api/deviceGroups',
      query: { filter: "displayName eq 'Thermostats'", orderby: 'displayName desc', maxpagesize: '2' }, expect: OK });
  }

  if (has.organizations) {
    const organizations = await client.callAllPages({ name: 'list organizations', path: '/api/organizations', expect: OK });
    if (!organizations.some((organization) => organization.id === SEED.lab)) {
      throw new Error(`the demo organization ${SEED.lab} is not in GET /api/organizations`);
    }
    await client.call({ name: 'show an organization', path: `/api/organizations/${SEED.lab}`, expect: OK });
    await client.call({
      name: 'create a job in an organization',
      method: 'PUT',
      path: `/api/jobs/${id('organization')}`,
      body: {
        group: SEED.labThermostats,
        organizations: [SEED.lab],
        data: [{ type: typeName('command', version), target: SEED.thermostat, path: 'reboot', value: null }],
      },
      expect: OK,
    });
  }

  // One job of every data type the version has.
  const lifecycle = id('property');
  await client.call({
    name: 'create a property job (batch 25%, threshold 10%)',
    method: 'PUT',
    path: `/api/jobs/${lifecycle}`,
    body: {
      displayName: 'Set target temperature',
      description: 'Set target temperature device property',
      group: SEED.thermostats,
      batch: { type: 'percentage', value: 25 },
      cancellationThreshold: { type: 'percentage', value: 10, batch: false },
      data: [{ type: typeName('property', version), target: SEED.thermostat, path: 'targetTemperature', value: '55' }],
    },
    expect: OK,
  });
  const quiet = id('command');
  await client.call({
    name: 'create a command job (batch of 5 devices)',
    method: 'PUT',
    path: `/api/jobs/${quiet}`,
    body: {
      displayName: 'Reboot the lab',
      group: SEED.labThermostats,
      batch: { type: 'number', value: 5 },
      data: [{ type: typeName('command', version), target: SEED.thermostat, path: 'reboot', value: null }],
    },
    expect: OK,
  });
  await client.call({
    name: 'create a cloud property job (threshold 2 devices per batch)',
    method: 'PUT',
    path: `/api/jobs/${id('cloud')}`,
    body: {
      group: SEED.sensors,
      cancellationThreshold: { type: 'number', value: 2, batch: true },
      data: [{ type: typeName('cloudProperty', version), target: SEED.sensor, path: 'CustomerName', value: 'Contoso' }],
    },
    expect: OK,
  });
  if (has.templateMigration) {
    await client.call({
      name: 'create a device template migration job',
      method: 'PUT',
      path: `/api/jobs/${id('migration')}`,
      body: { group: SEED.labThermostats, data: [{ type: 'deviceTemplateMigration', template: SEED.thermostat }] },
      expect: OK,
    });
  }
  if (has.manifestMigration) {
    await client.call({
      name: 'create a device manifest migration job',
      method: 'PUT',
      path: `/api/jobs/${id('manifest')}`,
      body: { group: SEED.labThermostats, data: [{ type: 'deviceManifestMigration', manifest: 'edge-manifest-1' }] },
      expect: OK,
    });
  }

  // Reading jobs.
  await client.callAllPages({ name: 'list jobs', path: '/api/jobs', expect: OK });
  if (has.maxPageSize) {
    const pages = await client.callAllPages({ name: 'list jobs, maxpagesize=2', path: '/api/jobs', query: { maxpagesize: 2 }, expect: OK });
    if (pages.length < 3) throw new Error(`maxpagesize=2 paging returned ${pages.length} jobs, expected 3 or more`);
  }
  await client.call({ name: 'show a job', path: `/api/jobs/${lifecycle}`, expect: OK });
  await client.callAllPages({ name: 'list the devices of a job', path: `/api/jobs/${lifecycle}/devices`, expect: OK });

  // Stop, resume, run to the end, rerun on the failed devices.
  await client.call({ name: 'stop a job', method: 'POST', path: `/api/jobs/${lifecycle}/stop`, expect: NO_CONTENT });
  const stopped = await client.call({ name: 'show the stopped job', path: `/api/jobs/${lifecycle}`, expect: OK });
  if (stopped.json?.status !== 'stopped') throw new Error(`after stop the job is '${stopped.json?.status}'`);
  await client.call({ name: 'resume a job', method: 'POST', path: `/api/jobs/${lifecycle}/resume`, expect: NO_CONTENT });
  await emulator.runJobsToTheEnd();
  const finished = await client.call({ name: 'show the finished job', path: `/api/jobs/${lifecycle}`, expect: OK });
  if (!['complete', 'failed', 'cancelled'].includes(finished.json?.status)) {
    throw new Error(`the job did not finish: '${finished.json?.status}'`);
  }
  const devices = await client.callAllPages({ name: 'list the devices of the finished job', path: `/api/jobs/${lifecycle}/devices`, expect: OK });
  if (!devices.some((device) => device.status === 'failed')) throw new Error('no failed device to rerun');
  const rerun = id('rerun');
  await client.call({ name: 'rerun a job on its failed devices', method: 'PUT', path: `/api/jobs/${lifecycle}/rerun/${rerun}`, expect: OK });
  await client.call({ name: 'show the rerun job', path: `/api/jobs/${rerun}`, expect: OK });
  await client.callAllPages({ name: 'list the devices of the rerun job', path: `/api/jobs/${rerun}/devices`, expect: OK });

  if (has.errorResponses) await runErrorCases(client, { id, lifecycle, quiet, rerun });
  // Last: it moves the clock on, which finishes the jobs above.
  if (has.scheduledJobs) await runScheduleScenario(client, emulator, id);
  await runControls(client, emulator, { id, has });
}

// Steps that break the spec on purpose, so that a run without violations means something.
async function runControls(client, emulator, { id, has }) {
  await client.call({
    name: 'create a job without data',
    method: 'PUT',
    path: `/api/jobs/${id('nodata')}`,
    body: { group: SEED.thermostats },
    expect: INVALID,
    control: true,
  });
  if (!has.errorResponses) {
    // The preview spec documents no error status, so an injected 503 is one it does not allow.
    await emulator.injectFault({ kind: '503', method: 'GET', path: '/api/jobs', count: 1 });
    await client.call({ name: 'list jobs during an injected 503', path: '/api/jobs', expect: [503], control: true });
  }
}

// Requests the spec allows but the service refuses: each answer must be the official error body.
async function runErrorCases(client, { id, lifecycle, quiet, rerun }) {
  const missing = id('missing');
  await client.call({ name: 'show an unknown job', path: `/api/jobs/${missing}`, expect: NOT_FOUND });
  await client.call({ name: 'devices of an unknown job', path: `/api/jobs/${missing}/devices`, expect: NOT_FOUND });
  await client.call({ name: 'stop an unknown job', method: 'POST', path: `/api/jobs/${missing}/stop`, expect: NOT_FOUND });
  await client.call({ name: 'resume an unknown job', method: 'POST', path: `/api/jobs/${missing}/resume`, expect: NOT_FOUND });
  await client.call({ name: 'rerun an unknown job', method: 'PUT', path: `/api/jobs/${missing}/rerun/${id('x')}`, expect: NOT_FOUND });
  await client.call({ name: 'show an unknown device group', path: '/api/deviceGroups/no-such-group', expect: NOT_FOUND });
  await client.call({ name: 'show an unknown organization', path: '/api/organizations/no-such-organization', expect: NOT_FOUND });
  await client.call({
    name: 'create a job in an unknown organization',
    method: 'PUT',
    path: `/api/jobs/${id('noorganization')}`,
    body: { group: SEED.labThermostats, organizations: ['no-such-organization'], data: [{ type: 'command', target: SEED.thermostat, path: 'reboot' }] },
    expect: UNPROCESSABLE,
  });
  await client.call({
    name: 'create a job on a group outside its organization',
    method: 'PUT',
    path: `/api/jobs/${id('elsewhere')}`,
    body: { group: SEED.thermostats, organizations: [SEED.lab], data: [{ type: 'command', target: SEED.thermostat, path: 'reboot' }] },
    expect: UNPROCESSABLE,
  });
  await client.call({
    name: 'create a job on an unknown group',
    method: 'PUT',
    path: `/api/jobs/${id('nogroup')}`,
    body: { group: 'no-such-group', data: [{ type: 'command', target: SEED.thermostat, path: 'reboot' }] },
    expect: UNPROCESSABLE,
  });
  await client.call({
    name: 'create a job with a batch of 0%',
    method: 'PUT',
    path: `/api/jobs/${id('zerobatch')}`,
    body: {
      group: SEED.thermostats,
      batch: { type: 'percentage', value: 0 },
      data: [{ type: 'command', target: SEED.thermostat, path: 'reboot' }],
    },
    expect: INVALID,
  });
  await client.call({
    name: 'create a job with an id that exists',
    method: 'PUT',
    path: `/api/jobs/${lifecycle}`,
    body: { group: SEED.thermostats, data: [{ type: 'command', target: SEED.thermostat, path: 'reboot' }] },
    expect: TAKEN,
  });
  await client.call({ name: 'rerun a job without failed devices', method: 'PUT', path: `/api/jobs/${quiet}/rerun/${id('none')}`, expect: UNPROCESSABLE });
  await client.call({ name: 'rerun onto an id that exists', method: 'PUT', path: `/api/jobs/${lifecycle}/rerun/${quiet}`, expect: TAKEN });
  await client.call({ name: 'stop a finished job', method: 'POST', path: `/api/jobs/${lifecycle}/stop`, expect: UNPROCESSABLE });
  await client.call({ name: 'resume a finished job', method: 'POST', path: `/api/jobs/${lifecycle}/resume`, expect: UNPROCESSABLE });
  await client.call({ name: 'rerun a job that has not run yet', method: 'PUT', path: `/api/jobs/${rerun}/rerun/${id('early')}`, expect: UNPROCESSABLE });
  await client.call({ name: 'list jobs with a wrong token', path: '/api/jobs', authorization: 'Bearer wrong-token', expect: [401] });
  await client.call({ name: 'list jobs in an unknown api-version', path: '/api/jobs', apiVersion: '2099-01-01', expect: INVALID });
}
