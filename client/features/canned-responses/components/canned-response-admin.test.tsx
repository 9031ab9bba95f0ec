import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { CannedResponseAdmin } from './canned-response-admin';

describe('CannedResponseAdmin', { timeout: 20_000 }, () => {
  it('lists the responses with their variables, and writes a new one, naming a field the server refuses', async () => {
    const user = userEvent.setup();
    renderWithProviders(<CannedResponseAdmin />);
    const closing = await screen.findByTestId('canned-row-penutup');
    expect(closing.textContent).toContain('{caller.name} {reference}');

    await user.click(screen.getByTestId('canned-add'));
    const form = await screen.findByTestId('canned-form');
    await user.type(within(form).getByTestId('canned-form-code'), 'x');
    await user.type(within(form).getByTestId('canned-form-title'), 'Salam pagi');
    await user.type(within(form).getByTestId('canned-form-text'), 'Selamat pagi, {{caller.name}.');
    expect(form.textContent).toContain('Isian: {caller.name}');
    await user.click(within(form).getByTestId('canned-form-save'));
    expect(await within(form).findByText('use 2 to 32 letters, digits or dashes')).toBeTruthy();

    // Taken by an active response: the server says so on the field.
    await user.clear(within(form).getByTestId('canned-form-code'));
    await user.type(within(form).getByTestId('canned-form-code'), 'salam');
    await user.click(within(form).getByTestId('canned-form-save'));
    expect(await within(form).findByText('already used by an active response')).toBeTruthy();

    await user.clear(within(form).getByTestId('canned-form-code'));
    await user.type(within(form).getByTestId('canned-form-code'), 'Salam-Pagi');
    await user.click(within(form).getByTestId('canned-form-save'));
    expect(await screen.findByText('Templat /salam-pagi tersimpan.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByTestId('canned-form')).toBeNull());
  });
});
