import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { hostFromInput, originOf, refusalOf, registrationId, registrationPlan, TEAM_HOST_PORTALS, type TeamHost } from './team-hosts';
import { PORTAL_HOSTS } from './catalogue';

const portal = TEAM_HOST_PORTALS[0]!;
const host = (h: string): TeamHost => ({ portal: portal.id as TeamHost['portal'], host: h });

describe('hosts a lead adds', () => {
  test('a typed or pasted host becomes a bare https host name; anything else is refused', () => {
    expect(hostFromInput(' Secretsales-Prod.Mirakl.net ')).toBe('secretsales-prod.mirakl.net');
    expect(hostFromInput('https://merchant.boulanger.com/mmp/shop/order/all?limit=50')).toBe('merchant.boulanger.com');
    for (const bad of [
      'http://merchant.boulanger.com/',
      'https://merchant.boulanger.com:8443/',
      'merchant.boulanger.com/mmp',
      '*.mirakl.net',
      'localhost',
      'javascript:alert(1)',
      '',
      'a b.com',
    ]) {
      expect(hostFromInput(bad), bad).toBeUndefined();
    }
  });

  test('the origin asked for is that one host over https, never a wildcard', () => {
    fc.assert(
      fc.property(fc.domain(), (domain) => {
        const h = hostFromInput(domain);
        if (h === undefined) return;
        expect(originOf(h)).toBe(`https://${h}/*`);
        expect(originOf(h)).not.toContain('*.');
      }),
    );
  });

  test('only a team-host portal takes hosts, and never a built-in portal host', () => {
    expect(refusalOf(portal.id, 'secretsales-prod.mirakl.net')).toBeUndefined();
    expect(refusalOf(portal.id, [...PORTAL_HOSTS][0]!)).toBe('built_in_host');
    expect(refusalOf('no-such-portal', 'secretsales-prod.mirakl.net')).toBe('not_a_team_host_portal');
  });
});

describe('the detector registrations the worker keeps', () => {
  const a = host('secretsales-prod.mirakl.net');
  const b = host('merchant.boulanger.com');

  test('a stored, granted host gets its portal detector on that host only', () => {
    const plan = registrationPlan([a], [originOf(a.host)], []);
    expect(plan).toEqual({
      register: [
        {
          id: registrationId(a),
          matches: ['https://secretsales-prod.mirakl.net/*'],
          js: [`content-scripts/${portal.detector.file}.js`],
          runAt: 'document_idle',
          persistAcrossSessions: true,
        },
      ],
      unregister: [],
    });
  });

  test('a host whose permission was withdrawn, or that was removed, loses its detector; others are left alone', () => {
    const registered = registrationPlan([a, b], [originOf(a.host), originOf(b.host)], []).register;
    expect(registrationPlan([a, b], [originOf(a.host)], [...registered, { id: 'someone-else' }])).toEqual({ register: [], unregister: [registrationId(b)] });
    expect(registrationPlan([b], [originOf(a.host), originOf(b.host)], registered)).toEqual({ register: [], unregister: [registrationId(a)] });
  });

  test('a stored host not granted is never registered; applying a plan twice changes nothing', () => {
    fc.assert(
      fc.property(fc.subarray([a, b]), fc.subarray([originOf(a.host), originOf(b.host)]), (stored, granted) => {
        const first = registrationPlan(stored, granted, []);
        for (const r of first.register) expect(granted).toContain(r.matches[0]);
        expect(registrationPlan(stored, granted, first.register)).toEqual({ register: [], unregister: [] });
      }),
    );
  });
});
