import { describe, expect, it } from 'vitest';
import { AppError } from '../../domain/app-error.ts';
import { checkPasswordStrength, minPasswordLength, passwordWeakness } from './password-policy.ts';

describe('password policy', () => {
  it('asks for 10 characters unless CHAINLEAD_PASSWORD_MIN_LENGTH says otherwise', () => {
    expect(minPasswordLength({})).toBe(10);
    expect(minPasswordLength({ CHAINLEAD_PASSWORD_MIN_LENGTH: '14' })).toBe(14);
    expect(minPasswordLength({ CHAINLEAD_PASSWORD_MIN_LENGTH: '3' })).toBe(10);
    expect(passwordWeakness('abc-def-g')).toMatch(/at least 10/);
    expect(passwordWeakness('abc-def-gh')).toBeNull();
  });

  it('refuses common passwords, also padded with digits, runs and one repeated character', () => {
    for (const weak of [
      'password123',
      'Password2025!',
      'qwertyuiop',
      'woaini1314',
      '1234567890',
      'aaaaaaaaaaaa',
      'iloveyou!!!',
    ]) {
      expect(passwordWeakness(weak), weak).not.toBeNull();
    }
  });

  it('refuses the username as the password', () => {
    expect(passwordWeakness('zhang.min2026', { username: 'zhang.min' })).not.toBeNull();
    expect(passwordWeakness('Zhang.Min', { username: 'zhang.min', minLength: 8 })).not.toBeNull();
    expect(passwordWeakness('nim.gnahz!!', { username: 'zhang.min' })).not.toBeNull();
    expect(passwordWeakness('zhang-is-a-good-analyst', { username: 'zhang' })).toBeNull();
    expect(
      passwordWeakness('role-chain-leader-password', { username: 'role-chain-leader' }),
    ).toBeNull();
  });

  it('throws PASSWORD_TOO_WEAK naming the field', () => {
    let thrown: unknown;
    try {
      checkPasswordStrength('123456789012', { field: 'newPassword' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({ code: 'PASSWORD_TOO_WEAK', details: { field: 'newPassword' } });
  });
});
