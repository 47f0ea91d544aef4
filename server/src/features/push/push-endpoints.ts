import dns from 'node:dns';
import net from 'node:net';
import type { LookupFunction } from 'node:net';
import { AppError } from '../../lib/errors.ts';

/**
 * Addresses a push message must never go to: loopback, private (RFC 1918,
 * unique-local), link-local, carrier-grade NAT, benchmarking, multicast,
 * reserved and unspecified ranges, in IPv4 and IPv6 (and IPv4 mapped in IPv6).
 */
const blocked = new net.BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 3],
] as const) blocked.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['64:ff9b::', 96], ['2001:db8::', 32]] as const) blocked.addSubnet(network, prefix, 'ipv6');

export function isPrivateAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 0) return false;
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return blocked.check(mapped[1]!, 'ipv4');
    return blocked.check(address, 'ipv6');
  }
  return blocked.check(address, 'ipv4');
}

/** Whether `hostname` is one of `patterns` (`*.example.com` matches any subdomain of example.com, not itself). */
export function hostAllowed(hostname: string, patterns: readonly string[]): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return patterns.some((p) => (p.startsWith('*.') ? host.endsWith(p.slice(1)) && host.length > p.length - 1 : host === p));
}

/**
 * A subscription's endpoint: https, no credentials, a host on the configured
 * list of push services, and never a literal private address (unless the
 * tests' local push service asks for it).
 */
export function checkPushEndpoint(endpoint: string, hosts: readonly string[], allowPrivate = false): void {
  if (!URL.canParse(endpoint)) throw new AppError('validation_failed', 400, 'endpoint must be a URL');
  const url = new URL(endpoint);
  // Push services are https (web-push speaks nothing else); credentials in the URL are never a push endpoint.
  if (url.protocol !== 'https:' || url.username || url.password) throw new AppError('validation_failed', 400, 'endpoint must be an https URL');
  const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if ((!allowPrivate && (isPrivateAddress(hostname) || hostname === 'localhost' || hostname.endsWith('.localhost'))) || !hostAllowed(hostname, hosts)) {
    throw new AppError('push_endpoint_not_allowed', 400, 'endpoint must be on a known push service (KUMIAI_PUSH_HOSTS)');
  }
}

/**
 * A DNS lookup for the push sender's connections that refuses private
 * addresses: checked on the very address the socket connects to, so a push
 * host whose name later resolves to 127.0.0.1 (DNS rebinding) gets nothing.
 */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '', 4);
    const list = addresses;
    const bad = list.find((a) => isPrivateAddress(a.address));
    if (bad || list.length === 0) {
      const refused = Object.assign(new Error(`push service ${hostname} resolves to a private address`), { code: 'EPUSHPRIVATE' }) as NodeJS.ErrnoException;
      return callback(refused, '', 4);
    }
    // Node's connect asks for every address (`all`) when it tries several families; older callers for one.
    if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
    callback(null, list[0]!.address, list[0]!.family);
  });
};
