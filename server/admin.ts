import readline from 'node:readline';
import { Writable } from 'node:stream';
import { ROLES, TEAM_ID_PATTERN, type Role } from '../core/sync/spaces';
import { hashPassword, newId } from './auth';
import { ConfigError, openStore, readConfig } from './config';
import type { Sql } from './store/sql';
import { UNPRINTABLE_IN_NAME } from '../core/sync/protocol';
import { addTeam, addUser, audit, AUDIT_ACTIONS, type AuditAction, findTeam, findUserByName, listAudit, listDevices, listTeams, listUsers, revokeDevice, setTeamMember, setUserDisabled, setUserPassword, setUserRole } from './store/store';

/**
 * `npm run server:admin -- <command>`: accounts and devices, against the database the server
 * uses (same environment). Passwords come from FIELDBENCH_PASSWORD or are asked for on stdin, never
 * from the command line (it is visible to other users of the machine).
 */
const USAGE = `usage: npm run server:admin -- <command>
  user add <name> --role <${ROLES.join('|')}> [--display <display name>]
  user disable <name>        user enable <name>        user password <name>
  user role <name> --role <${ROLES.join('|')}>
  user list
  team add <id> --name <name>      team list
  team member add <team id> <user name>      team member remove <team id> <user name>
  device list [--user <name>]
  device revoke <device id>
  audit [--limit <n>] [--action <action>] [--user <name>]`;

class UsageError extends Error {}

const UNPRINTABLE = new RegExp(UNPRINTABLE_IN_NAME.source, 'gu');

/**
 * A field of the CLI's tab-separated output as it may be shown: a control character or a
 * bidirectional override (from a device's name or an article's title, which devices choose)
 * is written as its code, so it can neither rewrite the administrator's terminal nor split a
 * column.
 */
function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
}

function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i === -1) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} needs a value`);
  return value;
}

/**
 * One line from stdin after a prompt on stderr; typed on a terminal, it is not shown. Null when
 * stdin ends first (nothing piped in, or Ctrl+D): the command fails instead of waiting for ever or
 * ending as if it had worked.
 */
function askHidden(prompt: string): Promise<string | null> {
  const terminal = process.stdin.isTTY === true;
  let hidden = false;
  // The terminal echoes what is typed through readline's output: that output drops it.
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!hidden) process.stderr.write(chunk);
      done();
    },
  });
  const rl = readline.createInterface({ input: process.stdin, output, terminal });
  return new Promise((resolve) => {
    let answered = false;
    rl.on('close', () => {
      if (terminal) process.stderr.write('\n');
      if (!answered) resolve(null);
    });
    rl.question(prompt, (answer) => {
      answered = true;
      resolve(answer);
      rl.close();
    });
    hidden = terminal;
  });
}

async function password(): Promise<string> {
  const fromEnv = process.env.FIELDBENCH_PASSWORD;
  if (fromEnv !== undefined) return fromEnv;
  const answer = await askHidden('Password: ');
  if (answer === null) throw new UsageError('no password given: type it when asked, or set FIELDBENCH_PASSWORD');
  // Typed unseen on a terminal: once more, so a typo does not become the password.
  if (process.stdin.isTTY === true && (await askHidden('Password again: ')) !== answer) throw new UsageError('the two passwords differ; nothing was changed');
  return answer;
}

async function checkedPassword(): Promise<string> {
  const value = await password();
  if (value.length < 10) throw new UsageError('the password must have at least 10 characters');
  return value;
}

function roleOption(args: string[]): Role {
  const role = option(args, '--role');
  if (!role || !(ROLES as readonly string[]).includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  return role as Role;
}

async function run(sql: Sql, args: string[]): Promise<string> {
  const [group, command, name] = args;
  if (group === 'user' && command === 'add' && name) {
    const role = roleOption(args);
    if (!/^[A-Za-z0-9._@-]{1,100}$/.test(name)) throw new UsageError('a user name has 1-100 letters, digits, ".", "_", "@" or "-"');
    if (await findUserByName(sql, name)) throw new UsageError(`the user ${name} exists already`);
    const id = newId();
    const passwordHash = await hashPassword(await checkedPassword());
    // Each change is committed with its audit entry, or neither is.
    await sql.transaction(async (tx) => {
      await addUser(tx, { id, name, displayName: option(args, '--display') ?? name, role: role as Role, passwordHash });
      await audit(tx, { userId: id, deviceId: null, action: 'user_added', detail: { role } });
    });
    return `added ${name} (${role})`;
  }
  if (group === 'user' && (command === 'disable' || command === 'enable') && name) {
    const user = await findUserByName(sql, name);
    if (!user) throw new UsageError(`there is no user ${name}`);
    await sql.transaction(async (tx) => {
      if (!(await setUserDisabled(tx, name, command === 'disable'))) throw new UsageError(`there is no user ${name}`);
      await audit(tx, { userId: user.id, deviceId: null, action: command === 'disable' ? 'user_disabled' : 'user_enabled', detail: {} });
    });
    return `${command}d ${name}`;
  }
  if (group === 'user' && command === 'password' && name) {
    const user = await findUserByName(sql, name);
    if (!user) throw new UsageError(`there is no user ${name}`);
    const passwordHash = await hashPassword(await checkedPassword());
    await sql.transaction(async (tx) => {
      await setUserPassword(tx, name, passwordHash);
      await audit(tx, { userId: user.id, deviceId: null, action: 'password_changed', detail: {} });
    });
    return `password of ${name} changed`;
  }
  if (group === 'user' && command === 'role' && name) {
    const role = roleOption(args);
    const user = await findUserByName(sql, name);
    if (!user) throw new UsageError(`there is no user ${name}`);
    if (user.role === role) return `${name} is ${role} already`;
    await sql.transaction(async (tx) => {
      await setUserRole(tx, name, role);
      await audit(tx, { userId: user.id, deviceId: null, action: 'role_changed', detail: { from: user.role, to: role } });
    });
    // Devices learn it at their next sync (GET /me), and act on it from then on.
    return `${name} is now ${role} (was ${user.role}); their devices take it at their next sync`;
  }
  if (group === 'user' && command === 'list') {
    return (await listUsers(sql)).map((u) => `${u.name}\t${u.role}\t${Number(u.disabled) ? 'disabled' : 'enabled'}\t${printable(u.display_name)}`).join('\n');
  }
  if (group === 'team' && command === 'add' && name) {
    const teamName = option(args, '--name')?.trim();
    if (!TEAM_ID_PATTERN.test(name)) throw new UsageError('a team id has 1-64 lowercase letters, digits or "-", starting with a letter or digit (it names the team space: team:<id>)');
    if (!teamName || teamName.length > 200) throw new UsageError('--name must give the team a name of at most 200 characters');
    if (await findTeam(sql, name)) throw new UsageError(`the team ${name} exists already`);
    await sql.transaction(async (tx) => {
      await addTeam(tx, { id: name, name: teamName });
      await audit(tx, { userId: null, deviceId: null, action: 'team_added', detail: { team: name, name: teamName } });
    });
    return `added team ${name} (${teamName})`;
  }
  if (group === 'team' && command === 'list') {
    return (await listTeams(sql)).map((t) => `${t.id}\t${printable(t.name)}\t${t.members || '(no members)'}`).join('\n');
  }
  if (group === 'team' && command === 'member' && (name === 'add' || name === 'remove')) {
    const [, , , teamId, userName] = args;
    if (!teamId || !userName) throw new UsageError(`usage: team member ${name} <team id> <user name>`);
    if (!(await findTeam(sql, teamId))) throw new UsageError(`there is no team ${teamId}`);
    const user = await findUserByName(sql, userName);
    if (!user) throw new UsageError(`there is no user ${userName}`);
    const changed = await sql.transaction(async (tx) => {
      if (!(await setTeamMember(tx, teamId, user.id, name === 'add'))) return false;
      await audit(tx, { userId: user.id, deviceId: null, action: name === 'add' ? 'team_member_added' : 'team_member_removed', detail: { team: teamId } });
      return true;
    });
    if (!changed) return name === 'add' ? `${userName} is in ${teamId} already` : `${userName} is not in ${teamId}`;
    return name === 'add' ? `added ${userName} to ${teamId}` : `removed ${userName} from ${teamId}`;
  }
  if (group === 'device' && command === 'list') {
    const user = option(args, '--user');
    return (await listDevices(sql, user)).map((d) => `${d.id}\t${d.user_name}\t${printable(d.name)}\t${d.revoked_at ? `revoked ${d.revoked_at}` : `last seen ${d.last_seen_at ?? 'never'}`}`).join('\n');
  }
  if (group === 'device' && command === 'revoke' && name) {
    await sql.transaction(async (tx) => {
      const owner = await revokeDevice(tx, name);
      if (owner === null) throw new UsageError(`there is no active device ${name}`);
      await audit(tx, { userId: owner, deviceId: name, action: 'device_revoked', detail: {} });
    });
    return `revoked ${name}`;
  }
  if (group === 'audit') {
    const limit = Number(option(args, '--limit') ?? '50');
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit must be a positive whole number');
    const action = option(args, '--action');
    if (action !== undefined && !isAuditAction(action)) throw new UsageError(`--action must be one of ${AUDIT_ACTIONS.join(', ')}`);
    const userName = option(args, '--user');
    const entries = await listAudit(sql, limit, { ...(action === undefined ? {} : { action }), ...(userName === undefined ? {} : { userName }) });
    return entries.map((a) => `${a.at}\t${a.action}\t${a.user_name ?? a.user_id ?? '-'}\t${a.device_id ?? '-'}\t${printable(a.detail)}`).join('\n');
  }
  throw new UsageError(USAGE);
}

async function main(): Promise<number> {
  const sql = await openStore(readConfig());
  try {
    const out = await run(sql, process.argv.slice(2));
    if (out !== '') console.log(out);
    return 0;
  } finally {
    await sql.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError || error instanceof ConfigError) {
      console.error(`fieldbench admin: ${error.message}`);
      process.exit(2);
    }
    console.error(error);
    process.exit(1);
  },
);
