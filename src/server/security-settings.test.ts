import { describe, expect, it } from 'vitest';
import { DEFAULT_SECURITY_SETTINGS, securitySettingsFromEnv } from './security-settings.ts';

describe('security settings from the environment', () => {
  it('keeps the defaults when nothing is set: no proxy trust, 8 hours idle', () => {
    expect(securitySettingsFromEnv({})).toEqual(DEFAULT_SECURITY_SETTINGS);
    expect(DEFAULT_SECURITY_SETTINGS.idleTimeoutMs).toBe(8 * 3600 * 1000);
  });

  it('reads each documented variable, and names one that does not parse', () => {
    expect(
      securitySettingsFromEnv({
        CHAINLEAD_TRUST_PROXY: '1',
        CHAINLEAD_PUBLIC_URL: 'https://chain.example.gov.cn/app/',
        CHAINLEAD_SECURE_COOKIES: 'always',
        CHAINLEAD_IDLE_TIMEOUT_MINUTES: '30',
      }),
    ).toEqual({
      trustProxy: true,
      publicOrigin: 'https://chain.example.gov.cn',
      alwaysSecureCookies: true,
      idleTimeoutMs: 30 * 60_000,
    });
    expect(() => securitySettingsFromEnv({ CHAINLEAD_IDLE_TIMEOUT_MINUTES: 'soon' })).toThrow(
      /CHAINLEAD_IDLE_TIMEOUT_MINUTES/,
    );
    expect(() => securitySettingsFromEnv({ CHAINLEAD_PUBLIC_URL: 'ftp://x' })).toThrow(
      /CHAINLEAD_PUBLIC_URL/,
    );
  });
});
