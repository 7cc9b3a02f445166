/**
 * The backend examples in examples/identity/ must produce what Parley accepts:
 * each is run as a host developer would, and its output verified here.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { verifyIdentityToken } from './identity-token.js';
import { isValidUserHash } from './user-hash.js';

const examples = fileURLToPath(new URL('../../../examples/identity/', import.meta.url));
const onPath = (cmd: string) => spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status === 0;

const cases: { name: string; cmd: string; file: string; available: boolean }[] = [
  { name: 'node.mjs', cmd: process.execPath, file: 'node.mjs', available: true },
  { name: 'python.py', cmd: 'python3', file: 'python.py', available: onPath('python3') },
  { name: 'ruby.rb', cmd: 'ruby', file: 'ruby.rb', available: onPath('ruby') },
];

describe('examples/identity', () => {
  const userId = 'user-42@example';
  const secret = 'an example workspace secret';

  for (const c of cases) {
    it.skipIf(!c.available)(`${c.name} prints a userHash and an identity token that Parley accepts`, async () => {
      const out = execFileSync(c.cmd, [`${examples}${c.file}`, userId, secret], { encoding: 'utf8', timeout: 10_000 });
      const userHash = /^userHash=([0-9a-f]{64})$/m.exec(out)?.[1];
      const token = /^identityToken=([\w-]+\.[\w-]+\.[\w-]+)$/m.exec(out)?.[1];
      expect(userHash && isValidUserHash(secret, userId, userHash)).toBe(true);
      await expect(verifyIdentityToken(secret, token ?? '')).resolves.toEqual({ userId });
      await expect(verifyIdentityToken('another secret', token ?? '')).rejects.toMatchObject({ code: 'invalid_user_hash' });
      const claims = JSON.parse(Buffer.from((token ?? '').split('.')[1], 'base64url').toString()) as { iat: number; exp: number };
      expect(claims.exp - claims.iat).toBeLessThanOrEqual(3600);
    });
  }

  it('node.mjs explains its usage when arguments are missing', () => {
    const res = spawnSync(process.execPath, [`${examples}node.mjs`], { encoding: 'utf8' });
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/usage/);
  });
});
