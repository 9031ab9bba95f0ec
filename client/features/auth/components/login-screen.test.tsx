import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { authKeys } from '../api/auth-queries';
import { LoginScreen } from './login-screen';

async function signIn(username: string, password: string) {
  const user = userEvent.setup();
  const view = renderWithProviders(<LoginScreen />);
  if (username) await user.type(screen.getByLabelText(/Nama pengguna/), username);
  if (password) await user.type(screen.getByLabelText(/Kata sandi/), password);
  await user.click(screen.getByRole('button', { name: 'Masuk' }));
  return view;
}

describe('LoginScreen', () => {
  it('says the credentials are wrong on 401', async () => {
    await signIn('agent1', 'salah');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Nama pengguna atau kata sandi salah');
  });

  it('says to wait when rate limited (429)', async () => {
    await signIn('flood', 'apa saja');
    expect((await screen.findByRole('alert')).textContent).toContain('Terlalu banyak percobaan');
  });

  it('says the server cannot be reached on a network failure', async () => {
    await signIn('offline', 'apa saja');
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Server tidak dapat dihubungi',
    );
  });

  it('asks for both fields before sending anything', async () => {
    await signIn('', '');
    expect(screen.getByText('Isi nama pengguna.')).toBeTruthy();
    expect(screen.getByText('Isi kata sandi.')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('stores the signed-in user on success', async () => {
    const { queryClient } = await signIn('agent1', 'demo1234');
    await waitFor(() =>
      expect(queryClient.getQueryData(authKeys.me())).toMatchObject({ username: 'agent1' }),
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
