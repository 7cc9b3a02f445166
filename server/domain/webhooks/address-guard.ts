/**
 * The SSRF guard (DESIGN.md §5): a webhook URL is http(s), and every address
 * its host resolves to must be a public unicast one. Checked when a
 * subscription is saved and again at every delivery (DNS can change), and
 * the delivery connects to the very address checked here, so a DNS rebinding
 * between check and connect cannot switch it. `allowPrivate`
 * (WEBHOOK_ALLOW_PRIVATE=1) lets an operator send to their own network.
 *
 * Our own parser rather than net.BlockList: BlockList matches IPv4 rules
 * against IPv4-mapped IPv6 addresses and the other way round, and we want
 * each refusal to say which range it hit.
 *
 * @example const target = await resolveTarget(new URL(hook.url), { allowPrivate: false })
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';

/** Why an address is refused: the name of the range it is in. */
export type AddressRange =
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'carrier-grade NAT'
  | 'link-local'
  | 'multicast'
  | 'reserved'
  | 'documentation'
  | 'benchmarking'
  | 'IPv4-mapped'
  | 'IPv4-compatible'
  | 'unique local'
  | 'site-local'
  | 'Teredo';

type Cidr = readonly [bytes: readonly number[], bits: number, range: AddressRange];

/** IANA special-purpose IPv4 ranges (RFC 6890 and successors) that a webhook must not reach. */
const IPV4: readonly Cidr[] = [
  [[0, 0, 0, 0], 8, 'unspecified'],
  [[10, 0, 0, 0], 8, 'private'],
  [[100, 64, 0, 0], 10, 'carrier-grade NAT'],
  [[127, 0, 0, 0], 8, 'loopback'],
  [[169, 254, 0, 0], 16, 'link-local'],
  [[172, 16, 0, 0], 12, 'private'],
  [[192, 0, 0, 0], 24, 'reserved'],
  [[192, 0, 2, 0], 24, 'documentation'],
  [[192, 88, 99, 0], 24, 'reserved'],
  [[192, 168, 0, 0], 16, 'private'],
  [[198, 18, 0, 0], 15, 'benchmarking'],
  [[198, 51, 100, 0], 24, 'documentation'],
  [[203, 0, 113, 0], 24, 'documentation'],
  [[224, 0, 0, 0], 4, 'multicast'],
  // 240/4 includes the broadcast address 255.255.255.255.
  [[240, 0, 0, 0], 4, 'reserved'],
];

const v6 = (...words: number[]): number[] => words.flatMap((w) => [w >> 8, w & 0xff]).concat(Array(16 - words.length * 2).fill(0));

/** The IPv6 ranges, most specific first (`::/96` would otherwise swallow `::1`). */
const IPV6: readonly Cidr[] = [
  [v6(), 128, 'unspecified'],
  [v6(0, 0, 0, 0, 0, 0, 0, 1), 128, 'loopback'],
  [v6(0, 0, 0, 0, 0, 0xffff), 96, 'IPv4-mapped'],
  [v6(), 96, 'IPv4-compatible'],
  [v6(0x64, 0xff9b, 1), 48, 'private'],
  [v6(0x100), 64, 'reserved'],
  [v6(0x2001, 0xdb8), 32, 'documentation'],
  [v6(0x2001), 32, 'Teredo'],
  [v6(0x2001), 23, 'reserved'],
  [v6(0xfc00), 7, 'unique local'],
  [v6(0xfe80), 10, 'link-local'],
  [v6(0xfec0), 10, 'site-local'],
  [v6(0xff00), 8, 'multicast'],
];

function inCidr(address: readonly number[], [base, bits]: Cidr): boolean {
  for (let i = 0; i < bits; i += 8) {
    const mask = bits - i >= 8 ? 0xff : (0xff << (8 - (bits - i))) & 0xff;
    if ((address[i / 8] & mask) !== (base[i / 8] & mask)) return false;
  }
  return true;
}

function ipv4Bytes(address: string): number[] {
  return address.split('.').map(Number);
}

/** 16 bytes of a valid IPv6 address (`::` shorthand, a zone id and a trailing dotted quad allowed). */
export function ipv6Bytes(address: string): number[] {
  let text = address.split('%')[0];
  // A trailing dotted quad (`::ffff:1.2.3.4`) becomes its two hex words.
  const dotted = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = ipv4Bytes(dotted[2]);
    text = `${dotted[1]}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const words = (part: string) => (part === '' ? [] : part.split(':').map((w) => Number.parseInt(w, 16)));
  let all = words(text);
  if (text.includes('::')) {
    const [left, right] = text.split('::');
    const l = words(left);
    const r = words(right);
    all = [...l, ...Array<number>(8 - l.length - r.length).fill(0), ...r];
  }
  return all.flatMap((w) => [w >> 8, w & 0xff]);
}

/** The range an IP address is in when a webhook must not reach it; null for a public unicast address. */
export function classifyAddress(address: string): AddressRange | null {
  const family = isIP(address);
  if (family === 4) {
    const bytes = ipv4Bytes(address);
    return IPV4.find((cidr) => inCidr(bytes, cidr))?.[2] ?? null;
  }
  if (family !== 6) return 'reserved';
  const bytes = ipv6Bytes(address);
  const hit = IPV6.find((cidr) => inCidr(bytes, cidr));
  if (hit) return hit[2];
  // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address: it decides.
  if (inCidr(bytes, [v6(0x64, 0xff9b), 96, 'reserved'])) return classifyAddress(bytes.slice(12).join('.'));
  if (inCidr(bytes, [v6(0x2002), 16, 'reserved'])) return classifyAddress(bytes.slice(2, 6).join('.'));
  return null;
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** All addresses of a host name (dns.lookup, so /etc/hosts counts too). Injectable for tests. */
export type LookupAll = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemLookup: LookupAll = async (hostname) => {
  const found = await dnsLookup(hostname, { all: true, verbatim: true });
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

/** A target the guard refused (or could not resolve); `message` says why, without the URL's path or query. */
export class TargetRefused extends Error {
  override readonly name = 'TargetRefused';
}

export interface TargetOptions {
  allowPrivate: boolean;
  lookup?: LookupAll;
}

export interface ResolvedTarget {
  url: URL;
  /** The checked address the request connects to. */
  address: ResolvedAddress;
}

/** Checks the scheme and every address the host resolves to; answers the address to connect to. */
export async function resolveTarget(url: URL, { allowPrivate, lookup = systemLookup }: TargetOptions): Promise<ResolvedTarget> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TargetRefused('only http and https URLs are allowed');
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const literal = isIP(host);
  let addresses: ResolvedAddress[];
  if (literal) addresses = [{ address: host, family: literal === 6 ? 6 : 4 }];
  else {
    try {
      addresses = await lookup(host);
    } catch {
      addresses = [];
    }
  }
  if (addresses.length === 0) throw new TargetRefused(`the host ${host} could not be resolved`);
  if (!allowPrivate) {
    for (const { address } of addresses) {
      const range = classifyAddress(address);
      if (range) {
        const article = /^(unspecified|IPv4)/.test(range) ? 'an' : 'a';
        throw new TargetRefused(`${host === address ? address : `${host} resolves to ${address}`}, ${article} ${range} address (set WEBHOOK_ALLOW_PRIVATE=1 to allow private targets)`);
      }
    }
  }
  return { url, address: addresses[0] };
}
