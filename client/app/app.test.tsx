import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { connectSocket, disconnectSocket } from '../lib/socket';
import { useLiveStore } from '../stores/live-store';
import { renderWithProviders } from '../testing/render';
import { App } from './app';

vi.mock('../lib/socket', () => ({
  connectSocket: vi.fn(),
  disconnectSocket: vi.fn(),
  subscribeToFacts: vi.fn(() => () => undefined),
  subscribeToConnection: vi.fn(() => () => undefined),
  sendCommand: vi.fn(() => new Promise(() => undefined)),
}));

/** Screens load on demand: the first render of one waits for its code, slow on a busy machine. */
function findScreen(testId: string) {
  return screen.findByTestId(testId, {}, { timeout: 15_000 });
}

async function signInAs(username: string) {
  const user = userEvent.setup();
  renderWithProviders(<App />);
  await user.type(await screen.findByLabelText(/Nama pengguna/), username);
  await user.type(screen.getByLabelText(/Kata sandi/), 'demo1234');
  await user.click(screen.getByRole('button', { name: 'Masuk' }));
  return user;
}

beforeEach(() => {
  vi.mocked(connectSocket).mockClear();
  vi.mocked(disconnectSocket).mockClear();
  useLiveStore.getState().reset();
});

describe('App', () => {
  it('opens the agent desk for an agent, with the socket connected after login', async () => {
    await signInAs('agent1');
    expect(await findScreen('status-available')).toBeTruthy();
    expect(screen.getByTestId('current-user').textContent).toBe('Sari Agen');
    expect(connectSocket).toHaveBeenCalled();
  });

  it('opens the lead console for a lead, with recent outcomes', async () => {
    await signInAs('lead1');
    expect(await findScreen('recent-outcomes')).toBeTruthy();
    expect(screen.getByTestId('console-switch')).toBeTruthy();
  });

  it('opens the lead console for an admin too', async () => {
    await signInAs('admin');
    expect(await findScreen('recent-outcomes')).toBeTruthy();
  });

  it('opens the trainer console for a trainer', async () => {
    await signInAs('trainer1');
    expect(await findScreen('trainee-row-u-trainee1')).toBeTruthy();
  });

  it('gives a trainer the script editor beside the trainer console', async () => {
    const user = await signInAs('trainer1');
    await findScreen('trainee-row-u-trainee1');
    await user.click(screen.getByText('Naskah'));
    expect(await findScreen('script-list')).toBeTruthy();
    expect(screen.getByTestId('script-new')).toBeTruthy();
  });

  it('gives a lead the scripts to read', async () => {
    const user = await signInAs('lead1');
    await findScreen('recent-outcomes');
    await user.click(screen.getByText('Naskah'));
    expect(await findScreen('script-list')).toBeTruthy();
    expect(screen.queryByTestId('script-new')).toBeNull();
  });

  it('signs out back to the login and closes the socket', async () => {
    const user = await signInAs('agent1');
    await user.click(await findScreen('sign-out'));
    expect(await screen.findByRole('button', { name: 'Masuk' })).toBeTruthy();
    expect(disconnectSocket).toHaveBeenCalled();
  });
});
