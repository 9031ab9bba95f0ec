import { describe, expect, it } from 'vitest';
import { endpoints } from '../../shared/protocol/http';
import { apiRequest, buildPath } from './api-client';
import { AppError } from './app-error';

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

describe('apiRequest', () => {
  it('parses a successful response with the shared schema', async () => {
    const detail = await apiRequest(endpoints.conversation, { params: { contactId: 'c-1' } });
    expect(detail.contact.reference).toBe('TGP-0001');
    expect(detail.script?.steps).toHaveLength(3);
  });

  it('sends the body and keeps the session for later reads', async () => {
    const { user } = await apiRequest(endpoints.login, {
      body: { username: 'agent1', password: 'demo1234' },
    });
    expect(user.username).toBe('agent1');
    const me = await apiRequest(endpoints.me);
    expect(me.user.id).toBe(user.id);
  });

  it('maps a 401 error body to its code and message', async () => {
    const error = await failure(
      apiRequest(endpoints.login, { body: { username: 'agent1', password: 'wrong' } }),
    );
    expect(error).toMatchObject({
      code: 'unauthenticated',
      status: 401,
      message: 'invalid credentials',
    });
  });

  it('maps 429 to rate_limited', async () => {
    const error = await failure(
      apiRequest(endpoints.login, { body: { username: 'flood', password: 'x' } }),
    );
    expect(error.code).toBe('rate_limited');
    expect(error.status).toBe(429);
  });

  it('maps a network failure to network', async () => {
    const error = await failure(
      apiRequest(endpoints.login, { body: { username: 'offline', password: 'x' } }),
    );
    expect(error.code).toBe('network');
    expect(error.status).toBeUndefined();
  });

  it('maps a 500 without a JSON body by its status', async () => {
    const error = await failure(
      apiRequest(endpoints.conversation, { params: { contactId: 'explode' } }),
    );
    expect(error).toMatchObject({ code: 'internal', status: 500 });
  });

  it('maps a 404 error body', async () => {
    const error = await failure(
      apiRequest(endpoints.conversation, { params: { contactId: 'nope' } }),
    );
    expect(error).toMatchObject({ code: 'not_found', message: 'no such contact' });
  });

  it('rejects a response that breaks the contract as bad_response', async () => {
    const error = await failure(
      apiRequest(endpoints.conversation, { params: { contactId: 'malformed' } }),
    );
    expect(error.code).toBe('bad_response');
  });

  it('refuses to send a body that breaks the contract, naming the field', async () => {
    const error = await failure(
      apiRequest(endpoints.login, { body: { username: '  ', password: 'x' } }),
    );
    expect(error.code).toBe('invalid_payload');
    expect(error.fields?.[0]?.path).toBe('username');
  });
});

describe('buildPath', () => {
  it('fills and encodes path params', () => {
    expect(buildPath('/api/contacts/:contactId', { contactId: 'a/b' })).toBe('/api/contacts/a%2Fb');
  });

  it('throws on a missing param', () => {
    expect(() => buildPath('/api/contacts/:contactId')).toThrow(AppError);
  });
});
