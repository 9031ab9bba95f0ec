import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Role } from '../../../shared/schemas/common';
import type { User } from '../../../shared/schemas/user';
import { prepareQuery } from '../../store/compiled-query';
import type { UserTable } from '../../store/schema';
import { AppError } from '../app-error';
import type { ServiceContext } from '../context';

export const SESSION_COOKIE = 'tanggap_session';

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

function sessionId(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function toUser(
  row: Pick<UserTable, 'id' | 'username' | 'display_name' | 'role' | 'is_trainee' | 'team_id'>,
): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    isTrainee: row.is_trainee === 1,
    teamId: row.team_id,
  };
}

// Verified against when the username is unknown, so a wrong name takes as long as a wrong password.
let decoyHash: Promise<string> | undefined;

export class AuthService {
  constructor(private readonly ctx: ServiceContext) {}

  async login(
    username: string,
    password: string,
  ): Promise<{ token: string; user: User; expiresAt: number }> {
    const row = await this.ctx.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', username)
      .executeTakeFirst();
    decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
    const isValid = await verify(row?.password_hash ?? (await decoyHash), password).catch(
      () => false,
    );
    if (!row || !isValid) {
      throw new AppError('unauthenticated', 'Wrong username or password.');
    }
    const token = randomBytes(32).toString('base64url');
    const now = this.ctx.clock.now();
    const expiresAt = now + this.ctx.config.sessionTtlMs;
    await this.ctx.db
      .insertInto('sessions')
      .values({ id: sessionId(token), user_id: row.id, created_at: now, expires_at: expiresAt })
      .execute();
    return { token, user: toUser(row), expiresAt };
  }

  async logout(token: string): Promise<void> {
    await this.ctx.db.deleteFrom('sessions').where('id', '=', sessionId(token)).execute();
  }

  /** The user behind a session cookie, or undefined when missing, unknown or expired. */
  async userForToken(token: string | undefined): Promise<User | undefined> {
    if (!token) return undefined;
    const row = await sessionUser.first(this.ctx.db, { sessionId: sessionId(token) });
    if (!row || row.expires_at <= this.ctx.clock.now()) return undefined;
    return toUser(row);
  }
}

const sessionUser = prepareQuery(['sessionId'], (db, p: { sessionId: string }) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.role',
      'users.is_trainee',
      'users.team_id',
      'sessions.expires_at',
    ])
    .where('sessions.id', '=', p.sessionId),
);

export function hasRole(user: User, roles: readonly Role[]): boolean {
  return roles.includes(user.role);
}
