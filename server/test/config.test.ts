import { describe, expect, it } from 'vitest';
import { checkSecureContext, ConfigError, loadConfig } from '../src/config.ts';

describe('configuration', () => {
  it('defaults to http://localhost:8080 and ./data', () => {
    const config = loadConfig({}, '/srv/kumiai');
    expect(config.host).toBe('localhost');
    expect(config.port).toBe(8080);
    expect(config.publicUrl).toBe('http://localhost:8080');
    expect(config.dataDir).toBe('/srv/kumiai/data');
    expect(checkSecureContext(config)).toBeNull();
  });

  it('reads the port, host and data dir from the environment', () => {
    const config = loadConfig({ KUMIAI_PORT: '9000', KUMIAI_HOST: '127.0.0.1', KUMIAI_DATA_DIR: '/var/lib/kumiai' }, '/srv');
    expect(config.publicUrl).toBe('http://127.0.0.1:9000');
    expect(config.dataDir).toBe('/var/lib/kumiai');
  });

  it('rejects nonsense values with the variable named', () => {
    expect(() => loadConfig({ KUMIAI_PORT: 'eighty' })).toThrow(/KUMIAI_PORT/);
    expect(() => loadConfig({ KUMIAI_PUBLIC_URL: 'ftp://x' })).toThrow(/KUMIAI_PUBLIC_URL/);
    expect(() => loadConfig({ KUMIAI_TLS_CERT: '/c.pem' })).toThrow(/together/);
  });

  it('refuses plain http on a LAN address and explains the fixes', () => {
    const config = loadConfig({ KUMIAI_HOST: '0.0.0.0' });
    expect(() => checkSecureContext({ ...config, publicUrl: 'http://192.168.1.20:8080' })).toThrow(ConfigError);
    expect(() => checkSecureContext(loadConfig({ KUMIAI_HOST: '0.0.0.0', KUMIAI_PUBLIC_URL: 'http://192.168.1.20:8080' }))).toThrow(
      /KUMIAI_TLS_CERT[\s\S]*KUMIAI_PUBLIC_URL=https[\s\S]*KUMIAI_ALLOW_INSECURE/,
    );
  });

  it('accepts TLS, an https public URL behind a proxy, or an explicit insecure override with a warning', () => {
    expect(checkSecureContext(loadConfig({ KUMIAI_HOST: '0.0.0.0', KUMIAI_TLS_CERT: '/c', KUMIAI_TLS_KEY: '/k' }))).toBeNull();
    const proxied = loadConfig({ KUMIAI_HOST: '0.0.0.0', KUMIAI_PUBLIC_URL: 'https://kumiai.example.org/', KUMIAI_TRUST_PROXY: '1' });
    expect(proxied.publicUrl).toBe('https://kumiai.example.org');
    expect(proxied.trustProxy).toEqual(['loopback']);
    expect(checkSecureContext(proxied)).toBeNull();
    const insecure = loadConfig({ KUMIAI_HOST: '0.0.0.0', KUMIAI_PUBLIC_URL: 'http://192.168.1.20:8080', KUMIAI_ALLOW_INSECURE: '1' });
    expect(checkSecureContext(insecure)).toMatch(/^INSECURE/);
  });

  it('trusts forwarded addresses only from the proxies named: 1 means this machine, else a list of addresses and CIDR ranges', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ KUMIAI_TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(loadConfig({ KUMIAI_TRUST_PROXY: 'true' }).trustProxy).toEqual(['loopback']);
    expect(loadConfig({ KUMIAI_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,fd00::/8' }).trustProxy).toEqual(['127.0.0.1', '10.0.0.0/8', 'fd00::/8']);
    for (const bad of ['*', '10.0.0.0/33', 'proxy.example.org', '10.0.0.1/8/8', 'all']) {
      expect(() => loadConfig({ KUMIAI_TRUST_PROXY: bad }), bad).toThrow(/KUMIAI_TRUST_PROXY/);
    }
  });
});
