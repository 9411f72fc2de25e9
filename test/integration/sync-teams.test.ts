import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentJson, paragraph, textNode } from '../../core/richtext/build';
import { formatTimestamp } from '../../core/sync/hlc';
import { PROTOCOL_VERSION } from '../../core/sync/protocol';
import { callFail, callOk, said, startBackend, type TestBackend } from '../helpers/backend';
import { picturePng } from '../helpers/png';
import { api, enrolDevice, startServer, TEST_PASSWORD, type TestServer } from '../helpers/server';

/**
 * Account teams: a customer shared with a team reaches every member's devices with everything
 * under it, members change it both ways, and others never see it; the sharer's other devices
 * follow the move; a member who leaves keeps syncing the rest, the team's changes staying on the
 * device; a move announced anywhere but the sharer's own space is refused.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ db: 'sqlite' });
  for (const name of ['ann', 'bob', 'cat']) server.addUser(name, 'consultant');
  const run = (args: string[]) => {
    const r = server.admin(args);
    if (r.code !== 0) throw new Error(`admin ${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };
  run(['team', 'add', 'north', '--name', 'North accounts']);
  run(['team', 'member', 'add', 'north', 'ann']);
  run(['team', 'member', 'add', 'north', 'bob']);
}, 120_000);
afterAll(async () => {
  await server.dispose();
});

async function device(user: string): Promise<TestBackend> {
  const t = await startBackend({ sync: {} });
  await callOk(t.backend, 'sync.enrol', { serverUrl: server.url, username: user, password: TEST_PASSWORD, deviceName: `${user}'s laptop` });
  return t;
}

const body = (text: string) => documentJson([paragraph([textNode(text)])]);

describe('account teams', () => {
  it('the admin CLI manages teams and says what is wrong', () => {
    expect(server.admin(['team', 'add', 'Bad Id', '--name', 'x']).code).toBe(2);
    expect(server.admin(['team', 'add', 'north', '--name', 'Again']).stderr).toContain('exists already');
    expect(server.admin(['team', 'member', 'add', 'north', 'nobody']).stderr).toContain('no user nobody');
    expect(server.admin(['team', 'member', 'add', 'south', 'ann']).stderr).toContain('no team south');
    expect(server.admin(['team', 'list']).stdout).toMatch(/north\tNorth accounts\tann, bob/);
    expect(server.admin(['audit']).stdout).toContain('team_member_added');
  });

  it('shares a customer with everything under it, both ways, and with nobody else', async () => {
    const annLaptop = await device('ann');
    const annTablet = await device('ann');
    const bob = await device('bob');
    const cat = await device('cat');

    const customer = await callOk(annLaptop.backend, 'customers.create', { name: '华北移动 North Mobile', kind: 'enterprise', contacts: [{ name: 'Li Wei', role: 'CTO', email: 'li@example.com', phone: '' }] });
    const engagement = await callOk(annLaptop.backend, 'engagements.create', { customerId: customer.id, title: 'Fault prediction pilot', scenarios: ['intelligent-customer-service'] });
    const note = await callOk(annLaptop.backend, 'notes.create', { engagementId: engagement.id, title: 'Machine room visit', bodyJson: body('Alarm storms every night.') });
    const photo = picturePng(400, 300);
    await callOk(annLaptop.backend, 'attachments.add', { ownerTable: 'field_notes', ownerId: note.id, name: 'rack.png', mime: 'image/png', data: photo });
    const privateNote = await callOk(annLaptop.backend, 'notes.create', { title: 'My own reminder', bodyJson: body('Call home.') });

    // Before any sync the device does not know its teams; after one, it does.
    expect((await callOk(annLaptop.backend, 'sync.sharing', { customerId: customer.id })).teams).toEqual([]);
    await callOk(annLaptop.backend, 'sync.now', {});
    await callOk(annTablet.backend, 'sync.now', {});
    const before = await callOk(annLaptop.backend, 'sync.sharing', { customerId: customer.id });
    expect(before).toEqual({ space: 'private', team: null, teams: [{ id: 'north', name: 'North accounts' }] });
    expect((await callOk(annLaptop.backend, 'sync.status', {})).account?.teams).toEqual([{ id: 'north', name: 'North accounts' }]);

    // Not a team of Ann's: refused, naming it.
    expect((await callFail(annLaptop.backend, 'sync.share', { customerId: customer.id, teamId: 'south' })).code).toBe('conflict');
    const shared = await callOk(annLaptop.backend, 'sync.share', { customerId: customer.id, teamId: 'north' });
    expect(shared.moved).toBeGreaterThanOrEqual(6); // customer, contact, engagement, note, file, link
    expect((await callOk(annLaptop.backend, 'sync.share', { customerId: customer.id, teamId: 'north' })).moved).toBe(0);
    await callOk(annLaptop.backend, 'sync.now', {});

    // Bob, a member, gets the customer and everything under it, the photo too; not Ann's own note.
    await callOk(bob.backend, 'sync.now', {});
    expect((await callOk(bob.backend, 'customers.get', { id: customer.id })).contacts.map((c) => c.name)).toEqual(['Li Wei']);
    expect((await callOk(bob.backend, 'engagements.get', { id: engagement.id })).title).toBe('Fault prediction pilot');
    expect((await callOk(bob.backend, 'notes.get', { id: note.id })).title).toBe('Machine room visit');
    const [link] = await callOk(bob.backend, 'attachments.list', { ownerTable: 'field_notes', ownerId: note.id });
    expect(Buffer.from(bob.backend.readBlob(link?.sha256 ?? '')?.data ?? []).equals(photo)).toBe(true);
    expect((await callFail(bob.backend, 'notes.get', { id: privateNote.id })).code).toBe('not_found');
    expect((await callOk(bob.backend, 'sync.sharing', { customerId: customer.id })).team?.id).toBe('north');

    // Bob adds a risk and edits the engagement; Ann's laptop and tablet get both.
    const risk = await callOk(bob.backend, 'risks.create', { engagementId: engagement.id, title: 'Alarm data lacks labels', category: 'data', likelihood: 4, impact: 3 });
    await callOk(bob.backend, 'engagements.update', { id: engagement.id, title: 'Fault prediction pilot (phase 1)' });
    await callOk(bob.backend, 'sync.now', {});
    for (const ann of [annLaptop, annTablet]) {
      const run = await callOk(ann.backend, 'sync.now', {});
      expect(run.refused).toBe(0);
      expect((await callOk(ann.backend, 'engagements.get', { id: engagement.id })).title).toBe('Fault prediction pilot (phase 1)');
      expect((await callOk(ann.backend, 'risks.list', { engagementId: engagement.id })).map((r) => r.id)).toContain(risk.id);
    }
    // Ann's tablet followed the move: its edits go to the team.
    expect((await callOk(annTablet.backend, 'sync.sharing', { customerId: customer.id })).space).toBe('team');
    await callOk(annTablet.backend, 'notes.save', { id: note.id, title: 'Machine room visit (night shift)' });
    await callOk(annTablet.backend, 'sync.now', {});
    await callOk(bob.backend, 'sync.now', {});
    expect((await callOk(bob.backend, 'notes.get', { id: note.id })).title).toBe('Machine room visit (night shift)');

    // Cat is not in the team: nothing of it reaches her, and the server refuses her the space.
    await callOk(cat.backend, 'sync.now', {});
    expect((await callFail(cat.backend, 'customers.get', { id: customer.id })).code).toBe('not_found');
    const catToken = await enrolDevice(server.url, 'cat');
    expect((await api(server.url, '/api/v1/spaces/team:north/buckets', { token: catToken.token })).status).toBe(403);

    // Bob leaves the team: his sync goes on; his later change to the team stays on his device.
    expect(server.admin(['team', 'member', 'remove', 'north', 'bob']).code).toBe(0);
    await callOk(bob.backend, 'notes.save', { id: note.id, title: 'Bob was here' });
    const mine = await callOk(bob.backend, 'notes.create', { title: 'Still syncing', bodyJson: body('Mine.') });
    const after = await callOk(bob.backend, 'sync.now', {});
    expect(after.status).toBe('done');
    const items = await callOk(bob.backend, 'sync.runItems', { runId: after.id });
    expect(items.find((i) => i.row === 'team:north')?.status).toBe('waiting');
    expect(items.find((i) => i.row === 'team:north')?.label).toBe('North accounts');
    expect(said(items.find((i) => i.row === 'team:north')?.detail, 'zh')).toContain('保留在本设备上');
    // Named as Bob knew the team, though the server no longer tells him of it.
    expect(said(items.find((i) => i.row === 'team:north')?.detail)).toContain('the team “North accounts”');
    expect((await callOk(bob.backend, 'sync.status', {})).account?.teams).toEqual([]);
    const bobTablet = await device('bob');
    await callOk(bobTablet.backend, 'sync.now', {});
    expect((await callOk(bobTablet.backend, 'notes.get', { id: mine.id })).title).toBe('Still syncing');
    await callOk(annLaptop.backend, 'sync.now', {});
    expect((await callOk(annLaptop.backend, 'notes.get', { id: note.id })).title).toBe('Machine room visit (night shift)');

    for (const t of [annLaptop, annTablet, bob, cat, bobTablet]) t.backend.close();
  });

  it('refuses a move announced anywhere but the sharer’s own space', async () => {
    server.admin(['team', 'member', 'add', 'north', 'bob']);
    const ann = await device('ann');
    await callOk(ann.backend, 'sync.now', {});
    const customer = await callOk(ann.backend, 'customers.create', { name: 'Target Co', kind: 'enterprise' });
    await callOk(ann.backend, 'sync.share', { customerId: customer.id, teamId: 'north' });
    await callOk(ann.backend, 'sync.now', {});
    // Bob (a member) announces in the team space that the customer moves to another team.
    const bob = await enrolDevice(server.url, 'bob');
    const message = { timestamp: formatTimestamp(Date.now(), 0, 'b0b0b0b0b0b0b0b1'), space: 'team:north', dataset: 'customers', row: customer.id, values: { sync_space: 'team:south' } };
    const r = await api(server.url, '/api/v1/sync', { token: bob.token, body: { protocol: PROTOCOL_VERSION, schema: 4, clientTime: new Date().toISOString(), messages: [message], spaces: {} } });
    expect(r.status).toBe(200);
    const run = await callOk(ann.backend, 'sync.now', {});
    expect(run.refused).toBe(1);
    const items = await callOk(ann.backend, 'sync.runItems', { runId: run.id });
    expect(said(items.find((i) => i.status === 'refused')?.detail)).toContain('personal space');
    expect((await callOk(ann.backend, 'sync.sharing', { customerId: customer.id })).team?.id).toBe('north');
    ann.backend.close();
  });
});
