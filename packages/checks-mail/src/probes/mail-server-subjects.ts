import { type PlanContext, ProbeFailure, type Subject } from '@pastoe/core';
import { mailServers } from '../parsers/mail-servers.js';
import { mxDeclaration } from './mx.declaration.js';

/**
 * The mail servers a per-MX probe runs on: the MX hosts when the domain has real ones (spec §3.1:
 * at most ten, sorted by name), none for no MX or a Null MX.
 *
 * @throws ProbeFailure `dependency` when the MX lookup failed: the mail servers are unknown
 */
export async function mailServerSubjects(context: PlanContext): Promise<Subject[]> {
  const mx = await context.evidence(mxDeclaration);
  if (!mx.ok) throw new ProbeFailure('dependency', `the mail servers are unknown: ${mx.error.message}`);
  const servers = mailServers(mx.data);
  return servers.situation === 'has-mx' ? servers.hosts.map((name) => ({ name, role: 'mx' })) : [];
}
