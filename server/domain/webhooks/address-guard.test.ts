/** The SSRF guard's address classifier and target check (resolution injected where the real DNS would vary). */
import { describe, expect, it } from 'vitest';
import { classifyAddress, ipv6Bytes, type LookupAll, resolveTarget, TargetRefused } from './address-guard.js';

describe('classifyAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.127.255.255', 'carrier-grade NAT'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.251', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['192.0.2.10', 'documentation'],
    ['198.18.0.1', 'benchmarking'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['::ffff:127.0.0.1', 'IPv4-mapped'],
    ['::ffff:8.8.8.8', 'IPv4-mapped'],
    ['::ffff:7f00:1', 'IPv4-mapped'],
    ['::127.0.0.1', 'IPv4-compatible'],
    ['fc00::1', 'unique local'],
    ['fd12:3456:789a::1', 'unique local'],
    ['fe80::1%eth0', 'link-local'],
    ['febf::1', 'link-local'],
    ['fec0::1', 'site-local'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'documentation'],
    ['2001:0:4136:e378::1', 'Teredo'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['64:ff9b::7f00:1', 'loopback'],
    ['2002:a9fe:a9fe::1', 'link-local'],
    ['not an address', 'reserved'],
  ])('%s is %s', (address, range) => {
    expect(classifyAddress(address)).toBe(range);
  });

  it.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '100.128.0.1', '169.255.0.1', '2606:4700:4700::1111', '2a00:1450:4001:80b::200e', '64:ff9b::8.8.8.8', '2002:808:808::1'])(
    '%s is public',
    (address) => {
      expect(classifyAddress(address)).toBeNull();
    },
  );

  it('reads IPv6 shorthand into 16 bytes', () => {
    expect(ipv6Bytes('::1')).toEqual([...Array(15).fill(0), 1]);
    expect(ipv6Bytes('fe80::')).toEqual([0xfe, 0x80, ...Array(14).fill(0)]);
    expect(ipv6Bytes('::ffff:1.2.3.4')).toEqual([...Array(10).fill(0), 0xff, 0xff, 1, 2, 3, 4]);
    expect(ipv6Bytes('1:2:3:4:5:6:7:8')).toEqual([0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 8]);
  });
});

describe('resolveTarget', () => {
  const refuses = async (url: string, lookup?: LookupAll) => {
    const error = await resolveTarget(new URL(url), { allowPrivate: false, lookup }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TargetRefused);
    return (error as TargetRefused).message;
  };

  it('refuses loopback, private, metadata and IPv6 loopback literals, and localhost by its real resolution', async () => {
    expect(await refuses('http://127.0.0.1:8080/hook')).toMatch(/127\.0\.0\.1, a loopback address/);
    expect(await refuses('https://10.0.0.5/hook')).toMatch(/private/);
    expect(await refuses('http://169.254.169.254/latest/meta-data/')).toMatch(/link-local/);
    expect(await refuses('http://[::1]:3000/')).toMatch(/::1, a loopback address/);
    expect(await refuses('http://[::ffff:127.0.0.1]/')).toMatch(/IPv4-mapped/);
    expect(await refuses('http://localhost:3000/')).toMatch(/localhost resolves to .*loopback/);
  });

  it('refuses a host when any of its addresses is private (a public one beside it does not help)', async () => {
    const lookup: LookupAll = async () => [
      { address: '93.184.215.14', family: 4 },
      { address: '10.0.0.7', family: 4 },
    ];
    expect(await refuses('https://hooks.example.com/x?token=secret', lookup)).toBe(
      'hooks.example.com resolves to 10.0.0.7, a private address (set WEBHOOK_ALLOW_PRIVATE=1 to allow private targets)',
    );
  });

  it('refuses other schemes and hosts that do not resolve', async () => {
    expect(await refuses('ftp://example.com/')).toMatch(/only http and https/);
    expect(await refuses('https://nowhere.invalid/', async () => Promise.reject(new Error('ENOTFOUND')))).toMatch(/could not be resolved/);
    expect(await refuses('https://empty.example/', async () => [])).toMatch(/could not be resolved/);
  });

  it('answers the first checked address, which the request then connects to', async () => {
    const lookup: LookupAll = async () => [
      { address: '2606:4700::1', family: 6 },
      { address: '93.184.215.14', family: 4 },
    ];
    const target = await resolveTarget(new URL('https://hooks.example.com/in'), { allowPrivate: false, lookup });
    expect(target.address).toEqual({ address: '2606:4700::1', family: 6 });
  });

  it('allows private targets when the operator says so', async () => {
    const target = await resolveTarget(new URL('http://127.0.0.1:9/'), { allowPrivate: true });
    expect(target.address).toEqual({ address: '127.0.0.1', family: 4 });
  });
});
