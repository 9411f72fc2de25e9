import { describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { BUNDLED_PACK, callFail, callOk, startBackend, issuesOf } from '../helpers/backend';

// Scenario ids in the fixture pack.
const ICS = 'intelligent-customer-service';
const BSE = 'base-station-energy-saving';

async function makeCustomer(backend: Backend, name = 'Harbour Logistics') {
  return callOk(backend, 'customers.create', { name, kind: 'enterprise', industry: 'Logistics', region: 'East' });
}

describe('customers', () => {
  it('creates a customer with contacts and reads it back', async () => {
    const { backend } = await startBackend();
    const created = await callOk(backend, 'customers.create', {
      name: '  Northern Grid Branch ',
      kind: 'operator-branch',
      industry: 'Telecom',
      region: 'North',
      notes: 'Met at the regional NOC.',
      contacts: [{ name: 'Li Wei', role: 'NOC lead', email: 'li.wei@example.com', phone: '+86 10 1234' }, { name: 'Ana Costa' }],
    });
    expect(created).toMatchObject({ name: 'Northern Grid Branch', kind: 'operator-branch', industry: 'Telecom', region: 'North', notes: 'Met at the regional NOC.' });
    expect(created.contacts.map((c) => [c.name, c.role, c.email, c.phone])).toEqual([
      ['Li Wei', 'NOC lead', 'li.wei@example.com', '+86 10 1234'],
      ['Ana Costa', '', '', ''],
    ]);
    expect(created.createdAt).toBe(created.updatedAt);
    expect(await callOk(backend, 'customers.get', { id: created.id })).toEqual(created);
  });

  it('updates only the fields given and replaces contacts by id', async () => {
    const { backend } = await startBackend();
    const created = await callOk(backend, 'customers.create', {
      name: 'Harbour Logistics',
      kind: 'enterprise',
      industry: 'Logistics',
      region: 'East',
      notes: 'Two depots.',
      contacts: [
        { name: 'Zhang Min', role: 'CIO', email: 'zm@example.com', phone: '111' },
        { name: 'Ola Berg', role: 'Ops' },
      ],
    });
    const [zhang, ola] = created.contacts;
    if (!zhang || !ola) throw new Error('contacts missing');

    const renamed = await callOk(backend, 'customers.update', { id: created.id, name: 'Harbour Logistics Group' });
    expect(renamed).toMatchObject({ name: 'Harbour Logistics Group', kind: 'enterprise', industry: 'Logistics', region: 'East', notes: 'Two depots.' });
    expect(renamed.contacts).toEqual(created.contacts);
    expect(renamed.updatedAt >= created.updatedAt).toBe(true);

    // Keep Zhang (change only the role; other fields stay), drop Ola, add a new one.
    const replaced = await callOk(backend, 'customers.update', {
      id: created.id,
      contacts: [{ id: zhang.id, name: 'Zhang Min', role: 'CTO' }, { name: 'Sam Roy', email: 'sam@example.com' }],
    });
    expect(replaced.contacts.map((c) => [c.id === zhang.id, c.name, c.role, c.email, c.phone])).toEqual([
      [true, 'Zhang Min', 'CTO', 'zm@example.com', '111'],
      [false, 'Sam Roy', '', 'sam@example.com', ''],
    ]);
    expect(replaced.name).toBe('Harbour Logistics Group');

    // An empty string clears a field; an empty list removes every contact.
    const cleared = await callOk(backend, 'customers.update', { id: created.id, region: '', contacts: [] });
    expect(cleared).toMatchObject({ region: '', industry: 'Logistics', contacts: [] });
    expect(await callOk(backend, 'customers.get', { id: created.id })).toEqual(cleared);
  });

  it('refuses a contact id of another customer and keeps the stored contacts', async () => {
    const { backend } = await startBackend();
    const a = await callOk(backend, 'customers.create', { name: 'A', kind: 'enterprise', contacts: [{ name: 'Alice' }] });
    const b = await callOk(backend, 'customers.create', { name: 'B', kind: 'enterprise', contacts: [{ name: 'Bob' }] });
    const bob = b.contacts[0];
    if (!bob) throw new Error('contact missing');
    const error = await callFail(backend, 'customers.update', { id: a.id, contacts: [{ id: bob.id, name: 'Bob' }] });
    expect(error.code).toBe('bad_request');
    expect(issuesOf(error)).toEqual([{ path: 'contacts.0.id', message: 'is not a contact of this customer' }]);
    expect((await callOk(backend, 'customers.get', { id: a.id })).contacts.map((c) => c.name)).toEqual(['Alice']);
    expect((await callOk(backend, 'customers.get', { id: b.id })).contacts.map((c) => c.name)).toEqual(['Bob']);
  });

  it('lists customers by name with engagement counts and filters by name, industry or region in any case', async () => {
    const { backend } = await startBackend();
    const harbour = await makeCustomer(backend);
    await callOk(backend, 'customers.create', { name: '华北电力公司', kind: 'enterprise', industry: '能源', region: '华北' });
    await callOk(backend, 'customers.create', { name: 'alpine Mobile', kind: 'operator-branch', region: 'Mountain' });
    await callOk(backend, 'engagements.create', { customerId: harbour.id, title: 'Voicebot', scenarios: [ICS] });

    const all = await callOk(backend, 'customers.list', {});
    expect(all.map((c) => c.name)).toEqual(['alpine Mobile', 'Harbour Logistics', '华北电力公司']);
    expect(all.find((c) => c.id === harbour.id)).toMatchObject({ kind: 'enterprise', industry: 'Logistics', region: 'East', engagementCount: 1 });

    const names = async (query: string) => (await callOk(backend, 'customers.list', { query })).map((c) => c.name);
    expect(await names('HARBOUR')).toEqual(['Harbour Logistics']);
    expect(await names('logist')).toEqual(['Harbour Logistics']);
    expect(await names('mountain')).toEqual(['alpine Mobile']);
    expect(await names('电力')).toEqual(['华北电力公司']);
    expect(await names('能源')).toEqual(['华北电力公司']);
    expect(await names('nothing like this')).toEqual([]);
    expect(await names('  ')).toHaveLength(3);
  });

  it('removes a customer only when it has no engagements', async () => {
    const { backend } = await startBackend();
    const customer = await makeCustomer(backend);
    const engagement = await callOk(backend, 'engagements.create', { customerId: customer.id, title: 'Voicebot', scenarios: [ICS] });
    const refused = await callFail(backend, 'customers.remove', { id: customer.id });
    expect(refused.code).toBe('conflict');
    expect(refused.message).toContain('1 engagement');

    expect(await callOk(backend, 'engagements.remove', { id: engagement.id })).toEqual({ removed: true });
    expect(await callOk(backend, 'engagements.remove', { id: engagement.id })).toEqual({ removed: false });
    expect(await callOk(backend, 'customers.remove', { id: customer.id })).toEqual({ removed: true });
    expect(await callOk(backend, 'customers.list', {})).toEqual([]);
    expect((await callFail(backend, 'customers.get', { id: customer.id })).code).toBe('not_found');
    expect((await callFail(backend, 'customers.update', { id: customer.id, name: 'Back' })).code).toBe('not_found');
    // An engagement cannot be created for a deleted customer.
    const error = await callFail(backend, 'engagements.create', { customerId: customer.id, title: 'Again', scenarios: [ICS] });
    expect(error.code).toBe('bad_request');
    expect(error.issues?.[0]?.path).toBe('customerId');
  });

  it('explains invalid customer arguments field by field', async () => {
    const { backend } = await startBackend();
    const error = await callFail(backend, 'customers.create', {
      name: '   ',
      kind: 'government',
      region: 'x'.repeat(101),
      contacts: [{ name: 'Ok', email: 'not-an-email' }],
    });
    expect(error.code).toBe('bad_request');
    const byPath = Object.fromEntries((error.issues ?? []).map((i) => [i.path, i.message]));
    expect(byPath['name']).toBe('must not be empty');
    expect(byPath['kind']).toBeDefined();
    expect(byPath['region']).toBe('is too long; at most 100 characters');
    expect(byPath['contacts.0.email']).toBe('must look like name@example.com');
    expect(error.message).toContain('name: must not be empty');

    const tooMany = Array.from({ length: 51 }, (_, i) => ({ name: `Person ${i}` }));
    expect(issuesOf(await callFail(backend, 'customers.create', { name: 'X', kind: 'enterprise', contacts: tooMany }))[0]).toEqual({
      path: 'contacts',
      message: 'has too many entries; at most 50',
    });
    expect((await callFail(backend, 'customers.create', { name: 'X', kind: 'enterprise', secret: 1 })).code).toBe('bad_request');
    expect((await callFail(backend, 'customers.list', { query: 'q'.repeat(201) })).issues?.[0]?.path).toBe('query');
    expect((await callFail(backend, 'customers.get', { id: 'missing-id' })).message).toContain('missing-id');
    expect(await callOk(backend, 'customers.list', {})).toEqual([]);
  });
});

describe('engagements', () => {
  it('creates an engagement with defaults and reads it with its customer', async () => {
    const { backend } = await startBackend();
    const customer = await makeCustomer(backend);
    const minimal = await callOk(backend, 'engagements.create', { customerId: customer.id, title: 'Voicebot POC', scenarios: [ICS] });
    expect(minimal).toMatchObject({
      title: 'Voicebot POC',
      stage: 'discovery',
      scenarios: [ICS],
      startDate: null,
      endDate: null,
      team: [],
      customer: { id: customer.id, name: 'Harbour Logistics', kind: 'enterprise', industry: 'Logistics', region: 'East' },
    });

    const full = await callOk(backend, 'engagements.create', {
      customerId: customer.id,
      title: 'Energy saving pilot',
      scenarios: [BSE, ICS],
      stage: 'poc',
      startDate: '2025-03-01',
      endDate: '2025-03-01',
      team: [{ name: 'Chen Jie', role: 'Lead consultant' }, { name: 'Maria Diaz' }],
    });
    expect(full).toMatchObject({ stage: 'poc', scenarios: [BSE, ICS], startDate: '2025-03-01', endDate: '2025-03-01' });
    expect(full.team).toEqual([
      { name: 'Chen Jie', role: 'Lead consultant' },
      { name: 'Maria Diaz', role: '' },
    ]);
    expect(await callOk(backend, 'engagements.get', { id: full.id })).toEqual(full);
  });

  it('updates only the fields given, clears dates with null and never changes the customer', async () => {
    const { backend } = await startBackend();
    const customer = await makeCustomer(backend);
    const created = await callOk(backend, 'engagements.create', {
      customerId: customer.id,
      title: 'Energy saving pilot',
      scenarios: [BSE],
      stage: 'assessment',
      startDate: '2025-03-01',
      endDate: '2025-06-30',
      team: [{ name: 'Chen Jie', role: 'Lead' }],
    });

    const staged = await callOk(backend, 'engagements.update', { id: created.id, stage: 'proposal' });
    expect({ ...staged, stage: created.stage, updatedAt: created.updatedAt }).toEqual(created);
    expect(staged.stage).toBe('proposal');

    const moved = await callOk(backend, 'engagements.update', { id: created.id, endDate: '2025-07-31', team: [] });
    expect(moved).toMatchObject({ title: 'Energy saving pilot', stage: 'proposal', scenarios: [BSE], startDate: '2025-03-01', endDate: '2025-07-31', team: [] });

    const cleared = await callOk(backend, 'engagements.update', { id: created.id, startDate: null, scenarios: [ICS, BSE], title: 'Pilot II' });
    expect(cleared).toMatchObject({ title: 'Pilot II', scenarios: [ICS, BSE], startDate: null, endDate: '2025-07-31', stage: 'proposal' });
    expect(await callOk(backend, 'engagements.get', { id: created.id })).toEqual(cleared);

    expect((await callFail(backend, 'engagements.update', { id: created.id, customerId: 'other' })).code).toBe('bad_request');
  });

  it('keeps the site time zone, refuses a zone that does not exist by name, and gives the report times in it', async () => {
    const { backend } = await startBackend({ contentDir: BUNDLED_PACK });
    const customer = await makeCustomer(backend);
    const base = { customerId: customer.id, title: 'Mumbai pilot', scenarios: [ICS] };
    const wrong = await callFail(backend, 'engagements.create', { ...base, timeZone: 'Asia/Atlantis' });
    expect(issuesOf(wrong)).toEqual([{ path: 'timeZone', message: 'must be a time zone such as Asia/Shanghai' }]);
    const created = await callOk(backend, 'engagements.create', { ...base, timeZone: 'Asia/Kolkata' });
    expect(created.timeZone).toBe('Asia/Kolkata');
    // A zone other than the device's: the report's times carry the site's offset (India keeps +5:30 all year).
    const { session } = await callOk(backend, 'assessments.start', { engagementId: created.id, definitionId: 'ics-readiness' });
    const report = await callOk(backend, 'reports.assessment', { sessionId: session.id, lang: 'en' });
    expect(JSON.stringify(report.blocks)).toMatch(/\d{2}:\d{2} \(UTC\+5:30\)/);
    // Null goes back to the device's zone.
    expect((await callOk(backend, 'engagements.update', { id: created.id, timeZone: null })).timeZone).toBeNull();
    expect((await callOk(backend, 'engagements.get', { id: created.id })).timeZone).toBeNull();
  });

  it('refuses an end date before the start date, also when only one date changes', async () => {
    const { backend } = await startBackend();
    const customer = await makeCustomer(backend);
    const base = { customerId: customer.id, title: 'T', scenarios: [ICS] };
    const error = await callFail(backend, 'engagements.create', { ...base, startDate: '2025-05-10', endDate: '2025-05-09' });
    expect(error.code).toBe('bad_request');
    expect(issuesOf(error)).toEqual([{ path: 'endDate', message: 'must be on or after the start date' }]);

    const created = await callOk(backend, 'engagements.create', { ...base, startDate: '2025-05-10', endDate: '2025-05-20' });
    const endOnly = await callFail(backend, 'engagements.update', { id: created.id, endDate: '2025-05-01' });
    expect(issuesOf(endOnly)).toEqual([{ path: 'endDate', message: 'must be on or after the start date' }]);
    expect(endOnly.message).toBe('endDate: must be on or after the start date.');
    const startOnly = await callFail(backend, 'engagements.update', { id: created.id, startDate: '2025-06-01' });
    expect(issuesOf(startOnly)).toEqual([{ path: 'startDate', message: 'must be on or before the end date' }]);
    expect(await callOk(backend, 'engagements.get', { id: created.id })).toEqual(created);

    const notADay = await callFail(backend, 'engagements.create', { ...base, startDate: '2025-02-30' });
    expect(issuesOf(notADay)).toEqual([{ path: 'startDate', message: 'is not a real calendar date' }]);
    expect((await callFail(backend, 'engagements.create', { ...base, endDate: '1/2/2025' })).issues?.[0]?.path).toBe('endDate');
  });

  it('refuses unknown customers and scenarios, naming the field', async () => {
    const { backend } = await startBackend();
    const customer = await makeCustomer(backend);
    const noCustomer = await callFail(backend, 'engagements.create', { customerId: 'ghost', title: 'T', scenarios: [ICS] });
    expect(noCustomer).toMatchObject({ code: 'bad_request', issues: [{ path: 'customerId', message: 'names a customer that does not exist' }] });
    expect(noCustomer.message).toBe('customerId: names a customer that does not exist.');

    const noScenario = await callFail(backend, 'engagements.create', { customerId: customer.id, title: 'T', scenarios: [ICS, 'teleportation'] });
    expect(noScenario).toMatchObject({ code: 'bad_request', issues: [{ path: 'scenarios.1', message: 'names a scenario that is not on this device: "teleportation"' }] });
    expect(noScenario.message).toContain('teleportation');

    const created = await callOk(backend, 'engagements.create', { customerId: customer.id, title: 'T', scenarios: [ICS] });
    expect((await callFail(backend, 'engagements.update', { id: created.id, scenarios: ['nope'] })).issues?.[0]?.path).toBe('scenarios.0');
    const none = await callFail(backend, 'engagements.create', { customerId: customer.id, title: 'T', scenarios: [] });
    expect(issuesOf(none)).toEqual([{ path: 'scenarios', message: 'must name at least one scenario' }]);
    expect(issuesOf(await callFail(backend, 'engagements.create', { customerId: customer.id, title: 'T', scenarios: [ICS, ICS] }))).toEqual([
      { path: 'scenarios', message: 'lists the same entry twice' },
    ]);
    const nine = Array.from({ length: 9 }, () => ICS);
    expect((await callFail(backend, 'engagements.create', { customerId: customer.id, title: 'T', scenarios: nine })).issues?.[0]?.message).toBe(
      'has too many entries; at most 8',
    );
    expect((await callFail(backend, 'engagements.get', { id: 'missing-engagement' })).message).toContain('missing-engagement');
    expect((await callFail(backend, 'engagements.update', { id: 'missing-engagement', title: 'x' })).code).toBe('not_found');
    expect(await callOk(backend, 'engagements.list', {})).toHaveLength(1);
  });

  it('explains invalid engagement arguments field by field', async () => {
    const { backend } = await startBackend();
    const customer = await makeCustomer(backend);
    const error = await callFail(backend, 'engagements.create', {
      customerId: customer.id,
      title: '',
      scenarios: [ICS],
      stage: 'dreaming',
      team: [{ name: '', role: 'x' }],
    });
    const paths = (error.issues ?? []).map((i) => i.path).sort();
    expect(paths).toEqual(['stage', 'team.0.name', 'title']);
    const bigTeam = Array.from({ length: 31 }, (_, i) => ({ name: `P${i}`, role: '' }));
    expect(issuesOf(await callFail(backend, 'engagements.create', { customerId: customer.id, title: 'T', scenarios: [ICS], team: bigTeam }))[0]).toEqual({
      path: 'team',
      message: 'has too many entries; at most 30',
    });
    expect((await callFail(backend, 'engagements.list', { stage: 'later' })).issues?.[0]?.path).toBe('stage');
  });

  it('lists engagements most recently changed first, filtered by customer, stage and text', async () => {
    const { backend } = await startBackend();
    const harbour = await makeCustomer(backend);
    const grid = await makeCustomer(backend, '华北电网');
    const voicebot = await callOk(backend, 'engagements.create', { customerId: harbour.id, title: 'Voicebot POC', scenarios: [ICS], stage: 'poc' });
    const energy = await callOk(backend, 'engagements.create', { customerId: grid.id, title: '基站节能试点', scenarios: [BSE], startDate: '2025-01-02' });
    const agent = await callOk(backend, 'engagements.create', { customerId: harbour.id, title: 'Agent assist', scenarios: [ICS] });

    const titles = async (filter: Parameters<typeof listOf>[1]) => (await listOf(backend, filter)).map((e) => e.title);
    expect(await titles({})).toEqual(['Agent assist', '基站节能试点', 'Voicebot POC']);
    // Timestamps have millisecond resolution: let the clock move so the update sorts after the inserts.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await callOk(backend, 'engagements.update', { id: voicebot.id, title: 'Voicebot pilot' });
    expect(await titles({})).toEqual(['Voicebot pilot', 'Agent assist', '基站节能试点']);

    expect(await titles({ customerId: harbour.id })).toEqual(['Voicebot pilot', 'Agent assist']);
    expect(await titles({ stage: 'poc' })).toEqual(['Voicebot pilot']);
    expect(await titles({ stage: 'discovery', customerId: harbour.id })).toEqual(['Agent assist']);
    expect(await titles({ query: 'VOICE' })).toEqual(['Voicebot pilot']);
    expect(await titles({ query: '节能' })).toEqual(['基站节能试点']);
    // The customer's name matches too.
    expect(await titles({ query: '电网' })).toEqual(['基站节能试点']);
    expect(await titles({ query: 'harbour' })).toEqual(['Voicebot pilot', 'Agent assist']);

    const [first] = await listOf(backend, { query: '节能' });
    expect(first).toEqual({
      id: energy.id,
      title: '基站节能试点',
      customerId: grid.id,
      customerName: '华北电网',
      stage: 'discovery',
      scenarios: [BSE],
      startDate: '2025-01-02',
      endDate: null,
      updatedAt: energy.updatedAt,
    });

    await callOk(backend, 'engagements.remove', { id: agent.id });
    expect(await titles({ customerId: harbour.id })).toEqual(['Voicebot pilot']);
    expect((await callFail(backend, 'engagements.get', { id: agent.id })).code).toBe('not_found');
  });

  it('keeps what was saved across a restart of the backend', async () => {
    const first = await startBackend();
    const customer = await makeCustomer(first.backend);
    const engagement = await callOk(first.backend, 'engagements.create', { customerId: customer.id, title: 'Durable', scenarios: [ICS], stage: 'delivery' });
    first.backend.close();
    const second = await startBackend({ dataDir: first.dataDir });
    expect(await callOk(second.backend, 'engagements.get', { id: engagement.id })).toEqual(engagement);
    expect(await callOk(second.backend, 'customers.get', { id: customer.id })).toEqual(customer);
  });
});

function listOf(backend: Backend, filter: { customerId?: string; stage?: 'discovery' | 'poc'; query?: string }) {
  return callOk(backend, 'engagements.list', filter);
}
