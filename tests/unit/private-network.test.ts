import { describe, expect, it } from 'vitest';
import { privateAddressReason, privateHostReason, privateUrlReason } from '@/core/private-network';

describe('private addresses and hosts a fetch must not reach', () => {
  it.each([
    // Loopback in every spelling the URL parser turns into 127.0.0.1.
    ['http://127.0.0.1/', 'loopback'],
    ['http://127.255.3.4:8080/admin', 'loopback'],
    ['http://0x7f000001/', 'loopback'],
    ['http://2130706433/', 'loopback'],
    ['http://0177.0.0.1/', 'loopback'],
    ['http://0x7f.0.0.1/', 'loopback'],
    ['http://127.1/', 'loopback'],
    ['http://127.0.0.1./', 'loopback'],
    ['http://localhost:3000/', 'loopback'],
    ['http://LOCALHOST./', 'loopback'],
    ['http://app.localhost/', 'loopback'],
    ['http://[::1]/', 'loopback'],
    ['http://[0:0:0:0:0:0:0:1]/', 'loopback'],
    ['http://[::ffff:127.0.0.1]/', 'loopback'],
    ['http://[::ffff:7f00:1]/', 'loopback'],
    ['http://[::127.0.0.1]/', 'loopback'],
    ['http://[64:ff9b::127.0.0.1]/', 'loopback'],
    ['http://[2002:7f00:1::]/', 'loopback'],
    // "This network": 0.0.0.0 reaches this computer on Linux and macOS.
    ['http://0.0.0.0/', 'unspecified'],
    ['http://0/', 'unspecified'],
    ['http://[::]/', 'unspecified'],
    // RFC 1918.
    ['http://10.0.0.1/', 'private'],
    ['http://10.255.255.255/', 'private'],
    ['http://172.16.0.1/', 'private'],
    ['http://172.31.255.1/', 'private'],
    ['http://192.168.1.1/', 'private'],
    ['http://3232235777/', 'private'], // 192.168.1.1 as one number
    ['http://0xc0.0xa8.1.1/', 'private'],
    ['http://[::ffff:192.168.1.1]/', 'private'],
    ['http://[::ffff:c0a8:101]/', 'private'],
    // Link-local: the cloud metadata service.
    ['http://169.254.169.254/latest/meta-data/', 'link-local'],
    ['http://[fe80::1]/', 'link-local'],
    ['http://[febf::1]/', 'link-local'],
    ['http://[::ffff:169.254.169.254]/', 'link-local'],
    // Carrier-grade NAT.
    ['http://100.64.0.1/', 'shared'],
    ['http://100.127.255.254/', 'shared'],
    // Unique-local IPv6.
    ['http://[fc00::1]/', 'unique-local'],
    ['http://[fd12:3456:789a::1]/', 'unique-local'],
    ['http://[fec0::1]/', 'private'],
    ['http://[64:ff9b:1::1]/', 'private'],
    // Multicast and reserved ranges.
    ['http://224.0.0.1/', 'multicast'],
    ['http://[ff02::1]/', 'multicast'],
    ['http://255.255.255.255/', 'reserved'],
    ['http://240.0.0.1/', 'reserved'],
    ['http://192.0.2.10/', 'reserved'],
    ['http://198.51.100.7/', 'reserved'],
    ['http://203.0.113.9/', 'reserved'],
    ['http://198.18.0.1/', 'reserved'],
    ['http://[2001:db8::1]/', 'reserved'],
    ['http://[100::1]/', 'reserved'],
    // Names only a local network answers for.
    ['http://intranet/', 'local-name'],
    ['http://intranet./', 'local-name'],
    ['http://router/', 'local-name'],
    ['http://printer.local/', 'local-name'],
    ['http://wiki.corp.internal/', 'local-name'],
    ['http://nas.home.arpa/', 'local-name'],
    ['http://gateway.lan/', 'local-name'],
    ['http://box.localdomain/', 'local-name'],
  ])('%s is refused (%s)', (url, reason) => {
    expect(privateUrlReason(url)).toBe(reason);
  });

  it.each([
    'https://www.washingtonpost.com/world/story/',
    'http://example.com/',
    'https://edge.test/redirect/to',
    'http://8.8.8.8/',
    'http://1.1.1.1/',
    'http://100.63.255.255/', // just below carrier-grade NAT
    'http://100.128.0.1/', // just above it
    'http://172.15.255.255/', // just below 172.16/12
    'http://172.32.0.1/', // just above it
    'http://192.169.0.1/',
    'http://169.253.0.1/',
    'http://11.0.0.1/',
    'http://[2606:4700:4700::1111]/',
    'http://[::ffff:8.8.8.8]/',
    'http://[64:ff9b::8.8.8.8]/',
    'http://[2002:808:808::]/',
    'http://local.example.com/', // "local" as a label, not the suffix
    'http://localhost.example.com/',
    'http://home.example/',
    'https://xn--bcher-kva.example/',
  ])('%s is public', (url) => {
    expect(privateUrlReason(url)).toBeNull();
  });

  it('classifies addresses as a DNS lookup answers them', () => {
    expect(privateAddressReason('127.0.0.1')).toBe('loopback');
    expect(privateAddressReason('::1')).toBe('loopback');
    expect(privateAddressReason('::ffff:127.0.0.1')).toBe('loopback');
    expect(privateAddressReason('fe80::1%eth0')).toBe('link-local');
    expect(privateAddressReason('10.1.2.3')).toBe('private');
    expect(privateAddressReason('93.184.215.14')).toBeNull();
    expect(privateAddressReason('2a00:1450:4001:82b::200e')).toBeNull();
  });

  it('is not fooled by junk', () => {
    expect(privateAddressReason('not an address')).toBeNull();
    expect(privateAddressReason('1.2.3')).toBeNull(); // not dotted-quad: a DNS answer never looks like this
    expect(privateAddressReason('256.1.1.1')).toBeNull();
    expect(privateAddressReason('1::2::3')).toBeNull();
    expect(privateAddressReason('1:2:3:4:5:6:7:8:9')).toBeNull();
    expect(privateAddressReason('::ffff:999.1.1.1')).toBeNull();
    expect(privateUrlReason('not a url')).toBeNull();
    expect(privateHostReason('')).toBeNull();
    expect(privateHostReason('exa mple.com')).toBeNull();
  });

  it('takes bare hosts as written in a URL, IPv6 with or without brackets', () => {
    expect(privateHostReason('0x7f000001')).toBe('loopback');
    expect(privateHostReason('::1')).toBe('loopback');
    expect(privateHostReason('[::1]')).toBe('loopback');
    expect(privateHostReason('Intranet')).toBe('local-name');
    expect(privateHostReason('news.example.com')).toBeNull();
  });
});
