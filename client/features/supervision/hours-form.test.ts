import { describe, expect, it } from 'vitest';
import { aQueueHours } from '../../testing/hours-fixtures';
import { dayText, formFromHours, parseDayText, settingsFromForm } from './hours-form';

const MESSAGES = {
  badDay: 'bad day',
  overlap: (other: string) => `overlaps ${other}`,
  endBeforeStart: 'end before start',
  noOpening: 'no opening',
  messageRequired: 'message required',
};

describe('the business-hours form', () => {
  it('reads a day as people write it: dots or colons, any dash, commas between ranges', () => {
    expect(parseDayText('08.00–12.00, 13:00-16.00')).toEqual([
      { from: '08:00', to: '12:00' },
      { from: '13:00', to: '16:00' },
    ]);
    expect(parseDayText('8.00 - 24.00')).toEqual([{ from: '08:00', to: '24:00' }]);
    expect(parseDayText('  ')).toEqual([]);
    expect(parseDayText('8-16')).toBeUndefined();
    expect(dayText([{ from: '08:00', to: '16:00' }], 'id')).toBe('08.00–16.00');
    expect(dayText([{ from: '08:00', to: '16:00' }], 'en')).toBe('08:00–16:00');
  });

  it('round-trips the stored hours into the PUT body', () => {
    const hours = aQueueHours();
    const result = settingsFromForm(formFromHours(hours, 'id'), MESSAGES);
    const { queueId: _queueId, updatedAt: _updatedAt, updatedBy: _updatedBy, ...settings } = hours;
    expect(result).toEqual({ settings });
  });

  it('puts each refusal on its field, worded by the form', () => {
    const form = formFromHours(aQueueHours(), 'id');
    expect(
      settingsFromForm(
        { ...form, days: { ...form.days, mon: '08.00–12.00, 11.00–13.00', tue: '16.00–08.00' } },
        MESSAGES,
      ),
    ).toEqual({ errors: { mon: 'overlaps 08:00–12:00', tue: 'end before start' } });
    expect(settingsFromForm({ ...form, days: { ...form.days, wed: 'pagi' } }, MESSAGES)).toEqual({
      errors: { wed: 'bad day' },
    });
    const closedWeek = Object.fromEntries(Object.keys(form.days).map((day) => [day, '']));
    expect(
      settingsFromForm({ ...form, days: closedWeek as typeof form.days, message: ' ' }, MESSAGES),
    ).toEqual({ errors: { form: 'no opening', message: 'message required' } });
  });
});
