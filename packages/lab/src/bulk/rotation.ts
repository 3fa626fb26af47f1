/**
 * The lab's bulk domains as data: their names (`d00001.bulk.test` …), the scenarios they copy in
 * a fixed rotation, and the organisation groups they are labelled with.
 */
/** A scenario the bulk domains copy: one lab web scenario and one lab mail scenario under one name. */
export interface LabBulkScenario {
  /** Its id, e.g. `modern`. */
  readonly id: string;
  /** The lab web scenario whose servers, certificates' keys, headers and DNS records a copy gets, e.g. `modern.test`. */
  readonly web: string;
  /** The lab mail scenario whose MX (shared, not copied), SPF, DMARC and DKIM records a copy gets, e.g. `mail-modern.test`. */
  readonly mail: string;
  /** What it shows, in one line. */
  readonly description: string;
}

/** A generated bulk domain of the lab. */
export interface LabBulkDomain {
  /** The domain, e.g. `d00001.bulk.test`. */
  readonly name: string;
  /** The organisation group it is labelled with: `gemeenten`, `provincies`, `waterschappen` or `rijk`. */
  readonly group: string;
  /** The id of the {@link LabBulkScenario} it copies, e.g. `modern`. */
  readonly scenario: string;
}

/** The zone every bulk domain is delegated from. */
export const labBulkParent = 'bulk.test';

/** The most bulk domains a lab serves: the five digits of their names. */
export const labBulkMaximum = 99_999;

/** The scenarios bulk domains copy, in rotation order: domain n copies `labBulkScenarios[(n - 1) % 4]`. */
export const labBulkScenarios: readonly LabBulkScenario[] = Object.freeze([
  {
    id: 'modern',
    web: 'modern.test',
    mail: 'mail-modern.test',
    description:
      'passes nearly everything: modern TLS with DANE, HSTS, security.txt; the hosted MX with STARTTLS and DANE, DKIM, DMARC reject',
  },
  {
    id: 'legacy',
    web: 'legacy.test',
    mail: 'mail-legacy.test',
    description: 'TLS 1.0–1.2 with CBC and RSA key exchange, no HSTS or redirect; an MX with legacy STARTTLS',
  },
  {
    id: 'nostarttls',
    web: 'hsts-missing.test',
    mail: 'mail-nostarttls.test',
    description: 'modern TLS without HSTS; an MX that does not offer STARTTLS',
  },
  {
    id: 'nodmarc',
    web: 'headers-missing.test',
    mail: 'mail-shared-a.test',
    description: 'modern TLS without security headers; on the hosted MX of mail-modern.test, SPF but no DMARC',
  },
]);

/** The organisation groups bulk domains are labelled with, in rotation. */
export const labBulkGroups: readonly string[] = Object.freeze(['gemeenten', 'provincies', 'waterschappen', 'rijk']);

/** The name of bulk domain `n` (1-based): `d00001.bulk.test`. */
export function labBulkName(n: number): string {
  return `d${String(n).padStart(5, '0')}.${labBulkParent}`;
}

/**
 * The number of bulk domain `name` (1 for `d00001.bulk.test`) when it is one of the first `count`,
 * else `undefined`. Case-insensitive; a trailing dot is allowed.
 */
export function labBulkNumber(name: string, count: number): number | undefined {
  const match = /^d(\d{5})\.bulk\.test\.?$/i.exec(name);
  if (match === null) return undefined;
  const n = Number(match[1]);
  return n >= 1 && n <= count ? n : undefined;
}

/** The scenario bulk domain `n` copies. */
export function labBulkScenarioOf(n: number): LabBulkScenario {
  return labBulkScenarios[(n - 1) % labBulkScenarios.length] as LabBulkScenario;
}

/** The first `count` bulk domains, checked: an integer from 0 to {@link labBulkMaximum}. */
export function labBulkDomains(count: number): readonly LabBulkDomain[] {
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > labBulkMaximum) {
    throw new RangeError(`bulk must be an integer from 0 to ${labBulkMaximum}, got ${String(count)}`);
  }
  return Object.freeze(
    Array.from({ length: count }, (_, index) => {
      const n = index + 1;
      // The group moves on every fourth domain as well, so that each group holds every scenario.
      const group = labBulkGroups[(index + Math.floor(index / labBulkScenarios.length)) % labBulkGroups.length] as string;
      return Object.freeze({ name: labBulkName(n), group, scenario: labBulkScenarioOf(n).id });
    }),
  );
}
